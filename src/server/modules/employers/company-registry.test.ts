import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type KvkStandIn, startKvkStandIn } from "../../../../test/support/kvk-stand-in";
import {
  type CompanyRegistry,
  createCompanyRegistry,
  RegistryCompanySchema,
  RegistryQuerySchema,
  RegistryUnavailableError,
  registryQueryFromText,
} from "./company-registry";
import { createKvkHttpRegistry } from "./kvk-http-registry";
import { createOfflineRegistry, DEFAULT_REGISTER_FILE, foldCompanyName } from "./offline-registry";

async function unavailable(promise: Promise<unknown>): Promise<RegistryUnavailableError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RegistryUnavailableError);
  return error as RegistryUnavailableError;
}

describe("createCompanyRegistry", () => {
  it("uses the KvK API when a key is set, the offline register otherwise", () => {
    expect(createCompanyRegistry({}).source).toBe("offline");
    expect(createCompanyRegistry({ KVK_API_KEY: "  " }).source).toBe("offline");
    expect(createCompanyRegistry({ KVK_API_KEY: "k" }).source).toBe("kvk");
    expect(createCompanyRegistry({ KVK_API_URL: "http://127.0.0.1:1", KVK_API_KEY: "k" }).source).toBe("kvk");
  });
});

describe("RegistryQuerySchema", () => {
  it("wants a name, a place or an 8-digit KvK number", () => {
    expect(RegistryQuerySchema.safeParse({}).success).toBe(false);
    expect(RegistryQuerySchema.safeParse({ name: "  ", city: "" }).success).toBe(false);
    expect(RegistryQuerySchema.safeParse({ kvkNumber: "1234567" }).success).toBe(false);
    expect(RegistryQuerySchema.safeParse({ kvkNumber: "123456789" }).success).toBe(false);
    expect(RegistryQuerySchema.safeParse({ kvkNumber: "1234567a" }).success).toBe(false);
    expect(RegistryQuerySchema.safeParse({ name: "x" }).success).toBe(false);
    expect(RegistryQuerySchema.parse({ kvkNumber: "2741 2345" })).toEqual({ kvkNumber: "27412345" });
    expect(RegistryQuerySchema.parse({ name: " Van Vliet ", city: " Delft ", kvkNumber: "" })).toEqual({
      name: "Van Vliet",
      city: "Delft",
    });
    expect(RegistryQuerySchema.parse({ city: "Delft" })).toEqual({ city: "Delft" });
  });

  it("reads one search box as a KvK number or a name", () => {
    expect(registryQueryFromText("27.41.23.45")).toEqual({ kvkNumber: "27412345" });
    expect(registryQueryFromText("van vliet", "Delft")).toEqual({ name: "van vliet", city: "Delft" });
    expect(registryQueryFromText("1234")).toEqual({ name: "1234" });
  });
});

