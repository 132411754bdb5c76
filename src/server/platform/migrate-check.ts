import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "./db";

/** A migration this code ships: drizzle-kit's journal entry (`when` is what the migrator records). */
export interface KnownMigration {
  tag: string;
  when: number;
}

/** A migration the database says it has run: drizzle's `created_at`, and its tag where this code knows it. */
export interface AppliedMigration {
  when: number;
  tag: string | null;
}

export function knownMigrations(folder: string): KnownMigration[] {
  const journal = JSON.parse(readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries.map((e) => ({ tag: e.tag, when: e.when })).sort((a, b) => a.when - b.when);
}

/** Drizzle's own bookkeeping (`drizzle.__drizzle_migrations`), oldest first; empty before the first migration. */
export async function appliedMigrations(
  db: Db,
  known: readonly KnownMigration[],
): Promise<AppliedMigration[]> {
  const exists = (await db.execute(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  )) as unknown as { rows: { present: boolean }[] };
  if (!exists.rows[0]?.present) return [];
  const result = (await db.execute(
    sql`select created_at::text as "when" from drizzle.__drizzle_migrations order by created_at`,
  )) as unknown as { rows: { when: string }[] };
  const tags = new Map(known.map((m) => [m.when, m.tag]));
  return result.rows.map((r) => ({ when: Number(r.when), tag: tags.get(Number(r.when)) ?? null }));
}

export class NewerDatabaseError extends Error {}

/**
 * The upgrade guard: drizzle's migrator only runs migrations newer than the last one applied and
 * says nothing about ones it does not know, so a database that a newer Werkbrug migrated would
 * be served by code that does not know its schema. Refuse before anything runs.
 */
export async function assertMigrationsKnown(db: Db, folder: string): Promise<void> {
  const known = knownMigrations(folder);
  const newest = known.at(-1);
  const unknown = (await appliedMigrations(db, known)).filter(
    (m) => newest === undefined || m.when > newest.when,
  );
  if (unknown.length === 0) return;
  const at = new Date(unknown.at(-1)!.when).toISOString();
  throw new NewerDatabaseError(
    `This database was migrated by a newer version of Werkbrug (${unknown.length} migration(s) this ` +
      `version does not know, the newest made ${at}; this version knows up to ${newest?.tag ?? "none"}). ` +
      "Start the newer version again, or restore a backup made with this version (docs/operations.md).",
  );
}
