import { AsyncLocalStorage } from "node:async_hooks";
import { mkdtemp, rm } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { ExplorerSearchResponse } from "../src/contracts/explorer";
import type { MyPlacementsResponse } from "../src/contracts/placements";
import type { Vacancy, VacancyListResponse } from "../src/contracts/vacancies";
import { buildApp } from "../src/server/app";
import { secretEncryptor } from "../src/server/modules/identity/auth";
import { type Database, openPglite, openPostgres } from "../src/server/platform/db";
import { parseEnv } from "../src/server/platform/env";
import { seedIfEmpty } from "../src/server/seed/demo";
import { Client, signIn } from "../test/support/session";
import { percentile } from "./stats";

/**
 * How many SQL statements common requests run, and how long they take, over HTTP against
 * the demo database (seeded as `npm start` seeds it), signed in as the demo account manager on
 * the Haaglanden portal (issue 11: "PATCH vacancy: at most 6 statements").
 *
 * Statements are counted by wrapping the database client (PGlite's query/exec/transaction,
 * node-postgres' Client#query) and attributing each call to the HTTP request it runs for
 * (AsyncLocalStorage entered where Node hands the request to Fastify, so the hooks that read the
 * session and the portal count too). Background work (the explorer's change feed, the event
 * dispatcher's poll) runs outside any request and is not counted. BEGIN/COMMIT/ROLLBACK are
 * counted apart, as transactions; statements after the response has gone out are not counted.
 * BENCH_SHOW_STATEMENTS=1 prints the statements of the last request of each kind.
 */
