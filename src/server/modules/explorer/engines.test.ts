import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { portalScopeFor } from "../../../../test/support/scopes";
import { openTestDatabase } from "../../../../test/support/server";
import { FILTER_CATEGORIES } from "../../../contracts/explorer";
import { type Database, queryRows } from "../../platform/db";
import { createEventBus } from "../../platform/events";
import { createStore, type Store } from "../../platform/store";
import { systemScope } from "../../platform/system-scope";
import { insertCandidates } from "../../seed/bulk";
import { DEMO_SEED, portalsForSeeding } from "../../seed/demo";
import { createRng, Random } from "../../seed/generate";
import { candidates } from "../candidates/candidates.schema";
import { createMemorySearchIndex, type MemorySearchIndex } from "./memory-index";
import { categoryOptions, TERM_PREFIX, UPDATED } from "./recognise";
import {
  type FacetSpec,
  type FilterClause,
  geoClause,
  type IndexQuery,
  type IndexResult,
  type SearchScope,
} from "./search-index";
import { createSqlSearchIndex } from "./sql-index";

const NOW_SEC = Math.floor(Date.now() / 1000);

function facetSpecs(): FacetSpec[] {
  const options = categoryOptions();
  return FILTER_CATEGORIES.map((category) => ({
    category,
    options:
      category === "updated"
        ? UPDATED.map((o) => ({ id: o.id, minUpdatedSec: NOW_SEC - o.days * 86_400 }))
        : options[category].map((o) => ({ id: o.id, term: `${TERM_PREFIX[category]}${o.id}` })),
  }));
}

const nonZero = (facets: IndexResult["facets"]) =>
  Object.fromEntries(
    Object.entries(facets)
      .map(([c, counts]) => [c, Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0))] as const)
      .filter(([, counts]) => Object.keys(counts).length > 0),
  );

