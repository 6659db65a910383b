import { callFor, ITS_THRESHOLDS, THRESHOLDS, type Hit } from '@cq-biomfg/seqid';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { forbidden, unauthorized } from '../../platform/http/errors.js';
import type { OnProgress } from '../../platform/http/import-route.js';
import type { StrainLineage } from './schema.js';
import { readFasta } from './fasta.input.js';
import { binomialOf, callMarkerOf, LIMITS, MARKER_NAMES, parseKey, strainName, type Marker, type Taxonomy } from './model/sequences.js';
import type { KeyInfo, SeqIndexStore } from './seqindex.store.js';
import { strainsSeenInFull, strainViewerOf, type StrainViewer } from './viewer.js';

export interface IdentifyInput { fasta: string; top?: number; marker?: Marker }

const CHUNK = 1_000;
const chunks = <T>(xs: T[], n = CHUNK) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** Best first as seqid ranks them; between equal hits the bank's own strain before a reference record. */
const bankFirst = (hits: Hit[]) => [...hits].sort((a, b) => b.score - a.score || b.identity - a.identity || Number(b.key.startsWith('s:')) - Number(a.key.startsWith('s:')));

/** Said on every answer, whoever asks, so that the answer itself tells nothing of what was left out. */
const SCOPE_NOTE = {
  zh: '比对范围：已入库菌种的序列（受限菌种仅对有权查看其完整记录者参与比对）和已载入的参考序列集。',
  en: 'Searched: sequences of accessioned strains (a restricted strain\'s only for those who see its full record) and the loaded reference sets.',
};

/**
 * Identification: each query of a FASTA against the bank's sequences and the reference sets,
 * ranked hits with identity over the aligned region, query coverage and the call in words
 * (seqid's callFor). What a caller may not see is left out before scoring (`allow`): a
 * restricted strain's sequences unless the caller sees the strain in full, and for anyone but
 * the curators every strain not accessioned. The answer never counts or names what was left out.
 */
