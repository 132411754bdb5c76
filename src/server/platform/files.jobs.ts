import { lstat, readdir, rm, rmdir } from "node:fs/promises";
import path from "node:path";
import { fileReferencesRepository } from "./file-references.repository";
import { TEMP_FILE } from "./files";
import type { Jobs } from "./jobs";
import type { Store } from "./store";
import { systemScope } from "./system-scope";

export const FILE_SWEEP_JOB = "file-sweep";
/** Nightly, after the retention job (03:30) has anonymised and removed its files. */
export const FILE_SWEEP_CRON = "15 4 * * *";

export interface FileSweepDeps {
  store: Store;
  /** The local file storage's directory (DATA_DIR/files). */
  root: string;
  /** Only files older than this are touched: a file whose row is still being written is young. */
  graceMs: number;
  log?: (message: string) => void;
}

export interface FileSweepResult {
  removed: number;
  temporary: number;
  folders: number;
}

interface Found {
  rel: string;
  full: string;
  modified: number;
}

async function walk(root: string, dir: string, files: Found[], dirs: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      dirs.push(full);
      await walk(root, full, files, dirs);
    } else if (entry.isFile()) {
      const stat = await lstat(full).catch(() => null);
      if (stat)
        files.push({
          rel: path.relative(root, full).split(path.sep).join("/"),
          full,
          modified: stat.mtimeMs,
        });
    }
  }
}

/**
 * Removes stored files no row refers to (decision 0035): left by a crash between the upload and
 * its row, or by a change that removed a row without its file; and temporary files of uploads
 * that never finished; then the folders left empty. The files are listed before the references
 * are read and only files older than the grace period go, so an upload whose row is being
 * written is never touched.
 */
export async function sweepFiles(deps: FileSweepDeps, now = Date.now()): Promise<FileSweepResult> {
  const files: Found[] = [];
  const dirs: string[] = [];
  await walk(deps.root, deps.root, files, dirs);
  const referenced = await deps.store.bind(systemScope("job"), fileReferencesRepository).referencedKeys();
  const old = (file: Found) => now - file.modified >= deps.graceMs;
  const result: FileSweepResult = { removed: 0, temporary: 0, folders: 0 };
  for (const file of files) {
    if (!old(file)) continue;
    if (TEMP_FILE.test(path.basename(file.rel))) {
      await rm(file.full, { force: true });
      result.temporary++;
      continue;
    }
    const key = file.rel.endsWith(".type") ? file.rel.slice(0, -".type".length) : file.rel;
    if (referenced.has(key)) continue;
    await rm(file.full, { force: true });
    if (!file.rel.endsWith(".type")) result.removed++;
  }
  // Deepest first, so a folder emptied by removing its only subfolder goes too.
  for (const dir of dirs.sort((a, b) => b.length - a.length)) {
    try {
      await rmdir(dir);
      result.folders++;
    } catch {
      // not empty
    }
  }
  if (result.removed + result.temporary + result.folders > 0)
    deps.log?.(
      `File sweep: removed ${result.removed} unreferenced files, ${result.temporary} temporary files and ${result.folders} empty folders`,
    );
  return result;
}

export async function registerFileSweepJob(jobs: Jobs, deps: FileSweepDeps): Promise<void> {
  await jobs.schedule(FILE_SWEEP_JOB, FILE_SWEEP_CRON, async () => {
    await sweepFiles(deps);
  });
}
