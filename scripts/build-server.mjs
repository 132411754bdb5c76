// `npm run build` (after `vite build`): the server as plain JavaScript for `node`, so that the
// production image needs neither tsx nor Vite. One ESM bundle per entry point; every npm
// package stays external (installed by `npm ci --omit=dev` in the image). db/migrations, data/
// and dist/web are found from package.json's directory at run time (src/server/platform/app-root.ts).
import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = path.join(root, "dist", "server");
const started = performance.now();

await rm(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: {
    start: "src/server/start.ts",
    "admin-create": "src/server/admin-create.ts",
    // The operator commands (docs/operations.md), for `node dist/server/<name>.js` in the image.
    backup: "scripts/backup.ts",
    restore: "scripts/restore.ts",
    job: "scripts/job.ts",
  },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  sourcemap: true,
  chunkNames: "chunks/[name]-[hash]",
  // The web app is built already (vite build): start.ts serves it as it is.
  define: { "process.env.WERKBRUG_PREBUILT": '"true"' },
  logLevel: "warning",
  metafile: true,
});

// What the server loads at run time: never a build tool.
const BUILD_ONLY = ["tsx", "vite", "@vitejs/plugin-react", "drizzle-kit", "esbuild"];
const external = new Set();
for (const output of Object.values(result.metafile.outputs))
  for (const imported of output.imports) if (imported.external) external.add(imported.path);
const offending = [...external].filter((spec) =>
  BUILD_ONLY.some((pkg) => spec === pkg || spec.startsWith(`${pkg}/`)),
);
if (offending.length > 0) {
  console.error(`The server bundle imports build-only packages: ${offending.join(", ")}`);
  process.exit(1);
}
console.log(`Server built in ${((performance.now() - started) / 1000).toFixed(1)} s: dist/server/start.js`);
