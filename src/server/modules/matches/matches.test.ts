import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import type { ErrorResponse } from "../../../contracts/common";
import type {
  Evaluation,
  MatchDetail,
  MatchSummary,
  Procedure,
  VacancyMatchesResponse,
} from "../../../contracts/matches";
import type { Application, CreateVacancyRequest, Vacancy } from "../../../contracts/vacancies";
import { domainEvents } from "../../platform/events.schema";
import { DEMO_PASSWORD } from "../../seed/demo";
import { candidates } from "../candidates/candidates.schema";
import { hashPassword } from "../identity";
import { twoFactors } from "../identity/identity.schema";
import { accounts, memberships, organisations, portals, users } from "../tenancy/tenancy.schema";
import { todayIn } from "../vacancies";
import { vacancies } from "../vacancies/vacancies.schema";
import { matchEvaluations, matches, matchHistory } from "./matches.schema";

const DAY = 86_400_000;
const day = (offset: number) => todayIn(new Date(Date.now() + offset * DAY));
const SELECTION_STATUSES = [
  "Ingediend",
  "In behandeling",
  "Geslaagd preselectie",
  "Uitgenodigd",
  "Geslaagd",
  "Niet geslaagd",
  "Werfreserve",
  "Aangenomen",
  "Teruggetrokken",
];

