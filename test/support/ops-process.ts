// A Werkbrug server in a process of its own, started the way `npm start` starts it (main.ts,
// without the web build), for tests that kill it: `node --import tsx test/support/ops-process.ts`
// with DATABASE_URL, DATA_DIR and PORT set. Prints "ready" once it listens.
import { startServer } from "../../src/server/main";
import { parseEnv } from "../../src/server/platform/env";
import { TEST_AUTH_SECRET } from "./databases";

const env = parseEnv({
  NODE_ENV: "test",
  HOST: "127.0.0.1",
  BASE_DOMAIN: "localhost",
  LOG_LEVEL: "silent",
  AUTH_SECRET: TEST_AUTH_SECRET,
  TRUST_PROXY: "true",
  API_RATE_LIMIT: "0",
  EXPLORER_ENGINE: "sql",
  ...process.env,
});
await startServer(env, { webDir: null, log: () => {} });
process.stdout.write("ready\n");
