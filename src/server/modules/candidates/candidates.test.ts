import { and, count, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import type {
  CandidateMeResponse,
  CandidateStaffView,
  ContactDetailsResponse,
  ContactViewsResponse,
  UpdateCandidateProfileRequest,
} from "../../../contracts/candidates";
import type { ErrorResponse } from "../../../contracts/common";
import { fieldMessage } from "../../platform/i18n";
import { DEMO_PASSWORD } from "../../seed/demo";
import { hashPassword } from "../identity";
import { accounts, memberships, portals, users } from "../tenancy/tenancy.schema";
import { candidates, contactDetailViews } from "./candidates.schema";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const DOCX = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.from("....[Content_Types].xml....word/document.xml....", "latin1"),
]);
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);
const MB = 1024 * 1024;

type Fields = { path: string; message: string }[];
const fieldsOf = (res: { json<T>(): T }): Fields => res.json<ErrorResponse>().error.fields ?? [];
const pathsOf = (res: { json<T>(): T }): string[] => fieldsOf(res).map((f) => f.path);

/** Everything a candidate fills in, one value per field of every part. */
const FULL_PROFILE: UpdateCandidateProfileRequest = {
  general: {
    firstName: "Ruben",
    lastName: "van Rijn",
    headline: "Heftruckchauffeur met VCA, zoekt vast werk in de haven",
    summary: "Ik rijd al acht jaar heftruck en reachtruck in distributiecentra rond Rotterdam.",
    placeId: "nl-gm0518",
    postcode: "3011ad",
    birthDate: "1988-02-29",
    workLevel: "lager",
    educationLevel: "mbo-2",
    targetGroups: ["ww"],
    languages: [
      { code: "nl", level: "native" },
      { code: "en", level: "basic" },
    ],
    drivingLicences: ["B", "C"],
    certificates: ["heftruck", "vca-basis"],
    physicalLimitations: ["nachtdienst"],
  },
  preferences: {
    desiredOccupationIds: ["4225.1", "5244.1"],
    workTypes: ["vervoeren", "aanpakken"],
    sectors: ["42", "52"],
    transportModes: ["auto", "fiets"],
    maxTravelKm: 25,
  },
  availability: {
    hoursMin: 32,
    hoursMax: 40,
    grid: ["dinsdag-middag", "maandag-ochtend", "maandag-middag"],
    availableFrom: "2026-12-01",
  },
  contact: { email: "Ruben@Rijnmond.test", phone: "06-87654321", contactPreference: "direct" },
  experience: [
    {
      title: "Heftruckchauffeur",
      occupationId: "5244.1",
      employer: "Haven Logistiek",
      place: "Rotterdam",
      from: "2018-01-01",
      to: null,
      description: "Laden en lossen",
    },
    {
      title: "Magazijnmedewerker",
      occupationId: null,
      employer: "Opslag BV",
      from: "2015-03-01",
      to: "2017-12-31",
    },
    { title: "Vakkenvuller", employer: "Super Zuid", from: "2012-06-01", to: "2015-02-28" },
  ],
  education: [
    {
      title: "Logistiek medewerker",
      institution: "Albeda",
      levelId: "mbo-2",
      from: "2004-09-01",
      to: "2006-07-01",
      diplomaObtained: true,
    },
  ],
  courses: [{ title: "Heftruckcertificaat", provider: "Transport Academie", year: 2016, certificate: true }],
  media: {
    videos: [{ url: "https://youtu.be/dQw4w9WgXcQ", title: "Mijn werkdag" }],
    links: [{ url: "https://www.linkedin.com/in/ruben-van-rijn", label: "LinkedIn" }],
  },
  hobbies: "Vissen en voetbal",
};

