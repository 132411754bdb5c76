import type { IndexState } from "./index-state";
import { andInto, andNotInto, type Bits, CountingSet, countBits, orInto, type Posting } from "./postings";
import {
  boundingBox,
  distanceBand,
  distanceSquared,
  type FilterClause,
  type GeoClause,
  type IndexQuery,
  type IndexResult,
  NO_COORDINATES_BAND,
} from "./search-index";

/**
 * How the in-memory engine answers a query (decision 0013): the base set, filters and facet
 * counts as bitmaps over document numbers, and the page by a bounded heap; the same semantics as
 * the SQL engine (see search-index.ts).
 */

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

/** The documents of `base` changed at or after `since` (a superset for a large base). */
function updatedSince(state: IndexState, base: Bits, since: number): Bits {
  // Filter bits are only ever ANDed with the base, so the shared bitmap may stand for it.
  if (countBits(base) * 32 > state.count) return state.recentSince(since);
  const bits = new Uint32Array(state.words);
  const updated = state.updatedSec;
  for (let i = 0; i < base.length; i++) {
    let w = base[i]!;
    let keep = 0;
    while (w !== 0) {
      const low = w & -w;
      if (updated[i * 32 + (31 - Math.clz32(low))]! >= since) keep |= low;
      w ^= low;
    }
    bits[i] = keep;
  }
  return bits;
}

function filterBits(state: IndexState, filter: FilterClause, base: Bits): Bits {
  return "terms" in filter ? anyOf(state, filter.terms) : updatedSince(state, base, filter.minUpdatedSec);
}

/**
 * The documents of `base` within the radius. Cells of 0.1° wholly inside the circle are taken
 * as they are; only those on its edge are checked document by document, with the same distance
 * the SQL engine computes.
 */
function withinRadius(state: IndexState, geo: GeoClause, radiusKm: number, base: Bits): Bits {
  const box = boundingBox(geo, radiusKm);
  const r2 = radiusKm * radiusKm;
  const inside = new Uint32Array(state.words);
  const edge = new Uint32Array(state.words);
  // A document's cell comes from floor(lat * 10), which may round across a border: widen each
  // cell a little before calling it inside, and keep a margin below the radius.
  const margin = 1e-6;
  for (let la = Math.floor(box.latMin * 10); la <= Math.floor(box.latMax * 10); la++) {
    for (let lo = Math.floor(box.lonMin * 10); lo <= Math.floor(box.lonMax * 10); lo++) {
      const posting = state.postings.get(`g:${la}:${lo}`);
      if (!posting) continue;
      const lat0 = la / 10 - margin;
      const lat1 = (la + 1) / 10 + margin;
      const lon0 = lo / 10 - margin;
      const lon1 = (lo + 1) / 10 + margin;
      const far = Math.max(
        distanceSquared(geo, lat0, lon0),
        distanceSquared(geo, lat0, lon1),
        distanceSquared(geo, lat1, lon0),
        distanceSquared(geo, lat1, lon1),
      );
      posting.orInto(far < r2 * (1 - 1e-9) ? inside : edge);
    }
  }
  andInto(inside, base);
  andInto(edge, base);
  const { lat, lon } = state;
  for (let i = 0; i < edge.length; i++) {
    let w = edge[i]!;
    let keep = 0;
    while (w !== 0) {
      const low = w & -w;
      const doc = i * 32 + (31 - Math.clz32(low));
      const la = lat[doc]!;
      const lo = lon[doc]!;
      if (
        la >= box.latMin &&
        la <= box.latMax &&
        lo >= box.lonMin &&
        lo <= box.lonMax &&
        distanceSquared(geo, la, lo) <= r2
      ) {
        keep |= low;
      }
      w ^= low;
    }
    inside[i]! |= keep;
  }
  return inside;
}

