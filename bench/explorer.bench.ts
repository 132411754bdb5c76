import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { FILTER_CATEGORIES, type FilterCategory } from "../src/contracts/explorer";
import { stemmingRepository } from "../src/server/modules/explorer/explorer.repository";
import { createMemorySearchIndex, type MemorySearchIndex } from "../src/server/modules/explorer/memory-index";
import { categoryOptions, TERM_PREFIX, UPDATED } from "../src/server/modules/explorer/recognise";
import {
  type FacetSpec,
  type FilterClause,
  geoClause,
  type IndexQuery,
  type IndexResult,
  type OccupationClause,
  type SearchIndex,
} from "../src/server/modules/explorer/search-index";
import { createSqlSearchIndex } from "../src/server/modules/explorer/sql-index";
import { getOccupation } from "../src/server/modules/taxonomy/reference-data";
import { type Database, type Db, openPglite, openPostgres, queryRows } from "../src/server/platform/db";
import { createEventBus } from "../src/server/platform/events";
import { publicScope } from "../src/server/platform/scope";
import { createStore, type Store } from "../src/server/platform/store";
import { systemScope } from "../src/server/platform/system-scope";
import { insertCandidates } from "../src/server/seed/bulk";
import { DEMO_SEED, portalsForSeeding, seedDemo } from "../src/server/seed/demo";
import { createRng, Random } from "../src/server/seed/generate";
import { percentile } from "./stats";

/** Every query here is over the whole platform (the national portal's "p:*"). */
const EVERYWHERE = systemScope("bench");

/** Repositories over this database (the bench emits no events; the bus is never started). */
function storeOf(db: Db): Store {
  return createStore(db, createEventBus(db));
}

function lexemesOf(db: Db, text: string): Promise<string[]> {
  return storeOf(db).bind(publicScope, stemmingRepository).lexemesOf(text);
}

/**
 * The candidate explorer's two engines (decision 0013) on the same generated data: latency of a
 * fixed, seeded mix of selective and broad queries (always with every facet, as the service asks
 * them), whether both engines give the same hits, the in-memory index's build time and size, and
 * how soon a changed profile is found. Prints one JSON line on stdout; everything else on stderr.
 */

export interface ExplorerBenchOptions {
  candidates: number;
  /** A PostgreSQL server to create a scratch database on; without it an on-disk PGlite. */
  databaseUrl?: string;
  selective?: number;
  broad?: number;
  seed?: number;
  /** Leave the scratch database (PostgreSQL) in place and print its name. */
  keep?: boolean;
  /** Use this existing, already seeded database on the server instead of creating one. */
  reuse?: string;
  /**
   * Ask the SQL engine only every k-th selective / broad query (1 = all). On a million candidates
   * one broad SQL search with every facet takes minutes; the memory engine always answers all.
   */
  sqlEvery?: number;
  sqlEveryBroad?: number;
}

export interface LatencyPair {
  memory: { p50: number; p95: number };
  sql: { p50: number; p95: number };
  ratio_p95: number;
}

export interface ExplorerBenchResult {
  candidates: number;
  build_ms: number;
  bytes_per_candidate: number;
  selective: LatencyPair;
  broad: LatencyPair;
  freshness_ms: number | null;
}

const DAY = 86_400;
const BIG_CITIES = [
  { name: "Amsterdam", lat: 52.37, lon: 4.89 },
  { name: "Rotterdam", lat: 51.92, lon: 4.48 },
  { name: "Den Haag", lat: 52.08, lon: 4.3 },
  { name: "Utrecht", lat: 52.09, lon: 5.12 },
] as const;

const log = (message: string) => process.stderr.write(`${message}\n`);
const round1 = (ms: number) => Math.round(ms * 10) / 10;

