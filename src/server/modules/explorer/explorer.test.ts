import { and, eq, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import type {
  ExplorerSearchRequest,
  ExplorerSearchResponse,
  RecogniseResponse,
  SuggestResponse,
  VacancyMatchesResponse,
  VacancySearchResponse,
} from "../../../contracts/explorer";
import { queryRows } from "../../platform/db";
import { candidates } from "../candidates/candidates.schema";
import { organisations } from "../tenancy/tenancy.schema";
import { vacancies } from "../vacancies/vacancies.schema";
import { distanceSquared, geoClause } from "./search-index";

const teams = alias(organisations, "teams");

const DEN_HAAG = "nl-gm0518";
const EN = { "accept-language": "en" };

describe.each(testDbKinds())("candidate explorer on %s", (kind) => {
  let server: TestServer;
  let manager: Client;
  let candidate: Client;

  const search = async (body: ExplorerSearchRequest, client = manager) => {
    const res = await client.call("/api/v1/explorer/search", { body });
    expect(res.status, res.text).toBe(200);
    return res.json<ExplorerSearchResponse>();
  };
  const facet = (r: ExplorerSearchResponse, category: string, id: string) =>
    r.facets.find((f) => f.category === category)?.options.find((o) => o.id === id)?.count ?? 0;

  beforeAll(async () => {
    server = await startTestServer({ kind, web: false });
    await server.app.explorerIndex?.ready;
    const host = `haaglanden.localhost:${server.port}`;
    manager = new Client(server, host);
    candidate = new Client(server, host);
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    await signIn(candidate, "kandidaat@demo.werkbrug.test");
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it("recognises every kind of suggestion, in Dutch and English", async () => {
    const cases: [string, string, string][] = [
      ["chauffeur vrachtwagen", "occupation", "8332.2"],
      ["truckchauffeur", "occupation", "8332.2"],
      ["rijbewijs CE", "licence", "CE"],
      ["Duits", "language", "de"],
      ["mbo 4", "education", "mbo-4"],
      ["elementair", "level", "elementair"],
      ["tillen", "capacity", "tillen"],
      ["garantiebaan", "targetGroup", "garantiebaan"],
      ["BHV", "certificate", "bhv"],
      ["voltijd", "hours", "fulltime"],
      ["deeltijd", "hours", "parttime"],
      ["aanpakken", "workType", "aanpakken"],
      ["Vuilnisophalers", "occupationGroup", "96"],
    ];
    for (const [q, kindOf, id] of cases) {
      const res = await manager.call(`/api/v1/explorer/suggest?q=${encodeURIComponent(q)}`);
      expect(res.status, res.text).toBe(200);
      const first = res.json<SuggestResponse>().suggestions[0];
      expect(first, q).toMatchObject({ kind: kindOf, id });
    }
    const en = (
      await manager.call("/api/v1/explorer/suggest?q=German", { headers: EN })
    ).json<SuggestResponse>();
    expect(en.suggestions[0]).toMatchObject({ kind: "language", id: "de", label: "German" });
  });

  it("finds truck drivers around Den Haag, best match first, and says why", async () => {
    const r = await search({
      chips: [{ kind: "occupation", id: "8332.2" }],
      placeId: DEN_HAAG,
      radiusKm: 50,
    });
    expect(r.total).toBeGreaterThan(0);
    expect(r.place).toEqual({ id: DEN_HAAG, name: "Den Haag" });
    const tiers = r.hits.map((h) => ({ exact: 3, related: 2, text: 1 })[h.explanation.occupation!.match]);
    expect([...tiers].sort((a, b) => b - a)).toEqual(tiers);
    const first = r.hits[0]!;
    expect(first.explanation.occupation).toMatchObject({ id: "8332.2", label: "vrachtwagenchauffeur" });
    expect(first.explanation.distanceKm).toBeLessThanOrEqual(50);
    expect(first.reason).toMatch(/^(Beroep: vrachtwagenchauffeur|Verwant beroep van vrachtwagenchauffeur)/);
    expect(first.reason).toContain("km");
    // Every hit lies within the radius, by the same distance the explanation shows.
    for (const hit of r.hits) expect(hit.explanation.distanceKm!).toBeLessThanOrEqual(50);
    const en = (
      await manager.call("/api/v1/explorer/search", {
        headers: EN,
        body: { chips: [{ kind: "occupation", id: "8332.2" }], placeId: DEN_HAAG, radiusKm: 50 },
      })
    ).json<ExplorerSearchResponse>();
    expect(en.hits[0]!.reason).toMatch(/^(Occupation: cargo vehicle driver|Related to cargo vehicle driver)/);
    expect(en.facets.find((f) => f.category === "licence")!.label).toBe("Driving licence");
  });

  it("ORs the options inside a category, ANDs categories, and counts each option as choosing it would", async () => {
    const all = await search({});
    const b = facet(all, "licence", "B");
    const ce = facet(all, "licence", "CE");
    const bOrCe = await search({ filters: { licence: ["B", "CE"] } });
    const onlyB = await search({ filters: { licence: ["B"] } });
    const onlyCe = await search({ filters: { licence: ["CE"] } });
    expect(onlyB.total).toBe(b);
    expect(onlyCe.total).toBe(ce);
    expect(bOrCe.total).toBeGreaterThanOrEqual(Math.max(b, ce));
    expect(bOrCe.total).toBeLessThanOrEqual(b + ce);
    // Disjunctive: inside the licence category the counts do not shrink when B is chosen.
    expect(facet(onlyB, "licence", "CE")).toBe(ce);
    // AND across: licence B and language German.
    const german = facet(onlyB, "language", "de");
    const both = await search({ filters: { licence: ["B"], language: ["de"] } });
    expect(both.total).toBe(german);
    expect(both.activeFilterCount).toBe(2);
    expect(facet(both, "licence", "CE")).toBe(
      (await search({ filters: { licence: ["CE"], language: ["de"] } })).total,
    );
    // Every option of a category, chosen alone on top of the others, gives its count.
    for (const option of both.facets.find((f) => f.category === "transport")!.options.slice(0, 4)) {
      const chosen = await search({ filters: { licence: ["B"], language: ["de"], transport: [option.id] } });
      expect(chosen.total, option.id).toBe(option.count);
    }
    // Last change: the counts are cumulative and equal the filtered totals.
    const year = facet(all, "updated", "year");
    expect((await search({ filters: { updated: ["year"] } })).total).toBe(year);
    // A chip filters like the option of its category.
    const chip = await search({ chips: [{ kind: "licence", id: "CE" }] });
    expect(chip.total).toBe(ce);
  });

  it("keeps the radius edge: in at the distance, out just past it", async () => {
    const places = await queryRows<{ candidate_id: string; lat: number; lon: number }>(
      server.database.db,
      sql`SELECT candidate_id, lat, lon FROM candidate_search
          WHERE lat IS NOT NULL AND terms @> ARRAY['p:*'] ORDER BY row_no LIMIT 200`,
    );
    const geo = geoClause(52.07667, 4.29861, null);
    const within = (km: number) => places.filter((p) => distanceSquared(geo, p.lat, p.lon) <= km * km).length;
    for (const radiusKm of [5, 10, 25] as const) {
      const r = await search({ placeId: DEN_HAAG, radiusKm, page: 1 });
      const d = r.hits.map((h) => h.explanation.distanceKm ?? Number.POSITIVE_INFINITY);
      expect(Math.max(...d)).toBeLessThanOrEqual(radiusKm);
      expect(within(radiusKm)).toBeLessThanOrEqual(r.total);
    }
    // A candidate moved to exactly 10 km east of Den Haag's centre is in at 10 km, out at 5.
    const [target] = places;
    const kx = geo.kx;
    await server.database.db
      .update(candidates)
      .set({ lat: 52.07667, lon: 4.29861 + 9.999 / kx, city: "Rand" })
      .where(eq(candidates.id, target!.candidate_id));
    await server.app.explorerIndex?.refresh();
    const ids = async (radiusKm: 5 | 10) => {
      const pages: string[] = [];
      for (let page = 1; ; page++) {
        const r = await search({ placeId: DEN_HAAG, radiusKm, page });
        pages.push(...r.hits.map((h) => h.id));
        if (page >= r.pageCount) break;
      }
      return pages;
    };
    expect(await ids(10)).toContain(target!.candidate_id);
    expect(await ids(5)).not.toContain(target!.candidate_id);
  });

  it("finds full-text words with Dutch stemming and without accents", async () => {
    const [row] = (await search({})).hits;
    await server.database.db
      .update(candidates)
      .set({ summary: "Ik heb jarenlang gewerkt als café-medewerker en barista." })
      .where(eq(candidates.id, row!.id));
    await server.app.explorerIndex?.refresh();
    const r = await search({ q: "Café barista" });
    expect(r.hits.map((h) => h.id)).toContain(row!.id);
    expect(r.hits.find((h) => h.id === row!.id)!.reason).toContain("woorden: Café, barista");
    const none = await search({ q: "xylofoonstemmer" });
    expect(none.total).toBe(0);
    expect(none.message).toBe("Geen kandidaten gevonden. Haal een filter weg of zoek in een grotere straal.");
  });

  it("explorer Enter with a typed sentence: the recognised parts become chips, the rest free text", async () => {
    // A welder who speaks German, drives a truck and works full time.
    const [row] = (await search({})).hits;
    await server.database.db
      .update(candidates)
      .set({
        desiredOccupationIds: ["7212.3"],
        languages: [{ code: "de", level: "good" }],
        drivingLicences: ["B", "C"],
        hoursMin: 36,
        hoursMax: 40,
      })
      .where(eq(candidates.id, row!.id));
    await server.app.explorerIndex?.refresh();

    const sentence = "lasser Duits rijbewijs C fulltime Westland";
    const res = await manager.call(`/api/v1/explorer/recognise?q=${encodeURIComponent(sentence)}`);
    expect(res.status, res.text).toBe(200);
    const split = res.json<RecogniseResponse>();
    expect(split.chips).toEqual([
      { kind: "occupation", id: "7212.3", label: "lasser", matched: "lasser" },
      { kind: "language", id: "de", label: "Duits", matched: "Duits" },
      { kind: "licence", id: "C", label: "Rijbewijs C", matched: "rijbewijs C" },
      { kind: "hours", id: "fulltime", label: "Voltijd (min. 32 uur)", matched: "fulltime" },
    ]);
    expect(split.text).toBe("Westland");

    // The whole sentence as free text finds nobody (what Enter did before); the split finds them.
    const asText = await search({ q: sentence });
    expect(asText.hits.map((h) => h.id)).not.toContain(row!.id);
    const chips = split.chips.map(({ kind, id }) => ({ kind, id }));
    const found = await search({ chips });
    expect(found.hits[0]!.id).toBe(row!.id);
    expect(found.hits[0]!.explanation.occupation).toMatchObject({ id: "7212.3", match: "exact" });
    // Each chip of a filter kind counts as an active filter (the occupation steers the ranking);
    // a chip and the same ticked option count once.
    expect(found.activeFilterCount).toBe(3);
    expect((await search({ chips, filters: { licence: ["C"] } })).activeFilterCount).toBe(3);
    // The rest is searched as text: this candidate has no "Westland" in their profile.
    expect((await search({ chips, q: split.text })).hits.map((h) => h.id)).not.toContain(row!.id);

    // In English, with English names; a single letter alone stays text.
    const en = (
      await manager.call(`/api/v1/explorer/recognise?q=${encodeURIComponent("welder German C")}`, {
        headers: EN,
      })
    ).json<RecogniseResponse>();
    expect(en.chips.map((c) => c.label)).toEqual(["welder", "German"]);
    expect(en.text).toBe("C");

    // Too long is refused, and only staff may ask.
    expect((await manager.call(`/api/v1/explorer/recognise?q=${"a".repeat(10_000)}`)).status).toBe(400);
    expect((await candidate.call("/api/v1/explorer/recognise?q=lasser")).status).toBe(403);
    const visitor = new Client(server, `haaglanden.localhost:${server.port}`);
    expect((await visitor.call("/api/v1/explorer/recognise?q=lasser")).status).toBe(401);
  });

  it("shows only candidates who opted in to this portal, to staff at home there", async () => {
    const [kim] = await server.database.db
      .select()
      .from(candidates)
      .where(eq(candidates.userId, "demo-kandidaat"));
    const set = async (visible: boolean) => {
      const res = await candidate.call("/api/v1/candidates/me/visibility", {
        method: "PUT",
        body: { portal: "haaglanden", visible },
      });
      expect(res.status, res.text).toBe(200);
      await server.app.explorerIndex?.refresh();
    };
    await server.database.db
      .update(candidates)
      .set({ summary: "Ik ben zeppelinbouwer geweest." })
      .where(eq(candidates.id, kim!.id));
    const find = async () => {
      const r = await search({ q: "zeppelinbouwer" });
      return r.hits.some((h) => h.id === kim!.id);
    };
    await set(true);
    expect(await find()).toBe(true);
    await set(false);
    expect(await find()).toBe(false);
    // A candidate is not staff; visitors are asked to sign in.
    expect((await candidate.call("/api/v1/explorer/search", { body: {} })).status).toBe(403);
    expect(
      (
        await new Client(server, `haaglanden.localhost:${server.port}`).call("/api/v1/explorer/search", {
          body: {},
        })
      ).status,
    ).toBe(401);
    // Staff of Den Haag have no access to Rijnmond's candidates.
    const elsewhere = new Client(server, `rijnmond.localhost:${server.port}`);
    await signIn(elsewhere, "accountmanager@demo.werkbrug.test");
    const res = await elsewhere.call("/api/v1/explorer/search", { body: {} });
    expect(res.status).toBe(403);
  });

  it("refuses what it cannot mean with a clear message, and never a slow or failing query", async () => {
    const bad = async (body: unknown, path: string, message: RegExp) => {
      const res = await manager.call("/api/v1/explorer/search", { body });
      expect(res.status, res.text).toBe(400);
      const fields = res.json<{ error: { fields: { path: string; message: string }[] } }>().error.fields;
      expect(fields.find((f) => f.path === path)?.message, JSON.stringify(fields)).toMatch(message);
    };
    await bad(
      { chips: [{ kind: "occupation", id: "9999.9" }] },
      "chips.0.id",
      /Deze zoekterm kennen we niet/,
    );
    await bad({ radiusKm: 25 }, "radiusKm", /Kies eerst een plaats/);
    await bad({ placeId: "nl-nergens" }, "placeId", /Deze plaats kennen we niet/);
    await bad({ placeId: DEN_HAAG, radiusKm: 7 }, "radiusKm", /5, 10, 25, 50 of 100/);
    await bad({ filters: { licence: ["Z"] } }, "filters.licence.0", /Dit filter kennen we niet/);
    await bad({ q: "x".repeat(10_000) }, "q", /.+/);
    await bad({ q: "een twee drie vier vijf zes zeven acht negen tien elf" }, "q", /hoogstens 8 woorden/);
    await bad({ page: 101 }, "page", /Zo ver bladeren kan niet/);
    const longSuggest = await manager.call(`/api/v1/explorer/suggest?q=${"a".repeat(10_000)}`);
    expect(longSuggest.status).toBe(400);
    const beyond = await search({ page: 99 });
    expect(beyond.hits).toEqual([]);
    expect(beyond.message).toMatch(/^Deze pagina bestaat niet: er zijn \d+ pagina's\.$/);
  });

  it("starts a search from a vacancy and lists the vacancies that fit a candidate", async () => {
    // A vacancy of an employer the manager's team (Gemeente Den Haag) keeps, and one it does not.
    const ofTeam = (mine: boolean) =>
      server.database.db
        .select({ vacancy: vacancies })
        .from(vacancies)
        .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
        .innerJoin(teams, eq(teams.id, organisations.managedByOrganisationId))
        .where(
          and(
            sql`${vacancies.occupationId} IS NOT NULL`,
            mine ? eq(teams.name, "Gemeente Den Haag") : ne(teams.name, "Gemeente Den Haag"),
          ),
        )
        .limit(1)
        .then((rows) => rows[0]?.vacancy);
    const [vacancy, elsewhere] = await Promise.all([ofTeam(true), ofTeam(false)]);
    expect(elsewhere, "a vacancy of another team's employer").toBeDefined();
    const refused = await manager.call(`/api/v1/explorer/from-vacancy/${elsewhere!.id}`);
    expect(refused.status, "another team's vacancy is unknown to the manager").toBe(404);
    const res = await manager.call(`/api/v1/explorer/from-vacancy/${vacancy!.id}`);
    expect(res.status, res.text).toBe(200);
    const prefill = res.json<VacancySearchResponse>();
    expect(prefill.chips[0]).toMatchObject({ kind: "occupation", id: vacancy!.occupationId });
    expect(prefill.placeId).toBe(vacancy!.placeId);
    expect(prefill.radiusKm).toBe(vacancy!.placeId ? 25 : null);
    const r = await search({
      chips: prefill.chips.map(({ kind, id }) => ({ kind, id })),
      ...(prefill.placeId ? { placeId: prefill.placeId, radiusKm: 25 } : {}),
    });
    expect(r.hits.every((h) => h.explanation.occupation !== null)).toBe(true);

    const [someone] = (await search({})).hits;
    const fits = await manager.call(`/api/v1/explorer/candidates/${someone!.id}/vacancies`);
    expect(fits.status, fits.text).toBe(200);
    expect(Array.isArray(fits.json<VacancyMatchesResponse>().vacancies)).toBe(true);
    expect(
      (await manager.call("/api/v1/explorer/candidates/00000000-0000-4000-8000-000000000000/vacancies"))
        .status,
    ).toBe(404);
  });

  it("is documented in the OpenAPI document", async () => {
    const doc = (await manager.call("/api/openapi.json")).json<{ paths: Record<string, unknown> }>();
    for (const path of [
      "/api/v1/explorer/suggest",
      "/api/v1/explorer/recognise",
      "/api/v1/explorer/search",
      "/api/v1/explorer/from-vacancy/{vacancyId}",
      "/api/v1/explorer/candidates/{id}/vacancies",
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
