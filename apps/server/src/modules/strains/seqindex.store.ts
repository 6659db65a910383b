import { sql, type Kysely, type Transaction } from 'kysely';
import { SeqIndex, search, type Hit } from '@cq-biomfg/seqid';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import type { OnProgress } from '../../platform/http/import-route.js';
import { binomialOf, LIMITS, parseKey, referenceKey, sequenceKey, type Marker } from './model/sequences.js';

/**
 * The identification index, kept in the database as segments (`seq_index_segment`: one
 * SeqIndex's bytes each) so that a restart loads it instead of rebuilding it.
 *
 * - New sequences go to the tail segment after their commit, and the tail is written again; a
 *   tail that holds TAIL_KEYS is left as it is and a new tail begins. A bulk load (a reference
 *   set, a rebuild) writes segments of SEGMENT_KEYS.
 * - When MERGE_AT small segments have piled up behind the tail they are merged into one, built
 *   again from the rows' residues (a SeqIndex cannot be joined to another).
 * - A delete removes the key from the segment holding it and writes that segment again.
 * - At first use after start-up the segments are loaded and checked against the rows: keys
 *   whose row is gone are removed, rows no segment covers (a crash between a commit and the
 *   segment's write) are added; a segment that does not load (corrupt, or written by another
 *   version of seqid) is dropped and its rows added again.
 *
 * Changes run one at a time, in order. The segments are a cache of the sequence rows, whose
 * writes are audited in their own transactions; the one decision about the index itself, a
 * curator's rebuild, is audited too. One server process keeps the index: another process on the
 * same database sees what it did at its own next start-up.
 */

/**
 * A segment built in bulk: big enough that a search visits few, small enough to write in one
 * statement (a SeqIndex takes some 9 kB per full-length 16S record: 5,000 are about 45 MB).
 */
const SEGMENT_KEYS = 5_000;
/** The tail takes sequences one at a time and is written after each: kept small (≈ 2 MB), it is cheap to write. */
const TAIL_KEYS = 200;
/** This many small segments behind the tail are merged into one. */
const MERGE_AT = 4;
const ROW_CHUNK = 1_000;

/** What the index knows of each key, for the search's filter and the status page. */
/** `species` (the strain's or the record's binomial) breaks ties between hits of different species. */
export interface KeyInfo { marker: Marker; strainId: string | null; setId: string | null; length: number; species: string | null }
export interface IndexEntry { key: string; info: KeyInfo; residues: string }

interface Segment { no: number; index: SeqIndex; dirty: boolean; builtAt: Date }
interface State {
  segments: Segment[];
  holder: Map<string, Segment>;
  info: Map<string, KeyInfo>;
  loaded: { at: Date; segments: number; caughtUp: number; dropped: number; stale: number };
  unsaved: boolean;
}

type Q = Kysely<DB> | Transaction<DB>;
const chunks = <T>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