export function searchState(state: IndexState, portalTerm: string, query: IndexQuery): IndexResult {
  const scratch = new Uint32Array(state.words);
  const empty = (): IndexResult => ({ total: 0, ids: [], facets: {} });

  // B: portal, every word, the occupation clause, the radius; never a dead document.
  let base = allOf(state, [portalTerm, ...query.words.map((w) => `w:${w}`)], scratch);
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
  if (geo && geo.radiusKm !== null) base = withinRadius(state, geo, geo.radiusKm, base);

  // Filters: OR inside a category, AND across; S and, per active category, S without it.
  const baseBits = base;
  const filters = query.filters.map((f) => ({ category: f.category, bits: filterBits(state, f, baseBits) }));
  const withAllBut = (category: string | null): Bits => {
    const bits = baseBits.slice();
    for (const f of filters) if (f.category !== category) andInto(bits, f.bits);
    return bits;
  };
  const matches = new CountingSet(filters.length > 0 ? withAllBut(null) : base);

  const facets: Record<string, Record<string, number>> = {};
  for (const facet of query.facets) {
    const set = filters.some((f) => f.category === facet.category)
      ? new CountingSet(withAllBut(facet.category))
      : matches;
    const counts: Record<string, number> = {};
    const since: { id: string; minUpdatedSec: number }[] = [];
    for (const option of facet.options) {
      if ("term" in option) {
        const posting = state.postings.get(option.term);
        const n = posting ? set.count(posting) : 0;
        if (n > 0) counts[option.id] = n;
      } else since.push(option);
    }
    if (since.length > 0) countSince(state, set, since, counts);
    facets[facet.category] = counts;
  }

  return { total: matches.size, ids: rank(state, query, matches), facets };
}

/** Counts per "changed since" option in one pass: each document adds to its newest band. */
function countSince(
  state: IndexState,
  set: CountingSet,
  since: { id: string; minUpdatedSec: number }[],
  counts: Record<string, number>,
): void {
  if (set.size * 32 > state.count) {
    for (const o of since) {
      const n = set.countBits(state.recentSince(o.minUpdatedSec));
      if (n > 0) counts[o.id] = n;
    }
    return;
  }
  const order = since.map((o, i) => ({ ...o, i })).sort((a, b) => b.minUpdatedSec - a.minUpdatedSec);
  const thresholds = Float64Array.from(order.map((o) => o.minUpdatedSec));
  const bands = new Float64Array(order.length + 1);
  const updated = state.updatedSec;
  const { bits, words } = set;
  for (let k = 0; k < words.length; k++) {
    const i = words[k]!;
    let w = bits[i]!;
    while (w !== 0) {
      const low = w & -w;
      const u = updated[i * 32 + (31 - Math.clz32(low))]!;
      let band = 0;
      while (band < thresholds.length && u < thresholds[band]!) band++;
      bands[band]!++;
      w ^= low;
    }
  }
  // Thresholds are newest first: a document in band b counts for every option from b on.
  let running = 0;
  order.forEach((o, b) => {
    running += bands[b]!;
    if (running > 0) counts[o.id] = running;
  });
}

/** The page of `matches` in ranking order, by a bounded heap over a composite primary key. */
function rank(state: IndexState, query: IndexQuery, matches: CountingSet): string[] {
  const total = matches.size;
  const k = Math.min(query.offset + query.limit, total);
  if (query.offset >= total || k === 0) return [];
  const occupation = query.occupation;
  const exact = occupation ? anyOf(state, occupation.exact) : null;
  const related = occupation ? anyOf(state, occupation.related) : null;
  const groups = occupation ? anyOf(state, occupation.groups) : null;
  const headline = query.words.map((w) => state.postings.get(`wa:${w}`) ?? null);
  const headlineBits = headline.map((p) => {
    if (!p) return null;
    const bits = new Uint32Array(state.words);
    p.orInto(bits);
    return bits;
  });
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

  const { bits, words } = matches;
  const wordCount = query.words.length;
  for (let n = 0; n < words.length; n++) {
    const i = words[n]!;
    let w = bits[i]!;
    while (w !== 0) {
      const low = w & -w;
      w ^= low;
      const doc = i * 32 + (31 - Math.clz32(low));
      let tier = 0;
      if (occupation) {
        tier =
          (exact![i]! & low) !== 0 ? 3 : (related![i]! & low) !== 0 ? 2 : (groups![i]! & low) !== 0 ? 1 : 0;
      }
      let text = wordCount;
      for (let h = 0; h < headlineBits.length; h++) {
        const hb = headlineBits[h];
        if (hb && (hb[i]! & low) !== 0) text++;
      }
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
      } else if (key >= heapKeys[0]! && worse(heapKeys[0]!, heapDocs[0]!, key, doc)) {
        heapDocs[0] = doc;
        heapKeys[0] = key;
        siftDown(0);
      }
    }
  }

  const order = Array.from(heapDocs.subarray(0, size)).map((doc, i) => ({ doc, key: heapKeys[i]! }));
  order.sort((a, b) => (worse(a.key, a.doc, b.key, b.doc) ? 1 : worse(b.key, b.doc, a.key, a.doc) ? -1 : 0));
  return order.slice(query.offset, query.offset + query.limit).map((e) => state.ids[e.doc]!);
}