export async function benchQueries({ iterations }: { iterations: number }): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "werkbrug-bench-queries-"));
  const databaseUrl = process.env.BENCH_DATABASE_URL || undefined;
  const database = databaseUrl ? await openPostgres(databaseUrl) : await openPglite();
  const counter = countStatements(database);
  const port = await freePort();
  const secret = "bench-auth-secret-0123456789abcdef0123456789";
  const env = parseEnv({
    NODE_ENV: "development",
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    DATA_DIR: dir,
    AUTH_SECRET: secret,
  });
  const started = performance.now();
  await database.migrate();
  await seedIfEmpty(database.db, {
    env,
    log: () => {},
    encryptSecret: await secretEncryptor(database.db, env, secret),
  });
  const app = await buildApp({ env, database, webDir: null, logger: false });
  counter.attach(app.server);
  await app.listen({ port, host: "127.0.0.1" });
  await app.explorerIndex?.ready;
  process.stdout.write(
    `queries: demo database on ${database.kind} ready in ${((performance.now() - started) / 1000).toFixed(1)} s; ${iterations} requests each, one at a time\n`,
  );

  try {
    const server = { port };
    const manager = new Client(server, `haaglanden.localhost:${port}`);
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    const callAs =
      (client: Client) =>
      async (url: string, init: Parameters<Client["call"]>[1] = {}) => {
        const res = await client.call(url, init);
        if (res.status >= 400) throw new Error(`${init.method ?? "GET"} ${url}: ${res.status} ${res.text}`);
        return res;
      };
    const call = callAs(manager);
    // Issue 13's side: the demo contact approves hours, the demo candidate writes them.
    const contact = new Client(server, `haaglanden.localhost:${port}`);
    await signIn(contact, "werkgever@demo.werkbrug.test");
    const candidate = new Client(server, `haaglanden.localhost:${port}`);
    await signIn(candidate, "kandidaat@demo.werkbrug.test");
    const mine = (await callAs(candidate)("/api/v1/my/placements")).json<MyPlacementsResponse>();
    const openWeek = mine.placements
      .flatMap((p) => p.weeks)
      .find((w) => w.status === null && w.weekStart < (mine.placements[0]?.weeks[0]?.weekStart ?? ""));
    if (!openWeek) throw new Error("the demo candidate has no week left to fill in");
    const weekUrl = `/api/v1/my/placements/${openWeek.placementId}/weeks/${openWeek.weekStart}`;
    let hours = 8;

    const list = (await call("/api/v1/vacancies")).json<VacancyListResponse>();
    let vacancyId: string | null = null;
    for (const item of list.vacancies) {
      const { vacancy } = (await call(`/api/v1/vacancies/${item.id}`)).json<{ vacancy: Vacancy }>();
      if (!vacancy.permissions.edit) continue;
      // Some demo vacancies would not pass the checks a change runs (e.g. a temporary job with
      // no end date): take one that does.
      const tried = await manager.call(`/api/v1/vacancies/${vacancy.id}`, {
        method: "PATCH",
        body: { positions: 1 },
      });
      if (tried.status === 200) {
        vacancyId = vacancy.id;
        break;
      }
    }
    if (!vacancyId) throw new Error("the demo account manager may edit none of the vacancies listed");
    const search = {
      chips: [{ kind: "occupation", id: "8332.2" }],
      placeId: "nl-gm0518",
      radiusKm: 50,
    };
    const hits = (await call("/api/v1/explorer/search", { body: search })).json<ExplorerSearchResponse>();
    const candidateId = hits.hits[0]?.id;
    if (!candidateId) throw new Error("the explorer found no candidate for the demo search");

    let positions = 1;
    const cases: Array<{ name: string; run: () => Promise<unknown> }> = [
      {
        name: "PATCH /api/v1/vacancies/:id",
        run: () => {
          positions = positions === 1 ? 2 : 1;
          return call(`/api/v1/vacancies/${vacancyId}`, { method: "PATCH", body: { positions } });
        },
      },
      { name: "GET /api/v1/vacancies/:id", run: () => call(`/api/v1/vacancies/${vacancyId}`) },
      { name: "GET /api/v1/vacancies", run: () => call("/api/v1/vacancies") },
      {
        name: "POST /api/v1/explorer/search",
        run: () => call("/api/v1/explorer/search", { body: search }),
      },
      { name: "GET /api/v1/candidates/:id (staff)", run: () => call(`/api/v1/candidates/${candidateId}`) },
      {
        name: "PUT /api/v1/my/placements/:id/weeks/:w",
        run: () => {
          hours = hours === 8 ? 7.5 : 8;
          return callAs(candidate)(weekUrl, {
            method: "PUT",
            body: { entries: [{ date: openWeek.weekStart, kind: "normal", hours }], remark: "" },
          });
        },
      },
      {
        name: "GET /api/v1/timesheets (contact)",
        run: () => callAs(contact)("/api/v1/timesheets?status=waiting"),
      },
      { name: "GET /api/v1/contact/dashboard", run: () => callAs(contact)("/api/v1/contact/dashboard") },
    ];

    const results: QueryResult[] = [];
    for (const c of cases) {
      for (let i = 0; i < Math.min(20, iterations); i++) await c.run(); // warm-up
      const samples: number[] = [];
      const statements: number[] = [];
      const transactions: number[] = [];
      let texts: string[] = [];
      for (let i = 0; i < iterations; i++) {
        const t = performance.now();
        const measured = await counter.measure(c.run);
        samples.push(performance.now() - t);
        statements.push(measured.statements);
        transactions.push(measured.transactions);
        texts = measured.texts;
      }
      if (process.env.BENCH_SHOW_STATEMENTS)
        process.stdout.write(`${c.name}:\n${texts.map((q, i) => `  ${i + 1}. ${q}`).join("\n")}\n`);
      results.push(summarise(c.name, samples, statements, transactions));
    }
    printTable(results);
    process.stdout.write(
      `${JSON.stringify({
        bench: "queries",
        db: database.kind,
        iterations,
        requests: Object.fromEntries(
          results.map((r) => [
            r.name,
            {
              statements: r.statements,
              statementsMin: r.statementsMin,
              statementsMax: r.statementsMax,
              transactions: r.transactions,
              p50ms: round(r.p50),
              p95ms: round(r.p95),
            },
          ]),
        ),
      })}\n`,
    );
  } finally {
    await app.close();
    await database.close();
    counter.detach();
    await rm(dir, { recursive: true, force: true });
  }
}

interface QueryResult {
  name: string;
  /** Median statements per request. */
  statements: number;
  statementsMin: number;
  statementsMax: number;
  transactions: number;
  p50: number;
  p95: number;
}

function summarise(
  name: string,
  samples: number[],
  statements: number[],
  transactions: number[],
): QueryResult {
  const sortedMs = [...samples].sort((a, b) => a - b);
  const sortedStatements = [...statements].sort((a, b) => a - b);
  return {
    name,
    statements: percentile(sortedStatements, 50),
    statementsMin: sortedStatements[0] ?? 0,
    statementsMax: sortedStatements.at(-1) ?? 0,
    transactions: percentile(
      [...transactions].sort((a, b) => a - b),
      50,
    ),
    p50: percentile(sortedMs, 50),
    p95: percentile(sortedMs, 95),
  };
}