export function seqIndexStore(database: Database, now: () => Date) {
  const { db } = database;
  let state: State | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs `fn` after every change queued before it, on the loaded state. */
  function exclusive<T>(fn: (st: State) => Promise<T>): Promise<T> {
    const run = queue.then(async () => fn(state ??= await load()));
    queue = run.catch(() => undefined);
    return run;
  }

  /** Every row the index should hold: strain sequences up to the indexed length, every reference record. */
  async function wanted(q: Q = db) {
    const info = new Map<string, KeyInfo>();
    const seqs = await q.selectFrom('strainSequence as q').innerJoin('strain as s', 's.id', 'q.strainId')
      .select(['q.id', 'q.strainId', 'q.marker', 'q.length', 's.genus', 's.species']).where('q.length', '<=', LIMITS.indexedBases).execute();
    for (const s of seqs) info.set(sequenceKey(s.id), { marker: s.marker, strainId: s.strainId, setId: null, length: s.length, species: binomialOf(s.genus, s.species) });
    const refs = await q.selectFrom('referenceSequence as r').innerJoin('referenceSet as s', 's.id', 'r.setId').select(['r.id', 'r.setId', 's.marker', 'r.length', 'r.species']).execute();
    for (const r of refs) info.set(referenceKey(r.id), { marker: r.marker, strainId: null, setId: r.setId, length: r.length, species: r.species });
    return info;
  }

  /** The residues of these keys, read in chunks. */
  async function residuesOf(keys: string[], q: Q = db): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const ids = { sequence: [] as string[], reference: [] as string[] };
    for (const k of keys) { const p = parseKey(k); if (p) ids[p.kind].push(p.id); }
    for (const part of chunks(ids.sequence, ROW_CHUNK))
      for (const r of await q.selectFrom('strainSequence').select(['id', 'residues']).where('id', 'in', part).execute()) out.set(sequenceKey(r.id), r.residues);
    for (const part of chunks(ids.reference, ROW_CHUNK))
      for (const r of await q.selectFrom('referenceSequence').select(['id', 'residues']).where('id', 'in', part).execute()) out.set(referenceKey(r.id), r.residues);
    return out;
  }

  const nextNo = (st: State) => (st.segments.at(-1)?.no ?? 0) + 1;

  /** Puts entries in the index: one at a time into the tail, or in bulk into new segments. */
  function place(st: State, entries: IndexEntry[]) {
    const fresh = entries.filter((e) => !st.holder.has(e.key));
    for (const e of fresh) st.info.set(e.key, e.info);
    if (fresh.length >= TAIL_KEYS) {
      for (const part of chunks(fresh, SEGMENT_KEYS)) {
        const seg: Segment = { no: nextNo(st), index: new SeqIndex(), dirty: true, builtAt: now() };
        for (const e of part) { seg.index.add(e.key, e.residues); st.holder.set(e.key, seg); }
        st.segments.push(seg);
      }
      return;
    }
    for (const e of fresh) {
      let tail = st.segments.at(-1);
      if (!tail || tail.index.size >= TAIL_KEYS) st.segments.push(tail = { no: nextNo(st), index: new SeqIndex(), dirty: true, builtAt: now() });
      tail.index.add(e.key, e.residues);
      tail.dirty = true;
      tail.builtAt = now();
      st.holder.set(e.key, tail);
    }
  }

  /** Entries for keys, with their residues read from the rows (keys whose row is gone are left out). */
  async function entriesOf(st: State, keys: string[], onRead?: (done: number) => void, q: Q = db): Promise<IndexEntry[]> {
    const out: IndexEntry[] = [];
    for (const part of chunks(keys, ROW_CHUNK * 5)) {
      const residues = await residuesOf(part, q);
      for (const key of part) {
        const r = residues.get(key), info = st.info.get(key);
        if (r && info) out.push({ key, info, residues: r });
      }
      onRead?.(out.length);
    }
    return out;
  }

  /** What a segment holds, from the keys' facts (no serialising). */
  function countsOf(st: State, s: Segment) {
    let sequences = 0, references = 0, residues = 0;
    const sets = new Set<string>();
    for (const key of s.index.keys()) {
      const i = st.info.get(key);
      if (!i) continue;
      residues += i.length;
      if (i.setId) { references++; sets.add(i.setId); } else sequences++;
    }
    return { sequenceCount: sequences, referenceCount: references, referenceSetIds: [...sets], residueCount: residues };
  }

  const rowOf = (st: State, s: Segment) => ({ no: s.no, bytes: s.index.toBytes(), ...countsOf(st, s), builtAt: s.builtAt });

  /** Writes the changed segments and deletes emptied ones. A failure leaves them marked, to be written by the next change. */
  async function flush(st: State, extraDeletes: number[] = []) {
    const empty = st.segments.filter((s) => s.index.size === 0);
    st.segments = st.segments.filter((s) => s.index.size > 0);
    const dirty = st.segments.filter((s) => s.dirty);
    const deletes = [...extraDeletes, ...empty.map((s) => s.no)];
    if (!dirty.length && !deletes.length) return;
    try {
      await db.transaction().execute(async (trx) => {
        if (deletes.length) await trx.deleteFrom('seqIndexSegment').where('no', 'in', deletes).execute();
        for (const s of dirty) await upsert(trx, rowOf(st, s));
      });
      for (const s of dirty) s.dirty = false;
      st.unsaved = false;
    } catch {
      st.unsaved = true;
    }
  }

  const upsert = (trx: Transaction<DB>, row: ReturnType<typeof rowOf>) => trx.insertInto('seqIndexSegment').values(row)
    .onConflict((oc) => oc.column('no').doUpdateSet({
      bytes: row.bytes, sequenceCount: row.sequenceCount, referenceCount: row.referenceCount, referenceSetIds: row.referenceSetIds, residueCount: row.residueCount, builtAt: row.builtAt,
    })).execute();

  /** Small segments behind the tail, built again as one from their rows' residues. */
  async function compact(st: State) {
    const tail = st.segments.at(-1);
    const small = st.segments.filter((s) => s !== tail && s.index.size < SEGMENT_KEYS / 2);
    if (small.length < MERGE_AT) return;
    const keys = small.flatMap((s) => [...s.index.keys()]);
    const entries = await entriesOf(st, keys);
    const nos = small.map((s) => s.no).sort((a, b) => a - b);
    const built = chunks(entries, SEGMENT_KEYS).map((part, i) => {
      const seg: Segment = { no: nos[i], index: new SeqIndex(), dirty: true, builtAt: now() };
      for (const e of part) seg.index.add(e.key, e.residues);
      return seg;
    });
    const holderOf = new Map<string, Segment>();
    for (const seg of built) for (const key of seg.index.keys()) holderOf.set(key, seg);
    // A key whose row vanished meanwhile is in no merged segment: it leaves the index.
    for (const key of keys) {
      const seg = holderOf.get(key);
      if (seg) st.holder.set(key, seg);
      else { st.holder.delete(key); st.info.delete(key); }
    }
    const gone = nos.slice(built.length);
    st.segments = [...st.segments.filter((s) => !small.includes(s)), ...built].sort((a, b) => a.no - b.no);
    await flush(st, gone);
  }

  async function load(): Promise<State> {
    const rows = await db.selectFrom('seqIndexSegment').select(['no', 'bytes', 'builtAt']).orderBy('no').execute();
    const st: State = { segments: [], holder: new Map(), info: await wanted(), loaded: { at: now(), segments: 0, caughtUp: 0, dropped: 0, stale: 0 }, unsaved: false };
    const dropped: number[] = [];
    for (const r of rows) {
      try {
        st.segments.push({ no: r.no, index: SeqIndex.fromBytes(new Uint8Array(r.bytes)), dirty: false, builtAt: new Date(r.builtAt as Date) });
      } catch {
        dropped.push(r.no);
      }
    }
    for (const s of st.segments) {
      for (const key of [...s.index.keys()]) {
        if (st.info.has(key) && !st.holder.has(key)) { st.holder.set(key, s); continue; }
        s.index.remove(key);
        s.dirty = true;
        st.loaded.stale++;
      }
    }
    const missing = [...st.info.keys()].filter((k) => !st.holder.has(k));
    place(st, await entriesOf(st, missing));
    st.loaded = { ...st.loaded, segments: rows.length - dropped.length, caughtUp: missing.length, dropped: dropped.length };
    await flush(st, dropped);
    return st;
  }

  return {
    /** After the commit that stored them: these rows go into the index. */
    added: (entries: IndexEntry[]) => exclusive(async (st) => {
      place(st, entries);
      await flush(st);
      await compact(st);
    }),

    /** After the commit that deleted them: these keys leave the index. */
    removed: (keys: string[]) => exclusive(async (st) => {
      for (const key of keys) {
        const s = st.holder.get(key);
        if (s) { s.index.remove(key); s.dirty = true; }
        st.holder.delete(key);
        st.info.delete(key);
      }
      await flush(st);
      await compact(st);
    }),

    /**
     * Builds every segment again from the rows and replaces the stored ones in one transaction,
     * audited. Reading and building report progress; searches use the old index until the end.
     */
    rebuild: (ctx: Ctx, onProgress: OnProgress = () => {}) => exclusive(async (old) => {
      onProgress({ phase: 'read', done: 0, total: 0 });
      const info = await wanted();
      const st: State = { segments: [], holder: new Map(), info, loaded: old.loaded, unsaved: false };
      const keys = [...info.keys()];
      const entries = await entriesOf(st, keys, (done) => onProgress({ phase: 'read', done, total: keys.length }));
      for (const [i, part] of chunks(entries, SEGMENT_KEYS).entries()) {
        const seg: Segment = { no: i + 1, index: new SeqIndex(), dirty: true, builtAt: now() };
        for (const e of part) { seg.index.add(e.key, e.residues); st.holder.set(e.key, seg); }
        st.segments.push(seg);
        onProgress({ phase: 'write', done: Math.min(entries.length, (i + 1) * SEGMENT_KEYS), total: entries.length });
      }
      await db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('seqIndexSegment').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
        await trx.deleteFrom('seqIndexSegment').execute();
        for (const s of st.segments) await upsert(trx, rowOf(st, s));
        await audit(trx, ctx, {
          action: 'strains.index.rebuild', entityType: 'seq_index_segment', entityId: '*',
          summary: `重建序列鉴定索引：${entries.length} 条序列，${st.segments.length} 个分段（Rebuilt the identification index: ${entries.length} sequences in ${st.segments.length} segments）`,
          before: { segments: before.n }, after: { segments: st.segments.length, sequences: entries.length },
        });
      });
      for (const s of st.segments) s.dirty = false;
      state = st;
      onProgress({ phase: 'done', done: entries.length, total: entries.length });
      return { segments: st.segments.length, sequences: entries.length };
    }),

    /**
     * Ranked hits among the keys `allow` admits. Waits for the index to load at first use; later
     * searches read the index as it stands, beside any change being made.
     */
    async search(query: string, opts: { top: number; allow: (i: KeyInfo) => boolean }): Promise<Hit[]> {
      const st = state ?? await exclusive(async (s) => s);
      const allow = (key: string) => { const i = st.info.get(key); return !!i && opts.allow(i); };
      return search(st.segments.map((s) => s.index), query, { top: opts.top, allow, groupOf: (key) => st.info.get(key)?.species ?? undefined });
    },

    /** What the index holds as `allow` admits it: how many strain sequences and reference records. */
    async scope(allow: (i: KeyInfo) => boolean) {
      const st = state ?? await exclusive(async (s) => s);
      let sequences = 0, references = 0;
      for (const i of st.info.values()) if (allow(i)) { if (i.setId) references++; else sequences++; }
      return { sequences, references };
    },

    /** Strains with a sequence in the index. */
    async strainIds(): Promise<string[]> {
      const st = state ?? await exclusive(async (s) => s);
      return [...new Set([...st.info.values()].flatMap((i) => (i.strainId ? [i.strainId] : [])))];
    },

    /** The index as the status page shows it (loading it if this is its first use). */
    status: () => exclusive(async (st) => {
      const segments = st.segments.map((s) => {
        const r = countsOf(st, s);
        return { no: s.no, keys: s.index.size, sequences: r.sequenceCount, references: r.referenceCount, residues: r.residueCount, referenceSetIds: r.referenceSetIds, memoryBytes: s.index.memoryBytes(), builtAt: s.builtAt, saved: !s.dirty };
      });
      return {
        segments,
        sequences: segments.reduce((n, s) => n + s.sequences, 0),
        references: segments.reduce((n, s) => n + s.references, 0),
        memoryBytes: segments.reduce((n, s) => n + s.memoryBytes, 0),
        builtAt: segments.reduce<Date | null>((t, s) => (!t || s.builtAt > t ? s.builtAt : t), null),
        loaded: st.loaded,
        unsaved: st.unsaved,
        indexedBases: LIMITS.indexedBases,
      };
    }),
  };
}

export type SeqIndexStore = ReturnType<typeof seqIndexStore>;