export function identifyService(database: Database, index: SeqIndexStore) {
  const { db } = database;

  /** The strains whose sequences this caller's search may reach. */
  async function searchableStrains(v: StrainViewer): Promise<Set<string>> {
    const ids = await index.strainIds();
    if (v.curator || v.officer) return new Set(ids);
    const accessioned: string[] = [];
    for (const part of chunks(ids)) accessioned.push(...(await db.selectFrom('strain').select('id').where('id', 'in', part).where('status', '=', 'accessioned').execute()).map((s) => s.id));
    return strainsSeenInFull(db, v, accessioned);
  }

  /** The rows behind the hits' keys (what a hit shows: the strain or the reference record). */
  async function subjectsOf(keys: string[]) {
    const ids = { sequence: [] as string[], reference: [] as string[] };
    for (const k of keys) { const p = parseKey(k); if (p) ids[p.kind].push(p.id); }
    const seqs = new Map<string, { sequenceId: string; marker: Marker; geneName: string | null; fastaId: string; strain: { id: string; accession: string | null; depositNo: string; name: string; nameZh: string | null; genus: string; species: string | null; lineage: StrainLineage; typeStrain: boolean } }>();
    for (const part of chunks([...new Set(ids.sequence)])) {
      const rows = await db.selectFrom('strainSequence as q').innerJoin('strain as s', 's.id', 'q.strainId')
        .select(['q.id', 'q.marker', 'q.geneName', 'q.fastaId', 's.id as strainId', 's.accession', 's.depositNo', 's.genus', 's.species', 's.subspecies', 's.strainDesignation', 's.nameZh', 's.lineage', 's.typeStrain'])
        .where('q.id', 'in', part).execute();
      for (const r of rows) seqs.set(`s:${r.id}`, {
        sequenceId: r.id, marker: r.marker, geneName: r.geneName, fastaId: r.fastaId,
        strain: { id: r.strainId, accession: r.accession, depositNo: r.depositNo, name: strainName(r), nameZh: r.nameZh, genus: r.genus, species: r.species, lineage: r.lineage, typeStrain: r.typeStrain },
      });
    }
    const refs = new Map<string, { referenceId: string; marker: Marker; setId: string; setName: string; fastaId: string; description: string | null; taxonomy: Taxonomy }>();
    for (const part of chunks([...new Set(ids.reference)])) {
      const rows = await db.selectFrom('referenceSequence as r').innerJoin('referenceSet as s', 's.id', 'r.setId')
        .select(['r.id', 'r.fastaId', 'r.description', 'r.taxonomy', 's.id as setId', 's.nameZh as setName', 's.marker']).where('r.id', 'in', part).execute();
      for (const r of rows) refs.set(`r:${r.id}`, { referenceId: r.id, marker: r.marker, setId: r.setId, setName: r.setName, fastaId: r.fastaId, description: r.description, taxonomy: r.taxonomy });
    }
    return { seqs, refs };
  }

  function presentHit(h: Hit, rank: number, s: Awaited<ReturnType<typeof subjectsOf>>) {
    const figures = {
      rank, identity: h.identity, queryCoverage: h.queryCoverage, alignedLength: h.alignedLength, mismatches: h.mismatches, gaps: h.gaps,
      queryStart: h.queryStart, queryEnd: h.queryEnd, subjectStart: h.subjectStart, subjectEnd: h.subjectEnd, score: h.score,
    };
    const q = s.seqs.get(h.key);
    if (q) {
      const species = binomialOf(q.strain.genus, q.strain.species);
      return {
        ...figures, kind: 'strain' as const, marker: q.marker, markerZh: MARKER_NAMES[q.marker].zh, geneName: q.geneName, sequenceId: q.sequenceId, fastaId: q.fastaId, strain: q.strain,
        call: callFor(h, callMarkerOf(q.marker), { genus: q.strain.genus, species }),
      };
    }
    const r = s.refs.get(h.key);
    if (!r) return null;
    return {
      ...figures, kind: 'reference' as const, marker: r.marker, markerZh: MARKER_NAMES[r.marker].zh,
      reference: { id: r.referenceId, setId: r.setId, setName: r.setName, fastaId: r.fastaId, description: r.description, taxonomy: r.taxonomy },
      call: callFor(h, callMarkerOf(r.marker), { genus: r.taxonomy.genus ?? null, species: r.taxonomy.species ?? null }),
    };
  }

  return {
    /**
     * Identifies each query (up to LIMITS.queries, each up to LIMITS.queryBases): a problem in the
     * FASTA is 422 naming the record and position, an over-long query 413.
     */
    async identify(ctx: Ctx, input: IdentifyInput) {
      const v = await strainViewerOf(db, ctx);
      if (!v.userId) throw unauthorized();
      const queries = readFasta(input.fasta, { maxRecords: LIMITS.queries, maxLength: LIMITS.queryBases, path: '/fasta' });
      const top = Math.max(1, Math.min(LIMITS.top, input.top ?? 10));
      const strains = await searchableStrains(v);
      const allow = (i: KeyInfo) => (!input.marker || i.marker === input.marker) && (i.setId !== null || (i.strainId !== null && strains.has(i.strainId)));
      const found = [];
      for (const q of queries) found.push({ q, hits: bankFirst(await index.search(q.sequence, { top, allow })) });
      const subjects = await subjectsOf(found.flatMap((f) => f.hits.map((h) => h.key)));
      return {
        queries: found.map(({ q, hits }) => {
          // A hit whose row was deleted a moment ago is dropped, and the ranks close up.
          const shown = hits.map((h) => presentHit(h, 0, subjects)).filter((h) => h !== null).map((h, i) => ({ ...h, rank: i + 1 }));
          return { id: q.id, description: q.description, length: q.sequence.length, call: shown[0]?.call ?? callFor(undefined, input.marker ? callMarkerOf(input.marker) : 'other'), hits: shown };
        }),
        searched: { ...(await index.scope(allow)), marker: input.marker ?? null, top },
        thresholds: { ...THRESHOLDS, its: ITS_THRESHOLDS },
        note: SCOPE_NOTE,
      };
    },

    /** The index for the curators: segments, counts, memory, when it was built and loaded. */
    async indexStatus(ctx: Ctx) {
      const v = await strainViewerOf(db, ctx);
      if (!v.curator) throw forbidden('只有菌种库管理员可以查看鉴定索引', 'Only the bank\'s curators see the index');
      return index.status();
    },

    /** A curator rebuilds the index from the rows, with progress. */
    async rebuildIndex(ctx: Ctx, onProgress: OnProgress = () => {}) {
      const v = await strainViewerOf(db, ctx);
      if (!v.curator) throw forbidden('只有菌种库管理员可以重建鉴定索引', 'Only the bank\'s curators rebuild the index');
      return index.rebuild(ctx, onProgress);
    },
  };
}

export type IdentifyService = ReturnType<typeof identifyService>;
