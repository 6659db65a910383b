import * as alphabet from './alphabet.js';

// Module-local bindings: loaders that turn imports into getters would put one in the hot loops.
const { CODE_OF, MASK_OF, MASK_OF_CODE } = alphabet;

export interface IndexOptions {
  k?: number;
  /**
   * A k-mer in more than this fraction of the references (a conserved region: it tells them
   * apart no better than chance) keeps only the first postings and is not counted by a search
   * (default 0.01, at least FREQUENT_FLOOR references).
   */
  frequentFraction?: number;
}

/** k-mers are packed 2 bits a base into one int; the build's dense tables hold 4^k entries. */
export const MIN_K = 6, MAX_K = 12, DEFAULT_K = 11;
export const DEFAULT_FREQUENT_FRACTION = 0.01, FREQUENT_FLOOR = 256;
const VERSION = 1;
/** magic, version, k, frequent fraction (ppm), references, key bytes, packed bytes, ambiguous bases, k-mers, postings, checksum */
const HEADER = 11;
const MAGIC = 0x58495153; // 'SQIX' little-endian

/**
 * The k-mer postings of the sequences indexed so far: sorted k-mers, their start in `postings`,
 * slot numbers, and which k-mers are frequent (their postings cut to the first `cap`).
 */
interface Postings { kmers: Uint32Array; starts: Uint32Array; postings: Uint32Array; frequent: Uint8Array }
const EMPTY: Postings = { kmers: new Uint32Array(0), starts: new Uint32Array(1), postings: new Uint32Array(0), frequent: new Uint8Array(0) };

/**
 * The references to search: each sequence 2-bit packed (ambiguous bases listed beside it as
 * position·16 + mask) and, for every k-mer, the references that contain it (CSR arrays).
 * Adding and removing are cheap: an added sequence waits in a pending tail (scanned directly
 * by a search) and a removed one leaves a tombstone, until `compact()` rebuilds the postings —
 * which a search does by itself once the tail or the tombstones grow large, and `toBytes()`
 * always does. One SeqIndex is one segment; the server searches several together.
 */
export class SeqIndex {
  readonly k: number;
  readonly frequentFraction: number;
  /** @internal slot → key, null once removed */ keyOf: (string | null)[] = [];
  /** @internal */ lengthOf: number[] = [];
  /** @internal */ packedOf: (Uint8Array | null)[] = [];
  /** @internal */ ambigOf: (Uint32Array | null)[] = [];
  /** @internal slots below this are in `post`; those above are pending */ mainSlots = 0;
  /** @internal */ post: Postings = EMPTY;
  /** @internal */ deadInMain = 0;
  private readonly slotOf = new Map<string, number>();
  private kmerBuf = new Int32Array(0);

  constructor(opts: IndexOptions = {}) {
    const k = opts.k ?? DEFAULT_K;
    if (!Number.isInteger(k) || k < MIN_K || k > MAX_K) throw new Error(`seqid: k must be an integer from ${MIN_K} to ${MAX_K}, not ${k}`);
    this.k = k;
    const f = opts.frequentFraction ?? DEFAULT_FREQUENT_FRACTION;
    if (!(f > 0 && f <= 1)) throw new Error(`seqid: frequentFraction must be in (0, 1], not ${f}`);
    this.frequentFraction = f;
  }

  /** Adds a sequence (IUPAC letters, any case, U read as T), replacing the one under the same key. */
  add(key: string, sequence: string): void {
    const n = sequence.length;
    const packed = new Uint8Array((n + 3) >> 2);
    const ambig: number[] = [];
    for (let i = 0; i < n; i++) {
      const c = sequence.charCodeAt(i);
      const m = c < 128 ? MASK_OF[c] : 0;
      if (m === 0) throw new Error(`seqid: '${sequence[i]}' at position ${i + 1} of ${key} is not an IUPAC nucleotide code`);
      const code = CODE_OF[m];
      if (code < 0) ambig.push(i * 16 + m);
      else packed[i >> 2] |= code << ((i & 3) * 2);
    }
    this.remove(key);
    const slot = this.keyOf.length;
    this.keyOf.push(key);
    this.lengthOf.push(n);
    this.packedOf.push(packed);
    this.ambigOf.push(ambig.length ? Uint32Array.from(ambig) : null);
    this.slotOf.set(key, slot);
  }