describe.each(testDbKinds())("the in-memory and SQL engines agree on %s", (kind) => {
  let database: Database;
  let store: Store;
  let memory: MemorySearchIndex;
  /** The scope of each portal term the documents carry ("p:*": the whole platform). */
  const scopes = new Map<string, SearchScope>();
  let vocabulary: {
    words: string[];
    occupations: string[];
    portals: string[];
    places: { lat: number; lon: number }[];
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    store = createStore(database.db, createEventBus(database.db));
    memory = createMemorySearchIndex({ store, scope: systemScope("test") }, { pollMs: 0 });
    await memory.ready;
    const terms = await queryRows<{ term: string; n: number }>(
      database.db,
      sql`SELECT t AS term, count(*)::int AS n FROM candidate_search, unnest(terms) t GROUP BY t`,
    );
    const places = await queryRows<{ lat: number; lon: number }>(
      database.db,
      sql`SELECT lat, lon FROM candidate_search WHERE lat IS NOT NULL ORDER BY row_no LIMIT 300`,
    );
    vocabulary = {
      words: terms
        .filter((t) => t.term.startsWith("w:") && t.n >= 3)
        .map((t) => t.term.slice(2))
        .sort(),
      occupations: terms
        .filter((t) => t.term.startsWith("occ:"))
        .map((t) => t.term.slice(4))
        .sort(),
      portals: terms
        .filter((t) => t.term.startsWith("p:"))
        .map((t) => t.term)
        .sort(),
      places,
    };
    for (const term of vocabulary.portals) {
      scopes.set(
        term,
        term === "p:*" ? systemScope("test") : await portalScopeFor(database.db, term.slice("p:".length)),
      );
    }
  }, 120_000);

  afterAll(async () => {
    await memory?.close();
    await database?.close();
  });

  function randomQuery(r: Random): { scope: SearchScope; query: IndexQuery } {
    const options = categoryOptions();
    const words = r.chance(0.4)
      ? Array.from({ length: r.chance(0.8) ? 1 : 2 }, () => r.pick(vocabulary.words))
      : [];
    const occupationIds = r.chance(0.3)
      ? Array.from({ length: 1 + r.int(0, 1) }, () => r.pick(vocabulary.occupations))
      : [];
    const filters: FilterClause[] = [];
    const categories = [...FILTER_CATEGORIES].sort(() => r.next() - 0.5).slice(0, r.int(0, 2));
    for (const category of categories) {
      if (category === "updated") {
        filters.push({ category, minUpdatedSec: NOW_SEC - r.pick(UPDATED).days * 86_400 });
      } else {
        const ids = Array.from({ length: 1 + r.int(0, 2) }, () => r.pick(options[category]).id);
        filters.push({ category, terms: [...new Set(ids)].map((id) => `${TERM_PREFIX[category]}${id}`) });
      }
    }
    const place = r.chance(0.6) ? r.pick(vocabulary.places) : null;
    const radius = r.pick([5, 10, 25, 50, 100, null] as const);
    const scope = scopes.get(r.pick(vocabulary.portals))!;
    const query: IndexQuery = {
      words: [...new Set(words)],
      occupation:
        occupationIds.length > 0
          ? {
              exact: occupationIds.map((o) => `occ:${o}`),
              related: occupationIds.map((o) => `unit:${o.split(".")[0]}`),
              groups: r.chance(0.3) ? [`grp:${occupationIds[0]!.slice(0, 2)}`] : [],
              labels: r.chance(0.5) ? [[`w:${r.pick(vocabulary.words)}`]] : [],
            }
          : null,
      geo: place ? geoClause(place.lat, place.lon, radius) : null,
      filters,
      facets: facetSpecs(),
      offset: r.chance(0.2) ? 20 * r.int(0, 2) : 0,
      limit: 20,
    };
    return { scope, query };
  }

  it("returns the same hits, in the same order, with the same counts for 120 random queries", async () => {
    const sqlIndex = createSqlSearchIndex(store);
    const r = new Random(createRng(20261206));
    let nonEmpty = 0;
    for (let i = 0; i < 120; i++) {
      const { scope, query } = randomQuery(r);
      const [a, b] = [await sqlIndex.search(scope, query), await memory.search(scope, query)];
      const label = `query ${i}: ${JSON.stringify({ scope, ...query, facets: undefined })}`;
      expect(b.total, label).toBe(a.total);
      expect(b.ids, label).toEqual(a.ids);
      expect(nonZero(b.facets), label).toEqual(nonZero(a.facets));
      if (a.total > 0) nonEmpty++;
    }
    // The mix must mostly find something, or it proves little.
    expect(nonEmpty).toBeGreaterThan(60);
  }, 240_000);

  it("still agrees after the index has grown past its first size", async () => {
    const sqlIndex = createSqlSearchIndex(store);
    await insertCandidates(database.db, {
      count: 600,
      seed: DEMO_SEED,
      startIndex: 900_000,
      portals: await portalsForSeeding(database.db),
    });
    expect(await memory.refresh()).toBeGreaterThan(500);
    const r = new Random(createRng(7));
    for (let i = 0; i < 30; i++) {
      const { scope, query } = randomQuery(r);
      const [a, b] = [await sqlIndex.search(scope, query), await memory.search(scope, query)];
      expect(b.total, `query ${i}`).toBe(a.total);
      expect(b.ids, `query ${i}`).toEqual(a.ids);
      expect(nonZero(b.facets), `query ${i}`).toEqual(nonZero(a.facets));
    }
  }, 120_000);

  it("follows changes: an edited, hidden and deleted candidate, after one poll of the change feed", async () => {
    const sqlIndex = createSqlSearchIndex(store);
    const everywhere = systemScope("test");
    const [row] = await database.db.select().from(candidates).where(eq(candidates.visible, true)).limit(1);
    const query: IndexQuery = {
      words: ["zeppelinbouwer"],
      occupation: null,
      geo: null,
      filters: [],
      facets: [],
      offset: 0,
      limit: 20,
    };
    await database.db
      .update(candidates)
      .set({ summary: "Ik ben zeppelinbouwer." })
      .where(eq(candidates.id, row!.id));
    expect((await sqlIndex.search(everywhere, query)).ids).toEqual([row!.id]);
    expect((await memory.search(everywhere, query)).ids).toEqual([]);
    expect(await memory.refresh()).toBeGreaterThan(0);
    expect((await memory.search(everywhere, query)).ids).toEqual([row!.id]);
    await database.db.update(candidates).set({ visible: false }).where(eq(candidates.id, row!.id));
    await memory.refresh();
    expect((await memory.search(everywhere, query)).ids).toEqual([]);
    expect((await sqlIndex.search(everywhere, query)).ids).toEqual([]);
  });
});

describe("search documents", () => {
  it("know every physical capacity of the reference data (the migration lists them)", async () => {
    const { readFile } = await import("node:fs/promises");
    const { getPhysicalCapacities } = await import("../taxonomy");
    const migration = await readFile("db/migrations/0016_explorer_search.sql", "utf8");
    const listed = /unnest\(ARRAY\[([^\]]+)\]\) x\s+WHERE NOT x = ANY \(c\.physical_limitations\)/.exec(
      migration,
    )?.[1];
    expect(listed?.split(",").map((s) => s.trim().replace(/'/g, ""))).toEqual(
      getPhysicalCapacities().map((c) => c.id),
    );
  });
});
