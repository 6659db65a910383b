import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/http/errors.js';
import { todayIn } from '../../platform/dates.js';
import { queryTokens, tokensOf } from '../../platform/search/segmenter.js';
import type { StrainDeps } from './index.js';
import { GERMPLASM_FIELDS, germplasmProblems, type GermplasmInput } from './model/germplasm-input.js';
import { nextCode } from '../../platform/db/codes.js';
import { strainViewerOf, type StrainViewer } from './viewer.js';

export interface GermplasmFilter { kind?: string; site?: string; q?: string; status?: string; keeperOrganisationId?: string; limit: number; offset: number }

const germplasmNotFound = () => notFound('种质资源不存在', 'Germplasm record not found');

/**
 * Germplasm (种质资源): plants, animals and insects (桑, 蚕, medicinal plants) with where they
 * were collected (大巴山, 秦巴山区, 金佛山 …). Curators keep the records; everyone reads those
 * kept, a restricted one without its coordinates.
 */
export function germplasmService(database: Database, deps: StrainDeps) {
  const { db } = database;
  const today = () => todayIn(deps.now());

  const rows = () => db.selectFrom('germplasm as g').leftJoin('organisation as o', 'o.id', 'g.keeperOrganisationId').selectAll('g').select('o.nameZh as keeperNameZh');
  type Row = Awaited<ReturnType<ReturnType<typeof rows>['executeTakeFirstOrThrow']>>;
  const load = (id: string) => rows().where('g.id', '=', id).executeTakeFirst();

  const present = (v: StrainViewer, g: Row) => {
    const { tokens: _t, isDemo: _d, ...rest } = g;
    return g.restricted && !v.curator ? { ...rest, siteLat: null, siteLon: null, coordinatesWithheld: true } : { ...rest, coordinatesWithheld: false };
  };

  const requireCurator = (v: StrainViewer) => {
    if (!v.curator) throw forbidden('仅菌种库管理员可以维护种质资源', 'Only curators keep germplasm records');
  };

  const cleaned = (g: Partial<GermplasmInput>) => Object.fromEntries(Object.entries(g).filter(([k]) => (GERMPLASM_FIELDS as readonly string[]).includes(k))
    .map(([k, x]) => [k, typeof x === 'string' ? x.trim() || null : x])) as Partial<GermplasmInput>;
  const tokens = (g: Partial<GermplasmInput>) => tokensOf(g.nameZh, g.latinName, g.varietyZh, g.siteZh, g.traitsZh);

  async function keeperExists(id: string | null | undefined) {
    if (id && !(await db.selectFrom('organisation').select('id').where('id', '=', id).executeTakeFirst())) throw invalid([{ path: '/keeperOrganisationId', message: '机构不存在（no such organisation）' }]);
  }

  function filtered(v: StrainViewer, f: Omit<GermplasmFilter, 'limit' | 'offset'>) {
    let q = rows();
    q = v.curator && f.status ? q.where('g.status', '=', f.status as never) : q.where('g.status', '=', 'kept');
    if (f.kind) q = q.where('g.kind', '=', f.kind as never);
    if (f.site?.trim()) q = q.where('g.siteZh', 'ilike', `%${f.site.trim()}%`);
    if (f.keeperOrganisationId) q = q.where('g.keeperOrganisationId', '=', f.keeperOrganisationId);
    const t = f.q ? queryTokens(f.q) : [];
    if (t.length) q = q.where(sql<boolean>`g.tokens @> ${sql.val(t)}::text[]`);
    return q;
  }

  return {
    async list(ctx: Ctx, f: GermplasmFilter) {
      const v = await strainViewerOf(db, ctx);
      const found = await filtered(v, f).select(sql<number>`count(*) over ()`.as('total')).orderBy('g.code').limit(f.limit).offset(f.offset).execute();
      return { total: Number(found[0]?.total ?? 0), items: found.map(({ total: _t, ...g }) => present(v, g)) };
    },

    /**
     * Collection sites for the map: one point per site with its records' count by kind. A
     * restricted record adds to its site's count but never places a point.
     */
    async sites(ctx: Ctx, f: Omit<GermplasmFilter, 'limit' | 'offset'>) {
      const v = await strainViewerOf(db, ctx);
      const found = await filtered(v, f).execute();
      const sites = new Map<string, { siteZh: string; lat: number | null; lon: number | null; count: number; kinds: Record<string, number>; names: string[] }>();
      for (const g of found.map((x) => present(v, x))) {
        const key = g.siteZh ?? '（未记录地点）';
        const s = sites.get(key) ?? { siteZh: key, lat: null, lon: null, count: 0, kinds: {}, names: [] };
        s.count += 1;
        s.kinds[g.kind] = (s.kinds[g.kind] ?? 0) + 1;
        if (s.names.length < 5) s.names.push(g.nameZh);
        if (s.lat === null && g.siteLat !== null && g.siteLon !== null) { s.lat = g.siteLat; s.lon = g.siteLon; }
        sites.set(key, s);
      }
      return { items: [...sites.values()].sort((a, b) => b.count - a.count) };
    },

    async get(ctx: Ctx, id: string) {
      const v = await strainViewerOf(db, ctx);
      const g = await load(id);
      if (!g || (g.status !== 'kept' && !v.curator)) throw germplasmNotFound();
      return present(v, g);
    },

    async create(ctx: Ctx, input: Omit<GermplasmInput, 'restricted' | 'status'> & Partial<GermplasmInput>) {
      const v = await strainViewerOf(db, ctx);
      requireCurator(v);
      const fields = cleaned({ ...input, restricted: input.restricted ?? false, status: input.status ?? 'kept' });
      const problems = germplasmProblems(fields, today());
      if (problems.length) throw invalid(problems);
      await keeperExists(fields.keeperOrganisationId);
      const id = await db.transaction().execute(async (trx) => {
        const code = await nextCode(trx, 'germplasm', 'GP-');
        const row = await trx.insertInto('germplasm').values({ ...fields, code, tokens: tokens(fields), createdAt: deps.now(), updatedAt: deps.now() } as never).returning('id').executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'strains.germplasm.create', entityType: 'germplasm', entityId: row.id, summary: `登记种质资源 ${code} ${fields.nameZh}（Recorded germplasm）`, after: { code, ...fields } });
        return row.id;
      });
      return present(v, (await load(id))!);
    },

    async update(ctx: Ctx, id: string, patch: Partial<GermplasmInput>) {
      const v = await strainViewerOf(db, ctx);
      requireCurator(v);
      const before = await load(id);
      if (!before) throw germplasmNotFound();
      const changes = cleaned(patch);
      const merged = { ...cleaned(before as unknown as Partial<GermplasmInput>), ...changes };
      const problems = germplasmProblems(merged, today());
      if (problems.length) throw invalid(problems);
      if ('keeperOrganisationId' in changes) await keeperExists(changes.keeperOrganisationId);
      await db.transaction().execute(async (trx) => {
        // The row as it is now, locked: the audit row's "before" is what this edit replaced.
        const was = (await trx.selectFrom('germplasm').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow()) as unknown as Record<string, unknown>;
        await trx.updateTable('germplasm').set({ ...changes, tokens: tokens(merged), updatedAt: deps.now() } as never).where('id', '=', id).execute();
        await audit(trx, ctx, { action: 'strains.germplasm.update', entityType: 'germplasm', entityId: id, summary: `修改种质资源 ${before.code} ${merged.nameZh}（Edited germplasm）`, before: Object.fromEntries(Object.keys(changes).map((k) => [k, was[k]])), after: changes });
      });
      return present(v, (await load(id))!);
    },

    /** Deleting withdraws: lots may still name the record, and its code is never given again. */
    async remove(ctx: Ctx, id: string) {
      const v = await strainViewerOf(db, ctx);
      requireCurator(v);
      const before = await load(id);
      if (!before) throw germplasmNotFound();
      if (before.status === 'withdrawn') throw conflict('记录已注销', 'The record is already withdrawn', [{ path: '/status', message: '已注销（already withdrawn）' }]);
      await db.transaction().execute(async (trx) => {
        const done = await trx.updateTable('germplasm').set({ status: 'withdrawn', updatedAt: deps.now() } as never).where('id', '=', id).where('status', '=', before.status).executeTakeFirst();
        if (!done.numUpdatedRows) throw conflict('记录已被他人修改，请刷新后重试', 'The record changed meanwhile; reload and try again');
        await audit(trx, ctx, { action: 'strains.germplasm.withdraw', entityType: 'germplasm', entityId: id, summary: `注销种质资源 ${before.code}（Withdrew germplasm）`, before: { status: before.status }, after: { status: 'withdrawn' } });
      });
      return present(v, (await load(id))!);
    },
  };
}

export type GermplasmService = ReturnType<typeof germplasmService>;
