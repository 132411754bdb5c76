import type {
  Invitation,
  MyInvitation,
  SelectionEvent,
  SelectionEventSummary,
  Session,
} from "../../../contracts/selection-events";
import type {
  EventSummaryRow,
  EventWithFacts,
  InvitationRow,
  SessionRow,
  SlotWithCount,
} from "./selection-events.repository";

/** "09:30:00" -> "09:30" */
export const hhmm = (time: string) => time.slice(0, 5);

function facts(e: EventWithFacts) {
  return {
    id: e.event.id,
    vacancy: { id: e.event.vacancyId, title: e.vacancyTitle },
    name: e.event.name,
    description: e.event.description,
    location: e.event.location,
    onlineUrl: e.event.onlineUrl,
    bookingDeadline: e.event.bookingDeadline.toISOString(),
    timeZone: e.timeZone,
  };
}

export function presentSessions(sessions: SessionRow[], slots: SlotWithCount[]): Session[] {
  return sessions.map((s) => ({
    id: s.id,
    date: s.day,
    start: hhmm(s.startsAt),
    end: hhmm(s.endsAt),
    slots: slots
      .filter((slot) => slot.sessionId === s.id)
      .map((slot) => ({
        id: slot.id,
        start: hhmm(slot.startsAt),
        end: hhmm(slot.endsAt),
        capacity: slot.capacity,
        booked: Number(slot.booked),
        free: Math.max(0, slot.capacity - Number(slot.booked)),
      })),
  }));
}

export function presentEvent(
  e: EventWithFacts,
  structure: {
    sessions: SessionRow[];
    slots: SlotWithCount[];
    invitations: { invitation: InvitationRow; firstName: string; lastName: string; phase: string }[];
  },
  manage: boolean,
  phases: SelectionEvent["phases"],
): SelectionEvent {
  const sessions = presentSessions(structure.sessions, structure.slots);
  const invitations: Invitation[] = structure.invitations.map((i) => ({
    id: i.invitation.id,
    matchId: i.invitation.matchId,
    name: `${i.firstName} ${i.lastName}`.trim(),
    phase: i.phase,
    slotId: i.invitation.slotId,
    bookedAt: i.invitation.bookedAt?.toISOString() ?? null,
    attendance: i.invitation.attendance ?? null,
  }));
  const capacity = structure.slots.reduce((n, s) => n + s.capacity, 0);
  const booked = invitations.filter((i) => i.slotId).length;
  return {
    ...facts(e),
    sessions,
    invitations,
    counts: {
      invited: invitations.length,
      booked,
      capacity,
      free: Math.max(0, capacity - booked),
      present: invitations.filter((i) => i.attendance === "present").length,
      absent: invitations.filter((i) => i.attendance === "absent").length,
    },
    manage,
    phases,
  };
}

export function presentSummary(row: EventSummaryRow): SelectionEventSummary {
  const capacity = Number(row.capacity);
  const booked = Number(row.booked);
  return {
    ...facts(row),
    firstDate: row.firstDate,
    lastDate: row.lastDate,
    sessions: Number(row.sessions),
    counts: {
      invited: Number(row.invited),
      booked,
      capacity,
      free: Math.max(0, capacity - booked),
      present: Number(row.present),
      absent: Number(row.absent),
    },
  };
}

export function presentMyInvitation(
  row: EventWithFacts & { invitation: InvitationRow },
  sessions: SessionRow[],
  slots: SlotWithCount[],
  now: Date,
): MyInvitation {
  const own = presentSessions(
    sessions.filter((s) => s.eventId === row.event.id),
    slots,
  );
  const bookedSession = own.find((s) => s.slots.some((slot) => slot.id === row.invitation.slotId));
  const bookedSlot = bookedSession?.slots.find((slot) => slot.id === row.invitation.slotId);
  return {
    ...facts(row),
    id: row.invitation.id,
    eventId: row.event.id,
    open: now < row.event.bookingDeadline && !row.procedureClosed,
    // Applicants see free places, never who else booked.
    sessions: own.map((s) => ({
      ...s,
      slots: s.slots.map((slot) => ({ id: slot.id, start: slot.start, end: slot.end, free: slot.free })),
    })),
    booking:
      bookedSession && bookedSlot
        ? { slotId: bookedSlot.id, date: bookedSession.date, start: bookedSlot.start, end: bookedSlot.end }
        : null,
  };
}
