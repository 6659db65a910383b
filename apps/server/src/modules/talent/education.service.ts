import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { invalid, notFound, type ErrorDetail } from '../../platform/http/errors.js';
import { todayIn } from '../../platform/dates.js';
import { nextCode } from '../../platform/db/codes.js';
import { EDUCATION_KINDS, type EducationKind } from './model/labels.js';
import { requireKeeper, talentViewerOf } from './viewer.js';
import type { TalentDeps } from './index.js';

export interface EducationInput { organisationId: string; kind: EducationKind; nameZh: string; partnerZh?: string | null; startYear: number; enrolment?: number | null; noteZh?: string | null }
export interface EducationFilter { kind?: EducationKind; organisationId?: string; limit: number; offset: number }

const FIELDS = ['organisationId', 'kind', 'nameZh', 'partnerZh', 'startYear', 'enrolment', 'noteZh'] as const;
const opt = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
const notFoundProgramme = () => notFound('教育培训项目不存在', 'Programme not found');

/**
 * Education and training (教育培训, task 18): degree programmes (本科专业, 硕士点, 博士点) and joint
 * training schemes of the universities, a simple public list kept by the task force and units
 * that counts toward action 6's report (the educationSystem indicator).
 */
export function educationService(database: Database, deps: TalentDeps) {
  const { db } = database;

  async function checked(input: Partial<EducationInput>, before?: EducationInput) {
    const f = {
      organisationId: input.organisationId ?? before?.organisationId ?? '',
      kind: input.kind ?? before?.kind ?? ('' as EducationKind),
      nameZh: (input.nameZh ?? before?.nameZh ?? '').trim(),
      partnerZh: input.partnerZh !== undefined ? opt(input.partnerZh) : before?.partnerZh ?? null,
      startYear: input.startYear ?? before?.startYear ?? 0,
      enrolment: input.enrolment !== undefined ? input.enrolment : before?.enrolment ?? null,
      noteZh: input.noteZh !== undefined ? opt(input.noteZh) : before?.noteZh ?? null,
    };
    const problems: ErrorDetail[] = [];
    const org = f.organisationId ? await db.selectFrom('organisation').select('kind').where('id', '=', f.organisationId).executeTakeFirst() : undefined;
    if (!org) problems.push({ path: '/organisationId', message: '请选择高校（choose a university）' });
    else if (org.kind !== 'university') problems.push({ path: '/organisationId', message: '须为高校（the organisation must be a university）' });
    if (!(f.kind in EDUCATION_KINDS)) problems.push({ path: '/kind', message: '类型为本科专业、硕士点、博士点、联合培养或培训项目（not a kind of programme）' });
    if (!f.nameZh) problems.push({ path: '/nameZh', message: '请填写名称（the name is required）' });
    const thisYear = Number(todayIn(deps.now()).slice(0, 4));
    if (!(f.startYear >= 1950 && f.startYear <= thisYear + 1)) problems.push({ path: '/startYear', message: `开设年份须在 1950–${thisYear + 1} 之间（a start year from 1950 to ${thisYear + 1}）` });
    if (f.enrolment !== null && !(Number.isInteger(f.enrolment) && f.enrolment >= 0)) problems.push({ path: '/enrolment', message: '招生人数为非负整数（a whole number, 0 or more）' });
    if (f.kind === 'joint' && !f.partnerZh) problems.push({ path: '/partnerZh', message: '联合培养请填写合作单位（name the partners of a joint scheme）' });
    if (problems.length) throw invalid(problems);
    return f;
  }

  const rows = () => db.selectFrom('educationProgramme as p').innerJoin('organisation as o', 'o.id', 'p.organisationId')
    .select(['p.id', 'p.code', 'p.organisationId', 'o.nameZh as organisationNameZh', 'p.kind', 'p.nameZh', 'p.partnerZh', 'p.startYear', 'p.enrolment', 'p.noteZh', 'p.updatedAt']);

  async function one(id: string) {
    const r = await rows().where('p.id', '=', id).executeTakeFirst();
    if (!r) throw notFoundProgramme();
    return r;
  }

  function filtered(f: Omit<EducationFilter, 'limit' | 'offset'>) {
    let q = rows();
    if (f.kind) q = q.where('p.kind', '=', f.kind);
    if (f.organisationId) q = q.where('p.organisationId', '=', f.organisationId);
    return q;
  }

  return {
    async list(f: EducationFilter) {
      const found = await filtered(f).select(sql<number>`count(*) over ()`.as('total')).orderBy('o.nameZh').orderBy('p.kind').orderBy('p.code').limit(f.limit).offset(f.offset).execute();
      return { total: found[0]?.total ?? 0, items: found.map(({ total: _t, ...r }) => r) };
    },

    exportRows: (f: Omit<EducationFilter, 'limit' | 'offset'>) => filtered(f).orderBy('o.nameZh').orderBy('p.kind').orderBy('p.code').execute(),

    /** The universities a programme may belong to (the plan names four; others may be added as organisations). */
    universities: () => db.selectFrom('organisation').select(['id', 'nameZh', 'nameEn']).where('kind', '=', 'university').orderBy('nameZh').execute(),

    async create(ctx: Ctx, input: EducationInput) {
      requireKeeper(await talentViewerOf(db, ctx));
      const f = await checked(input);
      const id = await db.transaction().execute(async (trx) => {
        const code = await nextCode(trx, 'education_programme', 'JY-');
        const row = await trx.insertInto('educationProgramme').values({ ...f, code, createdAt: deps.now(), updatedAt: deps.now() }).returning('id').executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'talent.education.create', entityType: 'educationProgramme', entityId: row.id, summary: `登记${EDUCATION_KINDS[f.kind].zh} ${code} ${f.nameZh}（Registered a programme）`, after: { code, ...f } });
        return row.id;
      });
      return one(id);
    },

    async update(ctx: Ctx, id: string, patch: Partial<EducationInput>) {
      requireKeeper(await talentViewerOf(db, ctx));
      const before = await db.selectFrom('educationProgramme').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) throw notFoundProgramme();
      const f = await checked(patch, before);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('educationProgramme').set({ ...f, updatedAt: deps.now() }).where('id', '=', id).execute();
        const changed = FIELDS.filter((k) => before[k] !== f[k]);
        await audit(trx, ctx, { action: 'talent.education.update', entityType: 'educationProgramme', entityId: id, summary: `修改教育培训项目 ${before.code} ${f.nameZh}（Edited a programme）`, before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, f[k]])) });
      });
      return one(id);
    },
  };
}

export type EducationService = ReturnType<typeof educationService>;
