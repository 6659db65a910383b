import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { systemCtx, type Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { nextCode } from '../../platform/db/codes.js';
import { conflict, forbidden, invalid, notFound, unauthorized, type ErrorDetail } from '../../platform/http/errors.js';
import { todayIn } from '../../platform/dates.js';
import { queryTokens, tokensOf } from '../../platform/search/segmenter.js';
import { notify } from '../supervision/notifications.js';
import type { PilotDeps } from './index.js';
import { ITEM_STATES } from './model/labels.js';
import {
  ACHIEVEMENT_FIELDS, actionProblem, achievementProblems, DEMAND_FIELDS, demandProblems, effectiveState, expiryOn, ITEM_KINDS, KIND_NAMES, mayOf, viewOf,
  type AchievementInput, type Audience, type DemandInput, type ItemAction, type ItemKind, type ItemState,
} from './model/lists.js';
import { exportFileName, listWorkbook } from './lists.excel.js';
import { pilotViewerOf, requireOrganisation, requirePilotTaskForce, type PilotViewer } from './viewer.js';

export type ItemInput<K extends ItemKind> = (K extends 'demand' ? DemandInput : AchievementInput) & { organisationId?: string | null };
export type ItemPatch<K extends ItemKind> = Partial<K extends 'demand' ? DemandInput : AchievementInput>;

export interface ListFilter {
  domain?: string; districtCode?: string; process?: string; organism?: string; q?: string;
  /** Own and task-force lists only: the state as readers see it (a lapsed item is expired). */
  state?: string; organisationId?: string;
  limit: number; offset: number;
}

type Q = Kysely<DB> | Transaction<DB>;
/** A stored item with its organisation's and district's names; the fields differ by kind. */
type Row = Record<string, unknown> & { id: string; code: string; organisationId: string; state: string; titleZh: string; expiresOn: string | null; deadline?: string };

/** Matches no row: an id nobody has, for a missing organisation or user. */
const NONE = '00000000-0000-0000-0000-000000000000';
const TABLE = { demand: 'pilot_demand', achievement: 'pilot_achievement' } as const;
/** Both tables share the columns the generic queries use; Kysely is told the demand table's shape. */
const T = (kind: ItemKind) => (kind === 'demand' ? 'pilotDemand' : 'pilotAchievement') as 'pilotDemand';
const CODE_PREFIX: Record<ItemKind, string> = { demand: 'XQ', achievement: 'CG' };
/** Who may own an item: an enterprise posts demands; institutes, universities and enterprises post achievements. */
const OWNER_KINDS: Record<ItemKind, readonly string[]> = { demand: ['enterprise'], achievement: ['enterprise', 'institute', 'university'] };
const FIELDS: Record<ItemKind, readonly string[]> = { demand: DEMAND_FIELDS, achievement: ACHIEVEMENT_FIELDS };

/** Search tokens come from public words only, so that a search never finds an item by its confidential detail. */
const tokensFor = (kind: ItemKind, i: Record<string, unknown>) => kind === 'demand'
  ? tokensOf(i.titleZh as string, i.problemZh as string, i.targetProductZh as string | null, i.summaryZh as string)
  : tokensOf(i.titleZh as string, i.resultZh as string);

const trimmed = (s: unknown) => (typeof s === 'string' ? s.trim() : s);
const dedupe = (xs: unknown) => (Array.isArray(xs) ? [...new Set(xs as string[])] : xs);

const notFoundItem = (kind: ItemKind) => notFound(`${KIND_NAMES[kind].zh}不存在`, `${KIND_NAMES[kind].en} not found`);

/** The SQL twin of effectiveState(): a published item past its expiry day or deadline reads as expired. */
const stateSql = (kind: ItemKind, today: string) => sql<string>`(case when i.state = 'published' and (i.expires_on < ${today}::date${kind === 'demand' ? sql` or i.deadline < ${today}::date` : sql``}) then 'expired' else i.state end)`;
const lapsedSql = (kind: ItemKind, today: string) => sql<boolean>`(expires_on < ${today}::date${kind === 'demand' ? sql` or deadline < ${today}::date` : sql``})`;

/**
 * The production demand list (生产需求清单) and the achievement supply list (成果供给清单):
 * an owner writes an item as a draft and submits it; the task force publishes it or returns it
 * with a reason the owner reads; a published item lapses after 180 days (a demand at its
 * deadline if sooner) and its owner may renew it for another review; the owner may close it.
 * Everyone reads what is published; the confidential detail opens only to the owner, the task
 * force and organisations whose response the owner accepted.
 */
export function listsService(database: Database, deps: PilotDeps) {
  const { db } = database;
  const today = () => todayIn(deps.now());

  let districtCodes: Set<string> | null = null;
  const districts = async () => (districtCodes ??= new Set((await db.selectFrom('district').select('code').execute()).map((d) => d.code)));

  const rows = (kind: ItemKind, q: Q = db) => q.selectFrom(`${T(kind)} as i`).innerJoin('organisation as o', 'o.id', 'i.organisationId').leftJoin('district as d', 'd.code', 'i.districtCode')
    .selectAll('i').select(['o.nameZh as organisationNameZh', 'd.nameZh as districtNameZh']);

  const load = async (kind: ItemKind, id: string, q: Q = db) => (await rows(kind, q).where('i.id', '=', id).executeTakeFirst()) as Row | undefined;

  /** An organisation whose response on the item the owner accepted, and which is still open. */
  async function isAcceptedParty(kind: ItemKind, id: string, orgId: string | null) {
    if (!orgId) return false;
    const r = await db.selectFrom('pilotResponse').select('id').where('targetKind', '=', kind).where(kind === 'demand' ? 'demandId' : 'achievementId', '=', id)
      .where('responderOrgId', '=', orgId).where('acceptedAt', 'is not', null).where('stage', '<>', 'closed').executeTakeFirst();
    return !!r;
  }

  const isKeeper = (v: PilotViewer, row: Row) => v.taskForce || (!!v.organisationId && v.organisationId === row.organisationId);
  const isPublic = (state: ItemState) => state === 'published' || state === 'expired';

  async function audienceOf(kind: ItemKind, v: PilotViewer, row: Row): Promise<Audience> {
    if (isKeeper(v, row)) return 'keeper';
    return (await isAcceptedParty(kind, row.id, v.organisationId)) ? 'party' : 'public';
  }

  /** The item for someone who may change it: anyone else gets 404 if they may not see it, 403 if they may. */
  async function loadForKeeper(kind: ItemKind, v: PilotViewer, id: string) {
    const row = await load(kind, id);
    if (!row) throw notFoundItem(kind);
    if (isKeeper(v, row)) return row;
    const sees = isPublic(effectiveState(row, today())) || (await isAcceptedParty(kind, id, v.organisationId));
    throw sees ? forbidden(`只有发布机构可以操作此${KIND_NAMES[kind].zh}`, `Only the posting organisation may change this ${KIND_NAMES[kind].en.toLowerCase()}`) : notFoundItem(kind);
  }

  function requireAction(action: ItemAction, state: ItemState) {
    const why = actionProblem(action, state);
    if (why) throw conflict(why.zh, why.en, [{ path: '/state', message: `${why.zh}（${why.en}）` }]);
  }

  const present = (kind: ItemKind, row: Row, audience: Audience, v?: PilotViewer) => {
    const state = effectiveState(row, today());
    const view = viewOf(kind, { ...row, state }, audience);
    return v ? { ...view, may: mayOf(state, { keeper: audience === 'keeper', taskForce: v.taskForce }) } : view;
  };

  /** The organisation an item is posted for: the caller's own, or the one the task force names. */
  async function ownerFor(kind: ItemKind, v: PilotViewer, named: string | null | undefined): Promise<string> {
    const wrongKind = { path: '/organisationId', message: kind === 'demand' ? '生产需求须由企业发布（an enterprise posts a demand）' : '成果须由高校院所或企业发布（an institute, university or enterprise posts an achievement）' };
    if (v.taskForce) {
      if (!named) throw invalid([{ path: '/organisationId', message: '工作专班代为发布时须指定发布机构（name the organisation the item is posted for）' }]);
      const o = await db.selectFrom('organisation').select('kind').where('id', '=', named).executeTakeFirst();
      if (!o) throw invalid([{ path: '/organisationId', message: '机构不存在（no such organisation）' }]);
      if (!OWNER_KINDS[kind].includes(o.kind)) throw invalid([wrongKind]);
      return named;
    }
    const own = requireOrganisation(v);
    if (named && named !== own) throw forbidden('只能以本机构名义发布', 'You post for your own organisation only');
    if (!OWNER_KINDS[kind].includes(v.organisationKind ?? '')) throw forbidden(wrongKind.message.replace(/（.*）$/, ''), 'Your organisation cannot post on this list');
    return own;
  }

  /** The fields of a stored item, with a patch over them, cleaned as they will be stored. */
  function merged(kind: ItemKind, row: Row | null, patch: Record<string, unknown>) {
    const out: Record<string, unknown> = {};
    for (const f of FIELDS[kind]) {
      const value = patch[f] !== undefined ? patch[f] : row?.[f];
      out[f] = dedupe(trimmed(value));
    }
    return out;
  }

  async function problemsOf(kind: ItemKind, fields: Record<string, unknown>): Promise<ErrorDetail[]> {
    const k = { today: today(), districts: await districts() };
    return kind === 'demand' ? demandProblems(fields as Partial<DemandInput>, k) : achievementProblems(fields as Partial<AchievementInput>, k);
  }

  async function checked(kind: ItemKind, fields: Record<string, unknown>) {
    const p = await problemsOf(kind, fields);
    if (p.length) throw invalid(p);
    return fields;
  }

  /** Column values of the item's fields; unset optional ones take the table's defaults. */
  function columns(kind: ItemKind, f: Record<string, unknown>) {
    const out: Record<string, unknown> = { ...f, processes: f.processes ?? [], tokens: tokensFor(kind, f) };
    if (kind === 'demand') Object.assign(out, { organism: f.organism ?? 'none', biosafetyLevel: f.biosafetyLevel ?? 1, qualityGrade: f.qualityGrade ?? 'none' });
    else out.organisms = f.organisms ?? [];
    for (const [k, x] of Object.entries(out)) if (x === undefined) out[k] = null;
    return out;
  }

  const nextItemCode = (trx: Transaction<DB>, kind: ItemKind) => nextCode(trx, TABLE[kind], `${CODE_PREFIX[kind]}-${today().slice(0, 4)}-`);

  function filtered(kind: ItemKind, f: ListFilter & { mineOf?: { org: string | null; user: string | null } }, t: string) {
    let q = rows(kind).select(stateSql(kind, t).as('readState'));
    const mine = f.mineOf;
    if (mine) q = q.where((eb) => eb.or([eb('i.organisationId', '=', mine.org ?? NONE), eb('i.postedBy', '=', mine.user ?? NONE)]));
    if (f.domain) q = q.where('i.domain', '=', f.domain);
    if (f.districtCode) q = q.where('i.districtCode', '=', f.districtCode);
    if (f.process) q = q.where(sql<boolean>`i.processes @> array[${f.process}]::text[]`);
    if (f.organism) q = q.where(kind === 'demand' ? sql<boolean>`i.organism = ${f.organism}` : sql<boolean>`i.organisms @> array[${f.organism}]::text[]`);
    if (f.organisationId) q = q.where('i.organisationId', '=', f.organisationId);
    if (f.state) q = q.where(stateSql(kind, t), '=', f.state);
    const tokens = f.q ? queryTokens(f.q) : [];
    if (tokens.length) q = q.where(sql<boolean>`i.tokens @> ${sql.val(tokens)}::text[]`);
    return q;
  }

  async function page(kind: ItemKind, f: Parameters<typeof filtered>[1], scope: 'published' | 'all', audience: Audience, v?: PilotViewer) {
    const t = today();
    let q = filtered(kind, f, t);
    if (scope === 'published') q = q.where('i.state', '=', 'published').where(sql<boolean>`not ${lapsedSql(kind, t)}`);
    const found = await q.select(sql<number>`count(*) over ()`.as('total'))
      .orderBy(sql`i.published_at desc nulls last`).orderBy('i.updatedAt', 'desc').orderBy('i.code', 'desc').limit(f.limit).offset(f.offset).execute();
    return { total: found[0]?.total ?? 0, items: found.map(({ total: _t, readState: _s, ...r }) => present(kind, r as unknown as Row, audience, v)) };
  }

  /**
   * Marks every published item that has lapsed as expired and tells its owner. Reading gives the
   * same answer before and after; this makes the stored state and the owners' inbox agree.
   */
  async function sweep(ctx: Ctx) {
    const t = today();
    const due = Object.fromEntries(await Promise.all(ITEM_KINDS.map(async (kind) =>
      [kind, await db.selectFrom(T(kind)).select('id').where('state', '=', 'published').where(lapsedSql(kind, t)).execute()] as const)));
    const counts = { demands: 0, achievements: 0 };
    if (!due.demand.length && !due.achievement.length) return counts;
    return db.transaction().execute(async (trx) => {
      for (const kind of ITEM_KINDS) {
        if (!due[kind].length) continue;
        // Only what is still published and lapsed: a concurrent sweep or renewal may have moved it.
        const expired = await trx.updateTable(T(kind)).set({ state: 'expired', updatedAt: deps.now() })
          .where('id', 'in', due[kind].map((d) => d.id)).where('state', '=', 'published').where(lapsedSql(kind, t))
          .returning(['id', 'code', 'titleZh', 'organisationId', 'expiresOn']).execute();
        for (const e of expired) {
          await audit(trx, ctx, { action: `pilot.${kind}.expire`, entityType: T(kind), entityId: e.id, summary: `${KIND_NAMES[kind].zh} ${e.code} 已到期（${KIND_NAMES[kind].en} expired）`, before: { state: 'published' }, after: { state: 'expired', expiresOn: e.expiresOn } });
          await notify(trx, {
            organisationId: e.organisationId, kind: `pilot.${kind}.expired`, link: `/pilot/${kind}s/${e.id}`, dedupeKey: `pilot.${kind}.expired:${e.id}:${e.expiresOn ?? t}`,
            titleZh: `您发布的${KIND_NAMES[kind].zh}「${e.titleZh.slice(0, 60)}」已到期，可申请续期`, titleEn: `Your ${KIND_NAMES[kind].en.toLowerCase()} ${e.code} has expired and may be renewed`,
          });
        }
        counts[kind === 'demand' ? 'demands' : 'achievements'] = expired.length;
      }
      return counts;
    });
  }

  /** One state change by a keeper or the task force, audited, with the owner told when someone else decided. */
  async function move(ctx: Ctx, kind: ItemKind, row: Row, action: Exclude<ItemAction, 'edit'>, set: Record<string, unknown>, note?: { zh: string; en: string }, changed: string[] = []) {
    return db.transaction().execute(async (trx) => {
      // Only from the state the caller's check saw: two decisions at once (publish and return, say) take effect once.
      const after = await trx.updateTable(T(kind)).set({ ...set, updatedAt: deps.now() } as never).where('id', '=', row.id).where('state', '=', row.state).returningAll().executeTakeFirst();
      if (!after) throw conflict('条目已被他人变更，请刷新后重试', 'The item changed meanwhile; reload and try again', [{ path: '/state', message: '条目状态已变更（the state changed）' }]);
      await audit(trx, ctx, {
        action: `pilot.${kind}.${action}`, entityType: T(kind), entityId: row.id,
        summary: `${KIND_NAMES[kind].zh} ${row.code}：${ITEM_STATES[effectiveState(row, today())].zh} → ${ITEM_STATES[after.state as ItemState].zh}（${KIND_NAMES[kind].en} ${action}）`,
        before: { state: row.state, expiresOn: row.expiresOn, reviewNoteZh: row.reviewNoteZh ?? null, ...Object.fromEntries(changed.map((k) => [k, row[k]])) },
        after: { state: after.state, expiresOn: after.expiresOn, reviewNoteZh: after.reviewNoteZh, ...(note ? { noteZh: note.zh } : {}), ...Object.fromEntries(changed.map((k) => [k, set[k]])) },
      });
      if (action === 'publish' || action === 'return') {
        const what = `${KIND_NAMES[kind].zh}「${row.titleZh.slice(0, 60)}」`;
        await notify(trx, {
          organisationId: row.organisationId, kind: `pilot.${kind}.${action}`, link: `/pilot/${kind}s/${row.id}`, dedupeKey: `pilot.${kind}.${action}:${row.id}:${randomUUID()}`,
          titleZh: action === 'publish' ? `您提交的${what}已审核发布` : `您提交的${what}被退回：${(note?.zh ?? '').slice(0, 100)}`,
          titleEn: action === 'publish' ? `Your ${KIND_NAMES[kind].en.toLowerCase()} ${row.code} was published` : `Your ${KIND_NAMES[kind].en.toLowerCase()} ${row.code} was returned; see the review note`,
        });
      }
      return { ...after, organisationNameZh: row.organisationNameZh, districtNameZh: row.districtNameZh } as Row;
    });
  }

  /**
   * The published list: anyone. Lapsed items are left out by the query itself; marking them
   * expired (and telling owners) is the hourly pass's job, not a reader's.
   */
  async function list(_ctx: Ctx, kind: ItemKind, f: ListFilter) {
    return page(kind, { ...f, state: undefined, organisationId: undefined }, 'published', 'public');
  }

  return {
    list,

    /**
     * The caller's organisation's items, and those a task-force caller posted for others, in every
     * state with the review note. Having posted an item is not keeping it: a user who has left the
     * organisation, or the task force, no longer reads its detail here.
     */
    async mine(ctx: Ctx, kind: ItemKind, f: ListFilter) {
      const v = await pilotViewerOf(db, ctx);
      if (!v.userId) throw unauthorized();
      return page(kind, { ...f, mineOf: { org: v.organisationId, user: v.taskForce ? v.userId : null } }, 'all', 'keeper', v);
    },

    /** Every item in every state, for the task force's review queue (state=submitted). */
    async all(ctx: Ctx, kind: ItemKind, f: ListFilter) {
      const v = await pilotViewerOf(db, ctx);
      requirePilotTaskForce(v);
      return page(kind, f, 'all', 'keeper', v);
    },

    async get(ctx: Ctx, kind: ItemKind, id: string) {
      const v = await pilotViewerOf(db, ctx);
      const row = await load(kind, id);
      if (!row) throw notFoundItem(kind);
      const audience = await audienceOf(kind, v, row);
      if (audience === 'public' && !isPublic(effectiveState(row, today()))) throw notFoundItem(kind);
      return present(kind, row, audience, v);
    },

    async exportXlsx(ctx: Ctx, kind: ItemKind, f: Omit<ListFilter, 'limit' | 'offset'>) {
      const { items } = await list(ctx, kind, { ...f, limit: 100_000, offset: 0 });
      return { buffer: await listWorkbook(kind, items), fileName: exportFileName(kind) };
    },

    async create<K extends ItemKind>(ctx: Ctx, kind: K, input: ItemInput<K>) {
      const v = await pilotViewerOf(db, ctx);
      const organisationId = await ownerFor(kind, v, input.organisationId);
      const fields = await checked(kind, merged(kind, null, input as unknown as Record<string, unknown>));
      const enterprise = kind === 'demand' ? await db.selectFrom('enterprise').select('id').where('organisationId', '=', organisationId).executeTakeFirst() : undefined;
      const created = await db.transaction().execute(async (trx) => {
        const code = await nextItemCode(trx, kind);
        const row = await trx.insertInto(T(kind)).values({
          ...columns(kind, fields), code, organisationId, postedBy: v.userId, ...(kind === 'demand' ? { enterpriseId: enterprise?.id ?? null } : {}),
          createdAt: deps.now(), updatedAt: deps.now(),
        } as never).returning('id').executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: `pilot.${kind}.create`, entityType: T(kind), entityId: row.id, summary: `起草${KIND_NAMES[kind].zh} ${code} ${fields.titleZh}（Drafted a ${KIND_NAMES[kind].en.toLowerCase()}）`, after: { code, organisationId, ...fields } });
        return load(kind, row.id, trx);
      });
      return present(kind, created!, 'keeper', v);
    },

    /** The owner edits a draft or a returned item; a submitted or published one waits for review or renewal. */
    async update<K extends ItemKind>(ctx: Ctx, kind: K, id: string, patch: ItemPatch<K>) {
      const v = await pilotViewerOf(db, ctx);
      const before = await loadForKeeper(kind, v, id);
      requireAction('edit', effectiveState(before, today()));
      const fields = await checked(kind, merged(kind, before, patch as Record<string, unknown>));
      const after = await db.transaction().execute(async (trx) => {
        const edited = await trx.updateTable(T(kind)).set({ ...columns(kind, fields), updatedAt: deps.now() } as never).where('id', '=', id).where('state', '=', before.state).executeTakeFirst();
        if (!edited.numUpdatedRows) throw conflict('条目已被他人变更，请刷新后重试', 'The item changed meanwhile; reload and try again', [{ path: '/state', message: '条目状态已变更（the state changed）' }]);
        const changed = Object.fromEntries(Object.keys(patch).filter((k) => FIELDS[kind].includes(k)).map((k) => [k, fields[k]]));
        await audit(trx, ctx, { action: `pilot.${kind}.update`, entityType: T(kind), entityId: id, summary: `修改${KIND_NAMES[kind].zh} ${before.code}（Edited a ${KIND_NAMES[kind].en.toLowerCase()}）`, before: Object.fromEntries(Object.keys(changed).map((k) => [k, before[k]])), after: changed });
        return load(kind, id, trx);
      });
      return present(kind, after!, 'keeper', v);
    },

    async submit(ctx: Ctx, kind: ItemKind, id: string) {
      const v = await pilotViewerOf(db, ctx);
      const row = await loadForKeeper(kind, v, id);
      requireAction('submit', effectiveState(row, today()));
      // Checked again: a draft's deadline may have passed since it was written.
      await checked(kind, merged(kind, row, {}));
      return present(kind, await move(ctx, kind, row, 'submit', { state: 'submitted' }), 'keeper', v);
    },

    /** The task force publishes: on the list from today until the expiry day. */
    async publish(ctx: Ctx, kind: ItemKind, id: string, input: { reviewNoteZh?: string | null } = {}) {
      const v = await pilotViewerOf(db, ctx);
      requirePilotTaskForce(v);
      const row = await load(kind, id);
      if (!row) throw notFoundItem(kind);
      requireAction('publish', effectiveState(row, today()));
      const t = today();
      if (row.deadline && row.deadline < t) throw conflict(`需求截止日期 ${row.deadline} 已过，不能发布；请退回由企业修改`, 'The demand is past its deadline and cannot be published; return it for a new deadline', [{ path: '/deadline', message: '已过截止日期（past the deadline）' }]);
      const note = input.reviewNoteZh?.trim() || null;
      return present(kind, await move(ctx, kind, row, 'publish', {
        state: 'published', publishedAt: deps.now(), expiresOn: expiryOn(t, row.deadline), reviewedBy: v.userId, reviewedAt: deps.now(), reviewNoteZh: note,
      }), 'keeper', v);
    },

    /** The task force returns an item with the reason, which the owner reads on it and in a notification. */
    async returnItem(ctx: Ctx, kind: ItemKind, id: string, input: { reviewNoteZh: string }) {
      const v = await pilotViewerOf(db, ctx);
      requirePilotTaskForce(v);
      const note = input.reviewNoteZh?.trim();
      if (!note) throw invalid([{ path: '/reviewNoteZh', message: '退回须说明理由（say why the item is returned）' }]);
      const row = await load(kind, id);
      if (!row) throw notFoundItem(kind);
      requireAction('return', effectiveState(row, today()));
      return present(kind, await move(ctx, kind, row, 'return', { state: 'returned', reviewedBy: v.userId, reviewedAt: deps.now(), reviewNoteZh: note }, { zh: note, en: 'returned' }), 'keeper', v);
    },

    /**
     * The owner renews an expired item, with any changes (a demand needs a new deadline): it goes
     * back to review, because what was true half a year ago is published only after a new look.
     */
    async renew<K extends ItemKind>(ctx: Ctx, kind: K, id: string, patch: ItemPatch<K> = {}) {
      const v = await pilotViewerOf(db, ctx);
      const row = await loadForKeeper(kind, v, id);
      requireAction('renew', effectiveState(row, today()));
      const fields = await checked(kind, merged(kind, row, patch as Record<string, unknown>));
      const changed = Object.keys(patch).filter((k) => FIELDS[kind].includes(k));
      return present(kind, await move(ctx, kind, row, 'renew', { ...columns(kind, fields), state: 'submitted', expiresOn: null }, undefined, changed), 'keeper', v);
    },

    async close(ctx: Ctx, kind: ItemKind, id: string, input: { noteZh?: string | null } = {}) {
      const v = await pilotViewerOf(db, ctx);
      const row = await loadForKeeper(kind, v, id);
      requireAction('close', effectiveState(row, today()));
      const note = input.noteZh?.trim();
      return present(kind, await move(ctx, kind, row, 'close', { state: 'closed' }, note ? { zh: note, en: 'closed' } : undefined), 'keeper', v);
    },

    /** The task force marks every lapsed item expired now (the hourly pass does it too). */
    async expireDue(ctx: Ctx) {
      requirePilotTaskForce(await pilotViewerOf(db, ctx));
      return sweep(ctx);
    },

    /** The hourly pass (main.ts): marks lapsed items expired as the platform itself. */
    sweepExpired: () => sweep(systemCtx('pilot-expiry')),
  };
}

export type ListsService = ReturnType<typeof listsService>;
