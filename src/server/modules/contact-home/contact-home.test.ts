import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDemoLikeAccount } from "../../../../test/support/accounts";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import type { ErrorResponse } from "../../../contracts/common";
import type { ContactDashboardResponse } from "../../../contracts/contact-home";
import type { ContactPerson } from "../../../contracts/employers";
import type { MatchSummary, Procedure, VacancyMatchesResponse } from "../../../contracts/matches";
import type {
  CreateVacancyRequest,
  Vacancy,
  VacancyListResponse,
  VacancyOptionsResponse,
} from "../../../contracts/vacancies";
import { DEMO_PASSWORD } from "../../seed/demo";
import { candidates } from "../candidates/candidates.schema";
import { contactPersons } from "../employers/employers.schema";
import { matchHistory } from "../matches/matches.schema";
import { organisations, portals } from "../tenancy/tenancy.schema";
import { todayIn } from "../vacancies";
import { vacancies } from "../vacancies/vacancies.schema";
import { lastTwelveMonths } from "./actions/dashboard";

const DAY = 86_400_000;
const day = (offset: number) => todayIn(new Date(Date.now() + offset * DAY));

describe("the last twelve months", () => {
  it("end with the current month and cross the turn of the year", () => {
    expect(lastTwelveMonths("2026-03-15")).toEqual([
      "2025-04",
      "2025-05",
      "2025-06",
      "2025-07",
      "2025-08",
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
    ]);
    expect(lastTwelveMonths("2026-12-31").at(0)).toBe("2026-01");
  });
});

