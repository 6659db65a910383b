import { parseFasta } from '@cq-biomfg/seqid';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, notFound, type ErrorDetail } from '../../platform/http/errors.js';
import type { ImportProblem } from '../../platform/excel/index.js';
import type { ImportOutcome, OnProgress } from '../../platform/http/import-route.js';
import type { StrainDeps } from './index.js';
import { textOfBytes } from './fasta.input.js';
import { LIMITS, MARKER_NAMES, MARKERS, referenceHeader, referenceKey, type Marker } from './model/sequences.js';
import type { SeqIndexStore } from './seqindex.store.js';
import { strainViewerOf } from './viewer.js';

export interface ReferenceSetInput { nameZh: string; marker: Marker; source: string; licence: string; description?: string | null }

/** A reference FASTA unpacked may be this large (about 40,000 full-length 16S records). */
const MAX_TEXT_BYTES = 64 * 1024 * 1024;
const CHUNK = 500;
const chunks = <T>(xs: T[], n = CHUNK) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
const notFoundSet = () => notFound('参考序列集不存在', 'No such reference set');
const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';

function metaProblems(m: Partial<ReferenceSetInput>): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  if (!m.nameZh?.trim()) p.push({ path: '/nameZh', message: '请填写参考序列集名称（name the reference set）' });
  if (!m.marker || !MARKERS.includes(m.marker)) p.push({ path: '/marker', message: `标记须为 ${MARKERS.join('、')} 之一（marker must be one of ${MARKERS.join(', ')}）` });
  if (!m.source?.trim()) p.push({ path: '/source', message: '请写明来源（where the records come from）' });
  if (!m.licence?.trim()) p.push({ path: '/licence', message: '请写明许可协议（under which licence）' });
  return p;
}

/**
 * Reference sets: a curator loads a public FASTA (16S type strains, say) as a named set with its
 * source and licence; each record's taxonomy is read from its header (SINTAX, NCBI-style, or
 * none for a bare id). Every record is checked before anything is written; the records go into
 * the identification index after the commit. Anyone may read which sets there are.
 */
