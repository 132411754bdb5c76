import {
  copyFile,
  link,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  rename,
  rm,
  stat,
  writeFile,
} from "node:fs/promises";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import * as tar from "tar";
import { type Database, migrationsFolder } from "../db";
import { appliedMigrations, knownMigrations } from "../migrate-check";
import { appVersion } from "../version";
import { serverVersion } from "./backup.repository";
import {
  DUMP_PATHS,
  FILES_PREFIX,
  MANIFEST_FILE,
  type Manifest,
  type ManifestEntry,
  ManifestSchema,
  sha256File,
} from "./manifest";
import { pgDump, toolVersion } from "./postgres-tools";

/** What a backup reads: the open database (the running app's own, or one the CLI opened) and the files. */
export interface BackupSource {
  database: Database;
  /** DATABASE_URL, for pg_dump (PostgreSQL only). */
  databaseUrl?: string | undefined;
  /** The local file storage's root (DATA_DIR/files). */
  filesDir: string;
  /** Where pg_dump lives (PG_BIN_DIR), else the PATH. */
  pgBinDir?: string | undefined;
}

export interface BackupResult {
  file: string;
  manifest: Manifest;
}

/** Archives this code writes; retention counts and removes only these. */
export const ARCHIVE_NAME = /^werkbrug-\d{8}-\d{6}-\d{3}\.tar\.gz$/;

function archiveName(at: Date): string {
  const iso = at.toISOString(); // 2026-12-08T01:15:00.123Z
  return `werkbrug-${iso.slice(0, 10).replace(/-/g, "")}-${iso.slice(11, 19).replace(/:/g, "")}-${iso.slice(20, 23)}.tar.gz`;
}

export function pgliteClientOf(database: Database): PGlite {
  const client = (database.db as unknown as { $client?: Partial<PGlite> }).$client;
  if (typeof client?.dumpDataDir !== "function" || typeof client._runExclusiveTransaction !== "function")
    throw new Error("The PGlite client of the database is not at hand");
  return client as PGlite;
}

/** Every regular file under `root`, as paths relative to it with forward slashes, sorted. */
export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    });
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) out.push(path.relative(root, full).split(path.sep).join("/"));
    }
  }
  await walk(root);
  return out.sort();
}

/**
 * The database as of one moment. PGlite: its data directory, taken while no transaction is open
 * (PGlite's own transaction lock: queries and transactions wait the few hundred milliseconds the
 * copy takes, decision 0034). PostgreSQL: pg_dump, which reads one snapshot while writes go on.
 */
async function dumpDatabase(source: BackupSource, target: string): Promise<Manifest["postgres"]> {
  await mkdir(path.dirname(target), { recursive: true });
  if (source.database.kind === "pglite") {
    const client = pgliteClientOf(source.database);
    const dump = await client._runExclusiveTransaction(() => client.dumpDataDir("none"));
    await writeFile(target, Buffer.from(await dump.arrayBuffer()));
    return undefined;
  }
  if (!source.databaseUrl) throw new Error("A PostgreSQL backup needs DATABASE_URL");
  const [server, tool] = await Promise.all([
    serverVersion(source.database.db),
    toolVersion("pg_dump", source.pgBinDir),
  ]);
  // pg_dump reads servers of its own major version and older only.
  if (server.major > tool.major)
    throw new Error(
      `pg_dump ${tool.major} cannot dump PostgreSQL ${server.major}: install the client tools of version ` +
        `${server.major} or newer (Debian: postgresql-client-${server.major}) and set PG_BIN_DIR to their folder`,
    );
  await pgDump(source.databaseUrl, target, source.pgBinDir);
  return { pgDump: tool.text, server: server.text };
}

/**
 * Uploaded files after the dump: a file is written before the row that refers to it commits, so
 * every row in the dump finds its file. Hard links where the backup folder shares the disk (no
 * copy of large files, and a file deleted meanwhile stays whole), else a copy.
 */
async function stageFiles(filesDir: string, target: string): Promise<void> {
  for (const rel of await listFiles(filesDir)) {
    const from = path.join(filesDir, rel);
    const to = path.join(target, rel);
    await mkdir(path.dirname(to), { recursive: true });
    try {
      await link(from, to);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") continue; // deleted since the listing: its row is gone too, or will be
      if (code !== "EXDEV" && code !== "EPERM" && code !== "EMLINK") throw error;
      try {
        await copyFile(from, to);
      } catch (copyError) {
        if ((copyError as NodeJS.ErrnoException).code !== "ENOENT") throw copyError;
      }
    }
  }
}

/**
 * One archive (.tar.gz) of the database and the uploaded files with a manifest (versions, the
 * last migration, a SHA-256 per entry). Written under a temporary name and renamed when whole,
 * so a crash or a full disk never leaves something that looks like a backup.
 */
export async function createBackup(
  source: BackupSource,
  outDir: string,
  options: { now?: () => Date } = {},
): Promise<BackupResult> {
  const now = options.now ?? (() => new Date());
  await mkdir(outDir, { recursive: true });
  const staging = await mkdtemp(path.join(outDir, ".staging-"));
  let partial: string | null = null;
  try {
    const known = knownMigrations(migrationsFolder);
    const last = (await appliedMigrations(source.database.db, known)).at(-1) ?? null;
    const createdAt = now();
    const kind = source.database.kind;
    const postgres = await dumpDatabase(source, path.join(staging, DUMP_PATHS[kind]));
    await stageFiles(source.filesDir, path.join(staging, FILES_PREFIX));

    const entries: ManifestEntry[] = [];
    for (const rel of await listFiles(staging)) {
      const file = path.join(staging, rel);
      entries.push({ path: rel, size: (await stat(file)).size, sha256: await sha256File(file) });
    }
    const manifest = ManifestSchema.parse({
      format: 1,
      app: "werkbrug",
      appVersion,
      migration: last ? { tag: last.tag, when: last.when } : null,
      database: kind,
      ...(postgres ? { postgres } : {}),
      createdAt: createdAt.toISOString(),
      entries,
    } satisfies Manifest);
    await writeFile(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);

    const final = path.join(outDir, archiveName(createdAt));
    partial = path.join(outDir, `.${path.basename(final)}.partial`);
    const top = [
      MANIFEST_FILE,
      "database",
      ...(entries.some((e) => e.path.startsWith(FILES_PREFIX)) ? ["files"] : []),
    ];
    await tar.c({ gzip: true, file: partial, cwd: staging, portable: true }, top);
    await rename(partial, final);
    partial = null;
    return { file: final, manifest };
  } finally {
    await rm(staging, { recursive: true, force: true });
    if (partial) await rm(partial, { force: true });
  }
}

/** Keeps the `keep` newest archives in `dir` (by the time in their names); answers the removed ones. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => ARCHIVE_NAME.test(n)).sort();
  const removed = names.slice(0, Math.max(0, names.length - keep));
  for (const name of removed) {
    const file = path.join(dir, name);
    if ((await lstat(file)).isFile()) await rm(file, { force: true });
  }
  return removed.map((n) => path.join(dir, n));
}
