import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from "ical-generator";
import { wallClock } from "../../../contracts/intl";

/*
 * iCalendar (RFC 5545) for selection events: the invitation that goes with every booking mail
 * (iTIP METHOD:REQUEST, an update keeps the UID with a higher SEQUENCE, METHOD:CANCEL when the
 * booking is cancelled) and the private feed of a jury member's or officer's sessions.
 * Times are written in UTC (the "Z" form), which every client reads without a VTIMEZONE; they
 * are worked out from the wall-clock times in the organisation's zone.
 */

const PROD_ID = { company: "Werkbrug", product: "Selectiemomenten", language: "NL" };

/** The offset of a zone at an instant, in minutes (e.g. 60 for Brussels in winter). */
function offsetMinutes(at: Date, timeZone: string): number {
  return Math.round((wallClock(at, timeZone).asUtc.getTime() - at.getTime()) / 60_000);
}

/** The instant of a wall-clock time ("2026-12-10", "09:30") in a zone. */
export function instantOf(day: string, time: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  // Twice: the offset at the first guess may differ from the offset at the answer near a change.
  let at = naive - offsetMinutes(new Date(naive), timeZone) * 60_000;
  at = naive - offsetMinutes(new Date(at), timeZone) * 60_000;
  return new Date(at);
}

export interface BookingInvite {
  /** The invitation's id: the same UID for the booking, its changes and its cancellation. */
  uid: string;
  sequence: number;
  method: "REQUEST" | "CANCEL";
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
}

export function bookingCalendar(b: BookingInvite): string {
  const calendar = ical({
    prodId: PROD_ID,
    method: b.method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: b.uid,
    sequence: b.sequence,
    start: b.start,
    end: b.end,
    stamp: new Date(),
    summary: b.summary,
    description: b.description,
    location: b.location,
    url: b.url,
    status: b.method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: b.organizer,
    attendees: [
      {
        name: b.attendee.name,
        email: b.attendee.email,
        role: ICalAttendeeRole.REQ,
        status: b.method === "CANCEL" ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
      },
    ],
  });
  return calendar.toString();
}

export interface FeedSession {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string | null;
}

/** A person's feed: every session they sit in, as a published calendar (no method: a subscription). */
export function feedCalendar(name: string, sessions: FeedSession[]): string {
  const calendar = ical({ prodId: PROD_ID, name, ttl: 60 * 60 });
  for (const s of sessions)
    calendar.createEvent({
      id: s.uid,
      start: s.start,
      end: s.end,
      stamp: new Date(),
      summary: s.summary,
      description: s.description,
      location: s.location,
    });
  return calendar.toString();
}
