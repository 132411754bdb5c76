import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../platform/db";
import { candidates } from "../candidates/candidates.schema";
import { candidateFavourites } from "../candidates/outreach.schema";
import { organisations } from "../tenancy/tenancy.schema";
import { distanceKmFrom, visibleToViewer } from "../vacancies";
import { vacancies } from "../vacancies/vacancies.schema";
import { candidateSearch } from "./explorer.schema";
import { textArray } from "./sql-index";

/**
 * The explorer's SQL besides the engines: stemming, the cards of a page of hits, and the vacancy
 * side. Search documents are public to the portal's staff only through a portal term, which the
 * caller must pass (the tenant scope of this module).
 */

export interface ExplorerScope {
  /** "p:<portal id>", or "p:*" on the national portal. */
  portalTerm: string;
}

const lexemeCache = new Map<string, string[]>();

/**
 * The lexemes PostgreSQL's Dutch stemmer makes of a text, in the order of the text, stop words
 * left out. The same function made the profile's w: terms, so the two always meet.
 */
export async function lexemesOf(db: Db, text: string): Promise<string[]> {
  const cached = lexemeCache.get(text);
  if (cached) return cached;
  const rows = await queryRows<{ word: string; pos: number }>(
    db,
    sql`SELECT u.lexeme AS word, min(p) AS pos
        FROM unnest(to_tsvector('dutch', unaccent(${text}))) u, unnest(u.positions) p
        GROUP BY u.lexeme ORDER BY min(p)`,
  );
  const words = rows.map((r) => r.word);
  if (lexemeCache.size > 5000) lexemeCache.clear();
  lexemeCache.set(text, words);
  return words;
}

/** The search document is visible on the scope's portal: the tenant scope of every read here. */
function onPortal(scope: ExplorerScope): SQL {
  return sql`${candidateSearch.terms} @> ARRAY[${scope.portalTerm}]::text[]`;
}

export interface HitRow {
  id: string;
  firstName: string;
  lastName: string;
  headline: string;
  city: string | null;
  photoFileKey: string | null;
  lat: number | null;
  lon: number | null;
  profileUpdatedAt: Date;
  terms: string[];
}

/** The cards of these candidates, if their documents are on the scope's portal. */
export async function hitRows(db: Db, scope: ExplorerScope, ids: readonly string[]): Promise<HitRow[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: candidates.id,
      firstName: candidates.firstName,
      lastName: candidates.lastName,
      headline: candidates.headline,
      city: candidates.city,
      photoFileKey: candidates.photoFileKey,
      lat: candidateSearch.lat,
      lon: candidateSearch.lon,
      profileUpdatedAt: candidates.profileUpdatedAt,
      terms: candidateSearch.terms,
    })
    .from(candidateSearch)
    .innerJoin(candidates, eq(candidates.id, candidateSearch.candidateId))
    .where(and(inArray(candidateSearch.candidateId, [...ids]), onPortal(scope)));
}

export async function favouriteIds(db: Db, userId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: candidateFavourites.candidateId })
    .from(candidateFavourites)
    .where(and(eq(candidateFavourites.userId, userId), inArray(candidateFavourites.candidateId, [...ids])));
  return new Set(rows.map((r) => r.id));
}

export interface VacancySearchRow {
  id: string;
  portalId: string;
  organisationId: string;
  occupationId: string | null;
  functionGroup: string | null;
  educationLevel: string | null;
  placeId: string | null;
}

export async function vacancyForSearch(db: Db, id: string): Promise<VacancySearchRow | null> {
  const [row] = await db
    .select({
      id: vacancies.id,
      portalId: vacancies.portalId,
      organisationId: vacancies.organisationId,
      occupationId: vacancies.occupationId,
      functionGroup: vacancies.functionGroup,
      educationLevel: vacancies.educationLevel,
      placeId: vacancies.placeId,
    })
    .from(vacancies)
    .where(eq(vacancies.id, id))
    .limit(1);
  return row ?? null;
}

export interface CandidateForMatching {
  id: string;
  portalId: string;
  occupationIds: string[];
  lat: number | null;
  lon: number | null;
}

/** A candidate whose document is on the scope's portal, with what vacancy matching needs. */
export async function candidateForMatching(
  db: Db,
  scope: ExplorerScope,
  id: string,
): Promise<CandidateForMatching | null> {
  const [row] = await db
    .select({
      id: candidates.id,
      portalId: candidates.portalId,
      terms: candidateSearch.terms,
      lat: candidateSearch.lat,
      lon: candidateSearch.lon,
    })
    .from(candidateSearch)
    .innerJoin(candidates, eq(candidates.id, candidateSearch.candidateId))
    .where(and(eq(candidateSearch.candidateId, id), onPortal(scope)))
    .limit(1);
  if (!row) return null;
  const { terms, ...rest } = row;
  return { ...rest, occupationIds: terms.filter((t) => t.startsWith("occ:")).map((t) => t.slice(4)) };
}

export interface MatchingVacancyRow {
  id: string;
  title: string;
  organisationName: string;
  city: string | null;
  occupationId: string | null;
  distanceKm: number | null;
  score: number;
}

/**
 * Open vacancies the candidate could see and respond to, best first: same occupation, then same
 * ISCO unit group, then nearer.
 */
export async function matchingVacancies(
  db: Db,
  candidate: CandidateForMatching,
  today: string,
  limit: number,
): Promise<MatchingVacancyRow[]> {
  const occupations = candidate.occupationIds;
  const units = [...new Set(occupations.map((o) => o.split(".")[0]!))];
  const distance =
    candidate.lat !== null && candidate.lon !== null
      ? distanceKmFrom({ lat: candidate.lat, lon: candidate.lon })
      : sql`NULL::float8`;
  const score = sql`(CASE WHEN ${vacancies.occupationId} = ANY (${textArray(occupations)}) THEN 2
                         WHEN split_part(${vacancies.occupationId}, '.', 1) = ANY (${textArray(units)}) THEN 1 ELSE 0 END)`;
  const rows = await db
    .select({
      id: vacancies.id,
      title: vacancies.displayTitle,
      organisationName: organisations.name,
      city: vacancies.city,
      occupationId: vacancies.occupationId,
      distanceKm: sql<number | null>`${distance}`,
      score: sql<number>`${score}`,
    })
    .from(vacancies)
    .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
    .where(
      and(
        visibleToViewer({ kind: "candidate", portalIds: [candidate.portalId], organisationIds: [] }, today),
        occupations.length > 0 ? sql`${score} > 0` : undefined,
      ),
    )
    .orderBy(sql`${score} DESC`, sql`${distance} ASC NULLS LAST`, vacancies.id)
    .limit(limit);
  return rows.map((r) => ({
    ...r,
    distanceKm: r.distanceKm === null ? null : Number(r.distanceKm),
    score: Number(r.score),
  }));
}
