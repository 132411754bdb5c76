import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { OutcomeOption } from "../../../contracts/matches";
import {
  EVALUATION_VERDICTS,
  type EvaluationVerdict,
  type Labels,
  MATCH_SOURCES,
  OUTCOMES,
  type Outcome,
  PHASE_MEANINGS,
  PROCEDURE_KINDS,
} from "../../../contracts/matches";
import { APPLICATION_STATUSES } from "../../../contracts/vacancies";
import { candidates } from "../candidates/candidates.schema";
import { contactPersons } from "../employers/employers.schema";
import { organisations, portals, users } from "../tenancy/tenancy.schema";
import { vacancies } from "../vacancies/vacancies.schema";

export { MATCH_SOURCES };

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/**
 * How an organisation runs its matches (decision 0016): recruitment phases, referral milestones
 * or selection statuses. Each organisation gets copies of the shipped templates (`template`
 * names which), so it can later rename or reorder its own without touching anyone else's.
 */
export const procedures = pgTable(
  "procedures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** The shipped template this procedure was copied from; null for one of the organisation's own. */
    template: text("template"),
    kind: text("kind", { enum: PROCEDURE_KINDS }).notNull(),
    name: jsonb("name").$type<Labels>().notNull(),
    /** The procedure of vacancies that did not choose one. */
    isDefault: boolean("is_default").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("procedures_organisation_template_key").on(t.organisationId, t.template),
    uniqueIndex("procedures_one_default_key").on(t.organisationId).where(sql`${t.isDefault}`),
    check("procedures_kind_valid", sql`${t.kind} in (${inList(PROCEDURE_KINDS)})`),
  ],
);

/** The ordered phases (milestones, statuses) of a procedure. */
export const procedurePhases = pgTable(
  "procedure_phases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    procedureId: uuid("procedure_id")
      .notNull()
      .references(() => procedures.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Stable name from the template ("applied", "proposed", "contact_made", ...). */
    key: text("key").notNull(),
    position: integer("position").notNull(),
    label: jsonb("label").$type<Labels>().notNull(),
    /** Whether contact persons (hiring managers) see matches in this phase (Carerix). */
    visibleToContacts: boolean("visible_to_contacts").notNull().default(false),
    /** The outcomes a step into this phase may carry; empty for none. */
    outcomes: text("outcomes").array().$type<Outcome[]>().notNull().default(sql`'{}'::text[]`),
    meaning: text("meaning", { enum: PHASE_MEANINGS }).notNull().default("active"),
    /**
     * The named choices of a referral milestone ("Ja, telefonisch bereikt"), each with the
     * colour it gives; empty where the outcomes are given by colour alone.
     */
    outcomeOptions: jsonb("outcome_options").$type<OutcomeOption[]>().notNull().default([]),
  },
  (t) => [
    uniqueIndex("procedure_phases_procedure_key").on(t.procedureId, t.key),
    index("procedure_phases_procedure_idx").on(t.procedureId, t.position),
    check("procedure_phases_meaning_valid", sql`${t.meaning} in (${inList(PHASE_MEANINGS)})`),
    check("procedure_phases_outcomes_valid", sql`${t.outcomes} <@ array[${inList(OUTCOMES)}]::text[]`),
  ],
);

/**
 * A candidate on a vacancy: they applied ("reageren"), staff saved them, or staff proposed
 * them to the employer. One row per candidate and vacancy, in one phase of its procedure.
 */
export const matches = pgTable(
  "matches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    portalId: uuid("portal_id")
      .notNull()
      .references(() => portals.id),
    /** The vacancy's organisation: the tenant the match belongs to. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    vacancyId: uuid("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    source: text("source", { enum: MATCH_SOURCES }).notNull(),
    procedureId: uuid("procedure_id")
      .notNull()
      .references(() => procedures.id),
    phaseId: uuid("phase_id")
      .notNull()
      .references(() => procedurePhases.id),
    /** The outcome given in the current phase (a referral milestone's colour), if any. */
    outcome: text("outcome", { enum: OUTCOMES }),
    phaseSince: timestamp("phase_since", { withTimezone: true }).notNull().defaultNow(),
    /** What the candidate reads under "mijn sollicitaties"; follows the phase. */
    status: text("status", { enum: APPLICATION_STATUSES }).notNull().default("submitted"),
    motivation: text("motivation").notNull().default(""),
    cvFileKey: text("cv_file_key"),
    cvFileName: text("cv_file_name"),
    cvContentType: text("cv_content_type"),
    /** Where the candidate came from (utm_source of the page they applied on). */
    channelSource: text("channel_source"),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    /** When the match first reached a proposal phase ("voorgesteld"). */
    proposedAt: timestamp("proposed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("matches_vacancy_candidate_key").on(t.vacancyId, t.candidateId),
    index("matches_candidate_idx").on(t.candidateId),
    index("matches_organisation_idx").on(t.organisationId),
    check("matches_source_valid", sql`${t.source} in (${inList(MATCH_SOURCES)})`),
    check("matches_outcome_valid", sql`${t.outcome} is null or ${t.outcome} in (${inList(OUTCOMES)})`),
  ],
);