function heapBytes(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Document frequencies of the terms in an evenly spread sample of the search documents. */
interface Sample {
  size: number;
  df: Map<string, number>;
  places: { lat: number; lon: number }[];
}

export async function sampleDocuments(db: Db, candidates: number): Promise<Sample> {
  const every = Math.max(1, Math.floor(candidates / 5000));
  const rows = await queryRows<{ terms: string[] | string; lat: number | null; lon: number | null }>(
    db,
    sql`SELECT array_to_string(terms, ' ') AS terms, lat, lon FROM candidate_search
        WHERE cardinality(terms) > 0 AND row_no % ${every} = 0 ORDER BY row_no LIMIT 5000`,
  );
  const df = new Map<string, number>();
  const places: { lat: number; lon: number }[] = [];
  for (const row of rows) {
    const terms = typeof row.terms === "string" ? row.terms.split(" ") : row.terms;
    for (const term of terms) df.set(term, (df.get(term) ?? 0) + 1);
    if (row.lat !== null && row.lon !== null) places.push({ lat: Number(row.lat), lon: Number(row.lon) });
  }
  return { size: rows.length, df, places };
}

type TermCategory = Exclude<FilterCategory, "updated">;

/** The facet specs of every category, built as explorer.service.ts builds them. */
function allFacets(nowSec: number): FacetSpec[] {
  const options = categoryOptions();
  return FILTER_CATEGORIES.map((category) => ({
    category,
    options:
      category === "updated"
        ? UPDATED.map((o) => ({ id: o.id, minUpdatedSec: nowSec - o.days * DAY }))
        : options[category].map((o) => ({ id: o.id, term: `${TERM_PREFIX[category]}${o.id}` })),
  }));
}

function filterFor(category: FilterCategory, ids: string[], nowSec: number): FilterClause {
  if (category === "updated") {
    const days = Math.max(...UPDATED.filter((o) => ids.includes(o.id)).map((o) => o.days));
    return { category, minUpdatedSec: nowSec - days * DAY };
  }
  return { category, terms: ids.map((id) => `${TERM_PREFIX[category]}${id}`) };
}

/** The occupation clause of one occupation chip, as the service builds it. */
async function occupationClause(db: Db, id: string): Promise<OccupationClause> {
  const occupation = getOccupation(id);
  const label = occupation?.label.nl ?? "";
  return {
    exact: [`occ:${id}`],
    related: [`unit:${occupation?.isco ?? id}`],
    groups: [],
    labels: [(await lexemesOf(db, label)).map((w) => `w:${w}`)],
  };
}

interface Mix {
  selective: IndexQuery[];
  broad: IndexQuery[];
}

export async function buildMix(
  db: Db,
  sample: Sample,
  counts: { selective: number; broad: number },
  seed: number,
  nowSec: number,
): Promise<Mix> {
  const random = new Random(createRng(seed));
  const share = (term: string) => (sample.df.get(term) ?? 0) / Math.max(1, sample.size);
  const termsWith = (prefix: string, min: number, max: number) =>
    [...sample.df.keys()].filter((t) => t.startsWith(prefix) && share(t) >= min && share(t) <= max).sort();
  const moderateWords = termsWith("w:", 0.01, 0.1).map((t) => t.slice(2));
  const commonWords = termsWith("w:", 0.2, 1).map((t) => t.slice(2));
  const occupations = termsWith("occ:", 0.002, 1)
    .map((t) => t.slice(4))
    .filter((id) => getOccupation(id));
  const options = categoryOptions();
  const present = (category: TermCategory) =>
    options[category].map((o) => o.id).filter((id) => share(`${TERM_PREFIX[category]}${id}`) >= 0.05);
  const termCategories = FILTER_CATEGORIES.filter((c): c is TermCategory => c !== "updated").filter(
    (c) => present(c).length > 0,
  );
  const broadFilters = termCategories.flatMap((category) =>
    options[category]
      .filter((o) => share(`${TERM_PREFIX[category]}${o.id}`) >= 0.5)
      .map((o) => ({ category, id: o.id })),
  );
  log(
    `explorer  query material: ${moderateWords.length} moderate words, ${commonWords.length} common words, ` +
      `${occupations.length} occupations, ${sample.places.length} places, broad filters ${broadFilters
        .map((f) => `${TERM_PREFIX[f.category]}${f.id}`)
        .join(" ")}`,
  );
  if (moderateWords.length === 0 || occupations.length === 0 || sample.places.length === 0) {
    throw new Error("Too little data for a query mix; use more candidates");
  }
  const facets = allFacets(nowSec);
  const base = { facets, offset: 0, limit: 20 } as const;

  const selective: IndexQuery[] = [];
  for (let i = 0; i < counts.selective; i++) {
    // A third words only, a third occupation only, a third both.
    const kind = i % 3;
    const words = kind === 1 ? [] : random.some(moderateWords, 1 + random.int(0, 1));
    const occupation = kind === 0 ? null : await occupationClause(db, random.pick(occupations));
    const filters: FilterClause[] = [];
    for (const category of random.some([...termCategories, "updated" as const], 1 + random.int(0, 2))) {
      if (category === "updated") {
        filters.push(filterFor(category, [random.pick(UPDATED).id], nowSec));
      } else {
        filters.push(filterFor(category, random.some(present(category), 1 + random.int(0, 1)), nowSec));
      }
    }
    const place = random.pick(sample.places);
    selective.push({
      ...base,
      words,
      occupation,
      geo: geoClause(place.lat, place.lon, random.pick([10, 25, 50])),
      filters,
    });
  }

  const broad: IndexQuery[] = [];
  for (let i = 0; i < counts.broad; i++) {
    const words = random.next() < 0.5 ? [random.pick(commonWords)] : [];
    const chosen = random.some(broadFilters, 1 + random.int(0, 1));
    const byCategory = new Map<TermCategory, string[]>();
    for (const f of chosen) byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), f.id]);
    const city = BIG_CITIES[i % BIG_CITIES.length]!;
    broad.push({
      ...base,
      words,
      occupation: null,
      geo: geoClause(city.lat, city.lon, random.pick([50, 100, null])),
      filters: [...byCategory].map(([category, ids]) => filterFor(category, ids, nowSec)),
    });
  }
  return { selective, broad };
}

