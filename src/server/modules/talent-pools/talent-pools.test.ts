import { and, asc, count, eq, isNull, notExists } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDemoLikeAccount } from "../../../../test/support/accounts";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import type { ErrorResponse } from "../../../contracts/common";
import type {
  MatchFromPoolResponse,
  PoolVacancy,
  TalentPool,
  TalentPoolDetailResponse,
} from "../../../contracts/talent-pools";
import type { CreateVacancyRequest, Vacancy } from "../../../contracts/vacancies";
import { domainEvents } from "../../platform/events.schema";
import { mailOutbox } from "../../platform/mail.schema";
import { candidates } from "../candidates/candidates.schema";
import { matches, procedurePhases } from "../matches/matches.schema";
import { organisations, portals } from "../tenancy/tenancy.schema";
import { todayIn } from "../vacancies";
import { talentPoolMembers, talentPools } from "./talent-pools.schema";

const DAY = 86_400_000;
const day = (offset: number) => todayIn(new Date(Date.now() + offset * DAY));

describe.each(testDbKinds())("talent pools on %s", (kind) => {
  let server: TestServer;
  let manager: Client; // accountmanager@: Gemeente Den Haag, keeps Westland and De Duinen
  let employer: Client; // werkgever@: Westland, may manage vacancies
  let petra: Client; // Westland contact who may not manage vacancies
  let duinen: Client; // contact of Zorgcentrum De Duinen (same team, other client)
  let rotterdam: Client; // account manager of Gemeente Rotterdam (another team)
  let westlandId: string;
  let duinenId: string;
  let maashavenId: string;
  let visible: string[] = [];
  let hidden: string;
  let generalPoolId: string;
  let westlandPoolId: string;
  let duinenPoolId: string;
  /** Candidates in the demo's pools before the tests add any. */
  let seeded: { general: number; westland: number };
  let westlandVacancy: string;
  let duinenVacancy: string;

  const host = (slug: string) => `${slug}.localhost:${server.port}`;

  async function person(
    id: string,
    email: string,
    role: "employer_contact" | "account_manager",
    orgId: string,
  ) {
    await addDemoLikeAccount(server.database.db, { id, name: id, email, role, organisationId: orgId });
  }

  beforeAll(async () => {
    server = await startTestServer({ kind, web: false });
    const { db } = server.database;
    const orgByName = async (name: string) =>
      (await db.select().from(organisations).where(eq(organisations.name, name)))[0]!.id;
    westlandId = await orgByName("Westland Logistiek B.V.");
    duinenId = await orgByName("Zorgcentrum De Duinen");
    maashavenId = await orgByName("Maashaven Techniek B.V.");
    const rotterdamId = await orgByName("Gemeente Rotterdam");
    const [haaglanden] = await db.select().from(portals).where(eq(portals.slug, "haaglanden"));
    const candidatesOf = (isVisible: boolean) =>
      db
        .select({ id: candidates.id })
        .from(candidates)
        .where(
          and(
            eq(candidates.portalId, haaglanden!.id),
            eq(candidates.visible, isVisible),
            isNull(candidates.userId),
            notExists(
              db.select().from(talentPoolMembers).where(eq(talentPoolMembers.candidateId, candidates.id)),
            ),
          ),
        )
        .orderBy(asc(candidates.createdAt))
        .limit(6);
    visible = (await candidatesOf(true)).map((c) => c.id);
    hidden = (await candidatesOf(false))[0]!.id;
    expect(visible.length).toBe(6);

    await person("test-petra", "petra@westland.test", "employer_contact", westlandId);
    await person("test-duinen", "contact@duinen.test", "employer_contact", duinenId);
    await person("test-rotterdam", "am@rotterdam.test", "account_manager", rotterdamId);
    manager = new Client(server, host("haaglanden"));
    employer = new Client(server, host("haaglanden"));
    petra = new Client(server, host("haaglanden"));
    duinen = new Client(server, host("haaglanden"));
    rotterdam = new Client(server, host("rijnmond"));
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    await signIn(employer, "werkgever@demo.werkbrug.test");
    await signIn(petra, "petra@westland.test");
    await signIn(duinen, "contact@duinen.test");
    await signIn(rotterdam, "am@rotterdam.test");

    westlandVacancy = await vacancy(employer, westlandId, "Orderpicker talentpool");
    duinenVacancy = await vacancy(manager, duinenId, "Zorgmedewerker talentpool");
  }, 180_000);

  afterAll(async () => {
    await server?.close();
  });

  async function vacancy(client: Client, organisationId: string, title: string): Promise<string> {
    const body: CreateVacancyRequest = {
      organisationId,
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
    const created = await client.call("/api/v1/vacancies", { body });
    expect(created.status, created.text).toBe(201);
    return created.json<{ vacancy: Vacancy }>().vacancy.id;
  }

  async function teamPools(client = manager, query = ""): Promise<TalentPool[]> {
    const res = await client.call(`/api/v1/talent-pools${query}`);
    expect(res.status, res.text).toBe(200);
    return res.json<{ pools: TalentPool[] }>().pools;
  }

  const memberCount = async () =>
    Number((await server.database.db.select({ n: count() }).from(talentPoolMembers))[0]!.n);
  const matchCount = async () =>
    Number((await server.database.db.select({ n: count() }).from(matches))[0]!.n);
  const errorOf = (res: { json<T>(): T }) => res.json<ErrorResponse>().error.code;

  it("gives the team its general pool (made on first use, once) and a pool per client it keeps", async () => {
    const { db } = server.database;
    // The demo has Den Haag's pools; without them the general one is made when the team first looks.
    const demo = await db.select().from(talentPools);
    expect(demo.map((p) => p.name).sort()).toEqual(["Gemeente Den Haag", "Westland Logistiek B.V."]);
    await db.delete(talentPools).where(isNull(talentPools.employerId));
    const first = await teamPools();
    const general = first.filter((p) => p.kind === "general");
    expect(general.map((p) => [p.organisation.name, p.memberCount])).toEqual([["Gemeente Den Haag", 0]]);
    generalPoolId = general[0]!.id;
    expect((await teamPools()).filter((p) => p.kind === "general").map((p) => p.id)).toEqual([generalPoolId]);
    const westland = first.find((p) => p.employer?.id === westlandId)!;
    westlandPoolId = westland.id;
    seeded = { general: 0, westland: westland.memberCount };
    expect(seeded.westland).toBeGreaterThan(0);

    const created = await manager.call("/api/v1/talent-pools", { body: { employerId: duinenId } });
    expect(created.status, created.text).toBe(201);
    const pool = created.json<{ pool: TalentPool }>().pool;
    expect(pool).toMatchObject({
      kind: "client",
      name: "Zorgcentrum De Duinen",
      employer: { id: duinenId, name: "Zorgcentrum De Duinen" },
      organisation: { name: "Gemeente Den Haag" },
      memberCount: 0,
    });
    duinenPoolId = pool.id;
    const again = await manager.call("/api/v1/talent-pools", { body: { employerId: duinenId } });
    expect(again.status).toBe(200);
    expect(again.json<{ pool: TalentPool }>().pool.id).toBe(duinenPoolId);
    const westlandAgain = await manager.call("/api/v1/talent-pools", { body: { employerId: westlandId } });
    expect(westlandAgain.status).toBe(200);
    expect(westlandAgain.json<{ pool: TalentPool }>().pool.id).toBe(westlandPoolId);
    expect((await teamPools()).map((p) => p.id)).toEqual([generalPoolId, westlandPoolId, duinenPoolId]);
  });

  it("refuses a pool for a client another team keeps, and bad input, making nothing", async () => {
    const before = await server.database.db.select({ n: count() }).from(talentPools);
    const other = await manager.call("/api/v1/talent-pools", { body: { employerId: maashavenId } });
    expect(other.status).toBe(404);
    const bad = await manager.call("/api/v1/talent-pools", { body: { employerId: "westland" } });
    expect(bad.status).toBe(400);
    expect(errorOf(bad)).toBe("validation_failed");
    const notAnEmployer = await manager.call("/api/v1/talent-pools", {
      body: { employerId: (await teamPools())[0]!.organisation.id },
    });
    expect(notAnEmployer.status).toBe(404);
    expect(await server.database.db.select({ n: count() }).from(talentPools)).toEqual(before);
  });

  it("adds candidates with who and when, refuses one twice and one the team cannot see", async () => {
    const added = await manager.call(`/api/v1/talent-pools/${westlandPoolId}/members`, {
      body: { candidateId: visible[0], note: "Sterk in logistiek" },
    });
    expect(added.status, added.text).toBe(201);
    const detail = added.json<TalentPoolDetailResponse>();
    expect(detail.pool.memberCount).toBe(seeded.westland + 1);
    expect(detail.members).toHaveLength(seeded.westland + 1);
    expect(detail.members.find((m) => m.candidate.id === visible[0])).toMatchObject({
      candidate: { id: visible[0] },
      addedBy: { id: "demo-accountmanager", name: "Fatima El Amrani" },
      note: "Sterk in logistiek",
    });
    const addedAt = detail.members.find((m) => m.candidate.id === visible[0])!.addedAt;
    expect(Date.now() - Date.parse(addedAt)).toBeLessThan(60_000);
    for (const id of [visible[1], visible[2]]) {
      const res = await manager.call(`/api/v1/talent-pools/${westlandPoolId}/members`, {
        body: { candidateId: id },
      });
      expect(res.status).toBe(201);
    }
    const general = await manager.call(`/api/v1/talent-pools/${generalPoolId}/members`, {
      body: { candidateId: visible[3] },
    });
    expect(general.status).toBe(201);

    const before = await memberCount();
    const twice = await manager.call(`/api/v1/talent-pools/${westlandPoolId}/members`, {
      body: { candidateId: visible[0] },
      headers: { "accept-language": "en" },
    });
    expect(twice.status).toBe(409);
    expect(twice.json<ErrorResponse>().error).toMatchObject({
      code: "candidate_already_in_pool",
      message: "This candidate is already in this talent pool.",
    });
    const unseen = await manager.call(`/api/v1/talent-pools/${westlandPoolId}/members`, {
      body: { candidateId: hidden },
    });
    expect(unseen.status).toBe(404);
    const unknown = await manager.call(`/api/v1/talent-pools/${westlandPoolId}/members`, {
      body: { candidateId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(unknown.status).toBe(404);
    expect(await memberCount()).toBe(before);

    const pools = await teamPools(manager, `?candidateId=${visible[0]}`);
    expect(pools.map((p) => [p.id, p.memberCount, p.hasCandidate])).toEqual([
      [generalPoolId, 1, false],
      [westlandPoolId, seeded.westland + 3, true],
      [duinenPoolId, 0, false],
    ]);
    const events = await server.database.db
      .select()
      .from(domainEvents)
      .where(eq(domainEvents.type, "talent_pool.member_added"));
    expect(events.length).toBe(4);
  });

  it("keeps another team out: its pools are not found, nothing changes", async () => {
    const theirs = await teamPools(rotterdam);
    expect(theirs.map((p) => p.organisation.name)).toEqual(["Gemeente Rotterdam"]);
    expect((await rotterdam.call(`/api/v1/talent-pools/${westlandPoolId}`)).status).toBe(404);
    const before = await memberCount();
    const add = await rotterdam.call(`/api/v1/talent-pools/${westlandPoolId}/members`, {
      body: { candidateId: visible[4] },
    });
    expect(add.status).toBe(404);
    const remove = await rotterdam.call(`/api/v1/talent-pools/${westlandPoolId}/members/${visible[0]}`, {
      method: "DELETE",
    });
    expect(remove.status).toBe(404);
    const create = await rotterdam.call("/api/v1/talent-pools", { body: { employerId: westlandId } });
    expect(create.status).toBe(404);
    expect(await memberCount()).toBe(before);
    // Contact persons do not manage pools, and the team has no contact-person side.
    expect((await employer.call("/api/v1/talent-pools")).status).toBe(403);
    expect((await manager.call("/api/v1/contact/talent-pools")).status).toBe(403);
  });

  it("shows a contact the pools open to them, without contact details or the team's notes", async () => {
    const res = await employer.call("/api/v1/contact/talent-pools");
    expect(res.status, res.text).toBe(200);
    const pools = res.json<{ pools: TalentPool[] }>().pools;
    expect(pools.map((p) => [p.id, p.kind, p.memberCount])).toEqual([
      [generalPoolId, "general", 1],
      [westlandPoolId, "client", seeded.westland + 3],
    ]);
    const detail = await employer.call(`/api/v1/contact/talent-pools/${westlandPoolId}`);
    expect(detail.status).toBe(200);
    const body = detail.json<TalentPoolDetailResponse>();
    expect(body.members.map((m) => m.candidate.id)).toEqual(
      expect.arrayContaining([visible[0], visible[1], visible[2]]),
    );
    expect(body.members).toHaveLength(seeded.westland + 3);
    expect(body.members.every((m) => m.note === null)).toBe(true);
    expect(detail.text).not.toMatch(/"(email|phone|postcode|birthDate)"/);

    // De Duinen is a client of the same team: the general pool, not Westland's.
    const theirs = (await duinen.call("/api/v1/contact/talent-pools")).json<{ pools: TalentPool[] }>().pools;
    expect(theirs.map((p) => p.id)).toEqual([generalPoolId, duinenPoolId]);
    expect((await duinen.call(`/api/v1/contact/talent-pools/${westlandPoolId}`)).status).toBe(404);
    expect((await duinen.call(`/api/v1/contact/talent-pools/${generalPoolId}`)).status).toBe(200);
  });

  it("lists the contact's own vacancies to match to", async () => {
    const mine = (await employer.call("/api/v1/contact/talent-pools/vacancies")).json<{
      vacancies: PoolVacancy[];
    }>().vacancies;
    expect(mine.map((v) => v.id)).toContain(westlandVacancy);
    expect(mine.map((v) => v.id)).not.toContain(duinenVacancy);
    const petras = (await petra.call("/api/v1/contact/talent-pools/vacancies")).json<{
      vacancies: PoolVacancy[];
    }>().vacancies;
    expect(petras.map((v) => v.id)).not.toContain(westlandVacancy);
  });

  it("matches a pool candidate to the contact's own vacancy in the approved phase and tells the account manager", async () => {
    const res = await employer.call(
      `/api/v1/contact/talent-pools/${westlandPoolId}/members/${visible[0]}/matches`,
      { body: { vacancyId: westlandVacancy } },
    );
    expect(res.status, res.text).toBe(201);
    const { match } = res.json<MatchFromPoolResponse>();
    expect(match).toMatchObject({
      vacancyId: westlandVacancy,
      candidateId: visible[0],
      phaseKey: "approved",
    });
    const { db } = server.database;
    const [row] = await db
      .select({ source: matches.source, phaseKey: procedurePhases.key, createdBy: matches.createdByUserId })
      .from(matches)
      .innerJoin(procedurePhases, eq(procedurePhases.id, matches.phaseId))
      .where(eq(matches.id, match.id));
    expect(row).toEqual({ source: "proposed", phaseKey: "approved", createdBy: "demo-werkgever" });
    // The candidate stays in the pool.
    const still = (
      await employer.call(`/api/v1/contact/talent-pools/${westlandPoolId}`)
    ).json<TalentPoolDetailResponse>();
    expect(still.members.map((m) => m.candidate.id)).toContain(visible[0]);
    // The match shows on the vacancy for the recruiter and for the contact (approved is theirs to see).
    const listed = await manager.call(`/api/v1/vacancies/${westlandVacancy}/matches`);
    expect(listed.text).toContain(match.id);

    await server.app.events.drain();
    const types = (
      await db
        .select({ type: domainEvents.type })
        .from(domainEvents)
        .where(eq(domainEvents.type, "talent_pool.matched"))
    ).length;
    expect(types).toBe(1);
    const mails = await db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, "accountmanager@demo.werkbrug.test"));
    const mail = mails.find((m) => m.subject.includes("talentpool"));
    expect(mail?.subject).toMatch(/^Westland Logistiek B\.V\. koos .+ uit de talentpool$/);
    expect(mail?.text).toContain("Orderpicker talentpool");
    expect(mail?.text).toContain(`/vacaturebeheer/${westlandVacancy}`);
  });

  it("refuses bad matches from a pool and changes nothing", async () => {
    const before = await matchCount();
    const call = (client: Client, poolId: string, candidateId: string, vacancyId: string, lang = "nl") =>
      client.call(`/api/v1/contact/talent-pools/${poolId}/members/${candidateId}/matches`, {
        body: { vacancyId },
        headers: { "accept-language": lang },
      });
    // Already on that vacancy.
    const twice = await call(employer, westlandPoolId, visible[0]!, westlandVacancy);
    expect(twice.status).toBe(409);
    expect(twice.json<ErrorResponse>().error).toMatchObject({
      code: "candidate_already_on_vacancy",
      message: "Deze kandidaat staat al op deze vacature.",
    });
    // Another employer's vacancy (De Duinen, same team).
    expect((await call(employer, westlandPoolId, visible[1]!, duinenVacancy)).status).toBe(404);
    // A vacancy of their employer they may not change (Petra, not its contact).
    expect((await call(petra, westlandPoolId, visible[1]!, westlandVacancy)).status).toBe(403);
    // A pool not open to them (De Duinen's contact and Westland's pool).
    expect((await call(duinen, westlandPoolId, visible[1]!, duinenVacancy)).status).toBe(404);
    // From the general pool to another employer's vacancy.
    expect((await call(duinen, generalPoolId, visible[3]!, westlandVacancy)).status).toBe(404);
    // A candidate who is not in the pool, or hidden.
    expect((await call(employer, westlandPoolId, visible[5]!, westlandVacancy)).status).toBe(404);
    expect((await call(employer, westlandPoolId, hidden, westlandVacancy)).status).toBe(404);
    // Bad input.
    const bad = await employer.call(
      `/api/v1/contact/talent-pools/${westlandPoolId}/members/${visible[1]}/matches`,
      { body: { vacancyId: "nope" } },
    );
    expect(bad.status).toBe(400);
    // The team does not match on the contact's behalf.
    expect((await call(manager, westlandPoolId, visible[1]!, westlandVacancy)).status).toBe(403);
    expect(await matchCount()).toBe(before);
    const matched = await server.database.db
      .select({ n: count() })
      .from(domainEvents)
      .where(eq(domainEvents.type, "talent_pool.matched"));
    expect(Number(matched[0]!.n)).toBe(1);
  });

  it("matches from the general pool to the client's own vacancy", async () => {
    const own = await vacancy(manager, duinenId, "Zorg op afroep");
    // De Duinen's contact is not the vacancy's contact and may not manage vacancies: refused.
    const refused = await duinen.call(
      `/api/v1/contact/talent-pools/${generalPoolId}/members/${visible[3]}/matches`,
      { body: { vacancyId: own } },
    );
    expect(refused.status).toBe(403);
    // Westland's contact matches the general pool's candidate to their own vacancy.
    const res = await employer.call(
      `/api/v1/contact/talent-pools/${generalPoolId}/members/${visible[3]}/matches`,
      { body: { vacancyId: westlandVacancy } },
    );
    expect(res.status, res.text).toBe(201);
  });

  it("takes a candidate out of the pool; the match stays", async () => {
    const before = await matchCount();
    const res = await manager.call(`/api/v1/talent-pools/${westlandPoolId}/members/${visible[0]}`, {
      method: "DELETE",
    });
    expect(res.status).toBe(204);
    const again = await manager.call(`/api/v1/talent-pools/${westlandPoolId}/members/${visible[0]}`, {
      method: "DELETE",
    });
    expect(again.status).toBe(404);
    expect(
      (
        await employer.call(`/api/v1/talent-pools/${westlandPoolId}/members/${visible[1]}`, {
          method: "DELETE",
        })
      ).status,
    ).toBe(403);
    expect(await matchCount()).toBe(before);
    const detail = (
      await manager.call(`/api/v1/talent-pools/${westlandPoolId}`)
    ).json<TalentPoolDetailResponse>();
    expect(detail.members.map((m) => m.candidate.id)).not.toContain(visible[0]);
    const gone = await employer.call(
      `/api/v1/contact/talent-pools/${westlandPoolId}/members/${visible[0]}/matches`,
      { body: { vacancyId: westlandVacancy } },
    );
    expect(gone.status).toBe(404);
  });
});
