import path from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app";
import { secretEncryptor } from "./modules/identity/auth";
import { issueSetupLink } from "./modules/setup";
import { type BackupSource, createBackup } from "./platform/backup";
import { CONTROL_SOCKET_FILE, type ControlSocket, startControlSocket } from "./platform/control";
import { lockDataDir } from "./platform/data-dir-lock";
import { type Database, openDatabase } from "./platform/db";
import type { Env } from "./platform/env";
import { createEventBus, scheduleEventDispatch } from "./platform/events";
import { FILE_SWEEP_JOB } from "./platform/files.jobs";
import { createJobs, type Jobs } from "./platform/jobs";
import type { PlatformScope } from "./platform/scope";
import { resolveAuthSecret } from "./platform/secrets";
import { createStore, type Store } from "./platform/store";
import { systemScope } from "./platform/system-scope";
import { seedIfEmpty } from "./seed/demo";

/**
 * The database for this process: PGlite's data directory is taken first (one process at a
 * time, data-dir-lock.ts) and given back when the database closes.
 */
export async function openOwnDatabase(env: Env): Promise<Database> {
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
  // PGlite is one process: a second app on the same data directory stops before it opens it.
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
  // pg-boss creates or migrates its `pgboss` schema on start; JOBS=off never starts it, but the
  // jobs stay registered so that `npm run job -- NAME` can run one through the control socket.
  const jobs = createJobs(database, { log });
  if (env.JOBS) {
    await jobs.start();
    log("Background jobs: running");
  }
  let app: FastifyInstance | undefined;
  let control: ControlSocket | null = null;
  try {
    // The app stops the jobs when it closes (before the database goes).
    app = await buildApp({ env, database, webDir: options.webDir, jobs });
    // The bus polls by itself in every process; a pg-boss cron slot backs it up (decision 0015).
    await scheduleEventDispatch(jobs, app.events);
    await app.listen({ port: env.PORT, host: env.HOST });
    control = await startAppControlSocket(env, database, jobs, log);
    // What a crash mid-upload left behind goes now, without holding up the start.
    void app.jobs.runNow(FILE_SWEEP_JOB, {}, { trigger: "start" }).catch(() => {});
  } catch (error) {
    // E.g. the control socket: an app already listening is closed again (its hook stops the jobs).
    await app?.close().catch(() => {});
    await jobs.stop();
    throw error;
  }
  const started = app;
  return {
    app: started,
    setupLink,
    async close() {
      await control?.close();
      await started.close();
      await jobs.stop();
      await database.close();
    },
  };
}

/**
 * The control socket (DATA_DIR/werkbrug.sock) through which `npm run backup` and `npm run job`
 * reach this process (decision 0034). On PostgreSQL a second app process on the same DATA_DIR
 * goes without one; on PGlite there is no second process.
 */
export async function startAppControlSocket(
  env: Env,
  database: Database,
  jobs: Jobs,
  log: (message: string) => void,
): Promise<ControlSocket | null> {
  try {
    return await startControlSocket(path.join(env.DATA_DIR, CONTROL_SOCKET_FILE), {
      backup: async () => (await createBackup(backupSourceOf(env, database), env.BACKUP_DIR)).file,
      jobNames: () => jobs.names(),
      runJob: (name) => jobs.runNow(name, {}, { trigger: "cli" }),
    });
  } catch (error) {
    if (database.kind === "pglite") throw error;
    log(`Control socket: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

export function backupSourceOf(env: Env, database: Database): BackupSource {
  return {
    database,
    databaseUrl: env.DATABASE_URL,
    filesDir: path.join(env.DATA_DIR, "files"),
    pgBinDir: env.PG_BIN_DIR,
  };
}
