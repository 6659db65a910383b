import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, unauthorized } from '../../platform/http/errors.js';
import { todayIn } from '../../platform/dates.js';
import { queryTokens } from '../../platform/search/segmenter.js';
import type { StrainDeps } from './index.js';
import type { CatalogueRow } from './catalogue.export.js';
import { restrictedByRule } from './model/restriction.js';
import { STRAIN_FIELDS, strainProblems, type StrainInput } from './model/strain-input.js';
import { lineageOf } from './model/taxonomy.js';
import type { StrainStatus } from './schema.js';
import { isDepositorOf, mayOnStrain, strainForAction } from './strains.access.js';
import { inputOf, loadStrain, presentStrain, scientificName, strainColumns, strainNotFound, strainRows, strainTokens, type StrainRow } from './strains.store.js';
import { seesStrainAtAll, strainsSeenInFull, strainViewerOf, type StrainViewer } from './viewer.js';

export const STRAIN_SORTS = ['accession', 'name', 'hazardClass', 'biosafetyLevel', 'accessionedAt'] as const;
export type StrainSort = (typeof STRAIN_SORTS)[number];

export interface StrainFilter {
  kind?: string; genus?: string; hazardClass?: string; biosafetyLevel?: number; typeStrain?: boolean; restricted?: boolean;
  /** An application or product keyword. */
  use?: string;
  /** Chinese or Latin words (search tokens). */
  q?: string;
  /** Curators only: any status; everyone else reads the accessioned catalogue. */
  status?: StrainStatus;
  sort?: StrainSort; order?: 'asc' | 'desc';
  limit: number; offset: number;
}

export type StrainPatch = Partial<StrainInput> & { restricted?: boolean };

type Rows = ReturnType<typeof strainRows>;

const SORT_SQL: Record<StrainSort, (dir: 'asc' | 'desc') => ReturnType<typeof sql>> = {
  // CQMCC numbers sort as numbers (CQMCC 9999 before CQMCC 10000).
  accession: (d) => sql`length(s.accession) ${sql.raw(d)}, s.accession ${sql.raw(d)}`,
  name: (d) => sql`s.genus ${sql.raw(d)}, s.species ${sql.raw(d)} nulls first, s.strain_designation ${sql.raw(d)}`,
  hazardClass: (d) => sql`s.hazard_class ${sql.raw(d)} nulls ${sql.raw(d === 'asc' ? 'first' : 'last')}`,
  biosafetyLevel: (d) => sql`s.biosafety_level ${sql.raw(d)}`,
  accessionedAt: (d) => sql`s.accessioned_at ${sql.raw(d)} nulls last`,
};

/**
 * Strains as the catalogue and their pages show them: the public catalogue (accessioned strains;
 * a restricted one as its public summary unless the caller sees it in full), a strain's page and
 * history, counts for the catalogue's chart, and edits (curators any record, the depositor while
 * submitted; a curator may restrict a strain more than the rule, never less).
 */