const round = (ms: number) => Math.round(ms * 100) / 100;

function printTable(results: QueryResult[]): void {
  const head = `${"request".padEnd(40)} ${"statements".padStart(10)} ${"(min-max)".padStart(10)} ${"tx".padStart(3)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}`;
  process.stdout.write(`${head}\n${"-".repeat(head.length)}\n`);
  for (const r of results) {
    process.stdout.write(
      `${r.name.padEnd(40)} ${String(r.statements).padStart(10)} ${`${r.statementsMin}-${r.statementsMax}`.padStart(10)} ${String(r.transactions).padStart(3)} ${r.p50.toFixed(2).padStart(8)} ${r.p95.toFixed(2).padStart(8)}\n`,
    );
  }
}

// --- counting statements per request -------------------------------------------------------------

interface Count {
  statements: number;
  /** The statements' text (first line), kept for BENCH_SHOW_STATEMENTS=1. */
  texts: string[];
  transactions: number;
  /** Set once the response is out; later statements are not the request's. */
  done: boolean;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

interface PgliteLike {
  query: (...args: unknown[]) => Promise<unknown>;
  exec: (...args: unknown[]) => Promise<unknown>;
  transaction: (callback: (tx: PgliteLike) => Promise<unknown>) => Promise<unknown>;
}

function countStatements(database: Database) {
  const current = new AsyncLocalStorage<Count>();
  const statement = (query: unknown) => {
    const c = current.getStore();
    if (!c || c.done) return;
    c.statements++;
    const text = typeof query === "string" ? query : (query as { text?: string } | undefined)?.text;
    c.texts.push((text ?? "?").replace(/\s+/g, " ").trim().slice(0, 160));
  };
  const transaction = () => {
    const c = current.getStore();
    if (c && !c.done) c.transactions++;
  };
  const restore: Array<() => void> = [];

  const wrap = (target: PgliteLike, method: "query" | "exec") => {
    const original = target[method];
    target[method] = function (this: unknown, ...args: unknown[]) {
      statement(args[0]);
      return original.apply(target, args);
    };
    return () => {
      target[method] = original;
    };
  };
  if (database.kind === "pglite") {
    const client = (database.db as unknown as { $client: PgliteLike }).$client;
    restore.push(wrap(client, "query"), wrap(client, "exec"));
    const originalTransaction = client.transaction;
    client.transaction = (callback) => {
      transaction();
      return originalTransaction.call(client, (tx: PgliteLike) => {
        wrap(tx, "query");
        wrap(tx, "exec");
        return callback(tx);
      });
    };
    restore.push(() => {
      client.transaction = originalTransaction;
    });
  } else {
    const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      const first = args[0];
      const text = typeof first === "string" ? first : (first as { text?: string } | undefined)?.text;
      if (text && /^\s*(begin|commit|rollback)\b/i.test(text)) transaction();
      else statement(first);
      return original.apply(this, args);
    };
    restore.push(() => {
      proto.query = original;
    });
  }

  let last: Count | null = null;
  return {
    /** Enters a fresh count for each request where Node hands it to Fastify. */
    attach(server: import("node:http").Server) {
      const listeners = server.listeners("request") as Listener[];
      server.removeAllListeners("request");
      server.on("request", (req: IncomingMessage, res: ServerResponse) => {
        const count: Count = { statements: 0, texts: [], transactions: 0, done: false };
        res.once("finish", () => {
          count.done = true;
          last = count;
        });
        current.run(count, () => {
          for (const listener of listeners) listener.call(server, req, res);
        });
      });
    },
    /** Runs one request and answers what it counted. */
    async measure(run: () => Promise<unknown>): Promise<Count> {
      last = null;
      await run();
      for (let i = 0; i < 100 && !last; i++) await new Promise((r) => setImmediate(r));
      if (!last) throw new Error("the request's count did not arrive");
      return last;
    },
    detach() {
      for (const undo of restore.reverse()) undo();
    },
  };
}

async function freePort(): Promise<number> {
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
