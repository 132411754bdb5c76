import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../platform/db";
import { andInto, andNotInto, type Bits, countBits, forEachBit, orInto, Posting } from "./postings";
import {
  boundingBox,
  distanceBand,
  distanceSquared,
  type FilterClause,
  type IndexQuery,
  type IndexResult,
  NO_COORDINATES_BAND,
  type SearchIndex,
} from "./search-index";

/**
 * The in-process explorer engine (decision 0013). Built from `candidate_search` at start, then
 * kept current by polling that table's change feed: every row carries the id of the transaction
 * that wrote it, and each poll reads the rows of transactions not yet finished at the previous
 * poll (`pg_snapshot_xmin`), so a commit is never missed however long it took. Each app process
 * holds its own copy; all of them follow the same feed.
 *
 * A changed candidate gets a new document number and the old one is marked dead, so posting
 * lists only ever grow at the end and stay sorted. When a quarter of the documents are dead the
 * index is rebuilt from the table.
 */

interface DocRow {
  candidate_id: string;
  row_no: number;
  terms: string;
  lat: number | null;
  lon: number | null;
  updated_sec: number;
  txid: number;
}

const cellOf = (lat: number, lon: number) => `g:${Math.floor(lat * 10)}:${Math.floor(lon * 10)}`;

class IndexState {
  capacity: number;
  words: number;
  count = 0;
  deadCount = 0;
  ids: string[] = [];
  rowNo: Float64Array;
  updatedSec: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
  txid: Float64Array;
  dead: Bits;
  readonly byId = new Map<string, number>();
  readonly postings = new Map<string, Posting>();

  constructor(capacity: number) {
    this.capacity = Math.max(1024, Math.ceil(capacity / 32) * 32);
    this.words = this.capacity / 32;
    this.rowNo = new Float64Array(this.capacity);
    this.updatedSec = new Float64Array(this.capacity);
    this.lat = new Float64Array(this.capacity);
    this.lon = new Float64Array(this.capacity);
    this.txid = new Float64Array(this.capacity);
    this.dead = new Uint32Array(this.words);
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const grow = (a: Float64Array) => {
      const b = new Float64Array(capacity);
      b.set(a);
      return b;
    };
    this.rowNo = grow(this.rowNo);
    this.updatedSec = grow(this.updatedSec);
    this.lat = grow(this.lat);
    this.lon = grow(this.lon);
    this.txid = grow(this.txid);
    const dead = new Uint32Array(capacity / 32);
    dead.set(this.dead);
    this.dead = dead;
    this.capacity = capacity;
    this.words = capacity / 32;
    for (const posting of this.postings.values()) posting.settle(this.words, false);
  }

  add(row: DocRow): void {
    const existing = this.byId.get(row.candidate_id);
    if (existing !== undefined) {
      if (this.txid[existing] === row.txid) return;
      this.kill(existing);
    }
    if (row.terms.length === 0) return;
    if (this.count === this.capacity) this.grow();
    const doc = this.count++;
    this.ids.push(row.candidate_id);
    this.byId.set(row.candidate_id, doc);
    this.rowNo[doc] = row.row_no;
    this.updatedSec[doc] = row.updated_sec;
    this.txid[doc] = row.txid;
    const hasPlace = row.lat !== null && row.lon !== null;
    this.lat[doc] = hasPlace ? row.lat! : Number.NaN;
    this.lon[doc] = hasPlace ? row.lon! : Number.NaN;
    for (const term of row.terms.split(" ")) this.posting(term).add(doc);
    if (hasPlace) this.posting(cellOf(row.lat!, row.lon!)).add(doc);
  }

  private posting(term: string): Posting {
    let posting = this.postings.get(term);
    if (!posting) {
      posting = new Posting();
      this.postings.set(term, posting);
    }
    return posting;
  }

  kill(doc: number): void {
    this.dead[doc >>> 5]! |= 1 << (doc & 31);
    this.deadCount++;
    const id = this.ids[doc]!;
    if (this.byId.get(id) === doc) this.byId.delete(id);
  }

  settle(trim: boolean): void {
    for (const posting of this.postings.values()) posting.settle(this.words, trim);
  }

  bytes(): number {
    let n = this.capacity * 8 * 5 + this.dead.byteLength;
    for (const [term, posting] of this.postings) n += posting.bytes() + term.length * 2 + 80;
    // Candidate ids (36-character strings) and the id -> document map.
    n += this.count * (36 * 2 + 24) + this.byId.size * 40;
    return n;
  }
}

