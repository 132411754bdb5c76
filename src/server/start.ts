// `npm start`: build the web app if needed, then serve everything from one process.
import { startServer } from "./main";
import { loadEnvOrExit } from "./platform/env";
import { ensureWebBuild, webDistDir } from "./platform/web-build";

const env = loadEnvOrExit();
const log = (message: string) => process.stdout.write(`${message}\n`);

async function run(): Promise<void> {
  const started = Date.now();
  await ensureWebBuild(log);
  const server = await startServer(env, { webDir: webDistDir, log });
  const national = env.PUBLIC_URL;
  const example = new URL(national);
  example.hostname = `haaglanden.${example.hostname}`;
  log(`Werkbrug is ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  log(`  National portal:   ${national}/`);
  log(`  Haaglanden portal: ${example.origin}/`);
  log(`  API documentation: ${national}/api/docs`);
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
