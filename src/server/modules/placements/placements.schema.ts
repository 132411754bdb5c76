import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  HOUR_KINDS,
  TIMESHEET_ACTIONS,
  TIMESHEET_MAIL_MODES,
  TIMESHEET_STATUSES,
} from "../../../contracts/placements";
import { candidates } from "../candidates/candidates.schema";
import { contactPersons } from "../employers/employers.schema";
import { matches } from "../matches/matches.schema";
import { organisations, portals, users } from "../tenancy/tenancy.schema";
import { vacancies } from "../vacancies/vacancies.schema";

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/**
 * A hired candidate at the employer (Carerix "plaatsing"): one per match, with the dates, the
 * contact persons who approve the hours, whether the client approves them and the rate.
 */
export const placements = pgTable(
  "placements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The vacancy's organisation: the tenant the placement belongs to, as its match. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** The top organisation of the vacancy's family (the employer for filters and invoices). */
    employerId: uuid("employer_id")
      .notNull()
      .references(() => organisations.id),
    portalId: uuid("portal_id")
      .notNull()
      .references(() => portals.id),
    matchId: uuid("match_id")
      .notNull()
      .references(() => matches.id, { onDelete: "cascade" }),
    vacancyId: uuid("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    startDate: date("start_date").notNull(),
    endDate: date("end_date"),
    /** "Goedkeuring weekstaten: goedkeuring uren door opdrachtgever nodig". */
    needsClientApproval: boolean("needs_client_approval").notNull().default(true),
    /** The hourly rate in euro cents; null when none was agreed. */
    rateCents: integer("rate_cents"),
    /** "Niet factureerbaar": the hours are not invoiced. */
    nonBillable: boolean("non_billable").notNull().default(false),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("placements_match_key").on(t.matchId),
    index("placements_organisation_idx").on(t.organisationId),
    index("placements_employer_idx").on(t.employerId),
    index("placements_candidate_idx").on(t.candidateId),
    check("placements_dates_valid", sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    check("placements_rate_valid", sql`${t.rateCents} is null or ${t.rateCents} >= 0`),
  ],
);

/** The contact persons (with an account) who approve a placement's weeks. */
export const placementApprovers = pgTable(
  "placement_approvers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    placementId: uuid("placement_id")
      .notNull()
      .references(() => placements.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    contactPersonId: uuid("contact_person_id")
      .notNull()
      .references(() => contactPersons.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [
    uniqueIndex("placement_approvers_placement_contact_key").on(t.placementId, t.contactPersonId),
    index("placement_approvers_user_idx").on(t.userId),
  ],
);

/** A week of hours of a placement ("weekstaat"), from Monday; one per placement and week. */
export const timesheets = pgTable(
  "timesheets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    placementId: uuid("placement_id")
      .notNull()
      .references(() => placements.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    weekStart: date("week_start").notNull(),
    status: text("status", { enum: TIMESHEET_STATUSES }).notNull().default("draft"),
    remark: text("remark").notNull().default(""),
    /** How often it was submitted (a rejected week may be corrected and submitted again). */
    submissions: integer("submissions").notNull().default(0),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedByUserId: text("decided_by_user_id").references(() => users.id, { onDelete: "set null" }),
    decisionComment: text("decision_comment"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("timesheets_placement_week_key").on(t.placementId, t.weekStart),
    index("timesheets_organisation_status_idx").on(t.organisationId, t.status),
    check("timesheets_status_valid", sql`${t.status} in (${inList(TIMESHEET_STATUSES)})`),
    check("timesheets_week_starts_monday", sql`extract(isodow from ${t.weekStart}) = 1`),
  ],
);

/** Hours of one kind on one day of a week, in minutes (quarter hours). */
export const timesheetEntries = pgTable(
  "timesheet_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    timesheetId: uuid("timesheet_id")
      .notNull()
      .references(() => timesheets.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    date: date("date").notNull(),
    kind: text("kind", { enum: HOUR_KINDS }).notNull(),
    minutes: integer("minutes").notNull(),
  },
  (t) => [
    uniqueIndex("timesheet_entries_day_kind_key").on(t.timesheetId, t.date, t.kind),
    check("timesheet_entries_kind_valid", sql`${t.kind} in (${inList(HOUR_KINDS)})`),
    check(
      "timesheet_entries_minutes_valid",
      sql`${t.minutes} > 0 and ${t.minutes} <= 1440 and ${t.minutes} % 15 = 0`,
    ),
  ],
);

/** Who submitted, approved or rejected a week, and when (Carerix logs who approved). */
export const timesheetLog = pgTable(
  "timesheet_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    timesheetId: uuid("timesheet_id")
      .notNull()
      .references(() => timesheets.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    action: text("action", { enum: TIMESHEET_ACTIONS }).notNull(),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    comment: text("comment"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("timesheet_log_timesheet_idx").on(t.timesheetId, t.at),
    check("timesheet_log_action_valid", sql`${t.action} in (${inList(TIMESHEET_ACTIONS)})`),
  ],
);

/** How a contact wants to hear of submitted weeks: a mail each, or one a day. */
export const timesheetMailSettings = pgTable(
  "timesheet_mail_settings",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    mode: text("mode", { enum: TIMESHEET_MAIL_MODES }).notNull().default("each"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("timesheet_mail_settings_mode_valid", sql`${t.mode} in (${inList(TIMESHEET_MAIL_MODES)})`)],
);

/** Submitted weeks waiting for a contact's daily digest; `sentAt` once the digest went out. */
export const timesheetDigestItems = pgTable(
  "timesheet_digest_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    timesheetId: uuid("timesheet_id")
      .notNull()
      .references(() => timesheets.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** The submission event, so a redelivered event queues nothing twice. */
    eventId: uuid("event_id").notNull(),
    queuedAt: timestamp("queued_at", { withTimezone: true }).notNull().defaultNow(),
    digestId: uuid("digest_id"),
  },
  (t) => [
    uniqueIndex("timesheet_digest_items_event_user_key").on(t.eventId, t.userId),
    index("timesheet_digest_items_pending_idx").on(t.userId).where(sql`${t.digestId} is null`),
  ],
);
