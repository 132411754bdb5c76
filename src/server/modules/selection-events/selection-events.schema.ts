import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { matches } from "../matches/matches.schema";
import { organisations, users } from "../tenancy/tenancy.schema";
import { vacancies } from "../vacancies/vacancies.schema";

/**
 * A selection event (Vlimpers "selectiemoment"): one selection part of a vacancy's procedure,
 * e.g. "Jurygesprekken", with a place or an online link and a booking deadline. Times of its
 * sessions and slots are wall-clock times in the organisation's time zone.
 */
export const selectionEvents = pgTable(
  "selection_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    vacancyId: uuid("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    location: text("location"),
    onlineUrl: text("online_url"),
    bookingDeadline: timestamp("booking_deadline", { withTimezone: true }).notNull(),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("selection_events_vacancy_idx").on(t.vacancyId),
    index("selection_events_organisation_idx").on(t.organisationId),
    check("selection_events_place", sql`${t.location} is not null or ${t.onlineUrl} is not null`),
  ],
);

/** A time block or day of an event. */
export const selectionSessions = pgTable(
  "selection_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => selectionEvents.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    day: date("day").notNull(),
    startsAt: time("starts_at").notNull(),
    endsAt: time("ends_at").notNull(),
  },
  (t) => [
    index("selection_sessions_event_idx").on(t.eventId, t.day, t.startsAt),
    check("selection_sessions_order", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** A part of a session (a slot) that applicants book, up to its capacity. */
export const selectionSlots = pgTable(
  "selection_slots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => selectionSessions.id, { onDelete: "cascade" }),
    eventId: uuid("event_id")
      .notNull()
      .references(() => selectionEvents.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    startsAt: time("starts_at").notNull(),
    endsAt: time("ends_at").notNull(),
    capacity: integer("capacity").notNull(),
  },
  (t) => [
    index("selection_slots_session_idx").on(t.sessionId, t.startsAt),
    check("selection_slots_order", sql`${t.endsAt} > ${t.startsAt}`),
    check("selection_slots_capacity", sql`${t.capacity} >= 1`),
  ],
);

/**
 * An applicant invited to an event, with their booking: one row per applicant and event, so one
 * booking each. Its id is the calendar invitation's UID; `sequence` rises with every booking,
 * change and cancellation (RFC 5545 SEQUENCE).
 */
export const selectionInvitations = pgTable(
  "selection_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => selectionEvents.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    matchId: uuid("match_id")
      .notNull()
      .references(() => matches.id, { onDelete: "cascade" }),
    slotId: uuid("slot_id").references(() => selectionSlots.id, { onDelete: "set null" }),
    bookedAt: timestamp("booked_at", { withTimezone: true }),
    sequence: integer("sequence").notNull().default(0),
    /** Marked by the officer after the session. */
    attendance: text("attendance", { enum: ["present", "absent"] }),
    invitedByUserId: text("invited_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("selection_invitations_event_match_key").on(t.eventId, t.matchId),
    index("selection_invitations_slot_idx").on(t.slotId),
    index("selection_invitations_match_idx").on(t.matchId),
    check("selection_invitations_attendance", sql`${t.attendance} in ('present', 'absent')`),
  ],
);

/**
 * A person's private calendar feed of the sessions they sit in (jury, leader, officers): only the
 * token's hash is kept; making a new one revokes the old.
 */
export const calendarFeeds = pgTable("calendar_feeds", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
