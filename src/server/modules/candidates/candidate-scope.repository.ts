import { inArray, is, SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { CandidateReach, OwnScope, PortalScope } from "../../platform/scope";
import { candidatePortalVisibility, candidates } from "./candidates.schema";

/*
 * Which candidate rows a scope reaches, as WHERE clauses for every repository of this module
 * (decision 0011, 0014):
 * - SelfScope: the person's own profiles (one per portal they registered on);
 * - PortalScope: staff looking through a portal at the candidates who chose to be visible there
 *   (on the national portal: visible on any portal);
 * - PlatformScope: background jobs and event subscribers, which reach every profile.
 */

export type { CandidateReach, OwnScope };

/** WHERE: `column` holds the id of one of the scope's own candidates. */
export function ownedBy(scope: OwnScope, column: AnyPgColumn | SQL = candidates.id): SQL {
  if (scope.kind === "platform") return sql`true`;
  if (scope.candidateIds.length === 0) return sql`false`;
  const ids = [...scope.candidateIds];
  return is(column, SQL) ? inArray(column, ids) : inArray(column, ids);
}

/**
 * WHERE over a candidates row (the table itself, or an alias such as `c`): the candidate is in
 * the candidates overview of the scope's portal. The own portal's choice is the candidates.visible
 * column; visibility rows for it are its history only.
 */
export function visibleOnPortal(scope: PortalScope, table: SQL = sql`"candidates"`): SQL {
  const elsewhere = (portalClause: SQL) =>
    sql`exists (select 1 from ${candidatePortalVisibility} v where v.candidate_id = ${table}."id" and v.visible and v.portal_id <> ${table}."portal_id"${portalClause})`;
  if (scope.national) return sql`(${table}."visible" or ${elsewhere(sql``)})`;
  return sql`((${table}."portal_id" = ${scope.portalId} and ${table}."visible") or ${elsewhere(sql` and v.portal_id = ${scope.portalId}`)})`;
}

/** WHERE: `column` holds the id of a candidate the scope reaches (see the top of this file). */
export function reaches(scope: CandidateReach, column: AnyPgColumn | SQL): SQL {
  if (scope.kind !== "portal") return ownedBy(scope, column);
  return sql`exists (select 1 from ${candidates} c where c.id = ${column} and ${visibleOnPortal(scope, sql`c`)})`;
}

/** Whether an own scope may write a row of this candidate (inserts have no WHERE clause). */
export function assertOwned(scope: OwnScope, candidateId: string, what: string): void {
  if (scope.kind === "self" && !scope.candidateIds.includes(candidateId))
    throw new Error(`${what} for another candidate`);
}

/** WHERE: the user row is the scope's own person (a job reaches anyone's). */
export function ownsUser(scope: OwnScope, column: AnyPgColumn, userId: string): SQL {
  if (scope.kind === "platform") return sql`${column} = ${userId}`;
  return sql`${column} = ${userId} and ${column} = ${scope.userId}`;
}
