import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { type Database, openPglite, openPostgres } from "../../src/server/platform/db";
import { seedDemo } from "../../src/server/seed/demo";
import { databaseUrl, quoteIdent, type TestDbKind, withAdminClient } from "./databases";

/**
 * A database as a production install starts (issue 17 part 1): migrated, the national portal
 * that `seedIfEmpty` makes with NODE_ENV=production, and no one. PGlite in memory, or a fresh
 * PostgreSQL database of this run (dropped with the others at the end).
 */
export async function openEmptyProductionDatabase(
  kind: TestDbKind,
): Promise<{ database: Database; url: string | null }> {
  let database: Database;
  let url: string | null = null;
  if (kind === "pglite") {
    database = await openPglite();
  } else {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error("PostgreSQL tests need TEST_DATABASE_URL");
    const name = `${inject("runPrefix")}_empty_${randomUUID().replace(/-/g, "").slice(0, 8)}`;
    await withAdminClient((c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
    url = databaseUrl(base, name);
    database = await openPostgres(url, { max: 4 });
  }
  await database.migrate();
  await seedDemo(database.db, { production: true });
  return { database, url };
}
