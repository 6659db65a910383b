import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { forbidden, invalid, notFound, unauthorized } from '../../platform/http/errors.js';
import { todayIn } from '../../platform/dates.js';
import { hasRole } from '../../platform/access/model.js';
import type { StrainDeps } from './index.js';
import { effectiveLevel, effectiveLevelSql } from './model/labs.js';
import { LAB_FIELDS, labProblems, type LabInput } from './model/labs-input.js';
import { nextCode } from '../../platform/db/codes.js';
import { strainViewerOf, type StrainViewer } from './viewer.js';

export interface LabFilter { organisationId?: string; biosafetyLevel?: number; status?: string; inEffect?: boolean; q?: string; limit: number; offset: number }

const labNotFound = () => notFound('实验室不存在', 'Lab not found');

/**
 * Labs and biosafety facilities (实验室与生物安全设施): an organisation's users record their own;
 * curators and the task force record any. A lab's level counts only while operating with a
 * certificate in date (model/labs.ts). The public list leaves out where a BSL-3 or BSL-4 lab is.
 */
export function labsService(database: Database, deps: StrainDeps) {
  const { db } = database;
  const today = () => todayIn(deps.now());

  const rows = () => db.selectFrom('biosafetyLab as l').innerJoin('organisation as o', 'o.id', 'l.organisationId').selectAll('l').select('o.nameZh as organisationNameZh');
  type Row = Awaited<ReturnType<ReturnType<typeof rows>['executeTakeFirstOrThrow']>>;
  const load = (id: string) => rows().where('l.id', '=', id).executeTakeFirst();

  const keeps = (v: StrainViewer, organisationId: string) => v.curator || (!!v.organisationId && v.organisationId === organisationId);

  /** A lab as the caller reads it: the address of a BSL-3/4 facility only for its keepers. */
  const present = (v: StrainViewer, l: Row) => {
    const { isDemo: _d, ...rest } = l;
    const hideAddress = l.biosafetyLevel >= 3 && !keeps(v, l.organisationId);
    return { ...rest, addressZh: hideAddress ? null : l.addressZh, effectiveLevel: effectiveLevel(l, today()), mayEdit: keeps(v, l.organisationId) };
  };

  /** Whose lab the caller records: its own organisation's, or any for curators and the task force. */
  async function organisationFor(ctx: Ctx, v: StrainViewer, named: string | null | undefined) {
    if (!v.userId) throw unauthorized();
    if (v.curator && named) {
      if (!(await db.selectFrom('organisation').select('id').where('id', '=', named).executeTakeFirst())) throw invalid([{ path: '/organisationId', message: '机构不存在（no such organisation）' }]);
      return named;
    }
    if (!v.organisationId) throw forbidden('账号未关联机构，不能登记实验室', 'Your account belongs to no organisation, so it cannot record a lab');
    if (named && named !== v.organisationId) throw forbidden('只能登记本机构的实验室', 'You record your own organisation\'s labs only');
    if (!hasRole(ctx.principal, 'admin', 'taskforce', 'curator', 'enterprise', 'institute', 'pilotBase')) throw forbidden();
    return v.organisationId;
  }

  const cleaned = (l: Partial<LabInput>) => Object.fromEntries(Object.entries(l).filter(([k]) => (LAB_FIELDS as readonly string[]).includes(k))
    .map(([k, x]) => [k, typeof x === 'string' ? x.trim() || null : x])) as Partial<LabInput>;

  return {
    async list(ctx: Ctx, f: LabFilter) {
      const v = await strainViewerOf(db, ctx);
      const t = today();
      let q = rows();
      if (f.organisationId) q = q.where('l.organisationId', '=', f.organisationId);
      if (f.biosafetyLevel) q = q.where('l.biosafetyLevel', '=', f.biosafetyLevel);
      if (f.status) q = q.where('l.status', '=', f.status as never);
      if (f.inEffect) q = q.where(sql<boolean>`${effectiveLevelSql('l', t)} = l.biosafety_level`);
      if (f.q?.trim()) q = q.where((eb) => eb.or([eb('l.nameZh', 'ilike', `%${f.q!.trim()}%`), eb('o.nameZh', 'ilike', `%${f.q!.trim()}%`), eb('l.code', 'ilike', `%${f.q!.trim()}%`)]));
      const found = await q.select(sql<number>`count(*) over ()`.as('total')).orderBy('l.biosafetyLevel', 'desc').orderBy('l.code').limit(f.limit).offset(f.offset).execute();
      return { total: Number(found[0]?.total ?? 0), items: found.map(({ total: _t, ...l }) => present(v, l)) };
    },

    /** The caller's organisation's labs with their level in effect today (a request names one). */
    async mine(ctx: Ctx) {
      const v = await strainViewerOf(db, ctx);
      if (!v.userId) throw unauthorized();
      const found = await rows().where('l.organisationId', '=', v.organisationId ?? '00000000-0000-0000-0000-000000000000').orderBy('l.code').execute();
      return { items: found.map((l) => present(v, l)) };
    },

    async get(ctx: Ctx, id: string) {
      const v = await strainViewerOf(db, ctx);
      const l = await load(id);
      if (!l) throw labNotFound();
      return present(v, l);
    },

    async create(ctx: Ctx, input: Omit<LabInput, 'animal' | 'status' | 'nameEn' | 'certificateNo' | 'certifiedOn' | 'certificateExpiresOn' | 'addressZh'> & Partial<LabInput> & { organisationId?: string | null }) {
      const v = await strainViewerOf(db, ctx);
      const organisationId = await organisationFor(ctx, v, input.organisationId);
      const fields = cleaned({ ...input, animal: input.animal ?? false, status: input.status ?? 'operating' });
      const problems = labProblems(fields);
      if (problems.length) throw invalid(problems);
      const id = await db.transaction().execute(async (trx) => {
        const code = await nextCode(trx, 'biosafety_lab', 'LAB-');
        const row = await trx.insertInto('biosafetyLab').values({ ...fields, code, organisationId, createdAt: deps.now(), updatedAt: deps.now() } as never).returning('id').executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'strains.lab.create', entityType: 'biosafetyLab', entityId: row.id, summary: `登记实验室 ${code} ${fields.nameZh} BSL-${fields.biosafetyLevel}（Recorded a lab）`, after: { code, organisationId, ...fields } });
        return row.id;
      });
      return present(v, (await load(id))!);
    },

    async update(ctx: Ctx, id: string, patch: Partial<LabInput>) {
      const v = await strainViewerOf(db, ctx);
      const before = await load(id);
      if (!before) throw labNotFound();
      if (!keeps(v, before.organisationId)) throw forbidden('只能修改本机构的实验室', 'You edit your own organisation\'s labs only');
      const changes = cleaned(patch);
      const merged = { ...cleaned(before as unknown as Partial<LabInput>), ...changes };
      const problems = labProblems(merged);
      if (problems.length) throw invalid(problems);
      await db.transaction().execute(async (trx) => {
        // The row as it is now, locked: the audit row's "before" is what this edit replaced.
        const was = (await trx.selectFrom('biosafetyLab').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow()) as unknown as Record<string, unknown>;
        await trx.updateTable('biosafetyLab').set({ ...changes, updatedAt: deps.now() } as never).where('id', '=', id).execute();
        await audit(trx, ctx, { action: 'strains.lab.update', entityType: 'biosafetyLab', entityId: id, summary: `修改实验室 ${before.code} ${merged.nameZh}（Edited a lab）`, before: Object.fromEntries(Object.keys(changes).map((k) => [k, was[k]])), after: changes });
      });
      return present(v, (await load(id))!);
    },

    /** Labs whose level is in effect today, by level (the biosafety-capacity indicator). */
    async countsInEffect(on = today()) {
      const r = await db.selectFrom('biosafetyLab as l').select([sql<number>`${effectiveLevelSql('l', on)}`.as('level'), sql<number>`count(*)::int`.as('count')])
        .groupBy(sql`1`).execute();
      return r.map((x) => ({ level: Number(x.level), count: Number(x.count) }));
    },
  };
}

export type LabsService = ReturnType<typeof labsService>;
