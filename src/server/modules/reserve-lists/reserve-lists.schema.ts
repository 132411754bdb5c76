import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import {
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
import { candidates } from "../candidates/candidates.schema";
import { matches } from "../matches/matches.schema";
import { organisations, users } from "../tenancy/tenancy.schema";
import { vacancies } from "../vacancies/vacancies.schema";

/**
 * A vacancy's reserve list ("werfreserve", Vlimpers): the laureates of its selection who may be
 * called up for another vacancy of the organisation while the list is valid (start to end, both
 * days included). One per vacancy.
 */
export const reserveLists = pgTable(
  "reserve_lists",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The vacancy's organisation: the tenant the list belongs to. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    vacancyId: uuid("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    /** When the owner was warned that the list ends within 30 days (once). */
    expiryWarnedAt: timestamp("expiry_warned_at", { withTimezone: true }),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("reserve_lists_vacancy_key").on(t.vacancyId),
    index("reserve_lists_organisation_idx").on(t.organisationId),
    check("reserve_lists_period_valid", sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** A laureate: an applicant of the list's vacancy, at a place in the ranking (1 first). */
export const reserveListLaureates = pgTable(
  "reserve_list_laureates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    reserveListId: uuid("reserve_list_id")
      .notNull()
      .references(() => reserveLists.id, { onDelete: "cascade" }),
    /** The application on the list's vacancy that put them on the list. */
    matchId: uuid("match_id")
      .notNull()
      .references(() => matches.id, { onDelete: "cascade" }),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    addedByUserId: text("added_by_user_id").references(() => users.id, { onDelete: "set null" }),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("reserve_list_laureates_match_key").on(t.reserveListId, t.matchId),
    index("reserve_list_laureates_organisation_idx").on(t.organisationId),
  ],
);

/** A laureate called up ("oproepen", mailed) or added by hand to another vacancy of the organisation. */
export const reserveListCallUps = pgTable(
  "reserve_list_call_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    reserveListId: uuid("reserve_list_id")
      .notNull()
      .references(() => reserveLists.id, { onDelete: "cascade" }),
    laureateId: uuid("laureate_id")
      .notNull()
      .references(() => reserveListLaureates.id, { onDelete: "cascade" }),
    vacancyId: uuid("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    /** The new match on that vacancy. */
    matchId: uuid("match_id").references(() => matches.id, { onDelete: "set null" }),
    kind: text("kind", { enum: ["call_up", "added"] }).notNull(),
    byUserId: text("by_user_id").references(() => users.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("reserve_list_call_ups_laureate_idx").on(t.laureateId),
    index("reserve_list_call_ups_organisation_idx").on(t.organisationId),
    check("reserve_list_call_ups_kind_valid", sql`${t.kind} in ('call_up', 'added')`),
  ],
);

/**
 * How a vacancy's selection procedure ended: "afsluiten" (completed) or "annuleren" (cancelled,
 * with the reason), by whom and when. One per vacancy; the vacancy's status became `closed`.
 */
export const procedureClosures = pgTable(
  "procedure_closures",
  {
    vacancyId: uuid("vacancy_id")
      .primaryKey()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["completed", "cancelled"] }).notNull(),
    reason: text("reason"),
    /** Open applicants who were sent the final mail. */
    mailed: integer("mailed").notNull().default(0),
    closedByUserId: text("closed_by_user_id").references(() => users.id, { onDelete: "set null" }),
    closedAt: timestamp("closed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("procedure_closures_organisation_idx").on(t.organisationId),
    check("procedure_closures_kind_valid", sql`${t.kind} in ('completed', 'cancelled')`),
    check("procedure_closures_reason_given", sql`${t.kind} = 'completed' or ${t.reason} is not null`),
  ],
);

/**
 * The one rule of a closed procedure, for every module's vacancy facts: its selection was
 * completed or cancelled ("afsluiten", "annuleren"). Not the vacancy's status: a vacancy closes
 * on its closing date for applying, and the selection goes on after that.
 */
export const procedureClosedOf = (vacancyId: AnyPgColumn): SQL<boolean> =>
  sql<boolean>`exists (select 1 from ${procedureClosures} where ${procedureClosures.vacancyId} = ${vacancyId})`.mapWith(
    Boolean,
  );
