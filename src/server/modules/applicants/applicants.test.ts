import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import type {
  ApplicantDetail,
  ApplicantField,
  ApplicantListResponse,
  MailingResponse,
  MailPreviewResponse,
  MailTemplate,
  MailTemplateListResponse,
  MoveApplicantsResponse,
} from "../../../contracts/applicants";
import type { ErrorResponse } from "../../../contracts/common";
import type { Procedure } from "../../../contracts/matches";
import type { CreateVacancyRequest, Vacancy } from "../../../contracts/vacancies";
import type { Db } from "../../platform/db";
import { domainEvents } from "../../platform/events.schema";
import { candidates } from "../candidates/candidates.schema";
import { hashPassword } from "../identity";
import { matches, matchHistory } from "../matches/matches.schema";
import { accounts, memberships, organisations, portals, users } from "../tenancy/tenancy.schema";
import { todayIn } from "../vacancies";
import {
  applicantCorrections,
  applicantMailingRecipients,
  applicantMailings,
  applicantNotes,
} from "./applicants.schema";

const DAY = 86_400_000;
const day = (offset: number) => todayIn(new Date(Date.now() + offset * DAY));
const PASSWORD = "Sollicitant-wachtwoord-2026!";

interface Person {
  first: string;
  last: string;
  locale: "nl" | "en";
  source?: string;
  cv?: boolean;
}