describe.each(testDbKinds())("candidate profiles on %s", (kind) => {
  let server: TestServer;
  let kim: Client; // kandidaat@: visible on Haaglanden, contact via account manager Fatima
  let ruben: Client; // a Rijnmond candidate who starts with an empty profile
  let manager: Client; // accountmanager@: Fatima, Gemeente Den Haag (Haaglanden), Kim's account manager
  let orgAdmin: Client; // beheer@: Bram, org admin of Gemeente Den Haag
  let employer: Client; // werkgever@: Wim, Westland Logistiek (Haaglanden)
  let admin: Client; // admin@: platform administrator, on the national portal
  let kimId: string;
  let rubenId: string;

  const host = (slug: string) => `${slug}.localhost:${server.port}`;
  const me = async (client: Client) => {
    const res = await client.call("/api/v1/candidates/me");
    expect(res.status, res.text).toBe(200);
    return res.json<CandidateMeResponse>();
  };
  const patch = (client: Client, body: unknown, language = "nl") =>
    client.call("/api/v1/candidates/me/profile", {
      method: "PATCH",
      body,
      headers: { "accept-language": language },
    });
  const setVisible = async (client: Client, portal: string, visible: boolean) => {
    const res = await client.call("/api/v1/candidates/me/visibility", {
      method: "PUT",
      body: { portal, visible },
    });
    expect(res.status, res.text).toBe(200);
  };
  const logRows = async (candidateId: string) => {
    const [row] = await server.database.db
      .select({ n: count() })
      .from(contactDetailViews)
      .where(eq(contactDetailViews.candidateId, candidateId));
    return Number(row?.n ?? 0);
  };

  beforeAll(async () => {
    server = await startTestServer({ kind, web: false });
    const { db } = server.database;
    const [rijnmond] = await db.select().from(portals).where(eq(portals.slug, "rijnmond"));
    await db.insert(users).values({
      id: "test-ruben",
      name: "Ruben van Rijn",
      email: "ruben@rijnmond.test",
      emailVerified: true,
    });
    await db.insert(accounts).values({
      id: "test-ruben-credential",
      userId: "test-ruben",
      accountId: "test-ruben",
      providerId: "credential",
      password: await hashPassword(DEMO_PASSWORD),
    });
    await db.insert(memberships).values({ userId: "test-ruben", role: "candidate", portalId: rijnmond!.id });

    kim = new Client(server, host("haaglanden"));
    ruben = new Client(server, host("rijnmond"));
    manager = new Client(server, host("haaglanden"));
    orgAdmin = new Client(server, host("haaglanden"));
    employer = new Client(server, host("haaglanden"));
    admin = new Client(server);
    await signIn(kim, "kandidaat@demo.werkbrug.test");
    await signIn(ruben, "ruben@rijnmond.test");
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    await signIn(orgAdmin, "beheer@demo.werkbrug.test");
    await signIn(employer, "werkgever@demo.werkbrug.test");
    await signIn(admin, "admin@demo.werkbrug.test");
    kimId = (await me(kim)).profile.id;
    rubenId = (await me(ruben)).profile.id;
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  describe("the candidate's own profile", () => {
    it("starts a person without a profile with an empty, invisible one on their portal", async () => {
      const { profile, completeness, visibility } = await me(ruben);
      expect(profile.portal.slug).toBe("rijnmond");
      expect(profile.general).toMatchObject({ firstName: "Ruben", lastName: "van Rijn", photoUrl: null });
      expect(profile.contact.contactPreference).toBe("account_manager");
      expect(completeness.percent).toBe(0);
      expect(completeness.missing).toContainEqual({ part: "general", key: "photo" });
      expect(completeness.missing).toContainEqual({ part: "documents", key: "cv" });
      expect(visibility.map((v) => [v.portal.slug, v.home, v.visible])).toEqual(
        expect.arrayContaining([
          ["rijnmond", true, false],
          ["haaglanden", false, false],
        ]),
      );
    });

    it("gives a staff member who is also a candidate a profile of their own, invisible at first", async () => {
      const { profile, visibility } = await me(employer);
      expect(profile.portal.slug).toBe("haaglanden");
      expect(profile.general).toMatchObject({ firstName: "Wim", lastName: "van Westen" });
      expect(visibility.every((v) => !v.visible)).toBe(true);
      expect((await manager.call(`/api/v1/candidates/${profile.id}`)).status).toBe(404);
      // Staff-only accounts have no candidate side.
      expect((await manager.call("/api/v1/candidates/me")).status).toBe(403);
    });

    it("is documented in the OpenAPI document under the tag candidates", async () => {
      const spec = (await new Client(server).call("/api/openapi.json")).json<{
        paths: Record<string, Record<string, { tags?: string[] }>>;
      }>();
      for (const path of [
        "/api/v1/candidates/me",
        "/api/v1/candidates/me/profile",
        "/api/v1/candidates/me/visibility",
        "/api/v1/candidates/me/contact-views",
        "/api/v1/candidates/{id}",
        "/api/v1/candidates/{id}/contact-details",
        "/api/v1/candidates/{id}/documents/{documentId}",
      ]) {
        const operations = Object.values(spec.paths[path] ?? {});
        expect(operations.length, path).toBeGreaterThan(0);
        for (const op of operations) expect(op.tags).toEqual(["candidates"]);
      }
    });

    it("saves every part, reads it back, and the completeness meter follows", async () => {
      const before = (await me(ruben)).completeness.percent;
      const general = await patch(ruben, { general: FULL_PROFILE.general });
      expect(general.status, general.text).toBe(200);
      const afterGeneral = general.json<CandidateMeResponse>().completeness;
      expect(afterGeneral.percent).toBeGreaterThan(before);
      expect(afterGeneral.missing).not.toContainEqual({ part: "general", key: "headline" });
      expect(afterGeneral.missing).toContainEqual({ part: "preferences", key: "desiredOccupations" });

      const rest = await patch(ruben, { ...FULL_PROFILE, general: undefined });
      expect(rest.status, rest.text).toBe(200);
      const afterRest = rest.json<CandidateMeResponse>().completeness;
      expect(afterRest.percent).toBeGreaterThan(afterGeneral.percent);
      expect(afterRest.missing).toEqual([
        { part: "general", key: "photo" },
        { part: "documents", key: "cv" },
      ]);

      const photo = await ruben.call("/api/v1/candidates/me/photo", {
        method: "PUT",
        raw: { data: PNG, type: "image/png" },
      });
      expect(photo.status, photo.text).toBe(200);
      const cv = await ruben.call("/api/v1/candidates/me/documents?fileName=cv-ruben.docx&kind=cv", {
        raw: { data: DOCX, type: "application/octet-stream" },
      });
      expect(cv.status, cv.text).toBe(201);
      const media = await ruben.call("/api/v1/candidates/me/media/photos", {
        raw: { data: PNG, type: "image/png" },
      });
      expect(media.status, media.text).toBe(201);

      const { profile, completeness } = await me(ruben);
      expect(completeness).toEqual({ percent: 100, missing: [] });
      const { placeId: _placeId, ...generalFields } = FULL_PROFILE.general!;
      expect(profile.general).toMatchObject({
        ...generalFields,
        place: { id: "nl-gm0518", name: "Den Haag" },
        postcode: "3011 AD",
      });
      expect(profile.preferences).toEqual(FULL_PROFILE.preferences);
      // The grid comes back in calendar order.
      expect(profile.availability).toEqual({
        ...FULL_PROFILE.availability,
        grid: ["maandag-ochtend", "maandag-middag", "dinsdag-middag"],
      });
      expect(profile.contact).toMatchObject({
        email: "ruben@rijnmond.test",
        phone: "06-87654321",
        contactPreference: "direct",
        accountManager: null,
      });
      expect(profile.experience).toEqual([
        FULL_PROFILE.experience![0],
        { ...FULL_PROFILE.experience![1], place: "", description: "" },
        { ...FULL_PROFILE.experience![2], occupationId: null, place: "", description: "" },
      ]);
      expect(profile.education).toEqual([{ ...FULL_PROFILE.education![0], place: "", description: "" }]);
      expect(profile.courses).toEqual(FULL_PROFILE.courses);
      expect(profile.media.links).toEqual(FULL_PROFILE.media!.links);
      expect(profile.media.videos).toEqual([
        // No consent to third-party cookies: a link, not a player.
        { url: "https://youtu.be/dQw4w9WgXcQ", title: "Mijn werkdag", embedUrl: null },
      ]);
      expect(profile.media.photos).toHaveLength(1);
      expect(profile.hobbies).toBe("Vissen en voetbal");
      expect(profile.documents).toEqual([
        expect.objectContaining({
          kind: "cv",
          fileName: "cv-ruben.docx",
          contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        }),
      ]);

      const image = await ruben.call(profile.general.photoUrl!);
      expect(image.status).toBe(200);
      expect(image.headers["content-type"]).toBe("image/png");
      expect(image.body.equals(PNG)).toBe(true);
      const download = await ruben.call(profile.documents[0]!.url);
      expect(download.status).toBe(200);
      expect(download.headers["content-disposition"]).toMatch(/^attachment; filename="cv-ruben.docx"/);
      expect(download.body.equals(DOCX)).toBe(true);

      // The explorer's day/daypart facet follows the grid.
      const [row] = await server.database.db.select().from(candidates).where(eq(candidates.id, rubenId));
      expect(row!.dayparts).toEqual(["maandag", "dinsdag", "ochtend", "middag"]);
      expect([row!.lat, row!.city]).toEqual([expect.any(Number), "Den Haag"]);
    });

    it("gives a player URL for videos once the candidate consents to third-party cookies", async () => {
      const consent = await ruben.call("/api/v1/me/profile", {
        method: "PATCH",
        body: { consentEmbeddedVideo: true },
      });
      expect(consent.status, consent.text).toBe(200);
      expect((await me(ruben)).profile.media.videos[0]!.embedUrl).toBe(
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
      );
    });

    it("removes the photo, a media photo and a document again", async () => {
      const { profile } = await me(ruben);
      const doc = await ruben.call("/api/v1/candidates/me/documents?fileName=brief.pdf&kind=other", {
        raw: { data: PDF, type: "application/pdf" },
      });
      const docId = doc.json<{ document: { id: string } }>().document.id;
      expect(
        (await ruben.call(`/api/v1/candidates/me/documents/${docId}`, { method: "DELETE" })).status,
      ).toBe(204);
      expect((await ruben.call(`/api/v1/candidates/me/documents/${docId}`)).status).toBe(404);
      const photoId = profile.media.photos[0]!.id;
      expect(
        (await ruben.call(`/api/v1/candidates/me/media/photos/${photoId}`, { method: "DELETE" })).status,
      ).toBe(204);
      expect((await ruben.call("/api/v1/candidates/me/photo", { method: "DELETE" })).status).toBe(204);
      const after = await me(ruben);
      expect(after.profile.general.photoUrl).toBeNull();
      expect(after.profile.media.photos).toEqual([]);
      expect(after.completeness.missing).toEqual([{ part: "general", key: "photo" }]);
      expect((await ruben.call("/api/v1/candidates/me/photo")).status).toBe(404);
    });
  });

  describe("bad input", () => {
    async function expectRefused(
      body: unknown,
      expected: { path: string; key?: string }[],
      status = 400,
    ): Promise<void> {
      const before = (await me(ruben)).profile;
      for (const language of ["nl", "en"] as const) {
        const res = await patch(ruben, body, language);
        expect(res.status, res.text).toBe(status);
        const fields = fieldsOf(res);
        expect(fields.map((f) => f.path).sort()).toEqual(expected.map((e) => e.path).sort());
        for (const e of expected) {
          if (!e.key) continue;
          expect(fields.find((f) => f.path === e.path)?.message).toBe(fieldMessage(e.key, language));
        }
      }
      expect((await me(ruben)).profile).toEqual(before);
    }

    it("refuses experience and education that end before they start", async () => {
      const experience = FULL_PROFILE.experience!.map((e) => ({ ...e }));
      experience[2] = { ...experience[2]!, from: "2015-02-28", to: "2012-06-01" };
      await expectRefused({ experience, hobbies: "Iets anders" }, [
        { path: "experience.2.to", key: "end_before_start" },
      ]);
      await expectRefused(
        { education: [{ ...FULL_PROFILE.education![0]!, from: "2006-07-01", to: "2004-09-01" }] },
        [{ path: "education.0.to", key: "end_before_start" }],
      );
    });

    it("refuses a minimum number of hours above the maximum, also against the stored maximum", async () => {
      await expectRefused({ availability: { hoursMin: 40, hoursMax: 32 } }, [
        { path: "availability.hoursMax", key: "range_min_above_max" },
      ]);
      await expectRefused({ availability: { hoursMin: 41 } }, [
        { path: "availability.hoursMax", key: "range_min_above_max" },
      ]);
    });

    it("refuses ids that are not in the reference lists, naming each one", async () => {
      await expectRefused(
        {
          general: {
            placeId: "nl-gm9999",
            languages: [{ code: "xx", level: "good" }],
            drivingLicences: ["B", "Z"],
            workLevel: "expert",
            targetGroups: ["onbekend"],
          },
          preferences: {
            desiredOccupationIds: ["4225.1", "9999.9"],
            workTypes: ["zwemmen"],
            sectors: ["99"],
          },
          availability: { grid: ["mon-morning", "maandag-ochtend", "maandag-lunch"] },
          experience: [{ title: "Iets", occupationId: "0000.0", from: "2020-01-01" }],
          education: [{ title: "Iets", levelId: "mbo-9", from: "2020-01-01" }],
        },
        [
          { path: "general.placeId", key: "unknown_place" },
          { path: "general.languages.0.code", key: "unknown_language" },
          { path: "general.drivingLicences.1", key: "unknown_option" },
          { path: "general.workLevel", key: "unknown_option" },
          { path: "general.targetGroups.0", key: "unknown_option" },
          { path: "preferences.desiredOccupationIds.1", key: "unknown_occupation" },
          { path: "preferences.workTypes.0", key: "unknown_option" },
          { path: "preferences.sectors.0", key: "unknown_option" },
          { path: "availability.grid.0", key: "unknown_option" },
          { path: "availability.grid.2", key: "unknown_option" },
          { path: "experience.0.occupationId", key: "unknown_occupation" },
          { path: "education.0.levelId", key: "unknown_option" },
        ],
      );
    });

    it("refuses malformed values before anything is checked further", async () => {
      await expectRefused(
        {
          general: { birthDate: "2031-02-30", postcode: "12" },
          media: { links: [{ url: "javascript:alert(1)" }] },
          contact: { email: "geen-adres" },
        },
        [
          { path: "general.postcode", key: "postcode_invalid" },
          { path: "media.links.0.url", key: "url_invalid" },
          { path: "contact.email", key: "email_invalid" },
        ],
      );
      await expectRefused({ general: { birthDate: "2031-02-28" } }, [
        { path: "general.birthDate", key: "birth_date_invalid" },
      ]);
      await expectRefused({ general: { birthDate: "1990-02-30" } }, [
        { path: "general.birthDate", key: "date_invalid" },
      ]);
    });

    it("refuses a photo that is not an image or is over 5 MB, and keeps the one there is", async () => {
      const put = (data: Buffer, type: string, language = "nl") =>
        ruben.call("/api/v1/candidates/me/photo", {
          method: "PUT",
          raw: { data, type },
          headers: { "accept-language": language },
        });
      expect((await put(PNG, "image/png")).status).toBe(200);
      const before = (await me(ruben)).profile.general.photoUrl;
      for (const language of ["nl", "en"] as const) {
        const pdf = await put(PDF, "image/png", language);
        expect(pdf.status).toBe(400);
        expect(fieldsOf(pdf)).toEqual([
          { path: "photo", message: fieldMessage("image_type_not_allowed", language) },
        ]);
        const big = await put(Buffer.concat([PNG, Buffer.alloc(5 * MB)]), "image/png", language);
        expect(big.status).toBe(413);
        expect(fieldsOf(big)).toEqual([
          { path: "photo", message: fieldMessage("photo_too_large", language) },
        ]);
      }
      const media = await ruben.call("/api/v1/candidates/me/media/photos", {
        raw: { data: Buffer.concat([PNG, Buffer.alloc(5 * MB)]), type: "image/png" },
      });
      expect(media.status).toBe(413);
      expect(pathsOf(media)).toEqual(["photo"]);
      expect((await me(ruben)).profile.general.photoUrl).toBe(before);
    });

    it("refuses documents that are not PDF or DOCX by content, or over 10 MB", async () => {
      const before = (await me(ruben)).profile.documents;
      for (const language of ["nl", "en"] as const) {
        const fake = await ruben.call("/api/v1/candidates/me/documents?fileName=cv.pdf&kind=cv", {
          raw: { data: Buffer.from("MZ\x90\x00 this is not a pdf"), type: "application/pdf" },
          headers: { "accept-language": language },
        });
        expect(fake.status).toBe(400);
        expect(fieldsOf(fake)).toEqual([
          { path: "file", message: fieldMessage("document_type_not_allowed", language) },
        ]);
        const image = await ruben.call("/api/v1/candidates/me/documents?fileName=cv.pdf", {
          raw: { data: PNG, type: "application/pdf" },
          headers: { "accept-language": language },
        });
        expect(image.status).toBe(400);
        const big = await ruben.call("/api/v1/candidates/me/documents?fileName=cv.pdf", {
          raw: { data: Buffer.concat([PDF, Buffer.alloc(10 * MB)]), type: "application/pdf" },
          headers: { "accept-language": language },
        });
        expect(big.status).toBe(413);
        expect(fieldsOf(big)).toEqual([{ path: "file", message: fieldMessage("file_too_large", language) }]);
      }
      expect((await me(ruben)).profile.documents).toEqual(before);
    });
  });

  describe("visibility per portal", () => {
    it("shows a visible Haaglanden candidate to the Den Haag account manager, without contact details", async () => {
      const res = await manager.call(`/api/v1/candidates/${kimId}`);
      expect(res.status, res.text).toBe(200);
      const { candidate } = res.json<{ candidate: CandidateStaffView }>();
      expect(candidate.summary).toMatchObject({
        firstName: "Kim",
        headline: expect.stringContaining("klantenservice"),
        place: { id: "nl-gm0518", name: "Den Haag" },
        workLevel: { id: "middelbaar", label: { nl: "Middelbaar", en: expect.any(String) } },
        tags: {
          workTypes: [expect.objectContaining({ id: "helpen" }), expect.objectContaining({ id: "verkopen" })],
          targetGroups: [expect.objectContaining({ id: "ww" })],
        },
        availability: expect.objectContaining({ hoursMin: 24, hoursMax: 36 }),
      });
      expect(candidate.experience.work.length).toBeGreaterThan(0);
      expect(candidate.experience.education[0]!.level?.id).toBe("mbo-4");
      expect(candidate.lists.languages.map((l) => l.id)).toEqual(["nl", "en", "de"]);
      expect(res.text).not.toContain("kandidaat@demo.werkbrug.test");
      expect(res.text).not.toContain("06-12345678");
      expect(res.text).not.toContain("2512");
      expect(res.text).not.toContain("1994-05-17");
    });

    it("reads a generated profile's days and dayparts as every combination of them", async () => {
      const { db } = server.database;
      const [haaglanden] = await db.select().from(portals).where(eq(portals.slug, "haaglanden"));
      const [row] = await db
        .select()
        .from(candidates)
        .where(
          and(
            eq(candidates.portalId, haaglanden!.id),
            eq(candidates.visible, true),
            isNull(candidates.userId),
          ),
        )
        .limit(1);
      expect(row!.availabilityGrid).toEqual([]);
      const res = await manager.call(`/api/v1/candidates/${row!.id}`);
      expect(res.status, res.text).toBe(200);
      const { availability } = res.json<{ candidate: CandidateStaffView }>().candidate.summary;
      const days = availability.days.map((d) => d.id);
      const parts = availability.dayparts.map((d) => d.id);
      expect(days.length * parts.length).toBeGreaterThan(0);
      expect(availability.grid).toEqual(days.flatMap((d) => parts.map((p) => `${d}-${p}`)));
    });

    it("hides the candidate as soon as they hide themselves on that portal", async () => {
      await setVisible(kim, "haaglanden", false);
      try {
        expect((await manager.call(`/api/v1/candidates/${kimId}`)).status).toBe(404);
        expect((await employer.call(`/api/v1/candidates/${kimId}`)).status).toBe(404);
        expect((await manager.call(`/api/v1/candidates/${kimId}/contact-details`)).status).toBe(404);
        const home = (await me(kim)).visibility.find((v) => v.home)!;
        expect(home).toMatchObject({ visible: false, changedAt: expect.any(String) });
        // Visible on another portal only: still nothing on Haaglanden; nationally she shows.
        await setVisible(kim, "rijnmond", true);
        expect((await manager.call(`/api/v1/candidates/${kimId}`)).status).toBe(404);
        expect((await admin.call(`/api/v1/candidates/${kimId}`)).status).toBe(200);
      } finally {
        await setVisible(kim, "rijnmond", false);
        await setVisible(kim, "haaglanden", true);
      }
      expect((await manager.call(`/api/v1/candidates/${kimId}`)).status).toBe(200);
    });

    it("keeps a candidate visible only on Rijnmond out of Haaglanden, until they opt in there", async () => {
      await setVisible(ruben, "rijnmond", true);
      expect((await manager.call(`/api/v1/candidates/${rubenId}`)).status).toBe(404);
      // Staff of Den Haag have no access to another portal's candidates, not even via its host.
      const elsewhere = new Client(server, host("rijnmond"));
      await signIn(elsewhere, "accountmanager@demo.werkbrug.test");
      expect((await elsewhere.call(`/api/v1/candidates/${rubenId}`)).status).toBe(404);
      // The national portal shows candidates visible on any portal, to national staff.
      expect((await admin.call(`/api/v1/candidates/${rubenId}`)).status).toBe(200);
      expect((await new Client(server).call(`/api/v1/candidates/${rubenId}`)).status).toBe(401);

      const [haaglanden] = await server.database.db
        .select()
        .from(portals)
        .where(eq(portals.slug, "haaglanden"));
      await setVisible(ruben, haaglanden!.id, true);
      expect((await manager.call(`/api/v1/candidates/${rubenId}`)).status).toBe(200);
      await setVisible(ruben, "haaglanden", false);
      expect((await manager.call(`/api/v1/candidates/${rubenId}`)).status).toBe(404);
      await setVisible(ruben, "rijnmond", false);
      expect((await admin.call(`/api/v1/candidates/${rubenId}`)).status).toBe(404);
    });

    it("refuses an unknown portal", async () => {
      const res = await ruben.call("/api/v1/candidates/me/visibility", {
        method: "PUT",
        body: { portal: "atlantis", visible: true },
      });
      expect(res.status).toBe(400);
      expect(pathsOf(res)).toEqual(["portal"]);
    });
  });

  describe("contact details", () => {
    it("gives employers and other staff the account manager's details when the candidate chose that", async () => {
      for (const client of [employer, orgAdmin]) {
        const res = await client.call(`/api/v1/candidates/${kimId}/contact-details`);
        expect(res.status, res.text).toBe(200);
        expect(res.json<ContactDetailsResponse>()).toEqual({
          via: "account_manager",
          accountManager: {
            name: "Fatima El Amrani",
            email: "accountmanager@demo.werkbrug.test",
            phone: null,
            organisation: "Gemeente Den Haag",
          },
        });
        expect(res.text).not.toContain("kandidaat@demo.werkbrug.test");
        expect(res.text).not.toContain("06-12345678");
      }
      // Her own account manager is the go-between and gets her details.
      const own = (
        await manager.call(`/api/v1/candidates/${kimId}/contact-details`)
      ).json<ContactDetailsResponse>();
      expect(own).toMatchObject({ via: "candidate", candidate: { email: "kandidaat@demo.werkbrug.test" } });
    });

    it("gives an account manager who is not the candidate's the account manager's details, or says there is none", async () => {
      await setVisible(ruben, "haaglanden", true);
      await patch(ruben, { contact: { contactPreference: "account_manager" } });
      try {
        const none = (
          await manager.call(`/api/v1/candidates/${rubenId}/contact-details`)
        ).json<ContactDetailsResponse>();
        expect(none).toEqual({ via: "account_manager", accountManager: null });
        await server.database.db
          .update(candidates)
          .set({ accountManagerUserId: "demo-beheer" })
          .where(eq(candidates.id, rubenId));
        const res = await manager.call(`/api/v1/candidates/${rubenId}/contact-details`);
        expect(res.json<ContactDetailsResponse>()).toMatchObject({
          via: "account_manager",
          accountManager: { name: "Bram Beheerder", email: "beheer@demo.werkbrug.test" },
        });
        expect(res.text).not.toContain("ruben@rijnmond.test");
        expect(res.text).not.toContain("06-87654321");
        expect((await me(ruben)).profile.contact.accountManager?.name).toBe("Bram Beheerder");
      } finally {
        await setVisible(ruben, "haaglanden", false);
      }
    });

    it("gives the candidate's own details to employers and account managers when they chose direct contact", async () => {
      expect((await patch(kim, { contact: { contactPreference: "direct" } })).status).toBe(200);
      try {
        for (const client of [employer, orgAdmin, manager]) {
          const res = (
            await client.call(`/api/v1/candidates/${kimId}/contact-details`)
          ).json<ContactDetailsResponse>();
          expect(res).toEqual({
            via: "candidate",
            candidate: {
              name: "Kim de Kandidaat",
              email: "kandidaat@demo.werkbrug.test",
              phone: "06-12345678",
              postcode: "2512 AB",
              city: "Den Haag",
            },
          });
        }
      } finally {
        await patch(kim, { contact: { contactPreference: "account_manager" } });
      }
    });

    it("logs every request, and the candidate sees who, from which organisation, and when", async () => {
      const before = await logRows(kimId);
      const started = Date.now();
      await employer.call(`/api/v1/candidates/${kimId}/contact-details`);
      await employer.call(`/api/v1/candidates/${kimId}/contact-details`);
      await orgAdmin.call(`/api/v1/candidates/${kimId}/contact-details`);
      expect(await logRows(kimId)).toBe(before + 3);
      // Reading the profile is not opening the contact details.
      await employer.call(`/api/v1/candidates/${kimId}`);
      expect(await logRows(kimId)).toBe(before + 3);

      const res = await kim.call("/api/v1/candidates/me/contact-views");
      expect(res.status).toBe(200);
      const { views } = res.json<ContactViewsResponse>();
      expect(views).toHaveLength(before + 3);
      expect(views.slice(0, 3).map((v) => [v.viewer.name, v.organisation?.name])).toEqual([
        ["Bram Beheerder", "Gemeente Den Haag"],
        ["Wim van Westen", "Westland Logistiek B.V."],
        ["Wim van Westen", "Westland Logistiek B.V."],
      ]);
      for (const view of views.slice(0, 3))
        expect(Date.parse(view.at)).toBeGreaterThanOrEqual(started - 1000);
      // Ruben's log holds only the requests about him.
      const rubens = (await ruben.call("/api/v1/candidates/me/contact-views")).json<ContactViewsResponse>();
      expect(rubens.views.every((v) => v.viewer.name === "Fatima El Amrani")).toBe(true);
    });
  });

  describe("between candidates", () => {
    it("keeps a candidate out of the staff routes and out of another candidate's documents", async () => {
      const upload = await kim.call("/api/v1/candidates/me/documents?fileName=cv-kim.pdf&kind=cv", {
        raw: { data: PDF, type: "application/pdf" },
      });
      expect(upload.status, upload.text).toBe(201);
      const docId = upload.json<{ document: { id: string } }>().document.id;

      expect((await ruben.call(`/api/v1/candidates/${kimId}`)).status).toBe(403);
      expect((await ruben.call(`/api/v1/candidates/${kimId}/contact-details`)).status).toBe(403);
      expect((await ruben.call(`/api/v1/candidates/${kimId}/documents/${docId}`)).status).toBe(403);
      expect((await ruben.call(`/api/v1/candidates/me/documents/${docId}`)).status).toBe(404);
      expect(
        (await ruben.call(`/api/v1/candidates/me/documents/${docId}`, { method: "DELETE" })).status,
      ).toBe(404);

      // Staff who may see Kim download her CV, as an attachment; once she hides, nobody does.
      const staff = await employer.call(`/api/v1/candidates/${kimId}/documents/${docId}`);
      expect(staff.status).toBe(200);
      expect(staff.headers["content-disposition"]).toMatch(/^attachment; filename="cv-kim.pdf"/);
      expect(staff.headers["x-content-type-options"]).toBe("nosniff");
      expect(staff.body.equals(PDF)).toBe(true);
      const view = (await employer.call(`/api/v1/candidates/${kimId}`)).json<{
        candidate: CandidateStaffView;
      }>();
      expect(view.candidate.documents.map((d) => d.url)).toEqual([
        `/api/v1/candidates/${kimId}/documents/${docId}`,
      ]);
      await setVisible(kim, "haaglanden", false);
      try {
        expect((await employer.call(`/api/v1/candidates/${kimId}/documents/${docId}`)).status).toBe(404);
      } finally {
        await setVisible(kim, "haaglanden", true);
      }
      expect((await me(kim)).completeness.missing).toEqual([{ part: "general", key: "photo" }]);
    });
  });
});