describe("KvK HTTP registry (against the stand-in)", () => {
  let kvk: KvkStandIn;
  let registry: CompanyRegistry;

  beforeAll(async () => {
    kvk = await startKvkStandIn();
    registry = createCompanyRegistry(
      { KVK_API_URL: `${kvk.url}/`, KVK_API_KEY: kvk.apiKey },
      { timeoutMs: 500 },
    );
  });
  afterAll(() => kvk.close());

  it("searches by name and place with the key, page 1 of 20", async () => {
    const results = await registry.search({ name: "van vliet", city: "Delft" });
    const request = kvk.requests.at(-1)!;
    expect(request.path).toBe("/api/v2/zoeken");
    expect(request.apikey).toBe(kvk.apiKey);
    expect(request.query).toEqual({
      naam: "van vliet",
      plaats: "Delft",
      pagina: "1",
      resultatenPerPagina: "20",
    });
    expect(results).toEqual([
      {
        kvkNumber: "27412345",
        name: "Bakkerij Van Vliet B.V.",
        tradeNames: [],
        street: "Voldersgracht",
        houseNumber: "17",
        postcode: "2611 EV",
        city: "Delft",
        kind: "rechtspersoon",
        establishmentNumber: null,
        sbi: [],
        website: null,
      },
      {
        kvkNumber: "27412345",
        name: "Bakkerij Van Vliet",
        tradeNames: [],
        street: "Voldersgracht",
        houseNumber: "17",
        postcode: "2611 EV",
        city: "Delft",
        kind: "hoofdvestiging",
        establishmentNumber: "000027412345",
        sbi: [],
        website: null,
      },
    ]);
    for (const r of results) RegistryCompanySchema.parse(r);
  });

  it("searches by KvK number: legal entity, head office and branches", async () => {
    const results = await registry.search({ kvkNumber: "4123 4567" });
    expect(kvk.requests.at(-1)!.query).toMatchObject({ kvkNummer: "41234567" });
    expect(results.map((r) => [r.kind, r.establishmentNumber, r.city])).toEqual([
      ["rechtspersoon", null, "'s-Gravenhage"],
      ["hoofdvestiging", "000041234567", "'s-Gravenhage"],
      ["nevenvestiging", "000041234575", "Voorburg"],
    ]);
  });

  it("keeps rows without postcode or house number (the real Zoeken often leaves them out)", async () => {
    const [holding] = await registry.search({ kvkNumber: "24654321" });
    expect(holding).toMatchObject({ name: "Verbeek Holding B.V.", kind: "rechtspersoon", city: "Rotterdam" });
    expect(holding!.postcode).toBeNull();
    expect(holding!.houseNumber).toBeNull();
  });

  it("answers an empty list for KvK's 404 IPD5200", async () => {
    expect(await registry.search({ name: "bestaat niet" })).toEqual([]);
    expect(await registry.search({ name: "van vliet", city: "Zwolle" })).toEqual([]);
  });

  it("rejects an invalid query before asking the register", async () => {
    const before = kvk.requests.length;
    await expect(registry.search({ kvkNumber: "123" })).rejects.toBeInstanceOf(z.ZodError);
    await expect(registry.search({})).rejects.toBeInstanceOf(z.ZodError);
    expect(kvk.requests.length).toBe(before);
  });

  it("reads the basisprofiel: trade names, SBI (main first), visiting address, website", async () => {
    const company = await registry.profile("24123456");
    const request = kvk.requests.at(-1)!;
    expect(request.path).toBe("/api/v1/basisprofielen/24123456");
    expect(request.query).toEqual({ geoData: "false" });
    expect(company).toEqual({
      kvkNumber: "24123456",
      name: "Transportbedrijf Verbeek & Zn. B.V.",
      tradeNames: ["Verbeek Logistics"],
      street: "Reeweg",
      houseNumber: "12A-2",
      postcode: "3088 GK",
      city: "Rotterdam",
      kind: "hoofdvestiging",
      establishmentNumber: "000024123456",
      sbi: [
        { code: "4941", description: "Goederenvervoer over de weg (geen verhuizingen)" },
        {
          code: "5229",
          description: "Expediteurs, cargadoors, bevrachters en andere logistieke dienstverlening",
        },
      ],
      website: "https://www.verbeek-transport.nl",
    });

    const bakery = await registry.profile("27412345");
    expect(bakery?.tradeNames).toEqual(["Bakkerij Van Vliet", "Van Vliet Brood & Banket"]);
    expect(bakery?.sbi.map((s) => s.code)).toEqual(["10712", "4724"]);

    const care = await registry.profile("41234567");
    expect(care).toMatchObject({
      name: "Stichting Zorggroep Het Baken",
      tradeNames: ["Zorggroep Het Baken", "Het Baken Thuiszorg"],
      website: "www.zorggroephetbaken.nl",
    });
  });

  it("reads a legal entity without an establishment from the owner's address", async () => {
    expect(await registry.profile("24654321")).toMatchObject({
      name: "Verbeek Holding B.V.",
      kind: "rechtspersoon",
      establishmentNumber: null,
      street: "Postbus",
      houseNumber: "5123",
      postcode: "3008 AC",
      city: "Rotterdam",
      website: null,
    });
  });

  it("answers null for an unknown or invalid KvK number", async () => {
    expect(await registry.profile("12345678")).toBeNull();
    const before = kvk.requests.length;
    expect(await registry.profile("1234")).toBeNull();
    expect(kvk.requests.length).toBe(before);
  });

  it("reports a wrong API key as RegistryUnavailableError", async () => {
    const wrong = createKvkHttpRegistry({ baseUrl: kvk.url, apiKey: "wrong" });
    const error = await unavailable(wrong.search({ name: "van vliet" }));
    expect(error).toMatchObject({ reason: "unauthorized", status: 401 });
    expect(error.message).not.toContain("wrong");
    expect(await unavailable(wrong.profile("27412345"))).toMatchObject({ reason: "unauthorized" });
    kvk.failNext(1, 403);
    expect(await unavailable(registry.search({ name: "van vliet" }))).toMatchObject({
      reason: "unauthorized",
    });
  });

  it("reports 5xx and 429 as RegistryUnavailableError", async () => {
    kvk.failNext(1, 500);
    expect(await unavailable(registry.search({ name: "van vliet" }))).toMatchObject({
      reason: "server_error",
      status: 500,
    });
    kvk.failNext(1, 503);
    expect(await unavailable(registry.profile("27412345"))).toMatchObject({
      reason: "server_error",
      status: 503,
    });
    kvk.failNext(1, 429);
    expect(await unavailable(registry.search({ name: "van vliet" }))).toMatchObject({
      reason: "rate_limited",
    });
    // The next request is answered normally again.
    expect(await registry.search({ name: "van vliet", city: "Delft" })).toHaveLength(2);
  });

  it("reports a register that does not answer in time", async () => {
    kvk.stallNext(1, 2_000);
    const started = Date.now();
    expect(await unavailable(registry.search({ name: "van vliet" }))).toMatchObject({ reason: "timeout" });
    expect(Date.now() - started).toBeLessThan(1_900);
  });

  it("passes the caller's cancellation on as is", async () => {
    kvk.stallNext(1, 1_000);
    const controller = new AbortController();
    const pending = registry.search({ name: "van vliet" }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await pending.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(RegistryUnavailableError);
    expect((error as Error).name).toBe("AbortError");
  });

  it("reports answers that are not JSON or not in KvK's shape", async () => {
    kvk.malformedNext("html");
    expect(await unavailable(registry.search({ name: "van vliet" }))).toMatchObject({
      reason: "invalid_response",
    });
    kvk.malformedNext("wrong-shape");
    expect(await unavailable(registry.search({ name: "van vliet" }))).toMatchObject({
      reason: "invalid_response",
    });
    kvk.malformedNext("wrong-shape");
    expect(await unavailable(registry.profile("27412345"))).toMatchObject({ reason: "invalid_response" });
  });

  it("reports an unexpected 404 (a wrong KVK_API_URL)", async () => {
    const misconfigured = createKvkHttpRegistry({ baseUrl: `${kvk.url}/elders`, apiKey: kvk.apiKey });
    expect(await unavailable(misconfigured.search({ name: "van vliet" }))).toMatchObject({
      reason: "unexpected_status",
      status: 404,
    });
  });

  it("reports a register that is down", async () => {
    const gone = await startKvkStandIn();
    await gone.close();
    const down = createKvkHttpRegistry({ baseUrl: gone.url, apiKey: gone.apiKey, timeoutMs: 2_000 });
    expect(await unavailable(down.search({ name: "van vliet" }))).toMatchObject({ reason: "network" });
    expect(await unavailable(down.profile("27412345"))).toMatchObject({ reason: "network" });
  });
});

describe("offline registry", () => {
  const registry = createOfflineRegistry();

  it("finds Bakkerij Van Vliet by name and place", async () => {
    const results = await registry.search({ name: "van vliet", city: "delft" });
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.city === "Delft")).toBe(true);
    expect(results.find((r) => r.kvkNumber === "27412345")).toMatchObject({
      name: "Bakkerij Van Vliet B.V.",
      kind: "hoofdvestiging",
      postcode: expect.stringMatching(/^26\d\d [A-Z]{2}$/),
    });
  });

  it("ranks the best match first and leaves out the legal form", async () => {
    const [best] = await registry.search({ name: "bakkerij van vliet bv" });
    expect(best?.name).toBe("Bakkerij Van Vliet B.V.");
    const [exact] = await registry.search({ name: "Kwekerij Zonnegloed B.V.", city: "Naaldwijk" });
    expect(exact).toMatchObject({ kvkNumber: "27456789", city: "Naaldwijk" });
    // Trade names count, and the words may come in any order.
    expect((await registry.search({ name: "zonnegloed tomaten" }))[0]?.kvkNumber).toBe("27456789");
    expect((await registry.search({ name: "vliet bakkerij" })).map((r) => r.kvkNumber)).toContain("27412345");
  });

  it("is accent- and case-insensitive", async () => {
    const plain = await registry.search({ name: "eetcafe" });
    const accented = await registry.search({ name: "EETCAFÉ" });
    expect(plain.length).toBeGreaterThan(0);
    expect(accented).toEqual(plain);
    expect(
      plain.every((r) => [r.name, ...r.tradeNames].some((n) => foldCompanyName(n).includes("eetcafe"))),
    ).toBe(true);
    expect(foldCompanyName("Yılmaz Orchideeën B.V.")).toBe("yilmaz orchideeen bv");
  });

  it("matches the place by alias and by municipality", async () => {
    const denHaag = await registry.search({ city: "Den Haag" });
    expect(denHaag.length).toBe(20);
    expect(await registry.search({ city: "'s-Gravenhage" })).toEqual(denHaag);
    const westland = await registry.search({ name: "zonnegloed", city: "Westland" });
    expect(westland.map((r) => r.kvkNumber)).toEqual(["27456789"]);
  });

  it("finds a KvK number exactly, head office before branches", async () => {
    const results = await registry.search({ kvkNumber: "27412345" });
    expect(results.map((r) => [r.kind, r.city])).toEqual([
      ["hoofdvestiging", "Delft"],
      ["nevenvestiging", "Rijswijk"],
    ]);
    expect(await registry.search({ kvkNumber: "27412346" })).toEqual([]);
    expect(await registry.search({ kvkNumber: "27412345", city: "Rijswijk" })).toHaveLength(1);
    await expect(registry.search({ kvkNumber: "2741234" })).rejects.toBeInstanceOf(z.ZodError);
  });

  it("gives at most 20 results, nothing for no match", async () => {
    expect((await registry.search({ name: "transport" })).length).toBe(20);
    expect(await registry.search({ name: "qqxqq" })).toEqual([]);
  });

  it("gives the profile of the head office", async () => {
    expect(await registry.profile("27412345")).toMatchObject({
      name: "Bakkerij Van Vliet B.V.",
      kind: "hoofdvestiging",
      city: "Delft",
      tradeNames: ["Bakkerij Van Vliet", "Van Vliet Brood & Banket"],
      sbi: [{ code: "10712" }, { code: "4724" }],
    });
    expect(await registry.profile("2741 2345")).toMatchObject({ kvkNumber: "27412345" });
    expect(await registry.profile("00000000")).toBeNull();
    expect(await registry.profile("abc")).toBeNull();
  });
});