export function referencesService(database: Database, d: StrainDeps, index: SeqIndexStore) {
  const { db } = database;

  async function requireCurator(ctx: Ctx) {
    const v = await strainViewerOf(db, ctx);
    if (!v.curator) throw forbidden('只有菌种库管理员可以管理参考序列集', 'Only the bank\'s curators manage reference sets');
    return v;
  }

  return {
    async list(_ctx: Ctx) {
      const items = await db.selectFrom('referenceSet as r').leftJoin('appUser as u', 'u.id', 'r.loadedBy')
        .select(['r.id', 'r.nameZh', 'r.marker', 'r.source', 'r.licence', 'r.description', 'r.fileName', 'r.recordCount', 'r.loadedAt', 'u.displayName as loadedByName'])
        .orderBy('r.loadedAt', 'desc').execute();
      return { total: items.length, items: items.map((s) => ({ ...s, markerZh: MARKER_NAMES[s.marker].zh, markerEn: MARKER_NAMES[s.marker].en })) };
    },

    /**
     * Loads a reference FASTA (gzip read too) as a new set. A problem in any record is reported
     * with its line and record, and nothing is written; otherwise one transaction, audited.
     */
    async load(ctx: Ctx, meta: Partial<ReferenceSetInput> & { fileName?: string | null }, file: Buffer, onProgress: OnProgress = () => {}): Promise<ImportOutcome & { setId?: string }> {
      const v = await requireCurator(ctx);
      const problems = metaProblems(meta);
      if (problems.length) throw invalid(problems);
      const m = meta as ReferenceSetInput;
      const nameZh = m.nameZh.trim();
      if (await db.selectFrom('referenceSet').select('id').where('nameZh', '=', nameZh).executeTakeFirst()) throw conflict('已有同名的参考序列集', 'A reference set of this name exists', [{ path: '/nameZh', message: '名称重复（name taken）' }]);
      onProgress({ phase: 'read', done: 0, total: file.length });
      const text = textOfBytes(file, MAX_TEXT_BYTES);
      onProgress({ phase: 'validate', done: 0, total: 0 });
      const parsed = parseFasta(text, { maxRecords: LIMITS.referenceRecords, maxLength: LIMITS.referenceBases });
      const out: ImportProblem[] = parsed.problems.map((p) => ({ row: p.line, column: p.id ?? `#${p.record}`, reasonZh: p.zh, reasonEn: p.en }));
      const seen = new Map<string, number>();
      const records = parsed.records.map((r, i) => {
        const h = referenceHeader(r.id, r.description);
        const first = seen.get(h.id);
        // The same raw id twice is the parser's to report; here, two SINTAX ids that read the same.
        if (first && h.id !== r.id) out.push({ row: r.line, column: h.id, reasonZh: `第 ${i + 1} 条记录的序列名“${h.id}”与第 ${first} 条重复`, reasonEn: `record ${i + 1}: the id '${h.id}' is also record ${first}'s` });
        seen.set(h.id, i + 1);
        return { ...h, description: r.description, residues: r.sequence };
      });
      if (!records.length && !out.length) out.push({ row: 0, column: '', reasonZh: '文件中没有 FASTA 记录', reasonEn: 'The file has no FASTA records' });
      onProgress({ phase: 'validate', done: records.length, total: records.length });
      if (out.length) return { created: 0, updated: 0, unchanged: 0, problems: out.sort((a, b) => a.row - b.row) };

      let done = 0;
      const written = await db.transaction().execute(async (trx) => {
        const set = await trx.insertInto('referenceSet').values({
          nameZh, marker: m.marker, source: m.source.trim(), licence: m.licence.trim(), description: m.description?.trim() || null,
          fileName: meta.fileName ?? null, recordCount: records.length, loadedBy: v.userId, loadedAt: d.now(),
        }).returning('id').executeTakeFirstOrThrow();
        const rows: Array<{ id: string; length: number; residues: string; species: string | null }> = [];
        for (const part of chunks(records)) {
          const ins = await trx.insertInto('referenceSequence').values(part.map((r) => ({
            setId: set.id, fastaId: r.id.slice(0, 200), description: r.description.slice(0, 1000) || null, taxonomy: JSON.stringify(r.taxonomy),
            genus: r.taxonomy.genus ?? null, species: r.taxonomy.species ?? null, length: r.residues.length, residues: r.residues,
          }))).returning(['id', 'length']).execute();
          ins.forEach((x, i) => rows.push({ ...x, residues: part[i].residues, species: part[i].taxonomy.species ?? null }));
          onProgress({ phase: 'write', done: (done += part.length), total: records.length });
        }
        await audit(trx, ctx, {
          action: 'strains.referenceSet.load', entityType: 'reference_set', entityId: set.id,
          summary: `载入参考序列集「${nameZh}」${records.length} 条（Loaded reference set ${nameZh}: ${records.length} records）`,
          after: { nameZh, marker: m.marker, source: m.source, licence: m.licence, fileName: meta.fileName ?? null, records: records.length },
        });
        return { setId: set.id, rows };
      }).catch((e) => {
        if (isUniqueViolation(e)) throw conflict('已有同名的参考序列集', 'A reference set of this name exists', [{ path: '/nameZh', message: '名称重复（name taken）' }]);
        throw e;
      });
      await index.added(written.rows.map((r) => ({ key: referenceKey(r.id), residues: r.residues, info: { marker: m.marker, strainId: null, setId: written.setId, length: r.length, species: r.species } })));
      onProgress({ phase: 'done', done: records.length, total: records.length });
      return { created: records.length, updated: 0, unchanged: 0, problems: [], setId: written.setId };
    },

    /** A curator deletes a set with its records; they leave the index after the commit. */
    async remove(ctx: Ctx, id: string) {
      await requireCurator(ctx);
      const ids = await db.transaction().execute(async (trx) => {
        const set = await trx.selectFrom('referenceSet').selectAll().where('id', '=', id).executeTakeFirst();
        if (!set) throw notFoundSet();
        const refs = await trx.selectFrom('referenceSequence').select('id').where('setId', '=', id).execute();
        await trx.deleteFrom('referenceSet').where('id', '=', id).execute();
        await audit(trx, ctx, {
          action: 'strains.referenceSet.delete', entityType: 'reference_set', entityId: id,
          summary: `删除参考序列集「${set.nameZh}」（Deleted reference set ${set.nameZh}）`,
          before: { nameZh: set.nameZh, marker: set.marker, source: set.source, licence: set.licence, records: set.recordCount },
        });
        return refs.map((r) => r.id);
      });
      await index.removed(ids.map(referenceKey));
      return { deleted: true, id, records: ids.length };
    },
  };
}

export type ReferencesService = ReturnType<typeof referencesService>;
