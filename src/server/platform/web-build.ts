import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { appRoot, webDistDir } from "./app-root";

const repoRoot = appRoot;

export { webDistDir };

const HASH_FILE = ".build-hash";
const LOCK_DIR = path.join(repoRoot, "dist", ".web-build.lock");
// A build takes seconds; a lock older than this belongs to a process that died mid-build.
const STALE_LOCK_MS = 5 * 60_000;

/** Everything that can change the bundle: the app, the shared contracts, the config, the deps. */
const INPUTS = ["src/web", "src/contracts", "vite.config.ts", "package-lock.json"];

async function listFiles(entry: string): Promise<string[]> {
  const info = await stat(entry).catch(() => null);
  if (!info) return [];
  if (info.isFile()) return [entry];
  if (!info.isDirectory()) return [];
  const children = await readdir(entry, { withFileTypes: true });
  const nested = await Promise.all(
    children
      .filter((child) => child.name !== "node_modules" && !child.name.startsWith("."))
      .map((child) => listFiles(path.join(entry, child.name))),
  );
  return nested.flat();
}

export async function computeWebSourceHash(): Promise<string> {
  const files = (await Promise.all(INPUTS.map((input) => listFiles(path.join(repoRoot, input))))).flat();
  // Sorted relative paths: the hash must not depend on readdir order or where the repo lives.
  const relative = files.map((file) => path.relative(repoRoot, file).split(path.sep).join("/")).sort();
  const hash = createHash("sha256");
  for (const file of relative) {
    hash.update(file);
    hash.update("\0");
    hash.update(await readFile(path.join(repoRoot, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

async function isUpToDate(sourceHash: string): Promise<boolean> {
  const [index, stored] = await Promise.all([
    stat(path.join(webDistDir, "index.html")).catch(() => null),
    readFile(path.join(webDistDir, HASH_FILE), "utf8").catch(() => null),
  ]);
  return index !== null && stored?.trim() === sourceHash;
}

/**
 * npm start and parallel test files may all ask for a build at once; a build empties dist/web,
 * so two at a time would delete each other's output. mkdir is atomic, hence the lock directory.
 */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  await mkdir(path.dirname(LOCK_DIR), { recursive: true });
  for (;;) {
    try {
      await mkdir(LOCK_DIR);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const lock = await stat(LOCK_DIR).catch(() => null);
      if (lock && Date.now() - lock.mtimeMs > STALE_LOCK_MS) {
        await rm(LOCK_DIR, { recursive: true, force: true });
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await work();
  } finally {
    await rm(LOCK_DIR, { recursive: true, force: true });
  }
}

/** Builds the web app with Vite unless dist/web already holds a build of the current sources. */
export async function ensureWebBuild(
  log: (msg: string) => void = () => {},
): Promise<{ built: boolean; dir: string }> {
  if (await isUpToDate(await computeWebSourceHash())) return { built: false, dir: webDistDir };

  return withBuildLock(async () => {
    // Another process may have finished the same build while we waited for the lock.
    const sourceHash = await computeWebSourceHash();
    if (await isUpToDate(sourceHash)) return { built: false, dir: webDistDir };

    log("Building web app…");
    const started = performance.now();
    // Imported lazily: production start with an up-to-date build never loads Vite and Rolldown.
    const { build } = await import("vite");
    await build({
      configFile: path.join(repoRoot, "vite.config.ts"),
      logLevel: "warn",
      mode: "production",
    });
    await writeFile(path.join(webDistDir, HASH_FILE), `${sourceHash}\n`);
    log(`Web app built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { built: true, dir: webDistDir };
  });
}
