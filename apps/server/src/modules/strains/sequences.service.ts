import { createHash } from 'node:crypto';
import { formatFasta } from '@cq-biomfg/seqid';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/http/errors.js';
import type { StrainDeps } from './index.js';
import { readFasta } from './fasta.input.js';
import { binomialOf, exportHeader, LIMITS, MARKER_NAMES, MARKERS, sequenceKey, strainName, type Marker } from './model/sequences.js';
import type { SeqIndexStore } from './seqindex.store.js';
import { strainsSeenInFull, strainViewerOf, type StrainViewer } from './viewer.js';

export interface SequenceInput { fasta: string; marker: Marker; geneName?: string | null; description?: string | null; fileName?: string | null }
export interface FastaFilter { marker?: Marker; genus?: string; strainIds?: string[] }

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const notFoundStrain = () => notFound('菌种不存在或无权查看其序列', 'No such strain, or its sequences are not yours to see');
const notFoundSequence = () => notFound('序列不存在', 'No such sequence');
const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';
/** Strains whose record is closed take no new sequences. */
const CLOSED = ['rejected', 'withdrawn'];
const PAGE = 200;
const INSERT_CHUNK = 500;

const STRAIN_COLUMNS = ['s.id', 's.accession', 's.depositNo', 's.status', 's.genus', 's.species', 's.subspecies', 's.strainDesignation', 's.nameZh', 's.restricted'] as const;
const LIST_COLUMNS = ['q.id', 'q.strainId', 'q.marker', 'q.geneName', 'q.fastaId', 'q.description', 'q.length', 'q.sha256', 'q.sourceFileName', 'q.createdAt'] as const;

/**
 * Sequences attached to strains (16S, ITS, LSU, marker genes, plasmids, genomes): curators add
 * them from FASTA and delete them; whoever sees a strain in full reads its sequences and
 * downloads them as FASTA. A restricted strain's sequences are 404 to everyone else and absent
 * from every list and export. New and deleted sequences reach the identification index after
 * their commit.
 */
