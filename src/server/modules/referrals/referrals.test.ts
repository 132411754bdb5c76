import { and, eq, isNull, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDemoLikeAccount } from "../../../../test/support/accounts";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import type { ErrorResponse } from "../../../contracts/common";
import type {
  ReferralDetail,
  ReferralListResponse,
  ReferralSettings,
  ReferralStatsResponse,
  StaffMilestone,
} from "../../../contracts/referrals";
import type { CreateVacancyRequest, Vacancy } from "../../../contracts/vacancies";
import type { Db } from "../../platform/db";
import { candidates } from "../candidates/candidates.schema";
import { matches, matchHistory, notifications, procedurePhases } from "../matches/matches.schema";
import { organisationSites, organisations, portals, siteStaff } from "../tenancy/tenancy.schema";
import { todayIn } from "../vacancies";
import { vacancies } from "../vacancies/vacancies.schema";
import { referralPoints, referrals } from "./referrals.schema";

const DAY = 86_400_000;
const day = (offset: number) => todayIn(new Date(Date.now() + offset * DAY));
const REFERRER = "verwijzer@demo.werkbrug.test";
const REFERRER_ID = "demo-verwijzer";

describe.each(testDbKinds())("referrals, the organisation's side, on %s", (kind) => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  let db: Db;
  let recruiter: Client; // zorg@: Zorgcentrum De Duinen, manages its vacancies
  let manager: Client; // accountmanager@: Den Haag, keeps De Duinen as a client
  let westland: Client; // werkgever@: another employer
  let referrer: Client; // verwijzer@: De Duinen's employee who refers
  let duinenId: string;
  let portalId: string;
  let vacancyId: string;
  let otherVacancyId: string;
  let settings: ReferralSettings;

  const host = (slug: string) => `${slug}.localhost:${server.port}`;
  const errorOf = (res: { json<T>(): T }) => res.json<ErrorResponse>().error.code;
  const milestone = (detail: ReferralDetail, key: string): StaffMilestone =>
    detail.milestones.find((m) => m.key === key)!;

  async function vacancy(title: string): Promise<string> {
    const body: CreateVacancyRequest = {
      organisationId: duinenId,
      displayTitle: title,
      functionTitle: title,
      description: "Je zorgt met aandacht voor de bewoners van ons zorgcentrum.",
      occupationId: "5321.1",
      educationLevel: "mbo-3",
      kind: "vacancy",
      hoursMin: 24,
      hoursMax: 32,
      positions: 2,
      workAddress: null,
      serviceModel: "together",
      contactVia: "employer",
      publication: { portalFrom: day(0), closesOn: day(30) },
    };
    const created = await recruiter.call("/api/v1/vacancies", { body });
    expect(created.status, created.text).toBe(201);
    const id = created.json<{ vacancy: Vacancy }>().vacancy.id;
    const published = await recruiter.call(`/api/v1/vacancies/${id}/transitions`, {
      body: { action: "publish", comment: null },
    });
    expect(published.status, published.text).toBe(200);
    const chosen = await recruiter.call(`/api/v1/vacancies/${id}/procedure`, {
      method: "PUT",
      body: { procedureId: settings.procedureId },
    });
    expect(chosen.status, chosen.text).toBe(200);
    return id;
  }

  /**
   * A referred person as the referrer's side leaves one: a hidden candidate row, the match in the
   * "referred" phase with its first step, and the referral (the referrer's routes are tested in
   * referrer.test.ts).
   */
  async function referred(
    first: string,
    last: string,
    options: { vacancyId?: string; eoiDaysAgo?: number | null; lat?: number; lon?: number } = {},
  ): Promise<string> {
    const target = options.vacancyId ?? vacancyId;
    const [entry] = await db
      .select()
      .from(procedurePhases)
      .where(and(eq(procedurePhases.procedureId, settings.procedureId), eq(procedurePhases.key, "referred")));
    const [person] = await db
      .insert(candidates)
      .values({
        portalId,
        firstName: first,
        lastName: last,
        email: `${first}.${last}@vrienden.test`.toLowerCase(),
        phone: "06 1234 5678",
        postcode: "2586 AB",
        city: "Den Haag",
        lat: options.lat ?? 52.1,
        lon: options.lon ?? 4.28,
        visible: false,
      })
      .returning();
    const [match] = await db
      .insert(matches)
      .values({
        portalId,
        organisationId: duinenId,
        vacancyId: target,
        candidateId: person!.id,
        source: "referred",
        procedureId: settings.procedureId,
        phaseId: entry!.id,
        createdByUserId: REFERRER_ID,
      })
      .returning();
    await db.insert(matchHistory).values({
      matchId: match!.id,
      organisationId: duinenId,
      seq: 0,
      toPhaseId: entry!.id,
      actorUserId: REFERRER_ID,
    });
    const eoi = options.eoiDaysAgo === null ? null : new Date(Date.now() - (options.eoiDaysAgo ?? 1) * DAY);
    const [row] = await db
      .insert(referrals)
      .values({
        organisationId: duinenId,
        portalId,
        vacancyId: target,
        matchId: match!.id,
        candidateId: person!.id,
        referrerUserId: REFERRER_ID,
        channel: "direct",
        email: person!.email!,
        reason: "Werkt nu in de thuiszorg en zoekt vaste uren.",
        consentAt: new Date(),
        eoiAt: eoi,
      })
      .returning();
    return row!.id;
  }

  async function detail(id: string, client = recruiter): Promise<ReferralDetail> {
    const res = await client.call(`/api/v1/referrals/${id}`);
    expect(res.status, res.text).toBe(200);
    return res.json<{ referral: ReferralDetail }>().referral;
  }

  async function outcome(id: string, key: string, option: string, comment?: string) {
    const d = await detail(id);
    return recruiter.call(`/api/v1/referrals/${id}/milestones/${milestone(d, key).phaseId}/outcome`, {
      body: { option, ...(comment ? { comment } : {}) },
    });
  }

  async function undo(id: string, key: string) {
    const d = await detail(id);
    return recruiter.call(`/api/v1/referrals/${id}/milestones/${milestone(d, key).phaseId}/undo`, {
      method: "POST",
    });
  }

  async function ledger(referralId: string) {
    const rows = await db.select().from(referralPoints).where(eq(referralPoints.referralId, referralId));
    return { rows, sum: rows.reduce((total, r) => total + r.points, 0) };
  }

  async function list(query = ""): Promise<ReferralListResponse> {
    const res = await recruiter.call(`/api/v1/referrals${query}`);
    expect(res.status, res.text).toBe(200);
    return res.json<ReferralListResponse>();
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startTestServer({ kind, web: false, env: { SMTP_URL: smtp.url } });
    db = server.database.db;
    const orgByName = async (name: string) =>
      (await db.select().from(organisations).where(eq(organisations.name, name)))[0]!.id;
    duinenId = await orgByName("Zorgcentrum De Duinen");
    portalId = (await db.select().from(portals).where(eq(portals.slug, "haaglanden")))[0]!.id;
    recruiter = new Client(server, host("haaglanden"));
    manager = new Client(server, host("haaglanden"));
    westland = new Client(server, host("haaglanden"));
    referrer = new Client(server, host("haaglanden"));
    await signIn(recruiter, "zorg@demo.werkbrug.test");
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    await signIn(westland, "werkgever@demo.werkbrug.test");
    await signIn(referrer, REFERRER);
    const res = await recruiter.call("/api/v1/referrals/settings");
    expect(res.status, res.text).toBe(200);
    settings = res.json<{ settings: ReferralSettings }>().settings;
    vacancyId = await vacancy("Verzorgende IG");
    otherVacancyId = await vacancy("Helpende in de wijk");
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it("ships the referral portal's milestones, each with green, orange and red outcomes and the default points", () => {
    expect(settings.milestones.map((m) => m.label.nl)).toEqual([
      "Contact gemaakt?",
      "Gesprek gepland",
      "Interview voltooid",
      "Aanbod gedaan",
      "Begonnen werk",
      "Is de kandidaat nog aan het werk na 3 maanden?",
    ]);
    for (const m of settings.milestones)
      expect(m.options.map((o) => o.colour).sort()).toEqual(["green", "orange", "red"]);
    expect(Object.fromEntries(settings.milestones.map((m) => [m.key, m.points]))).toMatchObject({
      contact_made: 0,
      interview_done: 25,
      started: 50,
      still_working: 100,
    });
  });

  it("green opens the next milestone and tells the referrer in plain words; orange keeps it open", async () => {
    const id = await referred("Sanne", "Groen");
    let d = await detail(id);
    expect(d.milestones.filter((m) => m.open).map((m) => m.key)).toEqual(["contact_made"]);
    expect(d.contact).toMatchObject({ phone: "06 1234 5678", postcode: "2586 AB" });
    expect(d.mayUpdate).toBe(true);

    const green = await outcome(id, "contact_made", "reached", "Heel enthousiast, wil snel beginnen");
    expect(green.status, green.text).toBe(200);
    d = green.json<{ referral: ReferralDetail }>().referral;
    expect(milestone(d, "contact_made").outcome).toMatchObject({
      colour: "green",
      option: { key: "reached" },
      comment: "Heel enthousiast, wil snel beginnen",
      by: { name: "Marieke de Wit" },
    });
    expect(milestone(d, "contact_made").undoable).toBe(true);
    expect(d.milestones.filter((m) => m.open).map((m) => m.key)).toEqual(["interview_planned"]);
    expect(d.phase?.key).toBe("contact_made");
    expect(d.status).toBe("green");

    const orange = await outcome(id, "interview_planned", "no_date_yet");
    expect(orange.status, orange.text).toBe(200);
    d = orange.json<{ referral: ReferralDetail }>().referral;
    expect(d.milestones.filter((m) => m.open).map((m) => m.key)).toEqual(["interview_planned"]);
    expect(d.status).toBe("orange");
    expect(d.archived).toBe(false);

    await server.app.events.drain();
    const mails = smtp.to(REFERRER).filter((m) => m.text.includes("Sanne Groen"));
    expect(mails.map((m) => m.subject)).toEqual(["Goed nieuws over Sanne Groen", "Nieuws over Sanne Groen"]);
    expect(mails[0]!.text).toContain('"Contact gemaakt?" is gelukt');
    // The recruiter's comment is for the organisation only.
    for (const mail of mails) expect(mail.text).not.toContain("enthousiast");
    const notices = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, REFERRER_ID), eq(notifications.kind, "referral_progress")));
    const mine = notices.filter((n) => n.data.referralId === id);
    expect(mine.map((n) => n.data.progress).sort()).toEqual(["green", "orange"]);
    expect(JSON.stringify(mine)).not.toContain("enthousiast");
  });

  it("refuses skipping a milestone, an outcome the milestone does not offer, and undo of an untouched milestone", async () => {
    const id = await referred("Bram", "Overslag");
    const before = await detail(id);
    const skip = await outcome(id, "interview_done", "positive");
    expect(skip.status).toBe(409);
    expect(errorOf(skip)).toBe("milestone_not_open");
    const bogus = await outcome(id, "contact_made", "hired_on_the_spot");
    expect(bogus.status).toBe(400);
    expect(errorOf(bogus)).toBe("outcome_not_allowed");
    const nothing = await undo(id, "contact_made");
    expect(nothing.status).toBe(409);
    expect(errorOf(nothing)).toBe("nothing_to_undo");
    await outcome(id, "contact_made", "reached");
    const again = await outcome(id, "contact_made", "reached");
    expect(again.status).toBe(409);
    expect(errorOf(again)).toBe("already_in_phase");
    const notLast = await undo(id, "interview_done");
    expect(notLast.status).toBe(409);
    expect(errorOf(notLast)).toBe("milestone_not_last");
    const strange = await recruiter.call(
      `/api/v1/referrals/${id}/milestones/${settings.procedureId}/outcome`,
      {
        body: { option: "reached" },
      },
    );
    expect(strange.status).toBe(400);
    expect(errorOf(strange)).toBe("milestone_unknown");
    const extra = await recruiter.call(
      `/api/v1/referrals/${id}/milestones/${milestone(before, "interview_planned").phaseId}/outcome`,
      { body: { option: "planned", colour: "green" } },
    );
    expect(extra.status).toBe(400);
    const after = await detail(id);
    expect(after.milestones.filter((m) => m.outcome).map((m) => m.key)).toEqual(["contact_made"]);
    expect((await ledger(id)).rows).toEqual([]);
  });

  it("red archives the candidate and undo brings them back; points come and go with their step", async () => {
    const id = await referred("Iris", "Rood");
    expect((await outcome(id, "contact_made", "reached")).status).toBe(200);
    expect((await outcome(id, "interview_planned", "planned")).status).toBe(200);
    expect((await outcome(id, "interview_done", "positive")).status).toBe(200);
    expect((await ledger(id)).sum).toBe(25);
    const undone = await undo(id, "interview_done");
    expect(undone.status, undone.text).toBe(200);
    expect(milestone(undone.json<{ referral: ReferralDetail }>().referral, "interview_done").open).toBe(true);
    const afterUndo = await ledger(id);
    expect(afterUndo.rows.map((r) => r.points).sort()).toEqual([-25, 25]);
    expect(afterUndo.sum).toBe(0);
    expect((await outcome(id, "interview_done", "positive")).status).toBe(200);
    expect((await ledger(id)).sum).toBe(25);

    const red = await outcome(id, "offer_made", "declined", "Salaris te laag voor haar");
    expect(red.status).toBe(200);
    const archived = red.json<{ referral: ReferralDetail }>().referral;
    expect(archived.archived).toBe(true);
    expect(archived.milestones.some((m) => m.open)).toBe(false);
    expect((await list()).items.map((i) => i.id)).not.toContain(id);
    expect((await list("?archived=true")).items.map((i) => i.id)).toContain(id);
    // An archived candidate takes no further outcome.
    const closed = await outcome(id, "started", "started");
    expect(closed.status).toBe(409);

    await server.app.events.drain();
    const stop = smtp.to(REFERRER).find((m) => m.subject === "Iris Rood gaat niet verder");
    expect(stop?.text).toContain("Bedankt voor je verwijzing");
    expect(stop?.text).not.toContain("Salaris");

    const back = await undo(id, "offer_made");
    expect(back.status).toBe(200);
    const live = back.json<{ referral: ReferralDetail }>().referral;
    expect(live.archived).toBe(false);
    expect(milestone(live, "offer_made").open).toBe(true);
    expect((await list()).items.map((i) => i.id)).toContain(id);
    expect((await ledger(id)).sum).toBe(25);
    await server.app.events.drain();
    expect(smtp.to(REFERRER).some((m) => m.subject === "De voortgang van Iris Rood is bijgewerkt")).toBe(
      true,
    );
  });

  it("keeps the points ledger equal to the awards of the green steps that stand, after any outcomes and undos", async () => {
    const keys = settings.milestones.map((m) => m.key);
    const optionOf = (key: string, colour: "green" | "orange" | "red") =>
      settings.milestones.find((m) => m.key === key)!.options.find((o) => o.colour === colour)!.key;
    const pointsOf = Object.fromEntries(settings.milestones.map((m) => [m.key, m.points]));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom("green", "orange", "red", "undo", "undo") as fc.Arbitrary<string>, {
          minLength: 1,
          maxLength: 12,
        }),
        async (actions) => {
          const id = await referred("Prop", `Test${n++}`);
          for (const action of actions) {
            const d = await detail(id);
            if (action === "undo") {
              const last = d.milestones.find((m) => m.undoable);
              if (last) expect((await undo(id, last.key)).status).toBe(200);
              continue;
            }
            const open = d.milestones.find((m) => m.open);
            // Giving the outcome that stands once more changes nothing (409, tested elsewhere).
            if (!open || open.outcome?.colour === action) continue;
            const res = await outcome(id, open.key, optionOf(open.key, action as "green"));
            expect(res.status, res.text).toBe(200);
          }
          const d = await detail(id);
          const expected = d.milestones
            .filter((m) => m.outcome?.colour === "green")
            .reduce((total, m) => total + (pointsOf[m.key] ?? 0), 0);
          const { rows, sum } = await ledger(id);
          expect(sum).toBe(expected);
          // Every reversal takes back exactly one award.
          for (const r of rows.filter((row) => row.reversesId))
            expect(rows.find((a) => a.id === r.reversesId)?.points).toBe(-r.points);
          expect(keys).toContain(d.milestones[0]!.key);
        },
      ),
      { numRuns: kind === "pglite" ? 12 : 6 },
    );
  }, 300_000);

  it("lists the live candidates with search, filters and the three sorts", async () => {
    const aId = await referred("Anna", "Zwart", { eoiDaysAgo: 10 });
    const bId = await referred("Bob", "Aalders", { eoiDaysAgo: 2, vacancyId: otherVacancyId });
    const cId = await referred("Carla", "Meijer", { eoiDaysAgo: null });
    await outcome(bId, "contact_made", "not_reached");
    const mine = [aId, bId, cId];
    const ids = (r: ReferralListResponse) => r.items.map((i) => i.id).filter((id) => mine.includes(id));

    expect(ids(await list("?sort=name&pageSize=100"))).toEqual([bId, cId, aId]);
    expect(ids(await list("?sort=eoi&pageSize=100"))).toEqual([bId, aId, cId]);
    expect(ids(await list("?sort=updated&pageSize=100"))[0]).toBe(bId);
    expect(ids(await list("?q=zwart"))).toEqual([aId]);
    expect((await list("?q=Vincent&pageSize=100")).items.length).toBeGreaterThanOrEqual(3);
    expect(ids(await list(`?vacancyId=${otherVacancyId}&pageSize=100`))).toEqual([bId]);
    expect(ids(await list("?phase=contact_made&status=orange&pageSize=100"))).toEqual([bId]);
    const none = ids(await list("?status=none&pageSize=100"));
    expect(none).toContain(aId);
    expect(none).not.toContain(bId);
    const page = await list("?pageSize=2&page=1");
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    expect(page.facets.vacancies.map((v) => v.id)).toEqual(
      expect.arrayContaining([vacancyId, otherVacancyId]),
    );
    expect(page.facets.phases[0]?.label.nl).toBe("Contact gemaakt?");
    const item = (await list("?q=aalders")).items[0]!;
    expect(item).toMatchObject({
      candidateName: "Bob Aalders",
      referrer: { id: REFERRER_ID, name: "Vincent Verhoeven" },
      vacancy: { id: otherVacancyId, title: "Helpende in de wijk" },
      phase: { key: "contact_made" },
      status: "orange",
      archived: false,
    });
    const bad = await recruiter.call("/api/v1/referrals?sort=salary");
    expect(bad.status).toBe(400);
  });

  it("shows the distance from home to the work", async () => {
    await db.execute(sql`update vacancies set lat = 52.08, lon = 4.27 where id = ${vacancyId}`);
    const id = await referred("Dirk", "Afstand", { lat: 52.17, lon: 4.27 });
    const d = await detail(id);
    expect(d.contact.distanceKm).toBeCloseTo(10, 0);
  });

  it("keeps referrals within the organisation: the referrer, another employer and unknown ids get nothing", async () => {
    const id = await referred("Eva", "Privé");
    expect((await referrer.call("/api/v1/referrals")).status).toBe(403);
    expect((await referrer.call(`/api/v1/referrals/${id}`)).status).toBe(403);
    const other = await westland.call(`/api/v1/referrals/${id}`);
    expect(other.status).toBe(404);
    expect((await westland.call("/api/v1/referrals")).json<ReferralListResponse>().items).toEqual([]);
    const steer = await westland.call(
      `/api/v1/referrals/${id}/milestones/${settings.milestones[0]!.phaseId}/outcome`,
      { body: { option: "reached" } },
    );
    expect(steer.status).toBe(404);
    expect((await westland.call("/api/v1/referrals/settings")).status).not.toBe(200);
    // "Verwijzingen" is in the menu only of those it leads somewhere for.
    const reach = async (client: Client) =>
      (await client.call("/api/v1/referrals/reach")).json<{ works: boolean }>().works;
    expect(await reach(recruiter)).toBe(true);
    expect(await reach(manager)).toBe(true);
    expect(await reach(westland)).toBe(false);
    expect(await reach(referrer)).toBe(false);
    // The account manager who keeps De Duinen works with its referrals too.
    expect((await detail(id, manager)).candidateName).toBe("Eva Privé");
    const [step] = await db
      .select()
      .from(matchHistory)
      .innerJoin(referrals, eq(referrals.matchId, matchHistory.matchId))
      .where(and(eq(referrals.id, id), isNull(matchHistory.undoneAt)));
    expect(step?.match_history.seq).toBe(0);
  });

  it("shows staff limited to a site only that site's referred candidates", async () => {
    // Sites of their own: the demo's (De Duinen Kijkduin, ...) hold the seeded vacancies.
    const [kijkduin, scheveningen] = await db
      .insert(organisationSites)
      .values(
        ["Kijkduin", "Scheveningen"].map((name) => ({
          organisationId: duinenId,
          name: `Proef ${name}`,
          street: "Duinweg",
          houseNumber: "1",
          postcode: "2585 JV",
          city: "Den Haag",
        })),
      )
      .returning();
    await db.update(vacancies).set({ siteId: kijkduin!.id }).where(eq(vacancies.id, otherVacancyId));
    const id = await referred("Gijs", "Kijkduin", { vacancyId: otherVacancyId });
    await addDemoLikeAccount(db, {
      id: "test-site-manager",
      name: "Sofie Scheveningen",
      email: "sofie@duinen.test",
      role: "employer_contact",
      organisationId: duinenId,
      mayManageVacancies: true,
    });
    await db
      .insert(siteStaff)
      .values({ siteId: scheveningen!.id, organisationId: duinenId, userId: "test-site-manager" });
    const sofie = new Client(server, host("haaglanden"));
    await signIn(sofie, "sofie@duinen.test");
    const hers = (await sofie.call("/api/v1/referrals?pageSize=100")).json<ReferralListResponse>();
    expect(hers.items).toEqual([]);
    expect(hers.facets.sites.map((s) => s.name)).toEqual(["Proef Scheveningen"]);
    expect((await sofie.call(`/api/v1/referrals/${id}`)).status).toBe(404);
    // Someone limited to sites does not change the organisation's milestones.
    expect((await sofie.call("/api/v1/referrals/settings")).status).toBe(403);
    const all = await list(`?siteId=${kijkduin!.id}&pageSize=100`);
    expect(all.items.map((i) => i.id)).toContain(id);
    for (const item of all.items) expect(item.site).toEqual({ id: kijkduin!.id, name: "Proef Kijkduin" });
    expect(all.items.every((i) => i.vacancy.id === otherVacancyId)).toBe(true);
    await db.update(siteStaff).set({ siteId: kijkduin!.id }).where(eq(siteStaff.userId, "test-site-manager"));
    expect((await sofie.call(`/api/v1/referrals/${id}`)).status).toBe(200);
  });

  it("tells the vacancy's owner of a new referred candidate, unless the vacancy asks not to", async () => {
    const reach = async () =>
      (await recruiter.call("/api/v1/referrals/reach")).json<{ works: boolean; unread: number }>();
    const before = (await reach()).unread;
    const referredNow = await referrer.call("/api/v1/referrer/referrals", {
      body: {
        vacancyId,
        firstName: "Hanna",
        lastName: "Vriendin",
        email: "hanna.vriendin@vrienden.test",
        phone: "06 9876 5432",
        postcode: "2583 CD",
        reason: "Heeft jaren in de zorg gewerkt.",
        consent: true,
      },
    });
    expect(referredNow.status, referredNow.text).toBe(201);
    await server.app.events.drain();
    const mail = smtp.to("zorg@demo.werkbrug.test").find((m) => m.subject?.includes("Hanna Vriendin"));
    expect(mail?.subject).toBe("Nieuwe kandidaat via verwijzing: Hanna Vriendin");
    expect(mail?.text).toContain("Vincent Verhoeven heeft Hanna Vriendin verwezen");
    expect((await reach()).unread).toBe(before + 1);
    const read = await recruiter.call("/api/v1/referrals/notices/read", { body: { kind: "new" } });
    expect(read.status, read.text).toBe(200);
    expect((await reach()).unread).toBe(0);

    const off = await recruiter.call(`/api/v1/referrals/vacancies/${vacancyId}/notify`, {
      method: "PUT",
      body: { notify: false },
    });
    expect(off.json()).toEqual({ notify: false });
    expect((await westland.call(`/api/v1/referrals/vacancies/${vacancyId}/notify`)).status).toBe(404);
    const bad = await recruiter.call(`/api/v1/referrals/vacancies/${vacancyId}/notify`, {
      method: "PUT",
      body: { notify: "nee" },
    });
    expect(bad.status).toBe(400);
    const quiet = await referrer.call("/api/v1/referrer/referrals", {
      body: {
        vacancyId,
        firstName: "Ids",
        lastName: "Stil",
        email: "ids.stil@vrienden.test",
        phone: "06 9876 5400",
        postcode: "2583 CD",
        reason: "Zoekt werk dichtbij huis.",
        consent: true,
      },
    });
    expect(quiet.status, quiet.text).toBe(201);
    await server.app.events.drain();
    expect(smtp.to("zorg@demo.werkbrug.test").some((m) => m.subject?.includes("Ids Stil"))).toBe(false);
    expect((await reach()).unread).toBe(0);
    await recruiter.call(`/api/v1/referrals/vacancies/${vacancyId}/notify`, {
      method: "PUT",
      body: { notify: true },
    });
    expect(
      (await recruiter.call(`/api/v1/referrals/vacancies/${vacancyId}/notify`)).json<{ notify: boolean }>()
        .notify,
    ).toBe(true);
  });

  it("gives results per referrer and per month", async () => {
    const res = await recruiter.call("/api/v1/referrals/stats");
    expect(res.status, res.text).toBe(200);
    const stats = res.json<ReferralStatsResponse>();
    expect(stats.perMonth).toHaveLength(12);
    expect(stats.perMonth.at(-1)!.referrals).toBeGreaterThanOrEqual(5);
    const vincent = stats.leaderboard.find((r) => r.referrer.id === REFERRER_ID);
    expect(vincent?.referrals).toBeGreaterThanOrEqual(5);
    expect(vincent?.points).toBeGreaterThanOrEqual(25);
    const bad = await recruiter.call(`/api/v1/referrals/stats?from=${day(1)}&to=${day(0)}`);
    expect(bad.status).toBe(400);
  });

  it("lets the organisation rename, add, reorder milestones and set points, but not remove one in use", async () => {
    const milestones = settings.milestones.map((m) => ({
      phaseId: m.phaseId,
      label: { nl: m.label.nl, en: m.label.en },
      options: m.options.map((o) => ({
        key: o.key,
        colour: o.colour,
        label: { nl: o.label.nl, en: o.label.en },
      })),
      points: m.points,
    }));
    const removeUsed = await recruiter.call("/api/v1/referrals/settings", {
      method: "PUT",
      body: { organisationId: duinenId, milestones: milestones.slice(1) },
    });
    expect(removeUsed.status).toBe(409);
    expect(errorOf(removeUsed)).toBe("milestone_in_use");
    const unchanged = (await recruiter.call("/api/v1/referrals/settings")).json<{
      settings: ReferralSettings;
    }>();
    expect(unchanged.settings.milestones).toHaveLength(6);

    const [first, second, ...rest] = milestones;
    const added = {
      phaseId: null,
      label: { nl: "Referenties nagetrokken", en: "References checked" },
      options: [
        { colour: "green", label: { nl: "In orde", en: "Fine" } },
        { colour: "red", label: { nl: "Niet in orde", en: "Not fine" } },
      ],
      points: 5,
    };
    const changed = await recruiter.call("/api/v1/referrals/settings", {
      method: "PUT",
      body: {
        organisationId: duinenId,
        milestones: [
          { ...first!, label: { nl: "Gebeld?", en: "Called?" }, points: 3 },
          added,
          second!,
          ...rest,
        ],
      },
    });
    expect(changed.status, changed.text).toBe(200);
    const next = changed.json<{ settings: ReferralSettings }>().settings;
    expect(next.milestones.map((m) => m.label.nl).slice(0, 3)).toEqual([
      "Gebeld?",
      "Referenties nagetrokken",
      "Gesprek gepland",
    ]);
    expect(next.milestones[0]!.points).toBe(3);
    // The new milestone can be added and removed again while no one has passed it.
    const id = await referred("Fleur", "Nieuw");
    expect((await outcome(id, "contact_made", "reached")).status).toBe(200);
    expect((await ledger(id)).sum).toBe(3);
    expect(milestone(await detail(id), next.milestones[1]!.key).open).toBe(true);
    const restored = await recruiter.call("/api/v1/referrals/settings", {
      method: "PUT",
      body: { organisationId: duinenId, milestones },
    });
    expect(restored.status, restored.text).toBe(200);
    expect(
      restored.json<{ settings: ReferralSettings }>().settings.milestones.map((m) => m.label.nl)[0],
    ).toBe("Contact gemaakt?");
    const invalid = await recruiter.call("/api/v1/referrals/settings", {
      method: "PUT",
      body: { organisationId: duinenId, milestones: [{ ...first!, options: [] }] },
    });
    expect(invalid.status).toBe(400);
  });
});
