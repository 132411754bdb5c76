import path from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app";
import { secretEncryptor } from "./modules/identity/auth";
import { type BackupSource, createBackup } from "./platform/backup";
import {
  CONTROL_SOCKET_FILE,
  type ControlSocket,
  controlSocketLive,
  startControlSocket,
} from "./platform/control";
import { type Database, openDatabase } from "./platform/db";
import type { Env } from "./platform/env";
import { scheduleEventDispatch } from "./platform/events";
import { createJobs, type Jobs } from "./platform/jobs";
import { resolveAuthSecret } from "./platform/secrets";
import { seedIfEmpty } from "./seed/demo";

/** env -> db -> migrate -> seed an empty database -> background jobs -> http. */
export async function startServer(
  env: Env,
  options: { webDir: string | null; log?: (message: string) => void },
): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  const log = options.log ?? ((message: string) => process.stdout.write(`${message}\n`));
  // PGlite is one process: a second app on the same data directory stops before it opens it.
  if (!env.DATABASE_URL && (await controlSocketLive(path.join(env.DATA_DIR, CONTROL_SOCKET_FILE))))
    throw new Error(`Werkbrug already runs on ${env.DATA_DIR} (its control socket answers); stop it first`);
  const database = await openDatabase(env);
  log(
    `Database: ${database.kind === "pglite" ? `embedded PGlite in ${env.DATA_DIR}` : "PostgreSQL (DATABASE_URL)"}`,
  );
  await database.migrate();
  await seedIfEmpty(database.db, {
    env,
    log,
    encryptSecret: await secretEncryptor(database.db, env, await resolveAuthSecret(env)),
  });
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
  } catch (error) {
    // E.g. the control socket: an app already listening is closed again (its hook stops the jobs).
    await app?.close().catch(() => {});
    await jobs.stop();
    throw error;
  }
  const started = app;
  return {
    app: started,
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
      runJob: (name) => jobs.runNow(name),
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