  remove(key: string): boolean {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return false;
    this.slotOf.delete(key);
    this.keyOf[slot] = null;
    this.packedOf[slot] = null;
    this.ambigOf[slot] = null;
    if (slot < this.mainSlots) this.deadInMain++;
    return true;
  }

  has(key: string): boolean { return this.slotOf.has(key); }
  get size(): number { return this.slotOf.size; }
  keys(): IterableIterator<string> { return this.slotOf.keys(); }

  /** The stored sequence (upper case, IUPAC), or undefined. */
  sequence(key: string): string | undefined {
    const slot = this.slotOf.get(key);
    return slot === undefined ? undefined : this.lettersOf(slot, 0, this.lengthOf[slot]);
  }

  /** @internal Sequences waiting outside the postings. */
  get pending(): number { return this.keyOf.length - this.mainSlots; }

  /** Whether a search would rebuild the postings first (a long tail costs every query more than the rebuild). */
  needsCompaction(): boolean {
    const mainLive = this.mainSlots - this.deadInMain;
    return this.pending > Math.max(64, mainLive / 8) || this.deadInMain > Math.max(64, mainLive / 4);
  }

  /** Rebuilds the postings over every live sequence and drops removed ones; slots are renumbered. */
  compact(): void {
    if (this.pending === 0 && this.deadInMain === 0) return;
    const keys: string[] = [], lengths: number[] = [], packed: Uint8Array[] = [], ambig: (Uint32Array | null)[] = [];
    for (let s = 0; s < this.keyOf.length; s++) {
      const key = this.keyOf[s];
      if (key === null) continue;
      keys.push(key); lengths.push(this.lengthOf[s]); packed.push(this.packedOf[s]!); ambig.push(this.ambigOf[s]);
    }
    this.keyOf = keys; this.lengthOf = lengths; this.packedOf = packed; this.ambigOf = ambig;
    this.slotOf.clear();
    keys.forEach((key, slot) => this.slotOf.set(key, slot));
    this.post = this.buildPostings();
    this.mainSlots = keys.length;
    this.deadInMain = 0;
  }

  private buildPostings(): Postings {
    const slots = this.keyOf.length;
    const cap = Math.max(FREQUENT_FLOOR, Math.ceil(this.frequentFraction * slots));
    let positions = 0;
    for (let s = 0; s < slots; s++) positions += Math.max(0, this.lengthOf[s] - this.k + 1);
    // The dense build touches 4^k counters whatever the size: for a small segment sorting is cheaper.
    return positions * 4 < 1 << (2 * this.k) ? this.buildPostingsSorted(cap) : this.buildPostingsDense(cap);
  }

  /** Every (k-mer, slot) pair as one number k-mer·2^28 + slot, sorted and deduplicated. */
  private buildPostingsSorted(cap: number): Postings {
    const pairs: number[] = [];
    for (let s = 0; s < this.keyOf.length; s++) {
      const kms = this.kmersOf(s), n = this.lengthOf[s] - this.k + 1;
      for (let j = 0; j < n; j++) if (kms[j] >= 0) pairs.push(kms[j] * SLOT_SPAN + s);
    }
    const sorted = Float64Array.from(pairs).sort();
    const kmers: number[] = [], starts: number[] = [], postings: number[] = [], frequent: number[] = [];
    for (let i = 0; i < sorted.length;) {
      const km = Math.floor(sorted[i] / SLOT_SPAN);
      kmers.push(km); starts.push(postings.length);
      let count = 0;
      for (let last = -1; i < sorted.length && Math.floor(sorted[i] / SLOT_SPAN) === km; i++) {
        const slot = sorted[i] - km * SLOT_SPAN;
        if (slot === last) continue;
        last = slot;
        if (count++ < cap) postings.push(slot);
      }
      frequent.push(count > cap ? 1 : 0);
    }
    starts.push(postings.length);
    return { kmers: Uint32Array.from(kmers), starts: Uint32Array.from(starts), postings: Uint32Array.from(postings), frequent: Uint8Array.from(frequent) };
  }

