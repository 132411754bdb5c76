import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../platform/db";
import { candidates, organisations, users, vacancies } from "../../platform/schema";
import type { PublicScope, SelfScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { type Viewer, visibleToViewer } from "../vacancies";
import { matches, matchHistory, procedurePhases } from "./matches.schema";

type MatchRow = typeof matches.$inferSelect;

/** The candidate's match on a vacancy (applied, or saved or proposed by staff), if any. */
export async function findMatchOfCandidate(
  db: Db,
  scope: SelfScope,
  vacancyId: string,
): Promise<MatchRow | null> {
  if (scope.candidateIds.length === 0) return null;
  const [row] = await db
    .select()
    .from(matches)
    .where(and(eq(matches.vacancyId, vacancyId), inArray(matches.candidateId, [...scope.candidateIds])))
    .limit(1);
  return row ?? null;
}

/** Of these vacancies, the ones the candidate applied to. */
export async function appliedVacancyIds(
  db: Db,
  scope: SelfScope,
  vacancyIds: readonly string[],
): Promise<Set<string>> {
  if (scope.candidateIds.length === 0 || vacancyIds.length === 0) return new Set();
  const rows = await db
    .select({ vacancyId: matches.vacancyId })
    .from(matches)
    .where(
      and(
        inArray(matches.vacancyId, [...vacancyIds]),
        inArray(matches.candidateId, [...scope.candidateIds]),
        eq(matches.source, "applied"),
      ),
    );
  return new Set(rows.map((r) => r.vacancyId));
}

export const applicationsRepository = repository<SelfScope>()({
  findMatchOfCandidate,
  appliedVacancyIds,

  /** The person's candidate rows, oldest first. */
  async ownCandidates(db, scope) {
    if (scope.candidateIds.length === 0) return [];
    return db
      .select({ id: candidates.id, portalId: candidates.portalId })
      .from(candidates)
      .where(and(inArray(candidates.id, [...scope.candidateIds]), eq(candidates.userId, scope.userId)))
      .orderBy(candidates.createdAt);
  },

  /** A first candidate row for a person who applies before filling in a profile. */
  async createOwnCandidate(db, scope, portalId: string) {
    const [user] = await db
      .select({ name: users.name, email: users.email, phone: users.phone, postcode: users.postcode })
      .from(users)
      .where(eq(users.id, scope.userId));
    const [first, ...rest] = (user?.name ?? "").trim().split(/\s+/);
    const [created] = await db
      .insert(candidates)
      .values({
        portalId,
        userId: scope.userId,
        firstName: first || "-",
        lastName: rest.join(" ") || "-",
        email: user?.email ?? null,
        phone: user?.phone ?? null,
        postcode: user?.postcode ?? null,
        visible: false,
      })
      .returning({ id: candidates.id, portalId: candidates.portalId });
    return created!;
  },

  /** "Mijn sollicitaties": the person's applications, newest first. */
  async listApplications(db, scope) {
    if (scope.candidateIds.length === 0) return [];
    return db
      .select({ match: matches, displayTitle: vacancies.displayTitle, organisationName: organisations.name })
      .from(matches)
      .innerJoin(vacancies, eq(vacancies.id, matches.vacancyId))
      .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
      .where(and(inArray(matches.candidateId, [...scope.candidateIds]), eq(matches.source, "applied")))
      .orderBy(desc(matches.createdAt));
  },

  /** The steps of one of the person's own applications that stand (undone ones left out), oldest first. */
  async timeline(db, scope, matchId: string) {
    if (scope.candidateIds.length === 0) return [];
    return db
      .select({ key: procedurePhases.key, label: procedurePhases.label, at: matchHistory.at })
      .from(matchHistory)
      .innerJoin(matches, eq(matches.id, matchHistory.matchId))
      .innerJoin(procedurePhases, eq(procedurePhases.id, matchHistory.toPhaseId))
      .where(
        and(
          eq(matchHistory.matchId, matchId),
          isNull(matchHistory.undoneAt),
          inArray(matches.candidateId, [...scope.candidateIds]),
        ),
      )
      .orderBy(asc(matchHistory.seq));
  },

  /** The phases of the procedure of one of the person's own applications. */
  async phasesOfApplication(db, scope, matchId: string) {
    if (scope.candidateIds.length === 0) return [];
    return db
      .select({
        id: procedurePhases.id,
        key: procedurePhases.key,
        meaning: procedurePhases.meaning,
        label: procedurePhases.label,
      })
      .from(procedurePhases)
      .innerJoin(matches, eq(matches.procedureId, procedurePhases.procedureId))
      .where(and(eq(matches.id, matchId), inArray(matches.candidateId, [...scope.candidateIds])))
      .orderBy(asc(procedurePhases.position));
  },

  /**
   * The applicant withdraws: the match moves to the withdrawn phase with its step, if it is
   * still where the caller saw it (the row lock makes a second withdrawal find it moved).
   */
  async withdraw(
    db,
    scope,
    match: Pick<MatchRow, "id" | "organisationId" | "phaseId" | "outcome">,
    toPhaseId: string,
    actorUserId: string,
  ): Promise<MatchRow | null> {
    if (scope.candidateIds.length === 0) return null;
    const [moved] = await db
      .update(matches)
      .set({
        phaseId: toPhaseId,
        outcome: null,
        phaseSince: sql`now()`,
        status: "withdrawn",
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(matches.id, match.id),
          inArray(matches.candidateId, [...scope.candidateIds]),
          eq(matches.phaseId, match.phaseId),
          match.outcome === null ? isNull(matches.outcome) : eq(matches.outcome, match.outcome),
        ),
      )
      .returning();
    if (!moved) return null;
    await db.insert(matchHistory).values({
      matchId: match.id,
      organisationId: match.organisationId,
      seq: sql`(select coalesce(max(${matchHistory.seq}), -1) + 1 from ${matchHistory} where ${matchHistory.matchId} = ${match.id})`,
      fromPhaseId: match.phaseId,
      toPhaseId,
      outcome: null,
      comment: null,
      actorUserId,
    });
    return moved;
  },

  async findApplication(db, scope, id: string): Promise<MatchRow | null> {
    if (scope.candidateIds.length === 0) return null;
    const [row] = await db
      .select()
      .from(matches)
      .where(and(eq(matches.id, id), inArray(matches.candidateId, [...scope.candidateIds])))
      .limit(1);
    return row ?? null;
  },
});

/**
 * Published vacancies as the job board shows them (decision 0009): rows of no one tenant in
 * particular, so the public scope; who may see which follows from the viewer and the dates.
 */
export const visibleVacanciesRepository = repository<PublicScope>()({
  /** A vacancy this person may see today (decision 0009), with what an application needs. */
  async findVisibleVacancy(db, _scope, viewer: Viewer, id: string, today: string) {
    const [row] = await db
      .select({
        id: vacancies.id,
        organisationId: vacancies.organisationId,
        portalId: vacancies.portalId,
        procedureId: vacancies.procedureId,
        displayTitle: vacancies.displayTitle,
        organisationName: organisations.name,
      })
      .from(vacancies)
      .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
      .where(and(eq(vacancies.id, id), visibleToViewer(viewer, today)))
      .limit(1);
    return row ?? null;
  },
});
