import { and, asc, eq, inArray, isNotNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "../../platform/db";
import { insertOwned, inTenant } from "../../platform/db";
import {
  candidates,
  matches,
  organisations,
  portals,
  procedureClosedOf,
  procedurePhases,
  users,
  vacancies,
  vacancyTeam,
} from "../../platform/schema";
import type { PlatformScope, PublicScope, SelfScope, TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { mailPortalColumns } from "../tenancy";
import {
  calendarFeeds,
  selectionEvents,
  selectionInvitations,
  selectionSessions,
  selectionSlots,
} from "./selection-events.schema";

export type EventRow = typeof selectionEvents.$inferSelect;
export type SessionRow = typeof selectionSessions.$inferSelect;
export type InvitationRow = typeof selectionInvitations.$inferSelect;
export type NewSession = { day: string; startsAt: string; endsAt: string; slots: NewSlot[] };
export type NewSlot = { startsAt: string; endsAt: string; capacity: number };

/** An event with what every view of it shows: its vacancy's title and status, the zone of its times. */
const eventColumns = {
  event: selectionEvents,
  vacancyTitle: vacancies.displayTitle,
  procedureClosed: procedureClosedOf(vacancies.id),
  timeZone: organisations.timeZone,
};
export type EventWithFacts = {
  event: EventRow;
  vacancyTitle: string;
  procedureClosed: boolean;
  timeZone: string;
};

const bookedOf = sql<number>`(select count(*)::int from selection_invitations i where i.slot_id = selection_slots.id)`;
const slotColumns = {
  id: selectionSlots.id,
  sessionId: selectionSlots.sessionId,
  startsAt: selectionSlots.startsAt,
  endsAt: selectionSlots.endsAt,
  capacity: selectionSlots.capacity,
  booked: bookedOf,
};
export type SlotWithCount = {
  id: string;
  sessionId: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
};

/** Per event: sessions, first and last day, capacity, invitations, bookings and attendance. */
const summaryColumns = {
  ...eventColumns,
  sessions: sql<number>`(select count(*)::int from selection_sessions s where s.event_id = selection_events.id)`,
  firstDate: sql<
    string | null
  >`(select min(s.day)::text from selection_sessions s where s.event_id = selection_events.id)`,
  lastDate: sql<
    string | null
  >`(select max(s.day)::text from selection_sessions s where s.event_id = selection_events.id)`,
  capacity: sql<number>`(select coalesce(sum(sl.capacity), 0)::int from selection_slots sl where sl.event_id = selection_events.id)`,
  invited: sql<number>`(select count(*)::int from selection_invitations i where i.event_id = selection_events.id)`,
  booked: sql<number>`(select count(*)::int from selection_invitations i where i.event_id = selection_events.id and i.slot_id is not null)`,
  present: sql<number>`(select count(*)::int from selection_invitations i where i.event_id = selection_events.id and i.attendance = 'present')`,
  absent: sql<number>`(select count(*)::int from selection_invitations i where i.event_id = selection_events.id and i.attendance = 'absent')`,
};
export type EventSummaryRow = EventWithFacts & {
  sessions: number;
  firstDate: string | null;
  lastDate: string | null;
  capacity: number;
  invited: number;
  booked: number;
  present: number;
  absent: number;
};
/** The vacancy facts the overview filters on (who may see its applicants). */
const summaryVacancyFacts = {
  vacancyOrganisationId: vacancies.organisationId,
};

async function sessionsAndSlots(db: Db, eventIds: string[]) {
  if (eventIds.length === 0) return { sessions: [], slots: [] };
  const [sessions, slots] = await Promise.all([
    db
      .select()
      .from(selectionSessions)
      .where(inArray(selectionSessions.eventId, eventIds))
      .orderBy(asc(selectionSessions.day), asc(selectionSessions.startsAt)),
    db
      .select({ ...slotColumns, eventId: selectionSlots.eventId })
      .from(selectionSlots)
      .where(inArray(selectionSlots.eventId, eventIds))
      .orderBy(asc(selectionSlots.startsAt)),
  ]);
  return { sessions, slots };
}

/** The organisation's side: events of vacancies in the caller's scope. */
export const selectionEventsRepository = repository<TenantScope>()({
  async vacancyOfEvent(db, scope, eventId: string): Promise<string | null> {
    const [row] = await db
      .select({ vacancyId: selectionEvents.vacancyId })
      .from(selectionEvents)
      .where(and(eq(selectionEvents.id, eventId), inTenant(scope, selectionEvents.organisationId)));
    return row?.vacancyId ?? null;
  },

  async event(db, scope, eventId: string): Promise<EventWithFacts | null> {
    const [row] = await db
      .select(eventColumns)
      .from(selectionEvents)
      .innerJoin(vacancies, eq(vacancies.id, selectionEvents.vacancyId))
      .innerJoin(organisations, eq(organisations.id, selectionEvents.organisationId))
      .where(and(eq(selectionEvents.id, eventId), inTenant(scope, selectionEvents.organisationId)));
    return row ?? null;
  },

  async timeZoneOf(db, scope, organisationId: string): Promise<string> {
    const [row] = await db
      .select({ timeZone: organisations.timeZone })
      .from(organisations)
      .where(and(eq(organisations.id, organisationId), inTenant(scope, organisations.id)));
    return row?.timeZone ?? "Europe/Amsterdam";
  },

  async structure(db, scope, eventId: string) {
    const [sessions, slots, invitations] = await Promise.all([
      db
        .select()
        .from(selectionSessions)
        .where(and(eq(selectionSessions.eventId, eventId), inTenant(scope, selectionSessions.organisationId)))
        .orderBy(asc(selectionSessions.day), asc(selectionSessions.startsAt)),
      db
        .select(slotColumns)
        .from(selectionSlots)
        .where(and(eq(selectionSlots.eventId, eventId), inTenant(scope, selectionSlots.organisationId)))
        .orderBy(asc(selectionSlots.startsAt)),
      db
        .select({
          invitation: selectionInvitations,
          firstName: candidates.firstName,
          lastName: candidates.lastName,
          phaseLabel: procedurePhases.label,
        })
        .from(selectionInvitations)
        .innerJoin(matches, eq(matches.id, selectionInvitations.matchId))
        .innerJoin(candidates, eq(candidates.id, matches.candidateId))
        .innerJoin(procedurePhases, eq(procedurePhases.id, matches.phaseId))
        .where(
          and(
            eq(selectionInvitations.eventId, eventId),
            inTenant(scope, selectionInvitations.organisationId),
          ),
        )
        .orderBy(asc(candidates.lastName), asc(candidates.firstName)),
    ]);
    return { sessions, slots, invitations };
  },

  /** How many of the vacancy's applicants are in each phase (to choose whom to invite). */
  async phaseCounts(db, scope, vacancyId: string): Promise<Map<string, number>> {
    const rows = await db
      .select({ phaseId: matches.phaseId, n: sql<number>`count(*)::int` })
      .from(matches)
      .where(and(eq(matches.vacancyId, vacancyId), inTenant(scope, matches.organisationId)))
      .groupBy(matches.phaseId);
    return new Map(rows.map((r) => [r.phaseId ?? "", Number(r.n)]));
  },

  async summariesOfVacancy(db, scope, vacancyId: string): Promise<EventSummaryRow[]> {
    return db
      .select(summaryColumns)
      .from(selectionEvents)
      .innerJoin(vacancies, eq(vacancies.id, selectionEvents.vacancyId))
      .innerJoin(organisations, eq(organisations.id, selectionEvents.organisationId))
      .where(and(eq(selectionEvents.vacancyId, vacancyId), inTenant(scope, selectionEvents.organisationId)))
      .orderBy(asc(selectionEvents.createdAt));
  },

  /** Every event in the scope's organisations, with the vacancy ids to check per vacancy. */
  async summariesInScope(db, scope) {
    return db
      .select({ ...summaryColumns, ...summaryVacancyFacts })
      .from(selectionEvents)
      .innerJoin(vacancies, eq(vacancies.id, selectionEvents.vacancyId))
      .innerJoin(organisations, eq(organisations.id, selectionEvents.organisationId))
      .where(inTenant(scope, selectionEvents.organisationId))
      .orderBy(asc(selectionEvents.bookingDeadline));
  },

  /** Events of vacancies where the user is a leader or jury member (read only). */
  async summariesOnTeam(db, scope, userId: string): Promise<EventSummaryRow[]> {
    return db
      .select(summaryColumns)
      .from(selectionEvents)
      .innerJoin(vacancies, eq(vacancies.id, selectionEvents.vacancyId))
      .innerJoin(organisations, eq(organisations.id, selectionEvents.organisationId))
      .where(
        and(
          inTenant(scope, selectionEvents.organisationId),
          sql`exists (select 1 from ${vacancyTeam} t where t.vacancy_id = ${selectionEvents.vacancyId}
            and t.user_id = ${userId} and t.role in ('leader', 'jury'))`,
        ),
      )
      .orderBy(asc(selectionEvents.bookingDeadline));
  },

  async insertEvent(
    db,
    scope,
    row: Omit<typeof selectionEvents.$inferInsert, "id" | "createdAt" | "updatedAt"> & {
      organisationId: string;
    },
  ): Promise<EventRow> {
    const [made] = await insertOwned(db, scope, selectionEvents, [row]);
    return made!;
  },

  async insertSessions(db, scope, event: { id: string; organisationId: string }, sessions: NewSession[]) {
    for (const s of sessions) {
      const [session] = await insertOwned(db, scope, selectionSessions, [
        {
          eventId: event.id,
          organisationId: event.organisationId,
          day: s.day,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
        },
      ]);
      await insertOwned(
        db,
        scope,
        selectionSlots,
        s.slots.map((slot) => ({
          sessionId: session!.id,
          eventId: event.id,
          organisationId: event.organisationId,
          ...slot,
        })),
      );
    }
  },

  async updateEvent(
    db,
    scope,
    eventId: string,
    values: Pick<EventRow, "name" | "description" | "location" | "onlineUrl" | "bookingDeadline">,
  ): Promise<void> {
    await db
      .update(selectionEvents)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(selectionEvents.id, eventId), inTenant(scope, selectionEvents.organisationId)));
  },

  /** Removes a session without bookings; false when someone booked one of its slots. */
  async deleteSession(
    db,
    scope,
    eventId: string,
    sessionId: string,
  ): Promise<"deleted" | "booked" | "missing"> {
    const [booked] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(selectionInvitations)
      .innerJoin(selectionSlots, eq(selectionSlots.id, selectionInvitations.slotId))
      .where(
        and(eq(selectionSlots.sessionId, sessionId), inTenant(scope, selectionInvitations.organisationId)),
      );
    if (Number(booked?.n ?? 0) > 0) return "booked";
    const gone = await db
      .delete(selectionSessions)
      .where(
        and(
          eq(selectionSessions.id, sessionId),
          eq(selectionSessions.eventId, eventId),
          inTenant(scope, selectionSessions.organisationId),
        ),
      )
      .returning({ id: selectionSessions.id });
    return gone.length > 0 ? "deleted" : "missing";
  },

  /**
   * Invites every applicant of the vacancy in one of the phases who is not invited yet; answers
   * the new invitations (with the candidate, for the events).
   */
  async invite(
    db,
    scope,
    event: { id: string; organisationId: string; vacancyId: string },
    phaseIds: string[],
    userId: string,
  ): Promise<{ id: string; matchId: string; candidateId: string }[]> {
    const candidatesToInvite = await db
      .select({ matchId: matches.id, candidateId: matches.candidateId })
      .from(matches)
      .where(
        and(
          eq(matches.vacancyId, event.vacancyId),
          inArray(matches.phaseId, phaseIds),
          inTenant(scope, matches.organisationId),
          sql`not exists (select 1 from selection_invitations i where i.event_id = ${event.id} and i.match_id = ${matches.id})`,
        ),
      );
    if (candidatesToInvite.length === 0) return [];
    const rows = await db
      .insert(selectionInvitations)
      .values(
        candidatesToInvite.map((c) => ({
          eventId: event.id,
          organisationId: event.organisationId,
          matchId: c.matchId,
          invitedByUserId: userId,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: selectionInvitations.id, matchId: selectionInvitations.matchId });
    const byMatch = new Map(candidatesToInvite.map((c) => [c.matchId, c.candidateId]));
    return rows.map((r) => ({ ...r, candidateId: byMatch.get(r.matchId)! }));
  },

  async setAttendance(
    db,
    scope,
    eventId: string,
    invitationId: string,
    attendance: "present" | "absent" | null,
  ): Promise<"set" | "missing" | "not_booked"> {
    const updated = await db
      .update(selectionInvitations)
      .set({ attendance })
      .where(
        and(
          eq(selectionInvitations.id, invitationId),
          eq(selectionInvitations.eventId, eventId),
          isNotNull(selectionInvitations.slotId),
          inTenant(scope, selectionInvitations.organisationId),
        ),
      )
      .returning({ id: selectionInvitations.id });
    if (updated.length > 0) return "set";
    const [exists] = await db
      .select({ id: selectionInvitations.id })
      .from(selectionInvitations)
      .where(
        and(
          eq(selectionInvitations.id, invitationId),
          eq(selectionInvitations.eventId, eventId),
          inTenant(scope, selectionInvitations.organisationId),
        ),
      );
    return exists ? "not_booked" : "missing";
  },
});

const ownInvitation = (scope: SelfScope) =>
  scope.candidateIds.length > 0 ? inArray(matches.candidateId, [...scope.candidateIds]) : sql`false`;

/** The applicant's side: their own invitations (through their candidate rows' matches). */
export const myInvitationsRepository = repository<SelfScope>()({
  async list(db, scope) {
    const rows = await db
      .select({ invitation: selectionInvitations, ...eventColumns })
      .from(selectionInvitations)
      .innerJoin(matches, eq(matches.id, selectionInvitations.matchId))
      .innerJoin(selectionEvents, eq(selectionEvents.id, selectionInvitations.eventId))
      .innerJoin(vacancies, eq(vacancies.id, selectionEvents.vacancyId))
      .innerJoin(organisations, eq(organisations.id, selectionEvents.organisationId))
      .where(ownInvitation(scope))
      .orderBy(asc(selectionEvents.bookingDeadline));
    const { sessions, slots } = await sessionsAndSlots(
      db,
      rows.map((r) => r.event.id),
    );
    return { rows, sessions, slots };
  },

  /** One own invitation, locked for the rest of the transaction (one change at a time). */
  async lock(db, scope, invitationId: string) {
    const [row] = await db
      .select({ invitation: selectionInvitations, candidateId: matches.candidateId, ...eventColumns })
      .from(selectionInvitations)
      .innerJoin(matches, eq(matches.id, selectionInvitations.matchId))
      .innerJoin(selectionEvents, eq(selectionEvents.id, selectionInvitations.eventId))
      .innerJoin(vacancies, eq(vacancies.id, selectionEvents.vacancyId))
      .innerJoin(organisations, eq(organisations.id, selectionEvents.organisationId))
      .where(and(eq(selectionInvitations.id, invitationId), ownInvitation(scope)))
      .for("update", { of: selectionInvitations });
    return row ?? null;
  },

  /**
   * The slot of the invitation's event, locked: bookings of one slot wait for each other here,
   * so the count that follows sees every booking committed before (capacity holds under races).
   */
  async lockSlot(db, _scope, invitationId: string, eventId: string, slotId: string) {
    const [slot] = await db
      .select({
        id: selectionSlots.id,
        capacity: selectionSlots.capacity,
        sessionId: selectionSlots.sessionId,
      })
      .from(selectionSlots)
      .where(
        and(
          eq(selectionSlots.id, slotId),
          eq(selectionSlots.eventId, eventId),
          sql`exists (select 1 from selection_invitations i where i.id = ${invitationId} and i.event_id = ${selectionSlots.eventId})`,
        ),
      )
      .for("update");
    if (!slot) return null;
    const [taken] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(selectionInvitations)
      .where(and(eq(selectionInvitations.slotId, slotId), ne(selectionInvitations.id, invitationId)));
    return { ...slot, taken: Number(taken?.n ?? 0) };
  },

  /** Books (or moves to) a slot, or cancels (null); the calendar's SEQUENCE goes up by one. */
  async setSlot(db, scope, invitationId: string, slotId: string | null): Promise<InvitationRow> {
    const [row] = await db
      .update(selectionInvitations)
      .set({
        slotId,
        bookedAt: slotId ? new Date() : null,
        sequence: sql`${selectionInvitations.sequence} + 1`,
        attendance: null,
      })
      .where(
        and(
          eq(selectionInvitations.id, invitationId),
          inArray(
            selectionInvitations.matchId,
            db.select({ id: matches.id }).from(matches).where(ownInvitation(scope)),
          ),
        ),
      )
      .returning();
    return row!;
  },
});

/** What an invitation's or booking's mail needs, read by the subscriber when it sends. */
export const selectionMailRepository = repository<PlatformScope>()({
  async invitation(db, _scope, invitationId: string) {
    const [row] = await db
      .select({
        invitationId: selectionInvitations.id,
        email: candidates.email,
        firstName: candidates.firstName,
        lastName: candidates.lastName,
        locale: users.locale,
        eventName: selectionEvents.name,
        description: selectionEvents.description,
        location: selectionEvents.location,
        onlineUrl: selectionEvents.onlineUrl,
        bookingDeadline: selectionEvents.bookingDeadline,
        vacancyTitle: vacancies.displayTitle,
        organisationName: organisations.name,
        timeZone: organisations.timeZone,
        ...mailPortalColumns,
      })
      .from(selectionInvitations)
      .innerJoin(matches, eq(matches.id, selectionInvitations.matchId))
      .innerJoin(candidates, eq(candidates.id, matches.candidateId))
      .leftJoin(users, eq(users.id, candidates.userId))
      .innerJoin(selectionEvents, eq(selectionEvents.id, selectionInvitations.eventId))
      .innerJoin(vacancies, eq(vacancies.id, selectionEvents.vacancyId))
      .innerJoin(organisations, eq(organisations.id, selectionEvents.organisationId))
      .innerJoin(portals, eq(portals.id, vacancies.portalId))
      .where(eq(selectionInvitations.id, invitationId));
    return row ?? null;
  },

  async slot(db, _scope, slotId: string) {
    const [row] = await db
      .select({
        day: selectionSessions.day,
        startsAt: selectionSlots.startsAt,
        endsAt: selectionSlots.endsAt,
      })
      .from(selectionSlots)
      .innerJoin(selectionSessions, eq(selectionSessions.id, selectionSlots.sessionId))
      .where(eq(selectionSlots.id, slotId));
    return row ?? null;
  },
});

/** The person's own feed token (only its hash). */
export const calendarFeedRepository = repository<SelfScope>()({
  async find(db, scope) {
    const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, scope.userId));
    return row ?? null;
  },
  /** A new token replaces the old one, which stops working at once. */
  async replace(db, scope, tokenHash: string) {
    await db
      .insert(calendarFeeds)
      .values({ userId: scope.userId, tokenHash })
      .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: new Date() } });
  },
  async remove(db, scope) {
    await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, scope.userId));
  },
});

