import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import type { ApplicantListResponse } from "../../../contracts/applicants";
import type { ErrorResponse } from "../../../contracts/common";
import type { Procedure } from "../../../contracts/matches";
import type {
  CallUpResponse,
  CallUpTargetsResponse,
  ClosureResponse,
  ReserveList,
  ReserveListOverviewResponse,
  ReserveListResponse,
  VacancyReserveListResponse,
} from "../../../contracts/reserve-lists";
import type { CreateVacancyRequest, Vacancy } from "../../../contracts/vacancies";
import type { Db } from "../../platform/db";
import { domainEvents } from "../../platform/events.schema";
import { createStore } from "../../platform/store";
import { candidates } from "../candidates/candidates.schema";
import { hashPassword } from "../identity";
import { matches, matchHistory, procedurePhases } from "../matches/matches.schema";
import { accounts, memberships, organisations, portals, users } from "../tenancy/tenancy.schema";
import { todayIn } from "../vacancies";
import { vacancies } from "../vacancies/vacancies.schema";
import { runReserveListExpiry } from "./reserve-lists.jobs";
import {
  procedureClosures,
  reserveListCallUps,
  reserveListLaureates,
  reserveLists,
} from "./reserve-lists.schema";

const DAY = 86_400_000;
const day = (offset: number) => todayIn(new Date(Date.now() + offset * DAY));
const PASSWORD = "Laureaat-wachtwoord-2026!";

