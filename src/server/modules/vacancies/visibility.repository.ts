import { and, eq, gte, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Viewer } from "./publication";
import { vacancies } from "./vacancies.schema";

/*
 * Who sees a vacancy, in SQL: the same rule as `audiencesOn` in `publication.ts` (a vacancy is
 * visible to an audience from that audience's date up to and including its closing date, while
 * it is published), as fragments of the repositories' WHERE clauses: the staff overview, the
 * candidate side, the job board, the explorer's matching vacancies.
 */

const openOn = (today: string): SQL =>
  and(eq(vacancies.status, "published"), or(isNull(vacancies.closesOn), gte(vacancies.closesOn, today)))!;

/** WHERE clause: the vacancies this viewer may see today. */
export function visibleToViewer(viewer: Viewer, today: string): SQL {
  const audiences: SQL[] = [lte(vacancies.publishPublicFrom, today)];
  if (viewer.kind === "candidate") {
    audiences.push(lte(vacancies.publishAllPortalsFrom, today));
    if (viewer.portalIds.length > 0) {
      audiences.push(
        and(inArray(vacancies.portalId, [...viewer.portalIds]), lte(vacancies.publishPortalFrom, today))!,
      );
    }
    if (viewer.organisationIds.length > 0) {
      audiences.push(
        and(
          inArray(vacancies.organisationId, [...viewer.organisationIds]),
          lte(vacancies.publishOrganisationFrom, today),
        )!,
      );
    }
  }
  return and(openOn(today), or(...audiences))!;
}

/** WHERE clause for the open job board of a portal: its public vacancies (national: all). */
export function onPublicBoard(portal: { id: string; national: boolean }, today: string): SQL {
  const clauses = [openOn(today), lte(vacancies.publishPublicFrom, today)];
  if (!portal.national) clauses.push(eq(vacancies.portalId, portal.id));
  return and(...clauses)!;
}

/** SQL expression: whether any candidate can see the vacancy today (the overview's "visible"). */
export function visibleToCandidatesSql(today: string): SQL {
  return sql`(${openOn(today)} and (${vacancies.publishOrganisationFrom} <= ${today} or ${vacancies.publishPortalFrom} <= ${today} or ${vacancies.publishAllPortalsFrom} <= ${today} or ${vacancies.publishPublicFrom} <= ${today}))`;
}

/** Kilometres from a point to the vacancy's work address (earthdistance); null without one. */
export function distanceKmFrom(origin: { lat: number; lon: number }): SQL<number> {
  return sql<number>`(earth_distance(ll_to_earth(${origin.lat}, ${origin.lon}), ll_to_earth(${vacancies.lat}, ${vacancies.lon})) / 1000.0)`;
}
