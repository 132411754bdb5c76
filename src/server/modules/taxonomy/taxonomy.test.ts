import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request, startTestServer, type TestServer } from "../../../../test/support/server";
import type { ErrorResponse } from "../../../contracts/common";

describe("reference data over HTTP", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ web: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("finds places accent- and case-insensitively", async () => {
    const res = await request(server, "/api/v1/reference/places?q=liege");
    const names = res.json<{ places: { name: string; country: string }[] }>().places.map((p) => p.name);
    expect(names[0]).toBe("Luik");
    const haag = await request(server, "/api/v1/reference/places?q=%27s-gravenhage&country=NL");
    expect(haag.json<{ places: { name: string }[] }>().places[0]?.name).toBe("Den Haag");
  });

  it("finds occupations by Dutch word and shows what matched", async () => {
    const res = await request(server, "/api/v1/reference/occupations?q=heftruck");
    const hits = res.json<{ occupations: { occupation: { label: { nl: string } }; matched: string }[] }>()
      .occupations;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.matched.toLowerCase()).toContain("heftruck");
  });

  it("returns an occupation with related ones, and 404 for an unknown id", async () => {
    const search = await request(server, "/api/v1/reference/occupations?q=verpleegkundige&limit=1");
    const id = search.json<{ occupations: { occupation: { id: string } }[] }>().occupations[0]!.occupation.id;
    const detail = await request(server, `/api/v1/reference/occupations/${encodeURIComponent(id)}`);
    expect(detail.status).toBe(200);
    expect(detail.json<{ related: unknown[] }>().related.length).toBeGreaterThan(0);
    const missing = await request(server, "/api/v1/reference/occupations/0000.0", {
      headers: { "accept-language": "en" },
    });
    expect(missing.status).toBe(404);
    expect(missing.json<ErrorResponse>().error.message).toBe("This page or item does not exist.");
  });

  it("serves the small lists for profiles and filters", async () => {
    const res = await request(server, "/api/v1/reference/lists");
    const lists = res.json<Record<string, { id: string }[]>>();
    expect(lists.drivingLicences!.map((l) => l.id)).toEqual([
      "AM",
      "A1",
      "A2",
      "A",
      "B",
      "BE",
      "C1",
      "C1E",
      "C",
      "CE",
      "D1",
      "D1E",
      "D",
      "DE",
      "T",
    ]);
    expect(lists.workTypes!.map((w) => w.id)).toEqual([
      "aanpakken",
      "helpen",
      "maken",
      "verkopen",
      "vervoeren",
    ]);
    for (const key of [
      "educationLevels",
      "workLevels",
      "languages",
      "certificates",
      "physicalCapacities",
      "targetGroups",
      "transportModes",
      "dayparts",
    ]) {
      expect(lists[key]!.length, key).toBeGreaterThan(3);
    }
  });

  it("rejects an empty search with a message", async () => {
    const res = await request(server, "/api/v1/reference/places?q=");
    expect(res.status).toBe(400);
    expect(res.json<ErrorResponse>().error.fields?.[0]?.path).toBe("querystring.q");
  });
});