describe.each(testDbKinds())("matches with procedures and phases on %s", (kind) => {
  let server: TestServer;
  let manager: Client; // accountmanager@: Gemeente Den Haag, looks after Westland and De Duinen
  let employer: Client; // werkgever@: Westland, may manage vacancies, contact of its vacancies
  let candidate: Client; // kandidaat@: Kim, Haaglanden
  let selection: Client; // selectie@: another organisation altogether
  let petra: Client; // a Westland contact person who may not manage vacancies
  let westlandId: string;
  let duinenId: string;
  let pool: string[] = [];
  let nextCandidate = 0;

  const host = (slug: string) => `${slug}.localhost:${server.port}`;

  beforeAll(async () => {
    server = await startTestServer({ kind, web: false });
    const { db } = server.database;
    const orgByName = async (name: string) =>
      (await db.select().from(organisations).where(eq(organisations.name, name)))[0]!.id;
    westlandId = await orgByName("Westland Logistiek B.V.");
    duinenId = await orgByName("Zorgcentrum De Duinen");
    const [haaglanden] = await db.select().from(portals).where(eq(portals.slug, "haaglanden"));
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
        .limit(12)
    ).map((c) => c.id);
    expect(pool.length).toBe(12);

    // Petra: a contact person of Westland without the right to manage vacancies (Carerix).
    await db.insert(users).values({
      id: "test-petra",
      name: "Petra Groenewegen",
      email: "petra@westland.test",
      emailVerified: true,
      twoFactorEnabled: true,
    });
    await db.insert(accounts).values({
      id: "test-petra-credential",
      userId: "test-petra",
      accountId: "test-petra",
      providerId: "credential",
      password: await hashPassword(DEMO_PASSWORD),
    });
    await db.insert(memberships).values({
      userId: "test-petra",
      role: "employer_contact",
      organisationId: westlandId,
      mayManageVacancies: false,
    });
    const [totp] = await db.select().from(twoFactors).where(eq(twoFactors.userId, "demo-werkgever"));
    await db.insert(twoFactors).values({ ...totp!, id: "test-petra-totp", userId: "test-petra" });

    manager = new Client(server, host("haaglanden"));
    employer = new Client(server, host("haaglanden"));
    candidate = new Client(server, host("haaglanden"));
    selection = new Client(server);
    petra = new Client(server, host("haaglanden"));
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    await signIn(employer, "werkgever@demo.werkbrug.test");
    await signIn(candidate, "kandidaat@demo.werkbrug.test");
    await signIn(selection, "selectie@demo.werkbrug.test");
    await signIn(petra, "petra@westland.test");
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  const vacancyBody = (organisationId: string, title: string): CreateVacancyRequest => ({
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
  });

  /** A vacancy by its employer (Westland, published) or the account manager (De Duinen, a draft). */
  async function vacancy(organisationId = westlandId, title = "Orderpicker matches"): Promise<string> {
    const client = organisationId === westlandId ? employer : manager;
    const created = await client.call("/api/v1/vacancies", { body: vacancyBody(organisationId, title) });
    expect(created.status, created.text).toBe(201);
    const { id } = created.json<{ vacancy: Vacancy }>().vacancy;
    if (organisationId !== westlandId) return id;
    const published = await client.call(`/api/v1/vacancies/${id}/transitions`, {
      body: { action: "publish", comment: null },
    });
    expect(published.status, published.text).toBe(200);
    return id;
  }

  /** Saves a fresh candidate on the vacancy (as the account manager); the match's id. */
  async function saved(vacancyId: string): Promise<string> {
    const candidateId = pool[nextCandidate++]!;
    const res = await manager.call(`/api/v1/candidates/${candidateId}/vacancies`, { body: { vacancyId } });
    expect(res.status, res.text).toBe(200);
    return (await matchOn(vacancyId, candidateId)).id;
  }

  async function listed(vacancyId: string, client = manager): Promise<VacancyMatchesResponse> {
    const res = await client.call(`/api/v1/vacancies/${vacancyId}/matches`);
    expect(res.status, res.text).toBe(200);
    return res.json<VacancyMatchesResponse>();
  }

  async function matchOn(vacancyId: string, candidateId: string): Promise<MatchSummary> {
    const all = (await listed(vacancyId)).phases.flatMap((p) => p.matches);
    return all.find((m) => m.candidate.id === candidateId)!;
  }

  async function detail(matchId: string, client = manager): Promise<MatchDetail> {
    const res = await client.call(`/api/v1/matches/${matchId}`);
    expect(res.status, res.text).toBe(200);
    return res.json<{ match: MatchDetail }>().match;
  }

  const phaseId = (procedure: Procedure, key: string) => procedure.phases.find((p) => p.key === key)!.id;

  async function move(
    matchId: string,
    body: Record<string, unknown>,
    client = manager,
    lang: "nl" | "en" = "nl",
  ) {
    return client.call(`/api/v1/matches/${matchId}/moves`, { body, headers: { "accept-language": lang } });
  }

  async function moved(matchId: string, body: Record<string, unknown>): Promise<MatchDetail> {
    const res = await move(matchId, body);
    expect(res.status, res.text).toBe(200);
    return res.json<{ match: MatchDetail }>().match;
  }

  async function undo(matchId: string, client = manager, lang: "nl" | "en" = "nl") {
    return client.call(`/api/v1/matches/${matchId}/undo`, {
      method: "POST",
      headers: { "accept-language": lang },
    });
  }

  async function eventsOf(matchId: string) {
    return server.database.db
      .select({ type: domainEvents.type, payload: domainEvents.payload, actor: domainEvents.actorUserId })
      .from(domainEvents)
      .where(sql`${domainEvents.subject}->>'matchId' = ${matchId}`)
      .orderBy(asc(domainEvents.seq));
  }

  /** Everything stored about a match and its vacancy, to show a refused request changed nothing. */
  async function stored(matchId: string) {
    const { db } = server.database;
    const [match] = await db.select().from(matches).where(eq(matches.id, matchId));
    return {
      match,
      vacancy: (await db.select().from(vacancies).where(eq(vacancies.id, match!.vacancyId)))[0],
      history: await db.select().from(matchHistory).where(eq(matchHistory.matchId, matchId)),
      evaluations: await db.select().from(matchEvaluations).where(eq(matchEvaluations.matchId, matchId)),
      events: (await db.select({ n: sql<number>`count(*)::int` }).from(domainEvents))[0]!.n,
    };
  }

  async function procedures(client: Client, organisationId: string): Promise<Procedure[]> {
    const res = await client.call(`/api/v1/procedures?organisationId=${organisationId}`);
    expect(res.status, res.text).toBe(200);
    return res.json<{ procedures: Procedure[] }>().procedures;
  }

  const ofKind = (list: Procedure[], k: Procedure["kind"]) => list.find((p) => p.kind === k)!;

  function apply(vacancyId: string) {
    const form = new FormData();
    form.set("motivation", "Ik heb vijf jaar ervaring als orderpicker.");
    const body = new Response(form);
    return body.arrayBuffer().then((data) =>
      candidate.call(`/api/v1/vacancies/${vacancyId}/applications`, {
        raw: { data: Buffer.from(data), type: body.headers.get("content-type")! },
      }),
    );
  }

  it("gives an organisation its procedures: recruitment by default, referral milestones, selection statuses", async () => {
    const list = await procedures(employer, westlandId);
    expect(list.map((p) => p.kind).sort()).toEqual(["recruitment", "referral", "selection"]);
    const recruitment = ofKind(list, "recruitment");
    expect(recruitment).toMatchObject({
      isDefault: true,
      organisationId: westlandId,
      name: { nl: "Werving" },
    });
    expect(recruitment.phases.map((p) => p.key)).toEqual([
      "saved",
      "applied",
      "screening",
      "proposed",
      "approved",
      "interview",
      "offer",
      "hired",
      "declined",
      "rejected",
      "withdrawn",
    ]);
    const proposed = recruitment.phases.find((p) => p.key === "proposed")!;
    expect(proposed).toMatchObject({
      visibleToContacts: true,
      meaning: "active",
      label: { nl: "Voorgesteld", en: "Proposed", de: "Vorgeschlagen", fr: "Proposé" },
    });
    expect(recruitment.phases.find((p) => p.key === "declined")).toMatchObject({ meaning: "rejected" });
    const referral = ofKind(list, "referral");
    expect(referral.isDefault).toBe(false);
    expect(referral.phases.filter((p) => p.outcomes.length > 0).map((p) => p.label.nl)).toEqual([
      "Contact gemaakt?",
      "Gesprek gepland",
      "Interview voltooid",
      "Aanbod gedaan",
      "Begonnen werk",
      "Is de kandidaat nog aan het werk na 3 maanden?",
    ]);
    expect(referral.phases.find((p) => p.key === "contact_made")!.outcomes).toEqual([
      "green",
      "orange",
      "red",
    ]);
    expect(referral.phases.at(-1)).toMatchObject({ key: "archived", meaning: "archived" });
    expect(ofKind(list, "selection").phases.map((p) => p.label.nl)).toEqual(SELECTION_STATUSES);

    const one = await employer.call(`/api/v1/procedures/${referral.id}`);
    expect(one.json<{ procedure: Procedure }>().procedure).toEqual(referral);
    // Without a filter: the procedures of the caller's own organisations.
    const mine = (await employer.call("/api/v1/procedures")).json<{ procedures: Procedure[] }>().procedures;
    expect(mine.map((p) => p.id)).toEqual(expect.arrayContaining(list.map((p) => p.id)));
    expect(mine.every((p) => p.organisationId !== duinenId)).toBe(true);
  });

  it("gives an organisation made after the migration its procedures on first use", async () => {
    const { db } = server.database;
    const [denHaag] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.name, "Gemeente Den Haag"));
    const [fresh] = await db
      .insert(organisations)
      .values({
        kind: "employer",
        name: "Nieuwe Werkgever B.V.",
        homePortalId: denHaag!.homePortalId,
        managedByOrganisationId: denHaag!.id,
      })
      .returning();
    const list = await procedures(manager, fresh!.id);
    expect(list.map((p) => [p.kind, p.isDefault, p.organisationId]).sort()).toEqual([
      ["recruitment", true, fresh!.id],
      ["referral", false, fresh!.id],
      ["selection", false, fresh!.id],
    ]);
    // Asking again copies nothing twice.
    expect((await procedures(manager, fresh!.id)).map((p) => p.id).sort()).toEqual(
      list.map((p) => p.id).sort(),
    );
  });

  it("puts an application and a saved candidate in the first phase of the vacancy's procedure, by phase", async () => {
    const v = await vacancy();
    const applied = await apply(v);
    expect(applied.status, applied.text).toBe(201);
    const savedId = await saved(v);
    const list = await listed(v);
    expect(list.procedure.kind).toBe("recruitment");
    expect(list.permissions).toMatchObject({ sees: "all", chooseProcedure: true, undo: true });
    expect(list.permissions.moveTo).toEqual(list.procedure.phases.map((p) => p.id));
    expect(list.phases.map((g) => g.phase.key)).toEqual(list.procedure.phases.map((p) => p.key));
    const byKey = Object.fromEntries(list.phases.map((g) => [g.phase.key, g.matches]));
    expect(byKey.saved!.map((m) => m.id)).toEqual([savedId]);
    expect(byKey.applied).toEqual([
      expect.objectContaining({
        candidate: expect.objectContaining({ name: "Kim de Kandidaat" }),
        source: "applied",
        state: "active",
        outcome: null,
      }),
    ]);
    const kim = await detail(byKey.applied![0]!.id);
    expect(kim).toMatchObject({ motivation: "Ik heb vijf jaar ervaring als orderpicker.", evaluations: [] });
    expect(kim.history).toEqual([
      expect.objectContaining({
        fromPhaseId: null,
        toPhaseId: phaseId(list.procedure, "applied"),
        actor: expect.objectContaining({ name: "Kim de Kandidaat" }),
        undone: null,
      }),
    ]);
    expect(kim.permissions.undo).toBe(false);
    expect((await eventsOf(kim.id)).map((e) => [e.type, e.payload.source])).toEqual([
      ["match.created", "applied"],
    ]);
    expect((await eventsOf(savedId)).map((e) => [e.type, e.payload.phaseKey])).toEqual([
      ["match.created", "saved"],
    ]);
    // Taking the saved candidate off again removes the match with its history, and says so.
    const off = await manager.call(`/api/v1/candidates/${byKey.saved![0]!.candidate.id}/vacancies/${v}`, {
      method: "DELETE",
    });
    expect(off.status, off.text).toBe(200);
    const { db } = server.database;
    expect(await db.select().from(matchHistory).where(eq(matchHistory.matchId, savedId))).toEqual([]);
    expect((await eventsOf(savedId)).map((e) => e.type)).toEqual(["match.created", "match.removed"]);
  });

  it("moves a match with an outcome and a comment, keeps the full history, and undoes step by step", async () => {
    const v = await vacancy();
    await apply(v);
    const list = await listed(v);
    const id = list.phases.find((g) => g.phase.key === "applied")!.matches[0]!.id;
    const p = list.procedure;

    let match = await moved(id, { phaseId: phaseId(p, "proposed"), comment: "Past goed bij het team" });
    expect(match).toMatchObject({ phaseId: phaseId(p, "proposed"), outcome: null, state: "active" });
    const counts = async () =>
      (await employer.call(`/api/v1/vacancies/${v}`)).json<{ vacancy: Vacancy }>().vacancy.counts;
    expect((await counts()).proposed).toBe(1);
    const mine = async () =>
      (await candidate.call("/api/v1/applications/mine"))
        .json<{ applications: Application[] }>()
        .applications.find((a) => a.vacancyId === v)!.status;
    expect(await mine()).toBe("in_review");

    match = await moved(id, {
      phaseId: phaseId(p, "interview"),
      outcome: "passed",
      comment: "Sterk gesprek",
    });
    expect(match).toMatchObject({ phaseId: phaseId(p, "interview"), outcome: "passed" });
    expect(match.history.map((s) => [s.toPhaseId, s.outcome, s.comment, s.actor?.name ?? null])).toEqual([
      [phaseId(p, "applied"), null, null, "Kim de Kandidaat"],
      [phaseId(p, "proposed"), null, "Past goed bij het team", "Fatima El Amrani"],
      [phaseId(p, "interview"), "passed", "Sterk gesprek", "Fatima El Amrani"],
    ]);
    expect(match.history[2]!.fromPhaseId).toBe(phaseId(p, "proposed"));
    expect(match.permissions.undo).toBe(true);

    const back = await undo(id);
    expect(back.status, back.text).toBe(200);
    match = back.json<{ match: MatchDetail }>().match;
    expect(match).toMatchObject({ phaseId: phaseId(p, "proposed"), outcome: null });
    expect(match.history).toHaveLength(3);
    expect(match.history[2]!.undone).toMatchObject({ by: { name: "Fatima El Amrani" } });

    match = (await undo(id)).json<{ match: MatchDetail }>().match;
    expect(match.phaseId).toBe(phaseId(p, "applied"));
    expect(match.permissions.undo).toBe(false);
    expect((await counts()).proposed).toBe(0);
    expect(await mine()).toBe("submitted");
    const none = await undo(id, manager, "en");
    expect(none.status).toBe(409);
    expect(none.json<ErrorResponse>().error).toMatchObject({
      code: "nothing_to_undo",
      message: "There is no step to undo.",
    });

    const events = await eventsOf(id);
    expect(events.map((e) => e.type)).toEqual([
      "match.created",
      "match.moved",
      "match.moved",
      "match.undone",
      "match.undone",
    ]);
    expect(events[2]).toMatchObject({
      actor: "demo-accountmanager",
      payload: { toPhaseKey: "interview", outcome: "passed", state: "active" },
    });
    expect(events[4]!.payload).toMatchObject({ toPhaseKey: "applied" });
  });

  it("keeps a hired match where it is until its last step is undone", async () => {
    const v = await vacancy();
    const id = await saved(v);
    const p = (await listed(v)).procedure;
    const hired = await moved(id, { phaseId: phaseId(p, "hired") });
    expect(hired).toMatchObject({ state: "hired", permissions: { moveTo: [], undo: true } });
    const again = await move(id, { phaseId: phaseId(p, "offer") }, manager, "en");
    expect(again.status).toBe(409);
    expect(again.json<ErrorResponse>().error.code).toBe("match_closed");
    expect((await undo(id)).json<{ match: MatchDetail }>().match).toMatchObject({
      phaseId: phaseId(p, "saved"),
      state: "active",
    });
    expect((await move(id, { phaseId: phaseId(p, "offer") })).status).toBe(200);
  });

  it("records evaluations: a person's verdict with a comment", async () => {
    const v = await vacancy();
    const id = await saved(v);
    const res = await employer.call(`/api/v1/matches/${id}/evaluations`, {
      body: { verdict: "yes", comment: "Sterke kandidaat, graag een gesprek." },
    });
    expect(res.status, res.text).toBe(201);
    const evaluation = res.json<{ evaluation: Evaluation }>().evaluation;
    expect(evaluation).toMatchObject({
      verdict: "yes",
      comment: "Sterke kandidaat, graag een gesprek.",
      author: { name: "Wim van Westen" },
    });
    await manager.call(`/api/v1/matches/${id}/evaluations`, { body: { verdict: "maybe" } });
    const match = await detail(id);
    expect(match.evaluations.map((e) => [e.verdict, e.comment, e.author?.name])).toEqual([
      ["yes", "Sterke kandidaat, graag een gesprek.", "Wim van Westen"],
      ["maybe", "", "Fatima El Amrani"],
    ]);
    expect(match.evaluations[0]!.phaseId).toBe(match.phaseId);
    expect(
      (await eventsOf(id)).filter((e) => e.type === "match.evaluated").map((e) => e.payload.verdict),
    ).toEqual(["yes", "maybe"]);
    const before = await stored(id);
    const bad = await employer.call(`/api/v1/matches/${id}/evaluations`, {
      body: { verdict: "great" },
      headers: { "accept-language": "en" },
    });
    expect(bad.status).toBe(400);
    expect(await stored(id)).toEqual(before);
  });

  it("archives a referral on a red milestone outcome, and undo brings it back", async () => {
    const v = await vacancy(westlandId, "Verwijzing zorg");
    const referral = ofKind(await procedures(manager, westlandId), "referral");
    const chosen = await manager.call(`/api/v1/vacancies/${v}/procedure`, {
      method: "PUT",
      body: { procedureId: referral.id },
    });
    expect(chosen.status, chosen.text).toBe(200);
    expect(chosen.json<VacancyMatchesResponse>().procedure.id).toBe(referral.id);
    const id = await saved(v);
    expect((await detail(id)).phaseId).toBe(phaseId(referral, "referred"));

    await moved(id, { phaseId: phaseId(referral, "contact_made"), outcome: "green" });
    await moved(id, { phaseId: phaseId(referral, "interview_planned"), outcome: "orange" });
    const red = await moved(id, {
      phaseId: phaseId(referral, "interview_planned"),
      outcome: "red",
      comment: "Niet komen opdagen",
    });
    expect(red).toMatchObject({ state: "archived", outcome: "red", permissions: { moveTo: [] } });
    const inList = (await listed(v)).phases.flatMap((g) => g.matches).find((m) => m.id === id);
    expect(inList).toMatchObject({ state: "archived", outcome: "red" });
    const after = await move(id, { phaseId: phaseId(referral, "interview_done"), outcome: "green" });
    expect(after.status).toBe(409);
    expect(after.json<ErrorResponse>().error.message).toBe(
      "Deze kandidaat is aangenomen, afgewezen, gearchiveerd of teruggetrokken. Maak eerst de laatste stap ongedaan.",
    );
    const restored = (await undo(id)).json<{ match: MatchDetail }>().match;
    expect(restored).toMatchObject({
      phaseId: phaseId(referral, "interview_planned"),
      outcome: "orange",
      state: "active",
    });
    const moves = (await eventsOf(id)).filter((e) => e.type !== "match.created");
    expect(moves.map((e) => [e.type, e.payload.state])).toEqual([
      ["match.moved", "active"],
      ["match.moved", "active"],
      ["match.moved", "archived"],
      ["match.undone", "active"],
    ]);
    // Its matches are in the referral procedure: the vacancy keeps it.
    const back = await manager.call(`/api/v1/vacancies/${v}/procedure`, {
      method: "PUT",
      body: { procedureId: null },
      headers: { "accept-language": "en" },
    });
    expect(back.status).toBe(409);
    expect(back.json<ErrorResponse>().error.message).toBe(
      "This vacancy already has candidates in another procedure.",
    );
  });

  describe("bad input: a 4xx in the user's language, and nothing stored changes", () => {
    let id: string;
    let recruitment: Procedure;
    let referral: Procedure;
    let archived: string;

    beforeAll(async () => {
      const v = await vacancy(westlandId, "Slechte invoer");
      id = await saved(v);
      const list = await procedures(manager, westlandId);
      recruitment = ofKind(list, "recruitment");
      referral = ofKind(list, "referral");
      const r = await vacancy(westlandId, "Slechte invoer verwijzing");
      await manager.call(`/api/v1/vacancies/${r}/procedure`, {
        method: "PUT",
        body: { procedureId: referral.id },
      });
      archived = await saved(r);
      await moved(archived, { phaseId: phaseId(referral, "contact_made"), outcome: "red" });
    });

    async function refused(
      matchId: string,
      request: () => Promise<{ status: number; json<T>(): T }>,
      expected: { status: number; code: string; message?: string },
    ) {
      const before = await stored(matchId);
      const res = await request();
      expect(res.status).toBe(expected.status);
      const { error } = res.json<ErrorResponse>();
      expect(error.code).toBe(expected.code);
      if (expected.message) expect(error.message).toBe(expected.message);
      expect(await stored(matchId)).toEqual(before);
      return error;
    }

    it("refuses an unknown phase", async () => {
      await refused(id, () => move(id, { phaseId: "00000000-0000-4000-8000-000000000000" }, manager, "en"), {
        status: 400,
        code: "phase_unknown",
        message: "This phase is not part of this candidate's procedure.",
      });
    });

    it("refuses a phase of another procedure", async () => {
      await refused(id, () => move(id, { phaseId: phaseId(referral, "contact_made"), outcome: "green" }), {
        status: 400,
        code: "phase_unknown",
        message: "Deze fase hoort niet bij de procedure van deze kandidaat.",
      });
    });

    it("refuses an outcome the phase does not allow", async () => {
      await refused(
        id,
        () => move(id, { phaseId: phaseId(recruitment, "proposed"), outcome: "green" }, manager, "en"),
        {
          status: 400,
          code: "outcome_not_allowed",
          message: "This outcome is not possible in this phase.",
        },
      );
      await refused(id, () => move(id, { phaseId: phaseId(recruitment, "proposed"), outcome: "purple" }), {
        status: 400,
        code: "validation_failed",
      });
    });

    it("refuses moving an archived match", async () => {
      await refused(
        archived,
        () =>
          move(
            archived,
            { phaseId: phaseId(referral, "interview_planned"), outcome: "green" },
            manager,
            "en",
          ),
        {
          status: 409,
          code: "match_closed",
          message: "This candidate was hired, rejected, archived or withdrew. Undo the last step first.",
        },
      );
    });

    it("refuses undo with nothing to undo, and a move that changes nothing", async () => {
      await refused(id, () => undo(id), {
        status: 409,
        code: "nothing_to_undo",
        message: "Er is geen stap om ongedaan te maken.",
      });
      await refused(id, () => move(id, { phaseId: phaseId(recruitment, "saved") }), {
        status: 409,
        code: "already_in_phase",
      });
    });

    it("refuses another organisation's procedure for a vacancy", async () => {
      const duinen = ofKind(await procedures(manager, duinenId), "referral");
      const vacancyId = (await stored(id)).match!.vacancyId;
      for (const client of [manager, employer]) {
        const error = await refused(
          id,
          () =>
            client.call(`/api/v1/vacancies/${vacancyId}/procedure`, {
              method: "PUT",
              body: { procedureId: duinen.id },
              headers: { "accept-language": "en" },
            }),
          { status: 400, code: "validation_failed" },
        );
        expect(error.fields).toEqual([{ path: "procedureId", message: expect.any(String) }]);
      }
      // Reading it is as if it did not exist.
      expect((await employer.call(`/api/v1/procedures/${duinen.id}`)).status).toBe(404);
      expect((await employer.call(`/api/v1/procedures?organisationId=${duinenId}`)).status).toBe(404);
    });

    it("refuses another organisation's match as if it did not exist", async () => {
      const attempts = [
        () => selection.call(`/api/v1/matches/${id}`),
        () => move(id, { phaseId: phaseId(recruitment, "proposed") }, selection),
        () => undo(id, selection),
        () => selection.call(`/api/v1/matches/${id}/evaluations`, { body: { verdict: "no", comment: "x" } }),
      ];
      for (const attempt of attempts) await refused(id, attempt, { status: 404, code: "not_found" });
    });
  });

  it("keeps another organisation's staff and candidates away from a vacancy's matches", async () => {
    const v = await vacancy();
    await saved(v);
    expect((await selection.call(`/api/v1/vacancies/${v}/matches`)).status).toBe(404);
    expect(
      (
        await selection.call(`/api/v1/vacancies/${v}/procedure`, {
          method: "PUT",
          body: { procedureId: null },
        })
      ).status,
    ).toBe(404);
    const westlandRecruitment = ofKind(await procedures(employer, westlandId), "recruitment");
    expect((await selection.call(`/api/v1/procedures/${westlandRecruitment.id}`)).status).toBe(404);
    expect((await candidate.call(`/api/v1/vacancies/${v}/matches`)).status).toBe(403);

    // The other way round: Westland's contact does not see De Duinen's matches.
    const d = await vacancy(duinenId, "Zorgmedewerker");
    const duinenMatch = await saved(d);
    expect((await employer.call(`/api/v1/vacancies/${d}/matches`)).status).toBe(404);
    expect((await employer.call(`/api/v1/matches/${duinenMatch}`)).status).toBe(404);
    expect(
      (await move(duinenMatch, { phaseId: phaseId(westlandRecruitment, "proposed") }, employer)).status,
    ).toBe(404);
  });

  it("shows a contact person the phases meant for them; they give a verdict but steer only their own vacancies", async () => {
    const v = await vacancy(westlandId, "Voor de opdrachtgever");
    const hidden = await saved(v);
    const proposed = await saved(v);
    const p = (await listed(v)).procedure;
    await moved(proposed, { phaseId: phaseId(p, "proposed") });

    const seen = await listed(v, petra);
    expect(seen.permissions).toMatchObject({
      sees: "visible_to_contacts",
      moveTo: [],
      chooseProcedure: false,
    });
    expect(seen.phases.every((g) => g.phase.visibleToContacts)).toBe(true);
    expect(seen.phases.flatMap((g) => g.matches.map((m) => m.id))).toEqual([proposed]);
    expect((await petra.call(`/api/v1/matches/${hidden}`)).status).toBe(404);
    expect((await detail(proposed, petra)).permissions).toEqual({ moveTo: [], undo: false, evaluate: true });
    expect((await move(proposed, { phaseId: phaseId(p, "approved") }, petra)).status).toBe(403);
    const verdict = await petra.call(`/api/v1/matches/${proposed}/evaluations`, {
      body: { verdict: "no", comment: "Te weinig ervaring met heftrucks." },
    });
    expect(verdict.status, verdict.text).toBe(201);

    // Once it was in a phase for contact persons, it stays visible to them (Carerix).
    await moved(proposed, { phaseId: phaseId(p, "rejected"), comment: "Afgewezen na oordeel opdrachtgever" });
    expect((await listed(v, petra)).phases.flatMap((g) => g.matches.map((m) => m.id))).toEqual([proposed]);
  });
});
