import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Outcome } from "../../../contracts/matches";
import type { Db } from "../../platform/db";
import { inTenant } from "../../platform/db";
import { candidates, organisations, users, vacancies } from "../../platform/schema";
import { reaches, type SelfScope, type TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { matchEvaluations, matches, matchHistory, procedurePhases } from "./matches.schema";

export type MatchRow = typeof matches.$inferSelect;
export type NewMatchRow = typeof matches.$inferInsert;
export type StepRow = typeof matchHistory.$inferSelect;

/** What the matches module needs to know of a vacancy to decide who may do what. */
export interface VacancyOfMatch {
  id: string;
  organisationId: string;
  portalId: string;
  status: (typeof vacancies.$inferSelect)["status"];
  contactUserId: string | null;
  createdByUserId: string | null;
  requestedByUserId: string | null;
  procedureId: string | null;
  displayTitle: string;
}

export const vacancyColumns = {
  id: vacancies.id,
  organisationId: vacancies.organisationId,
  portalId: vacancies.portalId,
  status: vacancies.status,
  contactUserId: vacancies.contactUserId,
  createdByUserId: vacancies.createdByUserId,
  requestedByUserId: vacancies.requestedByUserId,
  procedureId: vacancies.procedureId,
  displayTitle: vacancies.displayTitle,
};

export const candidateName = sql<string>`trim(${candidates.firstName} || ' ' || ${candidates.lastName})`;

/** Whether the match is, or once was, in a phase contact persons see (Carerix: stays visible). */
export const everVisibleToContacts = sql<boolean>`(${procedurePhases.visibleToContacts} or exists (
  select 1 from ${matchHistory} h join ${procedurePhases} p on p.id = h.to_phase_id
  where h.match_id = ${matches.id} and h.undone_at is null and p.visible_to_contacts))`;

/** The first step of a match: where it began. Inserted with the match, in its transaction. */
async function insertFirstStep(db: Db, match: MatchRow, actorUserId: string | null): Promise<void> {
  await db.insert(matchHistory).values({
    matchId: match.id,
    organisationId: match.organisationId,
    seq: 0,
    fromPhaseId: null,
    toPhaseId: match.phaseId,
    actorUserId,
    at: match.createdAt,
  });
}

/**
 * A new match with its first history step; null when the candidate is already on the vacancy.
 * Staff create them in their organisations, a candidate only for their own candidate rows.
 */
async function create(db: Db, scope: TenantScope | SelfScope, row: NewMatchRow): Promise<MatchRow | null> {
  const allowed =
    scope.kind === "self" ? scope.candidateIds.includes(row.candidateId) : reaches(scope, row.organisationId);
  if (!allowed) throw new Error("matches.create outside the caller's scope");
  const [created] = await db.insert(matches).values(row).onConflictDoNothing().returning();
  if (!created) return null;
  await insertFirstStep(db, created, row.createdByUserId ?? null);
  return created;
}

export const matchCreationRepository = repository<TenantScope | SelfScope>()({ create });

export const matchesRepository = repository<TenantScope>()({
  async findVacancy(db, scope, vacancyId: string): Promise<VacancyOfMatch | null> {
    const [row] = await db
      .select(vacancyColumns)
      .from(vacancies)
      .where(and(eq(vacancies.id, vacancyId), inTenant(scope, vacancies.organisationId)))
      .limit(1);
    return row ?? null;
  },

  /** A vacancy's matches with the candidate's name; `onlyVisible`: those contact persons see. */
  async listOfVacancy(db, scope, vacancyId: string, onlyVisible: boolean) {
    return db
      .select({ match: matches, candidateName })
      .from(matches)
      .innerJoin(candidates, eq(candidates.id, matches.candidateId))
      .innerJoin(procedurePhases, eq(procedurePhases.id, matches.phaseId))
      .where(
        and(
          eq(matches.vacancyId, vacancyId),
          inTenant(scope, matches.organisationId),
          onlyVisible ? everVisibleToContacts : undefined,
        ),
      )
      .orderBy(desc(matches.phaseSince), asc(matches.id));
  },

  async find(db, scope, id: string) {
    const [row] = await db
      .select({
        match: matches,
        candidateName,
        vacancy: vacancyColumns,
        everVisible: everVisibleToContacts,
      })
      .from(matches)
      .innerJoin(candidates, eq(candidates.id, matches.candidateId))
      .innerJoin(vacancies, eq(vacancies.id, matches.vacancyId))
      .innerJoin(procedurePhases, eq(procedurePhases.id, matches.phaseId))
      .where(and(eq(matches.id, id), inTenant(scope, matches.organisationId)))
      .limit(1);
    return row ?? null;
  },

  /** Every step, oldest first, with the names of who made and who undid it. */
  async history(db, scope, matchId: string) {
    const undoer = alias(users, "undoer");
    return db
      .select({ step: matchHistory, actorName: users.name, undoneByName: undoer.name })
      .from(matchHistory)
      .leftJoin(users, eq(users.id, matchHistory.actorUserId))
      .leftJoin(undoer, eq(undoer.id, matchHistory.undoneByUserId))
      .where(and(eq(matchHistory.matchId, matchId), inTenant(scope, matchHistory.organisationId)))
      .orderBy(asc(matchHistory.seq));
  },

  async evaluations(db, scope, matchId: string) {
    return db
      .select({ evaluation: matchEvaluations, authorName: users.name })
      .from(matchEvaluations)
      .leftJoin(users, eq(users.id, matchEvaluations.authorUserId))
      .where(and(eq(matchEvaluations.matchId, matchId), inTenant(scope, matchEvaluations.organisationId)))
      .orderBy(asc(matchEvaluations.createdAt), asc(matchEvaluations.id));
  },

  /** The last steps that were not undone, newest first. */
  async liveSteps(db, scope, matchId: string, limit: number): Promise<StepRow[]> {
    return db
      .select()
      .from(matchHistory)
      .where(
        and(
          eq(matchHistory.matchId, matchId),
          isNull(matchHistory.undoneAt),
          inTenant(scope, matchHistory.organisationId),
        ),
      )
      .orderBy(desc(matchHistory.seq))
      .limit(limit);
  },

  async addStep(
    db,
    scope,
    step: {
      match: Pick<MatchRow, "id" | "organisationId">;
      fromPhaseId: string;
      toPhaseId: string;
      outcome: Outcome | null;
      outcomeOption?: string | null;
      comment: string | null;
      actorUserId: string;
    },
  ): Promise<StepRow> {
    if (!reaches(scope, step.match.organisationId)) throw new Error("matches.addStep outside the scope");
    const [row] = await db
      .insert(matchHistory)
      .values({
        matchId: step.match.id,
        organisationId: step.match.organisationId,
        seq: sql`(select coalesce(max(${matchHistory.seq}), -1) + 1 from ${matchHistory} where ${matchHistory.matchId} = ${step.match.id})`,
        fromPhaseId: step.fromPhaseId,
        toPhaseId: step.toPhaseId,
        outcome: step.outcome,
        outcomeOption: step.outcomeOption ?? null,
        comment: step.comment,
        actorUserId: step.actorUserId,
      })
      .returning();
    return row!;
  },

  async markUndone(db, scope, stepId: string, userId: string): Promise<void> {
    await db
      .update(matchHistory)
      .set({ undoneAt: new Date(), undoneByUserId: userId })
      .where(and(eq(matchHistory.id, stepId), inTenant(scope, matchHistory.organisationId)));
  },

  /**
   * Puts the match in a phase, only if it is still where the caller saw it: of two people moving
   * the same match at once, the second waits for the first's row lock and then gets null.
   * `since` "now" is the transaction's time (that of the step it goes with). `proposedAt` follows
   * the history: when the match first reached a proposal phase by a step that still stands, or
   * now when this step is the first to reach one.
   */
  async setPhase(
    db,
    scope,
    id: string,
    expected: { phaseId: string; outcome: Outcome | null },
    next: {
      phaseId: string;
      outcome: Outcome | null;
      since: Date | "now";
      status: MatchRow["status"];
      proposalNow: boolean;
    },
  ): Promise<MatchRow | null> {
    const [row] = await db
      .update(matches)
      .set({
        phaseId: next.phaseId,
        outcome: next.outcome,
        phaseSince: next.since === "now" ? sql`now()` : next.since,
        status: next.status,
        updatedAt: sql`now()`,
        proposedAt: sql`coalesce((select min(h.at) from ${matchHistory} h
          join ${procedurePhases} p on p.id = h.to_phase_id
          where h.match_id = ${matches.id} and h.undone_at is null and p.key = 'proposed'),
          ${next.proposalNow ? sql`now()` : sql`null`})`,
      })
      .where(
        and(
          eq(matches.id, id),
          eq(matches.phaseId, expected.phaseId),
          expected.outcome === null ? isNull(matches.outcome) : eq(matches.outcome, expected.outcome),
          inTenant(scope, matches.organisationId),
        ),
      )
      .returning();
    return row ?? null;
  },

  async addEvaluation(db, scope, row: typeof matchEvaluations.$inferInsert) {
    if (!reaches(scope, row.organisationId)) throw new Error("matches.addEvaluation outside the scope");
    const [created] = await db.insert(matchEvaluations).values(row).returning();
    return created!;
  },

  /** The vacancies in the scope this candidate is on (date, vacancy, by whom, proposed). */
  async vacanciesOfCandidate(db, scope, candidateId: string) {
    return db
      .select({
        match: matches,
        displayTitle: vacancies.displayTitle,
        organisationName: organisations.name,
        addedBy: users.name,
      })
      .from(matches)
      .innerJoin(vacancies, eq(vacancies.id, matches.vacancyId))
      .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
      .leftJoin(users, eq(users.id, matches.createdByUserId))
      .where(and(eq(matches.candidateId, candidateId), inTenant(scope, vacancies.organisationId)))
      .orderBy(desc(matches.createdAt));
  },

  /** Takes a saved candidate off a vacancy (never an application); the removed match, if any. */
  async removeSaved(db, scope, vacancyId: string, candidateId: string): Promise<MatchRow | null> {
    const [row] = await db
      .delete(matches)
      .where(
        and(
          eq(matches.vacancyId, vacancyId),
          eq(matches.candidateId, candidateId),
          eq(matches.source, "saved"),
          inTenant(scope, matches.organisationId),
        ),
      )
      .returning();
    return row ?? null;
  },
});

// Still imported by the candidates module under this name.
export type EvaluationRow = typeof matchEvaluations.$inferSelect;
