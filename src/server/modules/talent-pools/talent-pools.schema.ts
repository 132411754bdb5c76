import { sql } from "drizzle-orm";
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { candidates } from "../candidates/candidates.schema";
import { organisations, users } from "../tenancy/tenancy.schema";

/**
 * Talent pools (Carerix "Talentpool"), first-class rather than dummy vacancies: candidates a team
 * makes available to its clients' contact persons, who match them to their own vacancies. A team
 * (the municipality or agency whose CRM keeps the employers) has one general pool open to every
 * client it manages (`employer_id` null) and at most one pool per client, open only to that
 * client's contact persons. The owning team is the tenant.
 */
export const talentPools = pgTable(
  "talent_pools",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The team that keeps the pool: the organisation that manages the clients it is open to. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** The client (employer) a client pool is for; null for the team's general pool. */
    employerId: uuid("employer_id").references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("talent_pools_one_general_key").on(t.organisationId).where(sql`${t.employerId} is null`),
    uniqueIndex("talent_pools_one_per_client_key").on(t.employerId).where(sql`${t.employerId} is not null`),
  ],
);

/** A candidate in a pool: who put them there, when, and a note for the team. */
export const talentPoolMembers = pgTable(
  "talent_pool_members",
  {
    poolId: uuid("pool_id")
      .notNull()
      .references(() => talentPools.id, { onDelete: "cascade" }),
    /** The pool's team, repeated so every row carries its tenant. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    addedByUserId: text("added_by_user_id").references(() => users.id, { onDelete: "set null" }),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
    note: text("note").notNull().default(""),
  },
  (t) => [
    primaryKey({ columns: [t.poolId, t.candidateId] }),
    index("talent_pool_members_candidate_idx").on(t.candidateId),
  ],
);