export interface MemorySearchIndex extends SearchIndex {
  /** Resolves when the first build is done. */
  readonly ready: Promise<void>;
  isReady(): boolean;
  /** Reads the change feed once now; returns the number of changed documents it applied. */
  refresh(): Promise<number>;
  stats(): { documents: number; dead: number; bytes: number };
  close(): Promise<void>;
}

export interface MemoryIndexOptions {
  /** Milliseconds between polls of the change feed; 0 = only when refresh() is called. */
  pollMs?: number;
  batchSize?: number;
  log?: (message: string) => void;
}

const SELECT_DOC = sql`candidate_id, row_no::float8 AS row_no, array_to_string(terms, ' ') AS terms,
  lat, lon, updated_sec::float8 AS updated_sec, txid::float8 AS txid`;

async function snapshotXmin(db: Db): Promise<number> {
  const [row] = await queryRows<{ xmin: number }>(
    db,
    sql`SELECT ((pg_snapshot_xmin(pg_current_snapshot()))::text)::float8 AS xmin`,
  );
  return Number(row?.xmin ?? 0);
}

async function buildState(db: Db, batchSize: number): Promise<{ state: IndexState; xmin: number }> {
  const xmin = await snapshotXmin(db);
  const [size] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM candidate_search`);
  const state = new IndexState(Math.ceil((Number(size?.n ?? 0) + 1) * 1.1));
  let after = 0;
  for (;;) {
    const rows = await queryRows<DocRow>(
      db,
      sql`SELECT ${SELECT_DOC} FROM candidate_search
          WHERE row_no > ${after} AND cardinality(terms) > 0 ORDER BY row_no LIMIT ${batchSize}`,
    );
    for (const row of rows) state.add(row);
    if (rows.length < batchSize) break;
    after = rows[rows.length - 1]!.row_no;
  }
  state.settle(true);
  return { state, xmin };
}

export function createMemorySearchIndex(db: Db, options: MemoryIndexOptions = {}): MemorySearchIndex {
  const pollMs = options.pollMs ?? 200;
  const batchSize = options.batchSize ?? 20_000;
  let state: IndexState | null = null;
  let xmin = 0;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  async function poll(): Promise<number> {
    if (!state) return 0;
    if (state.deadCount > 1000 && state.deadCount * 4 > state.count) {
      const built = await buildState(db, batchSize);
      state = built.state;
      xmin = built.xmin;
      return 0;
    }
    const next = await snapshotXmin(db);
    const rows = await queryRows<DocRow>(
      db,
      sql`SELECT ${SELECT_DOC} FROM candidate_search WHERE txid >= ${xmin} ORDER BY txid, row_no`,
    );
    const current = state;
    let applied = 0;
    for (const row of rows) {
      const doc = current.byId.get(row.candidate_id);
      if (doc !== undefined && current.txid[doc] === row.txid) continue;
      if (doc === undefined && row.terms.length === 0) continue;
      current.add(row);
      applied++;
    }
    if (applied > 0) current.settle(false);
    xmin = next;
    return applied;
  }

  /** One poll at a time; a caller during a poll waits for it and then polls again. */
  async function refresh(): Promise<number> {
    while (running) await running.catch(() => 0);
    running = poll();
    try {
      return await running;
    } finally {
      running = null;
    }
  }

  function schedule(): void {
    if (closed || pollMs <= 0) return;
    timer = setTimeout(() => {
      refresh()
        .catch((error: unknown) =>
          options.log?.(
            `Explorer index: change feed failed: ${error instanceof Error ? error.message : String(error)}`,
          ),
        )
        .finally(schedule);
    }, pollMs);
    timer.unref();
  }

  const ready = buildState(db, batchSize).then((built) => {
    state = built.state;
    xmin = built.xmin;
    schedule();
  });
  // A failed build is reported to whoever awaits `ready`; searches keep going to SQL meanwhile.
  ready.catch(() => undefined);

  return {
    kind: "memory",
    ready,
    isReady: () => state !== null,
    refresh,
    stats: () => ({
      documents: state ? state.count - state.deadCount : 0,
      dead: state?.deadCount ?? 0,
      bytes: state?.bytes() ?? 0,
    }),
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => 0);
    },
    async search(query: IndexQuery): Promise<IndexResult> {
      if (!state) throw new Error("The explorer index is not built yet");
      return searchState(state, query);
    },
  };
}

/** Bits of the documents that have every term; null when a term is unknown (no document). */
function allOf(state: IndexState, terms: readonly string[], scratch: Bits): Bits | null {
  const postings: Posting[] = [];
  for (const term of terms) {
    const posting = state.postings.get(term);
    if (!posting) return null;
    postings.push(posting);
  }
  postings.sort((a, b) => a.length - b.length);
  const bits = new Uint32Array(state.words);
  postings[0]!.orInto(bits);
  for (let i = 1; i < postings.length; i++) postings[i]!.andInto(bits, scratch);
  return bits;
}

function anyOf(state: IndexState, terms: readonly string[]): Bits {
  const bits = new Uint32Array(state.words);
  for (const term of terms) state.postings.get(term)?.orInto(bits);
  return bits;
}

function filterBits(state: IndexState, filter: FilterClause, base: Bits): Bits {
  if ("terms" in filter) return anyOf(state, filter.terms);
  const bits = new Uint32Array(state.words);
  const since = filter.minUpdatedSec;
  const updated = state.updatedSec;
  forEachBit(base, (doc) => {
    if (updated[doc]! >= since) bits[doc >>> 5]! |= 1 << (doc & 31);
  });
  return bits;
}

function searchState(state: IndexState, query: IndexQuery): IndexResult {
  const scratch = new Uint32Array(state.words);
  const empty = (): IndexResult => ({ total: 0, ids: [], facets: {} });

  // B: portal, every word, the occupation clause, the radius; never a dead document.
  const base = allOf(state, [query.portalTerm, ...query.words.map((w) => `w:${w}`)], scratch);
  if (!base) return empty();
  andNotInto(base, state.dead);
  const occupation = query.occupation;
  if (occupation) {
    const any = anyOf(state, [...occupation.exact, ...occupation.related, ...occupation.groups]);
    for (const label of occupation.labels) {
      if (label.length === 0) continue;
      const match = allOf(state, label, scratch);
      if (match) orInto(any, match);
    }
    andInto(base, any);
  }
  const geo = query.geo;
  if (geo && geo.radiusKm !== null) {
    const box = boundingBox(geo, geo.radiusKm);
    const cells: string[] = [];
    for (let la = Math.floor(box.latMin * 10); la <= Math.floor(box.latMax * 10); la++) {
      for (let lo = Math.floor(box.lonMin * 10); lo <= Math.floor(box.lonMax * 10); lo++)
        cells.push(`g:${la}:${lo}`);
    }
    const near = anyOf(state, cells);
    andInto(near, base);
    const r2 = geo.radiusKm * geo.radiusKm;
    const { lat, lon } = state;
    const box2 = box;
    forEachBit(near, (doc) => {
      const la = lat[doc]!;
      const lo = lon[doc]!;
      const inside =
        la >= box2.latMin &&
        la <= box2.latMax &&
        lo >= box2.lonMin &&
        lo <= box2.lonMax &&
        distanceSquared(geo, la, lo) <= r2;
      if (!inside) near[doc >>> 5]! &= ~(1 << (doc & 31));
    });
    base.set(near);
  }

  // Filters: OR inside a category, AND across; S and, per active category, S without it.
  const filters = query.filters.map((f) => ({ category: f.category, bits: filterBits(state, f, base) }));
  const withAllBut = (category: string | null): Bits => {
    const bits = base.slice();
    for (const f of filters) if (f.category !== category) andInto(bits, f.bits);
    return bits;
  };
  const matches = filters.length > 0 ? withAllBut(null) : base;
  const total = countBits(matches);

  const facets: Record<string, Record<string, number>> = {};
  for (const facet of query.facets) {
    const set = filters.some((f) => f.category === facet.category) ? withAllBut(facet.category) : matches;
    const counts: Record<string, number> = {};
    const since: { id: string; minUpdatedSec: number }[] = [];
    for (const option of facet.options) {
      if ("term" in option) {
        const n = state.postings.get(option.term)?.countIn(set) ?? 0;
        if (n > 0) counts[option.id] = n;
      } else since.push(option);
    }
    if (since.length > 0) {
      const tallies = new Array<number>(since.length).fill(0);
      const updated = state.updatedSec;
      forEachBit(set, (doc) => {
        const u = updated[doc]!;
        for (let i = 0; i < since.length; i++) if (u >= since[i]!.minUpdatedSec) tallies[i]!++;
      });
      since.forEach((o, i) => {
        if (tallies[i]! > 0) counts[o.id] = tallies[i]!;
      });
    }
    facets[facet.category] = counts;
  }

  return { total, ids: rank(state, query, matches, total), facets };
}

/** The page of `matches` in ranking order, by a bounded heap over a composite primary key. */
function rank(state: IndexState, query: IndexQuery, matches: Bits, total: number): string[] {
  const k = Math.min(query.offset + query.limit, total);
  if (query.offset >= total || k === 0) return [];
  const occupation = query.occupation;
  const exact = occupation ? anyOf(state, occupation.exact) : null;
  const related = occupation ? anyOf(state, occupation.related) : null;
  const groups = occupation ? anyOf(state, occupation.groups) : null;
  const inSet = (bits: Bits | null, doc: number) =>
    bits !== null && (bits[doc >>> 5]! & (1 << (doc & 31))) !== 0;
  const headlineWords = query.words.map((w) => state.postings.get(`wa:${w}`) ?? null);
  const geo = query.geo;
  const { updatedSec, rowNo, lat, lon } = state;

  // primary = tier * 1000 + text * 10 + (9 - band): bigger is better; text is at most 2 * 8.
  const heapDocs = new Int32Array(k);
  const heapKeys = new Float64Array(k);
  let size = 0;
  // a is worse than b: lower primary, then older, then higher row number.
  const worse = (ka: number, da: number, kb: number, db: number) =>
    ka < kb ||
    (ka === kb &&
      (updatedSec[da]! < updatedSec[db]! || (updatedSec[da] === updatedSec[db] && rowNo[da]! > rowNo[db]!)));
  const siftDown = (start: number) => {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && worse(heapKeys[l]!, heapDocs[l]!, heapKeys[m]!, heapDocs[m]!)) m = l;
      if (r < size && worse(heapKeys[r]!, heapDocs[r]!, heapKeys[m]!, heapDocs[m]!)) m = r;
      if (m === i) return;
      const kd = heapDocs[i]!;
      const kk = heapKeys[i]!;
      heapDocs[i] = heapDocs[m]!;
      heapKeys[i] = heapKeys[m]!;
      heapDocs[m] = kd;
      heapKeys[m] = kk;
      i = m;
    }
  };
  const siftUp = (start: number) => {
    let i = start;
    while (i > 0) {
      const p = (i - 1) >>> 1;
      if (!worse(heapKeys[i]!, heapDocs[i]!, heapKeys[p]!, heapDocs[p]!)) return;
      const kd = heapDocs[i]!;
      const kk = heapKeys[i]!;
      heapDocs[i] = heapDocs[p]!;
      heapKeys[i] = heapKeys[p]!;
      heapDocs[p] = kd;
      heapKeys[p] = kk;
      i = p;
    }
  };

  forEachBit(matches, (doc) => {
    let tier = 0;
    if (occupation) tier = inSet(exact, doc) ? 3 : inSet(related, doc) ? 2 : inSet(groups, doc) ? 1 : 0;
    let text = 0;
    for (const posting of headlineWords) text += posting?.has(doc) ? 2 : 1;
    let band = 0;
    if (geo) {
      const la = lat[doc]!;
      band = Number.isNaN(la) ? NO_COORDINATES_BAND : distanceBand(distanceSquared(geo, la, lon[doc]!));
    }
    const key = tier * 1000 + text * 10 + (9 - band);
    if (size < k) {
      heapDocs[size] = doc;
      heapKeys[size] = key;
      siftUp(size++);
    } else if (worse(heapKeys[0]!, heapDocs[0]!, key, doc)) {
      heapDocs[0] = doc;
      heapKeys[0] = key;
      siftDown(0);
    }
  });

  const order = Array.from(heapDocs.subarray(0, size)).map((doc, i) => ({ doc, key: heapKeys[i]! }));
  order.sort((a, b) => (worse(a.key, a.doc, b.key, b.doc) ? 1 : worse(b.key, b.doc, a.key, a.doc) ? -1 : 0));
  return order.slice(query.offset, query.offset + query.limit).map((e) => state.ids[e.doc]!);
}
