import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * The directory with package.json, db/migrations and data/: found by walking up from this file,
 * so that it is the same for the sources (src/server/platform, under tsx) and for the one-file
 * server bundle (dist/server/start.js, `npm run build`), whose depth differs.
 */
function findAppRoot(from: string): string {
  let dir = path.dirname(from);
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "werkbrug"
    )
      return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No werkbrug package.json above ${from}`);
    dir = parent;
  }
}

export const appRoot: string = findAppRoot(fileURLToPath(import.meta.url));

/** file: URL of the app root, with a trailing slash: `new URL("data/...", appRootUrl)`. */
export const appRootUrl: URL = pathToFileURL(`${appRoot}${path.sep}`);

/** Absolute path of the built web app that the server serves (`vite build` writes it). */
export const webDistDir: string = path.join(appRoot, "dist", "web");
