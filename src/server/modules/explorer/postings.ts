/**
 * Posting lists of the in-memory explorer index: for each term the ascending document numbers
 * that hold it, plus, once a term is held by more than 1 in 32 documents, the same set as a
 * bitmap. That is the roaring idea at the level of a whole list: rare terms stay a short sorted
 * array (4 bytes a document), frequent ones get a bitmap too, whose AND-and-count over a million
 * documents is a 31,250-word loop. Query work happens on bitmaps of all documents (`Bits`).
 */

export type Bits = Uint32Array;

/** Set bits of every 16-bit value: two look-ups count a word (measured faster than bit tricks). */
const POP16 = new Uint8Array(65536);
for (let i = 1; i < 65536; i++) POP16[i] = (i & 1) + POP16[i >>> 1]!;

export function popcount32(w: number): number {
  return POP16[w & 0xffff]! + POP16[w >>> 16]!;
}

export function countBits(bits: Bits): number {
  let n = 0;
  for (let i = 0; i < bits.length; i++) {
    const w = bits[i]!;
    if (w !== 0) n += popcount32(w);
  }
  return n;
}

export function andInto(target: Bits, other: Bits): void {
  for (let i = 0; i < target.length; i++) target[i]! &= other[i]!;
}

export function andNotInto(target: Bits, other: Bits): void {
  for (let i = 0; i < target.length; i++) target[i]! &= ~other[i]!;
}

export function orInto(target: Bits, other: Bits): void {
  for (let i = 0; i < target.length; i++) target[i]! |= other[i]!;
}

export class Posting {
  ids: Uint32Array;
  length = 0;
  bits: Bits | null = null;

  constructor(capacity = 4) {
    this.ids = new Uint32Array(capacity);
  }

  /** Documents are appended in ascending order. */
  add(doc: number): void {
    if (this.length === this.ids.length) {
      const grown = new Uint32Array(Math.max(8, this.ids.length * 2));
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.length++] = doc;
    if (this.bits) this.bits[doc >>> 5]! |= 1 << (doc & 31);
  }

  /** Gives the list a bitmap when it is dense enough to pay for one; drops slack after a build. */
  settle(words: number, trim: boolean): void {
    if (trim && this.ids.length > this.length) this.ids = this.ids.slice(0, this.length);
    // After the index grew, an existing bitmap is too short: rebuild it at the new size (a list
    // that is no longer dense enough keeps one too, so add() never writes past its end).
    if (this.length >= words || this.bits) {
      if (!this.bits || this.bits.length !== words) {
        const bits = new Uint32Array(words);
        for (let i = 0; i < this.length; i++) {
          const doc = this.ids[i]!;
          bits[doc >>> 5]! |= 1 << (doc & 31);
        }
        this.bits = bits;
      }
    }
  }

  orInto(target: Bits): void {
    if (this.bits) {
      orInto(target, this.bits);
      return;
    }
    const ids = this.ids;
    for (let i = 0; i < this.length; i++) {
      const doc = ids[i]!;
      target[doc >>> 5]! |= 1 << (doc & 31);
    }
  }

  /** target := target ∧ this; `scratch` is a zeroed bitmap of the same size, returned zeroed. */
  andInto(target: Bits, scratch: Bits): void {
    if (this.bits) {
      andInto(target, this.bits);
      return;
    }
    const ids = this.ids;
    for (let i = 0; i < this.length; i++) {
      const doc = ids[i]!;
      const word = doc >>> 5;
      const bit = 1 << (doc & 31);
      if ((target[word]! & bit) !== 0) scratch[word]! |= bit;
    }
    target.set(scratch);
    // Zero again only the words this list touched.
    for (let i = 0; i < this.length; i++) scratch[ids[i]! >>> 5] = 0;
  }

  /** How many documents of the sorted list are in `set` (CountingSet counts bitmaps itself). */
  countIn(set: Bits): number {
    const ids = this.ids;
    let n = 0;
    for (let i = 0; i < this.length; i++) {
      const doc = ids[i]!;
      if ((set[doc >>> 5]! & (1 << (doc & 31))) !== 0) n++;
    }
    return n;
  }

  has(doc: number): boolean {
    if (this.bits) return (this.bits[doc >>> 5]! & (1 << (doc & 31))) !== 0;
    // Binary search in the ascending list.
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.ids[mid]!;
      if (v === doc) return true;
      if (v < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  bytes(): number {
    return this.ids.byteLength + (this.bits?.byteLength ?? 0);
  }
}

/**
 * A result set prepared for counting many options against it: its non-zero words (a selective
 * set touches few of the 31,250 words of a million documents) and, when small, its documents.
 */
export class CountingSet {
  readonly bits: Bits;
  readonly words: Int32Array;
  readonly size: number;
  private docsCache: Uint32Array | null = null;

  constructor(bits: Bits) {
    this.bits = bits;
    let nonZero = 0;
    let size = 0;
    for (let i = 0; i < bits.length; i++) {
      const w = bits[i]!;
      if (w !== 0) {
        nonZero++;
        size += popcount32(w);
      }
    }
    const words = new Int32Array(nonZero);
    let j = 0;
    for (let i = 0; i < bits.length; i++) if (bits[i] !== 0) words[j++] = i;
    this.words = words;
    this.size = size;
  }

  docs(): Uint32Array {
    if (!this.docsCache) {
      const docs = new Uint32Array(this.size);
      let n = 0;
      const { bits, words } = this;
      for (let k = 0; k < words.length; k++) {
        const i = words[k]!;
        let w = bits[i]!;
        while (w !== 0) {
          const low = w & -w;
          docs[n++] = i * 32 + (31 - Math.clz32(low));
          w ^= low;
        }
      }
      this.docsCache = docs;
    }
    return this.docsCache;
  }

  /** |this ∧ bits| for a bitmap of the same size. */
  countBits(other: Bits): number {
    const set = this.bits;
    let n = 0;
    if (this.words.length * 2 < set.length) {
      const words = this.words;
      for (let k = 0; k < words.length; k++) {
        const i = words[k]!;
        const w = set[i]! & other[i]!;
        if (w !== 0) n += popcount32(w);
      }
      return n;
    }
    for (let i = 0; i < set.length; i++) {
      const w = set[i]! & other[i]!;
      n += popcount32(w);
    }
    return n;
  }

  /** |this ∧ posting|, by the cheapest of three ways. */
  count(posting: Posting): number {
    if (this.size === 0 || posting.length === 0) return 0;
    const set = this.bits;
    if (posting.bits) return this.countBits(posting.bits);
    // A sorted list: walk it, or look each of a few documents up in it.
    if (this.size * 16 < posting.length) {
      const docs = this.docs();
      let n = 0;
      for (let k = 0; k < docs.length; k++) if (posting.has(docs[k]!)) n++;
      return n;
    }
    return posting.countIn(set);
  }
}
