import { type SQL, sql } from "drizzle-orm";
import { queryRows } from "../../platform/db";
import type { PlatformScope, PortalScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import {
  boundingBox,
  DISTANCE_BANDS_KM,
  type FilterClause,
  type GeoClause,
  type IndexQuery,
  type IndexResult,
  NO_COORDINATES_BAND,
  portalTermOf,
  type SearchScope,
} from "./search-index";

/**
 * The SQL of the reference engine (`sql-index.ts`): two statements over `candidate_search` (GIN
 * on the terms array, btree on lat/lon for the radius box), always within the scope's portal
 * term. It is what the in-memory index must agree with, and what serves searches while that
 * index is still being built.
 */

/** A text[] literal of bound values; `'{}'` when empty. */
export const textArray = (values: readonly string[]): SQL =>
  values.length === 0
    ? sql`'{}'::text[]`
    : sql`ARRAY[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`;

const float = (n: number): SQL => sql`${String(n)}::float8`;

/** The same operations, in the same order, as distanceSquared() in search-index.ts. */
function d2(geo: GeoClause): SQL {
  const dx = sql`((b.lon - ${float(geo.lon)}) * ${float(geo.kx)})`;
  const dy = sql`((b.lat - ${float(geo.lat)}) * ${float(geo.ky)})`;
  return sql`(${dx} * ${dx} + ${dy} * ${dy})`;
}

function baseWhere(scope: SearchScope, query: IndexQuery): SQL {
  const parts: SQL[] = [
    sql`b.terms @> ${textArray([portalTermOf(scope), ...query.words.map((w) => `w:${w}`)])}`,
  ];
  const occupation = query.occupation;
  if (occupation) {
    const any = [...occupation.exact, ...occupation.related, ...occupation.groups];
    const alternatives: SQL[] = [];
    if (any.length > 0) alternatives.push(sql`b.terms && ${textArray(any)}`);
    for (const label of occupation.labels) {
      if (label.length > 0) alternatives.push(sql`b.terms @> ${textArray(label)}`);
    }
    parts.push(alternatives.length > 0 ? sql`(${sql.join(alternatives, sql` OR `)})` : sql`false`);
  }
  const geo = query.geo;
  if (geo && geo.radiusKm !== null) {
    const box = boundingBox(geo, geo.radiusKm);
    parts.push(
      sql`b.lat BETWEEN ${float(box.latMin)} AND ${float(box.latMax)} AND b.lon BETWEEN ${float(box.lonMin)} AND ${float(box.lonMax)}`,
      sql`${d2(geo)} <= ${float(geo.radiusKm * geo.radiusKm)}`,
    );
  }
  return sql.join(parts, sql` AND `);
}

function filterSql(filter: FilterClause): SQL {
  return "terms" in filter
    ? sql`b.terms && ${textArray(filter.terms)}`
    : sql`b.updated_sec >= ${filter.minUpdatedSec}`;
}

function filtersExcept(query: IndexQuery, category: string | null): SQL {
  const parts = query.filters.filter((f) => f.category !== category).map(filterSql);
  return parts.length > 0 ? sql.join(parts, sql` AND `) : sql`true`;
}

function orderBy(query: IndexQuery): SQL {
  const occupation = query.occupation;
  const tier = occupation
    ? sql`CASE WHEN b.terms && ${textArray(occupation.exact)} THEN 3
               WHEN b.terms && ${textArray(occupation.related)} THEN 2
               WHEN b.terms && ${textArray(occupation.groups)} THEN 1 ELSE 0 END`
    : null;
  const text =
    query.words.length > 0
      ? sql.join(
          query.words.map((w) => sql`(CASE WHEN b.terms @> ${textArray([`wa:${w}`])} THEN 2 ELSE 1 END)`),
          sql` + `,
        )
      : null;
  const geo = query.geo;
  const band = geo
    ? sql`CASE WHEN b.lat IS NULL OR b.lon IS NULL THEN ${NO_COORDINATES_BAND} ${sql.join(
        DISTANCE_BANDS_KM.map((km, i) => sql`WHEN ${d2(geo)} <= ${float(km * km)} THEN ${i}`),
        sql` `,
      )} ELSE ${DISTANCE_BANDS_KM.length} END`
    : null;
  const keys: SQL[] = [];
  if (tier) keys.push(sql`${tier} DESC`);
  if (text) keys.push(sql`${text} DESC`);
  if (band) keys.push(sql`${band} ASC`);
  keys.push(sql`b.updated_sec DESC`, sql`b.row_no ASC`);
  return sql.join(keys, sql`, `);
}

/** How many of the base set, with these filters, hold each of these terms. */
function termCounts(where: SQL, terms: readonly string[]): SQL {
  return sql`SELECT ''::text AS category, t AS key, count(*)::int AS n
    FROM b, unnest(b.terms) t
    WHERE ${where} AND t = ANY (${textArray(terms)})
    GROUP BY t`;
}

/** The category of the row that carries the total. */
const TOTAL = "#total";

/**
 * The total and every facet count in one statement: the total, one pass over the terms for
 * every category without a filter of its own (they all count over S), one per active category
 * (counted without its own filter), and the "changed since" options from the row's date.
 */
function countsSql(query: IndexQuery): SQL {
  const parts: SQL[] = [
    sql`SELECT ${TOTAL}::text AS category, ''::text AS key, count(*)::int AS n
    FROM b WHERE ${filtersExcept(query, null)}`,
  ];
  const active = new Set(query.filters.map((f) => f.category));
  const shared: string[] = [];
  for (const facet of query.facets) {
    const terms = facet.options.flatMap((o) => ("term" in o ? [o.term] : []));
    if (terms.length > 0 && !active.has(facet.category)) shared.push(...terms);
    else if (terms.length > 0) parts.push(termCounts(filtersExcept(query, facet.category), terms));
    const since = facet.options.flatMap((o) => ("minUpdatedSec" in o ? [o] : []));
    if (since.length > 0) {
      const values = sql.join(
        since.map((o) => sql`(${o.id}::text, ${o.minUpdatedSec}::bigint)`),
        sql`, `,
      );
      parts.push(sql`SELECT ${facet.category}::text AS category, o.id AS key, count(*)::int AS n
        FROM b CROSS JOIN (VALUES ${values}) o(id, since)
        WHERE ${filtersExcept(query, facet.category)} AND b.updated_sec >= o.since
        GROUP BY o.id`);
    }
  }
  if (shared.length > 0) parts.push(termCounts(filtersExcept(query, null), shared));
  return sql.join(parts, sql` UNION ALL `);
}

export const sqlSearchRepository = repository<PortalScope | PlatformScope>()({
  /** The page of hits, the total and every facet count of the query, among the scope's candidates. */
  async search(db, scope, query: IndexQuery): Promise<IndexResult> {
    const from = sql`WITH b AS (
        SELECT b.candidate_id, b.row_no, b.terms, b.lat, b.lon, b.updated_sec
        FROM candidate_search b WHERE ${baseWhere(scope, query)})`;
    // Terms are unique across categories (each has its prefix); dates are keyed by category.
    const byKey = new Map<string, { category: string; id: string }>();
    for (const facet of query.facets) {
      for (const o of facet.options) {
        byKey.set("term" in o ? `|${o.term}` : `${facet.category}|${o.id}`, {
          category: facet.category,
          id: o.id,
        });
      }
    }
    const rows = await queryRows<{ category: string; key: string; n: number }>(
      db,
      sql`${from} ${countsSql(query)}`,
    );
    let total = 0;
    const facets: Record<string, Record<string, number>> = {};
    for (const row of rows) {
      if (row.category === TOTAL) {
        total = Number(row.n);
        continue;
      }
      const option = byKey.get(`${row.category}|${row.key}`);
      if (!option) continue;
      const counts = facets[option.category] ?? {};
      counts[option.id] = Number(row.n);
      facets[option.category] = counts;
    }
    const page =
      query.offset < total
        ? await queryRows<{ candidate_id: string }>(
            db,
            sql`${from} SELECT b.candidate_id FROM b WHERE ${filtersExcept(query, null)}
                  ORDER BY ${orderBy(query)} LIMIT ${query.limit} OFFSET ${query.offset}`,
          )
        : [];
    return { total, ids: page.map((r) => r.candidate_id), facets };
  },
});
