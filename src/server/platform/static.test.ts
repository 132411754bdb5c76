import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request, startTestServer, type TestServer } from "../../../test/support/server";
import type { ErrorResponse } from "../../contracts/common";
import { ensureWebBuild } from "./web-build";

describe("serving the web app", () => {
  let server: TestServer;
  beforeAll(async () => {
    await ensureWebBuild();
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("serves the app for every client-side route", async () => {
    for (const path of ["/", "/over", "/vacatures?q=heftruck", "/dev/mail", "/bestaat-niet"]) {
      const res = await request(server, path);
      expect(res.status, path).toBe(200);
      expect(res.headers["content-type"]).toContain("text/html");
      expect(res.text).toContain('<html lang="nl"');
    }
  });

  it("answers an unknown portal subdomain with the app and status 404", async () => {
    const res = await request(server, "/", { host: `onbekend.localhost:${server.port}` });
    expect(res.status).toBe(404);
    expect(res.headers["content-type"]).toContain("text/html");
  });

  it("serves hashed assets for long caching and missing files as 404", async () => {
    const index = await request(server, "/");
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(index.text)?.[1];
    expect(asset).toBeDefined();
    const res = await request(server, asset!);
    expect(res.status).toBe(200);
    expect(res.headers["cache-control"]).toContain("immutable");
    const missing = await request(server, "/assets/bestaat-niet.js");
    expect(missing.status).toBe(404);
    expect(missing.json<ErrorResponse>().error.code).toBe("not_found");
  });
});
