import path from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app";
import { registerCandidateRetentionJob } from "./modules/candidates";
import { secretEncryptor } from "./modules/identity/auth";
import { registerVacancyJobs } from "./modules/vacancies/vacancies.jobs";
import { openDatabase } from "./platform/db";
import type { Env } from "./platform/env";
import { createEventBus } from "./platform/events";
import { createLocalFileStorage } from "./platform/files";
import { createJobs } from "./platform/jobs";
import { createMailer } from "./platform/mail";
import { resolveAuthSecret } from "./platform/secrets";
import { createStore } from "./platform/store";
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
    await registerVacancyJobs(jobs, {
      db: database.db,
      mailer: createMailer(env, database.db),
      publicUrl: env.PUBLIC_URL,
      log,
    });
    await registerCandidateRetentionJob(jobs, {
      // The job's events go to the outbox; the app's event bus delivers them (it polls for them).
      store: createStore(database.db, createEventBus(database.db)),
      files: createLocalFileStorage(path.join(env.DATA_DIR, "files")),
      retentionMonths: env.RETENTION_MONTHS,
      graceDays: env.RETENTION_GRACE_DAYS,
      log,
    });
    await jobs.start();
    log("Background jobs: running");
  }
  let app: FastifyInstance;
  try {
    // The app stops the jobs when it closes (before the database goes).
    app = await buildApp({ env, database, webDir: options.webDir, ...(jobs ? { jobs } : {}) });
    await app.listen({ port: env.PORT, host: env.HOST });
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
