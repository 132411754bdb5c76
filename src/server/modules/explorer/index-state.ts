import type { DocRow } from "./memory-index.repository";
import { type Bits, Posting } from "./postings";

/**
 * The in-memory index's data (decision 0013): document numbers in the order documents came in,
 * their ranking fields in typed arrays, and one posting list per term and per 0.1° geo cell.
 */

export const cellOf = (lat: number, lon: number) => `g:${Math.floor(lat * 10)}:${Math.floor(lon * 10)}`;

/** The documents, their fields by document number, and a posting list per term and geo cell. */
export class IndexState {
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
  /** "Changed at or after" limits in use (they move once a day), as bitmaps that add() keeps. */
  private readonly recent = new Map<number, Bits>();
  /** Lists changed since the last settle (null while building: then all are settled). */
  private touched: Set<Posting> | null = null;

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
    this.recent.clear();
  }

  /** The documents changed at or after `since` (dead ones included: queries leave those out). */
  recentSince(since: number): Bits {
    let bits = this.recent.get(since);
    if (!bits) {
      if (this.recent.size >= 16) this.recent.clear();
      bits = new Uint32Array(this.words);
      const updated = this.updatedSec;
      for (let doc = 0; doc < this.count; doc++) {
        if (updated[doc]! >= since) bits[doc >>> 5]! |= 1 << (doc & 31);
      }
      this.recent.set(since, bits);
    }
    return bits;
  }

  /** Takes in a document's current state; false when the index already had it (or it is empty). */
  add(row: DocRow): boolean {
    const existing = this.byId.get(row.candidate_id);
    if (existing !== undefined) {
      if (this.txid[existing] === row.txid) return false;
      this.kill(existing);
    }
    if (row.terms.length === 0) return existing !== undefined;
    if (this.count === this.capacity) this.grow();
    const doc = this.count++;
    this.ids.push(row.candidate_id);
    this.byId.set(row.candidate_id, doc);
    this.rowNo[doc] = row.row_no;
    this.updatedSec[doc] = row.updated_sec;
    for (const [since, bits] of this.recent) {
      if (row.updated_sec >= since) bits[doc >>> 5]! |= 1 << (doc & 31);
    }
    this.txid[doc] = row.txid;
    const hasPlace = row.lat !== null && row.lon !== null;
    this.lat[doc] = hasPlace ? row.lat! : Number.NaN;
    this.lon[doc] = hasPlace ? row.lon! : Number.NaN;
    for (const term of row.terms.split(" ")) this.touch(this.posting(term)).add(doc);
    if (hasPlace) this.touch(this.posting(cellOf(row.lat!, row.lon!))).add(doc);
    return true;
  }

  private touch(posting: Posting): Posting {
    this.touched?.add(posting);
    return posting;
  }

  /** After a build: follow which lists change, so a poll settles only those. */
  startTracking(): void {
    this.touched = new Set();
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
    const lists = this.touched ?? this.postings.values();
    for (const posting of lists) posting.settle(this.words, trim);
    this.touched?.clear();
  }

  bytes(): number {
    let n = this.capacity * 8 * 5 + this.dead.byteLength;
    for (const [term, posting] of this.postings) n += posting.bytes() + term.length * 2 + 80;
    // Candidate ids (36-character strings) and the id -> document map.
    n += this.count * (36 * 2 + 24) + this.byId.size * 40;
    return n;
  }
}
