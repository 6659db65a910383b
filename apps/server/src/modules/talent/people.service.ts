import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { invalid, notFound, type ErrorDetail } from '../../platform/http/errors.js';
import { todayIn } from '../../platform/dates.js';
import { queryTokens, tokensOf } from '../../platform/search/segmenter.js';
import { nextCode } from '../../platform/db/codes.js';
import { SUPPORT_ITEMS, TALENT_KINDS, type SupportItem, type TalentKind, type TalentProgramme, type TalentStatus } from './model/labels.js';
import { talentProblems, type TalentFields } from './model/rules.js';
import { requireKeeper, requireOverseer, talentViewerOf } from './viewer.js';
import type { TalentDeps } from './index.js';

export interface SupportInput { item: SupportItem; descriptionZh?: string | null; amountWan?: number | null }
export interface TalentInput {
  nameZh: string; nameEn?: string | null; kind: TalentKind; programme: TalentProgramme; programmeOtherZh?: string | null;
  organisationId?: string | null; organisationZh?: string | null; fieldZh: string; titleZh?: string | null; teamSize?: number | null;
  arrivalOn?: string | null; status: TalentStatus; leftOn?: string | null; expertId?: string | null; noteZh?: string | null;
  support?: SupportInput[];
}
export type TalentPatch = Partial<TalentInput>;
export interface TalentFilter { kind?: TalentKind; programme?: TalentProgramme; status?: TalentStatus; organisationId?: string; q?: string; limit: number; offset: number }

type Stored = TalentFields & { nameEn: string | null; titleZh: string | null; expertId: string | null; noteZh: string | null };
const FIELDS = ['nameZh', 'nameEn', 'kind', 'programme', 'programmeOtherZh', 'organisationId', 'organisationZh', 'fieldZh', 'titleZh', 'teamSize', 'arrivalOn', 'status', 'leftOn', 'expertId', 'noteZh'] as const;
const opt = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
const notFoundTalent = () => notFound('人才记录不存在', 'Talent record not found');
const tokensFor = (t: Stored) => tokensOf(t.nameZh, t.nameEn, t.organisationZh, t.fieldZh, t.titleZh, t.programmeOtherZh);

/**
 * High-end talent and teams (人才, task 20): who was attracted under which programme, where and
 * when they arrived, their "一人一策" support package and where they stand. The task force and
 * units keep the records; overseers (districts too) read them. The plan's indicators count from
 * these records (targets.service.ts).
 */
