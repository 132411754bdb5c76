import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDemoLikeAccount } from "../../../../test/support/accounts";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import type { ErrorResponse } from "../../../contracts/common";
import type {
  MatchDetail,
  MatchSummary,
  NotificationListResponse,
  Proposal,
  ProposedCandidate,
  ProposedCandidateDetail,
  Reviewer,
  VacancyMatchesResponse,
  VacancyProposalsResponse,
} from "../../../contracts/matches";
import type { CreateVacancyRequest, Vacancy } from "../../../contracts/vacancies";
import { domainEvents } from "../../platform/events.schema";
import { mailOutbox } from "../../platform/mail.schema";
import { candidates } from "../candidates/candidates.schema";
import { contactPersons } from "../employers/employers.schema";
import { organisations, portals } from "../tenancy/tenancy.schema";
import { todayIn } from "../vacancies";
import { matchEvaluations, matches, matchHistory, matchProposals, matchReviewers } from "./matches.schema";

const DAY = 86_400_000;
const day = (offset: number) => todayIn(new Date(Date.now() + offset * DAY));

describe.each(testDbKinds())("proposing candidates and reviewing them on %s", (kind) => {
  let server: TestServer;
  let manager: Client; // accountmanager@: Gemeente Den Haag, keeps Westland and De Duinen
  let employer: Client; // werkgever@: Westland contact who may manage vacancies (reviews in Dutch)
  let petra: Client; // a Westland contact with portal access, reading German
  let marieke: Client; // a contact of De Duinen: another employer
  let revoked: Client; // was a Westland contact; the access was revoked (no role any more)
  let selection: Client; // another organisation altogether
  let westlandId: string;
  let duinenId: string;
  let vacancyId: string;
  let pool: string[] = [];
  const contactIds = { werkgever: "", petra: "", noAccess: "", revoked: "", marieke: "" };

  const host = (slug: string) => `${slug}.localhost:${server.port}`;

  /** A signed-in user holding employer_contact on the organisation (or no role), linked to a contact row. */
  async function contactUser(
    id: string,
    name: string,
    email: string,
    organisationId: string,
    withRole: boolean,
  ): Promise<void> {
    await addDemoLikeAccount(server.database.db, {
      id,
      name,
      email,
      ...(withRole ? { role: "employer_contact" as const, organisationId } : {}),
    });
  }

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
        .limit(8)
    ).map((c) => c.id);

    await contactUser("test-petra", "Petra Groenewegen", "petra@westland.test", westlandId, true);
    await contactUser("test-marieke", "Marieke de Wit", "marieke@duinen.test", duinenId, true);
    await contactUser("test-revoked", "Ruud Ingetrokken", "ruud@westland.test", westlandId, false);
    const contact = async (organisationId: string, name: string) =>
      (
        await db
          .select()
          .from(contactPersons)
          .where(and(eq(contactPersons.organisationId, organisationId), eq(contactPersons.name, name)))
      )[0]!.id;
    contactIds.werkgever = (
      await db.select().from(contactPersons).where(eq(contactPersons.userId, "demo-werkgever"))
    )[0]!.id;
    contactIds.petra = await contact(westlandId, "Petra Groenewegen");
    await db
      .update(contactPersons)
      .set({ userId: "test-petra", language: "de" })
      .where(eq(contactPersons.id, contactIds.petra));
    contactIds.marieke = await contact(duinenId, "Marieke de Wit");
    await db
      .update(contactPersons)
      .set({ userId: "test-marieke" })
      .where(eq(contactPersons.id, contactIds.marieke));
    const [noAccess] = await db
      .insert(contactPersons)
      .values({ organisationId: westlandId, name: "Zonder Toegang", email: "zonder@westland.test" })
      .returning();
    contactIds.noAccess = noAccess!.id;
    const [gone] = await db
      .insert(contactPersons)
      .values({ organisationId: westlandId, name: "Ruud Ingetrokken", userId: "test-revoked" })
      .returning();
    contactIds.revoked = gone!.id;

    manager = new Client(server, host("haaglanden"));
    employer = new Client(server, host("haaglanden"));
    petra = new Client(server, host("haaglanden"));
    marieke = new Client(server, host("haaglanden"));
    revoked = new Client(server, host("haaglanden"));
    selection = new Client(server);
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    await signIn(employer, "werkgever@demo.werkbrug.test");
    await signIn(petra, "petra@westland.test");
    await signIn(marieke, "marieke@duinen.test");
    await signIn(revoked, "ruud@westland.test");
    await signIn(selection, "selectie@demo.werkbrug.test");

    const body: CreateVacancyRequest = {
      organisationId: westlandId,
      displayTitle: "Orderpicker voorstellen",
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
    vacancyId = created.json<{ vacancy: Vacancy }>().vacancy.id;
    const published = await employer.call(`/api/v1/vacancies/${vacancyId}/transitions`, {
      body: { action: "publish", comment: null },
    });
    expect(published.status, published.text).toBe(200);
    for (const candidateId of pool.slice(0, 3)) {
      const res = await manager.call(`/api/v1/candidates/${candidateId}/vacancies`, { body: { vacancyId } });
      expect(res.status, res.text).toBe(200);
    }
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  async function matchOf(candidateId: string): Promise<MatchSummary & { phaseKey: string }> {
    const res = await manager.call(`/api/v1/vacancies/${vacancyId}/matches`);
    expect(res.status, res.text).toBe(200);
    const list = res.json<VacancyMatchesResponse>();
    for (const group of list.phases)
      for (const m of group.matches)
        if (m.candidate.id === candidateId) return { ...m, phaseKey: group.phase.key };
    throw new Error(`no match for ${candidateId}`);
  }

  const propose = (candidateId: string, reviewerIds: string[], note = "", client = manager) =>
    client.call(`/api/v1/vacancies/${vacancyId}/proposals`, { body: { candidateId, reviewerIds, note } });

  const verdict = (
    client: Client,
    matchId: string,
    decision: "approve" | "reject",
    comment: string,
    lang = "nl",
  ) =>
    client.call(`/api/v1/proposals/${matchId}/verdict`, {
      body: { decision, comment },
      headers: { "accept-language": lang },
    });

  /** The contact's proposals on this test's vacancy (the demo data proposes others). */
  async function listFor(client: Client): Promise<ProposedCandidate[]> {
    const res = await client.call("/api/v1/proposals");
    expect(res.status, res.text).toBe(200);
    return res.json<{ proposals: ProposedCandidate[] }>().proposals.filter((p) => p.vacancy.id === vacancyId);
  }

  /** Everything stored about proposals and matches, to show a refused request changed nothing. */
  async function stored() {
    const { db } = server.database;
    return {
      matches: await db.select().from(matches).orderBy(asc(matches.id)),
      history: (await db.select({ n: sql<number>`count(*)::int` }).from(matchHistory))[0]!.n,
      evaluations: (await db.select({ n: sql<number>`count(*)::int` }).from(matchEvaluations))[0]!.n,
      proposals: await db.select().from(matchProposals).orderBy(asc(matchProposals.id)),
      reviewers: (await db.select({ n: sql<number>`count(*)::int` }).from(matchReviewers))[0]!.n,
      events: (await db.select({ n: sql<number>`count(*)::int` }).from(domainEvents))[0]!.n,
    };
  }

  const mailsTo = (to: string) =>
    server.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, to))
      .orderBy(asc(mailOutbox.createdAt));

  it("shows the demo contact the two candidates the demo data proposed to them", async () => {
    const res = await employer.call("/api/v1/proposals");
    const demo = res.json<{ proposals: ProposedCandidate[] }>().proposals;
    const waiting = demo.filter((p) => p.status === "waiting");
    expect(waiting).toHaveLength(2);
    expect(waiting.every((p) => p.proposedBy?.id === "demo-accountmanager")).toBe(true);
    // And the one they approved already (the staff home's demo).
    expect(demo.filter((p) => p.status !== "waiting")).toHaveLength(1);
    const opened = await employer.call(`/api/v1/proposals/${waiting[0]!.matchId}`);
    expect(opened.status, opened.text).toBe(200);
    expect(opened.json<{ proposal: ProposedCandidateDetail }>().proposal.mayDecide).toBe(true);
  });

  it("lists only the employer's contacts with portal access as reviewers, and only to the team that keeps the employer", async () => {
    const res = await manager.call(`/api/v1/vacancies/${vacancyId}/reviewers`);
    expect(res.status, res.text).toBe(200);
    const reviewers = res.json<{ reviewers: Reviewer[] }>().reviewers;
    expect(reviewers.map((r) => r.contactPersonId).sort()).toEqual(
      [contactIds.werkgever, contactIds.petra].sort(),
    );
    expect(reviewers.find((r) => r.contactPersonId === contactIds.petra)!.language).toBe("de");
    // The employer's own contact steers the vacancy but does not propose to themselves.
    expect((await employer.call(`/api/v1/vacancies/${vacancyId}/reviewers`)).status).toBe(403);
    expect((await selection.call(`/api/v1/vacancies/${vacancyId}/reviewers`)).status).toBe(404);
  });

  it("refuses proposals to contacts without portal access or of another employer, and by anyone but the team; nothing changes", async () => {
    const before = await stored();
    for (const ids of [
      [contactIds.noAccess],
      [contactIds.revoked],
      [contactIds.marieke],
      [contactIds.petra, contactIds.marieke],
    ]) {
      const res = await propose(pool[0]!, ids);
      expect(res.status, res.text).toBe(400);
      expect(res.json<ErrorResponse>().error.code).toBe("reviewer_unknown");
    }
    expect((await propose(pool[0]!, [contactIds.petra], "", employer)).status).toBe(403);
    expect((await propose(pool[0]!, [contactIds.petra], "", selection)).status).toBe(404);
    const empty = await propose(pool[0]!, []);
    expect(empty.status).toBe(400);
    expect(await stored()).toEqual(before);
  });

  it("proposes a saved candidate: the match moves to 'proposed' with the note, each reviewer gets a mail in their language", async () => {
    const match = await matchOf(pool[0]!);
    expect(match.phaseKey).toBe("saved");
    const res = await propose(
      pool[0]!,
      [contactIds.werkgever, contactIds.petra],
      "Sterke kandidaat, ervaren met scanners.",
    );
    expect(res.status, res.text).toBe(201);
    const proposal = res.json<{ proposal: Proposal }>().proposal;
    expect(proposal.matchId).toBe(match.id);
    expect(proposal.proposedBy?.name).toBeTruthy();
    expect(proposal.reviewers.map((r) => r.name).sort()).toEqual(
      ["Petra Groenewegen", "Wim van Westen"].sort(),
    );
    expect(proposal.decision).toBeNull();
    const after = await matchOf(pool[0]!);
    expect(after.phaseKey).toBe("proposed");
    expect(after.source).toBe("saved");
    const detail = (await manager.call(`/api/v1/matches/${match.id}`)).json<{ match: MatchDetail }>().match;
    expect(detail.history.at(-1)!.comment).toBe("Sterke kandidaat, ervaren met scanners.");

    await server.app.events.drain();
    const [german] = await mailsTo("petra@westland.test");
    expect(german!.subject).toMatch(/^Kandidat für Orderpicker voorstellen vorgeschlagen/);
    expect(german!.text).toContain("Sterke kandidaat");
    expect(german!.text).toContain(`/voorgesteld/${match.id}`);
    const [dutch] = await mailsTo("werkgever@demo.werkbrug.test");
    expect(dutch!.subject).toMatch(/^Kandidaat voorgesteld voor Orderpicker voorstellen/);

    const again = await propose(pool[0]!, [contactIds.petra]);
    expect(again.status).toBe(409);
    expect(again.json<ErrorResponse>().error.code).toBe("already_proposed");
  });

  it("proposes a candidate who is not on the vacancy yet: a new match starts in 'proposed'", async () => {
    const res = await propose(pool[3]!, [contactIds.petra], "");
    expect(res.status, res.text).toBe(201);
    const match = await matchOf(pool[3]!);
    expect(match.phaseKey).toBe("proposed");
    expect(match.source).toBe("proposed");
    const listed = await manager.call(`/api/v1/vacancies/${vacancyId}/proposals`);
    const body = listed.json<VacancyProposalsResponse>();
    expect(body.mayPropose).toBe(true);
    expect(body.proposals.map((p) => p.matchId)).toContain(match.id);
  });

  it("shows the contact what they review, with the profile without contact details; other employers' contacts and revoked ones get nothing", async () => {
    const list = await listFor(petra);
    expect(list.map((p) => p.candidate.id).sort()).toEqual([pool[0]!, pool[3]!].sort());
    expect(list.every((p) => p.status === "waiting" && p.phase.key === "proposed")).toBe(true);
    // The demo contact reviews only the first.
    expect((await listFor(employer)).map((p) => p.candidate.id)).toEqual([pool[0]!]);
    const match = await matchOf(pool[0]!);
    const res = await petra.call(`/api/v1/proposals/${match.id}`);
    expect(res.status, res.text).toBe(200);
    const detail = res.json<{ proposal: ProposedCandidateDetail }>().proposal;
    expect(detail.mayDecide).toBe(true);
    expect(detail.note).toBe("Sterke kandidaat, ervaren met scanners.");
    expect(detail.history.map((h) => h.phase.key)).toEqual(["proposed"]);
    if (detail.profile) {
      expect(JSON.stringify(detail.profile)).not.toMatch(/"(email|phone|postcode|birthDate)"/);
    }
    expect((await listFor(marieke)).length).toBe(0);
    expect((await marieke.call(`/api/v1/proposals/${match.id}`)).status).toBe(404);
    expect((await marieke.call(`/api/v1/proposals/${match.id}/cv`)).status).toBe(404);
    expect((await revoked.call("/api/v1/proposals")).status).toBe(403);
    expect((await revoked.call(`/api/v1/proposals/${match.id}`)).status).toBe(403);
  });

  it("refuses bad verdicts with a message and changes nothing", async () => {
    const first = await matchOf(pool[0]!);
    const fourth = await matchOf(pool[3]!);
    const before = await stored();
    const empty = await verdict(petra, first.id, "reject", "   ");
    expect(empty.status).toBe(400);
    expect(empty.json<ErrorResponse>().error.code).toBe("verdict_comment_required");
    expect(empty.json<ErrorResponse>().error.message).toBe("Geef bij een afwijzing een toelichting.");
    const english = await verdict(petra, first.id, "reject", "", "en");
    expect(english.json<ErrorResponse>().error.message).toBe("Please add a comment when you reject.");
    // Not assigned to this contact, another employer's contact, no contact at all.
    expect((await verdict(employer, fourth.id, "approve", "Prima")).status).toBe(404);
    expect((await verdict(marieke, first.id, "approve", "Prima")).status).toBe(404);
    expect((await verdict(revoked, first.id, "approve", "Prima")).status).toBe(403);
    expect((await verdict(manager, first.id, "approve", "Prima")).status).toBe(403);
    const bad = await petra.call(`/api/v1/proposals/${first.id}/verdict`, { body: { decision: "maybe" } });
    expect(bad.status).toBe(400);
    expect(await stored()).toEqual(before);
  });

  it("approves with a comment: phase 'approved', the evaluation for the recruiter, a mail and a notice", async () => {
    const match = await matchOf(pool[0]!);
    const res = await verdict(petra, match.id, "approve", "Graag uitnodigen voor een gesprek.");
    expect(res.status, res.text).toBe(200);
    expect(res.json<{ decision: string }>().decision).toBe("approved");
    expect((await matchOf(pool[0]!)).phaseKey).toBe("approved");
    const detail = (await manager.call(`/api/v1/matches/${match.id}`)).json<{ match: MatchDetail }>().match;
    const evaluation = detail.evaluations.at(-1)!;
    expect(evaluation.comment).toBe("Graag uitnodigen voor een gesprek.");
    expect(evaluation.verdict).toBe("yes");
    expect(evaluation.author?.name).toBe("Petra Groenewegen");

    // A second verdict, also by the other reviewer of the same proposal.
    const before = await stored();
    for (const client of [petra, employer]) {
      const again = await verdict(client, match.id, "reject", "Toch niet");
      expect(again.status).toBe(409);
      expect(again.json<ErrorResponse>().error.code).toBe("proposal_decided");
    }
    // Withdrawing after a verdict is refused too.
    const withdraw = await manager.call(`/api/v1/matches/${match.id}/proposal`, { method: "DELETE" });
    expect(withdraw.status).toBe(409);
    expect(await stored()).toEqual(before);

    await server.app.events.drain();
    const mails = await mailsTo("accountmanager@demo.werkbrug.test");
    expect(mails.map((m) => m.subject)).toContainEqual(
      expect.stringMatching(/goedgekeurd voor Orderpicker voorstellen/),
    );
    const notices = (await manager.call("/api/v1/notifications")).json<NotificationListResponse>();
    const notice = notices.notifications.find((n) => n.matchId === match.id)!;
    expect(notice.kind).toBe("proposal_approved");
    expect(notices.unread).toBeGreaterThanOrEqual(1);
    const proposals = (
      await manager.call(`/api/v1/vacancies/${vacancyId}/proposals`)
    ).json<VacancyProposalsResponse>();
    const shown = proposals.proposals.find((p) => p.matchId === match.id)!;
    expect(shown).toMatchObject({
      decision: "approved",
      comment: "Graag uitnodigen voor een gesprek.",
      unread: true,
    });
    expect(shown.decidedBy?.name).toBe("Petra Groenewegen");
    const read = await manager.call(`/api/v1/notifications/${notice.id}/read`, { method: "POST" });
    expect(read.status, read.text).toBe(200);
    expect((await manager.call("/api/v1/notifications")).json<NotificationListResponse>().unread).toBe(
      notices.unread - 1,
    );
    // Someone else's notice is not theirs to read.
    expect((await petra.call(`/api/v1/notifications/${notice.id}/read`, { method: "POST" })).status).toBe(
      404,
    );
  });

  it("keeps an approved match visible to the contact in later phases", async () => {
    const match = await matchOf(pool[0]!);
    const detail = (await manager.call(`/api/v1/matches/${match.id}`)).json<{ match: MatchDetail }>().match;
    const interview = detail.procedure.phases.find((p) => p.key === "interview")!;
    const moved = await manager.call(`/api/v1/matches/${match.id}/moves`, {
      body: { phaseId: interview.id },
    });
    expect(moved.status, moved.text).toBe(200);
    const item = (await listFor(petra)).find((p) => p.matchId === match.id)!;
    expect(item).toMatchObject({ status: "approved", phase: { key: "interview" } });
    const opened = (await petra.call(`/api/v1/proposals/${match.id}`)).json<{
      proposal: ProposedCandidateDetail;
    }>().proposal;
    expect(opened.mayDecide).toBe(false);
    expect(opened.decision?.decision).toBe("approved");
    expect(opened.history.map((h) => h.phase.key)).toEqual(["proposed", "approved", "interview"]);
  });

  it("rejects with a comment: phase 'declined', and the proposal disappears from the contact's list", async () => {
    const match = await matchOf(pool[3]!);
    const res = await verdict(petra, match.id, "reject", "Te weinig ervaring met heftrucks.");
    expect(res.status, res.text).toBe(200);
    expect((await matchOf(pool[3]!)).phaseKey).toBe("declined");
    expect((await listFor(petra)).map((p) => p.matchId)).not.toContain(match.id);
    expect((await petra.call(`/api/v1/proposals/${match.id}`)).status).toBe(404);
    const detail = (await manager.call(`/api/v1/matches/${match.id}`)).json<{ match: MatchDetail }>().match;
    expect(detail.evaluations.at(-1)).toMatchObject({
      verdict: "no",
      comment: "Te weinig ervaring met heftrucks.",
    });
    await server.app.events.drain();
    const notices = (await manager.call("/api/v1/notifications")).json<NotificationListResponse>();
    expect(notices.notifications.find((n) => n.matchId === match.id)?.kind).toBe("proposal_rejected");
  });

  it("withdraws a proposal without a verdict: the match goes back and the reviewers no longer see it", async () => {
    const match = await matchOf(pool[1]!);
    expect((await propose(pool[1]!, [contactIds.petra], "Even kijken")).status).toBe(201);
    expect((await listFor(petra)).map((p) => p.matchId)).toContain(match.id);
    expect((await employer.call(`/api/v1/matches/${match.id}/proposal`, { method: "DELETE" })).status).toBe(
      403,
    );
    const res = await manager.call(`/api/v1/matches/${match.id}/proposal`, { method: "DELETE" });
    expect(res.status, res.text).toBe(204);
    expect((await matchOf(pool[1]!)).phaseKey).toBe("saved");
    expect((await listFor(petra)).map((p) => p.matchId)).not.toContain(match.id);
    expect((await petra.call(`/api/v1/proposals/${match.id}`)).status).toBe(404);
    expect((await verdict(petra, match.id, "approve", "ok")).status).toBe(404);
    const again = await manager.call(`/api/v1/matches/${match.id}/proposal`, { method: "DELETE" });
    expect(again.status).toBe(409);
    expect(again.json<ErrorResponse>().error.code).toBe("no_proposal");
    // It may be proposed again afterwards.
    expect((await propose(pool[1]!, [contactIds.werkgever])).status).toBe(201);
  });

  it("refuses a verdict on a match that no longer waits in 'proposed' (409), and a proposal from a later phase", async () => {
    const match = await matchOf(pool[2]!);
    expect((await propose(pool[2]!, [contactIds.petra])).status).toBe(201);
    const detail = (await manager.call(`/api/v1/matches/${match.id}`)).json<{ match: MatchDetail }>().match;
    const interview = detail.procedure.phases.find((p) => p.key === "interview")!;
    expect(
      (await manager.call(`/api/v1/matches/${match.id}/moves`, { body: { phaseId: interview.id } })).status,
    ).toBe(200);
    const before = await stored();
    const res = await verdict(petra, match.id, "approve", "Prima");
    expect(res.status).toBe(409);
    expect(res.json<ErrorResponse>().error.code).toBe("not_reviewable");
    // The approved one sits in "interview": it cannot be proposed again from there.
    const later = await propose(pool[0]!, [contactIds.petra]);
    expect(later.status).toBe(409);
    expect(await stored()).toEqual(before);
  });
});
