import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/http/errors.js';
import { todayIn } from '../../platform/dates.js';
import { queryTokens, tokensOf } from '../../platform/search/segmenter.js';
import { notify } from '../supervision/notifications.js';
import type { ChallengeDeps } from './index.js';
import { CHALLENGE_STATUSES, DEFAULT_RUBRIC, NEED_FIELDS, type ChallengeStatus, type NeedField } from './model/labels.js';
import {
  CHALLENGE_DEFAULTS, CHALLENGE_FIELDS, challengeProblems, cleanFields, moveProblem, pick, PUBLIC_CHALLENGE_FIELDS,
  type ChallengeInput, type CoreMove, type IndicatorInput,
} from './model/challenges.js';
import { timelineOf, type ChallengeRow } from './challenges.timeline.js';
import { challengesWorkbook } from './challenges.excel.js';
import { challengeViewerOf, mayRun, requireOrganisation, requireOrganiser, type ChallengeViewer } from './viewer.js';

type Q = Kysely<DB> | Transaction<DB>;
export type ChallengePatch = Partial<ChallengeInput>;
export interface ChallengeFilter { status?: string; mode?: string; field?: string; q?: string; limit: number; offset: number }

/** Applications that count publicly: submitted ones and what became of them (not drafts, not withdrawn). */
export const COUNTED_APPLICATIONS = ['submitted', 'eligible', 'ineligible', 'proposed', 'awarded', 'unsuccessful'];

const notFoundChallenge = () => notFound('榜单不存在', 'Challenge not found');
const stateConflict = () => conflict('榜单已被他人变更，请刷新后重试', 'The challenge changed meanwhile; reload and try again', [{ path: '/status', message: '榜单状态已变更（the status changed）' }]);

const tokensFor = (c: Pick<ChallengeInput, 'titleZh' | 'summaryZh' | 'fields' | 'eligibilityZh'>, indicators: readonly IndicatorInput[]) =>
  tokensOf(c.titleZh, c.summaryZh, c.fields.join(' '), c.eligibilityZh, indicators.map((i) => i.nameZh).join(' '));

/**
 * Challenges (揭榜挂帅 / 并行资助): an organiser drafts one, from a catalog need or from scratch,
 * publishes it, may extend its deadline (with a reason) or cancel it, and after the deadline
 * moves it to review. Anyone reads published challenges without their internal fields.
 */
