// The API part of `npm run dev`: no web build, Vite serves the pages.
import { startServer } from "../src/server/main";
import { loadEnvOrExit } from "../src/server/platform/env";

const env = loadEnvOrExit();
startServer(env, { webDir: null }).then(
  () => process.stdout.write(`API on http://localhost:${env.PORT}; web app on http://localhost:5173\n`),
  (error: unknown) => {
    process.stderr.write(
      `Werkbrug could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