describe.each(testDbKinds())("the employer contact's home and vacancies on %s", (kind) => {
  let server: TestServer;
  let manager: Client; // accountmanager@: Gemeente Den Haag, looks after Westland and De Duinen
  let employer: Client; // werkgever@: Westland's contact on the employer itself, may manage vacancies
  let petra: Client; // Westland's contact on the employer itself, without the right to manage vacancies
  let dirk: Client; // Westland's contact on the department Planning only
  let marieke: Client; // De Duinen's contact: another employer
  let candidate: Client;
  let westlandId: string;
  let planningId: string;
  let nightTeamId: string;
  let magazijnId: string;
  let naaldwijkId: string;
  let duinenId: string;
  let wspId: string;
  let petraContactId: string;
  let pool: string[] = [];
  let nextCandidate = 0;

  const host = (slug: string) => `${slug}.localhost:${server.port}`;

  /** A staff account with the demo password and second factor, a contact of the organisation. */
  async function contactAccount(id: string, name: string, organisationId: string): Promise<string> {
    const { db } = server.database;
    const email = `${id}@contact.test`;
    await addDemoLikeAccount(db, { id, name, email, role: "employer_contact", organisationId });
    const [contact] = await db
      .insert(contactPersons)
      .values({ organisationId, name, email, userId: id })
      .returning({ id: contactPersons.id });
    return contact!.id;
  }

  beforeAll(async () => {
    server = await startTestServer({ kind, web: false });
    const { db } = server.database;
    const orgByName = async (name: string) =>
      (await db.select().from(organisations).where(eq(organisations.name, name)))[0]!.id;
    westlandId = await orgByName("Westland Logistiek B.V.");
    planningId = await orgByName("Westland Logistiek – Afdeling Planning");
    magazijnId = await orgByName("Westland Logistiek – Afdeling Magazijn");
    naaldwijkId = await orgByName("Westland Logistiek – Vestiging Naaldwijk");
    duinenId = await orgByName("Zorgcentrum De Duinen");
    wspId = await orgByName("Gemeente Den Haag – Werkgeversservicepunt");
    // A team below Planning: Planning's contact may choose it too.
    const [haaglanden] = await db.select().from(portals).where(eq(portals.slug, "haaglanden"));
    const [night] = await db
      .insert(organisations)
      .values({
        kind: "employer",
        name: "Westland Logistiek – Team Nachtplanning",
        homePortalId: haaglanden!.id,
        parentId: planningId,
      })
      .returning({ id: organisations.id });
    nightTeamId = night!.id;

    petraContactId = await contactAccount("test-petra", "Petra Planner", westlandId);
    await contactAccount("test-dirk", "Dirk de Afdeling", planningId);
    await contactAccount("test-marieke", "Marieke Duinen", duinenId);

    pool = (
      await db
        .select({ id: candidates.id })
        .from(candidates)
        .where(
          and(
            eq(candidates.portalId, haaglanden!.id),
            eq(candidates.visible, true),
            isNull(candidates.userId),
          ),
        )
        .orderBy(asc(candidates.createdAt))
        .limit(8)
    ).map((c) => c.id);
    expect(pool.length).toBe(8);

    manager = new Client(server, host("haaglanden"));
    employer = new Client(server, host("haaglanden"));
    petra = new Client(server, host("haaglanden"));
    dirk = new Client(server, host("haaglanden"));
    marieke = new Client(server, host("haaglanden"));
    candidate = new Client(server, host("haaglanden"));
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    await signIn(employer, "werkgever@demo.werkbrug.test");
    await signIn(petra, "test-petra@contact.test");
    await signIn(dirk, "test-dirk@contact.test");
    await signIn(marieke, "test-marieke@contact.test");
    await signIn(candidate, "kandidaat@demo.werkbrug.test");
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  const body = (organisationId: string, title: string, extra: Partial<CreateVacancyRequest> = {}) => ({
    organisationId,
    displayTitle: title,
    functionTitle: "Planner",
    description: "Je plant de ritten van onze vrachtwagens.",
    occupationId: "9333.8",
    educationLevel: "vmbo-bb",
    kind: "vacancy",
    hoursMin: 24,
    hoursMax: 32,
    positions: 1,
    workAddress: null,
    serviceModel: "together",
    contactVia: "employer",
    publication: { portalFrom: day(0), closesOn: day(30) },
    ...extra,
  });

  async function create(client: Client, organisationId: string, title: string, extra = {}): Promise<Vacancy> {
    const res = await client.call("/api/v1/vacancies", { body: body(organisationId, title, extra) });
    expect(res.status, res.text).toBe(201);
    return res.json<{ vacancy: Vacancy }>().vacancy;
  }

  async function dashboard(client: Client): Promise<ContactDashboardResponse> {
    const res = await client.call("/api/v1/contact/dashboard");
    expect(res.status, res.text).toBe(200);
    return res.json<ContactDashboardResponse>();
  }

  async function options(client: Client): Promise<VacancyOptionsResponse> {
    const res = await client.call("/api/v1/vacancies/options");
    expect(res.status, res.text).toBe(200);
    return res.json<VacancyOptionsResponse>();
  }

  const vacancyCount = async () => (await server.database.db.select({ n: count() }).from(vacancies))[0]!.n;
  const fieldsOf = (res: { json: <T>() => T }) => res.json<ErrorResponse>().error.fields ?? [];

  /** Saves a fresh candidate on the vacancy (as the account manager); the match. */
  async function saved(vacancyId: string): Promise<MatchSummary> {
    const candidateId = pool[nextCandidate++]!;
    const res = await manager.call(`/api/v1/candidates/${candidateId}/vacancies`, { body: { vacancyId } });
    expect(res.status, res.text).toBe(200);
    const listed = await manager.call(`/api/v1/vacancies/${vacancyId}/matches`);
    const all = listed.json<VacancyMatchesResponse>().phases.flatMap((p) => p.matches);
    return all.find((m) => m.candidate.id === candidateId)!;
  }

  async function moveTo(matchId: string, phaseId: string): Promise<void> {
    const res = await manager.call(`/api/v1/matches/${matchId}/moves`, { body: { phaseId } });
    expect(res.status, res.text).toBe(200);
  }

  describe("the dashboard", () => {
    it("counts the employer's active vacancies, the proposals to review and the steps per month", async () => {
      const before = await dashboard(employer);
      expect(before.employers).toEqual([{ id: westlandId, name: "Westland Logistiek B.V." }]);
      // The block "Urenstaten": nothing waits for this contact in the demo world.
      expect(before.timesheets).toEqual({ count: 0 });
      expect(before.figures).toHaveLength(12);
      const thisMonth = todayIn().slice(0, 7);
      expect(before.figures.at(-1)!.month).toBe(thisMonth);

      // A published vacancy counts as active; a draft does not.
      const vacancy = await create(employer, westlandId, "Planner dashboard");
      const published = await employer.call(`/api/v1/vacancies/${vacancy.id}/transitions`, {
        body: { action: "publish", comment: null },
      });
      expect(published.status, published.text).toBe(200);
      await create(employer, westlandId, "Planner concept");
      const withVacancy = await dashboard(employer);
      expect(withVacancy.activeVacancies.count).toBe(before.activeVacancies.count + 1);
      // The same number as the overview's "visible to candidates".
      const overview = await employer.call("/api/v1/vacancies?visible=yes");
      expect(withVacancy.activeVacancies.count).toBe(overview.json<VacancyListResponse>().total);

      const procedures = (await manager.call(`/api/v1/procedures?organisationId=${westlandId}`)).json<{
        procedures: Procedure[];
      }>().procedures;
      const recruitment = procedures.find((p) => p.kind === "recruitment")!;
      const phase = (key: string) => recruitment.phases.find((p) => p.key === key)!.id;

      // Four proposed: one still waits, one approved, one declined, one proposal undone.
      const waiting = await saved(vacancy.id);
      const approved = await saved(vacancy.id);
      const declined = await saved(vacancy.id);
      const undone = await saved(vacancy.id);
      for (const m of [waiting, approved, declined, undone]) await moveTo(m.id, phase("proposed"));
      await moveTo(approved.id, phase("approved"));
      await moveTo(declined.id, phase("declined"));
      const undo = await manager.call(`/api/v1/matches/${undone.id}/undo`, { method: "POST" });
      expect(undo.status, undo.text).toBe(200);
      // A step of three months ago lands in its own month; one of 13 months ago in none.
      const { db } = server.database;
      const [approvedStep] = await db
        .select()
        .from(matchHistory)
        .where(and(eq(matchHistory.matchId, approved.id), sql`${matchHistory.seq} = 2`));
      const longAgo = new Date(Date.now() - 95 * DAY);
      await db.update(matchHistory).set({ at: longAgo }).where(eq(matchHistory.id, approvedStep!.id));
      const [declinedStep] = await db
        .select()
        .from(matchHistory)
        .where(and(eq(matchHistory.matchId, declined.id), sql`${matchHistory.seq} = 2`));
      await db
        .update(matchHistory)
        .set({ at: new Date(Date.now() - 400 * DAY) })
        .where(eq(matchHistory.id, declinedStep!.id));

      // Moved by hand, the proposed ones wait for nobody; one proposed to both contacts waits for them.
      const afterMoves = await dashboard(employer);
      expect(afterMoves.proposed.count).toBe(before.proposed.count);
      const petraBefore = await dashboard(petra);
      const candidate = await saved(vacancy.id);
      const reviewers = (await manager.call(`/api/v1/vacancies/${vacancy.id}/reviewers`)).json<{
        reviewers: { contactPersonId: string }[];
      }>().reviewers;
      expect(reviewers.length).toBeGreaterThanOrEqual(2);
      const proposed = await manager.call(`/api/v1/vacancies/${vacancy.id}/proposals`, {
        body: {
          candidateId: candidate.candidate.id,
          reviewerIds: reviewers.map((r) => r.contactPersonId),
          note: "",
        },
      });
      expect(proposed.status, proposed.text).toBe(201);

      const after = await dashboard(employer);
      expect(after.proposed.count).toBe(before.proposed.count + 1);
      const month = (d: ContactDashboardResponse, m: string) => d.figures.find((f) => f.month === m)!;
      expect(month(after, thisMonth).proposed - month(before, thisMonth).proposed).toBe(4);
      expect(month(after, thisMonth).approved - month(before, thisMonth).approved).toBe(0);
      expect(month(after, thisMonth).declined - month(before, thisMonth).declined).toBe(0);
      const then = todayIn(longAgo).slice(0, 7);
      expect(month(after, then).approved - month(before, then).approved).toBe(1);
      const total = (d: ContactDashboardResponse) => d.figures.reduce((n, f) => n + f.declined, 0);
      expect(total(after)).toBe(total(before));

      // Petra, on the same employer and asked too, has the new one waiting and sees the same figures.
      const petras = await dashboard(petra);
      expect(petras.proposed.count).toBe(petraBefore.proposed.count + 1);
      expect(petras.figures).toEqual(after.figures);
    });

    it("shows another employer's contact only their own employer's figures", async () => {
      const mine = await dashboard(marieke);
      expect(mine.employers).toEqual([{ id: duinenId, name: "Zorgcentrum De Duinen" }]);
      const { db } = server.database;
      const duinenVacancies = await db
        .select({ id: vacancies.id })
        .from(vacancies)
        .where(
          and(
            eq(vacancies.organisationId, duinenId),
            eq(vacancies.status, "published"),
            sql`(${vacancies.closesOn} is null or ${vacancies.closesOn} >= ${todayIn()})`,
            sql`(${vacancies.publishOrganisationFrom} <= ${todayIn()} or ${vacancies.publishPortalFrom} <= ${todayIn()} or ${vacancies.publishAllPortalsFrom} <= ${todayIn()} or ${vacancies.publishPublicFrom} <= ${todayIn()})`,
          ),
        );
      expect(mine.activeVacancies.count).toBe(duinenVacancies.length);
      expect(mine.proposed.count).toBe(0);
      expect(mine.figures.every((f) => f.proposed + f.approved + f.declined === 0)).toBe(true);
    });

    it("is only for contact persons: 401 for a visitor, 403 for staff and candidates", async () => {
      const visitor = new Client(server, host("haaglanden"));
      expect((await visitor.call("/api/v1/contact/dashboard")).status).toBe(401);
      expect((await manager.call("/api/v1/contact/dashboard")).status).toBe(403);
      const refused = await candidate.call("/api/v1/contact/dashboard", {
        headers: { "accept-language": "en" },
      });
      expect(refused.status).toBe(403);
      expect(refused.json<ErrorResponse>().error.message).toMatch(/\w/);
    });
  });

  describe("vacancies for the contact", () => {
    it("shows a contact without the right to manage every vacancy of their employer", async () => {
      const all = (await employer.call("/api/v1/vacancies")).json<VacancyListResponse>();
      const petras = (await petra.call("/api/v1/vacancies")).json<VacancyListResponse>();
      expect(petras.total).toBe(all.total);
      expect(petras.total).toBeGreaterThan(0);
      // Including a branch's (Naaldwijk): one employer, one family.
      const { db } = server.database;
      const [branchVacancy] = await db
        .select({ id: vacancies.id })
        .from(vacancies)
        .where(eq(vacancies.organisationId, naaldwijkId))
        .limit(1);
      expect((await petra.call(`/api/v1/vacancies/${branchVacancy!.id}`)).status).toBe(200);
    });

    it("lets them change only their own: another's is refused with 403 and stays as it was", async () => {
      const others = await create(employer, westlandId, "Chauffeur van Wim");
      const read = await petra.call(`/api/v1/vacancies/${others.id}`);
      expect(read.status).toBe(200);
      expect(read.json<{ vacancy: Vacancy }>().vacancy.permissions.edit).toBe(false);
      const { db } = server.database;
      const [before] = await db.select().from(vacancies).where(eq(vacancies.id, others.id));
      const refused = await petra.call(`/api/v1/vacancies/${others.id}`, {
        method: "PATCH",
        body: { hoursMax: 40 },
      });
      expect(refused.status).toBe(403);
      const transition = await petra.call(`/api/v1/vacancies/${others.id}/transitions`, {
        body: { action: "publish", comment: null },
      });
      expect(transition.status).toBe(403);
      const [after] = await db.select().from(vacancies).where(eq(vacancies.id, others.id));
      expect(after).toEqual(before);

      // Her own: made by her (with Wim as its contact person) and one where she is the contact.
      const made = await create(petra, westlandId, "Planner van Petra", {
        contactUserId: "demo-werkgever",
      });
      expect(made.status).toBe("draft");
      expect(made.permissions.edit).toBe(true);
      const changed = await petra.call(`/api/v1/vacancies/${made.id}`, {
        method: "PATCH",
        body: { hoursMax: 36 },
      });
      expect(changed.status, changed.text).toBe(200);
      expect(changed.json<{ vacancy: Vacancy }>().vacancy.hoursMax).toBe(36);
      const hers = await create(employer, westlandId, "Planner voor Petra", { contactUserId: "test-petra" });
      const patched = await petra.call(`/api/v1/vacancies/${hers.id}`, {
        method: "PATCH",
        body: { hoursMin: 20 },
      });
      expect(patched.status, patched.text).toBe(200);
    });

    it("offers each contact the departments their relation allows, and a required choice", async () => {
      const westland = (o: VacancyOptionsResponse) => o.organisations.find((org) => org.id === westlandId)!;
      const ids = (o: VacancyOptionsResponse) =>
        westland(o)
          .departments.map((d) => d.id)
          .sort();

      const wim = await options(employer);
      expect(westland(wim).departmentRequired).toBe(true);
      expect(westland(wim).wholeOrganisation).toBe(true);
      expect(ids(wim)).toEqual([planningId, magazijnId, naaldwijkId, nightTeamId].sort());

      const planning = await options(dirk);
      expect(westland(planning).departmentRequired).toBe(true);
      expect(westland(planning).wholeOrganisation).toBe(false);
      expect(ids(planning)).toEqual([planningId, nightTeamId].sort());
      // Nothing of another employer.
      expect(planning.organisations.some((o) => o.id === duinenId)).toBe(false);

      // Staff who keep the employer are not limited by a relation.
      const am = await options(manager);
      expect(westland(am).departmentRequired).toBe(false);
      expect(westland(am).wholeOrganisation).toBe(true);
    });

    it("refuses a department outside the contact's relation, in Dutch and English, storing nothing", async () => {
      const before = await vacancyCount();
      const outside = await dirk.call("/api/v1/vacancies", {
        body: body(westlandId, "Magazijnmedewerker", { departmentId: magazijnId }),
      });
      expect(outside.status).toBe(400);
      expect(fieldsOf(outside)).toEqual([
        {
          path: "departmentId",
          message: "Deze afdeling valt buiten je relatie met de werkgever. Kies een afdeling uit de lijst.",
        },
      ]);
      const english = await dirk.call("/api/v1/vacancies", {
        body: body(westlandId, "Magazijnmedewerker", { departmentId: magazijnId }),
        headers: { "accept-language": "en" },
      });
      expect(english.status).toBe(400);
      expect(fieldsOf(english)[0]!.message).toBe(
        "This department is outside your relation with the employer. Choose a department from the list.",
      );
      // None at all: the relation is on a department, so one must be chosen.
      const none = await dirk.call("/api/v1/vacancies", { body: body(westlandId, "Zonder afdeling") });
      expect(none.status).toBe(400);
      expect(fieldsOf(none)).toEqual([
        { path: "departmentId", message: "Kies de afdeling waarvoor je de vacature aanmaakt." },
      ]);
      // Another organisation's department, and a sibling branch as the organisation itself.
      const foreign = await dirk.call("/api/v1/vacancies", {
        body: body(westlandId, "Elders", { departmentId: wspId }),
      });
      expect(foreign.status).toBe(400);
      const branch = await dirk.call("/api/v1/vacancies", { body: body(naaldwijkId, "Vestiging") });
      expect(branch.status).toBe(400);
      expect(await vacancyCount()).toBe(before);

      // Within it: Planning's own team.
      const made = await create(dirk, westlandId, "Nachtplanner", { departmentId: nightTeamId });
      expect(made.department?.id ?? null).toBe(nightTeamId);
      // And their own vacancy does not move outside it either.
      const moved = await dirk.call(`/api/v1/vacancies/${made.id}`, {
        method: "PATCH",
        body: { departmentId: magazijnId },
      });
      expect(moved.status).toBe(400);
      const [stored] = await server.database.db.select().from(vacancies).where(eq(vacancies.id, made.id));
      expect(stored!.departmentId).toBe(nightTeamId);
      const within = await dirk.call(`/api/v1/vacancies/${made.id}`, {
        method: "PATCH",
        body: { departmentId: planningId },
      });
      expect(within.status, within.text).toBe(200);
    });

    it("keeps another employer's contact out of Westland's vacancies (404)", async () => {
      const westlandVacancy = await create(employer, westlandId, "Alleen voor Westland");
      expect((await marieke.call(`/api/v1/vacancies/${westlandVacancy.id}`)).status).toBe(404);
      const patch = await marieke.call(`/api/v1/vacancies/${westlandVacancy.id}`, {
        method: "PATCH",
        body: { hoursMax: 40 },
      });
      expect(patch.status).toBe(404);
      const list = (await marieke.call("/api/v1/vacancies")).json<VacancyListResponse>();
      expect(list.vacancies.every((v) => v.organisation.id === duinenId)).toBe(true);
      // Nor may they place one for Westland.
      const before = await vacancyCount();
      const placed = await marieke.call("/api/v1/vacancies", { body: body(westlandId, "Indringer") });
      expect(placed.status).toBe(400);
      expect(await vacancyCount()).toBe(before);
    });
  });

  describe("access", () => {
    it("shuts a contact whose access was revoked out of the dashboard and the vacancies", async () => {
      const own = await create(petra, westlandId, "Petra's laatste");
      const revoked = await manager.call(
        `/api/v1/employers/${westlandId}/contacts/${petraContactId}/revoke`,
        {
          method: "POST",
        },
      );
      expect(revoked.status, revoked.text).toBe(200);
      expect(revoked.json<{ contact: ContactPerson }>().contact.access.status).not.toBe("active");

      // The session ended with the access.
      expect((await petra.call("/api/v1/contact/dashboard")).status).toBe(401);
      expect((await petra.call("/api/v1/vacancies")).status).toBe(401);
      expect((await petra.call(`/api/v1/vacancies/${own.id}`)).status).toBe(401);
      expect((await petra.call("/api/v1/vacancies/options")).status).toBe(401);
      // And she cannot sign in again.
      const again = new Client(server, host("haaglanden"));
      await expect(signIn(again, "test-petra@contact.test")).rejects.toThrow(/sign-in failed: 40[13]/);
      expect((await again.call("/api/v1/contact/dashboard")).status).toBe(401);
    });

    it("lets a contact who was never invited not sign in", async () => {
      // Petra Groenewegen is a contact person of Westland without an account.
      const never = new Client(server, host("haaglanden"));
      const res = await never.call("/api/auth/sign-in/email", {
        body: { email: "p.groenewegen@westland-logistiek.test", password: DEMO_PASSWORD },
      });
      expect(res.status).toBe(401);
      expect((await never.call("/api/v1/contact/dashboard")).status).toBe(401);
    });

    it("leaves a revoked contact who is also a candidate only the candidate side (403)", async () => {
      const { db } = server.database;
      const [wim] = await db
        .select({ id: contactPersons.id })
        .from(contactPersons)
        .where(eq(contactPersons.userId, "demo-werkgever"));
      const revoked = await manager.call(`/api/v1/employers/${westlandId}/contacts/${wim!.id}/revoke`, {
        method: "POST",
      });
      expect(revoked.status, revoked.text).toBe(200);
      expect((await employer.call("/api/v1/contact/dashboard")).status).toBe(401);
      const again = new Client(server, host("haaglanden"));
      await signIn(again, "werkgever@demo.werkbrug.test");
      expect((await again.call("/api/v1/contact/dashboard")).status).toBe(403);
      expect((await again.call("/api/v1/vacancies")).status).toBe(403);
      expect((await again.call("/api/v1/vacancies/options")).status).toBe(403);
    });
  });
});