export function challengesService(database: Database, d: ChallengeDeps) {
  const { db } = database;

  const rows = (q: Q = db) => q.selectFrom('challenge as c').leftJoin('organisation as o', 'o.id', 'c.organiserId')
    .selectAll('c').select(['o.nameZh as organiserNameZh'])
    .select((eb) => eb.selectFrom('application as a').select(sql<number>`count(*)::int`.as('n')).whereRef('a.challengeId', '=', 'c.id')
      .where('a.status', 'in', COUNTED_APPLICATIONS).as('applicationCount'));
  type Row = ChallengeRow & { organiserNameZh: string | null; applicationCount: number | null };

  const load = async (id: string, q: Q = db) => (await rows(q).where('c.id', '=', id).executeTakeFirst()) as Row | undefined;
  const indicatorsOf = (id: string, q: Q = db) => q.selectFrom('challengeIndicator').select(['id', 'position', 'nameZh', 'comparator', 'targetValue', 'unit', 'methodZh'])
    .where('challengeId', '=', id).orderBy('position').execute();

  /** Whoever may read it: a draft only the overseers; the rest anyone. */
  async function visible(v: ChallengeViewer, id: string) {
    const c = await load(id);
    if (!c || (c.status === 'draft' && !v.overseer)) throw notFoundChallenge();
    return c;
  }

  async function runnable(v: ChallengeViewer, id: string) {
    requireOrganiser(v);
    const c = await visible(v, id);
    if (!mayRun(v, c)) throw forbidden('只有发榜单位或工作专班可以操作此榜单', 'Only the posting organisation or the task force may run this challenge');
    return c;
  }

  function requireMove(move: CoreMove, status: string) {
    const why = moveProblem(move, status);
    if (why) throw conflict(why.zh, why.en, [{ path: '/status', message: `${why.zh}（${why.en}）` }]);
  }

  /** The full record for overseers and organisers; the public fields for everyone else. */
  async function present(v: ChallengeViewer, c: Row) {
    const indicators = await indicatorsOf(c.id);
    const applicationCount = c.applicationCount ?? 0;
    if (!v.overseer) return { ...pick(c, PUBLIC_CHALLENGE_FIELDS), id: c.id, indicators, applicationCount };
    const deadlineChanges = await db.selectFrom('challengeDeadlineChange').select(['fromDeadline', 'toDeadline', 'reasonZh', 'changedAt']).where('challengeId', '=', c.id).orderBy('changedAt').execute();
    const run = mayRun(v, c);
    const may = {
      run,
      edit: run && !moveProblem('edit', c.status), publish: run && !moveProblem('publish', c.status), extend: run && !moveProblem('extend', c.status),
      startReview: run && !moveProblem('startReview', c.status) && d.now() >= c.deadline, cancel: run && !moveProblem('cancel', c.status),
    };
    const { tokens: _t, ...rest } = c;
    return { ...rest, indicators, applicationCount, deadlineChanges, may };
  }

  /** The starting point a catalog need gives a draft: title, field keyword, domain, indicators, mode and funding. */
  async function fromNeed(needId: string): Promise<Partial<ChallengeInput>> {
    const n = await db.selectFrom('techNeed').selectAll().where('id', '=', needId).executeTakeFirst();
    if (!n) throw invalid([{ path: '/needId', message: '需求不存在（no such need）' }]);
    if (n.status !== 'accepted') throw invalid([{ path: '/needId', message: '只能从已入库的需求发榜（only an accepted need can become a challenge）' }]);
    const field = n.field === 'other' ? n.fieldOtherZh ?? '' : NEED_FIELDS[n.field as NeedField]?.zh ?? n.field;
    return {
      titleZh: n.titleZh, summaryZh: n.expectedOutcomeZh, fields: [field], domain: n.domain, ...(n.suggestedMode ? { mode: n.suggestedMode } : {}),
      ...(n.fundingWan != null ? { fundingWan: n.fundingWan } : {}),
      indicators: (n.indicators ?? []).map((i) => ({ nameZh: i.nameZh, comparator: '>=' as const, targetValue: i.targetValue, unit: i.unit ?? '' })),
    };
  }

  /** A draft as it will be stored: given fields over stored ones over defaults, cleaned. */
  function merged(base: Partial<ChallengeInput>, patch: Partial<ChallengeInput>): ChallengeInput {
    const out: Record<string, unknown> = { ...CHALLENGE_DEFAULTS, ...base };
    for (const k of [...CHALLENGE_FIELDS, 'indicators'] as const) if (patch[k] !== undefined) out[k] = patch[k];
    const c = out as unknown as ChallengeInput;
    if (c.mode === 'single' && c.maxTeams === undefined) c.maxTeams = 1;
    for (const k of ['titleZh', 'titleEn', 'summaryZh', 'eligibilityZh'] as const) if (typeof c[k] === 'string') (c as unknown as Record<string, string>)[k] = c[k]!.trim();
    c.fields = cleanFields(c.fields ?? []);
    c.indicators = (c.indicators ?? []).map((i) => ({ ...i, nameZh: i.nameZh?.trim(), unit: i.unit?.trim() ?? '', methodZh: i.methodZh?.trim() || null }));
    return c;
  }

  function checked(c: ChallengeInput, publishing = false) {
    const p = challengeProblems(c, { now: d.now(), publishing });
    if (p.length) throw invalid(p);
    return c;
  }

  /** The stored draft as input, so a patch or publishing checks the whole. */
  async function inputOf(c: Row): Promise<ChallengeInput> {
    const indicators = await indicatorsOf(c.id);
    return {
      ...(pick(c, CHALLENGE_FIELDS) as unknown as ChallengeInput), deadline: c.deadline.toISOString(),
      indicators: indicators.map((i) => ({ nameZh: i.nameZh, comparator: i.comparator, targetValue: i.targetValue, unit: i.unit, methodZh: i.methodZh })),
    };
  }

  const columns = (c: ChallengeInput) => ({
    needId: c.needId ?? null, titleZh: c.titleZh, titleEn: c.titleEn ?? null, summaryZh: c.summaryZh ?? null, fields: c.fields, domain: c.domain ?? null,
    mode: c.mode, fundingWan: c.fundingWan, maxTeams: c.maxTeams ?? 1, durationMonths: c.durationMonths, eligibilityZh: c.eligibilityZh ?? null,
    maxMembers: c.maxMembers ?? CHALLENGE_DEFAULTS.maxMembers, requiresUserEnterprise: c.requiresUserEnterprise ?? false, deadline: new Date(c.deadline),
    blind: c.blind ?? true, reviewersPerApplication: c.reviewersPerApplication ?? CHALLENGE_DEFAULTS.reviewersPerApplication,
    rubric: JSON.stringify(c.rubric ?? DEFAULT_RUBRIC), noticeDays: c.noticeDays ?? CHALLENGE_DEFAULTS.noticeDays, tokens: tokensFor(c, c.indicators),
  });

  async function writeIndicators(trx: Transaction<DB>, challengeId: string, indicators: readonly IndicatorInput[]) {
    await trx.deleteFrom('challengeIndicator').where('challengeId', '=', challengeId).execute();
    if (indicators.length) await trx.insertInto('challengeIndicator').values(indicators.map((i, position) => ({
      challengeId, position, nameZh: i.nameZh, comparator: i.comparator, targetValue: i.targetValue, unit: i.unit ?? '', methodZh: i.methodZh ?? null,
    }))).execute();
  }

  async function nextCode(trx: Transaction<DB>) {
    const prefix = `JB-${todayIn(d.now()).slice(0, 4)}-`;
    await sql`select pg_advisory_xact_lock(hashtext(${prefix}))`.execute(trx);
    const r = await sql<{ n: number | null }>`select max(substring(code from ${prefix.length + 1}::int)::int) as n from challenge where code like ${prefix + '%'}`.execute(trx);
    return prefix + String((r.rows[0]?.n ?? 0) + 1).padStart(3, '0');
  }

  /** Tells every organisation with a live application on the challenge. */
  async function tellApplicants(trx: Transaction<DB>, c: Row, kind: string, titleZh: string, titleEn: string) {
    const leads = await trx.selectFrom('application').select('leadOrganisationId').distinct().where('challengeId', '=', c.id).where('status', '<>', 'withdrawn').execute();
    for (const l of leads) await notify(trx, { organisationId: l.leadOrganisationId, kind, link: `/challenges/${c.id}`, dedupeKey: `${kind}:${c.id}:${randomUUID()}`, titleZh, titleEn });
  }

  /** One status move from the status the caller's check saw: two moves at once take effect once. */
  async function move(ctx: Ctx, c: Row, action: string, set: Record<string, unknown>, extra: (trx: Transaction<DB>) => Promise<unknown> = async () => undefined, note?: string) {
    return db.transaction().execute(async (trx) => {
      // The status and the deadline as the decision saw them: an extension and a move to review that
      // race cannot both land (one would leave a challenge in review with a deadline ahead).
      const after = await trx.updateTable('challenge').set({ ...set, updatedAt: d.now() })
        .where('id', '=', c.id).where('status', '=', c.status).where('deadline', '=', c.deadline).returning(['status']).executeTakeFirst();
      if (!after) throw stateConflict();
      const from = CHALLENGE_STATUSES[c.status as ChallengeStatus].zh;
      const to = CHALLENGE_STATUSES[after.status as ChallengeStatus].zh;
      await audit(trx, ctx, {
        action: `challenges.challenge.${action}`, entityType: 'challenge', entityId: c.id, summary: `榜单 ${c.code}：${from} → ${to}（challenge ${action}）`,
        before: { status: c.status, deadline: c.deadline }, after: { ...set, ...(note ? { reasonZh: note } : {}) },
      });
      await extra(trx);
      return load(c.id, trx) as Promise<Row>;
    });
  }

  async function listPage(f: ChallengeFilter, publicOnly: boolean) {
    let q = rows();
    if (publicOnly) q = q.where('c.status', '=', 'open');
    else if (f.status) q = q.where('c.status', '=', f.status);
    if (f.mode) q = q.where('c.mode', '=', f.mode as 'single');
    if (f.field) q = q.where(sql<boolean>`c.fields @> array[${f.field}]::text[]`);
    const tokens = f.q ? queryTokens(f.q) : [];
    if (tokens.length) q = q.where(sql<boolean>`c.tokens @> ${sql.val(tokens)}::text[]`);
    const found = await q.select(sql<number>`count(*) over ()`.as('total'))
      .orderBy(publicOnly ? sql`c.deadline asc` : sql`c.updated_at desc`).orderBy('c.code', 'desc').limit(f.limit).offset(f.offset).execute();
    return { total: found[0]?.total ?? 0, rows: found as unknown as (Row & { total: number })[] };
  }

  const publicItem = (c: Row) => ({ ...pick(c, PUBLIC_CHALLENGE_FIELDS), id: c.id, applicationCount: c.applicationCount ?? 0 });

  async function listOpen(_ctx: Ctx, f: ChallengeFilter) {
    const { total, rows: found } = await listPage(f, true);
    return { total, items: found.map(publicItem) };
  }

  return {
    /** Load a challenge row (for the other parts); undefined when there is none. */
    load: (id: string, q: Q = db) => load(id, q),
    mayRun,

    /** Open challenges (揭榜中): anyone, public fields and the number of applications, no names. */
    listOpen,

    /** Every challenge in every status, for organisers and overseers. */
    async list(ctx: Ctx, f: ChallengeFilter) {
      const v = await challengeViewerOf(db, ctx);
      if (!v.overseer) throw forbidden();
      const { total, rows: found } = await listPage(f, false);
      return { total, items: found.map(({ tokens: _t, total: _n, ...c }) => ({ ...c, applicationCount: c.applicationCount ?? 0, mayRun: mayRun(v, c) })) };
    },

    async get(ctx: Ctx, id: string) {
      const v = await challengeViewerOf(db, ctx);
      return present(v, await visible(v, id));
    },

    async timeline(ctx: Ctx, id: string) {
      const v = await challengeViewerOf(db, ctx);
      const c = await visible(v, id);
      return { challengeId: c.id, code: c.code, status: c.status, steps: await timelineOf(db, c, d.now()) };
    },

    async exportOpen(ctx: Ctx, f: Omit<ChallengeFilter, 'limit' | 'offset'>) {
      const { items } = await listOpen(ctx, { ...f, limit: 100_000, offset: 0 });
      return { buffer: await challengesWorkbook(items), fileName: '揭榜挂帅榜单.xlsx' };
    },

    /** A draft, from a catalog need (its title, field, indicators … where not given) or from scratch. */
    async create(ctx: Ctx, input: Partial<ChallengeInput> & { organiserId?: string | null }) {
      const v = await challengeViewerOf(db, ctx);
      requireOrganiser(v);
      // The task force may post without an organisation of its own (an administrator) or for a department it names.
      let organiserId: string | null = v.taskForce ? v.organisationId : requireOrganisation(v);
      if (input.organiserId && input.organiserId !== organiserId) {
        if (!v.taskForce) throw forbidden('只能以本单位名义发榜', 'You post challenges for your own organisation only');
        const o = await db.selectFrom('organisation').select('kind').where('id', '=', input.organiserId).executeTakeFirst();
        if (!o || !['taskForce', 'department'].includes(o.kind)) throw invalid([{ path: '/organiserId', message: '发榜单位须为工作专班或主管部门（the organiser is the task force or a department）' }]);
        organiserId = input.organiserId;
      }
      const start = input.needId ? await fromNeed(input.needId) : {};
      const c = checked(merged({ ...start, needId: input.needId ?? null }, { ...input, needId: input.needId ?? null }));
      const id = await db.transaction().execute(async (trx) => {
        const code = await nextCode(trx);
        const row = await trx.insertInto('challenge').values({ ...columns(c), code, organiserId, createdBy: v.userId, createdAt: d.now(), updatedAt: d.now() })
          .returning('id').executeTakeFirstOrThrow();
        await writeIndicators(trx, row.id, c.indicators);
        await audit(trx, ctx, { action: 'challenges.challenge.create', entityType: 'challenge', entityId: row.id, summary: `起草榜单 ${code} ${c.titleZh}（Drafted a challenge）`, after: { code, organiserId, ...c } });
        return row.id;
      });
      return present(v, (await load(id))!);
    },

    async update(ctx: Ctx, id: string, patch: ChallengePatch) {
      const v = await challengeViewerOf(db, ctx);
      const before = await runnable(v, id);
      requireMove('edit', before.status);
      if (patch.needId !== undefined && patch.needId !== before.needId && patch.needId) await fromNeed(patch.needId);
      const old = await inputOf(before);
      const c = checked(merged(old, patch));
      await db.transaction().execute(async (trx) => {
        const edited = await trx.updateTable('challenge').set({ ...columns(c), updatedAt: d.now() }).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
        if (!edited.numUpdatedRows) throw stateConflict();
        if (patch.indicators !== undefined) await writeIndicators(trx, id, c.indicators);
        const changed = Object.keys(patch).filter((k) => k in c) as (keyof ChallengeInput)[];
        await audit(trx, ctx, {
          action: 'challenges.challenge.update', entityType: 'challenge', entityId: id, summary: `修改榜单 ${before.code}（Edited a challenge）`,
          before: Object.fromEntries(changed.map((k) => [k, old[k]])), after: Object.fromEntries(changed.map((k) => [k, c[k]])),
        });
      });
      return present(v, (await load(id))!);
    },

    /** draft → open: the whole draft is checked again, and its deadline must be ahead. */
    async publish(ctx: Ctx, id: string) {
      const v = await challengeViewerOf(db, ctx);
      const c = await runnable(v, id);
      requireMove('publish', c.status);
      checked(await inputOf(c), true);
      return present(v, await move(ctx, c, 'publish', { status: 'open', publishedAt: d.now() }));
    },

    /** While open, a later deadline with the reason; applicants are told. */
    async extend(ctx: Ctx, id: string, input: { deadline: string; reasonZh: string }) {
      const v = await challengeViewerOf(db, ctx);
      const c = await runnable(v, id);
      const reason = input.reasonZh?.trim();
      const to = new Date(input.deadline);
      const p = [];
      if (!reason) p.push({ path: '/reasonZh', message: '延期须说明理由（say why the deadline moves）' });
      if (Number.isNaN(to.getTime())) p.push({ path: '/deadline', message: '截止时间无效（not a valid instant）' });
      else if (to <= c.deadline || to <= d.now()) p.push({ path: '/deadline', message: '新的截止时间须晚于原截止时间和当前时间（the new deadline is after the old one and after now）' });
      requireMove('extend', c.status);
      if (d.now() >= c.deadline) throw conflict('已过截止时间，不能再延期', 'The deadline has passed; it can no longer be extended', [{ path: '/deadline', message: '已过截止时间（the deadline has passed）' }]);
      if (p.length) throw invalid(p);
      return present(v, await move(ctx, c, 'extend', { deadline: to }, async (trx) => {
        await trx.insertInto('challengeDeadlineChange').values({ challengeId: c.id, fromDeadline: c.deadline, toDeadline: to, reasonZh: reason!, changedBy: v.userId, changedAt: d.now() }).execute();
        await tellApplicants(trx, c, 'challenges.deadline.extended', `榜单「${c.titleZh.slice(0, 60)}」截止时间延长至 ${todayIn(to)}：${reason!.slice(0, 80)}`, `The deadline of challenge ${c.code} moved to ${todayIn(to)}`);
      }, reason));
    },

    /** open → review once the deadline has passed (server time): the formal check starts. */
    async startReview(ctx: Ctx, id: string) {
      const v = await challengeViewerOf(db, ctx);
      const c = await runnable(v, id);
      requireMove('startReview', c.status);
      if (d.now() < c.deadline) throw conflict(`申报截止时间 ${c.deadline.toISOString()} 未到，不能转入评审`, 'The deadline has not passed; the challenge cannot move to review yet', [{ path: '/deadline', message: '未到截止时间（before the deadline）' }]);
      return present(v, await move(ctx, c, 'startReview', { status: 'review', reviewStartedAt: d.now() }));
    },

    async cancel(ctx: Ctx, id: string, input: { reasonZh: string }) {
      const v = await challengeViewerOf(db, ctx);
      const c = await runnable(v, id);
      const reason = input.reasonZh?.trim();
      if (!reason) throw invalid([{ path: '/reasonZh', message: '取消须说明理由（say why the challenge is cancelled）' }]);
      requireMove('cancel', c.status);
      return present(v, await move(ctx, c, 'cancel', { status: 'cancelled', cancelledAt: d.now(), cancelReasonZh: reason }, (trx) =>
        tellApplicants(trx, c, 'challenges.challenge.cancelled', `榜单「${c.titleZh.slice(0, 60)}」已取消：${reason.slice(0, 80)}`, `Challenge ${c.code} was cancelled`), reason));
    },
  };
}

export type ChallengesService = ReturnType<typeof challengesService>;
