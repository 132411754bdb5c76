import { mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { secretEncryptor } from "../../src/server/modules/identity/auth";
import { openPglite, openPostgres } from "../../src/server/platform/db";
import { parseEnv } from "../../src/server/platform/env";
import { seedDemo } from "../../src/server/seed/demo";
import { databaseUrl, quoteIdent, TEST_AUTH_SECRET, withAdminClient } from "./databases";

declare module "vitest" {
  export interface ProvidedContext {
    /** File holding a dump of a migrated, demo-seeded PGlite data directory. */
    pgliteTemplate: string;
    /** Name of a migrated, demo-seeded PostgreSQL database to copy, or "" without TEST_DATABASE_URL. */
    postgresTemplate: string;
    /** Prefix for databases this run creates, so teardown drops only its own. */
    runPrefix: string;
  }
}

/**
 * Migrating and seeding costs seconds, so it happens once per run; every test file starts from
 * a copy (a PGlite data-directory dump, or CREATE DATABASE … TEMPLATE on PostgreSQL).
 */
export default async function setup(project: TestProject) {
  const runPrefix = `werkbrug_t${process.pid}_${Date.now().toString(36)}`;
  const dir = path.join(os.tmpdir(), runPrefix);
  await mkdir(dir, { recursive: true });

  const started = Date.now();
  const env = parseEnv({ NODE_ENV: "test", AUTH_SECRET: TEST_AUTH_SECRET, DATA_DIR: dir });
  const lite = await openPglite();
  await lite.migrate();
  await seedDemo(lite.db, { encryptSecret: await secretEncryptor(lite.db, env, TEST_AUTH_SECRET) });
  const client = (lite as unknown as { pglite: { dumpDataDir(c: "none"): Promise<Blob> } }).pglite;
  const dump = await client.dumpDataDir("none");
  const templateFile = path.join(dir, "pglite-template.tar");
  await writeFile(templateFile, Buffer.from(await dump.arrayBuffer()));
  await lite.close();
  project.provide("pgliteTemplate", templateFile);
  project.provide("runPrefix", runPrefix);

  let postgresTemplate = "";
  if (process.env.TEST_DATABASE_URL) {
    postgresTemplate = `${runPrefix}_tpl`;
    await withAdminClient((c) => c.query(`CREATE DATABASE ${quoteIdent(postgresTemplate)}`));
    const database = await openPostgres(databaseUrl(process.env.TEST_DATABASE_URL, postgresTemplate), {
      max: 2,
    });
    await database.migrate();
    await seedDemo(database.db, { encryptSecret: await secretEncryptor(database.db, env, TEST_AUTH_SECRET) });
    await database.close();
  }
  project.provide("postgresTemplate", postgresTemplate);
  process.stdout.write(`Test databases prepared in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

  return async () => {
    await rm(dir, { recursive: true, force: true });
    if (process.env.TEST_DATABASE_URL) {
      await withAdminClient(async (c) => {
        const { rows } = await c.query<{ datname: string }>(
          "SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY datname DESC",
          [`${runPrefix}%`],
        );
        for (const { datname } of rows)
          await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
      });
    }
  };
}
