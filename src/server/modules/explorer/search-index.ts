import type { PlatformScope, PortalScope } from "../../platform/scope";

/**
 * The one interface of the candidate explorer's two engines (decision 0013): SQL over the
 * `candidate_search` table (the reference) and an in-process index built from that table and
 * kept current from its change feed. Both answer the same `IndexQuery` with the same hits, in the
 * same order, with the same facet counts; a property test holds them to it.
 *
 * Semantics, shared by both:
 * - base set B: visible on the scope's portal (its portal term), every free-text word, the occupation clause (any of its
 *   alternatives), and the radius around the place;
 * - each active filter category is an OR of its options; categories are ANDed: S = B ∧ F1 ∧ …;
 * - the facet count of option o of category c is |B ∧ (all filters but c's) ∧ o|, so choosing
 *   o gives exactly that many results (disjunctive facets);
 * - order: occupation tier (exact 3, related 2, group 1, else 0) desc, text score desc,
 *   distance band asc, profile change desc, row number asc.
 */

export interface OccupationClause {
  /** occ: terms of the chosen occupations (tier 3). */
  exact: string[];
  /** unit: terms of their ISCO unit groups (tier 2). */
  related: string[];
  /** grp: terms of chosen occupation groups (tier 1). */
  groups: string[];
  /** For each chosen occupation, the w: terms of its label: all present = a text match (tier 0). */
  labels: string[][];
}

export interface GeoClause {
  lat: number;
  lon: number;
  /** Kilometres per degree of longitude and latitude at the place (equirectangular). */
  kx: number;
  ky: number;
  /** Null: the whole country, ranked by distance. */
  radiusKm: number | null;
}

export type FilterClause =
  | { category: string; terms: string[] }
  | { category: "updated"; minUpdatedSec: number };

export type FacetOption = { id: string; term: string } | { id: string; minUpdatedSec: number };

export interface FacetSpec {
  category: string;
  options: FacetOption[];
}

export interface IndexQuery {
  /** Lexemes of the free text (PostgreSQL's Dutch stemmer); every one must be in the profile. */
  words: string[];
  occupation: OccupationClause | null;
  geo: GeoClause | null;
  filters: FilterClause[];
  facets: FacetSpec[];
  offset: number;
  limit: number;
}

export interface IndexResult {
  total: number;
  /** Candidate ids of the page, best first. */
  ids: string[];
  /** category -> option id -> count; options with no candidates may be absent. */
  facets: Record<string, Record<string, number>>;
}

/**
 * Whose candidates a search may find: staff looking through a portal (the caller's
 * `portalCandidates()`), or the whole platform (a benchmark or test: every visible candidate).
 */
export type SearchScope = PortalScope | PlatformScope;

/** The term every search document visible through the scope carries: "p:<portal id>", or "p:*". */
export function portalTermOf(scope: SearchScope): string {
  return scope.kind === "platform" || scope.national ? "p:*" : `p:${scope.portalId}`;
}

export interface SearchIndex {
  readonly kind: "sql" | "memory";
  search(scope: SearchScope, query: IndexQuery): Promise<IndexResult>;
}

/** Distance bands of the ranking (km); past the last: 5; no coordinates: 6. */
export const DISTANCE_BANDS_KM = [5, 10, 25, 50, 100] as const;
export const NO_COORDINATES_BAND = DISTANCE_BANDS_KM.length + 1;

/** km per degree of latitude, and of longitude at the equator (WGS84, rounded). */
const KM_PER_DEGREE_LAT = 110.574;
const KM_PER_DEGREE_LON = 111.32;

/**
 * The geo clause for a place. Distances are equirectangular (exact enough within a country:
 * under 0.5% at 300 km) so both engines compute them with the same few float operations and
 * agree to the last bit at every radius edge.
 */
export function geoClause(lat: number, lon: number, radiusKm: number | null): GeoClause {
  return {
    lat,
    lon,
    kx: Math.cos((lat * Math.PI) / 180) * KM_PER_DEGREE_LON,
    ky: KM_PER_DEGREE_LAT,
    radiusKm,
  };
}

/** Squared distance in km²; the SQL engine spells out the same operations in the same order. */
export function distanceSquared(geo: GeoClause, lat: number, lon: number): number {
  const dx = (lon - geo.lon) * geo.kx;
  const dy = (lat - geo.lat) * geo.ky;
  return dx * dx + dy * dy;
}

export function distanceBand(d2: number): number {
  for (let i = 0; i < DISTANCE_BANDS_KM.length; i++) {
    const km = DISTANCE_BANDS_KM[i]!;
    if (d2 <= km * km) return i;
  }
  return DISTANCE_BANDS_KM.length;
}

/** The bounding box of a radius, widened a little so rounding never drops an edge case. */
export function boundingBox(geo: GeoClause, radiusKm: number) {
  const dLat = (radiusKm / geo.ky) * 1.001 + 1e-9;
  const dLon = (radiusKm / geo.kx) * 1.001 + 1e-9;
  return { latMin: geo.lat - dLat, latMax: geo.lat + dLat, lonMin: geo.lon - dLon, lonMax: geo.lon + dLon };
}