/**
 * Every step of a match from phase to phase: who, when, from, to, outcome and comment. The
 * first step (`seq` 0, no from) is where the match began. Undoing a step marks it undone and
 * puts the match back where the step before left it; the row stays.
 */
export const matchHistory = pgTable(
  "match_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    matchId: uuid("match_id")
      .notNull()
      .references(() => matches.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    seq: integer("seq").notNull(),
    fromPhaseId: uuid("from_phase_id").references(() => procedurePhases.id),
    toPhaseId: uuid("to_phase_id")
      .notNull()
      .references(() => procedurePhases.id),
    outcome: text("outcome", { enum: OUTCOMES }),
    /** The named choice the outcome was given with (a key of the phase's outcome options). */
    outcomeOption: text("outcome_option"),
    comment: text("comment"),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    undoneAt: timestamp("undone_at", { withTimezone: true }),
    undoneByUserId: text("undone_by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("match_history_match_seq_key").on(t.matchId, t.seq),
    check("match_history_outcome_valid", sql`${t.outcome} is null or ${t.outcome} in (${inList(OUTCOMES)})`),
  ],
);

/** A person's verdict on a match with a comment (Carerix: the "Evaluatie" tab). */
export const matchEvaluations = pgTable(
  "match_evaluations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    matchId: uuid("match_id")
      .notNull()
      .references(() => matches.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    authorUserId: text("author_user_id").references(() => users.id, { onDelete: "set null" }),
    verdict: text("verdict").$type<EvaluationVerdict>().notNull(),
    comment: text("comment").notNull().default(""),
    phaseId: uuid("phase_id").references(() => procedurePhases.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("match_evaluations_match_idx").on(t.matchId, t.createdAt),
    check("match_evaluations_verdict_valid", sql`${t.verdict} in (${inList(EVALUATION_VERDICTS)})`),
  ],
);

/**
 * A proposal of a match to the vacancy's employer (HalloWerk "Voorstellen", Carerix's proposal
 * flow): who proposed it, when, with what note, from which phase, and the contacts' verdict. A
 * withdrawn proposal stays as a record; a match has at most one live (not withdrawn) proposal.
 */
export const matchProposals = pgTable(
  "match_proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    matchId: uuid("match_id")
      .notNull()
      .references(() => matches.id, { onDelete: "cascade" }),
    /** The match's organisation (the vacancy's). */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    proposedByUserId: text("proposed_by_user_id").references(() => users.id, { onDelete: "set null" }),
    note: text("note").notNull().default(""),
    /** The phase the match was in before; null when the proposal created the match. */
    fromPhaseId: uuid("from_phase_id").references(() => procedurePhases.id),
    proposedAt: timestamp("proposed_at", { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    decision: text("decision", { enum: ["approved", "rejected"] }),
    decidedByUserId: text("decided_by_user_id").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    comment: text("comment"),
  },
  (t) => [
    uniqueIndex("match_proposals_live_key").on(t.matchId).where(sql`${t.withdrawnAt} is null`),
    index("match_proposals_organisation_idx").on(t.organisationId),
    check(
      "match_proposals_decision_valid",
      sql`${t.decision} is null or ${t.decision} in ('approved', 'rejected')`,
    ),
  ],
);

/** The contact persons (with an account) who review a proposal. */
export const matchReviewers = pgTable(
  "match_reviewers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => matchProposals.id, { onDelete: "cascade" }),
    matchId: uuid("match_id")
      .notNull()
      .references(() => matches.id, { onDelete: "cascade" }),
    /** The match's organisation. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    contactPersonId: uuid("contact_person_id")
      .notNull()
      .references(() => contactPersons.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("match_reviewers_proposal_contact_key").on(t.proposalId, t.contactPersonId),
    index("match_reviewers_user_idx").on(t.userId),
  ],
);

/** In-app notices for a person (a verdict on their proposal), read or not. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The organisation the notice is about (the match's). */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    matchId: uuid("match_id").references(() => matches.id, { onDelete: "cascade" }),
    vacancyId: uuid("vacancy_id").references(() => vacancies.id, { onDelete: "cascade" }),
    /** Facts for the text (candidate and vacancy names, decision); never a comment. */
    data: jsonb("data").$type<Record<string, string>>().notNull().default({}),
    /** Sets one notice per event and person, so a redelivered event adds nothing. */
    eventKey: text("event_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("notifications_event_user_key").on(t.eventKey, t.userId),
    index("notifications_user_idx").on(t.userId, t.createdAt),
  ],
);