  /** Two passes over every sequence's distinct k-mers: count, then place (postings come out sorted by slot). */
  private buildPostingsDense(cap: number): Postings {
    const K = 1 << (2 * this.k), slots = this.keyOf.length;
    const last = new Int32Array(K).fill(-1);
    const cursor = new Uint32Array(K);
    let total = 0;
    for (let s = 0; s < slots; s++) {
      const kms = this.kmersOf(s), n = this.lengthOf[s] - this.k + 1;
      for (let j = 0; j < n; j++) {
        const km = kms[j];
        if (km >= 0 && last[km] !== s) { last[km] = s; cursor[km]++; }
      }
    }
    let distinct = 0;
    for (let km = 0; km < K; km++) if (cursor[km]) { distinct++; total += Math.min(cursor[km], cap); }
    const kmers = new Uint32Array(distinct), starts = new Uint32Array(distinct + 1), postings = new Uint32Array(total);
    const frequent = new Uint8Array(distinct);
    // `room` counts down the places left for a k-mer, so that a frequent one keeps only its first `cap`.
    const room = cursor.slice();
    let d = 0, at = 0;
    for (let km = 0; km < K; km++) {
      const c = cursor[km];
      if (!c) continue;
      if (c > cap) { frequent[d] = 1; room[km] = cap; }
      kmers[d] = km; starts[d++] = at; cursor[km] = at; at += Math.min(c, cap);
    }
    starts[distinct] = at;
    last.fill(-1);
    for (let s = 0; s < slots; s++) {
      const kms = this.kmersOf(s), n = this.lengthOf[s] - this.k + 1;
      for (let j = 0; j < n; j++) {
        const km = kms[j];
        if (km >= 0 && last[km] !== s) { last[km] = s; if (room[km]) { room[km]--; postings[cursor[km]++] = s; } }
      }
    }
    return { kmers, starts, postings, frequent };
  }

  /**
   * @internal The k-mer starting at each position of a slot's sequence (-1 where the window holds
   * an ambiguous base), in a buffer reused by the next call.
   */
  kmersOf(slot: number): Int32Array {
    const n = this.lengthOf[slot], k = this.k, mask = (1 << (2 * k)) - 1;
    if (this.kmerBuf.length < n) this.kmerBuf = new Int32Array(Math.max(n, this.kmerBuf.length * 2));
    const out = this.kmerBuf, packed = this.packedOf[slot]!, ambig = this.ambigOf[slot];
    let nextAmbig = ambig && ambig.length ? ambig[0] >>> 4 : -1, ai = 0;
    let km = 0, run = 0;
    for (let i = 0; i < n; i++) {
      if (i === nextAmbig) {
        run = 0;
        ai++;
        nextAmbig = ai < ambig!.length ? ambig![ai] >>> 4 : -1;
      } else {
        km = ((km << 2) | ((packed[i >> 2] >> ((i & 3) * 2)) & 3)) & mask;
        run++;
      }
      if (i >= k - 1) out[i - k + 1] = run >= k ? km : -1;
    }
    return out;
  }

