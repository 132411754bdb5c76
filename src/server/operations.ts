// What `npm run backup`, `npm run restore` and `npm run job` do (scripts/ only parse arguments):
// ask the running app through its control socket, else act here (decision 0034).
import { existsSync } from "node:fs";
import path from "node:path";
import { buildApp } from "./app";
import { backupSourceOf, openOwnDatabase } from "./main";
import { createBackup, RestoreRefused, restoreBackup } from "./platform/backup";
import { CONTROL_SOCKET_FILE, controlSocketLive, sendControlCommand } from "./platform/control";
import { dataDirHolder } from "./platform/data-dir-lock";
import type { Database } from "./platform/db";
import type { Env } from "./platform/env";
import { scheduleEventDispatch } from "./platform/events";
import { createJobs } from "./platform/jobs";

export interface CliOutput {
  out(message: string): void;
  err(message: string): void;
}

export const consoleOutput: CliOutput = {
  out: (message) => process.stdout.write(`${message}\n`),
  err: (message) => process.stderr.write(`${message}\n`),
};

function socketOf(env: Env): string {
  return path.join(env.DATA_DIR, CONTROL_SOCKET_FILE);
}

/**
 * Opens the database when no app holds it (PGlite: under the data directory's lock, as the app
 * takes it). An absent PGlite directory is an error here, not a new empty database.
 */
async function openExisting(env: Env): Promise<Database> {
  if (!env.DATABASE_URL && !existsSync(path.join(env.DATA_DIR, "pglite", "PG_VERSION")))
    throw new Error(
      `There is no database in ${path.join(env.DATA_DIR, "pglite")} (start Werkbrug once, or restore a backup)`,
    );
  return openOwnDatabase(env);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `npm run backup`: exit code 0 with the archive's path, 1 on failure. */
export async function backupCommand(env: Env, io: CliOutput = consoleOutput): Promise<number> {
  try {
    const answer = await sendControlCommand(socketOf(env), { command: "backup" });
    if (answer) {
      if (!answer.ok) throw new Error(answer.message);
      io.out(`Backup written by the running app: ${answer.file}`);
      return 0;
    }
    const database = await openExisting(env);
    try {
      const { file } = await createBackup(backupSourceOf(env, database), env.BACKUP_DIR);
      io.out(`Backup written: ${file}`);
      return 0;
    } finally {
      await database.close();
    }
  } catch (error) {
    io.err(`Backup failed: ${message(error)}`);
    return 1;
  }
}

/** `npm run restore -- FILE`: 0 restored, 2 refused (nothing changed), 1 failed. */
export async function restoreCommand(env: Env, file: string, io: CliOutput = consoleOutput): Promise<number> {
  try {
    const held = !env.DATABASE_URL && (await dataDirHolder(env.DATA_DIR)) !== null;
    if (held || (await controlSocketLive(socketOf(env)))) {
      io.err(
        "Refusing to restore: Werkbrug is running on this DATA_DIR. Stop it, and restore into an empty one.",
      );
      return 2;
    }
    const manifest = await restoreBackup(
      path.resolve(file),
      { dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL, pgBinDir: env.PG_BIN_DIR },
      { log: io.out },
    );
    io.out(
      `Restored the backup of ${manifest.createdAt} into ${env.DATABASE_URL ? "the PostgreSQL database" : env.DATA_DIR}. ` +
        "Start Werkbrug: it runs this version's migrations on it.",
    );
    return 0;
  } catch (error) {
    if (error instanceof RestoreRefused) {
      io.err(error.message);
      return 2;
    }
    io.err(`Restore failed: ${message(error)}`);
    return 1;
  }
}

function unknownJob(name: string, jobs: readonly string[], io: CliOutput): number {
  io.err(`There is no job called "${name}". Known jobs:`);
  for (const job of jobs) io.err(`  ${job}`);
  return 2;
}

/**
 * `npm run job -- NAME`: runs a scheduled job now, in the running app when there is one (the
 * socket), else here with the app's job registrations. 0 done, 2 unknown name, 1 failed.
 */
export async function jobCommand(env: Env, name: string, io: CliOutput = consoleOutput): Promise<number> {
  try {
    const answer = await sendControlCommand(socketOf(env), { command: "run-job", name });
    if (answer) {
      if (answer.ok) {
        io.out(`Job ${name} ran in the running app`);
        return 0;
      }
      if (answer.error === "unknown_job") return unknownJob(name, answer.jobs ?? [], io);
      throw new Error(answer.message);
    }
    const database = await openExisting(env);
    try {
      await database.migrate();
      const jobs = createJobs(database, { log: io.err });
      // The SQL engine: a one-off run needs no in-memory explorer index.
      const app = await buildApp({
        env: { ...env, EXPLORER_ENGINE: "sql" },
        database,
        webDir: null,
        logger: false,
        jobs,
      });
      try {
        await scheduleEventDispatch(jobs, app.events);
        if (!jobs.names().includes(name)) return unknownJob(name, jobs.names(), io);
        await jobs.runNow(name, {}, { trigger: "cli" });
        // Deliver what the job emitted (mails, notifications) before the process ends.
        await app.events.drain();
        io.out(`Job ${name} ran`);
        return 0;
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
  } catch (error) {
    io.err(`Job ${name} failed: ${message(error)}`);
    return 1;
  }
}