function sameFacets(a: IndexResult["facets"], b: IndexResult["facets"]): boolean {
  const categories = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const category of categories) {
    const x = a[category] ?? {};
    const y = b[category] ?? {};
    for (const id of new Set([...Object.keys(x), ...Object.keys(y)])) {
      if ((x[id] ?? 0) !== (y[id] ?? 0)) return false;
    }
  }
  return true;
}

interface Measured {
  memory: number[];
  sql: number[];
  mismatches: number;
  facetMismatches: number;
  compared: number;
  totals: number[];
}

async function timed(index: SearchIndex, query: IndexQuery): Promise<{ ms: number; result: IndexResult }> {
  const started = performance.now();
  const result = await index.search(EVERYWHERE, query);
  return { ms: performance.now() - started, result };
}

async function measure(
  name: string,
  queries: IndexQuery[],
  memory: SearchIndex,
  sqlIndex: SearchIndex,
  sqlEvery: number,
): Promise<Measured> {
  const out: Measured = { memory: [], sql: [], mismatches: 0, facetMismatches: 0, compared: 0, totals: [] };
  const started = performance.now();
  let lastPrinted = started;
  for (const [i, query] of queries.entries()) {
    const m = await timed(memory, query);
    out.memory.push(m.ms);
    out.totals.push(m.result.total);
    if (i % sqlEvery !== 0) continue;
    const s = await timed(sqlIndex, query);
    out.sql.push(s.ms);
    out.compared++;
    const same =
      m.result.total === s.result.total &&
      m.result.ids.length === s.result.ids.length &&
      m.result.ids.every((id, j) => id === s.result.ids[j]);
    if (!same) {
      out.mismatches++;
      if (out.mismatches <= 3) {
        log(
          `explorer  MISMATCH ${name} #${i}: memory total ${m.result.total} ids ${m.result.ids.slice(0, 3).join(",")}…, ` +
            `sql total ${s.result.total} ids ${s.result.ids.slice(0, 3).join(",")}…\n  query ${JSON.stringify({ ...query, facets: "(all)" })}`,
        );
      }
    }
    if (!sameFacets(m.result.facets, s.result.facets)) out.facetMismatches++;
    const now = performance.now();
    if (now - lastPrinted > 10_000) {
      lastPrinted = now;
      log(`explorer  ${name}: ${i + 1}/${queries.length} queries, ${((now - started) / 1000).toFixed(0)} s`);
    }
  }
  return out;
}

