import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import type { ErrorResponse } from "../../../contracts/common";
import type { Application } from "../../../contracts/vacancies";

type ApplicationListResponse = { applications: Application[] };

import type {
  Audience,
  CandidateVacancyListResponse,
  CreateVacancyRequest,
  Vacancy,
  VacancyListResponse,
} from "../../../contracts/vacancies";
import { publicScope } from "../../platform/scope";
import { DEMO_PASSWORD } from "../../seed/demo";
import { hashPassword } from "../identity";
import { matches } from "../matches/matches.schema";
import { accounts, memberships, organisations, portals, users } from "../tenancy/tenancy.schema";
import { visibleVacancyRepository } from "./index";
import { todayIn } from "./publication";
import { vacancies, vacancyHistory } from "./vacancies.schema";

const DAY = 86_400_000;
const today = todayIn();
const day = (offset: number) => todayIn(new Date(Date.now() + offset * DAY));

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

function fieldPaths(res: { json<T>(): T }): string[] {
  return (res.json<ErrorResponse>().error.fields ?? []).map((f) => f.path);
}

describe.each(testDbKinds())("vacancies on %s", (kind) => {
  let server: TestServer;
  let employer: Client; // werkgever@: Westland Logistiek, may manage vacancies; also a Haaglanden candidate
  let manager: Client; // accountmanager@: Gemeente Den Haag, looks after the Haaglanden employers
  let candidate: Client; // kandidaat@: Haaglanden candidate in Den Haag
  let otherCandidate: Client; // a Rijnmond candidate
  let hr: Client;
  let selection: Client;
  let westlandId: string;
  let duinenId: string;
  let versId: string;

  const host = (slug: string) => `${slug}.localhost:${server.port}`;

  beforeAll(async () => {
    server = await startTestServer({ kind, web: false });
    const { db } = server.database;
    const orgByName = async (name: string) =>
      (await db.select().from(organisations).where(eq(organisations.name, name)))[0]!.id;
    westlandId = await orgByName("Westland Logistiek B.V.");
    duinenId = await orgByName("Zorgcentrum De Duinen");
    versId = await orgByName("Vers & Co Supermarkten");
    const [rijnmond] = await db.select().from(portals).where(eq(portals.slug, "rijnmond"));
    await db.insert(users).values({
      id: "test-rijnmond-candidate",
      name: "Ruben Rijnmond",
      email: "ruben@rijnmond.test",
      emailVerified: true,
    });
    await db.insert(accounts).values({
      id: "test-rijnmond-credential",
      userId: "test-rijnmond-candidate",
      accountId: "test-rijnmond-candidate",
      providerId: "credential",
      password: await hashPassword(DEMO_PASSWORD),
    });
    await db
      .insert(memberships)
      .values({ userId: "test-rijnmond-candidate", role: "candidate", portalId: rijnmond!.id });

    employer = new Client(server, host("haaglanden"));
    manager = new Client(server, host("haaglanden"));
    candidate = new Client(server, host("haaglanden"));
    otherCandidate = new Client(server, host("rijnmond"));
    hr = new Client(server);
    selection = new Client(server);
    await signIn(employer, "werkgever@demo.werkbrug.test");
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    await signIn(candidate, "kandidaat@demo.werkbrug.test");
    await signIn(otherCandidate, "ruben@rijnmond.test");
    await signIn(hr, "hr@demo.werkbrug.test");
    await signIn(selection, "selectie@demo.werkbrug.test");
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  async function contactOfWestland(): Promise<string> {
    const { db } = server.database;
    const [u] = await db.select().from(users).where(eq(users.email, "werkgever@demo.werkbrug.test"));
    return u!.id;
  }

  const complete = (overrides: Partial<CreateVacancyRequest> = {}): CreateVacancyRequest => ({
    organisationId: westlandId,
    displayTitle: "Orderpicker in de kas, 24-32 uur",
    functionTitle: "Orderpicker",
    description:
      "Je verzamelt orders in ons distributiecentrum.\n\n- Je werkt in een team\n- Je rijdt heftruck",
    occupationId: "9333.8",
    educationLevel: "vmbo-bb",
    kind: "vacancy",
    hoursMin: 24,
    hoursMax: 32,
    positions: 2,
    salaryMin: 2400,
    salaryMax: 2900,
    workAddress: {
      street: "Middel Broekweg",
      houseNumber: "5",
      postcode: "2675 kb",
      placeId: "nl-1783-naaldwijk",
    },
    serviceModel: "together",
    contactVia: "employer",
    publication: { portalFrom: today, closesOn: day(30) },
    ...overrides,
  });

  async function create(client: Client, body: CreateVacancyRequest): Promise<Vacancy> {
    const res = await client.call("/api/v1/vacancies", { body });
    expect(res.status, res.text).toBe(201);
    return res.json<{ vacancy: Vacancy }>().vacancy;
  }

  async function transition(client: Client, id: string, action: string, comment: string | null = null) {
    return client.call(`/api/v1/vacancies/${id}/transitions`, { body: { action, comment } });
  }

  it("knows the Naaldwijk place id used in these tests", async () => {
    const res = await employer.call("/api/v1/reference/places?q=Naaldwijk");
    const ids = res.json<{ places: { id: string }[] }>().places.map((p) => p.id);
    expect(ids).toContain("nl-1783-naaldwijk");
  });

  it("lets an employer contact place a vacancy with every field, geocoding the work address", async () => {
    const contactId = await contactOfWestland();
    const vacancy = await create(employer, complete({ salaryScaleMin: 5, salaryScaleMax: 7 }));
    expect(vacancy).toMatchObject({
      status: "draft",
      organisation: { id: westlandId, name: "Westland Logistiek B.V." },
      contact: { id: contactId },
      owner: { id: contactId },
      createdByKind: "employer",
      functionTitle: "Orderpicker",
      occupation: { id: "9333.8" },
      functionGroup: "93",
      salaryScaleMin: 5,
      positions: 2,
      workAddress: { city: "Naaldwijk", postcode: "2675 KB", isHeadOffice: false },
      accountManager: { email: "accountmanager@demo.werkbrug.test" },
      visibleTo: [],
      permissions: { edit: true, publish: true, delete: true, approve: false },
    });
    expect(vacancy.workAddress.lat).toBeGreaterThan(51.9);
    const published = await transition(employer, vacancy.id, "publish");
    expect(published.status, published.text).toBe(200);
    expect(published.json<{ vacancy: Vacancy }>().vacancy).toMatchObject({
      status: "published",
      visibleTo: ["portal"],
    });
    const history = await employer.call(`/api/v1/vacancies/${vacancy.id}/history`);
    const actions = history.json<{ history: { action: string }[] }>().history.map((h) => h.action);
    expect(actions).toEqual(["published", "created"]);
  });

  it("defaults the work address to the head office", async () => {
    const vacancy = await create(employer, complete({ workAddress: null }));
    expect(vacancy.workAddress).toMatchObject({
      city: "Maasdijk",
      street: "Transportweg",
      isHeadOffice: true,
    });
  });

  describe("bad input", () => {
    it("refuses a closing date before a publication date, hours and salary min above max", async () => {
      const res = await employer.call("/api/v1/vacancies", {
        body: complete({
          hoursMin: 40,
          hoursMax: 20,
          salaryMin: 3000,
          salaryMax: 2000,
          publication: { portalFrom: day(10), publicFrom: day(3), closesOn: day(5) },
        }),
        headers: { "accept-language": "nl" },
      });
      expect(res.status).toBe(400);
      expect(fieldPaths(res).sort()).toEqual(["hoursMax", "publication.closesOn", "salaryMax"]);
      const messages = res.json<ErrorResponse>().error.fields!.map((f) => f.message);
      expect(messages).toContain("De sluitingsdatum ligt vóór een publicatiedatum.");
    });

    it("answers in English when asked", async () => {
      const res = await employer.call("/api/v1/vacancies", {
        body: complete({ hoursMin: 40, hoursMax: 20 }),
        headers: { "accept-language": "en" },
      });
      expect(res.json<ErrorResponse>().error.fields).toEqual([
        { path: "hoursMax", message: "The minimum is higher than the maximum." },
      ]);
    });

    it("refuses a contact person of another organisation, an unknown occupation and place", async () => {
      const { db } = server.database;
      const [otherContact] = await db
        .select()
        .from(users)
        .where(eq(users.email, "verwijzer@demo.werkbrug.test"));
      const res = await employer.call("/api/v1/vacancies", {
        body: complete({
          contactUserId: otherContact!.id,
          occupationId: "0000.0",
          workAddress: { placeId: "nl-xx-nergenshuizen", street: "", houseNumber: "", postcode: "" },
        }),
      });
      expect(res.status).toBe(400);
      expect(fieldPaths(res).sort()).toEqual(["contactUserId", "occupationId", "workAddress.placeId"]);
    });

    it("lists what is missing when publishing an incomplete vacancy, and keeps it a draft", async () => {
      const draft = await create(
        employer,
        complete({
          description: "",
          occupationId: null,
          publication: { closesOn: null },
          hoursMin: null,
          hoursMax: null,
        }),
      );
      const res = await transition(employer, draft.id, "publish");
      expect(res.status).toBe(400);
      expect(fieldPaths(res).sort()).toEqual([
        "description",
        "hoursMax",
        "occupationId",
        "publication",
        "publication.closesOn",
      ]);
      const after = await employer.call(`/api/v1/vacancies/${draft.id}`);
      expect(after.json<{ vacancy: Vacancy }>().vacancy.status).toBe("draft");
    });

    it("keeps the stored vacancy unchanged when an update is refused", async () => {
      const vacancy = await create(employer, complete());
      const res = await employer.call(`/api/v1/vacancies/${vacancy.id}`, {
        method: "PATCH",
        body: { displayTitle: "Nieuwe titel", hoursMin: 38 },
      });
      expect(res.status).toBe(400);
      const after = (await employer.call(`/api/v1/vacancies/${vacancy.id}`)).json<{ vacancy: Vacancy }>()
        .vacancy;
      expect(after.displayTitle).toBe(vacancy.displayTitle);
      expect(after.hoursMin).toBe(24);
    });

    it("refuses a field it does not know instead of dropping it, and names it", async () => {
      const vacancy = await create(employer, complete());
      // The closing date belongs under `publication`: at the top it would change nothing.
      const res = await employer.call(`/api/v1/vacancies/${vacancy.id}`, {
        method: "PATCH",
        body: { displayTitle: "Nieuwe titel", closesOn: "2027-01-31" },
      });
      expect(res.status).toBe(400);
      const fields = res.json<ErrorResponse>().error.fields ?? [];
      expect(fields.map((f) => f.message).join(" ")).toContain("closesOn");
      const after = (await employer.call(`/api/v1/vacancies/${vacancy.id}`)).json<{ vacancy: Vacancy }>()
        .vacancy;
      expect(after.displayTitle).toBe(vacancy.displayTitle);
    });

    it("judges attachments by content, limits them to 10 MB and serves them as downloads", async () => {
      const vacancy = await create(employer, complete());
      const fake = await employer.call(`/api/v1/vacancies/${vacancy.id}/attachments?fileName=virus.pdf`, {
        raw: { data: Buffer.from("MZ\x90\x00 this is not a pdf"), type: "application/pdf" },
      });
      expect(fake.status).toBe(400);
      expect(fieldPaths(fake)).toEqual(["file"]);
      const big = await employer.call(`/api/v1/vacancies/${vacancy.id}/attachments?fileName=groot.pdf`, {
        raw: { data: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), type: "application/pdf" },
      });
      expect(big.status).toBe(413);
      const ok = await employer.call(
        `/api/v1/vacancies/${vacancy.id}/attachments?fileName=functieprofiel.pdf`,
        {
          raw: { data: PDF, type: "application/octet-stream" },
        },
      );
      expect(ok.status, ok.text).toBe(201);
      const { attachment } = ok.json<{
        attachment: { url: string; contentType: string; fileName: string };
      }>();
      expect(attachment).toMatchObject({ contentType: "application/pdf", fileName: "functieprofiel.pdf" });
      const download = await employer.call(attachment.url);
      expect(download.status).toBe(200);
      expect(download.headers["content-disposition"]).toMatch(/^attachment; filename="functieprofiel.pdf"/);
      expect(download.headers["content-type"]).toBe("application/pdf");
      const pdf = await employer.call(`/api/v1/vacancies/${vacancy.id}/pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      expect(pdf.headers["content-disposition"]).toMatch(
        /^attachment; filename="Orderpicker in de kas 24-32 uur.pdf"/,
      );
      expect(pdf.text.startsWith("%PDF-")).toBe(true);
      const image = await employer.call(`/api/v1/vacancies/${vacancy.id}/image`, {
        method: "PUT",
        raw: { data: PNG, type: "image/png" },
      });
      expect(image.status, image.text).toBe(200);
      expect(image.json<{ vacancy: Vacancy }>().vacancy.imageUrl).toMatch(/\/image\?v=/);
    });
  });

  describe("who may do what", () => {
    it("hides another organisation's vacancies from an employer contact", async () => {
      const duinen = await create(manager, complete({ organisationId: duinenId, workAddress: null }));
      expect((await employer.call(`/api/v1/vacancies/${duinen.id}`)).status).toBe(404);
      const patch = await employer.call(`/api/v1/vacancies/${duinen.id}`, {
        method: "PATCH",
        body: { displayTitle: "Overgenomen" },
      });
      expect(patch.status).toBe(404);
      const list = (await employer.call("/api/v1/vacancies?q=Orderpicker")).json<VacancyListResponse>();
      expect(list.vacancies.every((v) => v.organisation.id === westlandId)).toBe(true);
      const forOther = await employer.call("/api/v1/vacancies", {
        body: complete({ organisationId: duinenId }),
      });
      expect(forOther.status).toBe(400);
      expect(fieldPaths(forOther)).toEqual(["organisationId"]);
    });

    it("lets the account manager work on their employers' vacancies but not on others", async () => {
      const westland = await create(employer, complete());
      const res = await manager.call(`/api/v1/vacancies/${westland.id}`, {
        method: "PATCH",
        body: { contactVia: "account_manager" },
      });
      expect(res.status, res.text).toBe(200);
      const vers = await manager.call("/api/v1/vacancies", { body: complete({ organisationId: versId }) });
      expect(vers.status).toBe(400);
      const created = await create(manager, complete({ organisationId: duinenId, workAddress: null }));
      expect(created.createdByKind).toBe("account_manager");
    });

    it("keeps candidates out of the staff API", async () => {
      expect((await candidate.call("/api/v1/vacancies")).status).toBe(403);
    });
  });

  describe("life cycle", () => {
    it("withdraws, closes, archives, reactivates, copies and deletes only with confirmation", async () => {
      const v = await create(employer, complete());
      expect((await transition(employer, v.id, "publish")).status).toBe(200);
      expect((await transition(employer, v.id, "withdraw")).json<{ vacancy: Vacancy }>().vacancy.status).toBe(
        "withdrawn",
      );
      expect((await transition(employer, v.id, "close")).json<{ vacancy: Vacancy }>().vacancy.status).toBe(
        "closed",
      );
      const deleteClosed = await employer.call(`/api/v1/vacancies/${v.id}?confirm=true`, {
        method: "DELETE",
      });
      expect(deleteClosed.status).toBe(409);
      expect(
        (await transition(employer, v.id, "archive")).json<{ vacancy: Vacancy }>().vacancy,
      ).toMatchObject({
        status: "archived",
        visibleTo: [],
      });
      const archived = (await employer.call("/api/v1/vacancies?status=archived")).json<VacancyListResponse>();
      expect(archived.vacancies.map((x) => x.id)).toContain(v.id);
      expect(
        (await transition(employer, v.id, "reactivate")).json<{ vacancy: Vacancy }>().vacancy.status,
      ).toBe("draft");
      expect((await transition(employer, v.id, "reject", "nee")).status).toBe(403);
      expect((await transition(employer, v.id, "withdraw")).status).toBe(409);

      const copy = await employer.call(`/api/v1/vacancies/${v.id}/copy`, { method: "POST" });
      expect(copy.status).toBe(201);
      const copied = copy.json<{ vacancy: Vacancy }>().vacancy;
      expect(copied).toMatchObject({
        status: "draft",
        displayTitle: v.displayTitle,
        occupation: { id: "9333.8" },
      });
      expect(copied.id).not.toBe(v.id);

      const unconfirmed = await employer.call(`/api/v1/vacancies/${copied.id}`, { method: "DELETE" });
      expect(unconfirmed.status).toBe(400);
      expect(unconfirmed.json<ErrorResponse>().error.code).toBe("confirmation_required");
      expect(
        (await employer.call(`/api/v1/vacancies/${copied.id}?confirm=true`, { method: "DELETE" })).status,
      ).toBe(204);
      expect((await employer.call(`/api/v1/vacancies/${copied.id}`)).status).toBe(404);

      const history = (await employer.call(`/api/v1/vacancies/${v.id}/history`)).json<{
        history: { action: string; changes: Record<string, unknown> }[];
      }>().history;
      expect(history.map((h) => h.action)).toEqual([
        "reactivated",
        "archived",
        "closed",
        "withdrawn",
        "published",
        "created",
      ]);
      expect(history[0]!.changes.status).toEqual(["archived", "draft"]);
    });

    it("moves a closed vacancy out of the active list into the archive, with the counts of both", async () => {
      const title = `Kassamedewerker archieftest ${Date.now()}`;
      const v = await create(employer, complete({ displayTitle: title }));
      expect((await transition(employer, v.id, "publish")).status).toBe(200);
      const list = async (view: "active" | "archived" | "", client = employer) => {
        const status = view ? `&status=${view}` : "";
        const res = await client.call(`/api/v1/vacancies?q=${encodeURIComponent(title)}${status}`);
        expect(res.status, res.text).toBe(200);
        return res.json<VacancyListResponse>();
      };

      // The default view is the active one ("Mijn uitgezette kansen").
      const before = await list("");
      expect(before.vacancies.map((x) => [x.id, x.status])).toEqual([[v.id, "published"]]);
      expect(before.viewCounts).toEqual({ active: 1, archived: 0, requested: 0 });
      // The row says which status changes its caller may make, as the vacancy itself does.
      expect(before.vacancies[0]!.permissions).toMatchObject({ publish: true, archive: true, delete: false });

      expect((await transition(employer, v.id, "close")).status).toBe(200);
      const active = await list("active");
      expect(active.vacancies).toEqual([]);
      expect(active.total).toBe(0);
      // Counts come along even when the view asked for is empty.
      expect(active.viewCounts).toEqual({ active: 0, archived: 1, requested: 0 });
      const archive = await list("archived");
      expect(archive.vacancies.map((x) => [x.id, x.status])).toEqual([[v.id, "closed"]]);
      expect(archive.total).toBe(1);
      expect(archive.viewCounts).toEqual({ active: 0, archived: 1, requested: 0 });
      // The account manager's overview agrees.
      expect((await list("archived", manager)).vacancies.map((x) => x.id)).toEqual([v.id]);
      expect((await list("active", manager)).vacancies).toEqual([]);

      // Published again, it is back among the active ones.
      expect((await transition(employer, v.id, "publish")).status).toBe(200);
      expect((await list("active")).vacancies.map((x) => x.id)).toEqual([v.id]);
      expect((await list("archived")).viewCounts).toEqual({ active: 1, archived: 0, requested: 0 });

      // Archived for good it stays in the archive, and may now be deleted from there.
      expect((await transition(employer, v.id, "close")).status).toBe(200);
      expect((await transition(employer, v.id, "archive")).status).toBe(200);
      const archived = await list("archived");
      expect(archived.vacancies.map((x) => [x.id, x.status])).toEqual([[v.id, "archived"]]);
      expect(archived.vacancies[0]!.permissions).toMatchObject({
        publish: true,
        archive: false,
        delete: true,
      });

      // A page past the end keeps the total and the counts.
      const past = (
        await employer.call(`/api/v1/vacancies?q=${encodeURIComponent(title)}&status=archived&page=3`)
      ).json<VacancyListResponse>();
      expect(past).toMatchObject({ vacancies: [], total: 1, viewCounts: { active: 0, archived: 1 } });
      expect((await employer.call("/api/v1/vacancies?status=closed")).status).toBe(400);
    });

    it("records changed fields with before and after", async () => {
      const v = await create(employer, complete());
      await employer.call(`/api/v1/vacancies/${v.id}`, {
        method: "PATCH",
        body: { hoursMax: 36, positions: 3 },
      });
      const history = (await employer.call(`/api/v1/vacancies/${v.id}/history`)).json<{
        history: { action: string; changes: Record<string, unknown>; actor: { name: string } }[];
      }>().history;
      expect(history[0]).toMatchObject({
        action: "updated",
        changes: { hoursMax: [32, 36], positions: [2, 3] },
        actor: { name: "Wim van Westen" },
      });
    });
  });

  describe("request and approval (Vlimpers)", () => {
    let agentschapId: string;
    beforeAll(async () => {
      const { db } = server.database;
      agentschapId = (
        await db
          .select()
          .from(organisations)
          .where(eq(organisations.name, "Agentschap Publieke Dienstverlening"))
      )[0]!.id;
    });

    it("lets HR request, the selection officer approve with a comment and become owner", async () => {
      const request = await create(
        hr,
        complete({
          organisationId: agentschapId,
          workAddress: null,
          asRequest: true,
          requestComment: "Vervanging wegens pensioen",
        }),
      );
      expect(request).toMatchObject({
        status: "requested",
        request: { requestedBy: { email: "hr@demo.werkbrug.test" }, comment: "Vervanging wegens pensioen" },
        permissions: { approve: false, publish: false },
      });
      expect((await transition(hr, request.id, "approve")).status).toBe(403);
      const queue = (await selection.call("/api/v1/vacancies?status=requested")).json<VacancyListResponse>();
      expect(queue.vacancies.map((v) => v.id)).toContain(request.id);
      const seen = (await selection.call(`/api/v1/vacancies/${request.id}`)).json<{ vacancy: Vacancy }>()
        .vacancy;
      expect(seen.permissions.approve).toBe(true);
      const approved = await transition(selection, request.id, "approve", "Akkoord, graag snel publiceren");
      expect(approved.status, approved.text).toBe(200);
      expect(approved.json<{ vacancy: Vacancy }>().vacancy).toMatchObject({
        status: "draft",
        owner: { email: "selectie@demo.werkbrug.test" },
        request: {
          decidedBy: { email: "selectie@demo.werkbrug.test" },
          decisionComment: "Akkoord, graag snel publiceren",
        },
      });
      // The new owner may pass ownership on.
      const { db } = server.database;
      const [hrUser] = await db.select().from(users).where(eq(users.email, "hr@demo.werkbrug.test"));
      const changed = await selection.call(`/api/v1/vacancies/${request.id}`, {
        method: "PATCH",
        body: { ownerUserId: hrUser!.id },
      });
      expect(changed.status, changed.text).toBe(200);
      expect(changed.json<{ vacancy: Vacancy }>().vacancy.owner?.email).toBe("hr@demo.werkbrug.test");
    });

    it("needs a comment to reject, and a rejected request stays out of publication", async () => {
      const request = await create(
        hr,
        complete({ organisationId: agentschapId, workAddress: null, asRequest: true }),
      );
      const noComment = await transition(selection, request.id, "reject");
      expect(noComment.status).toBe(400);
      expect(fieldPaths(noComment)).toEqual(["comment"]);
      const rejected = await transition(selection, request.id, "reject", "Geen budget dit jaar");
      expect(rejected.json<{ vacancy: Vacancy }>().vacancy).toMatchObject({
        status: "rejected",
        request: { decisionComment: "Geen budget dit jaar" },
      });
      expect((await transition(selection, request.id, "publish")).status).toBe(403);
    });
  });

  describe("visibility matrix", () => {
    type Viewer = "sameOrganisation" | "samePortal" | "otherPortal" | "anonymous";
    const expected: Record<Audience, Viewer[]> = {
      organisation: ["sameOrganisation"],
      portal: ["sameOrganisation", "samePortal"],
      all_portals: ["sameOrganisation", "samePortal", "otherPortal"],
      public: ["sameOrganisation", "samePortal", "otherPortal", "anonymous"],
    };
    const fromKey: Record<Audience, "organisationFrom" | "portalFrom" | "allPortalsFrom" | "publicFrom"> = {
      organisation: "organisationFrom",
      portal: "portalFrom",
      all_portals: "allPortalsFrom",
      public: "publicFrom",
    };

    async function sees(viewer: Viewer, id: string): Promise<boolean> {
      if (viewer === "anonymous") {
        const found = await visibleVacancyRepository.find(
          server.database.db,
          publicScope,
          { kind: "anonymous" },
          id,
          todayIn(),
          null,
        );
        return found !== null;
      }
      const client = { sameOrganisation: employer, samePortal: candidate, otherPortal: otherCandidate }[
        viewer
      ];
      const res = await client.call(`/api/v1/vacancies/for-candidate/${id}`);
      expect([200, 404]).toContain(res.status);
      return res.status === 200;
    }

    const viewers: Viewer[] = ["sameOrganisation", "samePortal", "otherPortal", "anonymous"];

    for (const audience of Object.keys(expected) as Audience[]) {
      it(`${audience}: seen by ${expected[audience].join(", ")} from its date until closing, by nobody after`, async () => {
        const publication = { [fromKey[audience]]: today, closesOn: day(14) };
        const current = await create(employer, complete({ publication }));
        const future = await create(
          employer,
          complete({ publication: { [fromKey[audience]]: day(2), closesOn: day(14) } }),
        );
        const closed = await create(employer, complete({ publication }));
        const archived = await create(employer, complete({ publication }));
        for (const v of [current, future, closed, archived]) {
          expect((await transition(employer, v.id, "publish")).status).toBe(200);
        }
        // Time passes: the closing date was yesterday (the job has not run yet; visibility is computed).
        const column = {
          organisation: "publishOrganisationFrom",
          portal: "publishPortalFrom",
          all_portals: "publishAllPortalsFrom",
          public: "publishPublicFrom",
        } as const;
        await server.database.db
          .update(vacancies)
          .set({ closesOn: day(-1), [column[audience]]: day(-3) })
          .where(eq(vacancies.id, closed.id));
        expect((await transition(employer, archived.id, "archive")).status).toBe(200);

        for (const viewer of viewers) {
          expect({ viewer, sees: await sees(viewer, current.id) }).toEqual({
            viewer,
            sees: expected[audience].includes(viewer),
          });
          expect({ viewer, future: await sees(viewer, future.id) }).toEqual({ viewer, future: false });
          expect({ viewer, closed: await sees(viewer, closed.id) }).toEqual({ viewer, closed: false });
          expect({ viewer, archived: await sees(viewer, archived.id) }).toEqual({ viewer, archived: false });
        }
      });
    }
  });

  describe("candidate side", () => {
    it("finds a region vacancy by distance from home, applies once with a CV and sees it under my applications", async () => {
      const v = await create(employer, complete({ displayTitle: "Heftruckchauffeur Naaldwijk unieke test" }));
      await transition(employer, v.id, "publish");
      const near = (
        await candidate.call("/api/v1/vacancies/for-candidate?q=unieke%20test&distanceKm=25")
      ).json<CandidateVacancyListResponse>();
      expect(near.origin?.name).toBe("Den Haag");
      expect(near.vacancies.map((x) => x.id)).toEqual([v.id]);
      expect(near.vacancies[0]!.distanceKm).toBeGreaterThan(5);
      expect(near.vacancies[0]!.distanceKm).toBeLessThan(25);
      const far = (
        await candidate.call("/api/v1/vacancies/for-candidate?q=unieke%20test&distanceKm=5")
      ).json<CandidateVacancyListResponse>();
      expect(far.total).toBe(0);

      const detail = await candidate.call(`/api/v1/vacancies/for-candidate/${v.id}`);
      expect(
        detail.json<{ vacancy: { application: unknown; organisationName: string } }>().vacancy,
      ).toMatchObject({
        application: null,
        organisationName: "Westland Logistiek B.V.",
      });
      const form = new FormData();
      form.set("motivation", "Ik heb vijf jaar ervaring als orderpicker.");
      form.set("cv", new Blob([PDF], { type: "application/pdf" }), "mijn-cv.pdf");
      const body = new Response(form);
      const raw = Buffer.from(await body.arrayBuffer());
      const type = body.headers.get("content-type")!;
      const applied = await candidate.call(`/api/v1/vacancies/${v.id}/applications?utm_source=nieuwsbrief`, {
        raw: { data: raw, type },
      });
      expect(applied.status, applied.text).toBe(201);
      const again = await candidate.call(`/api/v1/vacancies/${v.id}/applications`, {
        raw: { data: raw, type },
      });
      expect(again.status).toBe(409);

      const mine = (await candidate.call("/api/v1/applications/mine")).json<ApplicationListResponse>();
      expect(mine.applications[0]).toMatchObject({
        vacancyId: v.id,
        displayTitle: "Heftruckchauffeur Naaldwijk unieke test",
        organisationName: "Westland Logistiek B.V.",
        status: "submitted",
        cv: { fileName: "mijn-cv.pdf" },
      });
      const cv = await candidate.call(mine.applications[0]!.cv!.url);
      expect(cv.headers["content-disposition"]).toMatch(/^attachment;/);
      const listed = (
        await candidate.call("/api/v1/vacancies/for-candidate?q=unieke%20test")
      ).json<CandidateVacancyListResponse>();
      expect(listed.vacancies[0]!.applied).toBe(true);
      const [match] = await server.database.db.select().from(matches).where(eq(matches.vacancyId, v.id));
      expect(match).toMatchObject({ source: "applied", channelSource: "nieuwsbrief" });
      // Another candidate cannot read this CV.
      expect((await otherCandidate.call(mine.applications[0]!.cv!.url)).status).toBe(404);
      const sources = (await employer.call(`/api/v1/vacancies/${v.id}/sources`)).json<{
        sources: { source: string; views: number; applications: number }[];
      }>().sources;
      expect(sources).toContainEqual({ source: "nieuwsbrief", views: 0, applications: 1 });
      expect(sources.find((s) => s.source === "app")?.views).toBeGreaterThan(0);
      const staff = (await employer.call(`/api/v1/vacancies/${v.id}`)).json<{ vacancy: Vacancy }>().vacancy;
      expect(staff.counts.applied).toBe(1);
      // A vacancy with applications is archived, not deleted.
      await transition(employer, v.id, "archive");
      expect(
        (await employer.call(`/api/v1/vacancies/${v.id}?confirm=true`, { method: "DELETE" })).status,
      ).toBe(409);
    });

    it("refuses an application without motivation or with a CV that is not PDF/DOCX", async () => {
      const v = await create(employer, complete());
      await transition(employer, v.id, "publish");
      const form = new FormData();
      form.set("motivation", "  ");
      form.set("cv", new Blob([PNG], { type: "application/pdf" }), "cv.pdf");
      const body = new Response(form);
      const res = await candidate.call(`/api/v1/vacancies/${v.id}/applications`, {
        raw: { data: Buffer.from(await body.arrayBuffer()), type: body.headers.get("content-type")! },
        headers: { "accept-language": "en" },
      });
      expect(res.status).toBe(400);
      expect(res.json<ErrorResponse>().error.fields).toEqual([
        { path: "motivation", message: "This field is required." },
        { path: "cv", message: "Only PDF or DOCX." },
      ]);
      expect(
        (await candidate.call("/api/v1/applications/mine"))
          .json<ApplicationListResponse>()
          .applications.map((a) => a.vacancyId),
      ).not.toContain(v.id);
    });
  });

  describe("staff overview", () => {
    it("searches, filters and sorts as in HalloWerk", async () => {
      const res = await manager.call("/api/v1/vacancies?sort=company&order=asc&visible=yes");
      expect(res.status, res.text).toBe(200);
      const list = res.json<VacancyListResponse>();
      expect(list.pageSize).toBe(20);
      expect(list.vacancies.length).toBeLessThanOrEqual(20);
      const names = list.vacancies.map((v) => v.organisation.name.toLowerCase());
      expect(names).toEqual([...names].sort());
      expect(list.vacancies.every((v) => v.visibleTo.length > 0)).toBe(true);
      const mine = (await manager.call("/api/v1/vacancies?accountManager=mine")).json<VacancyListResponse>();
      expect(mine.total).toBeGreaterThan(0);
      expect(
        mine.vacancies.every((v) => v.accountManager?.email === "accountmanager@demo.werkbrug.test"),
      ).toBe(true);
      const expired = (await manager.call("/api/v1/vacancies?closing=expired")).json<VacancyListResponse>();
      expect(expired.vacancies.every((v) => v.closesOn !== null && v.closesOn < today)).toBe(true);
      const search = (await manager.call("/api/v1/vacancies?q=naaldwijk")).json<VacancyListResponse>();
      expect(search.total).toBeGreaterThan(0);
      const bad = await manager.call("/api/v1/vacancies?sort=salary");
      expect(bad.status).toBe(400);
      const { db } = server.database;
      expect((await db.select().from(vacancyHistory)).length).toBeGreaterThan(0);
    });
  });
});
