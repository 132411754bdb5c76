import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDemoLikeAccount } from "../../../../test/support/accounts";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import { addDays, mondayOf } from "../../../contracts/calendar-weeks";
import type { ErrorResponse } from "../../../contracts/common";
import type { ContactDashboardResponse } from "../../../contracts/contact-home";
import type { VacancyMatchesResponse } from "../../../contracts/matches";
import type {
  MyPlacementsResponse,
  Placement,
  PlacementDetailResponse,
  PlacementListResponse,
  PlacementOptionsResponse,
  Timesheet,
  TimesheetListResponse,
} from "../../../contracts/placements";
import type { CreateVacancyRequest, Vacancy } from "../../../contracts/vacancies";
import { createStore } from "../../platform/store";
import { candidates } from "../candidates/candidates.schema";
import { contactPersons } from "../employers/employers.schema";
import { organisations, portals, users } from "../tenancy/tenancy.schema";
import { todayIn } from "../vacancies";
import { runTimesheetDigest } from "./placements.jobs";
import { timesheetEntries, timesheetLog, timesheets } from "./placements.schema";

const DAY = 86_400_000;
const day = (offset: number) => todayIn(new Date(Date.now() + offset * DAY));
const CANDIDATE_EMAIL = "kandidaat@demo.werkbrug.test";
const CONTACT_EMAIL = "werkgever@demo.werkbrug.test";