describe.each(testDbKinds())("reserve lists and closing a selection procedure, on %s", (kind) => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  let db: Db;
  let selection: Client; // selectie@: selection officer of the agency's selection office
  let other: Client; // zorg@: another organisation altogether
  let agencyId: string;
  let nationalId: string;
  let procedure: Procedure;
  let passwordHash: string;
  /** Vacancies by name. */
  const vacancy = new Map<string, string>();
  /** Match ids by "<first name>@<vacancy name>". */
  const match = new Map<string, string>();

  const errorOf = (res: { json<T>(): T }) => res.json<ErrorResponse>().error;
  const phase = (key: string) => procedure.phases.find((p) => p.key === key)!.id;
  const email = (first: string) => `${first.toLowerCase()}@laureaat.test`;
  const mailsTo = (first: string, pattern: RegExp) =>
    smtp.to(email(first)).filter((m) => pattern.test(m.subject ?? ""));

  async function createVacancy(name: string, inSelection = true): Promise<string> {
    const body: CreateVacancyRequest = {
      organisationId: agencyId,
      displayTitle: name,
      functionTitle: name,
      description: "Je werkt mee aan de dienstverlening van het agentschap aan burgers en bedrijven.",
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
    vacancy.set(name, id);
    if (!inSelection) return id;
    const chosen = await selection.call(`/api/v1/vacancies/${id}/procedure`, {
      method: "PUT",
      body: { procedureId: procedure.id },
    });
    expect(chosen.status, chosen.text).toBe(200);
    vacancy.set(name, id);
    return id;
  }

  /** A person with an account (so a language) on a vacancy in a phase, as an application leaves one. */
  async function applicant(first: string, locale: "nl" | "en", on: string, phaseKey = "submitted") {
    const vacancyId = vacancy.get(on)!;
    let [person] = await db
      .select()
      .from(candidates)
      .where(eq(candidates.email, email(first)));
    if (!person) {
      const id = `test-${first.toLowerCase()}`;
      await db
        .insert(users)
        .values({ id, name: `${first} Laureaat`, email: email(first), emailVerified: true, locale });
      await db.insert(accounts).values({
        id: `${id}-credential`,
        userId: id,
        accountId: id,
        providerId: "credential",
        password: passwordHash,
      });
      await db.insert(memberships).values({ userId: id, role: "candidate", portalId: nationalId });
      [person] = await db
        .insert(candidates)
        .values({
          portalId: nationalId,
          userId: id,
          firstName: first,
          lastName: "Laureaat",
          email: email(first),
        })
        .returning();
    }
    const [made] = await db
      .insert(matches)
      .values({
        portalId: nationalId,
        organisationId: agencyId,
        vacancyId,
        candidateId: person!.id,
        source: "applied",
        procedureId: procedure.id,
        phaseId: phase(phaseKey),
      })
      .returning();
    await db
      .insert(matchHistory)
      .values({ matchId: made!.id, organisationId: agencyId, seq: 0, toPhaseId: phase(phaseKey) });
    match.set(`${first}@${on}`, made!.id);
    return made!.id;
  }

  /** What is stored about reserve lists, closures and matches, to show a refusal changed nothing. */
  async function stored() {
    const count = async (
      table: typeof reserveLists | typeof reserveListLaureates | typeof reserveListCallUps,
    ) => (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
    return {
      lists: await db.select().from(reserveLists),
      laureates: await db.select().from(reserveListLaureates),
      callUps: await count(reserveListCallUps),
      closures: await db.select().from(procedureClosures),
      matches: (await db.select({ n: sql<number>`count(*)::int` }).from(matches))[0]!.n,
      phases: await db
        .select({ id: matches.id, phaseId: matches.phaseId })
        .from(matches)
        .where(sql`${matches.vacancyId} in (select id from vacancies where organisation_id = ${agencyId})`),
      statuses: await db
        .select({ id: vacancies.id, status: vacancies.status })
        .from(vacancies)
        .where(eq(vacancies.organisationId, agencyId)),
    };
  }

  async function listOf(name: string): Promise<ReserveList> {
    const res = await selection.call(`/api/v1/vacancies/${vacancy.get(name)}/reserve-list`);
    expect(res.status, res.text).toBe(200);
    return res.json<VacancyReserveListResponse>().reserveList!;
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
    other = new Client(server);
    await signIn(selection, "selectie@demo.werkbrug.test");
    await signIn(other, "zorg@demo.werkbrug.test");
    const res = await selection.call(`/api/v1/procedures?organisationId=${agencyId}`);
    expect(res.status, res.text).toBe(200);
    procedure = res.json<{ procedures: Procedure[] }>().procedures.find((p) => p.kind === "selection")!;
    await createVacancy("Adviseur subsidies");
    await createVacancy("Jurist handhaving");
    await createVacancy("Dossierbeheerder");
    await createVacancy("Projectleider digitalisering");
    await createVacancy("Medewerker onthaal", false);
    await applicant("An", "nl", "Adviseur subsidies", "passed");
    await applicant("Ben", "en", "Adviseur subsidies", "passed");
    await applicant("Chloe", "nl", "Adviseur subsidies", "in_progress");
    await applicant("Dirk", "en", "Adviseur subsidies", "failed");
    await applicant("Fien", "nl", "Projectleider digitalisering", "invited");
    await applicant("Gert", "en", "Projectleider digitalisering", "submitted");
    await applicant("Hanne", "nl", "Dossierbeheerder", "submitted");
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it("refuses a reserve list that ends before it starts, then makes one with its validity", async () => {
    const id = vacancy.get("Adviseur subsidies")!;
    const none = await selection.call(`/api/v1/vacancies/${id}/reserve-list`);
    expect(none.json<VacancyReserveListResponse>()).toEqual({ reserveList: null, mayCreate: true });
    const before = await stored();
    const backwards = await selection.call(`/api/v1/vacancies/${id}/reserve-list`, {
      body: { startsOn: day(10), endsOn: day(9) },
    });
    expect(backwards.status).toBe(400);
    expect(errorOf(backwards).fields).toEqual([
      { path: "endsOn", message: "De einddatum moet op of na de begindatum liggen." },
    ]);
    const english = await selection.call(`/api/v1/vacancies/${id}/reserve-list`, {
      body: { startsOn: day(10), endsOn: day(9) },
      headers: { "accept-language": "en" },
    });
    expect(errorOf(english).fields?.[0]?.message).toBe("The end date must be on or after the start date.");
    expect(await stored()).toEqual(before);

    const made = await selection.call(`/api/v1/vacancies/${id}/reserve-list`, {
      body: { startsOn: day(-1), endsOn: day(365) },
    });
    expect(made.status, made.text).toBe(201);
    expect(made.json<ReserveListResponse>().reserveList).toMatchObject({
      vacancy: { id, title: "Adviseur subsidies" },
      startsOn: day(-1),
      endsOn: day(365),
      state: "valid",
      laureates: [],
      permissions: { manage: true, addLaureates: true, callUp: true },
    });
    const again = await selection.call(`/api/v1/vacancies/${id}/reserve-list`, {
      body: { startsOn: day(0), endsOn: day(30) },
    });
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe("reserve_list_exists");
  });

  it("puts applicants on the list in ranking order (to the reserve phase) and tells them; refuses others", async () => {
    const list = await listOf("Adviseur subsidies");
    const before = await stored();
    // Hanne applied to another vacancy: she is no applicant here, so nobody is added.
    const wrong = await selection.call(`/api/v1/reserve-lists/${list.id}/laureates`, {
      body: { matchIds: [match.get("An@Adviseur subsidies"), match.get("Hanne@Dossierbeheerder")] },
    });
    expect(wrong.status).toBe(422);
    expect(errorOf(wrong)).toMatchObject({
      code: "reserve_list_not_applicant",
      fields: [
        { path: "matchIds.1", message: expect.stringContaining("Geen sollicitant van deze vacature") },
      ],
    });
    // Dirk did not pass: the matches module refuses to move him, and nobody is added.
    const failed = await selection.call(`/api/v1/reserve-lists/${list.id}/laureates`, {
      body: { matchIds: [match.get("An@Adviseur subsidies"), match.get("Dirk@Adviseur subsidies")] },
    });
    expect(failed.status).toBe(409);
    expect(errorOf(failed).fields).toEqual([{ path: "matchIds.1", message: "Dirk Laureaat" }]);
    expect(await stored()).toEqual(before);

    const added = await selection.call(`/api/v1/reserve-lists/${list.id}/laureates`, {
      body: { matchIds: [match.get("An@Adviseur subsidies"), match.get("Ben@Adviseur subsidies")] },
    });
    expect(added.status, added.text).toBe(200);
    const laureates = added.json<ReserveListResponse>().reserveList.laureates;
    expect(laureates.map((l) => [l.position, l.name, l.phase])).toEqual([
      [1, "An Laureaat", "Werfreserve"],
      [2, "Ben Laureaat", "Werfreserve"],
    ]);
    const [an] = await db
      .select()
      .from(matches)
      .where(eq(matches.id, match.get("An@Adviseur subsidies")!));
    expect(an!.phaseId).toBe(phase("reserve"));

    const reordered = await selection.call(`/api/v1/reserve-lists/${list.id}/laureates/order`, {
      method: "PUT",
      body: { laureateIds: [laureates[1]!.id, laureates[0]!.id] },
    });
    expect(reordered.status, reordered.text).toBe(200);
    expect(reordered.json<ReserveListResponse>().reserveList.laureates.map((l) => l.name)).toEqual([
      "Ben Laureaat",
      "An Laureaat",
    ]);
    const partial = await selection.call(`/api/v1/reserve-lists/${list.id}/laureates/order`, {
      method: "PUT",
      body: { laureateIds: [laureates[0]!.id] },
    });
    expect(partial.status).toBe(422);

    await server.app.events.drain();
    const anMail = mailsTo("An", /werfreserve/);
    const benMail = mailsTo("Ben", /reserve list/);
    expect([anMail.length, benMail.length]).toEqual([1, 1]);
    expect(anMail[0]!.subject).toBe("Je bent opgenomen in de werfreserve: Adviseur subsidies");
    expect(anMail[0]!.text).toContain("Hallo An Laureaat,");
    expect(anMail[0]!.text).toMatch(/geldig van \d{1,2} \w+ \d{4} tot en met \d{1,2} \w+ \d{4}/);
    expect(benMail[0]!.subject).toBe("You are on the reserve list: Adviseur subsidies");
  });

  it("calls a laureate up for another vacancy: a match with source reserve_list in progress, recorded and mailed", async () => {
    const list = await listOf("Adviseur subsidies");
    const an = list.laureates.find((l) => l.name === "An Laureaat")!;
    const targets = await selection.call(`/api/v1/reserve-lists/${list.id}/target-vacancies`);
    expect(targets.status).toBe(200);
    const titles = targets.json<CallUpTargetsResponse>().vacancies.map((v) => v.title);
    expect(titles).toEqual(expect.arrayContaining(["Jurist handhaving", "Dossierbeheerder"]));
    expect(titles).not.toContain("Adviseur subsidies");

    const target = vacancy.get("Jurist handhaving")!;
    const res = await selection.call(`/api/v1/reserve-lists/${list.id}/laureates/${an.id}/call-ups`, {
      body: { vacancyId: target },
    });
    expect(res.status, res.text).toBe(201);
    const { callUp, reserveList } = res.json<CallUpResponse>();
    expect(callUp).toMatchObject({ kind: "call_up", vacancy: { id: target, title: "Jurist handhaving" } });
    expect(reserveList.laureates.find((l) => l.id === an.id)!.callUps).toEqual([callUp]);

    // On the new vacancy's applicants, with source reserve_list, in progress.
    const applicants = await selection.call(`/api/v1/vacancies/${target}/applicants?source=reserve_list`);
    expect(applicants.status, applicants.text).toBe(200);
    const items = applicants.json<ApplicantListResponse>().items;
    expect(items.map((i) => [i.firstName, i.source, i.phase.id])).toEqual([
      ["An", "reserve_list", phase("in_progress")],
    ]);
    expect(items[0]!.id).toBe(callUp.matchId);

    await server.app.events.drain();
    const mail = mailsTo("An", /opgeroepen/);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe("Je wordt opgeroepen uit de werfreserve: Jurist handhaving");
    expect(mail[0]!.text).toContain("werfreserve van Adviseur subsidies");

    // Twice on one vacancy is refused; nothing changes.
    const before = await stored();
    const twice = await selection.call(`/api/v1/reserve-lists/${list.id}/laureates/${an.id}/call-ups`, {
      body: { vacancyId: target },
    });
    expect(twice.status).toBe(409);
    expect(errorOf(twice).code).toBe("candidate_already_on_vacancy");
    // Not to the list's own vacancy.
    const own = await selection.call(`/api/v1/reserve-lists/${list.id}/laureates/${an.id}/call-ups`, {
      body: { vacancyId: vacancy.get("Adviseur subsidies") },
    });
    expect(own.status).toBe(422);
    expect(await stored()).toEqual(before);

    // Added by hand: the match and the record, without a mail.
    const ben = list.laureates.find((l) => l.name === "Ben Laureaat")!;
    const byHand = await selection.call(`/api/v1/reserve-lists/${list.id}/laureates/${ben.id}/call-ups`, {
      body: { vacancyId: vacancy.get("Dossierbeheerder"), kind: "added" },
    });
    expect(byHand.status, byHand.text).toBe(201);
    await server.app.events.drain();
    expect(mailsTo("Ben", /called up/)).toHaveLength(0);
    const [benMatch] = await db
      .select()
      .from(matches)
      .where(and(eq(matches.id, byHand.json<CallUpResponse>().callUp.matchId!)));
    expect(benMatch).toMatchObject({ source: "reserve_list", phaseId: phase("in_progress") });
  });

  it("refuses calling up from an expired list or before its start, and nothing changes", async () => {
    const list = await listOf("Adviseur subsidies");
    const an = list.laureates.find((l) => l.name === "An Laureaat")!;
    for (const [startsOn, endsOn, state] of [
      [day(-60), day(-1), "expired"],
      [day(1), day(60), "upcoming"],
    ] as const) {
      const set = await selection.call(`/api/v1/reserve-lists/${list.id}/validity`, {
        method: "PUT",
        body: { startsOn, endsOn },
      });
      expect(set.status, set.text).toBe(200);
      expect(set.json<ReserveListResponse>().reserveList).toMatchObject({
        state,
        permissions: { callUp: false },
      });
      const before = await stored();
      const res = await selection.call(`/api/v1/reserve-lists/${list.id}/laureates/${an.id}/call-ups`, {
        body: { vacancyId: vacancy.get("Dossierbeheerder") },
      });
      expect(res.status).toBe(409);
      expect(errorOf(res)).toMatchObject({
        code: "reserve_list_not_valid",
        message: expect.stringContaining("niet geldig"),
      });
      expect(await stored()).toEqual(before);
    }
    const overview = await selection.call("/api/v1/reserve-lists");
    expect(overview.status).toBe(200);
    expect(overview.json<ReserveListOverviewResponse>().items, overview.text).toContainEqual(
      expect.objectContaining({
        id: list.id,
        state: "upcoming",
        laureates: 2,
        callUps: 2,
        vacancy: expect.objectContaining({ title: "Adviseur subsidies" }),
      }),
    );
  });

  it("warns the vacancy's owner once, 30 days before the list ends", async () => {
    const list = await listOf("Adviseur subsidies");
    const set = await selection.call(`/api/v1/reserve-lists/${list.id}/validity`, {
      method: "PUT",
      body: { startsOn: day(-30), endsOn: day(20) },
    });
    expect(set.status).toBe(200);
    const store = createStore(db, server.app.events);
    const first = await runReserveListExpiry({ store });
    expect(first.warned).toEqual([list.id]);
    expect((await runReserveListExpiry({ store })).warned).toEqual([]);
    await server.app.events.drain();
    const mails = smtp
      .to("selectie@demo.werkbrug.test")
      .filter((m) => /Werfreserve loopt af/.test(m.subject ?? ""));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain("Adviseur subsidies");
    // Back to valid for what follows.
    await selection.call(`/api/v1/reserve-lists/${list.id}/validity`, {
      method: "PUT",
      body: { startsOn: day(-1), endsOn: day(365) },
    });
  });

  it("shows another organisation nothing (404)", async () => {
    const list = await listOf("Adviseur subsidies");
    const id = vacancy.get("Adviseur subsidies")!;
    const before = await stored();
    const laureate = list.laureates[0]!.id;
    for (const [path, body] of [
      [`/api/v1/reserve-lists/${list.id}`, undefined],
      [`/api/v1/vacancies/${id}/reserve-list`, undefined],
      [`/api/v1/vacancies/${id}/closure`, undefined],
      [`/api/v1/reserve-lists/${list.id}/target-vacancies`, undefined],
      [
        `/api/v1/reserve-lists/${list.id}/laureates/${laureate}/call-ups`,
        { vacancyId: vacancy.get("Dossierbeheerder") },
      ],
      [`/api/v1/vacancies/${id}/closure`, { kind: "completed" }],
      [`/api/v1/reserve-lists/${list.id}/laureates`, { matchIds: [match.get("Chloe@Adviseur subsidies")] }],
    ] as const) {
      const res = await other.call(path, body ? { body } : {});
      expect(res.status, path).toBe(404);
    }
    const overview = await other.call("/api/v1/reserve-lists");
    expect(overview.json<ReserveListOverviewResponse>().items.map((i) => i.id)).not.toContain(list.id);
    expect(await stored()).toEqual(before);
  });

  it("keeps a selection going after its vacancy closed on the closing date for applying", async () => {
    const id = vacancy.get("Adviseur subsidies")!;
    // What the publication job does on the closing date: the vacancy closes, the procedure does not.
    await db.update(vacancies).set({ status: "closed" }).where(eq(vacancies.id, id));
    try {
      const list = await selection.call(`/api/v1/vacancies/${id}/applicants`);
      expect(list.status, list.text).toBe(200);
      const permissions = list.json<ApplicantListResponse>().permissions;
      expect(permissions.mail).toBe(true);
      expect(permissions.moveTo.length).toBeGreaterThan(0);
      const open = await selection.call(`/api/v1/vacancies/${id}/closure`);
      expect(open.json<ClosureResponse>()).toMatchObject({ closure: null, mayClose: true });
    } finally {
      await db.update(vacancies).set({ status: "published" }).where(eq(vacancies.id, id));
    }
  });

  it("completes a procedure: open applicants not on the list are told they were not retained; then read only", async () => {
    const id = vacancy.get("Adviseur subsidies")!;
    const open = await selection.call(`/api/v1/vacancies/${id}/closure`);
    expect(open.json<ClosureResponse>()).toEqual({ closure: null, mayClose: true, openApplicants: 3 });
    const closed = await selection.call(`/api/v1/vacancies/${id}/closure`, { body: { kind: "completed" } });
    expect(closed.status, closed.text).toBe(201);
    expect(closed.json<ClosureResponse>()).toMatchObject({
      closure: { kind: "completed", reason: null, by: { id: "demo-selectie" }, mailed: 1 },
      mayClose: false,
    });
    const [row] = await db.select().from(vacancies).where(eq(vacancies.id, id));
    expect(row!.status).toBe("closed");

    await server.app.events.drain();
    // Chloé was still in progress: not retained. An and Ben are on the reserve list; Dirk had failed.
    expect(mailsTo("Chloe", /niet weerhouden/)).toHaveLength(1);
    expect(mailsTo("Chloe", /niet weerhouden/)[0]!.text).toContain("niet opgenomen in de werfreserve");
    expect(mailsTo("An", /niet weerhouden/)).toHaveLength(0);
    expect(mailsTo("Ben", /not retained/)).toHaveLength(0);
    expect(smtp.to(email("Dirk"))).toHaveLength(0);

    // Closing twice is refused; so is every change to its applicants.
    const before = await stored();
    const events = (await db.select({ n: sql<number>`count(*)::int` }).from(domainEvents))[0]!.n;
    const twice = await selection.call(`/api/v1/vacancies/${id}/closure`, {
      body: { kind: "cancelled", reason: "Toch niet" },
    });
    expect(twice.status).toBe(409);
    expect(errorOf(twice).code).toBe("procedure_already_closed");
    const chloe = match.get("Chloe@Adviseur subsidies")!;
    for (const [path, body] of [
      [`/api/v1/vacancies/${id}/applicants/moves`, { matchIds: [chloe], phaseId: phase("passed") }],
      // The match's own page moves through the matches module: the selection step hook refuses.
      [`/api/v1/matches/${chloe}/moves`, { phaseId: phase("passed") }],
      [
        `/api/v1/vacancies/${id}/applicants/mailings`,
        { matchIds: [chloe], message: { subject: "Hoi", body: "Hallo" } },
      ],
      [`/api/v1/vacancies/${id}/applicants/${chloe}/notes`, { text: "Nog bellen" }],
      [`/api/v1/vacancies/${id}/applicants/${chloe}/corrections`, { field: "first_name", value: "Chloé" }],
      [
        `/api/v1/vacancies/${id}/applicants/mailings/preview`,
        { matchIds: [chloe], message: { subject: "Hoi", body: "Hallo" } },
      ],
    ] as const) {
      const res = await selection.call(path, { body });
      expect(res.status, path).toBe(409);
      expect(errorOf(res)).toMatchObject({
        code: "procedure_closed",
        message: expect.stringContaining("afgesloten"),
      });
    }
    const addAfter = await selection.call(
      `/api/v1/reserve-lists/${(await listOf("Adviseur subsidies")).id}/laureates`,
      {
        body: { matchIds: [chloe] },
      },
    );
    expect(addAfter.status).toBe(409);
    expect(await stored()).toEqual(before);
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(domainEvents))[0]!.n).toBe(events);
    const list = await selection.call(`/api/v1/vacancies/${id}/applicants`);
    expect(list.json<ApplicantListResponse>().permissions).toMatchObject({
      moveTo: [],
      mail: false,
      correct: false,
      note: false,
    });

    // The reserve list stays usable: Ben is called up for another vacancy after closing.
    const reserve = await listOf("Adviseur subsidies");
    expect(reserve.permissions).toMatchObject({ callUp: true, addLaureates: false });
    const ben = reserve.laureates.find((l) => l.name === "Ben Laureaat")!;
    const called = await selection.call(`/api/v1/reserve-lists/${reserve.id}/laureates/${ben.id}/call-ups`, {
      body: { vacancyId: vacancy.get("Jurist handhaving") },
    });
    expect(called.status, called.text).toBe(201);
    await server.app.events.drain();
    expect(mailsTo("Ben", /called up/)).toHaveLength(1);
  });

  it("cancels a procedure only with a reason, and tells every open applicant why", async () => {
    const id = vacancy.get("Projectleider digitalisering")!;
    const before = await stored();
    const bare = await selection.call(`/api/v1/vacancies/${id}/closure`, { body: { kind: "cancelled" } });
    expect(bare.status).toBe(400);
    expect(errorOf(bare).fields).toEqual([{ path: "reason", message: "Geef de reden van de annulering." }]);
    const blank = await selection.call(`/api/v1/vacancies/${id}/closure`, {
      body: { kind: "cancelled", reason: "   " },
    });
    expect(blank.status).toBe(400);
    expect(await stored()).toEqual(before);

    const reason = "De functie wordt door een interne herschikking ingevuld.";
    const res = await selection.call(`/api/v1/vacancies/${id}/closure`, {
      body: { kind: "cancelled", reason },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.json<ClosureResponse>().closure).toMatchObject({ kind: "cancelled", reason, mailed: 2 });
    await server.app.events.drain();
    const fien = mailsTo("Fien", /geannuleerd/);
    const gert = mailsTo("Gert", /cancelled/);
    expect([fien.length, gert.length]).toEqual([1, 1]);
    expect(fien[0]!.subject).toBe("Selectieprocedure geannuleerd: Projectleider digitalisering");
    expect(fien[0]!.text).toContain(reason);
    expect(gert[0]!.subject).toBe("Selection procedure cancelled: Projectleider digitalisering");
    expect(gert[0]!.text).toContain("The reason:");
    const [row] = await db.select().from(vacancies).where(eq(vacancies.id, id));
    expect(row!.status).toBe("closed");
    // The phases are where they were: the final mail is all that happens to them.
    const [phaseRow] = await db
      .select({ key: procedurePhases.key })
      .from(matches)
      .innerJoin(procedurePhases, eq(procedurePhases.id, matches.phaseId))
      .where(eq(matches.id, match.get("Fien@Projectleider digitalisering")!));
    expect(phaseRow!.key).toBe("invited");
  });

  it("closes only a selection procedure this way", async () => {
    const id = vacancy.get("Medewerker onthaal")!;
    const state = await selection.call(`/api/v1/vacancies/${id}/closure`);
    expect(state.json<ClosureResponse>()).toMatchObject({ closure: null, mayClose: false });
    const before = await stored();
    const res = await selection.call(`/api/v1/vacancies/${id}/closure`, { body: { kind: "completed" } });
    expect(res.status).toBe(409);
    expect(errorOf(res).code).toBe("procedure_not_selection");
    expect(await stored()).toEqual(before);
  });
});
