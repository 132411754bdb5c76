import { eq } from "drizzle-orm";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../test/support/databases";
import { request, startTestServer, type TestServer } from "../../../test/support/server";
import type { ErrorResponse, HealthResponse } from "../../contracts/common";
import { organisations } from "../modules/tenancy/tenancy.schema";
import { declaredRoutes, enforceRouteAccessDeclarations } from "./access";

describe.each(testDbKinds())("HTTP platform on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ kind, web: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("reports health with the database kind and version", async () => {
    const res = await request(server, "/api/health");
    expect(res.status).toBe(200);
    const body = res.json<HealthResponse>();
    expect(body).toEqual({ status: "ok", db: kind, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it("gives every response a request id, and keeps one the caller sent", async () => {
    const res = await request(server, "/api/health");
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const mine = await request(server, "/api/health", { headers: { "x-request-id": "trace-123" } });
    expect(mine.headers["x-request-id"]).toBe("trace-123");
  });

  it("sends security headers", async () => {
    const res = await request(server, "/api/health");
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(res.headers["x-frame-options"]).toBe("DENY");
  });

  it("compresses large responses", async () => {
    const res = await request(server, "/api/openapi.json", { headers: { "accept-encoding": "gzip" } });
    expect(res.headers["content-encoding"]).toBe("gzip");
  });

  it("publishes an OpenAPI 3 document and a browsable UI served locally", async () => {
    const doc = await request(server, "/api/openapi.json");
    expect(doc.status).toBe(200);
    const spec = doc.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        "/api/health",
        "/api/v1/portal",
        "/api/v1/portals",
        "/api/v1/reference/places",
      ]),
    );
    const ui = await request(server, "/api/docs/");
    expect(ui.status).toBe(200);
    expect(ui.text).toContain("swagger-ui");
    // Assets come from this server, not a CDN.
    expect(ui.text).not.toMatch(/https?:\/\/(cdn|unpkg)/);
    const initializer = await request(server, "/api/docs/static/swagger-initializer.js");
    expect(initializer.status).toBe(200);
    expect(initializer.text).toContain("/api/openapi.json");
  });

  it("names every operation (unique operationIds) and says which need the session cookie", async () => {
    type Operation = { operationId?: string; security?: Record<string, string[]>[] };
    const spec = (await request(server, "/api/openapi.json")).json<{
      paths: Record<string, Record<string, Operation>>;
      components: { securitySchemes: Record<string, { type: string; in?: string }> };
    }>();
    expect(spec.components.securitySchemes.session).toMatchObject({ type: "apiKey", in: "cookie" });
    const operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ at: `${method} ${path}`, ...op })),
    );
    expect(operations.length).toBeGreaterThan(100);
    expect(operations.filter((op) => !op.operationId).map((op) => op.at)).toEqual([]);
    const ids = operations.map((op) => op.operationId!);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[a-z][A-Za-z0-9]*$/.test(id))).toBe(true);
    expect(operations.filter((op) => op.security === undefined).map((op) => op.at)).toEqual([]);
    const byAt = new Map(operations.map((op) => [op.at, op]));
    expect(byAt.get("get /api/v1/portals")).toMatchObject({ operationId: "getPortals", security: [] });
    expect(byAt.get("patch /api/v1/vacancies/{id}")).toMatchObject({
      operationId: "patchVacanciesById",
      security: [{ session: [] }],
    });
  });

  it("answers unknown API paths with a JSON 404 in the user's language", async () => {
    const nl = await request(server, "/api/v1/bestaat-niet");
    expect(nl.status).toBe(404);
    expect(nl.json<ErrorResponse>().error).toEqual({
      code: "not_found",
      message: "Deze pagina of dit item bestaat niet.",
    });
    const en = await request(server, "/api/v1/bestaat-niet", {
      headers: { "accept-language": "en-GB,en;q=0.9" },
    });
    expect(en.json<ErrorResponse>().error.message).toBe("This page or item does not exist.");
    expect(en.json<ErrorResponse>().requestId).toBe(en.headers["x-request-id"]);
  });

  it("answers errors in German or French when the reader asks for it, and Dutch by default", async () => {
    for (const [language, text] of [
      ["de-DE,de;q=0.9,en;q=0.8", "Diese Seite oder dieses Element existiert nicht."],
      ["fr-FR,fr;q=0.9", "Cette page ou cet élément n'existe pas."],
      ["zh", "Deze pagina of dit item bestaat niet."],
    ] as const) {
      const res = await request(server, "/api/v1/bestaat-niet", { headers: { "accept-language": language } });
      expect(res.status).toBe(404);
      expect(res.json<ErrorResponse>().error).toEqual({ code: "not_found", message: text });
    }
    const de = await request(server, "/api/v1/bestaat-niet", { headers: { "accept-language": "de" } });
    expect(de.headers["content-language"]).toBe("de");
    const nl = await request(server, "/api/v1/bestaat-niet");
    expect(nl.headers["content-language"]).toBe("nl");
  });

  it("gives field messages in German and French", async () => {
    const body = JSON.stringify({ name: 42, kvkNumber: "1234", address: { street: "Spui" } });
    const answers = {
      de: {
        message: "Nicht alle Felder sind korrekt ausgefüllt.",
        name: "Muss Text sein.",
        kvkNumber: "Eine KvK-Nummer (Handelsregisternummer) besteht aus 8 Ziffern.",
        houseNumber: "Dieses Feld ist ein Pflichtfeld.",
      },
      fr: {
        message: "Certains champs ne sont pas correctement remplis.",
        name: "Doit être du texte.",
        kvkNumber: "Un numéro KvK (registre du commerce) comporte 8 chiffres.",
        houseNumber: "Ce champ est obligatoire.",
      },
    };
    for (const [language, expected] of Object.entries(answers)) {
      const res = await request(server, "/api/v1/organisations/00000000-0000-4000-8000-000000000000", {
        method: "PATCH",
        headers: { "content-type": "application/json", "accept-language": language },
        body,
      });
      expect(res.status).toBe(400);
      const error = res.json<ErrorResponse>().error;
      expect(error.code).toBe("validation_failed");
      expect(error.message).toBe(expected.message);
      const byPath = Object.fromEntries(error.fields!.map((f) => [f.path, f.message]));
      expect(byPath.name).toBe(expected.name);
      expect(byPath.kvkNumber).toBe(expected.kvkNumber);
      expect(byPath["address.houseNumber"]).toBe(expected.houseNumber);
    }
    const query = await request(server, "/api/v1/reference/places?q=delft&limit=abc", {
      headers: { "accept-language": "fr" },
    });
    expect(query.json<ErrorResponse>().error.fields).toEqual([
      { path: "querystring.limit", message: "Doit être un nombre." },
    ]);
  });

  it("keeps content in Dutch or English for a German or French reader", async () => {
    const search = (language?: string) =>
      request(server, "/api/v1/reference/occupations?q=chauffeur&limit=5", {
        headers: language ? { "accept-language": language } : {},
      });
    const nl = await search();
    expect(nl.status).toBe(200);
    for (const language of ["de", "fr", "de-DE,de;q=0.9"]) {
      const res = await search(language);
      expect(res.status).toBe(200);
      expect(res.json()).toEqual(nl.json());
    }
    expect(nl.json<{ occupations: unknown[] }>().occupations.length).toBeGreaterThan(0);
    const en = await search("en");
    expect(en.json()).not.toEqual(nl.json());
    expect((await search("de, en;q=0.5")).json()).toEqual(en.json());
  });

  it("rejects malformed JSON with 400 and a readable message", async () => {
    const res = await request(server, "/api/v1/organisations/00000000-0000-4000-8000-000000000000", {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: '{"name": "Half',
    });
    expect(res.status).toBe(400);
    expect(res.json<ErrorResponse>().error).toMatchObject({
      code: "invalid_json",
      message: "De verzonden gegevens zijn geen geldige JSON.",
    });
  });

  it("rejects wrong types with field-level messages, in Dutch and English", async () => {
    const body = JSON.stringify({ name: 42, kvkNumber: "1234", address: { street: "Spui" } });
    const nl = await request(server, "/api/v1/organisations/00000000-0000-4000-8000-000000000000", {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(nl.status).toBe(400);
    const nlError = nl.json<ErrorResponse>().error;
    expect(nlError.code).toBe("validation_failed");
    expect(nlError.message).toBe("Niet alle velden zijn goed ingevuld.");
    const byPath = Object.fromEntries(nlError.fields!.map((f) => [f.path, f.message]));
    expect(byPath.name).toBe("Moet tekst zijn.");
    expect(byPath.kvkNumber).toBe("Een KvK-nummer bestaat uit 8 cijfers.");
    expect(byPath["address.houseNumber"]).toBe("Dit veld is verplicht.");

    const en = await request(server, "/api/v1/organisations/00000000-0000-4000-8000-000000000000", {
      method: "PATCH",
      headers: { "content-type": "application/json", "accept-language": "en" },
      body,
    });
    const enFields = Object.fromEntries(
      en.json<ErrorResponse>().error.fields!.map((f) => [f.path, f.message]),
    );
    expect(enFields.kvkNumber).toBe("A Chamber of Commerce number has 8 digits.");
    expect(enFields["address.houseNumber"]).toBe("This field is required.");
  });

  it("changes nothing stored when the input is bad", async () => {
    const { db } = server.database;
    const [before] = await db.select().from(organisations).where(eq(organisations.name, "Gemeente Den Haag"));
    for (const body of [
      '{"name":',
      JSON.stringify({ kvkNumber: "abc" }),
      JSON.stringify({ name: "" }),
      JSON.stringify({ onbekend: 1 }),
    ]) {
      const res = await request(server, `/api/v1/organisations/${before!.id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body,
      });
      expect(res.status, body).toBe(400);
    }
    const [after] = await db.select().from(organisations).where(eq(organisations.id, before!.id));
    expect(after).toEqual(before);
  });

  it("names query parameters in field errors", async () => {
    const res = await request(server, "/api/v1/reference/places?q=delft&limit=abc", {
      headers: { "accept-language": "en" },
    });
    expect(res.status).toBe(400);
    expect(res.json<ErrorResponse>().error.fields).toEqual([
      { path: "querystring.limit", message: "Must be a number." },
    ]);
  });

  it("refuses a write without login, after checking the input", async () => {
    const res = await request(server, "/api/v1/organisations/00000000-0000-4000-8000-000000000000", {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Nieuwe naam" }),
    });
    expect(res.status).toBe(401);
    expect(res.json<ErrorResponse>().error.message).toBe("Log eerst in.");
  });

  it("declares who may call every route", () => {
    const routes = declaredRoutes(server.app);
    const table = Object.fromEntries(routes.map((r) => [`${r.method} ${r.url}`, r.access]));
    expect(routes.length).toBeGreaterThan(8);
    expect(table["GET /api/health"]).toBe("public");
    expect(table["GET /api/dev/mail"]).toBe("development");
    expect(table["GET /api/v1/organisations"]).toEqual({
      roles: ["platform_admin", "org_admin", "account_manager"],
    });
    expect(table["PATCH /api/v1/organisations/:id"]).toEqual({ roles: ["platform_admin", "org_admin"] });
  });

  it("refuses to register a route that does not declare its access", async () => {
    const app = Fastify();
    enforceRouteAccessDeclarations(app);
    expect(() => app.get("/api/v1/undeclared", async () => "x")).toThrow(/does not declare who may call it/);
    app.get("/api/v1/declared", { config: { access: "public" } }, async () => "x");
    await app.close();
  });

  it("hides developer pages in production only", async () => {
    const dev = await request(server, "/api/dev/mail");
    expect(dev.status).toBe(200);
    expect(dev.json<{ transport: string }>().transport).toBe("outbox");
  });
});

describe("production mode", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { NODE_ENV: "production" }, web: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("does not expose developer pages", async () => {
    const res = await request(server, "/api/dev/mail");
    expect(res.status).toBe(404);
  });

  it("sends HSTS", async () => {
    const res = await request(server, "/api/health");
    expect(res.headers["strict-transport-security"]).toContain("max-age=");
  });
});