export function peopleService(database: Database, deps: TalentDeps) {
  const { db } = database;
  const today = () => todayIn(deps.now());

  async function checked(input: TalentPatch, before?: Stored): Promise<{ fields: Stored; support: SupportInput[] | undefined }> {
    const problems: ErrorDetail[] = [];
    const pick = <K extends keyof Stored>(k: K, v: Stored[K] | undefined, fallback: Stored[K]) => (v !== undefined ? v : before ? before[k] : fallback);
    let organisationId = pick('organisationId', input.organisationId, null);
    let organisationZh = (input.organisationZh ?? (input.organisationId === undefined ? before?.organisationZh : '') ?? '').trim();
    if (organisationId && (input.organisationId !== undefined || !before)) {
      const o = await db.selectFrom('organisation').select('nameZh').where('id', '=', organisationId).executeTakeFirst();
      if (!o) { problems.push({ path: '/organisationId', message: '机构不存在（no such organisation）' }); organisationId = null; }
      else organisationZh = o.nameZh;
    }
    const expertId = pick('expertId', input.expertId, null);
    if (expertId && input.expertId !== undefined && !(await db.selectFrom('expert').select('id').where('id', '=', expertId).executeTakeFirst()))
      problems.push({ path: '/expertId', message: '专家不存在（no such expert）' });
    const fields: Stored = {
      nameZh: (input.nameZh ?? before?.nameZh ?? '').trim(), nameEn: input.nameEn !== undefined ? opt(input.nameEn) : before?.nameEn ?? null,
      kind: pick('kind', input.kind, 'highEnd'), programme: pick('programme', input.programme, 'other'),
      programmeOtherZh: input.programmeOtherZh !== undefined ? opt(input.programmeOtherZh) : before?.programmeOtherZh ?? null,
      organisationId, organisationZh, fieldZh: (input.fieldZh ?? before?.fieldZh ?? '').trim(), titleZh: input.titleZh !== undefined ? opt(input.titleZh) : before?.titleZh ?? null,
      teamSize: pick('teamSize', input.teamSize, null), arrivalOn: pick('arrivalOn', input.arrivalOn, null), status: pick('status', input.status, 'recruiting'),
      leftOn: pick('leftOn', input.leftOn, null), expertId, noteZh: input.noteZh !== undefined ? opt(input.noteZh) : before?.noteZh ?? null,
    };
    // A programme other than "other" needs no name of its own: the vocabulary names it.
    if (fields.programme !== 'other') fields.programmeOtherZh = null;
    problems.push(...talentProblems(fields, today()).filter((p) => !(p.path === '/organisationZh' && problems.some((x) => x.path === '/organisationId'))));
    input.support?.forEach((s, i) => {
      if (!(s.item in SUPPORT_ITEMS)) problems.push({ path: `/support/${i}/item`, message: '支持事项不在可选范围内（not a support item）' });
      if (s.amountWan != null && !(s.amountWan >= 0)) problems.push({ path: `/support/${i}/amountWan`, message: '金额不能为负（the amount cannot be negative）' });
      if (s.item === 'other' && !s.descriptionZh?.trim()) problems.push({ path: `/support/${i}/descriptionZh`, message: '“其他”事项请说明内容（describe an "other" item）' });
    });
    if (problems.length) throw invalid(problems);
    return { fields, support: input.support };
  }

  async function writeSupport(trx: Transaction<DB>, talentId: string, support: SupportInput[]) {
    await trx.deleteFrom('talentSupportItem').where('talentId', '=', talentId).execute();
    if (support.length) await trx.insertInto('talentSupportItem').values(support.map((s, i) => ({ talentId, item: s.item, descriptionZh: opt(s.descriptionZh), amountWan: s.amountWan ?? null, sortOrder: i }))).execute();
  }

  const supportOf = async (ids: string[]) => ids.length
    ? db.selectFrom('talentSupportItem').select(['talentId', 'item', 'descriptionZh', 'amountWan']).where('talentId', 'in', ids).orderBy('talentId').orderBy('sortOrder').execute()
    : [];

  function filtered(f: Omit<TalentFilter, 'limit' | 'offset'>) {
    let q = db.selectFrom('talent as t').leftJoin('expert as e', 'e.id', 't.expertId')
      .select(['t.id', 't.code', 't.nameZh', 't.nameEn', 't.kind', 't.programme', 't.programmeOtherZh', 't.organisationId', 't.organisationZh', 't.fieldZh', 't.titleZh', 't.teamSize',
        't.arrivalOn', 't.status', 't.leftOn', 't.expertId', 'e.nameZh as expertNameZh', 't.noteZh', 't.updatedAt']);
    if (f.kind) q = q.where('t.kind', '=', f.kind);
    if (f.programme) q = q.where('t.programme', '=', f.programme);
    if (f.status) q = q.where('t.status', '=', f.status);
    if (f.organisationId) q = q.where('t.organisationId', '=', f.organisationId);
    const tokens = f.q ? queryTokens(f.q) : [];
    if (tokens.length) q = q.where(sql<boolean>`t.tokens @> ${sql.val(tokens)}::text[]`);
    return q;
  }

  async function withSupport<T extends { id: string }>(rows: T[]) {
    const items = await supportOf(rows.map((r) => r.id));
    return rows.map((r) => {
      const support = items.filter((s) => s.talentId === r.id).map(({ talentId: _t, ...s }) => s);
      return { ...r, support, supportTotalWan: support.reduce((n, s) => n + (s.amountWan ?? 0), 0) };
    });
  }

  async function one(id: string) {
    const r = await filtered({}).where('t.id', '=', id).executeTakeFirst();
    if (!r) throw notFoundTalent();
    return (await withSupport([r]))[0];
  }

  return {
    async list(ctx: Ctx, f: TalentFilter) {
      requireOverseer(await talentViewerOf(db, ctx));
      const rows = await filtered(f).select(sql<number>`count(*) over ()`.as('total'))
        .orderBy(sql`array_position(array['academician','national','leadGoose','highEnd'], t.kind)`).orderBy('t.code').limit(f.limit).offset(f.offset).execute();
      return { total: rows[0]?.total ?? 0, items: await withSupport(rows.map(({ total: _t, ...r }) => r)) };
    },

    async exportRows(ctx: Ctx, f: Omit<TalentFilter, 'limit' | 'offset'>) {
      requireOverseer(await talentViewerOf(db, ctx));
      return withSupport(await filtered(f).orderBy('t.code').execute());
    },

    async get(ctx: Ctx, id: string) {
      requireOverseer(await talentViewerOf(db, ctx));
      return one(id);
    },

    async create(ctx: Ctx, input: TalentInput) {
      requireKeeper(await talentViewerOf(db, ctx));
      const { fields, support } = await checked(input);
      const id = await db.transaction().execute(async (trx) => {
        const code = await nextCode(trx, 'talent', 'RC-');
        const row = await trx.insertInto('talent').values({ ...fields, code, tokens: tokensFor(fields), createdAt: deps.now(), updatedAt: deps.now() }).returning('id').executeTakeFirstOrThrow();
        await writeSupport(trx, row.id, support ?? []);
        await audit(trx, ctx, { action: 'talent.talent.create', entityType: 'talent', entityId: row.id, summary: `登记${TALENT_KINDS[fields.kind].zh} ${code} ${fields.nameZh}（Registered a talent）`, after: { code, ...fields, support } });
        return row.id;
      });
      return one(id);
    },

    async update(ctx: Ctx, id: string, patch: TalentPatch) {
      requireKeeper(await talentViewerOf(db, ctx));
      const before = await db.selectFrom('talent').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) throw notFoundTalent();
      const { fields, support } = await checked(patch, before);
      const supportBefore = support ? await supportOf([id]) : undefined;
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('talent').set({ ...fields, tokens: tokensFor(fields), updatedAt: deps.now() }).where('id', '=', id).execute();
        if (support) await writeSupport(trx, id, support);
        const changed = FIELDS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(fields[k]));
        await audit(trx, ctx, {
          action: 'talent.talent.update', entityType: 'talent', entityId: id, summary: `修改人才记录 ${before.code} ${fields.nameZh}（Edited a talent record）`,
          before: { ...Object.fromEntries(changed.map((k) => [k, before[k]])), ...(supportBefore ? { support: supportBefore.map(({ talentId: _t, ...s }) => s) } : {}) },
          after: { ...Object.fromEntries(changed.map((k) => [k, fields[k]])), ...(support ? { support } : {}) },
        });
      });
      return one(id);
    },
  };
}

export type PeopleService = ReturnType<typeof peopleService>;
