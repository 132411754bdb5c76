import { cp, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import * as tar from "tar";
import { type DbKind, migrationsFolder, openPglite, openPostgres } from "../db";
import { knownMigrations } from "../migrate-check";
import { appVersion } from "../version";
import { listFiles } from "./backup";
import { tablesInAppSchemas } from "./backup.repository";
import {
  compareVersions,
  DUMP_PATHS,
  FILES_PREFIX,
  MANIFEST_FILE,
  type Manifest,
  ManifestSchema,
  sha256File,
} from "./manifest";
import { pgRestore } from "./postgres-tools";

export type RefusalReason = "missing" | "corrupt" | "checksum" | "newer" | "kind" | "not_empty";

/** A restore that did not start: nothing in the target was written. */
export class RestoreRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
  }
}

export interface RestoreTarget {
  /** DATA_DIR: the embedded database goes to DATA_DIR/pglite, the files to DATA_DIR/files. */
  dataDir: string;
  /** Set: restore into this (empty) PostgreSQL database instead of PGlite. */
  databaseUrl?: string | undefined;
  pgBinDir?: string | undefined;
}

async function isEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return true;
    throw error;
  }
}

/** Why the target is not empty, or null. Only reads. */
async function occupied(target: RestoreTarget, kind: DbKind): Promise<string | null> {
  if (kind === "pglite") {
    const dir = path.join(target.dataDir, "pglite");
    if (!(await isEmptyDir(dir))) return `the data directory already holds a database (${dir})`;
  } else {
    const database = await openPostgres(target.databaseUrl!, { max: 1 });
    try {
      const tables = await tablesInAppSchemas(database.db);
      if (tables.length > 0)
        return `the database already has tables (${tables.slice(0, 3).join(", ")}${tables.length > 3 ? ", ..." : ""})`;
    } finally {
      await database.close();
    }
  }
  const files = path.join(target.dataDir, "files");
  if ((await listFiles(files)).length > 0) return `the file storage already holds files (${files})`;
  return null;
}

/**
 * Unpacks the archive into `workDir` and checks it whole: a readable .tar.gz, a manifest this
 * code understands, exactly the entries it lists with their sizes and SHA-256, and nothing newer
 * than this code (app version, migrations).
 */
export async function verifyArchive(file: string, workDir: string): Promise<Manifest> {
  try {
    // Synchronous: a failing asynchronous unpack can still be writing when it rejects. Restore
    // runs in its own command-line process, never in the app.
    tar.x({ file, cwd: workDir, strict: true, sync: true });
  } catch (error) {
    throw new RestoreRefused(
      "corrupt",
      `The backup cannot be read (damaged or incomplete): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  let manifest: Manifest;
  try {
    manifest = ManifestSchema.parse(JSON.parse(await readFile(path.join(workDir, MANIFEST_FILE), "utf8")));
  } catch {
    throw new RestoreRefused(
      "corrupt",
      "The backup has no readable manifest: it is damaged, incomplete or not a Werkbrug backup",
    );
  }
  const listed = new Map(manifest.entries.map((e) => [e.path, e]));
  const present = (await listFiles(workDir)).filter((p) => p !== MANIFEST_FILE);
  const extra = present.filter((p) => !listed.has(p));
  if (extra.length > 0)
    throw new RestoreRefused("checksum", `The backup holds files its manifest does not list (${extra[0]})`);
  for (const entry of manifest.entries) {
    const full = path.join(workDir, entry.path);
    const size = await stat(full).then(
      (s) => s.size,
      () => null,
    );
    if (size === null)
      throw new RestoreRefused("corrupt", `The backup is incomplete: ${entry.path} is missing`);
    if (size !== entry.size || (await sha256File(full)) !== entry.sha256)
      throw new RestoreRefused(
        "checksum",
        `The backup is damaged: ${entry.path} does not match its checksum`,
      );
  }
  if (!listed.has(DUMP_PATHS[manifest.database]))
    throw new RestoreRefused("corrupt", "The backup holds no database dump");
  if (compareVersions(manifest.appVersion, appVersion) > 0)
    throw new RestoreRefused(
      "newer",
      `The backup was made by Werkbrug ${manifest.appVersion}, newer than this version (${appVersion}): restore it with that version or newer`,
    );
  const newest = knownMigrations(migrationsFolder).at(-1);
  if (manifest.migration && (!newest || manifest.migration.when > newest.when))
    throw new RestoreRefused(
      "newer",
      `The backup's database was migrated by a newer Werkbrug (${manifest.migration.tag ?? "an unknown migration"}; this version knows up to ${newest?.tag ?? "none"}): restore it with that version or newer`,
    );
  return manifest;
}

/**
 * Restores an archive into an empty target. Everything is checked before the first write (the
 * target is empty, the archive whole and not newer than this code); the database is then loaded
 * (PostgreSQL: pg_restore in one transaction), and the files copied.
 */
export async function restoreBackup(
  file: string,
  target: RestoreTarget,
  options: { log?: (message: string) => void } = {},
): Promise<Manifest> {
  const log = options.log ?? (() => {});
  const kind: DbKind = target.databaseUrl ? "postgres" : "pglite";
  if (
    !(await stat(file).then(
      (s) => s.isFile(),
      () => false,
    ))
  )
    throw new RestoreRefused("missing", `There is no backup file ${file}`);
  const why = await occupied(target, kind);
  if (why)
    throw new RestoreRefused(
      "not_empty",
      `Refusing to restore: ${why}. Restore into an empty data directory or database; nothing was changed.`,
    );
  const work = await mkdtemp(path.join(os.tmpdir(), "werkbrug-restore-"));
  try {
    const manifest = await verifyArchive(file, work);
    if (manifest.database !== kind)
      throw new RestoreRefused(
        "kind",
        `The backup is of ${manifest.database === "pglite" ? "the embedded PGlite database" : "a PostgreSQL database"}; ` +
          `${kind === "pglite" ? "set DATABASE_URL to restore it into PostgreSQL" : "unset DATABASE_URL to restore it into DATA_DIR"}`,
      );
    log(
      `Backup of ${manifest.createdAt} (Werkbrug ${manifest.appVersion}, ${manifest.entries.length} entries) verified`,
    );
    const dump = path.join(work, DUMP_PATHS[kind]);
    if (kind === "pglite") {
      const dataDir = path.join(target.dataDir, "pglite");
      try {
        const database = await openPglite({ dataDir, loadDataDir: new Blob([await readFile(dump)]) });
        await database.close();
      } catch (error) {
        await rm(dataDir, { recursive: true, force: true }); // it was empty before
        throw error;
      }
    } else {
      await pgRestore(target.databaseUrl!, dump, target.pgBinDir);
    }
    log("Database restored");
    const files = manifest.entries.filter((e) => e.path.startsWith(FILES_PREFIX)).length;
    if (files > 0)
      await cp(path.join(work, FILES_PREFIX), path.join(target.dataDir, "files"), { recursive: true });
    log(`${files} files restored`);
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
  }
}
