import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, notFound, unauthorized } from '../../platform/http/errors.js';
import { todayIn } from '../../platform/dates.js';
import { queryTokens, tokensOf } from '../../platform/search/segmenter.js';
import { notify } from '../supervision/notifications.js';
import type { ChallengeDeps } from './index.js';
import { NEED_STATUSES } from './model/labels.js';
import {
  actionProblem, cleanNeed, fromStates, mayOf, needProblems, needView, NEED_INPUT_FIELDS, type NeedAction, type NeedInput, type NeedStatus, type Who,
} from './model/needs.js';
import { challengeViewerOf, type ChallengeViewer } from './viewer.js';

export interface NeedFilter {
  q?: string; field?: string; domain?: string; status?: string; organisationId?: string;
  limit: number; offset: number;
}
export type NeedCreate = NeedInput & { organisationId?: string | null };

type Q = Kysely<DB> | Transaction<DB>;
/** A stored need with its organisation's name. */
export type NeedRow = Record<string, unknown> & { id: string; code: string; organisationId: string; status: NeedStatus; titleZh: string; raisedBy: string | null };

/** A need as the service answers it: the fields the caller may read, with what it may do next. */
export type NeedOut = Record<string, unknown> & { id: string; code: string; may: ReturnType<typeof mayOf> };

/** Matches no row: an id nobody has, for a caller without an organisation. */
const NONE = '00000000-0000-0000-0000-000000000000';
/** Who a need may be raised for: enterprises, institutes and universities, departments (units), the task force. */
export const RAISER_KINDS = ['enterprise', 'institute', 'university', 'department', 'taskForce'];
/** Challenges the public reads: posted ones (not drafts, not cancelled). */
const PUBLIC_CHALLENGE_STATUSES = ['open', 'review', 'notice', 'awarded', 'completed'];

const notFoundNeed = () => notFound('技术需求不存在', 'Need not found');
const changedMeanwhile = () => conflict('需求已被他人变更，请刷新后重试', 'The need changed meanwhile; reload and try again', [{ path: '/status', message: '需求状态已变更（the status changed）' }]);

/** Search words come from public fields only, so that no search finds a need by its contact. */
export const needTokens = (n: Partial<NeedInput>) =>
  tokensOf(n.titleZh, n.problemZh, n.currentLevelZh, n.expectedOutcomeZh, n.fieldOtherZh, ...(n.indicators ?? []).map((i) => i?.nameZh));

/** Column values of a need's fields; unset optional ones are null. */
export function needColumns(f: Partial<NeedInput>) {
  const out: Record<string, unknown> = {};
  for (const k of NEED_INPUT_FIELDS) out[k] = f[k] === undefined ? null : f[k];
  out.indicators = JSON.stringify(f.indicators ?? []);
  out.tokens = needTokens(f);
  return out;
}

