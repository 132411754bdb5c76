import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../test/support/databases";
import { request, startTestServer, type TestServer } from "../../../test/support/server";
import { Client } from "../../../test/support/session";
import type { ErrorResponse } from "../../contracts/common";

describe.each(testDbKinds())("the general API rate limit on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ kind, web: false, env: { API_RATE_LIMIT: "5" } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("answers 429 with Retry-After in our error shape past the limit, per client address", async () => {
    const client = new Client(server);
    for (let i = 0; i < 5; i++) expect((await client.call("/api/v1/portal")).status).toBe(200);
    const refused = await client.call("/api/v1/portal");
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers["retry-after"]);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(refused.json<ErrorResponse>().error).toEqual({
      code: "too_many_requests",
      message: "Te veel verzoeken in korte tijd. Wacht even en probeer het dan opnieuw.",
    });
    const english = await client.call("/api/v1/portal", { headers: { "accept-language": "en" } });
    expect(english.status).toBe(429);
    expect(english.json<ErrorResponse>().error.message).toBe(
      "Too many requests in a short time. Please wait a moment and try again.",
    );
    // Writes count too, and are refused before anything is read.
    const write = await client.call("/api/auth/sign-in/email", {
      body: { email: "hr@demo.werkbrug.test", password: "Fout-wachtwoord-1!" },
    });
    expect(write.status).toBe(429);
    // Another address is not held up by this one.
    expect((await new Client(server).call("/api/v1/portal")).status).toBe(200);
  });

  it("counts the forwarded client address behind TRUST_PROXY, and leaves the health check alone", async () => {
    const forwarded = { "x-forwarded-for": "10.250.0.1" };
    for (let i = 0; i < 5; i++)
      expect((await request(server, "/api/v1/portal", { headers: forwarded })).status).toBe(200);
    expect((await request(server, "/api/v1/portal", { headers: forwarded })).status).toBe(429);
    // Same socket address (127.0.0.1), another forwarded client: its own count.
    const other = { "x-forwarded-for": "10.250.0.2" };
    expect((await request(server, "/api/v1/portal", { headers: other })).status).toBe(200);
    for (let i = 0; i < 10; i++)
      expect((await request(server, "/api/health", { headers: forwarded })).status).toBe(200);
  });
});
