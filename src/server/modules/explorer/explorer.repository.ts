import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { queryRows } from "../../platform/db";
import {
  candidateFavourites,
  candidateSearch,
  candidates,
  organisations,
  vacancies,
} from "../../platform/schema";
import type { PortalScope, PublicScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { distanceKmFrom, todayIn, visibleToViewer } from "../vacancies";
import { portalTermOf } from "./search-index";
import { textArray } from "./sql-index.repository";

/**
 * The explorer's SQL besides the engines: stemming, the cards of a page of hits, and the vacancy
 * side. Search documents reach staff only through the portal term of their `PortalScope` (the
 * caller's `portalCandidates()`), which every read of candidates here is limited to.
 */

const lexemeCache = new Map<string, string[]>();

/** Text processing that reads no rows. */
export const stemmingRepository = repository<PublicScope>()({
  /**
   * The lexemes PostgreSQL's Dutch stemmer makes of a text, in the order of the text, stop words
   * left out. The same function made the profile's w: terms, so the two always meet.
   */
  async lexemesOf(db, _scope, text: string): Promise<string[]> {
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
  },
});

/** The search document is visible on the scope's portal: the tenant scope of every read here. */
function onPortal(scope: PortalScope): SQL {
  return sql`${candidateSearch.terms} @> ARRAY[${portalTermOf(scope)}]::text[]`;
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
  /** On the viewer's favourites list. */
  favourite: boolean;
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

export interface CandidateForMatching {
  id: string;
  portalId: string;
  occupationIds: string[];
  lat: number | null;
  lon: number | null;
}

export const explorerRepository = repository<PortalScope>()({
  /**
   * The cards of these candidates, if their documents are on the scope's portal, with whether
   * the viewer keeps each as a favourite: one statement.
   */
  async hitCards(db, scope, viewerUserId: string, ids: readonly string[]): Promise<HitRow[]> {
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
        favourite: sql<boolean>`exists (select 1 from ${candidateFavourites}
          where ${candidateFavourites.userId} = ${viewerUserId}
            and ${candidateFavourites.candidateId} = ${candidates.id})`,
      })
      .from(candidateSearch)
      .innerJoin(candidates, eq(candidates.id, candidateSearch.candidateId))
      .where(and(inArray(candidateSearch.candidateId, [...ids]), onPortal(scope)));
  },

  /** A candidate whose document is on the scope's portal, with what vacancy matching needs. */
  async candidateForMatching(db, scope, id: string): Promise<CandidateForMatching | null> {
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
  },

  /**
   * What a search from a vacancy starts with: its classification and place, and its organisation
   * (the service lets only those who may read the vacancy start from it); nothing else is read.
   */
  async vacancyForSearch(db, _scope, id: string): Promise<VacancySearchRow | null> {
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
  },
});

export interface MatchingVacancyRow {
  id: string;
  title: string;
  organisationName: string;
  city: string | null;
  occupationId: string | null;
  distanceKm: number | null;
  score: number;
}

/** Published vacancies, as the candidates of a portal see them: no tenant's private rows. */
export const openVacanciesRepository = repository<PublicScope>()({
  /**
   * Open vacancies the candidate could see and respond to today, best first: same occupation,
   * then same ISCO unit group, then nearer.
   */
  async matching(db, _scope, candidate: CandidateForMatching, limit: number): Promise<MatchingVacancyRow[]> {
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
          visibleToViewer(
            { kind: "candidate", portalIds: [candidate.portalId], organisationIds: [] },
            todayIn(),
          ),
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
  },
});