/** The next XQ-2026-001 under the prefix's lock (held to the end of the transaction). */
export async function nextNeedNumber(trx: Transaction<DB>, prefix: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${prefix}))`.execute(trx);
  const r = await sql<{ n: number | null }>`select max(substring(code from ${prefix.length + 1}::int)::int) as n from tech_need where code like ${prefix + '%'}`.execute(trx);
  return r.rows[0]?.n ?? 0;
}
export const needCode = (prefix: string, n: number) => prefix + String(n).padStart(3, '0');
export const needPrefix = (today: string) => `XQ-${today.slice(0, 4)}-`;

/**
 * Technology needs (技术需求): an enterprise, institute or unit raises a need as a draft and
 * submits it; organisers (task force, units) accept it into the catalog or return it with the
 * reason, which the raiser reads on the need and in a notification; the raiser may withdraw it,
 * an organiser may revise an accepted one or take it out of the catalog. The raiser and the
 * organisers read everything; anyone else reads a need as the last published edition holding
 * it shows it, never the contact.
 */
export function needsService(database: Database, d: ChallengeDeps) {
  const { db } = database;
  const today = () => todayIn(d.now());

  const rows = (q: Q = db) => q.selectFrom('techNeed as n').innerJoin('organisation as o', 'o.id', 'n.organisationId')
    .selectAll('n').select('o.nameZh as organisationNameZh');
  const load = async (id: string, q: Q = db) => (await rows(q).where('n.id', '=', id).executeTakeFirst()) as unknown as NeedRow | undefined;

  const isRaiser = (v: ChallengeViewer, row: { organisationId: string }) => v.taskForce || (!!v.organisationId && v.organisationId === row.organisationId);
  const whoOf = (v: ChallengeViewer, row: { organisationId: string }): Who => ({ raiser: isRaiser(v, row), organiser: v.organiser });
  const readsAll = (v: ChallengeViewer, row: { organisationId: string }) => isRaiser(v, row) || v.organiser;

  const present = (v: ChallengeViewer, row: NeedRow): NeedOut => ({ ...needView(row, true), id: row.id, code: row.code, may: mayOf(row.status, whoOf(v, row)) });

  /** The need for someone who may act on it: a caller who may not read it gets 404, one who may gets 403. */
  async function loadFor(v: ChallengeViewer, id: string, action: NeedAction) {
    const row = await load(id);
    if (!row) throw notFoundNeed();
    const who = whoOf(v, row);
    if (!who.raiser && !who.organiser) {
      if (await publishedSnapshot(id)) throw forbidden('只有提出需求的机构可以操作此需求', 'Only the organisation that raised the need may change it');
      throw notFoundNeed();
    }
    const why = actionProblem(action, row.status, who);
    if (why) {
      // Someone with no part in this action at all is refused; a state that forbids it is a conflict.
      if (!fromStates(action, who).length) throw forbidden(who.organiser ? '只有提出需求的机构可以执行此操作' : '仅工作专班或主管部门可以执行此操作', who.organiser ? 'Only the raising organisation may do this' : 'Only the task force or a department may do this');
      throw conflict(why.zh, why.en, [{ path: '/status', message: `${why.zh}（${why.en}）` }]);
    }
    return { row, who };
  }

  /** The need's public fields as the last published edition holding it shows them. */
  async function publishedSnapshot(id: string, q: Q = db) {
    const r = await q.selectFrom('techNeedEditionItem as i').innerJoin('techNeedEdition as e', 'e.id', 'i.editionId')
      .select(['i.snapshot', 'e.id as editionId']).where('i.needId', '=', id).where('e.status', '=', 'published')
      .orderBy('e.publishedAt', 'desc').limit(1).executeTakeFirst();
    return r ? (r.snapshot as Record<string, unknown>) : null;
  }

  /** The organisation a need is raised for: the caller's own, or the one the task force names. */
  async function raiserFor(v: ChallengeViewer, named: string | null | undefined): Promise<string> {
    if (!v.userId) throw unauthorized();
    if (v.taskForce && named) {
      const o = await db.selectFrom('organisation').select('kind').where('id', '=', named).executeTakeFirst();
      if (!o) throw invalid([{ path: '/organisationId', message: '机构不存在（no such organisation）' }]);
      if (!RAISER_KINDS.includes(o.kind)) throw invalid([{ path: '/organisationId', message: '技术需求须由企业、高校院所或主管部门提出（enterprises, institutes and departments raise needs）' }]);
      return named;
    }
    if (!v.organisationId) {
      if (v.taskForce) throw invalid([{ path: '/organisationId', message: '工作专班代为提出时须指定提出机构（name the organisation the need is raised for）' }]);
      throw forbidden('账号未关联机构，不能代表机构提出需求', 'Your account belongs to no organisation, so it cannot raise needs for one');
    }
    if (named && named !== v.organisationId) throw forbidden('只能以本机构名义提出需求', 'You raise needs for your own organisation only');
    return v.organisationId;
  }

  function checked(fields: Partial<NeedInput>) {
    const p = needProblems(fields);
    if (p.length) throw invalid(p);
    return fields as NeedInput;
  }

  /** The stored fields with a patch over them, cleaned as they will be stored. */
  function merged(row: NeedRow | null, patch: Partial<NeedInput>) {
    const out: Record<string, unknown> = {};
    for (const k of NEED_INPUT_FIELDS) out[k] = patch[k] !== undefined ? patch[k] : row?.[k];
    return cleanNeed(out as Partial<NeedInput>);
  }

  /** One status change, taken only from the status the caller's check saw: two reviews at once take effect once. */
  async function move(ctx: Ctx, v: ChallengeViewer, row: NeedRow, action: Exclude<NeedAction, 'edit'>, set: Record<string, unknown>, note?: string) {
    return db.transaction().execute(async (trx) => {
      const after = await trx.updateTable('techNeed').set({ ...set, updatedAt: d.now() } as never)
        .where('id', '=', row.id).where('status', '=', row.status).returning(['id', 'status']).executeTakeFirst();
      if (!after) throw changedMeanwhile();
      await audit(trx, ctx, {
        action: `challenges.need.${action}`, entityType: 'techNeed', entityId: row.id,
        summary: `技术需求 ${row.code}：${NEED_STATUSES[row.status].zh} → ${NEED_STATUSES[after.status as NeedStatus].zh}（need ${action}）`,
        before: { status: row.status }, after: { status: after.status, ...(note ? { noteZh: note } : {}) },
      });
      // The raiser is told when someone else decided: a review, or an organiser taking it out of the catalog.
      const decidedByOther = action === 'accept' || action === 'return' || (action === 'withdraw' && v.organisationId !== row.organisationId);
      if (decidedByOther) {
        const what = `技术需求「${row.titleZh.slice(0, 60)}」`;
        const zh = { accept: `您提交的${what}已审核入库`, return: `您提交的${what}被退回：${(note ?? '').slice(0, 100)}`, withdraw: `您提出的${what}已移出需求目录：${(note ?? '').slice(0, 100)}`, submit: '' }[action];
        const en = { accept: `Your need ${row.code} was accepted into the catalog`, return: `Your need ${row.code} was returned; see the review note`, withdraw: `Your need ${row.code} was taken out of the catalog`, submit: '' }[action];
        await notify(trx, { organisationId: row.organisationId, kind: `challenges.need.${action}`, link: `/challenges/needs/${row.id}`, dedupeKey: `challenges.need.${action}:${row.id}:${randomUUID()}`, titleZh: zh, titleEn: en });
      }
      return (await load(row.id, trx))!;
    });
  }

  function filtered(f: Partial<NeedFilter>) {
    let q = rows();
    if (f.field) q = q.where('n.field', '=', f.field);
    if (f.domain) q = q.where('n.domain', '=', f.domain);
    if (f.status) q = q.where('n.status', '=', f.status);
    if (f.organisationId) q = q.where('n.organisationId', '=', f.organisationId);
    const tokens = f.q ? queryTokens(f.q) : [];
    if (tokens.length) q = q.where(sql<boolean>`n.tokens @> ${sql.val(tokens)}::text[]`);
    return q;
  }

  async function page(v: ChallengeViewer, f: NeedFilter & { mineOf?: { org: string; user: string } }) {
    let q = filtered(f);
    const mine = f.mineOf;
    if (mine) q = q.where((eb) => eb.or([eb('n.organisationId', '=', mine.org), eb('n.raisedBy', '=', mine.user)]));
    const found = await q.select(sql<number>`count(*) over ()`.as('total')).orderBy('n.updatedAt', 'desc').orderBy('n.code', 'desc').limit(f.limit).offset(f.offset).execute();
    return { total: Number(found[0]?.total ?? 0), items: found.map(({ total: _t, ...r }) => present(v, r as unknown as NeedRow)) };
  }

  /** Organisers read every need; anyone else may not (the role gate lets only organisers reach here, and a token too). */
  function requireOrganiserRead(v: ChallengeViewer) {
    if (!v.organiser) throw forbidden('仅工作专班或主管部门可查看全部需求', 'Only the task force or a department reads every need');
  }

  return {
    load, present,

    /** The caller's organisation's needs, and those a task-force caller raised for others, in every status. */
    async mine(ctx: Ctx, f: NeedFilter) {
      const v = await challengeViewerOf(db, ctx);
      if (!v.userId) throw unauthorized();
      return page(v, { ...f, organisationId: undefined, mineOf: { org: v.organisationId ?? NONE, user: v.taskForce ? v.userId : NONE } });
    },

    /** Every need, for organisers; the review queue is status=submitted. */
    async all(ctx: Ctx, f: NeedFilter) {
      const v = await challengeViewerOf(db, ctx);
      requireOrganiserRead(v);
      return page(v, f);
    },

    /** Rows for the Excel export: every need for organisers, the caller's own for a raiser. */
    async forExport(ctx: Ctx, f: Omit<NeedFilter, 'limit' | 'offset'>) {
      const v = await challengeViewerOf(db, ctx);
      if (!v.userId) throw unauthorized();
      const limit = 100_000;
      return v.organiser ? page(v, { ...f, limit, offset: 0 })
        : page(v, { ...f, organisationId: undefined, limit, offset: 0, mineOf: { org: v.organisationId ?? NONE, user: NONE } });
    },

    /**
     * One need. The raiser and organisers read all of it with the challenges posted from it and
     * the editions holding it; anyone else reads it only once a published edition holds it.
     */
    async get(ctx: Ctx, id: string) {
      const v = await challengeViewerOf(db, ctx);
      const row = await load(id);
      if (!row) throw notFoundNeed();
      const full = readsAll(v, row);
      const snapshot = full ? null : await publishedSnapshot(id);
      if (!full && !snapshot) throw notFoundNeed();
      let challenges = db.selectFrom('challenge').select(['id', 'code', 'titleZh', 'status', 'mode', 'fundingWan', 'deadline']).where('needId', '=', id);
      if (!v.organiser) challenges = challenges.where('status', 'in', PUBLIC_CHALLENGE_STATUSES);
      let editions = db.selectFrom('techNeedEditionItem as i').innerJoin('techNeedEdition as e', 'e.id', 'i.editionId')
        .select(['e.id', 'e.titleZh', 'e.status', 'e.year', 'e.number', 'e.publishedAt']).where('i.needId', '=', id);
      if (!v.organiser) editions = editions.where('e.status', '=', 'published');
      const [c, e] = await Promise.all([challenges.orderBy('code').execute(), editions.orderBy(sql`e.published_at desc nulls first`).execute()]);
      const base = full ? present(v, row) : { ...snapshot!, may: mayOf(row.status, whoOf(v, row)) };
      return { ...base, challenges: c, editions: e };
    },

    async create(ctx: Ctx, input: NeedCreate) {
      const v = await challengeViewerOf(db, ctx);
      const organisationId = await raiserFor(v, input.organisationId);
      const fields = checked(merged(null, input));
      const created = await db.transaction().execute(async (trx) => {
        const prefix = needPrefix(today());
        const code = needCode(prefix, (await nextNeedNumber(trx, prefix)) + 1);
        const row = await trx.insertInto('techNeed').values({
          ...needColumns(fields), code, organisationId, raisedBy: v.userId, status: 'draft', createdAt: d.now(), updatedAt: d.now(),
        } as never).returning('id').executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'challenges.need.create', entityType: 'techNeed', entityId: row.id, summary: `起草技术需求 ${code} ${fields.titleZh}（Drafted a need）`, after: { code, organisationId, ...fields } });
        return (await load(row.id, trx))!;
      });
      return present(v, created);
    },

    /** The raiser edits its draft or returned need; an organiser revises an accepted one (the next edition takes it). */
    async update(ctx: Ctx, id: string, patch: Partial<NeedInput>) {
      const v = await challengeViewerOf(db, ctx);
      const { row } = await loadFor(v, id, 'edit');
      const fields = checked(merged(row, patch));
      const after = await db.transaction().execute(async (trx) => {
        const edited = await trx.updateTable('techNeed').set({ ...needColumns(fields), updatedAt: d.now() } as never).where('id', '=', id).where('status', '=', row.status).executeTakeFirst();
        if (!edited.numUpdatedRows) throw changedMeanwhile();
        const keys = Object.keys(patch).filter((k) => (NEED_INPUT_FIELDS as readonly string[]).includes(k)) as (keyof NeedInput)[];
        await audit(trx, ctx, {
          action: 'challenges.need.update', entityType: 'techNeed', entityId: id, summary: `修改技术需求 ${row.code}（Edited a need）`,
          before: Object.fromEntries(keys.map((k) => [k, row[k]])), after: Object.fromEntries(keys.map((k) => [k, fields[k]])),
        });
        return (await load(id, trx))!;
      });
      return present(v, after);
    },

    async submit(ctx: Ctx, id: string) {
      const v = await challengeViewerOf(db, ctx);
      const { row } = await loadFor(v, id, 'submit');
      checked(merged(row, {}));
      return present(v, await move(ctx, v, row, 'submit', { status: 'submitted', submittedAt: d.now(), reviewNoteZh: null }));
    },

    /** An organiser accepts a submitted need into the catalog: the next edition takes it. */
    async accept(ctx: Ctx, id: string, input: { reviewNoteZh?: string | null } = {}) {
      const v = await challengeViewerOf(db, ctx);
      const { row } = await loadFor(v, id, 'accept');
      const note = input.reviewNoteZh?.trim() || null;
      return present(v, await move(ctx, v, row, 'accept', { status: 'accepted', acceptedAt: d.now(), reviewedBy: v.userId, reviewedAt: d.now(), reviewNoteZh: note }, note ?? undefined));
    },

    /** An organiser returns a submitted need with the reason, which the raiser reads on it and in a notification. */
    async returnNeed(ctx: Ctx, id: string, input: { reviewNoteZh: string }) {
      const note = typeof input.reviewNoteZh === 'string' ? input.reviewNoteZh.trim() : '';
      if (!note) throw invalid([{ path: '/reviewNoteZh', message: '退回须说明理由（say why the need is returned）' }]);
      const v = await challengeViewerOf(db, ctx);
      const { row } = await loadFor(v, id, 'return');
      return present(v, await move(ctx, v, row, 'return', { status: 'returned', reviewedBy: v.userId, reviewedAt: d.now(), reviewNoteZh: note }, note));
    },

    /**
     * The raiser withdraws its need; an organiser takes an accepted need out of the catalog and
     * says why. The next edition drops it; published editions keep it as they were.
     */
    async withdraw(ctx: Ctx, id: string, input: { noteZh?: string | null } = {}) {
      const v = await challengeViewerOf(db, ctx);
      const { row, who } = await loadFor(v, id, 'withdraw');
      const note = input.noteZh?.trim() || null;
      if (!who.raiser && !note) throw invalid([{ path: '/noteZh', message: '移出需求目录须说明理由（say why the need leaves the catalog）' }]);
      return present(v, await move(ctx, v, row, 'withdraw', { status: 'withdrawn', withdrawnNoteZh: note }, note ?? undefined));
    },
  };
}

export type NeedsService = ReturnType<typeof needsService>;