describe.each(testDbKinds())("placements and timesheets on %s", (kind) => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  let manager: Client; // accountmanager@: Gemeente Den Haag, keeps Westland
  let contact: Client; // werkgever@: Westland's contact, approves the hours
  let marieke: Client; // a contact of De Duinen: another employer
  let candidate: Client; // kandidaat@: the placed candidate
  let selection: Client; // another organisation altogether
  let westlandId: string;
  let vacancyId: string;
  let matchId: string;
  let hiredPhaseId: string;
  let werkgeverContactId: string;
  let mariekeContactId: string;
  let placement: Placement;

  const thisWeek = () => mondayOf(todayIn());
  const lastWeek = () => addDays(thisWeek(), -7);
  const weekBefore = () => addDays(thisWeek(), -14);
  const host = (slug: string) => `${slug}.localhost:${server.port}`;

  /** Eight hours Monday to Friday, with some overtime and travel on Wednesday. */
  const fullWeek = (monday: string) => [
    ...[0, 1, 2, 3, 4].map((i) => ({ date: addDays(monday, i), kind: "normal" as const, hours: 8 })),
    { date: addDays(monday, 2), kind: "overtime" as const, hours: 1.5 },
    { date: addDays(monday, 2), kind: "travel" as const, hours: 0.75 },
  ];

  const weekUrl = (monday: string) => `/api/v1/my/placements/${placement.id}/weeks/${monday}`;
  const save = (monday: string, entries: unknown, remark = "", lang = "nl") =>
    candidate.call(weekUrl(monday), {
      method: "PUT",
      body: { entries, remark },
      headers: { "accept-language": lang },
    });
  const submit = (monday: string, entries: unknown, remark = "") =>
    candidate.call(`${weekUrl(monday)}/submit`, { body: { entries, remark } });
  const week = async (monday: string) => {
    const res = await candidate.call(weekUrl(monday));
    expect(res.status, res.text).toBe(200);
    return res.json<{ timesheet: Timesheet }>().timesheet;
  };
  const waitingFor = async (client: Client) => {
    const res = await client.call("/api/v1/timesheets?status=waiting");
    expect(res.status, res.text).toBe(200);
    return res.json<TimesheetListResponse>().timesheets.filter((t) => t.placementId === placement.id);
  };
  const patch = async (body: Record<string, unknown>) => {
    const res = await manager.call(`/api/v1/placements/${placement.id}`, { method: "PATCH", body });
    expect(res.status, res.text).toBe(200);
    return res.json<{ placement: Placement }>().placement;
  };
  const decide = (client: Client, id: string, decision: "approve" | "reject", comment = "", lang = "nl") =>
    client.call(`/api/v1/timesheets/${id}/decision`, {
      body: { decision, comment },
      headers: { "accept-language": lang },
    });
  const mailsTo = (address: string) => smtp.to(address);

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startTestServer({ kind, web: false, env: { SMTP_URL: smtp.url } });
    const { db } = server.database;
    const orgByName = async (name: string) =>
      (await db.select().from(organisations).where(eq(organisations.name, name)))[0]!.id;
    westlandId = await orgByName("Westland Logistiek B.V.");
    const duinenId = await orgByName("Zorgcentrum De Duinen");
    await addDemoLikeAccount(db, {
      id: "test-marieke",
      name: "Marieke de Wit",
      email: "marieke@duinen.test",
      role: "employer_contact",
      organisationId: duinenId,
    });
    const [marie] = await db
      .insert(contactPersons)
      .values({ organisationId: duinenId, name: "Marieke de Wit", userId: "test-marieke" })
      .returning();
    mariekeContactId = marie!.id;
    werkgeverContactId = (
      await db.select().from(contactPersons).where(eq(contactPersons.userId, "demo-werkgever"))
    )[0]!.id;

    manager = new Client(server, host("haaglanden"));
    contact = new Client(server, host("haaglanden"));
    marieke = new Client(server, host("haaglanden"));
    candidate = new Client(server, host("haaglanden"));
    selection = new Client(server);
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    await signIn(contact, CONTACT_EMAIL);
    await signIn(marieke, "marieke@duinen.test");
    await signIn(candidate, CANDIDATE_EMAIL);
    await signIn(selection, "selectie@demo.werkbrug.test");

    const body: CreateVacancyRequest = {
      organisationId: westlandId,
      displayTitle: "Orderpicker uren",
      functionTitle: "Orderpicker",
      description: "Je verzamelt orders in ons distributiecentrum.",
      occupationId: "9333.8",
      educationLevel: "vmbo-bb",
      kind: "vacancy",
      hoursMin: 32,
      hoursMax: 40,
      positions: 1,
      workAddress: null,
      serviceModel: "together",
      contactVia: "employer",
      publication: { portalFrom: day(0), closesOn: day(30) },
    };
    const created = await contact.call("/api/v1/vacancies", { body });
    expect(created.status, created.text).toBe(201);
    vacancyId = created.json<{ vacancy: Vacancy }>().vacancy.id;
    const published = await contact.call(`/api/v1/vacancies/${vacancyId}/transitions`, {
      body: { action: "publish", comment: null },
    });
    expect(published.status, published.text).toBe(200);
    const [user] = await db.select().from(users).where(eq(users.email, CANDIDATE_EMAIL));
    const [own] = await db.select().from(candidates).where(eq(candidates.userId, user!.id));
    const saved = await manager.call(`/api/v1/candidates/${own!.id}/vacancies`, { body: { vacancyId } });
    expect(saved.status, saved.text).toBe(200);
    const matches = (
      await manager.call(`/api/v1/vacancies/${vacancyId}/matches`)
    ).json<VacancyMatchesResponse>();
    for (const group of matches.phases) {
      if (group.phase.meaning === "hired") hiredPhaseId = group.phase.id;
      for (const m of group.matches) if (m.candidate.id === own!.id) matchId = m.id;
    }
    expect(matchId).toBeTruthy();
    expect(hiredPhaseId).toBeTruthy();
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  const terms = (overrides: Record<string, unknown> = {}) => ({
    matchId,
    approverIds: [werkgeverContactId],
    startDate: day(-21),
    endDate: null,
    needsClientApproval: true,
    rateCents: 2450,
    nonBillable: false,
    ...overrides,
  });

  it("records a placement only for a hired match, by the team that keeps the employer", async () => {
    const early = await manager.call("/api/v1/placements", { body: terms() });
    expect(early.status, early.text).toBe(409);
    expect(early.json<ErrorResponse>().error.code).toBe("match_not_hired");
    const notYet = (
      await manager.call(`/api/v1/matches/${matchId}/placement`)
    ).json<PlacementOptionsResponse>();
    expect(notYet.mayPlace).toBe(false);

    const moved = await manager.call(`/api/v1/matches/${matchId}/moves`, { body: { phaseId: hiredPhaseId } });
    expect(moved.status, moved.text).toBe(200);
    const options = (
      await manager.call(`/api/v1/matches/${matchId}/placement`)
    ).json<PlacementOptionsResponse>();
    expect(options.mayPlace).toBe(true);
    expect(options.approvers.map((a) => a.contactPersonId)).toContain(werkgeverContactId);
    expect(options.approvers.map((a) => a.contactPersonId)).not.toContain(mariekeContactId);

    // Bad terms are refused with a message at the field; nothing is recorded.
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ endDate: day(-30) }, "endDate", "De einddatum ligt vóór de begindatum."],
      [{ approverIds: [] }, "approverIds", "Kies ten minste één contactpersoon die de uren goedkeurt."],
      [
        { approverIds: [mariekeContactId] },
        "approverIds",
        "Kies contactpersonen van deze werkgever met toegang tot het portaal.",
      ],
      [{ startDate: "2026-02-30" }, "startDate", "Vul een datum in"],
    ];
    for (const [overrides, field, message] of cases) {
      const res = await manager.call("/api/v1/placements", { body: terms(overrides) });
      expect(res.status, res.text).toBe(400);
      const error = res.json<ErrorResponse>().error;
      expect(error.fields?.find((f) => f.path === field)?.message).toContain(message.slice(0, 20));
    }
    const negative = await manager.call("/api/v1/placements", { body: terms({ rateCents: -5 }) });
    expect(negative.status).toBe(400);
    const unknown = await manager.call("/api/v1/placements", { body: { ...terms(), colour: "red" } });
    expect(unknown.status).toBe(400);
    // Only recruiters record placements: not the employer's contact, not another organisation.
    expect((await contact.call("/api/v1/placements", { body: terms() })).status).toBe(403);
    expect((await selection.call("/api/v1/placements", { body: terms() })).status).toBe(403);

    const created = await manager.call("/api/v1/placements", { body: terms() });
    expect(created.status, created.text).toBe(201);
    placement = created.json<{ placement: Placement }>().placement;
    expect(placement).toMatchObject({
      state: "active",
      approvedByContacts: true,
      rateCents: 2450,
      employer: { id: westlandId },
      approvers: [{ contactPersonId: werkgeverContactId }],
    });
    const again = await manager.call("/api/v1/placements", { body: terms() });
    expect(again.status).toBe(409);
    expect(again.json<ErrorResponse>().error.code).toBe("placement_exists");

    const list = (await manager.call("/api/v1/placements?status=active")).json<PlacementListResponse>();
    expect(list.placements.map((p) => p.id)).toContain(placement.id);
    expect(list.employers.map((e) => e.id)).toContain(westlandId);
    const ended = (await manager.call("/api/v1/placements?status=ended")).json<PlacementListResponse>();
    expect(ended.placements.map((p) => p.id)).not.toContain(placement.id);
    const byName = (
      await manager.call("/api/v1/placements?status=all&q=orderpicker%20uren")
    ).json<PlacementListResponse>();
    expect(byName.placements.map((p) => p.id)).toEqual([placement.id]);
    // Another organisation sees none of it.
    expect((await selection.call(`/api/v1/placements/${placement.id}`)).status).toBe(403);
  });

  it("lets the candidate fill in a week, refusing hours that do not fit and keeping what was saved", async () => {
    const mine = (await candidate.call("/api/v1/my/placements")).json<MyPlacementsResponse>();
    const own = mine.placements.find((p) => p.placement.id === placement.id);
    expect(own?.weeks.map((w) => w.weekStart)).toContain(lastWeek());
    expect(own?.weeks[0]?.weekStart).toBe(thisWeek());

    const draft = await save(lastWeek(), fullWeek(lastWeek()).slice(0, 3), "Eerste dagen");
    expect(draft.status, draft.text).toBe(200);
    expect(draft.json<{ timesheet: Timesheet }>().timesheet).toMatchObject({
      status: "draft",
      remark: "Eerste dagen",
      totals: { normal: 24, total: 24 },
    });

    const bad: Array<[unknown, string, string]> = [
      [[{ date: lastWeek(), kind: "normal", hours: -2 }], "entries.0.hours", "nl"],
      [[{ date: lastWeek(), kind: "normal", hours: 7.3 }], "entries.0.hours", "nl"],
      [
        [
          { date: lastWeek(), kind: "normal", hours: 20 },
          { date: lastWeek(), kind: "overtime", hours: 4.25 },
        ],
        "entries.1.hours",
        "Op één dag passen niet meer dan 24 uur.",
      ],
      [
        [{ date: addDays(lastWeek(), 7), kind: "normal", hours: 8 }],
        "entries.0.date",
        "Deze dag valt niet in deze week.",
      ],
      [
        [
          { date: lastWeek(), kind: "normal", hours: 4 },
          { date: lastWeek(), kind: "normal", hours: 4 },
        ],
        "entries.1.kind",
        "Deze dag en soort uren staan er twee keer in.",
      ],
    ];
    for (const [entries, field, message] of bad) {
      const res = await save(lastWeek(), entries);
      expect(res.status, res.text).toBe(400);
      const fields = res.json<ErrorResponse>().error.fields ?? [];
      const found = fields.find((f) => f.path === field);
      expect(found, res.text).toBeTruthy();
      if (message !== "nl") expect(found?.message).toBe(message);
    }
    // In English for an English reader.
    const english = await save(
      lastWeek(),
      [
        { date: lastWeek(), kind: "normal", hours: 20 },
        { date: lastWeek(), kind: "travel", hours: 5 },
      ],
      "",
      "en",
    );
    expect(english.json<ErrorResponse>().error.fields?.[0]?.message).toBe(
      "A day cannot hold more than 24 hours.",
    );
    // A week before the start date, and a date that is not a Monday.
    const before = await save(addDays(mondayOf(day(-21)), -7), []);
    expect(before.status).toBe(400);
    expect(before.json<ErrorResponse>().error.fields?.[0]?.path).toBe("weekStart");
    expect((await save(addDays(lastWeek(), 1), [])).status).toBe(400);
    // Nothing of that changed the draft.
    expect(await week(lastWeek())).toMatchObject({
      status: "draft",
      remark: "Eerste dagen",
      totals: { total: 24 },
    });
    // An empty week is not submitted.
    const empty = await submit(weekBefore(), []);
    expect(empty.status).toBe(400);
    expect(empty.json<ErrorResponse>().error.code).toBe("timesheet_empty");
    // Only the candidate writes their hours.
    expect((await manager.call(weekUrl(lastWeek()))).status).toBe(403);
  });

  it("submits a week once; the contact is told, and decides with a comment when rejecting", async () => {
    const before = mailsTo(CONTACT_EMAIL).length;
    const sent = await submit(lastWeek(), fullWeek(lastWeek()), "Woensdag naar de klant in Delft");
    expect(sent.status, sent.text).toBe(200);
    const submitted = sent.json<{ timesheet: Timesheet }>().timesheet;
    const submittedId = submitted.id!;
    expect(submitted).toMatchObject({
      status: "submitted",
      totals: { normal: 40, overtime: 1.5, travel: 0.75, total: 42.25 },
      mayEdit: false,
    });
    expect(submitted.log.map((l) => l.action)).toEqual(["submitted"]);
    // Submitted once: no more changes, no second submission.
    const locked = await save(lastWeek(), fullWeek(lastWeek()).slice(0, 1));
    expect(locked.status).toBe(409);
    expect(locked.json<ErrorResponse>().error.code).toBe("timesheet_locked");
    expect((await submit(lastWeek(), fullWeek(lastWeek()))).status).toBe(409);
    expect((await week(lastWeek())).totals.total).toBe(42.25);

    await server.app.events.drain();
    const mails = mailsTo(CONTACT_EMAIL).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(`/urenstaten/week/${submittedId}`);

    // The contact sees it waiting, on the dashboard too; the other employer's contact does not.
    expect((await waitingFor(contact)).map((t) => t.id)).toEqual([submittedId]);
    const dashboard = (await contact.call("/api/v1/contact/dashboard")).json<ContactDashboardResponse>();
    expect(dashboard.timesheets?.count).toBeGreaterThanOrEqual(1);
    expect(await waitingFor(marieke)).toEqual([]);
    expect((await marieke.call(`/api/v1/timesheets/${submittedId}`)).status).toBe(404);
    expect((await decide(marieke, submittedId, "approve")).status).toBe(404);
    // The candidate reads the week but does not decide it.
    expect((await candidate.call(`/api/v1/timesheets/${submittedId}`)).status).toBe(200);
    expect((await decide(candidate, submittedId, "approve")).status).toBe(403);
    // While the contact decides, the recruiter does not.
    expect((await decide(manager, submittedId, "approve")).status).toBe(403);

    // A rejection needs a comment; without one nothing changes.
    const bare = await decide(contact, submittedId, "reject", "   ");
    expect(bare.status).toBe(400);
    expect(bare.json<ErrorResponse>().error.message).toBe(
      "Geef bij het afkeuren van een weekstaat een toelichting.",
    );
    const german = await decide(contact, submittedId, "reject", "", "de");
    expect(german.json<ErrorResponse>().error.message).toContain("Begründung");
    expect((await week(lastWeek())).status).toBe("submitted");

    const candidateMails = mailsTo(CANDIDATE_EMAIL).length;
    const rejected = await decide(contact, submittedId, "reject", "Woensdag klopt niet: 7 uur gewerkt");
    expect(rejected.status, rejected.text).toBe(200);
    expect(rejected.json<{ timesheet: Timesheet }>().timesheet).toMatchObject({
      status: "rejected",
      decisionComment: "Woensdag klopt niet: 7 uur gewerkt",
      decidedBy: { id: "demo-werkgever" },
    });
    await server.app.events.drain();
    const info = mailsTo(CANDIDATE_EMAIL).slice(candidateMails);
    expect(info).toHaveLength(1);
    expect(info[0]!.text).toContain("Woensdag klopt niet: 7 uur gewerkt");
    // Deciding twice is refused.
    expect((await decide(contact, submittedId, "approve")).status).toBe(409);

    // The candidate corrects and submits again; the contact approves.
    const corrected = fullWeek(lastWeek()).map((e) =>
      e.date === addDays(lastWeek(), 2) && e.kind === "normal" ? { ...e, hours: 7 } : e,
    );
    expect((await save(lastWeek(), corrected, "Woensdag gecorrigeerd")).status).toBe(200);
    expect((await week(lastWeek())).status).toBe("rejected");
    // The candidate's list of weeks says why this one came back.
    const listed = (await candidate.call("/api/v1/my/placements")).json<MyPlacementsResponse>();
    const listedWeek = listed.placements
      .find((p) => p.placement.id === placement.id)
      ?.weeks.find((w) => w.weekStart === lastWeek());
    expect(listedWeek).toMatchObject({
      status: "rejected",
      decisionComment: "Woensdag klopt niet: 7 uur gewerkt",
    });
    const resent = await submit(lastWeek(), corrected, "Woensdag gecorrigeerd");
    expect(resent.status, resent.text).toBe(200);
    const approved = await decide(contact, submittedId, "approve");
    expect(approved.status, approved.text).toBe(200);
    const final = approved.json<{ timesheet: Timesheet }>().timesheet;
    expect(final).toMatchObject({
      status: "approved",
      totals: { normal: 39, total: 41.25 },
      mayDecide: false,
    });
    // The approval log: who did what, when, with the comment.
    expect(final.log.map((l) => [l.action, l.by?.id ?? null, l.comment])).toEqual([
      ["submitted", expect.any(String), null],
      ["rejected", "demo-werkgever", "Woensdag klopt niet: 7 uur gewerkt"],
      ["resubmitted", expect.any(String), null],
      ["approved", "demo-werkgever", null],
    ]);
    const logged = await server.database.db
      .select()
      .from(timesheetLog)
      .where(and(eq(timesheetLog.timesheetId, submittedId), eq(timesheetLog.action, "approved")));
    expect(logged).toHaveLength(1);
    expect(logged[0]!.at).toBeInstanceOf(Date);
    await server.app.events.drain();
    expect(mailsTo(CANDIDATE_EMAIL).length).toBe(candidateMails + 2);
    expect((await save(lastWeek(), corrected)).status).toBe(409);
  });

  it("shows the weeks to the contact only while the placement has started, not ended, needs approval and is billable", async () => {
    const sent = await submit(weekBefore(), fullWeek(weekBefore()));
    expect(sent.status, sent.text).toBe(200);
    const id = sent.json<{ timesheet: Timesheet }>().timesheet.id;
    const seen = async () => (await waitingFor(contact)).some((t) => t.id === id);
    const recruiterWaits = async () => (await waitingFor(manager)).some((t) => t.id === id);
    expect(await seen()).toBe(true);
    expect(await recruiterWaits()).toBe(false);

    // 2. client approval needed
    expect((await patch({ needsClientApproval: false })).approvedByContacts).toBe(false);
    expect(await seen()).toBe(false);
    expect(await recruiterWaits()).toBe(true);
    expect((await contact.call(`/api/v1/timesheets/${id}`)).status).toBe(404);
    await patch({ needsClientApproval: true });
    expect(await seen()).toBe(true);
    // 3. a valid billable rate: "niet factureerbaar", or no rate at all
    await patch({ nonBillable: true });
    expect(await seen()).toBe(false);
    await patch({ nonBillable: false, rateCents: null });
    expect(await seen()).toBe(false);
    await patch({ rateCents: 2450 });
    expect(await seen()).toBe(true);
    // 1. ended (the end date has passed) ...
    const ended = await patch({ endDate: day(-1) });
    expect(ended.state).toBe("ended");
    expect(await seen()).toBe(false);
    await patch({ endDate: day(10) });
    expect(await seen()).toBe(true);
    // ... but an end date before hours already written is refused.
    const cut = await manager.call(`/api/v1/placements/${placement.id}`, {
      method: "PATCH",
      body: { endDate: addDays(weekBefore(), 1) },
    });
    expect(cut.status).toBe(400);
    await patch({ endDate: null });
  });

  it("shows nothing to the contact of a placement that has not started", async () => {
    // Another hired candidate (without an account) on the same vacancy, starting next week, with a
    // week already in the books (as an import from another system would put it there).
    const { db } = server.database;
    const [haaglanden] = await db.select().from(portals).where(eq(portals.slug, "haaglanden"));
    const [other] = await db
      .select({ id: candidates.id })
      .from(candidates)
      .where(
        and(eq(candidates.portalId, haaglanden!.id), eq(candidates.visible, true), isNull(candidates.userId)),
      )
      .limit(1);
    const saved = await manager.call(`/api/v1/candidates/${other!.id}/vacancies`, { body: { vacancyId } });
    expect(saved.status, saved.text).toBe(200);
    const matches = (
      await manager.call(`/api/v1/vacancies/${vacancyId}/matches`)
    ).json<VacancyMatchesResponse>();
    const otherMatch = matches.phases.flatMap((g) => g.matches).find((m) => m.candidate.id === other!.id)!;
    expect(
      (await manager.call(`/api/v1/matches/${otherMatch.id}/moves`, { body: { phaseId: hiredPhaseId } }))
        .status,
    ).toBe(200);
    const start = day(8);
    const created = await manager.call("/api/v1/placements", {
      body: terms({ matchId: otherMatch.id, startDate: start }),
    });
    expect(created.status, created.text).toBe(201);
    const upcoming = created.json<{ placement: Placement }>().placement;
    expect(upcoming).toMatchObject({ state: "upcoming", approvedByContacts: false });
    const [sheet] = await db
      .insert(timesheets)
      .values({
        placementId: upcoming.id,
        organisationId: westlandId,
        candidateId: other!.id,
        weekStart: mondayOf(start),
        status: "submitted",
        submissions: 1,
        submittedAt: new Date(),
      })
      .returning();
    await db.insert(timesheetEntries).values({
      timesheetId: sheet!.id,
      organisationId: westlandId,
      date: start,
      kind: "normal",
      minutes: 480,
    });
    const seen = async () => {
      const res = await contact.call("/api/v1/timesheets?status=waiting");
      return res.json<TimesheetListResponse>().timesheets.some((t) => t.id === sheet!.id);
    };
    expect(await seen()).toBe(false);
    expect((await contact.call(`/api/v1/timesheets/${sheet!.id}`)).status).toBe(404);
    const moved = await manager.call(`/api/v1/placements/${upcoming.id}`, {
      method: "PATCH",
      body: { startDate: day(-1) },
    });
    expect(moved.status, moved.text).toBe(200);
    expect(await seen()).toBe(true);
    // The start cannot move past hours already written.
    const late = await manager.call(`/api/v1/placements/${upcoming.id}`, {
      method: "PATCH",
      body: { startDate: day(9) },
    });
    expect(late.status).toBe(400);
    await manager.call(`/api/v1/placements/${upcoming.id}`, { method: "PATCH", body: { startDate: start } });
    expect(await seen()).toBe(false);
    // The candidate's own weeks: not one that has not begun.
    const future = await candidate.call(
      `/api/v1/my/placements/${placement.id}/weeks/${addDays(thisWeek(), 7)}`,
    );
    expect(future.status).toBe(400);
  });

  it("approves several weeks at once, all or none, and gives the recruiter totals, an export and SETU", async () => {
    const waiting = await waitingFor(contact);
    expect(waiting).toHaveLength(1);
    const [pending] = waiting;
    const approvedId = (await week(lastWeek())).id!;
    // One of them does not wait any more: nothing is approved.
    const mixed = await contact.call("/api/v1/timesheets/approve", {
      body: { timesheetIds: [pending!.id, approvedId] },
    });
    expect(mixed.status).toBe(409);
    expect((await week(weekBefore())).status).toBe("submitted");
    // Another employer's contact cannot approve it, alone or among others.
    expect(
      (await marieke.call("/api/v1/timesheets/approve", { body: { timesheetIds: [pending!.id] } })).status,
    ).toBe(404);
    const bulk = await contact.call("/api/v1/timesheets/approve", { body: { timesheetIds: [pending!.id] } });
    expect(bulk.status, bulk.text).toBe(200);
    expect(bulk.json<{ approved: number }>().approved).toBe(1);

    const detail = (await manager.call(`/api/v1/placements/${placement.id}`)).json<PlacementDetailResponse>();
    expect(detail.weeks.map((w) => [w.weekStart, w.status])).toEqual([
      [lastWeek(), "approved"],
      [weekBefore(), "approved"],
    ]);
    expect(detail.totals.total).toBe(41.25 + 42.25);
    expect(detail.placement.approvedHours).toBe(41.25 + 42.25);

    // The export's totals equal the approved hours.
    const from = weekBefore();
    const to = lastWeek();
    const csv = await manager.call(`/api/v1/placements/export?from=${from}&to=${to}&format=csv`);
    expect(csv.status, csv.text).toBe(200);
    expect(csv.headers["content-disposition"]).toContain("attachment");
    const lines = csv.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    const ours = lines.filter((l) => l.includes("Orderpicker uren"));
    expect(ours).toHaveLength(2);
    const xlsx = await manager.call(`/api/v1/placements/export?from=${from}&to=${to}&format=xlsx`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    let total = 0;
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const values = row.values as unknown[];
      if (values.some((v) => v === "Orderpicker uren")) {
        const header = (sheet.getRow(1).values as unknown[]).indexOf("Totaal uren");
        total += Number(values[header]);
      }
    });
    expect(total).toBeCloseTo(41.25 + 42.25, 5);
    // The file's language: asked for, else the browser's.
    const english = await manager.call(`/api/v1/placements/export?from=${from}&to=${to}&format=csv&lang=en`, {
      headers: { "accept-language": "nl" },
    });
    expect(english.text).toContain("Total hours");
    expect(csv.text).toContain("Totaal uren");
    const badPeriod = await manager.call(`/api/v1/placements/export?from=${to}&to=${from}&format=csv`);
    expect(badPeriod.status).toBe(400);
    expect((await contact.call(`/api/v1/placements/export?from=${from}&to=${to}`)).status).toBe(403);

    // An approved week as a SETU Timecard that the schema accepts.
    const setu = await manager.call(`/api/v1/timesheets/${approvedId}/setu`);
    expect(setu.status, setu.text).toBe(200);
    expect(setu.text).toContain("<Timecard");
    expect(setu.text).toContain("HT100");
    const xmllint = spawnSync("xmllint", ["--version"]);
    if (xmllint.status === 0) {
      const dir = mkdtempSync(path.join(os.tmpdir(), "setu-"));
      const file = path.join(dir, "timecard.xml");
      writeFileSync(file, setu.body);
      const schema = path.resolve("data/setu/setu/schemas/purchase-to-pay-v2/Timecard.xsd");
      const checked = spawnSync("xmllint", ["--noout", "--nonet", "--schema", schema, file]);
      expect(checked.status, checked.stderr.toString()).toBe(0);
    }
    expect((await contact.call(`/api/v1/timesheets/${approvedId}/setu`)).status).toBe(403);
  });

  it("sends one daily digest instead of a mail per week to a contact who chose it", async () => {
    const choose = await contact.call("/api/v1/timesheets/mail-preference", {
      method: "PUT",
      body: { mode: "daily" },
    });
    expect(choose.status, choose.text).toBe(200);
    expect((await contact.call("/api/v1/timesheets/mail-preference")).json()).toEqual({ mode: "daily" });
    expect(
      (await contact.call("/api/v1/timesheets/mail-preference", { method: "PUT", body: { mode: "weekly" } }))
        .status,
    ).toBe(400);
    const before = mailsTo(CONTACT_EMAIL).length;
    const sent = await submit(thisWeek(), [{ date: thisWeek(), kind: "normal", hours: 6 }]);
    expect(sent.status, sent.text).toBe(200);
    await server.app.events.drain();
    expect(mailsTo(CONTACT_EMAIL).length).toBe(before);

    const store = createStore(server.database.db, server.app.events);
    expect(await runTimesheetDigest({ store })).toBe(1);
    await server.app.events.drain();
    const digests = mailsTo(CONTACT_EMAIL).slice(before);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.text).toContain("/urenstaten");
    // A second run finds nothing new.
    expect(await runTimesheetDigest({ store })).toBe(0);
    await server.app.events.drain();
    expect(mailsTo(CONTACT_EMAIL).length).toBe(before + 1);
  });
});
