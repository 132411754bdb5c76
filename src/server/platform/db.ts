import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { cube } from "@electric-sql/pglite/contrib/cube";
import { earthdistance } from "@electric-sql/pglite/contrib/earthdistance";
import { intarray } from "@electric-sql/pglite/contrib/intarray";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { getTableName, inArray, or, type SQL, sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgInsertValue, PgQueryResultHKT, PgTable } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { appRoot } from "./app-root";
import { assertMigrationsKnown } from "./migrate-check";
import * as schema from "./schema";
import { organisationsOf, reaches, type TenantScope } from "./scope";

export type Schema = typeof schema;
/** The one database type the repositories see, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = "pglite" | "postgres";

export interface Database {
  db: Db;
  kind: DbKind;
  /** Refuses (NewerDatabaseError) a database migrated by a newer version, then runs this code's migrations. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = path.join(appRoot, "db", "migrations");

/** Loaded on every open: the migrations create them, PGlite needs the code at hand each time. */
export const pgliteExtensions = { pg_trgm, intarray, cube, earthdistance, unaccent };

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<Database> {
  if (options.dataDir) await mkdir(path.dirname(options.dataDir), { recursive: true });
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: pgliteExtensions,
  });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    migrate: async () => {
      await assertMigrationsKnown(db, migrationsFolder);
      await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder });
    },
    close: async () => {
      await client.close();
    },
    // Exposed for the test harness, which copies a migrated database per test file.
    ...({ pglite: client } as object),
  };
}

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // Fail at start-up, not at the first request, when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    migrate: async () => {
      await assertMigrationsKnown(db, migrationsFolder);
      await migrateNodePg(drizzleNodePg({ client: pool, schema }), { migrationsFolder });
    },
    close: async () => {
      await pool.end();
    },
  };
}

export async function openDatabase(config: { DATABASE_URL?: string; DATA_DIR: string }): Promise<Database> {
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL);
  return openPglite({ dataDir: path.join(config.DATA_DIR, "pglite") });
}

export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

/**
 * Rows of a raw SQL query. Both drivers answer `{ rows }`, but Drizzle's common type does not
 * say so; this is the one place that knows it.
 */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Accent- and case-insensitive "contains" on any of the expressions. */
export function containsText(q: string, expressions: SQL[]): SQL {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(...expressions.map((e) => sql`unaccent(coalesce(${e}, '')) ilike unaccent(${pattern})`))!;
}

/**
 * WHERE: the column's organisation is one the tenant scope reaches (no clause for the platform,
 * `false` for a scope that reaches none). The one form of the tenant clause for every repository.
 */
export function inTenant(scope: TenantScope, column: Parameters<typeof inArray>[0]): SQL | undefined {
  const orgs = organisationsOf(scope);
  if (orgs === "all") return undefined;
  return orgs.length > 0 ? inArray(column, [...orgs]) : sql`false`;
}

/**
 * Inserts tenant-owned rows of organisations the scope reaches and answers them; a row of any
 * other organisation is a bug in the caller (the action chose the organisation from a scoped
 * read), so it throws rather than refusing the user.
 */
export async function insertOwned<T extends PgTable>(
  db: Db,
  scope: TenantScope,
  table: T,
  rows: readonly (T["$inferInsert"] & { organisationId: string })[],
): Promise<T["$inferSelect"][]> {
  for (const row of rows)
    if (!reaches(scope, row.organisationId))
      throw new Error(`${getTableName(table)}: a row outside the caller's organisations`);
  if (rows.length === 0) return [];
  return (await db
    .insert(table)
    .values([...rows] as PgInsertValue<T>[])
    .returning()) as T["$inferSelect"][];
}

/**
 * The time zone a tenant's exports are written in (spreadsheets have none): its organisation's,
 * the top of the family first; Dutch time for the platform scope or an organisation without one.
 */
export async function scopeTimeZone(db: Db, scope: TenantScope): Promise<string> {
  if (scope.kind === "platform") return "Europe/Amsterdam";
  const [row] = await db
    .select({ timeZone: schema.organisations.timeZone })
    .from(schema.organisations)
    .where(inArray(schema.organisations.id, [...scope.organisationIds]))
    .orderBy(sql`${schema.organisations.parentId} nulls first`, schema.organisations.id)
    .limit(1);
  return row?.timeZone ?? "Europe/Amsterdam";
}