function pair(measured: Measured): LatencyPair {
  const m = [...measured.memory].sort((a, b) => a - b);
  const s = [...measured.sql].sort((a, b) => a - b);
  const memory = { p50: round1(percentile(m, 50)), p95: round1(percentile(m, 95)) };
  const sqlStats = { p50: round1(percentile(s, 50)), p95: round1(percentile(s, 95)) };
  return { memory, sql: sqlStats, ratio_p95: round1(percentile(s, 95) / percentile(m, 95)) };
}

/** Milliseconds from the commit of a profile change until the polling index finds it. */
export async function freshness(db: Db, index: MemorySearchIndex, nowSec: number): Promise<number | null> {
  const word = `zqxbench${process.pid}x${Date.now().toString(36)}`;
  const [lexeme] = await lexemesOf(db, word);
  if (!lexeme) throw new Error(`No lexeme for ${word}`);
  const [row] = await queryRows<{ candidate_id: string }>(
    db,
    sql`SELECT candidate_id FROM candidate_search WHERE cardinality(terms) > 0 ORDER BY row_no LIMIT 1`,
  );
  if (!row) throw new Error("No candidate to change");
  const query: IndexQuery = {
    words: [lexeme],
    occupation: null,
    geo: null,
    filters: [],
    facets: allFacets(nowSec),
    offset: 0,
    limit: 20,
  };
  await db.execute(
    sql`UPDATE candidates SET summary = summary || ${` ${word}`}::text WHERE id = ${row.candidate_id}::uuid`,
  );
  const committed = performance.now();
  for (;;) {
    const result = await index.search(EVERYWHERE, query);
    const elapsed = performance.now() - committed;
    if (result.ids.includes(row.candidate_id)) return elapsed;
    if (elapsed > 5000) return null;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A scratch database: PostgreSQL (created on the server, dropped after) or an on-disk PGlite. */
async function openScratch(options: ExplorerBenchOptions): Promise<{
  database: Database;
  fresh: boolean;
  label: string;
  dispose: () => Promise<void>;
}> {
  if (!options.databaseUrl) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "werkbrug-bench-"));
    const database = await openPglite({ dataDir: path.join(dir, "pglite") });
    return {
      database,
      fresh: true,
      label: "PGlite (on disk)",
      dispose: async () => {
        await database.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const name = options.reuse ?? `werkbrug_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: options.databaseUrl });
  await admin.connect();
  if (!options.reuse) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(options.databaseUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), { max: 4 });
  return {
    database,
    fresh: !options.reuse,
    label: `PostgreSQL (${name})`,
    dispose: async () => {
      await database.close();
      if (options.keep || options.reuse) {
        log(`explorer  kept database ${name}`);
        return;
      }
      const drop = new pg.Client({ connectionString: options.databaseUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name}`);
      await drop.end();
    },
  };
}