describe.each(testDbKinds())("applicants of a vacancy, on %s", (kind) => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  /** The mails an applicant got from the mailings: each also had the confirmation of applying. */
  const mailedTo = (address: string) =>
    smtp.to(address).filter((m) => !/sollicitatie ontvangen|received your application/.test(m.subject ?? ""));
  let db: Db;
  let selection: Client; // selectie@: selection officer of the agency's selection office
  let hr: Client; // hr@: HR officer of the agency
  let other: Client; // zorg@: another organisation altogether
  let agencyId: string;
  let nationalId: string;
  let procedure: Procedure;
  let vacancyId: string;
  let otherVacancyId: string;
  /** Match ids by first name. */
  const applicant = new Map<string, string>();
  let passwordHash: string;

  const errorOf = (res: { json<T>(): T }) => res.json<ErrorResponse>().error;
  const phase = (key: string) => procedure.phases.find((p) => p.key === key)!.id;

  async function vacancy(title: string): Promise<string> {
    const body: CreateVacancyRequest = {
      organisationId: agencyId,
      displayTitle: title,
      functionTitle: title,
      description: "Je adviseert het agentschap over regelgeving en dienstverlening aan burgers.",
      occupationId: "2411.1",
      educationLevel: "wo-master",
      kind: "vacancy",
      hoursMin: 36,
      hoursMax: 38,
      positions: 1,
      workAddress: null,
      serviceModel: "together",
      contactVia: "employer",
      contactUserId: "demo-hr",
      publication: { portalFrom: day(0), publicFrom: day(0), closesOn: day(30) },
    };
    const created = await selection.call("/api/v1/vacancies", { body });
    expect(created.status, created.text).toBe(201);
    const id = created.json<{ vacancy: Vacancy }>().vacancy.id;
    const published = await selection.call(`/api/v1/vacancies/${id}/transitions`, {
      body: { action: "publish", comment: null },
    });
    expect(published.status, published.text).toBe(200);
    const chosen = await selection.call(`/api/v1/vacancies/${id}/procedure`, {
      method: "PUT",
      body: { procedureId: procedure.id },
    });
    expect(chosen.status, chosen.text).toBe(200);
    return id;
  }

  /** A person with a candidate account who applies over HTTP (utm_source, optionally a CV). */
  async function applies(person: Person, on: string): Promise<string> {
    const id = `test-${person.last.toLowerCase()}`;
    const email = `${person.first}.${person.last}@sollicitant.test`
      .normalize("NFD")
      .replace(/[\u0300-\u036f\s]/g, "")
      .toLowerCase();
    await db.insert(users).values({
      id,
      name: `${person.first} ${person.last}`,
      email,
      emailVerified: true,
      locale: person.locale,
    });
    await db.insert(accounts).values({
      id: `${id}-credential`,
      userId: id,
      accountId: id,
      providerId: "credential",
      password: passwordHash,
    });
    await db.insert(memberships).values({ userId: id, role: "candidate", portalId: nationalId });
    await db.insert(candidates).values({
      portalId: nationalId,
      userId: id,
      firstName: person.first,
      lastName: person.last,
      email,
      phone: "0470 12 34 56",
      city: "Brussel",
      headline: `${person.first} zoekt werk als jurist`,
    });
    const client = new Client(server);
    await signIn(client, email, PASSWORD);
    const form = new FormData();
    form.set("motivation", "Ik wil graag bij de Vlaamse overheid werken.");
    if (person.cv) form.set("cv", new Blob([Buffer.from("%PDF-1.4\n%test cv\n")]), "cv.pdf");
    const body = new Response(form);
    const query = person.source ? `?utm_source=${person.source}` : "";
    const res = await client.call(`/api/v1/vacancies/${on}/applications${query}`, {
      raw: { data: Buffer.from(await body.arrayBuffer()), type: body.headers.get("content-type")! },
    });
    expect(res.status, res.text).toBe(201);
    const [match] = await db
      .select({ id: matches.id })
      .from(matches)
      .innerJoin(candidates, eq(candidates.id, matches.candidateId))
      .where(and(eq(candidates.userId, id), eq(matches.vacancyId, on)));
    applicant.set(person.first, match!.id);
    return match!.id;
  }

  /** Someone without an account on the vacancy (as a referral or a saved candidate leaves one). */
  async function withoutAccount(first: string, last: string, on: string): Promise<string> {
    const [person] = await db
      .insert(candidates)
      .values({
        portalId: nationalId,
        firstName: first,
        lastName: last,
        email: `${first}.${last}@zonder-account.test`.toLowerCase(),
        visible: false,
      })
      .returning();
    const [match] = await db
      .insert(matches)
      .values({
        portalId: nationalId,
        organisationId: agencyId,
        vacancyId: on,
        candidateId: person!.id,
        source: "saved",
        procedureId: procedure.id,
        phaseId: phase("submitted"),
      })
      .returning();
    await db
      .insert(matchHistory)
      .values({ matchId: match!.id, organisationId: agencyId, seq: 0, toPhaseId: phase("submitted") });
    applicant.set(first, match!.id);
    return match!.id;
  }

  async function list(query = "", client = selection): Promise<ApplicantListResponse> {
    const res = await client.call(`/api/v1/vacancies/${vacancyId}/applicants${query}`);
    expect(res.status, res.text).toBe(200);
    return res.json<ApplicantListResponse>();
  }

  async function detail(first: string, client = selection): Promise<ApplicantDetail> {
    const res = await client.call(`/api/v1/vacancies/${vacancyId}/applicants/${applicant.get(first)}`);
    expect(res.status, res.text).toBe(200);
    return res.json<{ applicant: ApplicantDetail }>().applicant;
  }

  /** What is stored about these matches, to show that a refused request changed nothing. */
  async function stored(ids: string[]) {
    return {
      matches: await db.select().from(matches).where(inArray(matches.id, ids)).orderBy(asc(matches.id)),
      steps: (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(matchHistory)
          .where(inArray(matchHistory.matchId, ids))
      )[0]!.n,
      events: (await db.select({ n: sql<number>`count(*)::int` }).from(domainEvents))[0]!.n,
      mailings: (await db.select({ n: sql<number>`count(*)::int` }).from(applicantMailings))[0]!.n,
    };
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startTestServer({ kind, web: false, env: { SMTP_URL: smtp.url } });
    db = server.database.db;
    passwordHash = await hashPassword(PASSWORD);
    agencyId = (
      await db
        .select()
        .from(organisations)
        .where(eq(organisations.name, "Agentschap Publieke Dienstverlening"))
    )[0]!.id;
    nationalId = (await db.select().from(portals).where(eq(portals.slug, "landelijk")))[0]!.id;
    selection = new Client(server);
    hr = new Client(server);
    other = new Client(server);
    await signIn(selection, "selectie@demo.werkbrug.test");
    await signIn(hr, "hr@demo.werkbrug.test");
    await signIn(other, "zorg@demo.werkbrug.test");
    const res = await selection.call(`/api/v1/procedures?organisationId=${agencyId}`);
    expect(res.status, res.text).toBe(200);
    procedure = res.json<{ procedures: Procedure[] }>().procedures.find((p) => p.kind === "selection")!;
    vacancyId = await vacancy("Jurist dienstverlening");
    otherVacancyId = await vacancy("Beleidsmedewerker");
    await applies({ first: "An", last: "Peeters", locale: "nl", source: "linkedin", cv: true }, vacancyId);
    await applies({ first: "Ben", last: "Claes", locale: "en", source: "vdab" }, vacancyId);
    await applies({ first: "Chloé", last: "Dubois", locale: "nl" }, vacancyId);
    await applies({ first: "Dirk", last: "Maes", locale: "en", source: "linkedin" }, vacancyId);
    await withoutAccount("Eva", "Janssens", vacancyId);
    await applies({ first: "Fien", last: "Wouters", locale: "nl" }, otherVacancyId);
    // Dirk applied a week ago.
    await db
      .update(matches)
      .set({ createdAt: new Date(Date.now() - 7 * DAY) })
      .where(eq(matches.id, applicant.get("Dirk")!));
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it("lists the vacancy's applicants with filters whose counts equal the rows they give", async () => {
    const all = await list();
    expect(all.total).toBe(5);
    expect(all.items.map((i) => i.firstName).sort()).toEqual(["An", "Ben", "Chloé", "Dirk", "Eva"]);
    expect(all.phases.map((p) => p.key)).toEqual(procedure.phases.map((p) => p.key));
    const facet = (r: ApplicantListResponse) => ({
      phase: Object.fromEntries(r.facets.phases.filter((f) => f.count > 0).map((f) => [f.phaseId, f.count])),
      source: Object.fromEntries(r.facets.sources.map((f) => [f.source, f.count])),
      channel: Object.fromEntries(r.facets.channels.map((f) => [f.channel, f.count])),
    });
    expect(facet(all)).toEqual({
      phase: { [phase("submitted")]: 5 },
      source: { applied: 4, saved: 1, proposed: 0, referred: 0, reserve_list: 0 },
      channel: { linkedin: 2, vdab: 1, none: 2 },
    });
    // Every facet count is the total the list gives with that value chosen.
    for (const [channel, count] of Object.entries(facet(all).channel)) {
      const filtered = await list(`?channel=${channel}`);
      expect(filtered.total).toBe(count);
      expect(filtered.items.length).toBe(count);
      // Other facets count within the chosen channel; the channel's own stays as it was.
      expect(filtered.facets.channels).toEqual(all.facets.channels);
    }
    const applied = await list("?source=applied");
    expect(applied.total).toBe(4);
    expect(applied.facets.channels.find((c) => c.channel === "none")?.count).toBe(1);

    const recent = await list(`?from=${day(-1)}&to=${day(0)}`);
    expect(recent.items.map((i) => i.firstName).sort()).toEqual(["An", "Ben", "Chloé", "Eva"]);
    expect((await list(`?to=${day(-3)}`)).items.map((i) => i.firstName)).toEqual(["Dirk"]);

    // Name or e-mail, accents and case ignored.
    expect((await list("?q=chloe")).items.map((i) => i.lastName)).toEqual(["Dubois"]);
    expect((await list("?q=CLAES@SOLL")).items.map((i) => i.firstName)).toEqual(["Ben"]);
    expect((await list("?q=an%20peeters")).total).toBe(1);

    // Paging: the total stays, the page holds its part.
    const page2 = await list("?pageSize=2&page=2");
    expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page2.items).toHaveLength(2);
    const page3 = await list("?pageSize=2&page=3");
    expect(page3.items).toHaveLength(1);

    // The HR officer of the agency sees them too; the selection officer may move them.
    expect((await list("", hr)).total).toBe(5);
    expect(all.permissions).toMatchObject({ mail: true, correct: true, note: true });
    expect(all.permissions.moveTo).toContain(phase("invited"));

    const bad = await selection.call(`/api/v1/vacancies/${vacancyId}/applicants?from=gisteren&pageSize=500`);
    expect(bad.status).toBe(400);
    expect(
      errorOf(bad)
        .fields?.map((f) => f.path)
        .sort(),
    ).toEqual(["querystring.from", "querystring.pageSize"]);
  });

  it("shows one applicant with profile, contact details, CV, an answers placeholder and the timeline", async () => {
    const an = await detail("An");
    expect(an).toMatchObject({
      firstName: "An",
      lastName: "Peeters",
      source: "applied",
      channel: "linkedin",
      vacancy: { id: vacancyId, title: "Jurist dienstverlening" },
      profile: { headline: "An zoekt werk als jurist", city: "Brussel", locale: "nl", hasAccount: true },
      contact: { email: "an.peeters@sollicitant.test", phone: "0470 12 34 56" },
      motivation: "Ik wil graag bij de Vlaamse overheid werken.",
      answers: null,
    });
    expect(an.cv?.url).toBe(`/api/v1/vacancies/${vacancyId}/applicants/${applicant.get("An")}/cv`);
    const cv = await selection.call(an.cv!.url);
    expect(cv.status).toBe(200);
    expect(cv.body.subarray(0, 5).toString()).toBe("%PDF-");
    expect(an.timeline).toEqual([
      expect.objectContaining({
        kind: "step",
        fromPhase: null,
        toPhase: expect.objectContaining({ id: phase("submitted") }),
      }),
    ]);
    expect((await detail("Ben")).profile.locale).toBe("en");
    expect((await detail("Eva")).profile).toMatchObject({ locale: "nl", hasAccount: false });
    // Another vacancy's applicant is not one of this vacancy's.
    const elsewhere = await selection.call(
      `/api/v1/vacancies/${vacancyId}/applicants/${applicant.get("Fien")}`,
    );
    expect(elsewhere.status).toBe(404);
  });

  it("moves three applicants at once through the matches module, each with its step and event", async () => {
    const three = ["An", "Ben", "Chloé"].map((n) => applicant.get(n)!);
    const res = await selection.call(`/api/v1/vacancies/${vacancyId}/applicants/moves`, {
      body: { matchIds: three, phaseId: phase("invited"), comment: "Uitgenodigd voor het jurygesprek" },
    });
    expect(res.status, res.text).toBe(200);
    const moved = res.json<MoveApplicantsResponse>().moved;
    expect(moved.map((m) => [m.id, m.phase.key])).toEqual(three.map((id) => [id, "invited"]));
    const invited = await list(`?phase=${phase("invited")}`);
    expect(invited.total).toBe(3);
    expect(invited.facets.phases.find((f) => f.phaseId === phase("submitted"))?.count).toBe(2);
    const an = await detail("An");
    expect(an.timeline[0]).toMatchObject({
      kind: "step",
      toPhase: { id: phase("invited") },
      comment: "Uitgenodigd voor het jurygesprek",
      by: { name: "Sander Visser" },
    });
    const events = await db
      .select({ type: domainEvents.type })
      .from(domainEvents)
      .where(
        sql`${domainEvents.subject}->>'matchId' in (${sql.join(
          three.map((id) => sql`${id}`),
          sql`, `,
        )}) and ${domainEvents.type} = 'match.moved'`,
      );
    expect(events).toHaveLength(3);
  });

  it("refuses a move naming an applicant of another vacancy, and moves none of them", async () => {
    const ids = [applicant.get("Dirk")!, applicant.get("Fien")!, applicant.get("Eva")!];
    const before = await stored(ids);
    const res = await selection.call(`/api/v1/vacancies/${vacancyId}/applicants/moves`, {
      body: { matchIds: ids, phaseId: phase("preselected") },
      headers: { "accept-language": "en" },
    });
    expect(res.status).toBe(422);
    expect(errorOf(res)).toMatchObject({
      code: "applicants_not_on_vacancy",
      fields: [
        { path: "matchIds.1", message: `Not an applicant of this vacancy (${applicant.get("Fien")})` },
      ],
    });
    expect(await stored(ids)).toEqual(before);

    // One that may not move (hired is closed) rolls the others back too.
    const [fien] = await db
      .select()
      .from(matches)
      .where(eq(matches.id, applicant.get("Eva")!));
    expect(fien).toBeDefined();
    const hired = await selection.call(`/api/v1/vacancies/${vacancyId}/applicants/moves`, {
      body: { matchIds: [applicant.get("Eva")!], phaseId: phase("withdrawn") },
    });
    expect(hired.status, hired.text).toBe(200);
    const mixed = [applicant.get("Dirk")!, applicant.get("Eva")!];
    const beforeMixed = await stored(mixed);
    const refused = await selection.call(`/api/v1/vacancies/${vacancyId}/applicants/moves`, {
      body: { matchIds: mixed, phaseId: phase("preselected") },
    });
    expect(refused.status).toBe(409);
    expect(errorOf(refused)).toMatchObject({
      code: "match_closed",
      fields: [{ path: "matchIds.1", message: "Eva Janssens" }],
    });
    expect(await stored(mixed)).toEqual(beforeMixed);
    const duplicate = await selection.call(`/api/v1/vacancies/${vacancyId}/applicants/moves`, {
      body: { matchIds: [mixed[0], mixed[0]], phaseId: phase("preselected") },
    });
    expect(duplicate.status).toBe(400);
    expect(errorOf(duplicate).fields?.[0]?.path).toBe("matchIds");
  });

  it("keeps notes on an applicant for the vacancy's staff", async () => {
    const url = `/api/v1/vacancies/${vacancyId}/applicants/${applicant.get("Ben")}/notes`;
    const res = await selection.call(url, { body: { text: "Sterke motivatie, vraagt naar thuiswerk." } });
    expect(res.status, res.text).toBe(201);
    const byHr = await hr.call(url, { body: { text: "Referenties nog opvragen." } });
    expect(byHr.status, byHr.text).toBe(201);
    const ben = await detail("Ben", hr);
    expect(ben.notes.map((n) => [n.text, n.author?.name])).toEqual([
      ["Referenties nog opvragen.", "Hanna de Ruiter"],
      ["Sterke motivatie, vraagt naar thuiswerk.", "Sander Visser"],
    ]);
    expect(ben.timeline.filter((t) => t.kind === "note")).toHaveLength(2);
    const empty = await selection.call(url, { body: { text: "   " } });
    expect(empty.status).toBe(400);
    expect(errorOf(empty).fields?.[0]?.path).toBe("text");
    // The candidate's own view never holds them: notes are not part of their application.
    const [row] = await db
      .select()
      .from(applicantNotes)
      .where(eq(applicantNotes.matchId, applicant.get("Ben")!));
    expect(row?.organisationId).toBe(agencyId);
  });

  it("corrects the application's fields with history, and refuses an invalid national register number", async () => {
    const url = `/api/v1/vacancies/${vacancyId}/applicants/${applicant.get("Chloé")}/corrections`;
    const correct = async (field: string, value: string | null, lang = "nl") => {
      const res = await selection.call(url, { body: { field, value }, headers: { "accept-language": lang } });
      return res;
    };
    const bad = await correct("national_register_number", "85.07.30-033.29", "en");
    expect(bad.status).toBe(422);
    expect(errorOf(bad)).toMatchObject({
      code: "correction_invalid",
      fields: [{ path: "value", message: expect.stringContaining("national register number") }],
    });
    expect(
      await db
        .select()
        .from(applicantCorrections)
        .where(eq(applicantCorrections.matchId, applicant.get("Chloé")!)),
    ).toEqual([]);

    const nrn = await correct("national_register_number", "85.07.30-033.28");
    expect(nrn.status, nrn.text).toBe(200);
    expect(nrn.json<{ field: ApplicantField }>().field).toMatchObject({
      field: "national_register_number",
      original: null,
      value: "85073003328",
      corrected: true,
    });
    expect((await correct("first_name", "Chloë")).status).toBe(200);
    expect((await correct("first_name", "Chloé-Marie")).status).toBe(200);
    expect((await correct("email", "chloe.werk@voorbeeld.test")).status).toBe(200);
    const badMail = await correct("email", "geen-adres");
    expect(badMail.status).toBe(422);
    expect(errorOf(badMail).fields?.[0]?.path).toBe("value");

    const chloe = await detail("Chloé");
    expect(chloe).toMatchObject({ firstName: "Chloé-Marie", email: "chloe.werk@voorbeeld.test" });
    const first = chloe.fields.find((f) => f.field === "first_name")!;
    expect(first).toMatchObject({ original: "Chloé", value: "Chloé-Marie", corrected: true });
    expect(first.history.map((h) => [h.oldValue, h.newValue, h.by?.name])).toEqual([
      ["Chloë", "Chloé-Marie", "Sander Visser"],
      ["Chloé", "Chloë", "Sander Visser"],
    ]);
    // The corrected name is the one the list shows and searches.
    expect((await list("?q=chloe-marie")).items.map((i) => i.id)).toEqual([applicant.get("Chloé")]);
    expect((await list("?q=chloe.werk@")).total).toBe(1);
    // Empty takes the correction back: the profile's value counts again, and the history says so.
    const back = await correct("first_name", "");
    expect(back.json<{ field: ApplicantField }>().field).toMatchObject({
      value: "Chloé",
      corrected: false,
    });
    expect((await detail("Chloé")).firstName).toBe("Chloé");
  });

  it("keeps mail templates per organisation and refuses unknown merge fields", async () => {
    const texts = {
      nl: {
        subject: "Uitnodiging voor {{vacature}}",
        body: "Beste {{voornaam}},\n\nJe staat nu op '{{fase}}' voor {{vacature}}.\n\nGroeten, {{datum}}",
      },
      en: {
        subject: "Invitation for {{vacature}}",
        body: "Dear {{voornaam}},\n\nYou are now at '{{fase}}' for {{vacature}}.\n\nRegards, {{datum}}",
      },
    };
    const unknown = await selection.call("/api/v1/applicant-mail-templates", {
      body: {
        organisationId: agencyId,
        name: "Fout",
        texts: { ...texts, en: { ...texts.en, body: "Dear {{firstName}}, {{ naam }}" } },
      },
      headers: { "accept-language": "en" },
    });
    expect(unknown.status).toBe(422);
    expect(errorOf(unknown)).toMatchObject({
      code: "merge_field_unknown",
      fields: [{ path: "texts.en.body", message: "Unknown merge field: {{firstName}}" }],
    });
    const created = await selection.call("/api/v1/applicant-mail-templates", {
      body: { organisationId: agencyId, name: "Uitnodiging jurygesprek", texts },
    });
    expect(created.status, created.text).toBe(201);
    const template = created.json<{ template: MailTemplate }>().template;
    expect(template).toMatchObject({ name: "Uitnodiging jurygesprek", editable: true, texts: { de: null } });
    const renamed = await selection.call(`/api/v1/applicant-mail-templates/${template.id}`, {
      method: "PUT",
      body: { organisationId: agencyId, name: "Uitnodiging", texts },
    });
    expect(renamed.status, renamed.text).toBe(200);
    const listed = await hr.call("/api/v1/applicant-mail-templates");
    expect(listed.status).toBe(200);
    const body = listed.json<MailTemplateListResponse>();
    // Beside the demo's own template of the selection office.
    expect(body.templates.map((t) => [t.name, t.editable])).toEqual([
      ["Uitnodiging", false],
      ["Uitnodiging selectiegesprek", false],
    ]);
    expect(body.mergeFields).toEqual(["voornaam", "naam", "vacature", "fase", "datum"]);
    // The HR officer reads them but does not write them; another organisation does not see them.
    expect(
      (
        await hr.call("/api/v1/applicant-mail-templates", {
          body: { organisationId: agencyId, name: "x", texts },
        })
      ).status,
    ).toBe(403);
    expect(
      (await other.call("/api/v1/applicant-mail-templates")).json<MailTemplateListResponse>().templates,
    ).toEqual([]);
    const removable = await selection.call("/api/v1/applicant-mail-templates", {
      body: { organisationId: agencyId, name: "Weg", texts },
    });
    const removedId = removable.json<{ template: MailTemplate }>().template.id;
    expect(
      (await selection.call(`/api/v1/applicant-mail-templates/${removedId}`, { method: "DELETE" })).status,
    ).toBe(204);
    expect(
      (await selection.call(`/api/v1/applicant-mail-templates/${removedId}`, { method: "DELETE" })).status,
    ).toBe(404);
  });

  it("mails applicants from a template, each in their language with the merge fields filled", async () => {
    const templates = (
      await selection.call("/api/v1/applicant-mail-templates")
    ).json<MailTemplateListResponse>();
    const templateId = templates.templates.find((t) => t.name === "Uitnodiging")!.id;
    const to = ["An", "Ben", "Eva"].map((n) => applicant.get(n)!);

    const preview = await selection.call(`/api/v1/vacancies/${vacancyId}/applicants/mailings/preview`, {
      body: { matchIds: to, templateId },
    });
    expect(preview.status, preview.text).toBe(200);
    const previews = preview.json<MailPreviewResponse>().previews;
    expect(previews.map((p) => [p.name, p.locale, p.subject])).toEqual([
      ["An Peeters", "nl", "Uitnodiging voor Jurist dienstverlening"],
      ["Ben Claes", "en", "Invitation for Jurist dienstverlening"],
      ["Eva Janssens", "nl", "Uitnodiging voor Jurist dienstverlening"],
    ]);
    expect(previews[1]!.body).toContain("Dear Ben,\n\nYou are now at 'Invited' for Jurist dienstverlening.");
    expect(previews[2]!.body).toContain("Je staat nu op 'Teruggetrokken'");

    const sent = await selection.call(`/api/v1/vacancies/${vacancyId}/applicants/mailings`, {
      body: { matchIds: to, templateId },
    });
    expect(sent.status, sent.text).toBe(201);
    const mailing = sent.json<MailingResponse>().mailing;
    expect(mailing.recipients).toHaveLength(3);
    expect(
      await db
        .select()
        .from(applicantMailingRecipients)
        .where(eq(applicantMailingRecipients.mailingId, mailing.id)),
    ).toHaveLength(3);
    const events = await db
      .select()
      .from(domainEvents)
      .where(sql`${domainEvents.subject}->>'mailingId' = ${mailing.id}`);
    expect(events.map((e) => e.type)).toEqual(Array(3).fill("applicant.mail_requested"));
    // Ids only in the outbox: the text stays with the recipient.
    expect(JSON.stringify(events.map((e) => e.payload))).not.toContain("Uitnodiging");

    await server.app.events.drain();
    const an = mailedTo("an.peeters@sollicitant.test");
    const ben = mailedTo("ben.claes@sollicitant.test");
    const eva = mailedTo("eva.janssens@zonder-account.test");
    expect([an.length, ben.length, eva.length]).toEqual([1, 1, 1]);
    expect(an[0]!.subject).toBe("Uitnodiging voor Jurist dienstverlening");
    expect(an[0]!.text).toContain("Beste An,");
    expect(an[0]!.text).toContain("'Uitgenodigd'");
    expect(an[0]!.text).toMatch(/Groeten, \d{1,2} \w+ \d{4}/);
    expect(ben[0]!.subject).toBe("Invitation for Jurist dienstverlening");
    expect(ben[0]!.text).toContain("Dear Ben,");
    expect(ben[0]!.text).not.toContain("{{");
    expect(eva[0]!.text).toContain("Beste Eva,");

    const got = await selection.call(`/api/v1/vacancies/${vacancyId}/applicants/mailings/${mailing.id}`);
    expect(got.status).toBe(200);
    expect(got.json<MailingResponse>().mailing.recipients.map((r) => [r.name, r.status])).toEqual([
      ["Ben Claes", "sent"],
      ["Eva Janssens", "sent"],
      ["An Peeters", "sent"],
    ]);
    const timeline = (await detail("Ben")).timeline.filter((t) => t.kind === "mail");
    expect(timeline).toEqual([
      expect.objectContaining({
        subject: "Invitation for Jurist dienstverlening",
        status: "sent",
        mailingId: mailing.id,
      }),
    ]);
  });

  it("mails one written text, and refuses unknown merge fields and unknown applicants without sending", async () => {
    const before = await stored([applicant.get("Dirk")!]);
    const unknown = await selection.call(`/api/v1/vacancies/${vacancyId}/applicants/mailings`, {
      body: {
        matchIds: [applicant.get("Dirk")!],
        message: { subject: "Hallo {{voornaam}}", body: "Beste {{firstName}} {{achternaam}}" },
      },
    });
    expect(unknown.status).toBe(422);
    expect(errorOf(unknown)).toMatchObject({
      code: "merge_field_unknown",
      fields: [
        { path: "message.body", message: "Onbekend samenvoegveld: {{firstName}}" },
        { path: "message.body", message: "Onbekend samenvoegveld: {{achternaam}}" },
      ],
    });
    const stranger = await selection.call(`/api/v1/vacancies/${vacancyId}/applicants/mailings`, {
      body: {
        matchIds: [applicant.get("Dirk")!, applicant.get("Fien")!],
        message: { subject: "Hallo", body: "Tekst" },
      },
    });
    expect(stranger.status).toBe(422);
    expect(errorOf(stranger).fields?.[0]?.path).toBe("matchIds.1");
    const both = await selection.call(`/api/v1/vacancies/${vacancyId}/applicants/mailings`, {
      body: { matchIds: [applicant.get("Dirk")!] },
    });
    expect(both.status).toBe(400);
    expect(await stored([applicant.get("Dirk")!])).toEqual(before);

    const sent = await selection.call(`/api/v1/vacancies/${vacancyId}/applicants/mailings`, {
      body: {
        matchIds: [applicant.get("Dirk")!],
        message: {
          subject: "Je kandidatuur voor {{vacature}}",
          body: "Beste {{naam}},\n\nWe nemen contact op.",
        },
      },
    });
    expect(sent.status, sent.text).toBe(201);
    await server.app.events.drain();
    const mail = mailedTo("dirk.maes@sollicitant.test");
    expect(mail.map((m) => m.subject)).toEqual(["Je kandidatuur voor Jurist dienstverlening"]);
    expect(mail[0]!.text).toContain("Beste Dirk Maes,");
  });

  it("lets the HR officer read and note, but not mail, correct or move where they may not change the vacancy", async () => {
    const listed = await list("", hr);
    expect(listed.permissions).toEqual({
      moveTo: [],
      mail: false,
      correct: false,
      note: true,
      vacancy: true,
    });
    const ids = [applicant.get("Dirk")!];
    const before = await stored(ids);
    const base = `/api/v1/vacancies/${vacancyId}/applicants`;
    const mail = await hr.call(`${base}/mailings`, {
      body: { matchIds: ids, message: { subject: "Hoi", body: "Hoi" } },
    });
    expect(mail.status).toBe(403);
    const correction = await hr.call(`${base}/${ids[0]}/corrections`, {
      body: { field: "phone", value: "0470 11 22 33" },
    });
    expect(correction.status).toBe(403);
    const move = await hr.call(`${base}/moves`, { body: { matchIds: ids, phaseId: phase("passed") } });
    expect(move.status).toBeGreaterThanOrEqual(403);
    expect(move.status).toBeLessThan(500);
    expect(await stored(ids)).toEqual(before);
  });

  it("keeps another organisation away: it cannot list, see, move, note or mail (404, nothing changed)", async () => {
    const ids = [applicant.get("Dirk")!];
    const before = await stored(ids);
    const notesBefore = await db.select().from(applicantNotes);
    const base = `/api/v1/vacancies/${vacancyId}/applicants`;
    expect((await other.call(base)).status).toBe(404);
    expect((await other.call(`${base}/${ids[0]}`)).status).toBe(404);
    expect((await other.call(`${base}/${ids[0]}/cv`)).status).toBe(404);
    expect(
      (await other.call(`${base}/moves`, { body: { matchIds: ids, phaseId: phase("passed") } })).status,
    ).toBe(404);
    expect((await other.call(`${base}/${ids[0]}/notes`, { body: { text: "Stiekem" } })).status).toBe(404);
    expect(
      (
        await other.call(`${base}/${ids[0]}/corrections`, {
          body: { field: "phone", value: "0470 99 99 99" },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await other.call(`${base}/mailings`, {
          body: { matchIds: ids, message: { subject: "Hoi", body: "Hoi" } },
        })
      ).status,
    ).toBe(404);
    expect(await stored(ids)).toEqual(before);
    expect(await db.select().from(applicantNotes)).toEqual(notesBefore);
    // A candidate has no business here at all.
    const candidate = new Client(server);
    await signIn(candidate, "dirk.maes@sollicitant.test", PASSWORD);
    expect((await candidate.call(base)).status).toBe(403);
  });
});
