import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDemoLikeAccount } from "../../../../test/support/accounts";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import type { ErrorResponse } from "../../../contracts/common";
import type {
  ContactDocumentsResponse,
  DocumentTypesResponse,
  MatchDocument,
  MatchDocuments,
} from "../../../contracts/documents";
import type { Procedure, VacancyMatchesResponse } from "../../../contracts/matches";
import type { CreateVacancyRequest, Vacancy } from "../../../contracts/vacancies";
import { candidateDocuments, candidates } from "../candidates/candidates.schema";
import { organisations, portals } from "../tenancy/tenancy.schema";
import { todayIn } from "../vacancies";
import { documentTypeSettings, matchDocuments } from "./documents.schema";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0)]);

async function form(fields: Record<string, string | { data: Buffer; type: string; name: string }>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "string") data.set(key, value);
    else data.set(key, new Blob([new Uint8Array(value.data)], { type: value.type }), value.name);
  }
  const body = new Response(data);
  return { data: Buffer.from(await body.arrayBuffer()), type: body.headers.get("content-type")! };
}

describe.each(testDbKinds())("documents by type on %s", (kind) => {
  let server: TestServer;
  let manager: Client; // accountmanager@: Gemeente Den Haag, the team that manages Westland
  let admin: Client; // beheer@: org admin of Gemeente Den Haag
  let employer: Client; // werkgever@: Westland, may manage vacancies
  let petra: Client; // a Westland contact person without the right to manage vacancies
  let dirk: Client; // a contact person of De Duinen, another employer
  let westlandId: string;
  let duinenId: string;
  let denHaagId: string;
  let pool: string[] = [];
  let next = 0;

  const host = (slug: string) => `${slug}.localhost:${server.port}`;

  async function contactPerson(id: string, email: string, organisationId: string) {
    await addDemoLikeAccount(server.database.db, {
      id,
      name: `Test ${id}`,
      email,
      role: "employer_contact",
      organisationId,
    });
    const client = new Client(server, host("haaglanden"));
    await signIn(client, email);
    return client;
  }

  beforeAll(async () => {
    server = await startTestServer({ kind, web: false });
    const { db } = server.database;
    const orgByName = async (name: string) =>
      (await db.select().from(organisations).where(eq(organisations.name, name)))[0]!.id;
    westlandId = await orgByName("Westland Logistiek B.V.");
    duinenId = await orgByName("Zorgcentrum De Duinen");
    denHaagId = await orgByName("Gemeente Den Haag");
    const [haaglanden] = await db.select().from(portals).where(eq(portals.slug, "haaglanden"));
    pool = (
      await db
        .select({ id: candidates.id })
        .from(candidates)
        .where(
          sql`${candidates.portalId} = ${haaglanden!.id} and ${candidates.visible} and ${candidates.userId} is null`,
        )
        .orderBy(candidates.createdAt)
        .limit(8)
    ).map((c) => c.id);
    manager = new Client(server, host("haaglanden"));
    admin = new Client(server, host("haaglanden"));
    employer = new Client(server, host("haaglanden"));
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    await signIn(admin, "beheer@demo.werkbrug.test");
    await signIn(employer, "werkgever@demo.werkbrug.test");
    petra = await contactPerson("test-petra", "petra@westland.test", westlandId);
    dirk = await contactPerson("test-dirk", "dirk@duinen.test", duinenId);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  const day = (offset: number) => todayIn(new Date(Date.now() + offset * 86_400_000));

  async function westlandVacancy(title: string): Promise<string> {
    const body: CreateVacancyRequest = {
      organisationId: westlandId,
      displayTitle: title,
      functionTitle: "Orderpicker",
      description: "Je verzamelt orders in ons distributiecentrum.",
      occupationId: "9333.8",
      educationLevel: "vmbo-bb",
      kind: "vacancy",
      hoursMin: 24,
      hoursMax: 32,
      positions: 2,
      workAddress: {
        street: "Middel Broekweg",
        houseNumber: "5",
        postcode: "2675 KB",
        placeId: "nl-1783-naaldwijk",
      },
      serviceModel: "together",
      contactVia: "employer",
      publication: { portalFrom: day(0), closesOn: day(30) },
    };
    const created = await employer.call("/api/v1/vacancies", { body });
    expect(created.status, created.text).toBe(201);
    const { id } = created.json<{ vacancy: Vacancy }>().vacancy;
    const published = await employer.call(`/api/v1/vacancies/${id}/transitions`, {
      body: { action: "publish", comment: null },
    });
    expect(published.status, published.text).toBe(200);
    return id;
  }

  /** A candidate saved on the vacancy by the account manager; optionally moved to "proposed". */
  async function match(vacancyId: string, propose: boolean) {
    const candidateId = pool[next++]!;
    const saved = await manager.call(`/api/v1/candidates/${candidateId}/vacancies`, { body: { vacancyId } });
    expect(saved.status, saved.text).toBe(200);
    const list = await manager.call(`/api/v1/vacancies/${vacancyId}/matches`);
    const { phases, procedure } = list.json<VacancyMatchesResponse>();
    const id = phases.flatMap((p) => p.matches).find((m) => m.candidate.id === candidateId)!.id;
    if (propose) {
      const proposed = (procedure as Procedure).phases.find((p) => p.key === "proposed")!.id;
      const moved = await manager.call(`/api/v1/matches/${id}/moves`, { body: { phaseId: proposed } });
      expect(moved.status, moved.text).toBe(200);
    }
    return { id, candidateId };
  }

  async function upload(client: Client, matchId: string, fields: Parameters<typeof form>[0], lang = "nl") {
    return client.call(`/api/v1/matches/${matchId}/documents`, {
      raw: await form(fields),
      headers: { "accept-language": lang },
    });
  }

  const pdf = (name = "stuk.pdf") => ({ data: PDF, type: "application/pdf", name });

  async function uploaded(client: Client, matchId: string, type: string): Promise<MatchDocument> {
    const res = await upload(client, matchId, { type, file: pdf(`${type}.pdf`) });
    expect(res.status, res.text).toBe(201);
    return res.json<{ document: MatchDocument }>().document;
  }

  async function documentsOf(client: Client, matchId: string): Promise<MatchDocuments> {
    const res = await client.call(`/api/v1/matches/${matchId}/documents`);
    expect(res.status, res.text).toBe(200);
    return res.json<MatchDocuments>();
  }

  async function setVisible(types: Record<string, boolean>) {
    const res = await admin.call("/api/v1/document-types", {
      method: "PUT",
      body: {
        types: Object.entries(types).map(([type, visibleToContacts]) => ({ type, visibleToContacts })),
      },
    });
    expect(res.status, res.text).toBe(200);
    return res.json<DocumentTypesResponse>();
  }

  async function storedCounts() {
    const { db } = server.database;
    const n = async (
      table: typeof candidateDocuments | typeof matchDocuments | typeof documentTypeSettings,
    ) => (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
    return {
      documents: await n(candidateDocuments),
      matchDocuments: await n(matchDocuments),
      settings: await n(documentTypeSettings),
    };
  }

  it("keeps the document types per team: only its org admin changes them, others read or get 403", async () => {
    const read = await manager.call("/api/v1/document-types");
    expect(read.status, read.text).toBe(200);
    const types = read.json<DocumentTypesResponse>();
    expect(types).toMatchObject({ organisationId: denHaagId, canEdit: false });
    expect(types.types.map((t) => t.type)).toEqual([
      "cv",
      "certificate",
      "diploma",
      "reference",
      "contract",
      "identity",
      "other",
    ]);
    // The shipped default: only the CV is visible to contact persons.
    expect(types.types.filter((t) => t.visibleToContacts).map((t) => t.type)).toEqual(["cv"]);

    const before = await storedCounts();
    const byManager = await manager.call("/api/v1/document-types", {
      method: "PUT",
      body: { types: [{ type: "diploma", visibleToContacts: true }] },
    });
    expect(byManager.status).toBe(403);
    for (const client of [employer, petra]) {
      const res = await client.call("/api/v1/document-types", {
        method: "PUT",
        body: { types: [{ type: "diploma", visibleToContacts: true }] },
      });
      expect(res.status).toBe(403);
      expect((await client.call("/api/v1/document-types")).status).toBe(403);
    }
    // Another organisation's settings: not found, even for an org admin.
    const foreign = await admin.call("/api/v1/document-types", {
      method: "PUT",
      body: { organisationId: westlandId, types: [{ type: "diploma", visibleToContacts: true }] },
    });
    expect(foreign.status).toBe(404);
    const bad = await admin.call("/api/v1/document-types", {
      method: "PUT",
      headers: { "accept-language": "en" },
      body: { types: [{ type: "passport", visibleToContacts: true }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.json<ErrorResponse>().error.message).toMatch(/fields/i);
    const twice = await admin.call("/api/v1/document-types", {
      method: "PUT",
      body: {
        types: [
          { type: "cv", visibleToContacts: true },
          { type: "cv", visibleToContacts: false },
        ],
      },
    });
    expect(twice.status).toBe(400);
    expect(await storedCounts()).toEqual(before);

    const changed = await setVisible({ reference: true });
    expect(changed.canEdit).toBe(true);
    expect(changed.types.filter((t) => t.visibleToContacts).map((t) => t.type)).toEqual(["cv", "reference"]);
    const again = await manager.call("/api/v1/document-types");
    expect(again.json<DocumentTypesResponse>().types.find((t) => t.type === "reference")).toEqual({
      type: "reference",
      visibleToContacts: true,
    });
  });

  it("shows contacts only documents of visible types on a proposed match, the team all of them", async () => {
    await setVisible({ cv: true, reference: true, diploma: false });
    const vacancyId = await westlandVacancy("Orderpicker documenten");
    const m = await match(vacancyId, true);
    const cv = await uploaded(manager, m.id, "cv");
    const diploma = await uploaded(manager, m.id, "diploma");
    // A document the candidate keeps on their own file (not uploaded on a match).
    const [own] = await server.database.db
      .insert(candidateDocuments)
      .values({
        candidateId: m.candidateId,
        portalId: (
          await server.database.db.select().from(candidates).where(eq(candidates.id, m.candidateId))
        )[0]!.portalId,
        kind: "certificate",
        fileKey: "candidates/none/certificate.pdf",
        fileName: "certificaat.pdf",
        contentType: "application/pdf",
        size: 10,
      })
      .returning();

    const team = await documentsOf(manager, m.id);
    expect(team.allTypes).toBe(true);
    expect(team.documents.map((d) => [d.type, d.source]).sort()).toEqual(
      [
        ["certificate", "candidate"],
        ["cv", "match"],
        ["diploma", "match"],
      ].sort(),
    );

    for (const contact of [petra, employer]) {
      const seen = await documentsOf(contact, m.id);
      expect(seen.allTypes).toBe(false);
      expect(seen.uploadableTypes).toEqual(["cv", "reference"]);
      expect(seen.documents.map((d) => d.id)).toEqual([cv.id]);
      const download = await contact.call(`/api/v1/matches/${m.id}/documents/${cv.id}`);
      expect(download.status, download.text).toBe(200);
      expect(download.headers["content-disposition"]).toMatch(/^attachment; filename="cv.pdf"/);
      expect(download.text.startsWith("%PDF-")).toBe(true);
      for (const hidden of [diploma.id, own!.id]) {
        expect((await contact.call(`/api/v1/matches/${m.id}/documents/${hidden}`)).status).toBe(404);
      }
    }
    const overview = await petra.call("/api/v1/documents");
    expect(overview.status, overview.text).toBe(200);
    const group = overview.json<ContactDocumentsResponse>().matches.find((g) => g.matchId === m.id);
    expect(group?.documents.map((d) => d.id)).toEqual([cv.id]);
    expect(group?.vacancyTitle).toBe("Orderpicker documenten");

    // Through the candidates overview (decision 0011) an employer's contact sees no more: only
    // visible types of the candidate's own file, never what was uploaded on a match.
    const profileDocuments = async (client: Client) => {
      const res = await client.call(`/api/v1/candidates/${m.candidateId}`);
      expect(res.status, res.text).toBe(200);
      return res.json<{ candidate: { documents: { id: string }[] } }>().candidate.documents.map((d) => d.id);
    };
    expect(await profileDocuments(employer)).toEqual([]);
    expect((await employer.call(`/api/v1/candidates/${m.candidateId}/documents/${diploma.id}`)).status).toBe(
      404,
    );
    expect(await profileDocuments(manager)).toEqual([own!.id]);
    await setVisible({ certificate: true });
    expect(await profileDocuments(employer)).toEqual([own!.id]);
    await setVisible({ certificate: false });

    // The team hides the CV: contacts lose it at once, the team keeps it.
    await setVisible({ cv: false });
    expect((await documentsOf(petra, m.id)).documents).toEqual([]);
    expect((await petra.call(`/api/v1/matches/${m.id}/documents/${cv.id}`)).status).toBe(404);
    expect((await manager.call(`/api/v1/matches/${m.id}/documents/${cv.id}`)).status).toBe(200);
    await setVisible({ cv: true });

    // The team sets a document's type; a contact who sees it may not.
    const retyped = await manager.call(`/api/v1/matches/${m.id}/documents/${diploma.id}`, {
      method: "PATCH",
      body: { type: "reference" },
    });
    expect(retyped.status, retyped.text).toBe(200);
    expect(retyped.json<{ document: MatchDocument }>().document.type).toBe("reference");
    expect((await documentsOf(petra, m.id)).documents.map((d) => d.id).sort()).toEqual(
      [cv.id, diploma.id].sort(),
    );
    const byContact = await petra.call(`/api/v1/matches/${m.id}/documents/${diploma.id}`, {
      method: "PATCH",
      body: { type: "other" },
    });
    expect(byContact.status).toBe(403);
    const [row] = await server.database.db
      .select()
      .from(candidateDocuments)
      .where(eq(candidateDocuments.id, diploma.id));
    expect(row!.kind).toBe("reference");
  });

  it("lets a contact upload a visible type onto the match, and the team sees who and when", async () => {
    await setVisible({ reference: true });
    const vacancyId = await westlandVacancy("Orderpicker upload");
    const m = await match(vacancyId, true);
    const res = await upload(petra, m.id, { type: "reference", file: pdf("Referentie Jansen.pdf") });
    expect(res.status, res.text).toBe(201);
    const document = res.json<{ document: MatchDocument }>().document;
    expect(document).toMatchObject({
      type: "reference",
      source: "match",
      fileName: "Referentie Jansen.pdf",
      uploadedBy: { name: "Test test-petra", organisationName: "Westland Logistiek B.V." },
    });
    const team = await documentsOf(manager, m.id);
    expect(team.documents.find((d) => d.id === document.id)).toMatchObject({
      type: "reference",
      uploadedBy: { name: "Test test-petra" },
    });
    const [link] = await server.database.db
      .select()
      .from(matchDocuments)
      .where(eq(matchDocuments.documentId, document.id));
    expect(link).toMatchObject({
      matchId: m.id,
      uploadedByUserId: "test-petra",
      uploadedByOrganisationId: westlandId,
    });
    // A PNG counts too.
    const image = await upload(petra, m.id, {
      type: "reference",
      file: { data: PNG, type: "image/png", name: "scan.png" },
    });
    expect(image.status, image.text).toBe(201);
    expect(image.json<{ document: MatchDocument }>().document.contentType).toBe("image/png");

    // Uploaded on this match: not shown on another match of the same candidate.
    const other = await westlandVacancy("Orderpicker andere vacature");
    const saved = await manager.call(`/api/v1/candidates/${m.candidateId}/vacancies`, {
      body: { vacancyId: other },
    });
    expect(saved.status, saved.text).toBe(200);
    const list = (await manager.call(`/api/v1/vacancies/${other}/matches`)).json<VacancyMatchesResponse>();
    const otherMatch = list.phases
      .flatMap((p) => p.matches)
      .find((x) => x.candidate.id === m.candidateId)!.id;
    expect((await documentsOf(manager, otherMatch)).documents.map((d) => d.id)).not.toContain(document.id);
    expect((await manager.call(`/api/v1/matches/${otherMatch}/documents/${document.id}`)).status).toBe(404);
  });

  it("refuses a hidden type, a wrong file or a too large one, and stores nothing", async () => {
    await setVisible({ contract: false, cv: true });
    const vacancyId = await westlandVacancy("Orderpicker weigeren");
    const m = await match(vacancyId, true);
    const before = await storedCounts();

    const hidden = await upload(petra, m.id, { type: "contract", file: pdf() }, "en");
    expect(hidden.status).toBe(403);
    expect(hidden.json<ErrorResponse>().error.message).toMatch(/not visible to contact persons/);
    const unknown = await upload(petra, m.id, { type: "passport", file: pdf() });
    expect(unknown.status).toBe(400);
    const noFile = await upload(petra, m.id, { type: "cv" });
    expect(noFile.status).toBe(400);
    const exe = await upload(
      petra,
      m.id,
      { type: "cv", file: { data: EXE, type: "application/pdf", name: "cv.pdf" } },
      "en",
    );
    expect(exe.status).toBe(415);
    expect(JSON.stringify(exe.json<ErrorResponse>().error)).toMatch(/Only PDF, DOCX, JPEG or PNG/);
    const big = await upload(petra, m.id, {
      type: "cv",
      file: {
        data: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]),
        type: "application/pdf",
        name: "cv.pdf",
      },
    });
    expect(big.status).toBe(413);
    const notMultipart = await petra.call(`/api/v1/matches/${m.id}/documents`, { body: { type: "cv" } });
    expect(notMultipart.status).toBe(415);
    expect(await storedCounts()).toEqual(before);
  });

  it("keeps everything of other matches and other employers out of sight (404)", async () => {
    await setVisible({ cv: true });
    const vacancyId = await westlandVacancy("Orderpicker afgeschermd");
    const proposed = await match(vacancyId, true);
    const onlySaved = await match(vacancyId, false);
    const cv = await uploaded(manager, proposed.id, "cv");
    const savedCv = await uploaded(manager, onlySaved.id, "cv");
    const before = await storedCounts();

    // Another employer's contact: nothing of Westland's matches.
    expect((await dirk.call(`/api/v1/matches/${proposed.id}/documents`)).status).toBe(404);
    expect((await dirk.call(`/api/v1/matches/${proposed.id}/documents/${cv.id}`)).status).toBe(404);
    expect((await upload(dirk, proposed.id, { type: "cv", file: pdf() })).status).toBe(404);
    const dirksOverview = (await dirk.call("/api/v1/documents")).json<ContactDocumentsResponse>();
    expect(dirksOverview.matches.map((g) => g.matchId)).not.toContain(proposed.id);

    // A match never proposed: not for contacts, not even for one who may manage vacancies.
    for (const contact of [petra, employer]) {
      expect((await contact.call(`/api/v1/matches/${onlySaved.id}/documents`)).status).toBe(404);
      expect((await contact.call(`/api/v1/matches/${onlySaved.id}/documents/${savedCv.id}`)).status).toBe(
        404,
      );
      expect((await upload(contact, onlySaved.id, { type: "cv", file: pdf() })).status).toBe(404);
    }
    // A document of one match through another match's address.
    expect((await petra.call(`/api/v1/matches/${proposed.id}/documents/${savedCv.id}`)).status).toBe(404);
    const petrasOverview = (await petra.call("/api/v1/documents")).json<ContactDocumentsResponse>();
    expect(petrasOverview.matches.map((g) => g.matchId)).toContain(proposed.id);
    expect(petrasOverview.matches.map((g) => g.matchId)).not.toContain(onlySaved.id);
    expect(await storedCounts()).toEqual(before);
  });
});