export async function benchExplorer(options: ExplorerBenchOptions): Promise<ExplorerBenchResult> {
  const { candidates } = options;
  const [load1, load5, load15] = os.loadavg();
  log(
    `machine: ${os.cpus().length} cores, load ${load1?.toFixed(2)} ${load5?.toFixed(2)} ${load15?.toFixed(2)}, ` +
      `node ${process.version}, gc ${typeof (globalThis as { gc?: unknown }).gc === "function" ? "exposed" : "not exposed (run with --expose-gc)"}`,
  );
  const scratch = await openScratch(options);
  const { db } = scratch.database;
  let memory: MemorySearchIndex | null = null;
  let polling: MemorySearchIndex | null = null;
  try {
    if (scratch.fresh) {
      await scratch.database.migrate();
      await seedDemo(db, { candidates: 0, vacancies: 0 });
      const started = performance.now();
      let lastPrinted = 0;
      await insertCandidates(db, {
        count: candidates,
        seed: DEMO_SEED,
        portals: await portalsForSeeding(db),
        onProgress: (done, total) => {
          const now = performance.now();
          if (done === total || now - lastPrinted > 5000) {
            lastPrinted = now;
            const seconds = (now - started) / 1000;
            process.stderr.write(
              `explorer  generating: ${done.toLocaleString("en")}/${total.toLocaleString("en")} candidates, ${seconds.toFixed(0)} s, ${Math.round(done / Math.max(seconds, 0.001)).toLocaleString("en")} rows/s\n`,
            );
          }
        },
      });
      log(
        `explorer  generated ${candidates.toLocaleString("en")} candidates on ${scratch.label} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      // Planner statistics, as autovacuum would make them (PGlite has no autovacuum).
      await db.execute(sql`ANALYZE candidate_search`);
    } else {
      log(`explorer  reusing ${scratch.label}`);
    }
    const [docs] = await queryRows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM candidate_search WHERE cardinality(terms) > 0`,
    );
    log(`explorer  ${Number(docs?.n ?? 0).toLocaleString("en")} search documents`);

    // 2. Build the in-memory index.
    const before = heapBytes();
    const buildStarted = performance.now();
    memory = createMemorySearchIndex({ store: storeOf(db), scope: EVERYWHERE }, { pollMs: 0 });
    await memory.ready;
    const buildMs = performance.now() - buildStarted;
    const after = heapBytes();
    const bytesPerCandidate = (after - before) / candidates;
    const stats = memory.stats();
    log(
      `explorer  memory index: ${stats.documents.toLocaleString("en")} documents in ${(buildMs / 1000).toFixed(1)} s, ` +
        `heap+arrayBuffers ${((after - before) / 2 ** 20).toFixed(1)} MiB = ${bytesPerCandidate.toFixed(0)} B/candidate, ` +
        `stats().bytes/N ${(stats.bytes / candidates).toFixed(0)} B/candidate`,
    );

    // 3. The query mix, on both engines.
    const nowSec = Math.floor(Date.now() / 1000);
    const sample = await sampleDocuments(db, candidates);
    const mix = await buildMix(
      db,
      sample,
      { selective: options.selective ?? 200, broad: options.broad ?? 50 },
      options.seed ?? 20_260_101,
      nowSec,
    );
    const sqlIndex = createSqlSearchIndex(storeOf(db));
    const sqlEvery = options.sqlEvery ?? 1;
    const sqlEveryBroad = options.sqlEveryBroad ?? 1;
    // Warm-up: the memory engine on a few of each, SQL on a few selective (and broad when cheap).
    for (const query of [...mix.selective.slice(0, 10), ...mix.broad.slice(0, 5)])
      await memory.search(EVERYWHERE, query);
    for (const query of mix.selective.slice(0, 3)) await sqlIndex.search(EVERYWHERE, query);
    if (sqlEveryBroad === 1)
      for (const query of mix.broad.slice(0, 2)) await sqlIndex.search(EVERYWHERE, query);
    const selective = await measure("selective", mix.selective, memory, sqlIndex, sqlEvery);
    const broad = await measure("broad", mix.broad, memory, sqlIndex, sqlEveryBroad);
    for (const [name, m] of [
      ["selective", selective],
      ["broad", broad],
    ] as const) {
      const totals = [...m.totals].sort((a, b) => a - b);
      log(
        `explorer  ${name}: ${m.totals.length} queries, totals p50 ${percentile(totals, 50)} max ${totals.at(-1)}, ` +
          `${m.totals.filter((t) => t === 0).length} empty; SQL asked ${m.compared}; ` +
          `mismatches (total/ids) ${m.mismatches}, facet mismatches ${m.facetMismatches}`,
      );
    }

    // 4. Freshness, on a second index that polls every 100 ms as the app's does.
    await memory.close();
    memory = null;
    polling = createMemorySearchIndex({ store: storeOf(db), scope: EVERYWHERE }, { pollMs: 100 });
    await polling.ready;
    const fresh = await freshness(db, polling, nowSec);
    log(`explorer  freshness: ${fresh === null ? "not found within 5 s" : `${fresh.toFixed(1)} ms`}`);

    const result: ExplorerBenchResult = {
      candidates,
      build_ms: round1(buildMs),
      bytes_per_candidate: round1(bytesPerCandidate),
      selective: pair(selective),
      broad: pair(broad),
      freshness_ms: fresh === null ? null : round1(fresh),
    };
    const [l1, l5, l15] = os.loadavg();
    log(`machine: load at end ${l1?.toFixed(2)} ${l5?.toFixed(2)} ${l15?.toFixed(2)}`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return result;
  } finally {
    await memory?.close();
    await polling?.close();
    await scratch.dispose();
  }
}
