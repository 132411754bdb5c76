// A second Werkbrug process on the same PostgreSQL database, for the explorer's freshness test:
// `node --import tsx test/support/explorer-process.ts` with DATABASE_URL and PORT set. Prints
// "ready" once it listens; stops on SIGTERM.
import { buildApp } from "../../src/server/app";
import { openPostgres } from "../../src/server/platform/db";
import { parseEnv } from "../../src/server/platform/env";
import { TEST_AUTH_SECRET } from "./databases";

const url = process.env.DATABASE_URL;
const port = Number(process.env.PORT);
if (!url || !port) throw new Error("DATABASE_URL and PORT are required");
const database = await openPostgres(url, { max: 4 });
const env = parseEnv({
  NODE_ENV: "test",
  PORT: String(port),
  HOST: "127.0.0.1",
  BASE_DOMAIN: "localhost",
  DATA_DIR: process.env.DATA_DIR ?? "/tmp/werkbrug-explorer-process",
  LOG_LEVEL: "silent",
  AUTH_SECRET: TEST_AUTH_SECRET,
  TRUST_PROXY: "true",
  EXPLORER_POLL_MS: process.env.EXPLORER_POLL_MS ?? "100",
});
const app = await buildApp({ env, database, webDir: null, logger: false });
await app.explorerIndex?.ready;
await app.listen({ port, host: "127.0.0.1" });
process.stdout.write("ready\n");
process.on("SIGTERM", () => {
  void app
    .close()
    .then(() => database.close())
    .finally(() => process.exit(0));
});
