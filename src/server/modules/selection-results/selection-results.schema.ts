import { sql } from "drizzle-orm";
import {
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { matches } from "../matches/matches.schema";
import { organisations, users } from "../tenancy/tenancy.schema";
import { vacancies } from "../vacancies/vacancies.schema";

/** A part of a vacancy's selection ("Schriftelijke proef", "Jurygesprek"), in order, with a maximum score. */
export const selectionParts = pgTable(
  "selection_parts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    vacancyId: uuid("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The days it takes place, YYYY-MM-DD, in order. */
    dates: jsonb("dates").$type<string[]>().notNull().default([]),
    maxScore: integer("max_score").notNull(),
    position: integer("position").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("selection_parts_vacancy_idx").on(t.vacancyId, t.position),
    check("selection_parts_max_score_positive", sql`${t.maxScore} > 0`),
  ],
);

/** One jury member's score and/or verdict on one applicant (match) for one part. */
export const selectionScores = pgTable(
  "selection_scores",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    vacancyId: uuid("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    partId: uuid("part_id")
      .notNull()
      .references(() => selectionParts.id, { onDelete: "cascade" }),
    matchId: uuid("match_id")
      .notNull()
      .references(() => matches.id, { onDelete: "cascade" }),
    juryUserId: text("jury_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    score: doublePrecision("score"),
    verdict: text("verdict", { enum: ["suitable", "unsuitable"] }),
    motivation: text("motivation"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("selection_scores_key").on(t.partId, t.matchId, t.juryUserId),
    index("selection_scores_vacancy_idx").on(t.vacancyId),
    index("selection_scores_match_idx").on(t.matchId),
    check(
      "selection_scores_verdict_valid",
      sql`${t.verdict} is null or ${t.verdict} in ('suitable', 'unsuitable')`,
    ),
    check("selection_scores_something", sql`${t.score} is not null or ${t.verdict} is not null`),
  ],
);

/**
 * "Goedkeuring vragen": the PV-rapport as it was when the officer asked the vacancy's HR officer
 * or leader to approve it (the report is kept, so what was approved stays what was read), and
 * their decision with remarks. At most one request per vacancy waits at a time.
 */
export const selectionApprovals = pgTable(
  "selection_approvals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    vacancyId: uuid("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    requestedByUserId: text("requested_by_user_id").references(() => users.id, { onDelete: "set null" }),
    approverUserId: text("approver_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["pending", "approved", "rejected"] })
      .notNull()
      .default("pending"),
    message: text("message"),
    remarks: text("remarks"),
    /** The SelectionReport (contracts/selection-results.ts) as sent for approval. */
    report: jsonb("report").notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [
    index("selection_approvals_vacancy_idx").on(t.vacancyId, t.requestedAt),
    index("selection_approvals_approver_idx").on(t.approverUserId, t.status),
    uniqueIndex("selection_approvals_one_pending").on(t.vacancyId).where(sql`${t.status} = 'pending'`),
    check("selection_approvals_status_valid", sql`${t.status} in ('pending', 'approved', 'rejected')`),
  ],
);
