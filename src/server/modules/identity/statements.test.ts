import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";

/**
 * What knowing the caller costs: every signed-in request reads the session with its user (one
 * statement, better-auth joins) and the user's memberships with their families (one statement,
 * reused by the caller). PATCH of a vacancy has 6 statements in all (issue 11), so these two
 * must stay two.
 */
describe("statements per signed-in request", () => {
  let server: TestServer;
  const statements: string[] = [];
  let counting = false;

  beforeAll(async () => {
    server = await startTestServer({ web: false });
    // The explorer's index and the event bus poll in the background; only the request counts.
    await server.app.events.stop();
    await server.app.explorerIndex?.close();
    const client = (server.database as unknown as { pglite?: Record<"query" | "exec", unknown> }).pglite;
    if (!client) throw new Error("counts statements on PGlite");
    for (const method of ["query", "exec"] as const) {
      const original = (client[method] as (...args: unknown[]) => unknown).bind(client);
      client[method] = (text: unknown, ...rest: unknown[]) => {
        if (counting) statements.push(String(text).replace(/\s+/g, " ").trim().slice(0, 400));
        return original(text, ...rest);
      };
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  async function count(call: () => Promise<unknown>): Promise<string[]> {
    statements.length = 0;
    counting = true;
    try {
      await call();
    } finally {
      counting = false;
    }
    return [...statements];
  }

  it("reads the session and the memberships once each, and answers 'who am I' from them", async () => {
    const staff = new Client(server);
    await signIn(staff, "accountmanager@demo.werkbrug.test");
    const me = await count(() => staff.call("/api/v1/me"));
    expect(me, me.join("\n")).toHaveLength(2);
    expect(me[0]).toMatch(/^select "sessions"\."id"/);
    expect(me[1]).toMatch(/memberships/);
    // A route that asks the caller for scopes reuses the memberships the sign-in hook read.
    const invitations = await count(() => staff.call("/api/v1/invitations"));
    expect(invitations.filter((s) => /from memberships m left join organisations/.test(s))).toHaveLength(1);
  });
});
