// `npm start`: build the web app if needed, then serve everything from one process.
// `node dist/server/start.js` (the production build, `npm run build`): serve the web app as built.
import { PortalListResponseSchema } from "../contracts/tenancy";
import { startServer } from "./main";
import { webDistDir } from "./platform/app-root";
import { loadEnvOrExit } from "./platform/env";

const env = loadEnvOrExit();
const log = (message: string) => process.stdout.write(`${message}\n`);

async function run(): Promise<void> {
  const started = Date.now();
  // "true" in the bundle that `npm run build` makes (esbuild's define): the web app was built
  // with it, and the image that runs it has neither Vite nor the sources, so the branch (and
  // its import of Vite) is not even in the bundle.
  if (process.env.WERKBRUG_PREBUILT !== "true") {
    const { ensureWebBuild } = await import("./platform/web-build");
    await ensureWebBuild(log);
  }
  const server = await startServer(env, { webDir: webDistDir, log });
  // The portals this database has (a production start has only the national one), as the API lists them.
  const listed = await server.app.inject({ method: "GET", url: "/api/v1/portals" });
  const { portals } = PortalListResponseSchema.parse(listed.json());
  const width = Math.max("API documentation".length, ...portals.map((p) => p.name.nl.length)) + 2;
  log(`Werkbrug is ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const portal of portals) log(`  ${`${portal.name.nl}:`.padEnd(width)}${portal.url}`);
  log(`  ${"API documentation:".padEnd(width)}${env.PUBLIC_URL}/api/docs`);
  if (server.setupLink) {
    const until = server.setupLink.expiresAt.toISOString().replace(/\.\d+Z$/, "Z");
    log("");
    log("  No platform administrator yet. Create the first one with this one-time link");
    log(`  (valid until ${until}; a restart makes a new one and this one stops working):`);
    log(`  Setup link: ${server.setupLink.url}`);
    log("");
  }
  const shutdown = async () => {
    await server.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

run().catch((error: unknown) => {
  process.stderr.write(
    `Werkbrug could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