describe("data/reference/company-register.json", () => {
  const rows = z.array(RegistryCompanySchema).parse(JSON.parse(readFileSync(DEFAULT_REGISTER_FILE, "utf8")));
  const demo = readFileSync(new URL("../../../../src/server/seed/demo.ts", import.meta.url), "utf8");

  it("passes the schema, with complete addresses, about 3,000 companies", () => {
    const companies = new Set(rows.map((r) => r.kvkNumber));
    expect(companies.size).toBeGreaterThanOrEqual(2_500);
    for (const r of rows) {
      expect(r.street && r.houseNumber && r.postcode && r.city, r.name).toBeTruthy();
      expect(r.sbi.length, r.name).toBeGreaterThan(0);
    }
  });

  it("has one head office or legal entity per KvK number, unique establishment numbers", () => {
    const heads = rows.filter((r) => r.kind !== "nevenvestiging").map((r) => r.kvkNumber);
    expect(new Set(heads).size).toBe(heads.length);
    expect(new Set(heads)).toEqual(new Set(rows.map((r) => r.kvkNumber)));
    const establishments = rows.flatMap((r) => (r.establishmentNumber ? [r.establishmentNumber] : []));
    expect(new Set(establishments).size).toBe(establishments.length);
    expect(rows.some((r) => r.kind === "nevenvestiging")).toBe(true);
    expect(rows.some((r) => r.tradeNames.length >= 2)).toBe(true);
  });

  it("does not reuse the demo organisations' KvK numbers", () => {
    const demoNumbers = [...demo.matchAll(/kvk:\s*"(\d{8})"/g)].map((m) => m[1]);
    expect(demoNumbers.length).toBeGreaterThan(0);
    const numbers = new Set(rows.map((r) => r.kvkNumber));
    for (const n of demoNumbers) expect(numbers.has(n!), n).toBe(false);
  });
});