export function strainsService(database: Database, deps: StrainDeps) {
  const { db } = database;
  const today = () => todayIn(deps.now());

  /** The filters any reader may use; a restricted strain matches a product keyword only for curators. */
  function filtered(v: StrainViewer, f: Omit<StrainFilter, 'limit' | 'offset' | 'sort' | 'order'>): Rows {
    let q: Rows = strainRows(db);
    if (v.curator && f.status) q = q.where('s.status', '=', f.status);
    else q = q.where('s.status', '=', 'accessioned');
    if (f.kind) q = q.where('s.organismKind', '=', f.kind);
    if (f.genus) q = q.where('s.genus', '=', f.genus);
    if (f.hazardClass === 'none') q = q.where('s.hazardClass', 'is', null);
    else if (f.hazardClass) q = q.where('s.hazardClass', '=', Number(f.hazardClass));
    if (f.biosafetyLevel) q = q.where('s.biosafetyLevel', '=', f.biosafetyLevel);
    if (f.typeStrain !== undefined) q = q.where('s.typeStrain', '=', f.typeStrain);
    if (f.restricted !== undefined) q = q.where('s.restricted', '=', f.restricted);
    const use = f.use?.trim();
    if (use) {
      const like = `%${use.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where(sql<boolean>`(exists (select 1 from unnest(s.applications_zh) a where a ilike ${like})
        or ((not s.restricted or ${v.curator}) and exists (select 1 from unnest(s.products) p where p ilike ${like})))`);
    }
    const tokens = f.q ? queryTokens(f.q) : [];
    if (tokens.length) q = q.where(sql<boolean>`s.tokens @> ${sql.val(tokens)}::text[]`);
    return q;
  }

  /** Each row as the viewer may read it, decided set-wise. */
  async function presentAll(v: StrainViewer, rows: StrainRow[]) {
    const full = await strainsSeenInFull(db, v, rows.map((r) => r.id));
    return rows.map((r) => presentStrain(r, full.has(r.id) ? 'full' : 'summary'));
  }

  async function list(ctx: Ctx, f: StrainFilter) {
    const v = await strainViewerOf(db, ctx);
    const dir = f.order ?? (f.sort === 'accessionedAt' ? 'desc' : 'asc');
    const found = await filtered(v, f).select(sql<number>`count(*) over ()`.as('total'))
      .orderBy(SORT_SQL[f.sort ?? 'accession'](dir)).orderBy('s.depositNo').limit(f.limit).offset(f.offset).execute();
    return { total: Number(found[0]?.total ?? 0), items: await presentAll(v, found.map(({ total: _t, ...r }) => r as StrainRow)) };
  }

  return {
    list,

    /** Accessioned strains by organism kind and hazard class (the catalogue's chart). Public: both are in every summary. */
    async stats(ctx: Ctx, f: Omit<StrainFilter, 'limit' | 'offset' | 'sort' | 'order'>) {
      const v = await strainViewerOf(db, ctx);
      const rows = await filtered(v, f).clearSelect().select(['s.organismKind', 's.hazardClass', sql<number>`count(*)::int`.as('count')])
        .groupBy(['s.organismKind', 's.hazardClass']).execute();
      return { cells: rows.map((r) => ({ organismKind: r.organismKind, hazardClass: r.hazardClass, count: Number(r.count) })), total: rows.reduce((n, r) => n + Number(r.count), 0) };
    },

    /**
     * A strain's page: the full record for those who see it in full (with its checks and what the
     * caller may do), otherwise the public summary. A strain not yet accessioned is known only to
     * the curators and its depositor.
     */
    async get(ctx: Ctx, id: string) {
      const v = await strainViewerOf(db, ctx);
      const row = await loadStrain(db, id);
      if (!row || !seesStrainAtAll(v, row)) throw strainNotFound();
      const full = (await strainsSeenInFull(db, v, [id])).has(id);
      if (!full) return presentStrain(row, 'summary');
      const checks = await db.selectFrom('strainCheck as c').leftJoin('appUser as u', 'u.id', 'c.testedBy')
        .select(['c.id', 'c.kind', 'c.passed', 'c.methodZh', 'c.resultZh', 'c.testedOn', 'c.createdAt', 'u.displayName as testedByName'])
        .where('c.strainId', '=', id).orderBy('c.createdAt').orderBy('c.id').execute();
      return { ...presentStrain(row, 'full'), checks, may: mayOnStrain(v, row), depositor: isDepositorOf(v, row) };
    },

    /** The strain's history from its audit rows: deposit, receipt, checks, decisions, edits (before and after). */
    async history(ctx: Ctx, id: string) {
      const v = await strainViewerOf(db, ctx);
      if (!v.userId) throw unauthorized();
      const row = await loadStrain(db, id);
      if (!row || !seesStrainAtAll(v, row)) throw strainNotFound();
      if (!(await strainsSeenInFull(db, v, [id])).has(id)) throw forbidden('受限菌种的历史记录仅对有权限者开放', 'The history of a restricted strain is open only to those with access');
      const items = await db.selectFrom('auditLog').select(['id', 'at', 'actorName', 'action', 'summary', 'before', 'after'])
        .where('entityType', '=', 'strain').where('entityId', '=', id).orderBy('id').execute();
      return { items };
    },

    /**
     * Curators edit any record (accessioned ones too); the depositor edits while submitted. Every
     * field is checked again as a whole; the audit row keeps each changed field before and after.
     */
    async update(ctx: Ctx, id: string, patch: StrainPatch) {
      const v = await strainViewerOf(db, ctx);
      const before = await strainForAction(db, v, id, 'edit');
      const changedKeys = STRAIN_FIELDS.filter((k) => k in patch && patch[k] !== undefined);
      const merged: StrainInput = { ...inputOf(before), ...Object.fromEntries(changedKeys.map((k) => [k, patch[k]])) };
      const problems = strainProblems(merged, today());
      const rule = restrictedByRule(merged);
      if (patch.restricted === false && rule) problems.push({ path: '/restricted', message: '按危害程度、生物安全等级或出口管制须为受限菌种，不能解除（the rule restricts this strain; it cannot be less restricted）' });
      if (patch.restricted === false && before.restricted && !v.curator) problems.push({ path: '/restricted', message: '只有菌种库管理员可以解除限制（only a curator lifts a restriction）' });
      if (problems.length) throw invalid(problems);
      // A new genus brings its own lineage unless one is written with it.
      merged.lineage = lineageOf(merged.genus, 'lineage' in patch ? patch.lineage : (merged.genus === before.genus ? before.lineage : null));
      const restricted = rule || (patch.restricted ?? before.restricted);
      const cols = strainColumns(merged);
      return db.transaction().execute(async (trx) => {
        const done = await trx.updateTable('strain').set({ ...cols, restricted, tokens: strainTokens({ ...merged, accession: before.accession, depositNo: before.depositNo }, restricted), updatedAt: deps.now() } as never)
          .where('id', '=', id).where('status', '=', before.status).executeTakeFirst();
        if (!done.numUpdatedRows) throw conflict('菌种状态已被他人变更，请刷新后重试', 'The strain changed meanwhile; reload and try again', [{ path: '/status', message: '状态已变更（the status changed）' }]);
        const keys = [...changedKeys, ...(patch.restricted !== undefined || restricted !== before.restricted ? ['restricted' as const] : []), ...(merged.genus !== before.genus || 'lineage' in patch ? ['lineage' as const] : [])];
        const was = before as unknown as Record<string, unknown>;
        const now = { ...merged, restricted } as unknown as Record<string, unknown>;
        await audit(trx, ctx, {
          action: 'strains.strain.update', entityType: 'strain', entityId: id,
          summary: `修改菌种记录 ${before.accession ?? before.depositNo} ${scientificName(merged)}（Edited the strain record）`,
          before: Object.fromEntries([...new Set(keys)].map((k) => [k, was[k]])), after: Object.fromEntries([...new Set(keys)].map((k) => [k, now[k]])),
        });
        const row = (await loadStrain(trx, id))!;
        return { ...presentStrain(row, 'full'), may: mayOnStrain(v, row) };
      });
    },

    /** The rows of the public catalogue for an export (every accessioned strain matching the filters). */
    async catalogueRows(ctx: Ctx, f: Omit<StrainFilter, 'limit' | 'offset'>) {
      const v = await strainViewerOf(db, ctx);
      const rows = await filtered({ ...v, curator: false }, { ...f, status: undefined })
        .select(sql<string | null>`(select u.display_name from strain_check c join app_user u on u.id = c.tested_by
          where c.strain_id = s.id and c.kind = 'identity' and c.passed order by c.created_at desc, c.id desc limit 1)`.as('identifiedByName'))
        .orderBy(SORT_SQL[f.sort ?? 'accession'](f.order ?? 'asc')).orderBy('s.depositNo').execute();
      return rows as CatalogueRow[];
    },
  };
}

export type StrainsService = ReturnType<typeof strainsService>;
export { strainNotFound };
