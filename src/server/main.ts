import type { FastifyInstance } from "fastify";
import { buildApp } from "./app";
import { secretEncryptor } from "./modules/identity/auth";
import { openDatabase } from "./platform/db";
import type { Env } from "./platform/env";
import { scheduleEventDispatch } from "./platform/events";
import { FILE_SWEEP_JOB } from "./platform/files.jobs";
import { createJobs } from "./platform/jobs";
import { resolveAuthSecret } from "./platform/secrets";
import { seedIfEmpty } from "./seed/demo";

/** env -> db -> migrate -> seed an empty database -> background jobs -> http. */
export async function startServer(
  env: Env,
  options: { webDir: string | null; log?: (message: string) => void },
): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  const log = options.log ?? ((message: string) => process.stdout.write(`${message}\n`));
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
    // What a crash mid-upload left behind goes now, without holding up the start.
    void app.jobs.runNow(FILE_SWEEP_JOB, {}, { trigger: "start" }).catch(() => {});
  } catch (error) {
    await jobs?.stop();
    throw error;
  }
  return {
    app,
    async close() {
      await app.close();
      await jobs?.stop();
      await database.close();
    },
  };
}
