import type { FastifyInstance } from "fastify";
import { buildApp } from "./app";
import { secretEncryptor } from "./modules/identity/auth";
import { issueSetupLink } from "./modules/setup";
import { lockDataDir } from "./platform/data-dir-lock";
import { type Database, openDatabase } from "./platform/db";
import type { Env } from "./platform/env";
import { createEventBus, scheduleEventDispatch } from "./platform/events";
import { createJobs } from "./platform/jobs";
import type { PlatformScope } from "./platform/scope";
import { resolveAuthSecret } from "./platform/secrets";
import { createStore, type Store } from "./platform/store";
import { systemScope } from "./platform/system-scope";
import { seedIfEmpty } from "./seed/demo";

/**
 * The database for this process: PGlite's data directory is taken first (one process at a
 * time, data-dir-lock.ts) and given back when the database closes.
 */
async function openOwnDatabase(env: Env): Promise<Database> {
  if (env.DATABASE_URL) return openDatabase(env);
  const lock = await lockDataDir(env.DATA_DIR);
  try {
    const database = await openDatabase(env);
    return {
      ...database,
      async close() {
        await database.close();
        await lock.release();
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/**
 * For operator scripts (admin:create): the migrated database, a store and the platform scope,
 * closed afterwards. Refuses a PGlite data directory that a running app holds.
 */
export async function withPlatformStore<T>(
  env: Env,
  work: (deps: { store: Store; scope: PlatformScope; kind: Database["kind"] }) => Promise<T>,
): Promise<T> {
  const database = await openOwnDatabase(env);
  try {
    await database.migrate();
    const store = createStore(database.db, createEventBus(database.db));
    return await work({ store, scope: systemScope("seed"), kind: database.kind });
  } finally {
    await database.close();
  }
}

/** env -> db -> migrate -> seed an empty database -> first-run link -> background jobs -> http. */
export async function startServer(
  env: Env,
  options: { webDir: string | null; log?: (message: string) => void },
): Promise<{
  app: FastifyInstance;
  /** While the platform has no administrator: the one-time link that creates the first (decision 0031). */
  setupLink: { url: string; expiresAt: Date } | null;
  close(): Promise<void>;
}> {
  const log = options.log ?? ((message: string) => process.stdout.write(`${message}\n`));
  const database = await openOwnDatabase(env);
  log(
    `Database: ${database.kind === "pglite" ? `embedded PGlite in ${env.DATA_DIR}` : "PostgreSQL (DATABASE_URL)"}`,
  );
  await database.migrate();
  await seedIfEmpty(database.db, {
    env,
    log,
    encryptSecret: await secretEncryptor(database.db, env, await resolveAuthSecret(env)),
  });
  const setupLink = await issueSetupLink(
    { store: createStore(database.db, createEventBus(database.db)) },
    systemScope("seed"),
    env.PUBLIC_URL,
  );
  // pg-boss creates or migrates its `pgboss` schema on start; JOBS=off leaves it out entirely.
  const jobs = env.JOBS ? createJobs(database, { log }) : undefined;
  if (jobs) {
    await jobs.start();
    log("Background jobs: running");
  }
  let app: FastifyInstance;
  try {
    // The app stops the jobs when it closes (before the database goes).
    app = await buildApp({ env, database, webDir: options.webDir, ...(jobs ? { jobs } : {}) });
    // The bus polls by itself in every process; a pg-boss cron slot backs it up (decision 0015).
    if (jobs) await scheduleEventDispatch(jobs, app.events);
    await app.listen({ port: env.PORT, host: env.HOST });
  } catch (error) {
    await jobs?.stop();
    throw error;
  }
  return {
    app,
    setupLink,
    async close() {
      await app.close();
      await jobs?.stop();
      await database.close();
    },
  };
}
