import { sql } from "drizzle-orm";
import { bigint, doublePrecision, index, pgTable, text, uuid } from "drizzle-orm/pg-core";

/**
 * One search document per candidate, the single input of both explorer engines (decision 0013).
 * Database triggers keep it in step with `candidates` and `candidate_portal_visibility`
 * (migration 0016: the view `candidate_search_source` says how a document is made), so no write
 * path can forget it. Every filter value, portal and profile word is a prefixed term in one
 * array, so the SQL engine needs one GIN index and the in-memory engine one posting list per
 * term:
 *
 *   p:<portal id>, p:*          visible on that portal / on any portal
 *   occ:<id> unit:<isco> grp:<isco2>   occupations (wished and worked), their ISCO unit and group
 *   wl: edu: lic: tr: cert: tg: cap: lang: hrs: day: part: wt: contact:   the filter categories
 *   w:<lexeme>                  a word of the profile, as PostgreSQL's Dutch stemmer makes it
 *   wa:<lexeme>                 a word of the one-liner (ranks above words elsewhere)
 *
 * A hidden, anonymised or deleted candidate keeps a row with no terms, so every process hears
 * of the change. `txid` is the writing transaction: processes follow changes by it.
 */
export const candidateSearch = pgTable(
  "candidate_search",
  {
    candidateId: uuid("candidate_id").primaryKey(),
    /** Stable per candidate: the last tie-breaker of the ranking, the same in both engines. */
    rowNo: bigint("row_no", { mode: "number" }).generatedAlwaysAsIdentity(),
    terms: text("terms").array().notNull(),
    lat: doublePrecision("lat"),
    lon: doublePrecision("lon"),
    /** profile_updated_at in whole seconds since 1970. */
    updatedSec: bigint("updated_sec", { mode: "number" }).notNull(),
    txid: bigint("txid", { mode: "number" }).notNull().default(sql`(pg_current_xact_id()::text)::bigint`),
  },
  (t) => [
    index("candidate_search_terms_idx").using("gin", t.terms),
    index("candidate_search_lat_lon_idx").on(t.lat, t.lon),
    index("candidate_search_txid_idx").on(t.txid),
  ],
);
