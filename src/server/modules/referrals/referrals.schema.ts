import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { REFERRAL_CHANNELS } from "../../../contracts/referrals";
import { candidates } from "../candidates/candidates.schema";
import { matches, matchHistory } from "../matches/matches.schema";
import { organisations, portals, users } from "../tenancy/tenancy.schema";
import { vacancies } from "../vacancies/vacancies.schema";

/**
 * A person referred by an employee to a vacancy (referral portal, seed 003). The match it made
 * carries the milestones; this row keeps who referred whom, why, the consent, and when the
 * person confirmed their interest ("blijk van belangstelling", EOI).
 */
export const referrals = pgTable(
  "referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The vacancy's organisation: the tenant. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    portalId: uuid("portal_id")
      .notNull()
      .references(() => portals.id),
    vacancyId: uuid("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    matchId: uuid("match_id")
      .notNull()
      .references(() => matches.id, { onDelete: "cascade" }),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    referrerUserId: text("referrer_user_id").references(() => users.id, { onDelete: "set null" }),
    channel: text("channel", { enum: REFERRAL_CHANNELS }).notNull(),
    /** The address the person is known by, lower case: one referral per person and vacancy. */
    email: text("email").notNull(),
    reason: text("reason").notNull().default(""),
    /** When the referrer recorded that the person agreed (direct), or the person applied (link). */
    consentAt: timestamp("consent_at", { withTimezone: true }).notNull(),
    /** Expression of interest: the person confirmed by mail, or applied through the link. */
    eoiAt: timestamp("eoi_at", { withTimezone: true }),
    /** SHA-256 of the confirmation link's token; cleared once used. */
    confirmTokenHash: text("confirm_token_hash"),
    confirmExpiresAt: timestamp("confirm_expires_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("referrals_match_key").on(t.matchId),
    uniqueIndex("referrals_vacancy_email_key").on(t.vacancyId, t.email),
    uniqueIndex("referrals_confirm_token_key").on(t.confirmTokenHash),
    index("referrals_organisation_idx").on(t.organisationId, t.updatedAt),
    index("referrals_referrer_idx").on(t.referrerUserId),
    check("referrals_channel_valid", sql`${t.channel} in ('direct', 'link')`),
  ],
);

/** A referrer's personal link to a vacancy: who applies through it counts as referred by them. */
export const referralLinks = pgTable(
  "referral_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    vacancyId: uuid("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    referrerUserId: text("referrer_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The `ref` of the shared URL: random, unguessable. */
    code: text("code").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("referral_links_code_key").on(t.code),
    uniqueIndex("referral_links_vacancy_referrer_key").on(t.vacancyId, t.referrerUserId),
  ],
);

/** Points a green outcome on a milestone gives, per organisation (phase key -> points). */
export const referralPointRules = pgTable(
  "referral_point_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    phaseKey: text("phase_key").notNull(),
    points: integer("points").notNull(),
  },
  (t) => [
    uniqueIndex("referral_point_rules_org_phase_key").on(t.organisationId, t.phaseKey),
    check("referral_point_rules_points_valid", sql`${t.points} >= 0`),
  ],
);

/**
 * The referrers' points, a ledger: an award per green step on a milestone that gives points,
 * and a reversal (negative, pointing at the award) when that step is undone. The balance is the
 * sum; no counter is kept anywhere.
 */
export const referralPoints = pgTable(
  "referral_points",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    referrerUserId: text("referrer_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    referralId: uuid("referral_id")
      .notNull()
      .references(() => referrals.id, { onDelete: "cascade" }),
    /** The step (match_history row) that gave or took back the points. */
    stepId: uuid("step_id")
      .notNull()
      .references(() => matchHistory.id, { onDelete: "cascade" }),
    phaseKey: text("phase_key").notNull(),
    points: integer("points").notNull(),
    /** For a reversal: the award it takes back. */
    reversesId: uuid("reverses_id"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("referral_points_award_key").on(t.stepId).where(sql`${t.reversesId} is null`),
    uniqueIndex("referral_points_reversal_key").on(t.reversesId),
    index("referral_points_referrer_idx").on(t.referrerUserId, t.at),
    check(
      "referral_points_sign",
      sql`(${t.reversesId} is null and ${t.points} > 0) or (${t.reversesId} is not null and ${t.points} < 0)`,
    ),
  ],
);
