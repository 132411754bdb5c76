import { eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import type { Vacancy } from "../../../contracts/vacancies";
import type { Db } from "../../platform/db";
import { organisations } from "../tenancy/tenancy.schema";
import { todayIn } from "./publication";

/**
 * Counts the SQL statements the database receives, by wrapping the driver under Drizzle:
 * PGlite's `query`/`exec`/`transaction` (whose BEGIN and COMMIT it notes itself), or every
 * node-postgres client's `query` (this test file runs in a worker of its own).
 */
function countStatements(db: Db) {
  const seen: string[] = [];
  let on = false;
  const note = (text: unknown) => {
    if (on) seen.push(typeof text === "string" ? text : String((text as { text?: string })?.text ?? text));
  };
  // biome-ignore lint/suspicious/noExplicitAny: the driver's client is not part of Drizzle's type.
  const client = (db as any).$client;
  // biome-ignore lint/suspicious/noExplicitAny: see above.
  const wrap = (target: any, names: string[]) => {
    for (const name of names) {
      const original = target[name];
      target[name] = function (this: unknown, text: unknown, ...rest: unknown[]) {
        note(text);
        return original.call(this, text, ...rest);
      };
    }
  };
  if (typeof client.transaction === "function") {
    wrap(client, ["query", "exec"]);
    const transaction = client.transaction.bind(client);
    client.transaction = (work: (tx: unknown) => Promise<unknown>) =>
      transaction(async (tx: unknown) => {
        note("BEGIN");
        wrap(tx, ["query", "exec"]);
        const result = await work(tx);
        note("COMMIT");
        return result;
      });
  } else {
    wrap(pg.Client.prototype, ["query"]);
  }
  return {
    /** The statements `work` causes, without BEGIN and COMMIT. */
    async during<T>(
      work: () => Promise<T>,
    ): Promise<{ result: T; statements: string[]; transactions: number }> {
      seen.length = 0;
      on = true;
      try {
        const result = await work();
        const statements = seen.filter((s) => !/^\s*(begin|commit)\s*$/i.test(s));
        return { result, statements, transactions: seen.filter((s) => /^\s*begin\s*$/i.test(s)).length };
      } finally {
        on = false;
      }
    },
  };
}

/** The statements that read or write vacancies and their events (the rest are session and caller). */
const vacancyWork = (statements: string[]) => statements.filter((s) => /"vacancies"|"domain_events"/.test(s));

describe.each(testDbKinds())("vacancy statement budget on %s", (kind) => {
  let server: TestServer;
  let employer: Client;
  let counter: ReturnType<typeof countStatements>;
  let vacancyId: string;

  beforeAll(async () => {
    // The explorer's in-memory index polls the change feed; the SQL engine does nothing unasked.
    server = await startTestServer({ kind, web: false, env: { EXPLORER_ENGINE: "sql" } });
    // The dispatcher's own statements would interleave with the request's.
    await server.app.events.stop();
    const { db } = server.database;
    const [westland] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.name, "Westland Logistiek B.V."));
    employer = new Client(server, `haaglanden.localhost:${server.port}`);
    await signIn(employer, "werkgever@demo.werkbrug.test");
    const res = await employer.call("/api/v1/vacancies", {
      body: {
        organisationId: westland!.id,
        displayTitle: "Orderpicker in de kas",
        functionTitle: "Orderpicker",
        description: "Je verzamelt orders.",
        occupationId: "9333.8",
        educationLevel: "vmbo-bb",
        kind: "vacancy",
        hoursMin: 24,
        hoursMax: 32,
        positions: 2,
        workAddress: null,
        serviceModel: "together",
        contactVia: "employer",
        publication: { portalFrom: todayIn(), closesOn: null },
      },
    });
    expect(res.status, res.text).toBe(201);
    vacancyId = res.json<{ vacancy: Vacancy }>().vacancy.id;
    counter = countStatements(db);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  /*
   * Issue 11: PATCH at most 6 statements for the whole request (it was 13-19). The session
   * (better-auth) and the caller's memberships come first; the vacancy's own work is three:
   * read it with everything the response shows, change it with its history entry in one
   * statement, write its event. Measured before the change on PGlite: PATCH 13 (+ BEGIN,
   * COMMIT), GET detail 11, GET overview 9.
   */
  it("changes a vacancy in three statements of its own, and reads it or the overview in one", async () => {
    const patch = await counter.during(() =>
      employer.call(`/api/v1/vacancies/${vacancyId}`, { method: "PATCH", body: { hoursMax: 36 } }),
    );
    expect(patch.result.status, patch.result.text).toBe(200);
    expect(patch.result.json<{ vacancy: Vacancy }>().vacancy.hoursMax).toBe(36);
    const work = vacancyWork(patch.statements);
    expect(work).toHaveLength(3);
    expect(work[0]).toMatch(/^select .* from "vacancies"/s);
    expect(work[1]).toMatch(/^with "changed" as \(update "vacancies".*insert into "vacancy_history"/s);
    expect(work[2]).toMatch(/^insert into "domain_events"/);
    expect(patch.transactions).toBe(1);
    // Session and user (better-auth), the principal's roles, the caller's memberships.
    expect(patch.statements.length).toBeLessThanOrEqual(7);

    const detail = await counter.during(() => employer.call(`/api/v1/vacancies/${vacancyId}`));
    expect(detail.result.status).toBe(200);
    expect(vacancyWork(detail.statements)).toHaveLength(1);
    expect(detail.statements.length).toBeLessThanOrEqual(5);
    expect(detail.transactions).toBe(0);

    const overview = await counter.during(() => employer.call("/api/v1/vacancies"));
    expect(overview.result.status).toBe(200);
    expect(overview.result.json<{ total: number }>().total).toBeGreaterThan(0);
    expect(vacancyWork(overview.statements)).toHaveLength(1);
    expect(overview.statements.length).toBeLessThanOrEqual(5);
  });
});
