import { and, eq, sql } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { request } from "../../../../test/support/http";
import { type MimePart, parseMail } from "../../../../test/support/mime";
import { closeProcedure } from "../../../../test/support/procedures";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import type { ErrorResponse } from "../../../contracts/common";
import type {
  CalendarFeedResponse,
  CreateSelectionEventRequest,
  InviteApplicantsResponse,
  MyInvitation,
  SelectionEvent,
  SelectionEventListResponse,
} from "../../../contracts/selection-events";
import { type Db, queryRows } from "../../platform/db";
import { domainEvents } from "../../platform/events.schema";
import { candidates } from "../candidates/candidates.schema";
import { hashPassword } from "../identity";
import { matches, procedurePhases } from "../matches/matches.schema";
import { accounts, memberships, users } from "../tenancy/tenancy.schema";
import { vacancies } from "../vacancies/vacancies.schema";
import { selectionEvents, selectionInvitations } from "./selection-events.schema";

const PASSWORD = "Sollicitant-wachtwoord-2026!";
const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

/** Every leaf of a mail's MIME tree. */
const leaves = (part: MimePart): MimePart[] => (part.parts.length ? part.parts.flatMap(leaves) : [part]);

/** The calendar a mail carries (its text/calendar alternative), parsed with ical.js. */
function calendarOf(raw: Buffer) {
  const part = leaves(parseMail(raw)).find((p) => p.type === "text/calendar");
  expect(part, "the mail has a text/calendar part").toBeDefined();
  const component = new ICAL.Component(ICAL.parse(part!.body));
  const vevent = component.getFirstSubcomponent("vevent")!;
  return {
    contentMethod: part!.params.method,
    method: String(component.getFirstPropertyValue("method")),
    uid: String(vevent.getFirstPropertyValue("uid")),
    sequence: Number(vevent.getFirstPropertyValue("sequence")),
    start: (vevent.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate(),
  };
}

describe.each(testDbKinds())("selection events, on %s", (kind) => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  let db: Db;
  let officer: Client; // selectie@: owner of the demo vacancy
  let jury: Client; // jury@: on the demo vacancy's jury
  let other: Client; // zorg@: another organisation
  let kim: Client; // kandidaat@: Kim applied to the demo vacancy
  let vacancyId: string;
  let phaseOf: (key: string) => string;
  let event: SelectionEvent;
  const applicants = new Map<string, { client: Client; email: string; matchId: string }>();

  const errorOf = (res: { json<T>(): T }) => res.json<ErrorResponse>().error;
  const eventCount = async () =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(selectionEvents))[0]!.n;
  const outboxCount = async () =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(domainEvents))[0]!.n;

  /** A person with a candidate account on the demo vacancy, in the given phase. */
  async function applicant(first: string, phase: string): Promise<void> {
    const id = `test-events-${first.toLowerCase()}`;
    const email = `${first.toLowerCase()}@selectie-events.test`;
    const [vacancy] = await db.select().from(vacancies).where(eq(vacancies.id, vacancyId));
    await db.insert(users).values({ id, name: `${first} Test`, email, emailVerified: true, locale: "en" });
    await db.insert(accounts).values({
      id: `${id}-credential`,
      userId: id,
      accountId: id,
      providerId: "credential",
      password: await hashPassword(PASSWORD),
    });
    await db.insert(memberships).values({ userId: id, role: "candidate", portalId: vacancy!.portalId });
    const [candidate] = await db
      .insert(candidates)
      .values({ portalId: vacancy!.portalId, userId: id, firstName: first, lastName: "Test", email })
      .returning();
    const [match] = await db
      .insert(matches)
      .values({
        portalId: vacancy!.portalId,
        organisationId: vacancy!.organisationId,
        vacancyId,
        candidateId: candidate!.id,
        source: "applied",
        procedureId: vacancy!.procedureId!,
        phaseId: phaseOf(phase),
      })
      .returning();
    const client = new Client(server);
    await signIn(client, email, PASSWORD);
    applicants.set(first, { client, email, matchId: match!.id });
  }

  const plan = (over: Partial<CreateSelectionEventRequest> = {}): CreateSelectionEventRequest => ({
    name: "Jurygesprekken",
    description: "Een gesprek van 45 minuten met de jury.",
    location: "Koning Albert II-laan 15, 1210 Brussel",
    onlineUrl: null,
    bookingDeadline: new Date(Date.now() + 5 * DAY).toISOString(),
    sessions: [
      {
        date: inDays(10),
        start: "09:00",
        end: "12:00",
        slots: [
          { start: "09:00", end: "10:00", capacity: 2 },
          { start: "10:00", end: "11:00", capacity: 1 },
        ],
      },
      {
        date: inDays(11),
        start: "13:00",
        end: "15:00",
        slots: [{ start: "13:00", end: "14:00", capacity: 3 }],
      },
    ],
    ...over,
  });

  async function invitationOf(who: Client, eventId: string): Promise<MyInvitation> {
    const res = await who.call("/api/v1/selection-invitations/mine");
    expect(res.status, res.text).toBe(200);
    const found = res.json<{ invitations: MyInvitation[] }>().invitations.find((i) => i.eventId === eventId);
    expect(found, "invited").toBeDefined();
    return found!;
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startTestServer({ kind, web: false, env: { SMTP_URL: smtp.url } });
    db = server.database.db;
    const [vacancy] = await db
      .select()
      .from(vacancies)
      .where(eq(vacancies.displayTitle, "Beleidsmedewerker arbeidsmarkt"));
    vacancyId = vacancy!.id;
    const phases = await db
      .select()
      .from(procedurePhases)
      .where(eq(procedurePhases.procedureId, vacancy!.procedureId!));
    phaseOf = (key) => phases.find((p) => p.key === key)!.id;
    officer = new Client(server);
    jury = new Client(server);
    other = new Client(server);
    kim = new Client(server);
    await signIn(officer, "selectie@demo.werkbrug.test");
    await signIn(jury, "jury@demo.werkbrug.test");
    await signIn(other, "zorg@demo.werkbrug.test");
    await signIn(kim, "kandidaat@demo.werkbrug.test");
    await applicant("Ann", "preselected");
    await applicant("Bram", "preselected");
    await applicant("Cas", "failed");
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it("plans an event with two sessions; the jury reads it, another organisation gets 404", async () => {
    const res = await officer.call(`/api/v1/vacancies/${vacancyId}/selection-events`, { body: plan() });
    expect(res.status, res.text).toBe(201);
    event = res.json<{ event: SelectionEvent }>().event;
    expect(event.sessions).toHaveLength(2);
    expect(event.sessions[0]!.slots.map((s) => [s.start, s.end, s.free])).toEqual([
      ["09:00", "10:00", 2],
      ["10:00", "11:00", 1],
    ]);
    expect(event.counts).toMatchObject({ invited: 0, booked: 0, capacity: 6, free: 6 });
    expect(event.manage).toBe(true);
    expect(event.timeZone).toMatch(/^Europe\/(Brussels|Amsterdam)$/);

    const read = await jury.call(`/api/v1/selection-events/${event.id}`);
    expect(read.status, read.text).toBe(200);
    expect(read.json<{ event: SelectionEvent }>().event.manage).toBe(false);
    const juryList = await jury.call("/api/v1/selection-events");
    expect(juryList.json<SelectionEventListResponse>().events.map((e) => e.id)).toContain(event.id);
    const juryChange = await jury.call(`/api/v1/selection-events/${event.id}/invitations`, {
      body: { phaseIds: [phaseOf("preselected")] },
    });
    expect(juryChange.status).toBe(403);

    expect((await other.call(`/api/v1/selection-events/${event.id}`)).status).toBe(404);
    expect((await other.call(`/api/v1/vacancies/${vacancyId}/selection-events`)).status).toBe(404);
    const foreign = await other.call(`/api/v1/selection-events/${event.id}/sessions`, {
      body: plan().sessions[0],
    });
    expect(foreign.status).toBe(404);
    const overview = await other.call("/api/v1/selection-events");
    expect(overview.json<SelectionEventListResponse>().events.map((e) => e.id)).not.toContain(event.id);
  });

  it("refuses slots ending before they start, a capacity below 1 and an event without a place; nothing is stored", async () => {
    const before = await eventCount();
    const backwards = await officer.call(`/api/v1/vacancies/${vacancyId}/selection-events`, {
      body: plan({
        sessions: [
          {
            date: inDays(10),
            start: "09:00",
            end: "12:00",
            slots: [{ start: "10:00", end: "09:30", capacity: 1 }],
          },
        ],
      }),
      headers: { "accept-language": "nl" },
    });
    expect(backwards.status).toBe(400);
    expect(errorOf(backwards).fields).toContainEqual({
      path: "sessions.0.slots.0.end",
      message: "Het einde moet na het begin liggen.",
    });
    const empty = await officer.call(`/api/v1/vacancies/${vacancyId}/selection-events`, {
      body: plan({
        sessions: [
          {
            date: inDays(10),
            start: "09:00",
            end: "12:00",
            slots: [{ start: "09:00", end: "09:30", capacity: 0 }],
          },
        ],
      }),
      headers: { "accept-language": "en" },
    });
    expect(empty.status).toBe(400);
    expect(errorOf(empty).fields).toContainEqual({
      path: "sessions.0.slots.0.capacity",
      message: "A slot has room for at least 1 person.",
    });
    const nowhere = await officer.call(`/api/v1/vacancies/${vacancyId}/selection-events`, {
      body: plan({ location: null, onlineUrl: null }),
    });
    expect(nowhere.status).toBe(400);
    expect(errorOf(nowhere).fields?.map((f) => f.path)).toContain("location");
    const session = await officer.call(`/api/v1/selection-events/${event.id}/sessions`, {
      body: {
        date: inDays(12),
        start: "15:00",
        end: "14:00",
        slots: [{ start: "14:00", end: "14:30", capacity: 1 }],
      },
    });
    expect(session.status).toBe(400);
    expect(await eventCount()).toBe(before);
  });

  it("invites the applicants of the chosen phases once, each with a mail linking to their booking page", async () => {
    const res = await officer.call(`/api/v1/selection-events/${event.id}/invitations`, {
      body: { phaseIds: [phaseOf("submitted"), phaseOf("preselected")] },
    });
    expect(res.status, res.text).toBe(200);
    const body = res.json<InviteApplicantsResponse>();
    const names = body.event.invitations.map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining(["Kim de Kandidaat", "Ann Test", "Bram Test"]));
    expect(names).not.toContain("Cas Test");
    expect(body.invited).toBe(body.event.invitations.length);
    const again = await officer.call(`/api/v1/selection-events/${event.id}/invitations`, {
      body: { phaseIds: [phaseOf("preselected")] },
    });
    expect(again.json<InviteApplicantsResponse>().invited).toBe(0);

    await server.app.events.drain();
    // Ann reads English, Kim Dutch: each gets the invitation in their own language.
    const mail = smtp.to("ann@selectie-events.test").at(-1)!;
    expect(mail.subject).toBe("Choose your time: Jurygesprekken (Beleidsmedewerker arbeidsmarkt)");
    const kimMail = smtp.to("kandidaat@demo.werkbrug.test").at(-1)!;
    expect(kimMail.subject).toBe("Kies je moment: Jurygesprekken (Beleidsmedewerker arbeidsmarkt)");
    const ann = await invitationOf(applicants.get("Ann")!.client, event.id);
    expect(mail.text).toContain(`/selectiemomenten/inschrijven/${ann.id}`);
    expect(ann.open).toBe(true);
    expect(ann.booking).toBeNull();
    // Cas was not invited: his list has nothing of this event.
    const cas = await applicants.get("Cas")!.client.call("/api/v1/selection-invitations/mine");
    expect(cas.json<{ invitations: MyInvitation[] }>().invitations).toEqual([]);
  });

  it("books, refuses a double booking, changes and cancels, each mail with an iCalendar that keeps its UID", async () => {
    const mine = await invitationOf(kim, event.id);
    const [first, second] = [mine.sessions[0]!.slots[0]!, mine.sessions[1]!.slots[0]!];
    const booked = await kim.call(`/api/v1/selection-invitations/${mine.id}/booking`, {
      method: "PUT",
      body: { slotId: first.id },
    });
    expect(booked.status, booked.text).toBe(200);
    expect(booked.json<{ invitation: MyInvitation }>().invitation.booking?.slotId).toBe(first.id);

    const twice = await kim.call(`/api/v1/selection-invitations/${mine.id}/booking`, {
      method: "PUT",
      body: { slotId: first.id },
      headers: { "accept-language": "en" },
    });
    expect(twice.status).toBe(409);
    expect(errorOf(twice).message).toBe("You have already booked this slot.");

    await server.app.events.drain();
    const kimMails = () =>
      smtp.to("kandidaat@demo.werkbrug.test").filter((m) => /Jurygesprekken/.test(m.subject ?? ""));
    const request1 = calendarOf(kimMails().at(-1)!.raw);
    expect(request1.method).toBe("REQUEST");
    expect(request1.contentMethod).toBe("REQUEST");
    expect(request1.uid).toBe(`${mine.id}@werkbrug`);
    expect(request1.sequence).toBe(1);
    // 09:00 on the day in the organisation's zone: 08:00 UTC in winter, 07:00 in summer.
    expect(request1.start.toISOString().slice(0, 10)).toBe(inDays(10));
    expect([7, 8]).toContain(request1.start.getUTCHours());

    const changed = await kim.call(`/api/v1/selection-invitations/${mine.id}/booking`, {
      method: "PUT",
      body: { slotId: second.id },
    });
    expect(changed.status, changed.text).toBe(200);
    await server.app.events.drain();
    const update = calendarOf(kimMails().at(-1)!.raw);
    expect(update.uid).toBe(request1.uid);
    expect(update.sequence).toBeGreaterThan(request1.sequence);
    expect(update.method).toBe("REQUEST");
    expect(update.start.toISOString().slice(0, 10)).toBe(inDays(11));

    const cancelled = await kim.call(`/api/v1/selection-invitations/${mine.id}/booking`, {
      method: "DELETE",
    });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.json<{ invitation: MyInvitation }>().invitation.booking).toBeNull();
    await server.app.events.drain();
    const cancel = calendarOf(kimMails().at(-1)!.raw);
    expect(cancel.method).toBe("CANCEL");
    expect(cancel.uid).toBe(request1.uid);
    expect(cancel.sequence).toBeGreaterThan(update.sequence);

    // Book again for the rest of the tests.
    const again = await kim.call(`/api/v1/selection-invitations/${mine.id}/booking`, {
      method: "PUT",
      body: { slotId: second.id },
    });
    expect(again.status, again.text).toBe(200);
  });

  it("refuses an invitation that is not one's own and a slot of another event with 404", async () => {
    const kimsInvitation = await invitationOf(kim, event.id);
    const cas = applicants.get("Cas")!.client;
    const foreign = await cas.call(`/api/v1/selection-invitations/${kimsInvitation.id}/booking`, {
      method: "PUT",
      body: { slotId: kimsInvitation.sessions[0]!.slots[0]!.id },
    });
    expect(foreign.status).toBe(404);
    const elsewhere = await officer.call(`/api/v1/vacancies/${vacancyId}/selection-events`, {
      body: plan({ name: "Schriftelijke proef" }),
    });
    const otherSlot = elsewhere.json<{ event: SelectionEvent }>().event.sessions[0]!.slots[0]!.id;
    const wrong = await kim.call(`/api/v1/selection-invitations/${kimsInvitation.id}/booking`, {
      method: "PUT",
      body: { slotId: otherSlot },
    });
    expect(wrong.status).toBe(404);
    expect((await invitationOf(kim, event.id)).booking?.slotId).toBe(kimsInvitation.booking?.slotId);
  });

  it("refuses a full slot, and of two applicants racing for the last place exactly one gets it", async () => {
    const ann = applicants.get("Ann")!;
    const bram = applicants.get("Bram")!;
    const [annInv, bramInv] = [
      await invitationOf(ann.client, event.id),
      await invitationOf(bram.client, event.id),
    ];
    const single = annInv.sessions[0]!.slots[1]!; // capacity 1
    const race = () =>
      Promise.all(
        [ann.client, bram.client].map((client, i) =>
          client.call(`/api/v1/selection-invitations/${[annInv, bramInv][i]!.id}/booking`, {
            method: "PUT",
            body: { slotId: single.id },
            headers: { "accept-language": "nl" },
          }),
        ),
      );
    let results: Awaited<ReturnType<typeof race>>;
    if (kind === "postgres") {
      // Both requests are made to arrive at the slot together: the test holds the slot's row
      // until both wait for it, then lets go. Without the booking's own lock on the slot, both
      // would have counted a free place before waiting and both would book.
      let racing: ReturnType<typeof race> | undefined;
      await db.transaction(async (tx) => {
        await tx.execute(sql`select id from selection_slots where id = ${single.id} for update`);
        racing = race();
        await expect
          .poll(
            async () =>
              (
                await queryRows<{ n: number }>(
                  tx as unknown as Db,
                  sql`select count(*)::int as n from pg_locks where not granted`,
                )
              )[0]!.n,
            { timeout: 15_000 },
          )
          .toBeGreaterThanOrEqual(2);
      });
      results = await racing!;
    } else {
      // PGlite has one connection: transactions run one after the other by construction.
      results = await race();
    }
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(errorOf(loser).code).toBe("slot_full");
    expect(errorOf(loser).message).toBe("Dit moment is volzet. Kies een ander moment.");
    const [taken] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(selectionInvitations)
      .where(eq(selectionInvitations.slotId, single.id));
    expect(taken!.n).toBe(1);

    // Now full for anyone: Kim is refused too, and her booking stays where it was.
    const kimBefore = await invitationOf(kim, event.id);
    const full = await kim.call(`/api/v1/selection-invitations/${kimBefore.id}/booking`, {
      method: "PUT",
      body: { slotId: single.id },
    });
    expect(full.status).toBe(409);
    expect((await invitationOf(kim, event.id)).booking?.slotId).toBe(kimBefore.booking?.slotId);
    const seen = (await invitationOf(kim, event.id)).sessions[0]!.slots[1]!;
    expect(seen.free).toBe(0);
  });

  it("marks attendance and shows bookings, free places and attendance in the overview", async () => {
    const read = await officer.call(`/api/v1/selection-events/${event.id}`);
    const current = read.json<{ event: SelectionEvent }>().event;
    const booked = current.invitations.filter((i) => i.slotId);
    expect(booked.length).toBe(2);
    const notBooked = current.invitations.find((i) => !i.slotId)!;
    const refused = await officer.call(
      `/api/v1/selection-events/${event.id}/invitations/${notBooked.id}/attendance`,
      { method: "PUT", body: { attendance: "present" } },
    );
    expect(refused.status).toBe(409);
    const marked = await officer.call(
      `/api/v1/selection-events/${event.id}/invitations/${booked[0]!.id}/attendance`,
      { method: "PUT", body: { attendance: "present" } },
    );
    expect(marked.status, marked.text).toBe(200);
    const overview = await officer.call("/api/v1/selection-events");
    const row = overview.json<SelectionEventListResponse>().events.find((e) => e.id === event.id)!;
    expect(row.counts).toMatchObject({ booked: 2, capacity: 6, free: 4, present: 1, absent: 0 });
    expect(row.firstDate).toBe(inDays(10));
    expect(row.lastDate).toBe(inDays(11));
  });

  it("refuses booking after the deadline and any change on a closed procedure; nothing changes", async () => {
    const ann = applicants.get("Ann")!;
    const annInv = await invitationOf(ann.client, event.id);
    const free = annInv.sessions[1]!.slots[0]!;
    const past = await officer.call(`/api/v1/selection-events/${event.id}`, {
      method: "PUT",
      body: {
        name: event.name,
        description: event.description,
        location: event.location,
        onlineUrl: event.onlineUrl,
        bookingDeadline: new Date(Date.now() - 60_000).toISOString(),
      },
    });
    expect(past.status, past.text).toBe(200);
    const before = await outboxCount();
    const late = await ann.client.call(`/api/v1/selection-invitations/${annInv.id}/booking`, {
      method: "PUT",
      body: { slotId: free.id },
      headers: { "accept-language": "en" },
    });
    expect(late.status).toBe(409);
    expect(errorOf(late).message).toMatch(/deadline has passed/);
    const lateCancel = await ann.client.call(`/api/v1/selection-invitations/${annInv.id}/booking`, {
      method: "DELETE",
    });
    expect([409]).toContain(lateCancel.status);
    expect((await invitationOf(ann.client, event.id)).booking?.slotId ?? null).toBe(
      annInv.booking?.slotId ?? null,
    );
    expect(await outboxCount()).toBe(before);

    const reopen = await closeProcedure(db, vacancyId);
    try {
      const closed = await officer.call(`/api/v1/selection-events/${event.id}/sessions`, {
        body: plan().sessions[1],
        headers: { "accept-language": "nl" },
      });
      expect(closed.status).toBe(409);
      expect(errorOf(closed).code).toBe("procedure_closed");
      const planNew = await officer.call(`/api/v1/vacancies/${vacancyId}/selection-events`, { body: plan() });
      expect(planNew.status).toBe(409);
      const kimInv = await invitationOf(kim, event.id);
      expect(kimInv.open).toBe(false);
      const kimBooks = await kim.call(`/api/v1/selection-invitations/${kimInv.id}/booking`, {
        method: "DELETE",
      });
      expect(kimBooks.status).toBe(409);
      expect(errorOf(kimBooks).code).toBe("procedure_closed");
      const read = await officer.call(`/api/v1/selection-events/${event.id}`);
      expect(read.json<{ event: SelectionEvent }>().event.sessions).toHaveLength(2);
    } finally {
      await reopen();
    }
  });

  it("gives the jury a private calendar feed of their sessions; a new URL revokes the old", async () => {
    expect((await kim.call("/api/v1/calendar-feed", { body: {} })).status).toBe(403);
    const made = await jury.call("/api/v1/calendar-feed", { method: "POST" });
    expect(made.status, made.text).toBe(200);
    const first = made.json<CalendarFeedResponse>().url!;
    const path = new URL(first).pathname;
    expect(path).toMatch(/^\/feeds\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await request(server, path);
    expect(feed.status).toBe(200);
    expect(feed.headers["content-type"]).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(feed.text));
    const summaries = calendar
      .getAllSubcomponents("vevent")
      .map((v) => String(v.getFirstPropertyValue("summary")));
    expect(summaries.filter((s) => s.startsWith("Jurygesprekken")).length).toBeGreaterThanOrEqual(2);
    // Only the hash is stored.
    const stored = await db.execute(sql`select token_hash from calendar_feeds where user_id = 'demo-jury'`);
    expect(JSON.stringify(stored)).not.toContain(path.slice(16, 59));

    const renewed = await jury.call("/api/v1/calendar-feed", { method: "POST" });
    const second = new URL(renewed.json<CalendarFeedResponse>().url!).pathname;
    expect((await request(server, path)).status).toBe(404);
    expect((await request(server, second)).status).toBe(200);
    const revoked = await jury.call("/api/v1/calendar-feed", { method: "DELETE" });
    expect(revoked.json<CalendarFeedResponse>().active).toBe(false);
    expect((await request(server, second)).status).toBe(404);
    expect((await request(server, "/feeds/calendar/nonsense.ics")).status).toBe(404);
  });

  it("keeps one booking per applicant per event in the database", async () => {
    const rows = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(selectionInvitations)
      .where(
        and(
          eq(selectionInvitations.eventId, event.id),
          eq(selectionInvitations.matchId, applicants.get("Ann")!.matchId),
        ),
      );
    expect(rows[0]!.n).toBe(1);
  });
});
