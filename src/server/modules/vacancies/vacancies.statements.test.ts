import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import type { Vacancy } from "../../../contracts/vacancies";
import type { Db } from "../../platform/db";
import { organisations } from "../tenancy/tenancy.schema";
import { todayIn } from "./publication";

/**
 * Counts the SQL statements the database receives (BEGIN and COMMIT included), by wrapping the
 * driver's client under Drizzle: PGlite's `query`/`exec`/`transaction`, or the pg pool's `query`
 * and the clients it lends out for transactions.
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
      const original = target[name].bind(target);
      target[name] = (text: unknown, ...rest: unknown[]) => {
        note(text);
        return original(text, ...rest);
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
    wrap(client, ["query"]);
    const connect = client.connect.bind(client);
    client.connect = async (...args: unknown[]) => {
      const lent = await connect(...args);
      if (!lent.__counted) {
        wrap(lent, ["query"]);
        lent.__counted = true;
      }
      return lent;
    };
  }
  return {
    async during<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
      seen.length = 0;
      on = true;
      try {
        const result = await work();
        return { result, statements: [...seen] };
      } finally {
        on = false;
      }
    },
  };
}

describe.each(testDbKinds())("vacancy statement budget on %s", (kind) => {
  let server: TestServer;
  let employer: Client;
  let counter: ReturnType<typeof countStatements>;
  let vacancyId: string;

  beforeAll(async () => {
    server = await startTestServer({ kind, web: false });
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

  it("PATCH, GET detail and GET overview", async () => {
    const patch = await counter.during(() =>
      employer.call(`/api/v1/vacancies/${vacancyId}`, { method: "PATCH", body: { hoursMax: 36 } }),
    );
    expect(patch.result.status, patch.result.text).toBe(200);
    const detail = await counter.during(() => employer.call(`/api/v1/vacancies/${vacancyId}`));
    expect(detail.result.status).toBe(200);
    const overview = await counter.during(() => employer.call("/api/v1/vacancies"));
    expect(overview.result.status).toBe(200);
    console.log(
      JSON.stringify(
        { patch: patch.statements, detail: detail.statements, overview: overview.statements },
        null,
        1,
      ),
    );
  });
});