export function sequencesService(database: Database, d: StrainDeps, index: SeqIndexStore) {
  const { db } = database;

  function requireCurator(v: StrainViewer) {
    if (!v.curator) throw forbidden('只有菌种库管理员可以管理序列', 'Only the bank\'s curators manage sequences');
  }

  const strainRow = (id: string) => db.selectFrom('strain as s').select(STRAIN_COLUMNS).where('s.id', '=', id).executeTakeFirst();

  /** The strain, when the viewer sees it in full; 404 alike for a missing strain and one seen in summary only. */
  async function seenStrain(v: StrainViewer, id: string) {
    const s = await strainRow(id);
    if (!s || !(await strainsSeenInFull(db, v, [id])).has(id)) throw notFoundStrain();
    return s;
  }

  const present = <T extends { marker: Marker }>(q: T) => ({ ...q, markerZh: MARKER_NAMES[q.marker].zh, markerEn: MARKER_NAMES[q.marker].en });

  function inputProblems(input: SequenceInput) {
    const problems = [];
    if (!MARKERS.includes(input.marker)) problems.push({ path: '/marker', message: `标记须为 ${MARKERS.join('、')} 之一（marker must be one of ${MARKERS.join(', ')}）` });
    if (input.marker === 'gene' && !input.geneName?.trim()) problems.push({ path: '/geneName', message: '标记基因须写明基因名，如 rpoB（name the marker gene, e.g. rpoB）' });
    return problems;
  }

  return {
    async list(ctx: Ctx, strainId: string) {
      const v = await strainViewerOf(db, ctx);
      const s = await seenStrain(v, strainId);
      const items = await db.selectFrom('strainSequence as q').leftJoin('appUser as u', 'u.id', 'q.createdBy').select([...LIST_COLUMNS, 'u.displayName as createdByName'])
        .where('q.strainId', '=', strainId).orderBy('q.marker').orderBy('q.createdAt').execute();
      return {
        strain: { id: s.id, accession: s.accession, name: strainName(s), nameZh: s.nameZh, status: s.status },
        total: items.length,
        items: items.map(present),
        may: { add: v.curator && !CLOSED.includes(s.status), delete: v.curator },
      };
    },

    /**
     * A curator adds the records of a FASTA to a strain: every record checked first (a problem is
     * 422 naming its record, line and position; a record over the length cap is 413; the same
     * residues twice on the strain are 409), then all in one transaction, audited on the strain.
     */
    async add(ctx: Ctx, strainId: string, input: SequenceInput) {
      const v = await strainViewerOf(db, ctx);
      requireCurator(v);
      const s = await strainRow(strainId);
      if (!s) throw notFoundStrain();
      const problems = inputProblems(input);
      if (problems.length) throw invalid(problems);
      if (CLOSED.includes(s.status)) throw conflict('菌种已被拒收或撤回，不能再添加序列', 'The strain was rejected or withdrawn and takes no new sequences', [{ path: '/status', message: `状态：${s.status}（status: ${s.status}）` }]);
      const records = readFasta(input.fasta, { maxRecords: LIMITS.recordsPerAdd, maxLength: LIMITS.recordBases, path: '/fasta' });
      const rows = records.map((r, i) => ({ n: i + 1, r, sha256: sha256(r.sequence) }));
      const repeated = rows.filter((x, i) => rows.findIndex((y) => y.sha256 === x.sha256) < i);
      const existing = new Set((await db.selectFrom('strainSequence').select('sha256').where('strainId', '=', strainId).where('sha256', 'in', rows.map((x) => x.sha256)).execute()).map((x) => x.sha256));
      const twice = [...repeated, ...rows.filter((x) => existing.has(x.sha256))];
      if (twice.length) throw conflict('该菌种已有相同的序列', 'The strain already has the same sequence',
        twice.map((x) => ({ path: `/fasta/records/${x.n}`, message: `第 ${x.n} 条记录（${x.r.id}）与该菌种已有的序列相同（record ${x.n} (${x.r.id}) is the same as a sequence the strain has）` })));
      const geneName = input.marker === 'gene' ? input.geneName!.trim() : null;
      const description = input.description?.trim() || null;
      let created;
      try {
        created = await db.transaction().execute(async (trx) => {
          const inserted = [];
          // A statement holds at most 65,535 parameters: the contigs of a draft genome go in chunks.
          for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
            inserted.push(...await trx.insertInto('strainSequence').values(rows.slice(i, i + INSERT_CHUNK).map((x) => ({
              strainId, marker: input.marker, geneName, fastaId: x.r.id.slice(0, 200), description: description ?? (x.r.description.slice(0, 1000) || null),
              length: x.r.sequence.length, residues: x.r.sequence, sha256: x.sha256, sourceFileName: input.fileName ?? null, createdBy: v.userId, createdAt: d.now(),
            }))).returning(['id', 'strainId', 'marker', 'geneName', 'fastaId', 'description', 'length', 'sha256', 'sourceFileName', 'createdAt']).execute());
          }
          await audit(trx, ctx, {
            action: 'strains.sequence.add', entityType: 'strain', entityId: strainId,
            summary: `为 ${s.accession ?? s.depositNo} 添加 ${inserted.length} 条${MARKER_NAMES[input.marker].zh}序列（Added ${inserted.length} ${MARKER_NAMES[input.marker].en} sequence(s)）`,
            after: inserted.map((q) => ({ id: q.id, marker: q.marker, fastaId: q.fastaId, length: q.length, sha256: q.sha256 })),
          });
          return inserted;
        });
      } catch (e) {
        // Another curator stored the same residues at the same moment.
        if (isUniqueViolation(e)) throw conflict('该菌种已有相同的序列', 'The strain already has the same sequence', [{ path: '/fasta', message: '序列重复（the same sequence）' }]);
        throw e;
      }
      const residuesOf = new Map(rows.map((x) => [x.sha256, x.r.sequence]));
      await index.added(created.filter((q) => q.length <= LIMITS.indexedBases).map((q) => ({
        key: sequenceKey(q.id), residues: residuesOf.get(q.sha256)!, info: { marker: q.marker, strainId, setId: null, length: q.length, species: binomialOf(s.genus, s.species) },
      })));
      return { created: created.length, items: created.map(present) };
    },

    /** A curator deletes a sequence; it leaves the index after the commit. */
    async remove(ctx: Ctx, id: string) {
      const v = await strainViewerOf(db, ctx);
      requireCurator(v);
      const q = await db.selectFrom('strainSequence as q').innerJoin('strain as s', 's.id', 'q.strainId').select([...LIST_COLUMNS, 's.accession', 's.depositNo']).where('q.id', '=', id).executeTakeFirst();
      if (!q) throw notFoundSequence();
      await db.transaction().execute(async (trx) => {
        const gone = await trx.deleteFrom('strainSequence').where('id', '=', id).executeTakeFirst();
        if (!gone.numDeletedRows) throw notFoundSequence();
        await audit(trx, ctx, {
          action: 'strains.sequence.delete', entityType: 'strain', entityId: q.strainId,
          summary: `删除 ${q.accession ?? q.depositNo} 的${MARKER_NAMES[q.marker].zh}序列 ${q.fastaId}（Deleted a ${MARKER_NAMES[q.marker].en} sequence）`,
          before: { id: q.id, marker: q.marker, geneName: q.geneName, fastaId: q.fastaId, length: q.length, sha256: q.sha256, sourceFileName: q.sourceFileName },
        });
      });
      await index.removed([sequenceKey(id)]);
      return { deleted: true, id };
    },

    /** One strain's sequences as FASTA (or one of them, or one marker's), for whoever sees the strain in full. */
    async strainFasta(ctx: Ctx, strainId: string, f: { marker?: Marker; sequenceId?: string } = {}) {
      const v = await strainViewerOf(db, ctx);
      const s = await seenStrain(v, strainId);
      let q = db.selectFrom('strainSequence').select(['id', 'marker', 'geneName', 'fastaId', 'residues']).where('strainId', '=', strainId);
      if (f.marker) q = q.where('marker', '=', f.marker);
      if (f.sequenceId) q = q.where('id', '=', f.sequenceId);
      const rows = await q.orderBy('marker').orderBy('createdAt').execute();
      if (f.sequenceId && !rows.length) throw notFoundSequence();
      return {
        text: formatFasta(rows.map((r) => ({ ...exportHeader(s, r), sequence: r.residues }))),
        fileName: `${(s.accession ?? s.depositNo).replace(/\s+/g, '_')}.fasta`,
      };
    },

    /**
     * Every sequence the caller may see, as FASTA, filtered by marker, genus and strains: the
     * strains the caller sees in full (viewer.ts), read and written a page at a time.
     */
    async bulkFasta(ctx: Ctx, f: FastaFilter) {
      const v = await strainViewerOf(db, ctx);
      let q = db.selectFrom('strain as s').select(STRAIN_COLUMNS).where((eb) => eb.exists(
        eb.selectFrom('strainSequence as q').select('q.id').whereRef('q.strainId', '=', 's.id').$if(!!f.marker, (w) => w.where('q.marker', '=', f.marker!)),
      ));
      if (f.genus) q = q.where((eb) => eb(eb.fn('lower', ['s.genus']), '=', f.genus!.trim().toLowerCase()));
      if (f.strainIds?.length) q = q.where('s.id', 'in', f.strainIds);
      const candidates = await q.orderBy('s.accession').orderBy('s.depositNo').execute();
      const seen = await strainsSeenInFull(db, v, candidates.map((s) => s.id));
      const strains = candidates.filter((s) => seen.has(s.id));
      const byId = new Map(strains.map((s) => [s.id, s]));
      async function* pages() {
        for (let i = 0; i < strains.length; i += PAGE) {
          const ids = strains.slice(i, i + PAGE).map((s) => s.id);
          let rows = db.selectFrom('strainSequence').select(['id', 'strainId', 'marker', 'geneName', 'fastaId', 'residues']).where('strainId', 'in', ids);
          if (f.marker) rows = rows.where('marker', '=', f.marker);
          const found = await rows.execute();
          found.sort((a, b) => ids.indexOf(a.strainId) - ids.indexOf(b.strainId) || a.marker.localeCompare(b.marker) || a.id.localeCompare(b.id));
          for (const r of found) yield formatFasta([{ ...exportHeader(byId.get(r.strainId)!, r), sequence: r.residues }]);
        }
      }
      return { strains: strains.length, pages, fileName: `cqmcc-sequences${f.marker ? `-${f.marker}` : ''}.fasta` };
    },
  };
}

export type SequencesService = ReturnType<typeof sequencesService>;
