import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { and, eq, getTableColumns, getTableName, inArray, is, isNull, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_AUTH_SECRET, testDbKinds } from "../../../../test/support/databases";
import { expectAccessiblePdf, readPdf, structElements } from "../../../../test/support/pdf";
import { openTestDatabase, startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import { type CandidateMeResponse, PROFILE_PARTS } from "../../../contracts/candidates";
import type { ErrorResponse } from "../../../contracts/common";
import { type ConsentsResponse, EXPORT_SECTIONS, type PersonalDataExport } from "../../../contracts/privacy";
import type { CandidateVacancyListResponse } from "../../../contracts/vacancies";
import type { Database, Db } from "../../platform/db";
import { parseEnv } from "../../platform/env";
import { createEventBus, type EventBus } from "../../platform/events";
import { createLocalFileStorage } from "../../platform/files";
import { createMailer } from "../../platform/mail";
import { mailOutbox } from "../../platform/mail.schema";
import { profileRetentionReminder } from "../../platform/mail-templates";
import * as schema from "../../platform/schema";
import { createStore } from "../../platform/store";
import { DEMO_PASSWORD } from "../../seed/demo";
import { hashPassword } from "../identity";
import { auditEvents, invitations, sessions } from "../identity/identity.schema";
import { matchEvaluations, matches, matchHistory } from "../matches/matches.schema";
import {
  placements,
  timesheetDigestItems,
  timesheetEntries,
  timesheetLog,
  timesheetMailSettings,
  timesheets,
} from "../placements/placements.schema";
import { accounts, memberships, organisations, portals, users } from "../tenancy/tenancy.schema";
import { registerCandidateSubscribers } from "./candidates.events";
import { candidatePortalVisibility, candidates } from "./candidates.schema";
import { monthsBefore, type RetentionDeps, runCandidateRetention } from "./privacy.jobs";
import { candidateConsents } from "./privacy.schema";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);
const KIM_EMAIL = "kandidaat@demo.werkbrug.test";

/** Every table of the app (platform/schema.ts), by name. */
const TABLES: PgTable[] = (Object.values(schema) as unknown[]).filter((value): value is PgTable =>
  is(value, PgTable),
);

/** The text drawn on a PDF (through its fonts' ToUnicode maps). */
const pdfText = (pdf: Buffer) => readPdf(pdf).text;

async function multipart(fields: Record<string, string | { data: Buffer; type: string; name: string }>) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "string") form.set(key, value);
    else form.set(key, new Blob([new Uint8Array(value.data)], { type: value.type }), value.name);
  }
  const body = new Response(form);
  return { data: Buffer.from(await body.arrayBuffer()), type: body.headers.get("content-type")! };
}

/** Which tables hold a needle (case-insensitive), over every row of every table. */
async function tablesContaining(db: Db, needles: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const table of TABLES) {
    const text = JSON.stringify(await db.select().from(table)).toLowerCase();
    for (const needle of needles) {
      if (text.includes(needle.toLowerCase())) found.push(`${getTableName(table)}: ${needle}`);
    }
  }
  return found;
}

