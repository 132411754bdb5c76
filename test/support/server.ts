import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { inject } from "vitest";
import { buildApp } from "../../src/server/app";
import { type Database, openPglite, openPostgres } from "../../src/server/platform/db";
import { type Env, parseEnv } from "../../src/server/platform/env";
import { webDistDir } from "../../src/server/platform/web-build";
import { databaseUrl, quoteIdent, TEST_AUTH_SECRET, type TestDbKind, withAdminClient } from "./databases";

/** A fresh copy of the demo-seeded template database, private to the caller. */
export async function openTestDatabase(kind: TestDbKind = "pglite"): Promise<Database> {
  if (kind === "pglite") {
    const dump = await readFile(inject("pgliteTemplate"));
    return openPglite({ loadDataDir: new Blob([dump]) });
  }
  return openPostgres(await copyPostgresTemplate(), { max: 4 });
}

/** A fresh copy of the seeded PostgreSQL template; its URL, for a second process to open too. */
export async function copyPostgresTemplate(): Promise<string> {
  const base = process.env.TEST_DATABASE_URL;
  const template = inject("postgresTemplate");
  if (!base || !template) throw new Error("PostgreSQL tests need TEST_DATABASE_URL");
  const name = `${inject("runPrefix")}_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  await withAdminClient((c) =>
    c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`),
  );
  return databaseUrl(base, name);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export interface TestServer {
  /** The national portal, e.g. http://localhost:PORT */
  url: string;
  port: number;
  app: FastifyInstance;
  database: Database;
  env: Env;
  /** URL of a portal by subdomain, e.g. portalUrl("haaglanden") = http://haaglanden.localhost:PORT */
  portalUrl(slug: string): string;
  close(): Promise<void>;
}

export async function startTestServer(
  options: { kind?: TestDbKind; env?: Record<string, string>; web?: boolean; database?: Database } = {},
): Promise<TestServer> {
  const database = options.database ?? (await openTestDatabase(options.kind ?? "pglite"));
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "werkbrug-test-data-"));
  const env = parseEnv({
    NODE_ENV: "test",
    PORT: String(port),
    HOST: "127.0.0.1",
    BASE_DOMAIN: "localhost",
    // Uploaded files of this server only; removed with it.
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    AUTH_SECRET: TEST_AUTH_SECRET,
    // Test clients present their own address in X-Forwarded-For, as behind a proxy.
    TRUST_PROXY: "true",
    // The general API limit would count every test's requests from 127.0.0.1; the tests of the
    // limit itself turn it on (decision 0035).
    API_RATE_LIMIT: "0",
    ...options.env,
  });
  const webDir = options.web !== false && existsSync(path.join(webDistDir, "index.html")) ? webDistDir : null;
  const app = await buildApp({ env, database, webDir, logger: false });
  await app.listen({ port, host: "127.0.0.1" });
  return {
    url: `http://localhost:${port}`,
    port,
    app,
    database,
    env,
    portalUrl: (slug) => `http://${slug}.localhost:${port}`,
    async close() {
      await app.close();
      // A database handed in belongs to the caller (two servers on one database).
      if (!options.database) await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export { request } from "./http";
