import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { buildApp } from "../src/server/app";
import { openPglite } from "../src/server/platform/db";
import { parseEnv } from "../src/server/platform/env";
import { seedDemo } from "../src/server/seed/demo";
import { request } from "../test/support/http";
import { summarise } from "./stats";

/**
 * Latency of the requests every page makes (portal lookup, health), of the place search behind
 * the location fields and of the public job board (list, a vacancy page, the RSS feed), over
 * real HTTP with 8 requests in flight.
 */
export async function benchHttp({ requests }: { requests: number }): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "werkbrug-bench-"));
  const database = await openPglite();
  await database.migrate();
  await seedDemo(database.db, { candidates: 0, vacancies: 150 });
  const env = parseEnv({ NODE_ENV: "test", PORT: "3000", LOG_LEVEL: "silent", DATA_DIR: dir });
  const app = await buildApp({ env, database, webDir: null, logger: false });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const port = (app.server.address() as AddressInfo).port;
  const host = `haaglanden.localhost:${port}`;
  try {
    const list = await request({ port }, "/vacatures", { host });
    const vacancyPage = /href="(\/vacatures\/[0-9a-f-]{36}[^"?]*)"/.exec(list.text)?.[1];
    if (!vacancyPage) throw new Error("The job board lists no vacancy to measure.");
    for (const [name, url] of [
      ["GET /api/health", "/api/health"],
      ["GET /api/v1/portal (haaglanden)", "/api/v1/portal"],
      ["GET /api/v1/reference/places?q=den", "/api/v1/reference/places?q=den"],
      ["GET /api/v1/reference/occupations?q=chauffeur", "/api/v1/reference/occupations?q=chauffeur"],
      ["GET /vacatures (public list)", "/vacatures"],
      ["GET /vacatures/<id> (public vacancy page)", vacancyPage],
      ["GET /feeds/vacancies.rss", "/feeds/vacancies.rss"],
    ] as const) {
      const samples: number[] = [];
      let next = 0;
      const started = performance.now();
      const worker = async () => {
        while (next < requests) {
          next++;
          const t = performance.now();
          const res = await request({ port }, url, { host });
          if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
          samples.push(performance.now() - t);
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(
        `http  ${name.padEnd(48)} ${Math.round(samples.length / seconds)} req/s, ${summarise(samples)}\n`,
      );
    }
  } finally {
    await app.close();
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}