/**
 * The feed by its token: the token is the authority (as a confirmation link's is), so this reads
 * without a signed-in caller. The sessions are those of events on vacancies the person owns,
 * is on the team of, or whose events they planned.
 */
export const calendarFeedPublicRepository = repository<PublicScope>()({
  async sessionsOf(db, _scope, tokenHash: string) {
    const [feed] = await db
      .select({ userId: calendarFeeds.userId })
      .from(calendarFeeds)
      .where(eq(calendarFeeds.tokenHash, tokenHash));
    if (!feed) return null;
    const userId = feed.userId;
    const rows = await db
      .select({
        session: selectionSessions,
        eventName: selectionEvents.name,
        description: selectionEvents.description,
        location: selectionEvents.location,
        onlineUrl: selectionEvents.onlineUrl,
        vacancyTitle: vacancies.displayTitle,
        timeZone: organisations.timeZone,
        booked: sql<number>`(select count(*)::int from selection_invitations i join selection_slots sl on sl.id = i.slot_id where sl.session_id = selection_sessions.id)`,
      })
      .from(selectionSessions)
      .innerJoin(selectionEvents, eq(selectionEvents.id, selectionSessions.eventId))
      .innerJoin(vacancies, eq(vacancies.id, selectionEvents.vacancyId))
      .innerJoin(organisations, eq(organisations.id, selectionEvents.organisationId))
      .where(
        or(
          eq(vacancies.ownerUserId, userId),
          eq(selectionEvents.createdByUserId, userId),
          sql`exists (select 1 from ${vacancyTeam} t where t.vacancy_id = ${vacancies.id} and t.user_id = ${userId})`,
        ),
      )
      .orderBy(asc(selectionSessions.day), asc(selectionSessions.startsAt));
    return { userId, rows };
  },
});
