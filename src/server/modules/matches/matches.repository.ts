import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db";
import { organisations } from "../tenancy/tenancy.schema";
import { vacancies } from "../vacancies/vacancies.schema";
import { matches } from "./matches.schema";

export type MatchRow = typeof matches.$inferSelect;

/**
 * The candidate's own matches: scoped by the candidate ids of the signed-in person, so
 * nobody reads another candidate's applications through these functions.
 */
export interface CandidateScope {
  readonly candidateIds: readonly string[];
}

export async function findMatchOfCandidate(
  db: Db,
  scope: CandidateScope,
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

export async function appliedVacancyIds(
  db: Db,
  scope: CandidateScope,
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

export async function insertApplication(
  db: Db,
  scope: CandidateScope,
  row: Omit<typeof matches.$inferInsert, "source">,
): Promise<MatchRow | null> {
  if (!scope.candidateIds.includes(row.candidateId))
    throw new Error("insertApplication for another candidate");
  const [created] = await db
    .insert(matches)
    .values({ ...row, source: "applied" })
    .onConflictDoNothing()
    .returning();
  return created ?? null;
}

export async function listApplications(db: Db, scope: CandidateScope) {
  if (scope.candidateIds.length === 0) return [];
  return db
    .select({
      match: matches,
      displayTitle: vacancies.displayTitle,
      organisationName: organisations.name,
    })
    .from(matches)
    .innerJoin(vacancies, eq(vacancies.id, matches.vacancyId))
    .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
    .where(and(inArray(matches.candidateId, [...scope.candidateIds]), eq(matches.source, "applied")))
    .orderBy(desc(matches.createdAt));
}

export async function findApplication(db: Db, scope: CandidateScope, id: string): Promise<MatchRow | null> {
  if (scope.candidateIds.length === 0) return null;
  const [row] = await db
    .select()
    .from(matches)
    .where(and(eq(matches.id, id), inArray(matches.candidateId, [...scope.candidateIds])))
    .limit(1);
  return row ?? null;
}
