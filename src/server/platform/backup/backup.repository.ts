import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../db";

/**
 * What backup and restore ask the database itself: no tenant data, only the catalogue. The
 * schemas that make a database "not empty" for a restore: the app's tables (public), drizzle's
 * migration bookkeeping and pg-boss's queue.
 */
export const APP_SCHEMAS = ["public", "drizzle", "pgboss"] as const;

export async function tablesInAppSchemas(db: Db): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select table_schema || '.' || table_name as name from information_schema.tables
        where table_schema in ('public', 'drizzle', 'pgboss') order by 1 limit 20`,
  );
  return rows.map((r) => r.name);
}

export async function serverVersion(db: Db): Promise<{ text: string; major: number }> {
  const rows = await queryRows<{ text: string; num: string }>(
    db,
    sql`select current_setting('server_version') as text, current_setting('server_version_num') as num`,
  );
  const row = rows[0]!;
  return { text: row.text, major: Math.floor(Number(row.num) / 10_000) };
}