  /** @internal A slot's bases from..to (0-based, end exclusive) as 4-bit masks into `out`. */
  masksInto(slot: number, from: number, to: number, out: Uint8Array): void {
    const packed = this.packedOf[slot]!, ambig = this.ambigOf[slot];
    for (let i = from; i < to; i++) out[i - from] = MASK_OF_CODE[(packed[i >> 2] >> ((i & 3) * 2)) & 3];
    if (ambig) for (let a = 0; a < ambig.length; a++) {
      const pos = ambig[a] >>> 4;
      if (pos >= from && pos < to) out[pos - from] = ambig[a] & 15;
    }
  }

  private lettersOf(slot: number, from: number, to: number): string {
    const masks = new Uint8Array(to - from);
    this.masksInto(slot, from, to, masks);
    let s = '';
    for (let i = 0; i < masks.length; i += 8192) s += String.fromCharCode(...Array.from(masks.subarray(i, i + 8192), (m) => LETTER_CODE[m]));
    return s;
  }

  /** The postings' range for one k-mer (binary search over the sorted k-mers), or -1. */
  /** @internal */ find(km: number): number {
    const kmers = this.post.kmers;
    let lo = 0, hi = kmers.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1, v = kmers[mid];
      if (v < km) lo = mid + 1; else if (v > km) hi = mid - 1; else return mid;
    }
    return -1;
  }

  memoryBytes(): number {
    let seq = 0;
    for (let s = 0; s < this.keyOf.length; s++) {
      if (this.keyOf[s] === null) continue;
      seq += this.packedOf[s]!.byteLength + (this.ambigOf[s]?.byteLength ?? 0) + 2 * this.keyOf[s]!.length + 96; // per-entry object and map overhead, roughly
    }
    const { kmers, starts, postings, frequent } = this.post;
    return seq + kmers.byteLength + starts.byteLength + postings.byteLength + frequent.byteLength + this.kmerBuf.byteLength;
  }

  /**
   * The segment as bytes (compacting first): a header (magic, version, k, counts, checksum)
   * then 4-byte aligned sections, so that loading wraps typed arrays around the bytes.
   */
  toBytes(): Uint8Array {
    this.compact();
    const n = this.keyOf.length, enc = new TextEncoder();
    const keyBytes = this.keyOf.map((k) => enc.encode(k!));
    const keyTotal = keyBytes.reduce((a, b) => a + b.length, 0);
    const packedTotal = this.packedOf.reduce((a, p) => a + p!.length, 0);
    const ambigTotal = this.ambigOf.reduce((a, p) => a + (p?.length ?? 0), 0);
    const { kmers, starts, postings, frequent } = this.post;
    const words = HEADER + n /* lengths */ + n /* ambig counts */ + n /* key byte lengths */ + pad4(keyTotal) / 4 + pad4(packedTotal) / 4
      + ambigTotal + kmers.length + starts.length + postings.length + pad4(frequent.length) / 4;
    const out = new Uint32Array(words), bytes = new Uint8Array(out.buffer);
    let w = HEADER;
    for (let s = 0; s < n; s++) out[w++] = this.lengthOf[s];
    for (let s = 0; s < n; s++) out[w++] = this.ambigOf[s]?.length ?? 0;
    for (let s = 0; s < n; s++) out[w++] = keyBytes[s].length;
    let b = w * 4;
    for (const kb of keyBytes) { bytes.set(kb, b); b += kb.length; }
    w += pad4(keyTotal) / 4; b = w * 4;
    for (const p of this.packedOf) { bytes.set(p!, b); b += p!.length; }
    w += pad4(packedTotal) / 4;
    for (const a of this.ambigOf) if (a) { out.set(a, w); w += a.length; }
    out.set(kmers, w); w += kmers.length;
    out.set(starts, w); w += starts.length;
    out.set(postings, w); w += postings.length;
    bytes.set(frequent, w * 4);
    out.set([MAGIC, VERSION, this.k, Math.round(this.frequentFraction * 1e6), n, keyTotal, packedTotal, ambigTotal, kmers.length, postings.length, 0], 0);
    out[HEADER - 1] = checksum(out, HEADER);
    return bytes;
  }

  /** Loads a segment written by toBytes; throws when the bytes are truncated, corrupt or of another version. */
  static fromBytes(input: Uint8Array): SeqIndex {
    const corrupt = (why: string) => new Error(`seqid: not a readable index segment (${why})`);
    if (input.byteLength < HEADER * 4 || input.byteLength % 4) throw corrupt('truncated');
    // Typed-array views need 4-byte alignment; bytes read from a database often are not aligned.
    const aligned = input.byteOffset % 4 === 0 ? input : input.slice();
    const u32 = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
    const [magic, version, k, ppm, n, keyTotal, packedTotal, ambigTotal, nKmers, nPostings, sum] = u32;
    if (magic !== MAGIC) throw corrupt('wrong magic number');
    if (version !== VERSION) throw corrupt(`version ${version}, this engine reads version ${VERSION}`);
    if (k < MIN_K || k > MAX_K || !(ppm > 0 && ppm <= 1e6)) throw corrupt(`k = ${k}, frequent fraction ${ppm} ppm`);
    const words = HEADER + 3 * n + pad4(keyTotal) / 4 + pad4(packedTotal) / 4 + ambigTotal + nKmers + (nKmers + 1) + nPostings + pad4(nKmers) / 4;
    if (u32.length !== words) throw corrupt(u32.length < words ? 'truncated' : 'trailing bytes');
    if (checksum(u32, HEADER) !== sum) throw corrupt('checksum mismatch');
    const index = new SeqIndex({ k, frequentFraction: ppm / 1e6 });
    let w = HEADER;
    const lengths = u32.subarray(w, w += n), ambigCounts = u32.subarray(w, w += n), keyLengths = u32.subarray(w, w += n);
    const bytes = new Uint8Array(u32.buffer, u32.byteOffset, u32.byteLength);
    const dec = new TextDecoder('utf-8', { fatal: true });
    let b = w * 4, packedAt = (w + pad4(keyTotal) / 4) * 4, ambigAt = w + pad4(keyTotal) / 4 + pad4(packedTotal) / 4;
    for (let s = 0; s < n; s++) {
      const key = dec.decode(bytes.subarray(b, b += keyLengths[s]));
      const len = lengths[s], pl = (len + 3) >> 2;
      index.keyOf.push(key);
      index.lengthOf.push(len);
      index.packedOf.push(bytes.subarray(packedAt, packedAt += pl));
      index.ambigOf.push(ambigCounts[s] ? u32.subarray(ambigAt, ambigAt += ambigCounts[s]) : null);
      index.slotOf.set(key, s);
    }
    if (index.slotOf.size !== n) throw corrupt('duplicate keys');
    w = ambigAt;
    const kmers = u32.subarray(w, w += nKmers), starts = u32.subarray(w, w += nKmers + 1), postings = u32.subarray(w, w += nPostings);
    const frequent = bytes.subarray(w * 4, w * 4 + nKmers);
    if (starts[nKmers] !== nPostings) throw corrupt('postings do not add up');
    index.post = { kmers, starts, postings, frequent };
    index.mainSlots = n;
    return index;
  }
}

/** Slots stay below 2^28 so that k-mer·2^28 + slot is exact in a double (k ≤ 12: below 2^52). */
const SLOT_SPAN = 2 ** 28;
const LETTER_CODE = Uint8Array.from('-ACMGRSVTWYHKDBN', (c) => c.charCodeAt(0));
const pad4 = (n: number) => (n + 3) & ~3;

/** A 32-bit FNV-style hash of the words after the header: catches corruption, not tampering. */
function checksum(u32: Uint32Array, from: number): number {
  let h = 0x811c9dc5 ^ u32.length;
  for (let i = from; i < u32.length; i++) h = Math.imul(h ^ u32[i], 0x01000193);
  return h >>> 0;
}
