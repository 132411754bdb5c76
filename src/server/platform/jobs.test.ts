import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../test/support/databases";
import { openTestDatabase } from "../../../test/support/server";
import { type Database, queryRows } from "./db";
import { parseEnv } from "./env";
import { createJobs, type Jobs, pgliteBossDb, toPgArrayLiteral } from "./jobs";

async function until<T>(probe: () => T | Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("toPgArrayLiteral", () => {
  it("writes arrays as node-postgres does", () => {
    expect(toPgArrayLiteral(["a", 'b"c', "d\\e", null])).toBe('{"a","b\\"c","d\\\\e",NULL}');
    expect(toPgArrayLiteral([])).toBe("{}");
    expect(toPgArrayLiteral([1, [2, 3]])).toBe('{"1",{"2","3"}}');
  });
});

describe("JOBS", () => {
  it("runs background jobs unless JOBS=off, and not in tests unless JOBS=on", () => {
    expect(parseEnv({}).JOBS).toBe(true);
    expect(parseEnv({ JOBS: "off" }).JOBS).toBe(false);
    expect(parseEnv({ NODE_ENV: "test" }).JOBS).toBe(false);
    expect(parseEnv({ NODE_ENV: "test", JOBS: "on" }).JOBS).toBe(true);
    expect(() => parseEnv({ JOBS: "yes" })).toThrow(/JOBS.*must be on or off/);
  });
});

describe("pg-boss over PGlite", () => {
  it("rolls back a failing script instead of leaving the one connection in an aborted transaction", async () => {
    const client = await PGlite.create();
    try {
      const bossDb = pgliteBossDb(client);
      await bossDb.executeSql("create table t (x int)", []);
      await expect(
        bossDb.executeSql("BEGIN; insert into t values (1); select 1/0; COMMIT;", []),
      ).rejects.toThrow(/division by zero/);
      expect((await client.query("select count(*)::int as n from t")).rows).toEqual([{ n: 0 }]);
      // Scripts answer with their last statement; parameters go through the extended protocol.
      expect((await bossDb.executeSql("select 1 as a; select 2 as b", [])).rows).toEqual([{ b: 2 }]);
      const ids = ["6f1d2c3b-1a2b-4c3d-8e9f-0a1b2c3d4e5f", "7f1d2c3b-1a2b-4c3d-8e9f-0a1b2c3d4e5f"];
      const { rows } = await bossDb.executeSql("select count(*)::int as n from unnest($1::uuid[])", [ids]);
      expect(rows).toEqual([{ n: 2 }]);
    } finally {
      await client.close();
    }
  });
});

describe.each(testDbKinds())("background jobs on %s", (kind) => {
  let database: Database;
  let jobs: Jobs;
  const log: string[] = [];
  const received: Array<{ name: string; data: unknown }> = [];
  let cronRuns = 0;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    jobs = createJobs(database, {
      log: (message) => log.push(message),
      pollingIntervalSeconds: 0.5,
      // Fire cron slots within a second or two instead of half a minute.
      boss: { cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1 },
    });
    // Registered before start: applied once pg-boss is up.
    await jobs.work<{ n: number }>("test-echo", async (data, job) => {
      received.push({ name: job.name, data });
    });
    await jobs.schedule("test-cron", "* * * * *", async () => {
      cronRuns++;
    });
    await jobs.start();
  });

  afterAll(async () => {
    await jobs?.stop();
    await database?.close();
  });

  it("runs a sent job on a worker and marks it completed", async () => {
    const id = await jobs.send("test-echo", { n: 1 });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await until(() => received.some((r) => (r.data as { n: number }).n === 1));
    // Completion passes the job ids as a uuid[] parameter: this is the array round trip.
    const state = await until(async () => {
      const rows = await queryRows<{ state: string }>(
        database.db,
        sql`select state from pgboss.job where id = ${id}`,
      );
      return rows[0]?.state === "completed" ? rows[0].state : null;
    });
    expect(state).toBe("completed");
  });

  it("accepts a handler registered after start", async () => {
    const seen: unknown[] = [];
    await jobs.work("test-late", async (data) => {
      seen.push(data);
    });
    await jobs.send("test-late", { late: true });
    await until(() => seen.length === 1);
    expect(seen[0]).toEqual({ late: true });
  });

  it("delays a job with startAfter and deduplicates by singletonKey on a short queue", async () => {
    await jobs.work("test-short", async () => {}, { policy: "short" });
    const later = new Date(Date.now() + 60 * 60 * 1000);
    const first = await jobs.send("test-short", {}, { startAfter: later, singletonKey: "k" });
    const second = await jobs.send("test-short", {}, { startAfter: later, singletonKey: "k" });
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    const rows = await queryRows<{ state: string; start_after: Date | string }>(
      database.db,
      sql`select state, start_after from pgboss.job where id = ${first}`,
    );
    expect(rows[0]?.state).toBe("created");
    expect(new Date(rows[0]!.start_after).getTime()).toBeGreaterThan(Date.now() + 59 * 60 * 1000);
  });

  it("runs a scheduled job on demand and on its cron slot", async () => {
    const before = cronRuns;
    await jobs.runNow("test-cron");
    expect(cronRuns).toBe(before + 1);
    // "* * * * *": pg-boss's timekeeper puts this minute's slot in the queue.
    await until(() => cronRuns > before + 1, 20_000);
    const schedules = await queryRows<{ name: string; cron: string }>(
      database.db,
      sql`select name, cron from pgboss.schedule where name = 'test-cron'`,
    );
    expect(schedules).toEqual([{ name: "test-cron", cron: "* * * * *" }]);
  });

  it("keeps the app's queries working while jobs poll", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => queryRows<{ one: number }>(database.db, sql`select 1 as one`)),
    );
    expect(results.every((rows) => Number(rows[0]?.one) === 1)).toBe(true);
  });

  it("reports a failing handler and does not stop the worker", async () => {
    let attempts = 0;
    await jobs.work("test-fail", async () => {
      attempts++;
      throw new Error("boom");
    });
    await jobs.send("test-fail", {});
    await until(() => attempts >= 1);
    await until(() => log.some((line) => line.includes("test-fail") && line.includes("boom")));
    await jobs.send("test-echo", { n: 2 });
    await until(() => received.some((r) => (r.data as { n: number }).n === 2));
  });

  it("refuses unknown and duplicate names", async () => {
    await expect(jobs.runNow("nope")).rejects.toThrow(/No job called nope/);
    await expect(jobs.work("test-echo", async () => {})).rejects.toThrow(/already registered/);
  });

  it("stops cleanly and can be stopped twice", async () => {
    await jobs.stop();
    expect(jobs.started).toBe(false);
    await jobs.stop();
    await expect(jobs.send("test-echo", {})).rejects.toThrow(/not running/);
    // The database is still the app's and still works.
    const rows = await queryRows<{ one: number }>(database.db, sql`select 1 as one`);
    expect(Number(rows[0]?.one)).toBe(1);
  });
});
