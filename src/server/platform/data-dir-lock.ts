import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * PGlite keeps no lock of its own: two processes on one data directory would both write its
 * files and corrupt them. A pid file next to it says who has it; a file whose process is gone
 * (a crash, kill -9) is stale and taken over. In a container the app is pid 1 at every start,
 * so our own pid in the file is stale too.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another Werkbrug process (pid ${pid}). ` +
        "Stop that process first (PGlite allows one process at a time), or use a PostgreSQL server (DATABASE_URL).",
    );
    this.name = "DataDirLockedError";
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockFileOf(dataDir: string): string {
  return path.join(dataDir, "werkbrug.pid");
}

/** The pid holding the data directory, or null when it is free. */
export async function dataDirHolder(dataDir: string): Promise<number | null> {
  const text = await readFile(lockFileOf(dataDir), "utf8").catch(() => null);
  const pid = text === null ? Number.NaN : Number.parseInt(text.trim(), 10);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !alive(pid)) return null;
  return pid;
}

/** Takes the data directory for this process; throws DataDirLockedError when another has it. */
export async function lockDataDir(dataDir: string): Promise<{ release(): Promise<void> }> {
  const holder = await dataDirHolder(dataDir);
  if (holder !== null) throw new DataDirLockedError(dataDir, holder);
  await mkdir(dataDir, { recursive: true });
  await writeFile(lockFileOf(dataDir), `${process.pid}\n`);
  return {
    async release() {
      // Only our own file: a process that took over a stale lock keeps its own.
      const text = await readFile(lockFileOf(dataDir), "utf8").catch(() => "");
      if (Number.parseInt(text.trim(), 10) === process.pid) await rm(lockFileOf(dataDir), { force: true });
    },
  };
}
