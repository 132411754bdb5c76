import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDemoLikeAccount } from "../../../../test/support/accounts";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import type { ErrorResponse } from "../../../contracts/common";
import type {
  CreateReferralRequest,
  MyPointsResponse,
  MyReferral,
  ReferrableVacancy,
  ReferralInvitationResponse,
} from "../../../contracts/referrals";
import { domainEvents } from "../../platform/events.schema";
import { candidates } from "../candidates/candidates.schema";
import { matches, matchHistory, procedurePhases } from "../matches/matches.schema";
import { findPlaceByName } from "../taxonomy";
import { organisations, users } from "../tenancy/tenancy.schema";
import { todayIn } from "../vacancies";
import { vacancies } from "../vacancies/vacancies.schema";
import { referralPoints, referrals } from "./referrals.schema";

describe.each(testDbKinds())("the referrer's side of referrals on %s", (kind) => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  let vincent: Client; // verwijzer@: Vincent Verhoeven, Zorgcentrum De Duinen
  let colleague: Client; // another referrer of De Duinen
  let westlander: Client; // a referrer of Westland Logistiek (another organisation)
  let staff: Client; // accountmanager@: keeps De Duinen, not a referrer
  let candidate: Client; // kandidaat@: Kim, Haaglanden
  let duinenId: string;
  let westlandVacancyId: string;
  let offered: ReferrableVacancy[];

  const host = (slug: string) => `${slug}.localhost:${server.port}`;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startTestServer({ kind, web: false, env: { SMTP_URL: smtp.url } });
    const { db } = server.database;
    const orgByName = async (name: string) =>
      (await db.select().from(organisations).where(eq(organisations.name, name)))[0]!.id;
    duinenId = await orgByName("Zorgcentrum De Duinen");
    const westlandId = await orgByName("Westland Logistiek B.V.");
    const [westlandVacancy] = await db
      .select()
      .from(vacancies)
      .where(and(eq(vacancies.organisationId, westlandId), eq(vacancies.status, "published")))
      .limit(1);
    westlandVacancyId = westlandVacancy!.id;
    await addDemoLikeAccount(db, {
      id: "test-colleague",
      name: "Carla Collega",
      email: "carla@duinen.test",
      role: "referrer",
      organisationId: duinenId,
    });
    await addDemoLikeAccount(db, {
      id: "test-westlander",
      name: "Wim Westland",
      email: "wim@westland.test",
      role: "referrer",
      organisationId: westlandId,
    });
    vincent = new Client(server, host("haaglanden"));
    colleague = new Client(server, host("haaglanden"));
    westlander = new Client(server, host("haaglanden"));
    staff = new Client(server, host("haaglanden"));
    candidate = new Client(server, host("haaglanden"));
    await signIn(vincent, "verwijzer@demo.werkbrug.test");
    await signIn(colleague, "carla@duinen.test");
    await signIn(westlander, "wim@westland.test");
    await signIn(staff, "accountmanager@demo.werkbrug.test");
    await signIn(candidate, "kandidaat@demo.werkbrug.test");
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  const first = () => offered.find((v) => v.title === "Verzorgende IG")!;
  const second = () => offered.find((v) => v.title === "Medewerker huishouding")!;

  const person = (overrides: Partial<CreateReferralRequest> = {}): CreateReferralRequest => ({
    vacancyId: first().id,
    firstName: "Fatima",
    lastName: "Yilmaz",
    email: "fatima.yilmaz@example.test",
    phone: "06 11223344",
    postcode: "2584ab",
    reason: "Ze heeft jaren in de thuiszorg gewerkt en is heel betrouwbaar.",
    consent: true,
    ...overrides,
  });

  async function refer(client: Client, body: unknown) {
    return client.call("/api/v1/referrer/referrals", { body, headers: { "accept-language": "nl" } });
  }

  async function mine(client: Client): Promise<MyReferral[]> {
    const res = await client.call("/api/v1/referrer/referrals");
    expect(res.status, res.text).toBe(200);
    return res.json<{ referrals: MyReferral[] }>().referrals;
  }

  const referralCount = async () =>
    Number((await server.database.db.select({ n: count() }).from(referrals))[0]!.n);

  function tokenFromMail(address: string): string {
    const [mail] = smtp.to(address).slice(-1);
    expect(mail, `a mail to ${address}`).toBeDefined();
    const match = /\/verwijzing\/bevestigen\?token=([A-Za-z0-9_-]+)/.exec(mail!.text);
    expect(match, mail!.text).not.toBeNull();
    return match![1]!;
  }

  it("offers the referrer the open vacancies of their organisation that take referrals, each with a stable personal link", async () => {
    const res = await vincent.call("/api/v1/referrer/vacancies");
    expect(res.status, res.text).toBe(200);
    offered = res.json<{ vacancies: ReferrableVacancy[] }>().vacancies;
    // Every open vacancy of De Duinen (its default procedure is the referral one), the demo's three
    // at its site among them.
    expect(offered.map((v) => v.title)).toEqual(
      expect.arrayContaining(["Gastvrouw/gastheer restaurant", "Medewerker huishouding", "Verzorgende IG"]),
    );
    expect(offered.find((v) => v.title === "Verzorgende IG")?.site?.name).toBe("De Duinen Scheveningen");
    const { db } = server.database;
    for (const v of offered) {
      const [row] = await db.select().from(vacancies).where(eq(vacancies.id, v.id));
      expect(row).toMatchObject({ organisationId: duinenId, status: "published" });
      const url = new URL(v.shareUrl);
      expect(url.hostname).toBe("haaglanden.localhost");
      // On the public job board when published there; otherwise the vacancy's page in the app.
      const onBoard = row!.publishPublicFrom !== null && row!.publishPublicFrom <= todayIn();
      expect(url.pathname).toMatch(
        onBoard ? new RegExp(`^/vacatures/${v.id}-`) : new RegExp(`^/kansen/${v.id}$`),
      );
      expect(url.searchParams.get("ref")).toMatch(/^[A-Za-z0-9_-]{16}$/);
    }
    // The demo: Vincent referred two people to "Verzorgende IG" and one to "Medewerker huishouding".
    expect(offered.find((v) => v.title === "Verzorgende IG")?.referredByMe).toBe(2);

    // A colleague gets links of their own, made on first sight and the same ever after.
    const mineFirst = (await colleague.call("/api/v1/referrer/vacancies")).json<{
      vacancies: ReferrableVacancy[];
    }>();
    const again = (await colleague.call("/api/v1/referrer/vacancies")).json<{
      vacancies: ReferrableVacancy[];
    }>();
    expect(mineFirst.vacancies.map((v) => v.shareUrl)).toEqual(again.vacancies.map((v) => v.shareUrl));
    expect(mineFirst.vacancies.map((v) => v.shareUrl)).not.toContain(offered[0]!.shareUrl);
    expect(mineFirst.vacancies.every((v) => v.referredByMe === 0)).toBe(true);

    // Westland's vacancies follow the recruitment procedure: nothing to refer to there.
    const west = await westlander.call("/api/v1/referrer/vacancies");
    expect(west.status).toBe(200);
    expect(west.json<{ vacancies: ReferrableVacancy[] }>().vacancies).toEqual([]);
    // Staff are not referrers.
    expect((await staff.call("/api/v1/referrer/vacancies")).status).toBe(403);
  });

  it("shares the job board's page, whose apply button keeps the code on the way to the application", async () => {
    const url = new URL(first().shareUrl);
    const anon = new Client(server, host("haaglanden"));
    const page = await anon.call(`${url.pathname}${url.search}`);
    expect(page.status).toBe(200);
    const code = url.searchParams.get("ref")!;
    // The button goes through the click counter (channels), which sends on to signing in.
    expect(page.text).toContain(`href="${url.pathname}/solliciteren?ref=${code}"`);
    const click = await anon.call(`${url.pathname}/solliciteren?ref=${code}`);
    expect(click.status).toBe(303);
    expect(click.headers.location).toBe(
      `/inloggen?redirect=${encodeURIComponent(`/kansen/${first().id}?ref=${code}`)}`,
    );
    // Without a code, or with something that is no code, the button carries none.
    const plain = await anon.call(`${url.pathname}?ref=%22%3E%3Cscript%3E`);
    expect(plain.text).toContain(`href="${url.pathname}/solliciteren"`);
  });

  it("refers a person: a hidden candidate without an account, a referred match, the referral, and a mail to confirm", async () => {
    const before = await referralCount();
    const res = await refer(vincent, person());
    expect(res.status, res.text).toBe(201);
    const { referral } = res.json<{ referral: MyReferral }>();
    expect(referral).toMatchObject({
      name: "Fatima Yilmaz",
      vacancy: { id: first().id, title: first().title },
      channel: "direct",
      confirmedAt: null,
      state: "live",
      points: 0,
    });
    expect(referral.milestones.map((m) => m.label.nl)).toEqual([
      "Contact gemaakt?",
      "Gesprek gepland",
      "Interview voltooid",
      "Aanbod gedaan",
      "Begonnen werk",
      "Is de kandidaat nog aan het werk na 3 maanden?",
    ]);
    expect(referral.milestones.every((m) => m.colour === null && m.at === null)).toBe(true);
    expect(await referralCount()).toBe(before + 1);

    const { db } = server.database;
    const [row] = await db.select().from(referrals).where(eq(referrals.id, referral.id));
    expect(row).toMatchObject({ channel: "direct", referrerUserId: "demo-verwijzer", eoiAt: null });
    expect(row!.email).toBe("fatima.yilmaz@example.test");
    expect(row!.confirmTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.confirmExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000);
    const [made] = await db.select().from(candidates).where(eq(candidates.id, row!.candidateId));
    expect(made).toMatchObject({ userId: null, visible: false, postcode: "2584 AB", phone: "06 11223344" });
    const [match] = await db.select().from(matches).where(eq(matches.id, row!.matchId));
    expect(match).toMatchObject({
      source: "referred",
      vacancyId: first().id,
      createdByUserId: "demo-verwijzer",
    });
    const [phase] = await db.select().from(procedurePhases).where(eq(procedurePhases.id, match!.phaseId));
    expect(phase!.key).toBe("referred");

    await server.app.events.drain();
    const [mail] = smtp.to("fatima.yilmaz@example.test");
    expect(mail?.subject).toBe(`Vincent heeft je aangemeld voor ${first().title}`);
    expect(mail!.text).toContain("Zorgcentrum De Duinen");
    expect(mail!.text).toContain("http://haaglanden.localhost");
    // The token itself is only in the mail, never stored.
    expect(row!.confirmTokenHash).not.toContain(tokenFromMail("fatima.yilmaz@example.test"));
  });

  it("refuses the same person twice on a vacancy (409), another organisation's vacancy (404) and bad fields (400), storing nothing", async () => {
    const before = await referralCount();
    const candidatesBefore = Number((await server.database.db.select({ n: count() }).from(candidates))[0]!.n);

    const twice = await refer(vincent, person({ email: "Fatima.Yilmaz@Example.test", firstName: "Fatma" }));
    expect(twice.status).toBe(409);
    expect(twice.json<ErrorResponse>().error.message).toBe(
      "Deze persoon is al aangemeld voor deze vacature.",
    );
    // Nor by a colleague.
    expect((await refer(colleague, person())).status).toBe(409);

    expect((await refer(vincent, person({ vacancyId: westlandVacancyId }))).status).toBe(404);
    expect((await refer(westlander, person())).status).toBe(404);
    expect((await refer(vincent, person({ vacancyId: "00000000-0000-4000-8000-000000000000" }))).status).toBe(
      404,
    );

    const bad = await refer(vincent, {
      ...person(),
      consent: false,
      postcode: "25841",
      phone: "12",
      email: "geen-adres",
    });
    expect(bad.status).toBe(400);
    const fields = bad.json<ErrorResponse>().error.fields ?? [];
    const messageOf = (path: string) => fields.find((f) => f.path === path)?.message;
    expect(messageOf("consent")).toBe("Vink aan dat je toestemming hebt gevraagd en gekregen.");
    expect(messageOf("postcode")).toBe("Vul een postcode in zoals 2511 AB.");
    expect(messageOf("phone")).toMatch(/telefoonnummer/);
    expect(messageOf("email")).toMatch(/e-mailadres/);
    const english = await vincent.call("/api/v1/referrer/referrals", {
      body: { ...person({ email: "someone@example.test" }), consent: false },
      headers: { "accept-language": "en" },
    });
    expect(english.status).toBe(400);
    expect(english.json<ErrorResponse>().error.fields?.[0]?.message).toBe(
      "Tick the box to confirm that you asked for and got permission.",
    );
    const { consent: _left, ...withoutConsent } = person({ email: "iemand@example.test" });
    expect((await refer(vincent, withoutConsent)).status).toBe(400);
    expect((await refer(vincent, { ...person({ email: "x@example.test" }), extra: 1 })).status).toBe(400);

    expect(await referralCount()).toBe(before);
    expect(Number((await server.database.db.select({ n: count() }).from(candidates))[0]!.n)).toBe(
      candidatesBefore,
    );
  });

  it("shows a referrer only their own people: not a colleague's, not another organisation's", async () => {
    const vincents = await mine(vincent);
    expect(vincents.map((r) => r.name)).toEqual(
      expect.arrayContaining(["Fatima Yilmaz", "Sanne de Boer", "Mohamed El Amrani", "Lotte Visser"]),
    );
    const fatima = vincents.find((r) => r.name === "Fatima Yilmaz")!;
    expect(await mine(colleague)).toEqual([]);
    expect(await mine(westlander)).toEqual([]);
    expect((await colleague.call(`/api/v1/referrer/referrals/${fatima.id}`)).status).toBe(404);
    expect((await westlander.call(`/api/v1/referrer/referrals/${fatima.id}`)).status).toBe(404);
    expect((await vincent.call(`/api/v1/referrer/referrals/${fatima.id}`)).status).toBe(200);
    expect((await staff.call("/api/v1/referrer/referrals")).status).toBe(403);
    expect((await colleague.call("/api/v1/referrer/points")).json<MyPointsResponse>()).toEqual({
      balance: 0,
      entries: [],
    });
  });

  it("shows each milestone's colour and date but never the outcome chosen or a comment; points from the ledger", async () => {
    const { db } = server.database;
    // Lotte: the demo's referral without outcomes (Sanne's and Mohamed's have the demo's own).
    const sanne = (await mine(vincent)).find((r) => r.name === "Lotte Visser")!;
    const [row] = await db.select().from(referrals).where(eq(referrals.id, sanne.id));
    const [match] = await db.select().from(matches).where(eq(matches.id, row!.matchId));
    const phases = await db
      .select()
      .from(procedurePhases)
      .where(eq(procedurePhases.procedureId, match!.procedureId));
    const phase = (key: string) => phases.find((p) => p.key === key)!;
    const step = async (
      seq: number,
      from: string,
      to: string,
      outcome: "green" | "orange" | "red",
      option: string,
      comment: string,
    ) =>
      (
        await db
          .insert(matchHistory)
          .values({
            matchId: match!.id,
            organisationId: duinenId,
            seq,
            fromPhaseId: phase(from).id,
            toPhaseId: phase(to).id,
            outcome,
            outcomeOption: option,
            comment,
            actorUserId: "demo-accountmanager",
          })
          .returning()
      )[0]!;
    await step(1, "referred", "contact_made", "orange", "not_reached", "Voicemail ingesproken");
    await step(2, "contact_made", "contact_made", "green", "reached", "Leuk gesprek gehad");
    await step(3, "contact_made", "interview_planned", "green", "planned", "Dinsdag 10 uur");
    const interview = await step(
      4,
      "interview_planned",
      "interview_done",
      "green",
      "positive",
      "Intern: twijfel over rooster",
    );
    await db
      .update(matches)
      .set({ phaseId: phase("interview_done").id, outcome: "green" })
      .where(eq(matches.id, match!.id));
    const [award] = await db
      .insert(referralPoints)
      .values({
        organisationId: duinenId,
        referrerUserId: "demo-verwijzer",
        referralId: sanne.id,
        stepId: interview.id,
        phaseKey: "interview_done",
        points: 50,
        at: new Date(Date.now() - 60_000),
      })
      .returning();
    await db.insert(referralPoints).values({
      organisationId: duinenId,
      referrerUserId: "demo-verwijzer",
      referralId: sanne.id,
      stepId: interview.id,
      phaseKey: "interview_done",
      points: -50,
      reversesId: award!.id,
      at: new Date(Date.now() - 30_000),
    });
    const interview2 = await step(
      5,
      "interview_done",
      "interview_done",
      "green",
      "positive",
      "Opnieuw vastgelegd",
    );
    await db.insert(referralPoints).values({
      organisationId: duinenId,
      referrerUserId: "demo-verwijzer",
      referralId: sanne.id,
      stepId: interview2.id,
      phaseKey: "interview_done",
      points: 50,
    });

    const res = await vincent.call(`/api/v1/referrer/referrals/${sanne.id}`);
    expect(res.status).toBe(200);
    for (const secret of [
      "Voicemail",
      "Leuk gesprek",
      "twijfel",
      "Ja, contact gemaakt",
      "not_reached",
      "positive",
    ])
      expect(res.text).not.toContain(secret);
    const { referral } = res.json<{ referral: MyReferral }>();
    expect(referral.milestones.map((m) => m.colour)).toEqual(["green", "green", "green", null, null, null]);
    expect(referral.milestones[0]!.at).not.toBeNull();
    expect(referral.milestones[3]!.at).toBeNull();
    expect(referral).toMatchObject({ state: "live", points: 50 });

    const points = (await vincent.call("/api/v1/referrer/points")).json<MyPointsResponse>();
    // 25 of them for Sanne's interview in the demo.
    expect(points.balance).toBe(75);
    expect(points.entries.slice(0, 3).map((e) => [e.points, e.reversal])).toEqual([
      [50, false],
      [-50, true],
      [50, false],
    ]);
    expect(points.entries[0]).toMatchObject({
      candidateName: "Lotte Visser",
      vacancyTitle: "Verzorgende IG",
      milestone: { nl: "Interview voltooid" },
    });

    // A red outcome: "niet verder", without the reason.
    await step(6, "interview_done", "offer_made", "red", "declined", "Salaris te laag");
    await db
      .update(matches)
      .set({ phaseId: phase("offer_made").id, outcome: "red" })
      .where(eq(matches.id, match!.id));
    const stopped = await vincent.call(`/api/v1/referrer/referrals/${sanne.id}`);
    expect(stopped.text).not.toContain("Salaris");
    expect(stopped.json<{ referral: MyReferral }>().referral).toMatchObject({ state: "stopped" });
    expect(stopped.json<{ referral: MyReferral }>().referral.milestones[3]!.colour).toBe("red");
  });

  it("lets the referred person confirm once through the link in the mail, keeping the date of their interest", async () => {
    const token = tokenFromMail("fatima.yilmaz@example.test");
    const anon = new Client(server, host("haaglanden"));
    const seen = await anon.call(`/api/v1/public/referrals/${token}`);
    expect(seen.status, seen.text).toBe(200);
    expect(seen.json<ReferralInvitationResponse>()).toEqual({
      vacancy: { title: first().title, organisation: "Zorgcentrum De Duinen", city: "Den Haag" },
      referrerName: "Vincent",
      person: {
        firstName: "Fatima",
        lastName: "Yilmaz",
        phone: "06 11223344",
        postcode: "2584 AB",
        placeId: null,
      },
      confirmedAt: null,
    });

    const place = findPlaceByName("Den Haag")!;
    const bad = await anon.call(`/api/v1/public/referrals/${token}/confirm`, {
      body: {
        firstName: "",
        lastName: "Yilmaz",
        phone: "06 11223344",
        postcode: "2584 AB",
        placeId: "nl-nergens",
      },
    });
    expect(bad.status).toBe(400);
    const unknownPlace = await anon.call(`/api/v1/public/referrals/${token}/confirm`, {
      body: {
        firstName: "Fatima",
        lastName: "Yilmaz",
        phone: "06 11223344",
        postcode: "2584 AB",
        placeId: "nl-nergens",
      },
      headers: { "accept-language": "nl" },
    });
    expect(unknownPlace.status).toBe(400);
    expect(unknownPlace.json<ErrorResponse>().error.fields?.[0]).toEqual({
      path: "placeId",
      message: "Deze plaats kennen we niet.",
    });

    const confirmed = await anon.call(`/api/v1/public/referrals/${token}/confirm`, {
      body: {
        firstName: "Fatima",
        lastName: "Yılmaz-de Vries",
        phone: "0612345678",
        postcode: "2584 AC",
        placeId: place.id,
      },
    });
    expect(confirmed.status, confirmed.text).toBe(200);
    const answer = confirmed.json<ReferralInvitationResponse>();
    expect(answer.confirmedAt).not.toBeNull();
    expect(answer.person).toMatchObject({ lastName: "Yılmaz-de Vries", placeId: place.id });

    const { db } = server.database;
    const [row] = await db.select().from(referrals).where(eq(referrals.email, "fatima.yilmaz@example.test"));
    expect(row!.eoiAt?.toISOString()).toBe(answer.confirmedAt);
    expect(row!.confirmTokenHash).toBeNull();
    const [person] = await db.select().from(candidates).where(eq(candidates.id, row!.candidateId));
    expect(person).toMatchObject({
      lastName: "Yılmaz-de Vries",
      postcode: "2584 AC",
      city: place.name,
      placeId: place.id,
    });
    expect(person!.lat).toBeCloseTo(place.lat);
    const events = await db.select().from(domainEvents).where(eq(domainEvents.type, "referral.confirmed"));
    expect(events.map((e) => e.subject.referralId)).toContain(row!.id);

    // The link works once.
    const again = await anon.call(`/api/v1/public/referrals/${token}/confirm`, {
      body: { firstName: "Iemand", lastName: "Anders", phone: "0612345678", postcode: "2584 AC" },
      headers: { "accept-language": "nl" },
    });
    expect(again.status).toBe(404);
    expect(again.json<ErrorResponse>().error.message).toMatch(/al gebruikt/);
    expect((await anon.call(`/api/v1/public/referrals/${token}`)).status).toBe(404);
    const [unchanged] = await db.select().from(candidates).where(eq(candidates.id, row!.candidateId));
    expect(unchanged!.firstName).toBe("Fatima");

    const fatima = (await mine(vincent)).find((r) => r.id === row!.id)!;
    expect(fatima.confirmedAt).toBe(answer.confirmedAt);
    expect((await anon.call("/api/v1/public/referrals/not-a-token")).status).toBe(404);
  });

  it("slows down an address that keeps trying tokens (429)", async () => {
    const prober = new Client(server, host("haaglanden"));
    const answers: number[] = [];
    for (let i = 0; i < 31; i++)
      answers.push((await prober.call(`/api/v1/public/referrals/guess-${i}`)).status);
    expect(answers.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(answers[30]).toBe(429);
  });

  it("answers 410 for an expired link and changes nothing", async () => {
    const res = await refer(
      vincent,
      person({ email: "laat@example.test", firstName: "Laura", vacancyId: second().id }),
    );
    expect(res.status).toBe(201);
    const { referral } = res.json<{ referral: MyReferral }>();
    await server.app.events.drain();
    const token = tokenFromMail("laat@example.test");
    const { db } = server.database;
    await db
      .update(referrals)
      .set({ confirmExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(referrals.id, referral.id));
    const anon = new Client(server, host("haaglanden"));
    const seen = await anon.call(`/api/v1/public/referrals/${token}`, {
      headers: { "accept-language": "nl" },
    });
    expect(seen.status).toBe(410);
    expect(seen.json<ErrorResponse>().error.message).toMatch(/verlopen/);
    const confirm = await anon.call(`/api/v1/public/referrals/${token}/confirm`, {
      body: { firstName: "Laura", lastName: "Yilmaz", phone: "06 11223344", postcode: "2584 AB" },
    });
    expect(confirm.status).toBe(410);
    const [row] = await db.select().from(referrals).where(eq(referrals.id, referral.id));
    expect(row!.eoiAt).toBeNull();
  });

  it("records a referral when a candidate applies through a referrer's link, once, and ignores codes that do not fit", async () => {
    const { db } = server.database;
    const target = offered.find((v) => v.title === "Gastvrouw/gastheer restaurant")!;
    const other = offered.find((v) => v.title === "Medewerker huishouding")!;
    const code = new URL(target.shareUrl).searchParams.get("ref")!;
    async function apply(vacancyId: string, referralCode: string) {
      const form = new FormData();
      form.set("motivation", "Ik werk graag met mensen.");
      form.set("referralCode", referralCode);
      const body = new Response(form);
      const data = Buffer.from(await body.arrayBuffer());
      return candidate.call(`/api/v1/vacancies/${vacancyId}/applications`, {
        raw: { data, type: body.headers.get("content-type")! },
      });
    }
    // A code of another vacancy's link: the application stands, no referral.
    expect((await apply(other.id, code)).status).toBe(201);
    const applied = await apply(target.id, code);
    expect(applied.status, applied.text).toBe(201);
    await server.app.events.drain();
    const rows = await db.select().from(referrals).where(eq(referrals.channel, "link"));
    expect(rows).toHaveLength(1);
    const [kim] = await db.select().from(users).where(eq(users.email, "kandidaat@demo.werkbrug.test"));
    expect(rows[0]).toMatchObject({
      vacancyId: target.id,
      referrerUserId: "demo-verwijzer",
      email: kim!.email,
    });
    expect(rows[0]!.eoiAt).not.toBeNull();
    expect(rows[0]!.consentAt.getTime()).toBe(rows[0]!.eoiAt!.getTime());
    const created = await db.select().from(domainEvents).where(eq(domainEvents.type, "referral.created"));
    expect(created.filter((e) => e.payload.channel === "link")).toHaveLength(1);
    // A redelivery of the application's event does not make a second one.
    await server.app.events.drain();
    expect(await db.select().from(referrals).where(eq(referrals.channel, "link"))).toHaveLength(1);

    const listed = (await mine(vincent)).find((r) => r.channel === "link")!;
    expect(listed).toMatchObject({ vacancy: { id: target.id }, state: "live" });
    expect(listed.confirmedAt).not.toBeNull();
    expect(await mine(colleague)).toEqual([]);
  });
});