describe.each(testDbKinds())("privacy self-service on %s", (kind) => {
  let server: TestServer;
  let kim: Client; // kandidaat@: Haaglanden candidate with a full profile, visible there
  let manager: Client; // accountmanager@: Fatima, Gemeente Den Haag, Kim's account manager
  let employer: Client; // werkgever@: employer contact and also a Haaglanden candidate
  let kimId: string;
  let kimUserId: string;
  let vacancyId: string;
  let applicationId: string;

  const host = (slug: string) => `${slug}.localhost:${server.port}`;
  const consents = async (client: Client) => {
    const res = await client.call("/api/v1/candidates/me/consents");
    expect(res.status, res.text).toBe(200);
    return res.json<ConsentsResponse>();
  };
  const setConsent = (client: Client, purpose: string, body: unknown, language = "nl") =>
    client.call(`/api/v1/candidates/me/consents/${purpose}`, {
      method: "PUT",
      body,
      headers: { "accept-language": language },
    });
  const portalState = (c: ConsentsResponse, slug: string) =>
    c.consents.find((s) => s.purpose === "employers_portal" && s.portal?.slug === slug);

  beforeAll(async () => {
    server = await startTestServer({ kind, web: false });
    kim = new Client(server, host("haaglanden"));
    manager = new Client(server, host("haaglanden"));
    employer = new Client(server, host("haaglanden"));
    await signIn(kim, KIM_EMAIL);
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    await signIn(employer, "werkgever@demo.werkbrug.test");
    const me = (await kim.call("/api/v1/candidates/me")).json<CandidateMeResponse>();
    kimId = me.profile.id;
    const [user] = await server.database.db.select().from(users).where(eq(users.email, KIM_EMAIL));
    kimUserId = user!.id;
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  describe("consents", () => {
    it("treats visibility to employers as the portal visibility itself, with a dated history", async () => {
      const first = await consents(kim);
      // Kim was made visible on Haaglanden by the seed: the history starts with that, by the system.
      expect(portalState(first, "haaglanden")).toMatchObject({ given: true });
      expect(portalState(first, "rijnmond")).toMatchObject({ given: false, at: null });
      expect(first.history).toContainEqual(
        expect.objectContaining({ purpose: "employers_portal", given: true, source: "system" }),
      );

      // Withdrawing here hides her from staff: one source of truth with decision 0011.
      const hidden = await setConsent(kim, "employers_portal", { given: false });
      expect(hidden.status, hidden.text).toBe(200);
      const afterHide = hidden.json<ConsentsResponse>();
      expect(portalState(afterHide, "haaglanden")).toMatchObject({ given: false });
      expect(afterHide.history[0]).toMatchObject({
        purpose: "employers_portal",
        portal: { slug: "haaglanden" },
        given: false,
        source: "candidate",
      });
      expect((await manager.call(`/api/v1/candidates/${kimId}`)).status).toBe(404);
      const me = (await kim.call("/api/v1/candidates/me")).json<CandidateMeResponse>();
      expect(me.visibility.find((v) => v.portal.slug === "haaglanden")?.visible).toBe(false);

      // Another portal by slug.
      const rijnmond = (
        await setConsent(kim, "employers_portal", { given: true, portal: "rijnmond" })
      ).json<ConsentsResponse>();
      expect(portalState(rijnmond, "rijnmond")).toMatchObject({ given: true });
      const [row] = await server.database.db
        .select()
        .from(candidatePortalVisibility)
        .innerJoin(portals, eq(portals.id, candidatePortalVisibility.portalId))
        .where(and(eq(candidatePortalVisibility.candidateId, kimId), eq(portals.slug, "rijnmond")));
      expect(row?.candidate_portal_visibility.visible).toBe(true);

      // The visibility switch on the profile page is the same consent: it shows up in the history.
      const switched = await kim.call("/api/v1/candidates/me/visibility", {
        method: "PUT",
        body: { portal: "haaglanden", visible: true },
      });
      expect(switched.status).toBe(200);
      const after = await consents(kim);
      expect(portalState(after, "haaglanden")).toMatchObject({ given: true });
      expect(after.history[0]).toMatchObject({
        portal: { slug: "haaglanden" },
        given: true,
        source: "candidate",
      });
      expect((await manager.call(`/api/v1/candidates/${kimId}`)).status).toBe(200);
      // Reading again adds nothing.
      expect((await consents(kim)).history).toHaveLength(after.history.length);
    });

    it("keeps research use in the Settings switch, with its history", async () => {
      const given = (await setConsent(kim, "research", { given: true })).json<ConsentsResponse>();
      expect(given.consents.find((c) => c.purpose === "research")).toMatchObject({
        given: true,
        portal: null,
      });
      const settings = (await kim.call("/api/v1/me/profile")).json<{ consentResearch: boolean }>();
      expect(settings.consentResearch).toBe(true);

      // Withdrawn under Settings: the consents page shows it, and the history records it.
      const patched = await kim.call("/api/v1/me/profile", {
        method: "PATCH",
        body: { consentResearch: false },
      });
      expect(patched.status, patched.text).toBe(200);
      const after = await consents(kim);
      expect(after.consents.find((c) => c.purpose === "research")?.given).toBe(false);
      expect(after.history.filter((h) => h.purpose === "research").map((h) => h.given)).toEqual([
        false,
        true,
      ]);
    });

    it("is documented in the OpenAPI document under the tag candidates", async () => {
      const spec = (await new Client(server).call("/api/openapi.json")).json<{
        paths: Record<string, Record<string, { tags?: string[] }>>;
      }>();
      for (const [path, method] of [
        ["/api/v1/candidates/me/consents", "get"],
        ["/api/v1/candidates/me/consents/{purpose}", "put"],
        ["/api/v1/candidates/me/export.json", "get"],
        ["/api/v1/candidates/me/export.pdf", "get"],
        ["/api/v1/candidates/me/erase", "post"],
      ] as const) {
        expect(spec.paths[path]?.[method]?.tags, `${method} ${path}`).toEqual(["candidates"]);
      }
    });

    it("refuses unknown portals and purposes, and people without the candidate role", async () => {
      const unknown = await setConsent(kim, "employers_portal", { given: true, portal: "atlantis" }, "en");
      expect(unknown.status).toBe(400);
      expect(unknown.json<ErrorResponse>().error.fields).toEqual([
        { path: "portal", message: "Choose a value from the list." },
      ]);
      expect((await setConsent(kim, "marketing", { given: true })).status).toBe(400);
      expect((await setConsent(kim, "research", {})).status).toBe(400);
      expect((await manager.call("/api/v1/candidates/me/consents")).status).toBe(403);
      expect((await new Client(server).call("/api/v1/candidates/me/export.json")).status).toBe(401);
    });
  });

  describe("download my data", () => {
    beforeAll(async () => {
      // Files, an application with a CV, a message, a saved vacancy, a contact-details view and
      // an invitation to her address: something in every table the export covers.
      expect(
        (
          await kim.call("/api/v1/candidates/me/photo", {
            method: "PUT",
            raw: { data: PNG, type: "image/png" },
          })
        ).status,
      ).toBe(200);
      expect(
        (await kim.call("/api/v1/candidates/me/media/photos", { raw: { data: PNG, type: "image/png" } }))
          .status,
      ).toBe(201);
      expect(
        (
          await kim.call("/api/v1/candidates/me/documents?fileName=cv-kim.pdf&kind=cv", {
            raw: { data: PDF, type: "application/pdf" },
          })
        ).status,
      ).toBe(201);
      expect(
        (await kim.call("/api/v1/me/avatar", { method: "PUT", raw: { data: PNG, type: "image/png" } }))
          .status,
      ).toBe(200);
      const list = (await kim.call("/api/v1/vacancies/for-candidate")).json<CandidateVacancyListResponse>();
      vacancyId = list.vacancies[0]!.id;
      const applied = await kim.call(`/api/v1/vacancies/${vacancyId}/applications`, {
        raw: await multipart({
          motivation: "Unieke motivatie van Xandrijntje voor deze baan",
          cv: { data: PDF, type: "application/pdf", name: "sollicitatie-cv.pdf" },
        }),
      });
      expect(applied.status, applied.text).toBe(201);
      const [match] = await server.database.db
        .select()
        .from(matches)
        .where(and(eq(matches.candidateId, kimId), eq(matches.vacancyId, vacancyId)));
      applicationId = match!.id;
      const saved = await kim.call(
        `/api/v1/candidates/me/saved-vacancies/${list.vacancies[1]?.id ?? vacancyId}`,
        {
          method: "PUT",
        },
      );
      expect(saved.status, saved.text).toBe(204);
      const approached = await manager.call(`/api/v1/candidates/${kimId}/approach`, {
        body: { subject: "Een baan voor jou", message: "Beste Xandrijntje, we hebben een mooie baan." },
      });
      expect(approached.status, approached.text).toBe(201);
      expect((await manager.call(`/api/v1/candidates/${kimId}/contact-details`)).status).toBe(200);
      const [gemeente] = await server.database.db
        .select()
        .from(organisations)
        .where(eq(organisations.name, "Gemeente Den Haag"));
      await server.database.db.insert(invitations).values({
        tokenHash: `test-${kimId}`,
        email: KIM_EMAIL,
        organisationId: gemeente!.id,
        role: "account_manager",
        personalMessage: "Hoi Kim, kom je ons team versterken?",
        invitedByUserId: "demo-beheer",
        expiresAt: new Date(Date.now() + 30 * 86_400_000),
      });
    });

    it("downloads a JSON attachment with every part of the profile and every table about the person", async () => {
      const res = await kim.call("/api/v1/candidates/me/export.json");
      expect(res.status, res.text).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      expect(res.headers["content-disposition"]).toMatch(
        /^attachment; filename="werkbrug-mijn-gegevens-\d{4}-\d{2}-\d{2}\.json"/,
      );
      // Nothing secret: no password hash, no session token, no second-factor secret.
      expect(res.text).not.toMatch(/\$argon2/);
      const [session] = await server.database.db
        .select()
        .from(sessions)
        .where(eq(sessions.userId, kimUserId));
      expect(res.text).not.toContain(session!.token);
      const data = res.json<PersonalDataExport>();

      for (const section of EXPORT_SECTIONS) expect(data, section).toHaveProperty(section);
      expect(data.account).toMatchObject({ id: kimUserId, email: KIM_EMAIL, name: "Kim de Kandidaat" });
      expect(data.account).not.toHaveProperty("password");

      // Every part of the profile as the contract names them, and every stored column.
      expect(data.candidates).toHaveLength(1);
      const profile = data.candidates[0]!;
      for (const part of PROFILE_PARTS) expect(profile, part).toHaveProperty(part);
      expect(Object.keys(profile.stored).sort()).toEqual(Object.keys(getTableColumns(candidates)).sort());
      expect(profile.general).toMatchObject({
        firstName: "Kim",
        lastName: "de Kandidaat",
        postcode: "2512 AB",
      });
      expect(profile.general.photoUrl).toMatch(/^\/api\/v1\/candidates\/me\/photo\?v=/);
      expect(profile.contact).toMatchObject({ email: KIM_EMAIL, phone: "06-12345678" });
      expect(profile.contact.accountManager?.name).toBeTruthy();
      expect(profile.experience).toHaveLength(3);
      expect(profile.education).toHaveLength(2);
      expect(profile.courses).toHaveLength(3);
      expect(profile.hobbies).toContain("Hardlopen");
      expect(profile.media.photos).toHaveLength(1);
      expect(profile.media.videos).toHaveLength(1);
      expect(profile.documents).toEqual([
        expect.objectContaining({
          kind: "cv",
          fileName: "cv-kim.pdf",
          url: expect.stringMatching(/^\/api\/v1\/candidates\/me\/documents\//),
        }),
      ]);
      expect(profile.visibility.find((v) => v.portal.slug === "rijnmond")?.visible).toBe(true);
      // The download links work for the person.
      expect((await kim.call(profile.documents[0]!.url)).status).toBe(200);
      expect((await kim.call(profile.media.photos[0]!.url)).status).toBe(200);

      // Each table that holds something about the person is in the export.
      expect(data.signInMethods).toEqual([expect.objectContaining({ providerId: "credential" })]);
      expect(data.sessions.length).toBeGreaterThan(0);
      expect(data.memberships).toContainEqual(
        expect.objectContaining({ role: "candidate", portal: "haaglanden" }),
      );
      expect(data.consents.history.length).toBeGreaterThan(0);
      expect(data.consents.current).toContainEqual(
        expect.objectContaining({ candidateId: kimId, purpose: "research", given: false }),
      );
      // Her own application, and the match the seed hired her through at Westland Logistiek.
      const application = data.applications.find((x) => x.id === applicationId);
      expect(application).toEqual(
        expect.objectContaining({
          id: applicationId,
          vacancyId,
          source: "applied",
          motivation: "Unieke motivatie van Xandrijntje voor deze baan",
          cv: expect.objectContaining({
            fileName: "sollicitatie-cv.pdf",
            url: `/api/v1/applications/${applicationId}/cv`,
          }),
        }),
      );
      expect(application!.vacancyTitle).toBeTruthy();
      expect((await kim.call(application!.cv!.url)).status).toBe(200);
      const hired = data.applications.find((x) => x.status === "hired");
      expect(hired).toMatchObject({ organisation: "Westland Logistiek B.V.", candidateId: kimId });
      // And her application to the demo selection of the agency (issue 15).
      expect(data.applications.map((x) => x.vacancyTitle)).toContain("Beleidsmedewerker arbeidsmarkt");
      expect(data.applications).toHaveLength(3);

      // Her placement there with the four weeks she wrote, newest first, hours per day and kind.
      expect(data.placements).toEqual([
        expect.objectContaining({
          candidateId: kimId,
          matchId: hired!.id,
          vacancyTitle: hired!.vacancyTitle,
          employer: "Westland Logistiek B.V.",
          endDate: null,
        }),
      ]);
      const placement = data.placements[0]!;
      // The rate is the employer's, not about her.
      expect(placement).not.toHaveProperty("rateCents");
      expect(placement.weeks.map((w) => w.status)).toEqual(["submitted", "approved", "approved", "approved"]);
      expect(placement.weeks[0]).toMatchObject({ decidedAt: null, decisionComment: null });
      expect(placement.weeks[0]!.submittedAt).toBeTruthy();
      expect(placement.weeks[3]!.weekStart).toBe(placement.startDate);
      expect(placement.weeks[2]).toMatchObject({ remark: "Donderdag een uur eerder weg (tandarts)." });
      expect(placement.weeks[2]!.entries.map((e) => e.hours)).toEqual([8, 8, 8, 7]);
      expect(placement.weeks[1]!.entries).toContainEqual(
        expect.objectContaining({ kind: "overtime", hours: 1.5 }),
      );
      for (const week of placement.weeks.slice(1)) expect(week.decidedAt).toBeTruthy();
      expect(data.messages).toEqual([
        expect.objectContaining({
          subject: "Een baan voor jou",
          body: expect.stringContaining("Xandrijntje"),
        }),
      ]);
      expect(data.savedVacancies).toHaveLength(1);
      expect(data.contactViews).toEqual([
        expect.objectContaining({ viewer: expect.any(String), organisation: "Gemeente Den Haag" }),
      ]);
      expect(data.auditEvents.map((e) => e.type)).toContain("sign_in_succeeded");
      expect(data.invitations).toEqual([
        expect.objectContaining({
          email: KIM_EMAIL,
          organisation: "Gemeente Den Haag",
          role: "account_manager",
        }),
      ]);

      // And the other way round: every table with a row pointing at the person is covered.
      const covered: Record<string, keyof PersonalDataExport | "candidates"> = {
        users: "account",
        accounts: "signInMethods",
        sessions: "sessions",
        memberships: "memberships",
        candidates: "candidates",
        candidate_portal_visibility: "candidates",
        // The explorer's search document: the profile's own words and choices, derived from it.
        candidate_search: "candidates",
        candidate_documents: "candidates",
        candidate_photos: "candidates",
        candidate_consents: "consents",
        matches: "applications",
        placements: "placements",
        timesheets: "placements",
        candidate_messages: "messages",
        saved_vacancies: "savedVacancies",
        contact_detail_views: "contactViews",
        audit_events: "auditEvents",
        invitations: "invitations",
      };
      // Secrets and single-use tokens only; nothing a person reads.
      const secrets = new Set(["two_factors", "verifications", "account_claims", "rate_limits"]);
      const pointing: string[] = [];
      for (const table of TABLES) {
        const columns = getTableColumns(table);
        const refs = [
          ...(columns.userId ? [sql`${columns.userId} = ${kimUserId}`] : []),
          ...(columns.candidateId ? [sql`${columns.candidateId} = ${kimId}`] : []),
          ...(getTableName(table) === "users" ? [sql`${columns.id} = ${kimUserId}`] : []),
          ...(getTableName(table) === "candidates" ? [sql`${columns.id} = ${kimId}`] : []),
          ...(columns.email ? [sql`lower(${columns.email}) = ${KIM_EMAIL}`] : []),
        ];
        if (refs.length === 0) continue;
        const rows = await server.database.db
          .select({ n: sql<number>`count(*)` })
          .from(table)
          .where(sql.join(refs, sql` or `));
        if (Number(rows[0]?.n ?? 0) > 0) pointing.push(getTableName(table));
      }
      expect(pointing.length).toBeGreaterThan(10);
      expect(pointing.filter((t) => !(t in covered) && !secrets.has(t))).toEqual([]);
    });

    it("downloads the same as a readable PDF in the asked language", async () => {
      const en = await kim.call("/api/v1/candidates/me/export.pdf", { headers: { "accept-language": "en" } });
      expect(en.status, en.text).toBe(200);
      expect(en.headers["content-type"]).toBe("application/pdf");
      expect(en.headers["content-disposition"]).toMatch(
        /^attachment; filename="werkbrug-my-data-\d{4}-\d{2}-\d{2}\.pdf"/,
      );
      expect(en.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const text = pdfText(en.body);
      for (const expected of [
        "My data: Kim de Kandidaat",
        "Profile on Werkbrug Haaglanden",
        "Work experience",
        "Medewerker klantenservice",
        "Unieke motivatie van Xandrijntje",
        "Placements and hours",
        "Westland Logistiek B.V.",
        "Donderdag een uur eerder weg (tandarts).",
        "Consents",
        "Security events",
        "Gemeente Den Haag",
      ]) {
        expect(text, expected).toContain(expected);
      }
      const nl = await kim.call("/api/v1/candidates/me/export.pdf", { headers: { "accept-language": "nl" } });
      const dutch = pdfText(nl.body);
      expect(dutch).toContain("Mijn gegevens: Kim de Kandidaat");
      expect(dutch).toContain("Werkervaring");
      expect(dutch).toContain("Toestemmingen");
      expect(dutch).toContain("Plaatsingen en uren");
      expect(dutch).toMatch(/Week van \d{1,2} \w+ \d{4}/);

      // PDF tags and fonts: tagged (PDF/UA), in the asked language, fonts embedded, title shown.
      for (const [body, lang, title, consents, sessions, footer] of [
        [
          en.body,
          "en-GB",
          "My data: Kim de Kandidaat",
          "Consents",
          "Sessions (signed-in devices)",
          "Downloaded on",
        ],
        [
          nl.body,
          "nl-NL",
          "Mijn gegevens: Kim de Kandidaat",
          "Toestemmingen",
          "Sessies (ingelogde apparaten)",
          "Gedownload op",
        ],
      ] as const) {
        const report = expectAccessiblePdf(body, { lang, title });
        const elements = structElements(report.structure);
        const [document] = report.structure ?? [];
        // The title first, then the intro, then the sections, in the order they are drawn.
        expect(document?.children.slice(0, 3).map((e) => e.type)).toEqual(["H1", "P", "H2"]);
        expect(document?.children[0]?.text).toBe(title);
        const headings = elements.filter((e) => /^H\d$/.test(e.type)).map((e) => `${e.type} ${e.text}`);
        expect(headings.indexOf(`H2 ${consents}`)).toBeGreaterThan(
          headings.findIndex((h) => h.startsWith("H3 ")),
        );
        expect(headings).toContain(`H3 ${sessions}`);
        // Facts are tables with row headers, entries lists; every piece of text is in the tree
        // except the footer (a pagination artifact).
        expect(elements.some((e) => e.type === "Table")).toBe(true);
        expect(elements.find((e) => e.type === "TR")?.children.map((c) => c.type)).toEqual(["TH", "TD"]);
        expect(elements.some((e) => e.type === "LI" && e.children[0]?.type === "LBody")).toBe(true);
        expect(elements.some((e) => e.text.includes(footer))).toBe(false);
        expect(document?.text).toContain("Westland Logistiek B.V.");
      }
    });
  });

  describe("delete my account", () => {
    it("asks for confirmation and the password, and refuses people who also work for an organisation", async () => {
      const unconfirmed = await kim.call("/api/v1/candidates/me/erase", {
        body: { confirm: false, password: DEMO_PASSWORD },
      });
      expect(unconfirmed.status).toBe(400);
      expect(unconfirmed.json<ErrorResponse>().error.code).toBe("confirmation_required");
      const missing = await kim.call("/api/v1/candidates/me/erase", { body: { confirm: true } });
      expect(missing.status).toBe(400);
      expect(missing.json<ErrorResponse>().error.fields?.[0]?.path).toBe("password");
      const wrong = await kim.call("/api/v1/candidates/me/erase", {
        body: { confirm: true, password: "Niet-het-goede-wachtwoord-1" },
      });
      expect(wrong.status).toBe(400);
      expect(wrong.json<ErrorResponse>().error.fields).toEqual([
        { path: "password", message: "Dit wachtwoord klopt niet." },
      ]);
      const staff = await employer.call("/api/v1/candidates/me/erase", {
        body: { confirm: true, password: DEMO_PASSWORD },
      });
      expect(staff.status).toBe(409);
      expect(staff.json<ErrorResponse>().error.code).toBe("account_has_staff_roles");
      expect(
        (
          await manager.call("/api/v1/candidates/me/erase", {
            body: { confirm: true, password: DEMO_PASSWORD },
          })
        ).status,
      ).toBe(403);
      // Nothing happened.
      expect((await kim.call("/api/v1/candidates/me")).status).toBe(200);
    });

    it("without a password (sign-in through SSO) asks for a session less than 10 minutes old", async () => {
      const { db } = server.database;
      const [rijnmond] = await db.select().from(portals).where(eq(portals.slug, "rijnmond"));
      await db.insert(users).values({
        id: "test-no-password",
        name: "Noor Zonderwachtwoord",
        email: "noor@rijnmond.test",
        emailVerified: true,
      });
      await db.insert(accounts).values({
        id: "test-no-password-credential",
        userId: "test-no-password",
        accountId: "test-no-password",
        providerId: "credential",
        password: await hashPassword(DEMO_PASSWORD),
      });
      await db
        .insert(memberships)
        .values({ userId: "test-no-password", role: "candidate", portalId: rijnmond!.id });
      const noor = new Client(server, host("rijnmond"));
      await signIn(noor, "noor@rijnmond.test");
      // From here on she signs in through her organisation's identity provider only.
      await db.delete(accounts).where(eq(accounts.userId, "test-no-password"));
      await db
        .update(sessions)
        .set({ createdAt: new Date(Date.now() - 11 * 60_000) })
        .where(eq(sessions.userId, "test-no-password"));
      const stale = await noor.call("/api/v1/candidates/me/erase", { body: { confirm: true } });
      expect(stale.status).toBe(403);
      expect(stale.json<ErrorResponse>().error.code).toBe("recent_sign_in_required");
      await db.update(sessions).set({ createdAt: new Date() }).where(eq(sessions.userId, "test-no-password"));
      const fresh = await noor.call("/api/v1/candidates/me/erase", { body: { confirm: true } });
      expect(fresh.status, fresh.text).toBe(204);
      const [user] = await db.select().from(users).where(eq(users.id, "test-no-password"));
      expect(user?.name).toBe("Geanonimiseerde kandidaat");
    });

    it("anonymises the person: nothing personal left in any table, applications kept, files gone", async () => {
      const { db } = server.database;
      // Distinctive values everywhere the person's data is kept, to look for afterwards.
      const profile = await kim.call("/api/v1/candidates/me/profile", {
        method: "PATCH",
        body: {
          general: { firstName: "Xandrijntje", lastName: "Quakkelboom", postcode: "9899 ZQ" },
          contact: { phone: "06-91827364" },
        },
      });
      expect(profile.status, profile.text).toBe(200);
      const settings = await kim.call("/api/v1/me/profile", {
        method: "PATCH",
        body: { name: "Xandrijntje Quakkelboom", phone: "06-91827364", postcode: "9899 ZQ" },
      });
      expect(settings.status, settings.text).toBe(200);
      const needles = [
        KIM_EMAIL,
        "Kim de Kandidaat",
        "Xandrijntje",
        "Quakkelboom",
        "06-91827364",
        "+31691827364",
        "9899 ZQ",
        "Unieke motivatie",
        "Hoi Kim",
        "Kiespijn-Xandrijntje",
        "Urenbriefje-Quakkelboom",
        "Logboek-Quakkelboom",
      ];
      // Staff wrote about her on the application: a step's comment and a verdict's.
      const [application] = await db.select().from(matches).where(eq(matches.id, applicationId));
      await db
        .update(matchHistory)
        .set({ comment: "Gesprek met Quakkelboom gepland" })
        .where(eq(matchHistory.matchId, applicationId));
      await db.insert(matchEvaluations).values({
        matchId: applicationId,
        organisationId: application!.organisationId,
        verdict: "yes",
        comment: "Quakkelboom is sterk in planning",
      });
      // On her seeded weeks of hours: her remark, and the approver's comments on the week and in its log.
      const weeks = await db
        .select()
        .from(timesheets)
        .where(eq(timesheets.candidateId, kimId))
        .orderBy(timesheets.weekStart);
      expect(weeks).toHaveLength(4);
      await db
        .update(timesheets)
        .set({ remark: "Kiespijn-Xandrijntje, dus eerder weg" })
        .where(eq(timesheets.id, weeks[1]!.id));
      await db
        .update(timesheets)
        .set({ decisionComment: "Urenbriefje-Quakkelboom klopt" })
        .where(eq(timesheets.id, weeks[0]!.id));
      await db
        .update(timesheetLog)
        .set({ comment: "Logboek-Quakkelboom: goedgekeurd" })
        .where(and(eq(timesheetLog.timesheetId, weeks[0]!.id), eq(timesheetLog.action, "approved")));
      const hoursBefore = await db
        .select({
          timesheetId: timesheetEntries.timesheetId,
          date: timesheetEntries.date,
          kind: timesheetEntries.kind,
          minutes: timesheetEntries.minutes,
        })
        .from(timesheetEntries)
        .where(
          inArray(
            timesheetEntries.timesheetId,
            weeks.map((w) => w.id),
          ),
        )
        .orderBy(timesheetEntries.id);
      expect(hoursBefore.length).toBeGreaterThan(15);
      // Had she a contact's timesheet mail setting and digest queue, those go with the account.
      await db.insert(timesheetMailSettings).values({ userId: kimUserId, mode: "daily" });
      await db.insert(timesheetDigestItems).values({
        userId: kimUserId,
        timesheetId: weeks[3]!.id,
        organisationId: weeks[3]!.organisationId,
        eventId: randomUUID(),
      });
      // Only the person's own rows hold these now.
      expect((await tablesContaining(db, needles)).length).toBeGreaterThan(5);

      const [before] = await db.select().from(candidates).where(eq(candidates.id, kimId));
      const [user] = await db.select().from(users).where(eq(users.id, kimUserId));
      const [match] = await db.select().from(matches).where(eq(matches.id, applicationId));
      const keys = [
        before!.photoFileKey!,
        match!.cvFileKey!,
        `avatars/${kimUserId}/${user!.image!.split("/").pop()}`,
        ...(await db
          .execute(sql`select file_key from candidate_photos where candidate_id = ${kimId}
                                 union all select file_key from candidate_documents where candidate_id = ${kimId}`)
          .then((r) => (r as unknown as { rows: { file_key: string }[] }).rows.map((x) => x.file_key))),
      ];
      expect(keys).toHaveLength(5);
      const filePath = (key: string) => path.join(server.env.DATA_DIR, "files", key);
      for (const key of keys) expect(existsSync(filePath(key)), key).toBe(true);

      const erased = await kim.call("/api/v1/candidates/me/erase", {
        body: { confirm: true, password: DEMO_PASSWORD },
      });
      expect(erased.status, erased.text).toBe(204);

      // Signed out everywhere.
      expect((await kim.call("/api/v1/candidates/me")).status).toBe(401);

      // Not one table still holds her e-mail, name, phone, postcode or motivation.
      expect(await tablesContaining(db, needles)).toEqual([]);
      for (const key of keys) expect(existsSync(filePath(key)), key).toBe(false);
      // The old address no longer signs in (the attempt itself is logged as any failed sign-in).
      const again = await new Client(server, host("haaglanden")).call("/api/auth/sign-in/email", {
        body: { email: KIM_EMAIL, password: DEMO_PASSWORD },
      });
      expect(again.status).toBe(401);

      // The application still exists, linked to the anonymised candidate.
      const [kept] = await db
        .select({ match: matches, firstName: candidates.firstName, lastName: candidates.lastName })
        .from(matches)
        .innerJoin(candidates, eq(candidates.id, matches.candidateId))
        .where(eq(matches.id, applicationId));
      expect(kept).toMatchObject({
        match: { candidateId: kimId, vacancyId, motivation: "", cvFileKey: null, cvFileName: null },
        firstName: "Geanonimiseerde",
        lastName: "kandidaat",
      });
      // Her weeks stay as payroll records with every hour, without what she or the approver wrote.
      const weeksAfter = await db
        .select()
        .from(timesheets)
        .where(eq(timesheets.candidateId, kimId))
        .orderBy(timesheets.weekStart);
      expect(weeksAfter.map((w) => [w.id, w.weekStart, w.status, w.submittedAt, w.decidedAt])).toEqual(
        weeks.map((w) => [w.id, w.weekStart, w.status, w.submittedAt, w.decidedAt]),
      );
      expect(weeksAfter.every((w) => w.remark === "" && w.decisionComment === null)).toBe(true);
      expect(
        await db
          .select({
            timesheetId: timesheetEntries.timesheetId,
            date: timesheetEntries.date,
            kind: timesheetEntries.kind,
            minutes: timesheetEntries.minutes,
          })
          .from(timesheetEntries)
          .where(
            inArray(
              timesheetEntries.timesheetId,
              weeks.map((w) => w.id),
            ),
          )
          .orderBy(timesheetEntries.id),
      ).toEqual(hoursBefore);
      const log = await db
        .select()
        .from(timesheetLog)
        .where(
          inArray(
            timesheetLog.timesheetId,
            weeks.map((w) => w.id),
          ),
        );
      expect(log.map((x) => x.action).sort()).toEqual([
        "approved",
        "approved",
        "approved",
        "submitted",
        "submitted",
        "submitted",
        "submitted",
      ]);
      expect(log.every((x) => x.comment === null)).toBe(true);
      expect(await db.select().from(placements).where(eq(placements.candidateId, kimId))).toHaveLength(1);

      const [after] = await db.select().from(candidates).where(eq(candidates.id, kimId));
      expect(after).toMatchObject({
        userId: null,
        email: null,
        phone: null,
        birthDate: null,
        postcode: null,
        placeId: null,
        lat: null,
        headline: "",
        summary: "",
        experience: [],
        education: [],
        courses: [],
        hobbies: "",
        media: { videos: [], links: [] },
        photoFileKey: null,
        visible: false,
        accountManagerUserId: null,
      });
      expect(after!.anonymisedAt).toBeInstanceOf(Date);
      expect((await manager.call(`/api/v1/candidates/${kimId}`)).status).toBe(404);
      const visibility = await db
        .select()
        .from(candidatePortalVisibility)
        .where(eq(candidatePortalVisibility.candidateId, kimId));
      expect(visibility.every((v) => !v.visible)).toBe(true);

      // The account row stays (other rows point at it) without anything that identifies her.
      const [account] = await db.select().from(users).where(eq(users.id, kimUserId));
      expect(account).toMatchObject({
        name: "Geanonimiseerde kandidaat",
        phone: null,
        postcode: null,
        image: null,
      });
      expect(account!.email).toMatch(/^erased-[0-9a-f-]{36}@invalid$/);
      expect(account!.deactivatedAt).toBeInstanceOf(Date);
      for (const table of [accounts, sessions, memberships, timesheetMailSettings, timesheetDigestItems]) {
        expect(await db.select().from(table).where(eq(table.userId, kimUserId)), getTableName(table)).toEqual(
          [],
        );
      }
      // The consent history is kept, ending with every consent withdrawn.
      const history = await db
        .select()
        .from(candidateConsents)
        .where(eq(candidateConsents.candidateId, kimId));
      expect(history.length).toBeGreaterThan(3);
      expect(history.filter((h) => h.source === "candidate" && !h.given).length).toBeGreaterThan(0);
      const [event] = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.userId, kimUserId), eq(auditEvents.type, "account_erased")));
      expect(event).toMatchObject({
        actorUserId: kimUserId,
        email: null,
        details: { reason: "self", profiles: 1 },
      });
    });
  });
});

describe.each(testDbKinds())("candidate retention job on %s", (kind) => {
  // 10:00 in Amsterdam on 22 November 2026 (the demo data's "today").
  const NOW = new Date("2026-11-22T09:00:00Z");
  const DAY = 86_400_000;
  let database: Database;
  let db: Db;
  let deps: RetentionDeps;
  let events: EventBus;
  let filesDir: string;
  let haaglandenId: string;
  let kimId: string; // demo-kandidaat: only a candidate, so her account goes with her last profile
  let wimId: string; // demo-werkgever's profile: he also works for an employer, so he keeps his account
  let anonId: string; // a generated profile without an account
  let freshId: string;
  let anonEmail: string;

  const row = async (id: string) => (await db.select().from(candidates).where(eq(candidates.id, id)))[0]!;
  const remindersTo = (email: string) =>
    db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.to, email), sql`${mailOutbox.subject} like 'Wil je je profiel%'`));

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    filesDir = await mkdtemp(path.join(os.tmpdir(), "werkbrug-retention-"));
    // The job writes its reminders to the outbox; this bus delivers them when a test drains it.
    events = createEventBus(db);
    const store = createStore(db, events);
    registerCandidateSubscribers(events, {
      store,
      mailer: createMailer({ MAIL_FROM: "Werkbrug <noreply@test>" }, db),
      publicUrl: "http://localhost:3000",
      secret: TEST_AUTH_SECRET,
    });
    deps = {
      store,
      files: createLocalFileStorage(filesDir),
      retentionMonths: 12,
      graceDays: 30,
    };
    const [haaglanden] = await db.select().from(portals).where(eq(portals.slug, "haaglanden"));
    haaglandenId = haaglanden!.id;
    // Nobody is due unless a test says so.
    await db.update(candidates).set({ profileUpdatedAt: NOW });
    const [kim] = await db.select().from(candidates).where(eq(candidates.userId, "demo-kandidaat"));
    kimId = kim!.id;
    const [wim] = await db
      .insert(candidates)
      .values({
        portalId: haaglandenId,
        userId: "demo-werkgever",
        firstName: "Wim",
        lastName: "van Westen",
        email: "werkgever@demo.werkbrug.test",
        visible: true,
      })
      .returning();
    wimId = wim!.id;
    const [anon, fresh] = await db
      .select()
      .from(candidates)
      .where(
        and(isNull(candidates.userId), eq(candidates.visible, true), sql`${candidates.email} is not null`),
      )
      .orderBy(candidates.id)
      .limit(2);
    anonId = anon!.id;
    anonEmail = anon!.email!;
    freshId = fresh!.id;
    const thirteenMonths = monthsBefore(NOW, 13);
    await db
      .update(candidates)
      .set({ profileUpdatedAt: thirteenMonths })
      .where(inArray(candidates.id, [kimId, wimId, anonId]));
    await db
      .update(candidates)
      .set({ profileUpdatedAt: monthsBefore(NOW, 11) })
      .where(eq(candidates.id, freshId));
  });

  afterAll(async () => {
    await database?.close();
    await rm(filesDir, { recursive: true, force: true });
  });

  it("counts months on the calendar", () => {
    expect(monthsBefore(new Date("2026-03-31T10:00:00Z"), 1).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(monthsBefore(NOW, 12).toISOString()).toBe("2025-11-22T09:00:00.000Z");
    const env = parseEnv({ NODE_ENV: "test" });
    expect([env.RETENTION_MONTHS, env.RETENTION_GRACE_DAYS]).toEqual([12, 30]);
    expect(() => parseEnv({ NODE_ENV: "test", RETENTION_MONTHS: "0" })).toThrow(/RETENTION_MONTHS/);
    expect(parseEnv({ NODE_ENV: "test", RETENTION_GRACE_DAYS: "14" }).RETENTION_GRACE_DAYS).toBe(14);
  });

  it("reminds and hides profiles unchanged for the retention period, once, also with two runs at a time", async () => {
    const [a, b] = await Promise.all([runCandidateRetention(deps, NOW), runCandidateRetention(deps, NOW)]);
    expect([...a.reminded, ...b.reminded].sort()).toEqual([kimId, wimId, anonId].sort());
    expect(a.mailed + b.mailed).toBe(3);
    await events.drain();

    for (const id of [kimId, wimId, anonId]) {
      const r = await row(id);
      expect(r.visible).toBe(false);
      expect(r.retentionRemindedAt?.toISOString()).toBe(NOW.toISOString());
      const history = await db.select().from(candidateConsents).where(eq(candidateConsents.candidateId, id));
      expect(history).toContainEqual(
        expect.objectContaining({
          purpose: "employers_portal",
          portalId: r.portalId,
          given: false,
          source: "system",
        }),
      );
    }
    expect((await row(freshId)).retentionRemindedAt).toBeNull();
    expect((await row(freshId)).visible).toBe(true);

    const [mail] = await remindersTo("kandidaat@demo.werkbrug.test");
    expect(mail?.subject).toBe("Wil je je profiel op Werkbrug Haaglanden houden?");
    expect(mail?.text).toContain("http://haaglanden.localhost:3000/profiel");
    expect(mail?.text).toContain("22 december 2026");
    expect(await remindersTo(anonEmail)).toHaveLength(1);
    expect(await remindersTo("werkgever@demo.werkbrug.test")).toHaveLength(1);

    // The same moment again: nothing new.
    const again = await runCandidateRetention(deps, NOW);
    expect(again).toMatchObject({ reminded: [], mailed: 0, anonymised: [] });
    await events.drain();
    expect(await remindersTo(anonEmail)).toHaveLength(1);
  });

  it("clears the reminder when the profile changes", async () => {
    await db
      .update(candidates)
      .set({ profileUpdatedAt: new Date(NOW.getTime() + DAY) })
      .where(eq(candidates.id, anonId));
    const run = await runCandidateRetention(deps, new Date(NOW.getTime() + 2 * DAY));
    expect(run).toMatchObject({ cleared: 1, reminded: [], anonymised: [] });
    expect((await row(anonId)).retentionRemindedAt).toBeNull();
  });

  it("anonymises after the grace period: the last profile with its account, a staff member's profile alone", async () => {
    const early = await runCandidateRetention(deps, new Date(NOW.getTime() + 29 * DAY));
    expect(early.anonymised).toEqual([]);

    const later = new Date(NOW.getTime() + 31 * DAY);
    const [a, b] = await Promise.all([
      runCandidateRetention(deps, later),
      runCandidateRetention(deps, later),
    ]);
    expect([...a.anonymised, ...b.anonymised].sort()).toEqual([kimId, wimId].sort());
    expect([...a.erasedUsers, ...b.erasedUsers]).toEqual(["demo-kandidaat"]);
    await events.drain();

    for (const id of [kimId, wimId]) {
      expect(await row(id)).toMatchObject({
        firstName: "Geanonimiseerde",
        lastName: "kandidaat",
        email: null,
        userId: null,
        visible: false,
        anonymisedAt: later,
      });
    }
    // The profile that changed in time stays as it was.
    expect((await row(anonId)).anonymisedAt).toBeNull();

    const [kimUser] = await db.select().from(users).where(eq(users.id, "demo-kandidaat"));
    expect(kimUser).toMatchObject({ name: "Geanonimiseerde kandidaat", deactivatedAt: later });
    expect(await db.select().from(memberships).where(eq(memberships.userId, "demo-kandidaat"))).toEqual([]);
    expect(await remindersTo("kandidaat@demo.werkbrug.test")).toEqual([]);
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, "demo-kandidaat"), eq(auditEvents.type, "account_erased")));
    expect(event).toMatchObject({ actorUserId: null, details: { reason: "retention" } });

    // Wim keeps his account and his employer role, not his candidate role on Haaglanden.
    const [wimUser] = await db.select().from(users).where(eq(users.id, "demo-werkgever"));
    expect(wimUser).toMatchObject({ email: "werkgever@demo.werkbrug.test", deactivatedAt: null });
    const roles = (await db.select().from(memberships).where(eq(memberships.userId, "demo-werkgever"))).map(
      (m) => m.role,
    );
    expect(roles).toContain("employer_contact");
    expect(roles).not.toContain("candidate");

    const again = await runCandidateRetention(deps, later);
    expect(again).toMatchObject({ reminded: [], anonymised: [], erasedUsers: [] });
  });

  it("words the reminder in English too", () => {
    const mail = profileRetentionReminder({
      locale: "en",
      portalName: "Haaglanden",
      name: "Kim",
      lastUpdated: new Date("2025-10-01T10:00:00Z"),
      anonymiseOn: new Date("2026-12-22T10:00:00Z"),
      profileUrl: "http://haaglanden.localhost:3000/profiel",
    });
    expect(mail.subject).toBe("Do you want to keep your profile on Haaglanden?");
    expect(mail.text).toContain("22 December 2026");
    expect(mail.html).toContain('href="http://haaglanden.localhost:3000/profiel"');
  });
});
