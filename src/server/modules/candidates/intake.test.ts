import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import type { IntakeStatus } from "../../../contracts/candidates";
import type { ErrorResponse } from "../../../contracts/common";
import { memberships, portals } from "../tenancy/tenancy.schema";
import { candidates } from "./candidates.schema";

describe.each(testDbKinds())("first visit of a portal's candidate side on %s", (kind) => {
  let server: TestServer;
  let home: Client;
  let rijnmond: Client;

  beforeAll(async () => {
    server = await startTestServer({ kind, web: false });
    home = new Client(server, `haaglanden.localhost:${server.port}`);
    rijnmond = new Client(server, `rijnmond.localhost:${server.port}`);
    await signIn(home, "kandidaat@demo.werkbrug.test");
    await signIn(rijnmond, "kandidaat@demo.werkbrug.test");
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it("asks nothing where the portal needs nothing", async () => {
    const status = (await home.call("/api/v1/candidates/me/intake")).json<IntakeStatus>();
    expect(status).toMatchObject({ member: true, required: [], missing: [], complete: true });
  });

  it("asks what Rijnmond needs, refuses bad or incomplete answers without storing anything, then lets the candidate join", async () => {
    const first = (await rijnmond.call("/api/v1/candidates/me/intake")).json<IntakeStatus>();
    expect(first).toMatchObject({
      portal: { slug: "rijnmond" },
      member: false,
      required: ["phone", "place", "occupations", "availability"],
      missing: ["phone", "place", "occupations", "availability"],
      complete: false,
    });

    const bad = await rijnmond.call("/api/v1/candidates/me/intake", {
      method: "PUT",
      body: {
        phone: "bel me",
        placeId: "nl-0000-nergens",
        desiredOccupationIds: ["0000.0"],
        hoursMin: 40,
        hoursMax: 20,
      },
      headers: { "accept-language": "nl" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json<ErrorResponse>().error.fields!.map((f) => f.path)).toEqual(["phone"]);
    const wrong = await rijnmond.call("/api/v1/candidates/me/intake", {
      method: "PUT",
      body: {
        phone: "06 12345678",
        placeId: "nl-0000-nergens",
        desiredOccupationIds: ["0000.0"],
        hoursMin: 40,
        hoursMax: 20,
      },
      headers: { "accept-language": "en" },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json<ErrorResponse>().error.fields).toEqual([
      { path: "placeId", message: "This place is unknown." },
      { path: "desiredOccupationIds.0", message: "This occupation is unknown." },
      { path: "hoursMax", message: "The minimum is higher than the maximum." },
    ]);
    const partial = await rijnmond.call("/api/v1/candidates/me/intake", {
      method: "PUT",
      body: { phone: "06 12345678" },
    });
    expect(partial.status).toBe(400);
    expect(partial.json<ErrorResponse>().error.fields!.map((f) => f.path)).toEqual([
      "placeId",
      "desiredOccupationIds",
      "hoursMax",
    ]);
    const { db } = server.database;
    const [portal] = await db.select().from(portals).where(eq(portals.slug, "rijnmond"));
    const none = await db
      .select()
      .from(candidates)
      .where(and(eq(candidates.userId, "demo-kandidaat"), eq(candidates.portalId, portal!.id)));
    expect(none).toEqual([]);

    const ok = await rijnmond.call("/api/v1/candidates/me/intake", {
      method: "PUT",
      body: {
        phone: "06 12345678",
        placeId: "nl-1783-naaldwijk",
        desiredOccupationIds: ["9333.8"],
        hoursMin: 24,
        hoursMax: 32,
      },
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json<IntakeStatus>()).toMatchObject({ member: true, missing: [], complete: true });
    const [joined] = await db
      .select()
      .from(candidates)
      .where(and(eq(candidates.userId, "demo-kandidaat"), eq(candidates.portalId, portal!.id)));
    expect(joined).toMatchObject({ city: "Naaldwijk", visible: false, hoursMax: 32 });
    const roles = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, "demo-kandidaat"), eq(memberships.portalId, portal!.id)));
    expect(roles.map((m) => m.role)).toEqual(["candidate"]);
  });
});
