import { sql } from "drizzle-orm";
import { queryRows } from "../../platform/db";
import type { PlatformScope } from "../../platform/scope";
import { repository } from "../../platform/store";

/** A search document as the in-memory index takes it in (terms joined by spaces: one string). */
export interface DocRow {
  candidate_id: string;
  row_no: number;
  terms: string;
  lat: number | null;
  lon: number | null;
  updated_sec: number;
  txid: number;
}

const SELECT_DOC = sql`candidate_id, row_no::float8 AS row_no, array_to_string(terms, ' ') AS terms,
  lat, lon, updated_sec::float8 AS updated_sec, txid::float8 AS txid`;

/**
 * What the in-memory index (`memory-index.ts`) reads of `candidate_search`: all of it, for every
 * portal, so only with the platform's scope (the process keeping its index current acts for no
 * one); each search then keeps to the portal term of its own scope.
 */
export const searchDocumentsRepository = repository<PlatformScope>()({
  /** The oldest transaction still running: changes from it on may not be visible yet. */
  async snapshotXmin(db, _scope): Promise<number> {
    const [row] = await queryRows<{ xmin: number }>(
      db,
      sql`SELECT ((pg_snapshot_xmin(pg_current_snapshot()))::text)::float8 AS xmin`,
    );
    return Number(row?.xmin ?? 0);
  },

  async count(db, _scope): Promise<number> {
    const [size] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM candidate_search`);
    return Number(size?.n ?? 0);
  },

  /** One keyset page of the documents with terms, by candidate id. */
  async page(db, _scope, after: string | null, limit: number): Promise<DocRow[]> {
    return queryRows<DocRow>(
      db,
      sql`SELECT ${SELECT_DOC} FROM candidate_search
          WHERE ${after === null ? sql`true` : sql`candidate_search.candidate_id > ${after}::uuid`}
            AND cardinality(terms) > 0
          ORDER BY candidate_search.candidate_id LIMIT ${limit}`,
    );
  },

  /** The change feed: documents written by transactions from `xmin` on, in commit-ish order. */
  async changedSince(db, _scope, xmin: number): Promise<DocRow[]> {
    return queryRows<DocRow>(
      db,
      sql`SELECT ${SELECT_DOC} FROM candidate_search WHERE txid >= ${xmin} ORDER BY txid, row_no`,
    );
  },
});
