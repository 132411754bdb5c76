import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations, portals, users } from "../tenancy/tenancy.schema";
import { vacancies } from "../vacancies/vacancies.schema";
import { candidates } from "./candidates.schema";

/**
 * "Benaderen" (Kansenportaal): a message from staff to a candidate, in the candidate's inbox
 * and by mail. The row is also the log of who approached whom, when.
 */
export const candidateMessages = pgTable(
  "candidate_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    portalId: uuid("portal_id")
      .notNull()
      .references(() => portals.id),
    senderUserId: text("sender_user_id").references(() => users.id, { onDelete: "set null" }),
    senderOrganisationId: uuid("sender_organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [index("candidate_messages_candidate_idx").on(t.candidateId, t.createdAt)],
);

/** Vacancies a candidate keeps for later ("opgeslagen vacatures" on the dashboard). */
export const savedVacancies = pgTable(
  "saved_vacancies",
  {
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    vacancyId: uuid("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.candidateId, t.vacancyId] })],
);

/**
 * A job seeker registered by an account manager (municipality practice) claims the account by
 * choosing a password through a single-use link (30 days, like invitations). Only the token's
 * hash is stored.
 */
export const accountClaims = pgTable(
  "account_claims",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    portalId: uuid("portal_id")
      .notNull()
      .references(() => portals.id),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("account_claims_token_hash_key").on(t.tokenHash),
    index("account_claims_user_idx").on(t.userId),
  ],
);

/** A staff member's favourite candidates (HalloWerk "Favorieten"): private to that person. */
export const candidateFavourites = pgTable(
  "candidate_favourites",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.candidateId] }),
    index("candidate_favourites_candidate_idx").on(t.candidateId),
  ],
);
