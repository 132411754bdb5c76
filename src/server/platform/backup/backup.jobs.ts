import path from "node:path";
import type { Database } from "../db";
import type { Env } from "../env";
import type { Jobs } from "../jobs";
import { createBackup, pruneBackups } from "./backup";

/** The nightly backup: one archive in BACKUP_DIR, then only the BACKUP_KEEP newest are kept. */
export const BACKUP_JOB = "backup";
export const BACKUP_CRON = "30 2 * * *";

export interface BackupJobDeps {
  database: Database;
  env: Pick<Env, "DATA_DIR" | "DATABASE_URL" | "BACKUP_DIR" | "BACKUP_KEEP" | "PG_BIN_DIR">;
  log?: (message: string) => void;
}

/** One run: the archive written and the old ones removed. */
export async function runBackupJob(deps: BackupJobDeps): Promise<{ file: string; removed: string[] }> {
  const { env } = deps;
  const { file } = await createBackup(
    {
      database: deps.database,
      databaseUrl: env.DATABASE_URL,
      filesDir: path.join(env.DATA_DIR, "files"),
      pgBinDir: env.PG_BIN_DIR,
    },
    env.BACKUP_DIR,
  );
  const removed = await pruneBackups(env.BACKUP_DIR, env.BACKUP_KEEP);
  deps.log?.(`Backup written: ${file}${removed.length > 0 ? ` (${removed.length} older removed)` : ""}`);
  return { file, removed };
}

export function registerBackupJob(jobs: Jobs, deps: BackupJobDeps): Promise<void> {
  return jobs.schedule(BACKUP_JOB, BACKUP_CRON, async () => {
    await runBackupJob(deps);
  });
}
