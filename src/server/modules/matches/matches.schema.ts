import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { APPLICATION_STATUSES } from "../../../contracts/vacancies";
import { candidates } from "../candidates/candidates.schema";
import { portals, users } from "../tenancy/tenancy.schema";
import { vacancies } from "../vacancies/vacancies.schema";

export const MATCH_SOURCES = ["applied", "saved", "proposed"] as const;

/**
 * A candidate on a vacancy: they applied ("reageren"), staff saved them, or staff proposed
 * them to the employer. One row per candidate and vacancy; pipelines hang off it later.
 */
export const matches = pgTable(
  "matches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    portalId: uuid("portal_id")
      .notNull()
      .references(() => portals.id),
    vacancyId: uuid("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    source: text("source", { enum: MATCH_SOURCES }).notNull(),
    status: text("status", { enum: APPLICATION_STATUSES }).notNull().default("submitted"),
    motivation: text("motivation").notNull().default(""),
    cvFileKey: text("cv_file_key"),
    cvFileName: text("cv_file_name"),
    cvContentType: text("cv_content_type"),
    /** Where the candidate came from (utm_source of the page they applied on). */
    channelSource: text("channel_source"),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    proposedAt: timestamp("proposed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("matches_vacancy_candidate_key").on(t.vacancyId, t.candidateId),
    index("matches_candidate_idx").on(t.candidateId),
    check("matches_source_valid", sql`${t.source} in ('applied', 'saved', 'proposed')`),
  ],
);
