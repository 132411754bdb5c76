import pg from "pg";

/** Which databases integration tests run against: PGlite always, PostgreSQL when configured. */
export type TestDbKind = "pglite" | "postgres";

export function testDbKinds(): TestDbKind[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

export function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs statements that cannot run inside a transaction (CREATE/DROP DATABASE). */
export async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function quoteIdent(name: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name ${name}`);
  return `"${name}"`;
}

/** AUTH_SECRET of every test server; the template database's second factors are encrypted with it. */
export const TEST_AUTH_SECRET = "werkbrug-test-secret-0123456789abcdef";
