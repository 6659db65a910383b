import { sql, type SqlBool } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, notFound, unauthorized, type ErrorDetail } from '../../platform/http/errors.js';
import { todayIn } from '../../platform/dates.js';
import type { PilotDeps } from './index.js';
import { HANDLERS } from './http.js';
import { SERVICE_CATEGORIES, SERVICE_KINDS, SERVICE_REQUEST_STATES, type ServiceCategory } from './model/labels.js';
import { dueAtFor, REQUEST_MOVES, requestClock, requestMoveProblem, slaDaysFor, type RequestAction, type RequestClock, type RequestState } from './model/onestop.js';
import { nextCode } from '../../platform/db/codes.js';
import { takesPartIn } from './projects.service.js';
import { pilotViewerOf, requireOrganisation, requirePilotTaskForce, type PilotViewer } from './viewer.js';

export interface RequestInput { category: string; titleZh: string; detailZh: string; greenChannel?: boolean; projectId?: string | null; districtCode?: string | null }

/** The SQL twin of requestClock(): the same state from the same columns. */
const clockSql = (now: Date) => sql<RequestClock | null>`(case
  when q.state = 'withdrawn' then null
  when q.state = 'done' then case when coalesce(q.done_at, q.updated_at) <= q.due_at then 'met' else 'missed' end
  when q.state = 'rejected' then case when q.updated_at <= q.due_at then 'met' else 'missed' end
  when ${now}::timestamptz > q.due_at then 'overdue'
  when q.due_at - ${now}::timestamptz <= interval '1 day' then 'due'
  else 'ok' end)`;

/** Events of one instant in the order a request lives them (states only move forward). */
const STATE_ORDER = sql`array_position(array['submitted', 'accepted', 'done', 'rejected', 'withdrawn'], e.state)`;

const notFoundRequest = () => notFound('服务申请不存在', 'Service request not found');
const round = (x: number | null, places: number) => (x == null ? null : Math.round(x * 10 ** places) / 10 ** places);

/**
 * One-stop services (一站式服务, 绿色通道): a party files a request; it goes to the body the
 * category's route names, with the route's days (halved on the green channel); the body's
 * handlers accept, finish or reject it, the requester may withdraw it before it is done, and
 * every change is an event. Routes and the statistics are public; a request is seen by its
 * requester, its handler and the task force only.
 */
export function oneStopService(database: Database, deps: PilotDeps) {
  const { db } = database;

  /** The handling body's own handlers, or the task force. */
  const handles = (v: PilotViewer, r: { handlerOrgId: string }) =>
    v.taskForce || (!!v.organisationId && v.organisationId === r.handlerOrgId && v.roles.some((x) => HANDLERS.includes(x as never)));
  const requests = (v: PilotViewer, r: { requesterOrgId: string }) => !!v.organisationId && v.organisationId === r.requesterOrgId;
  /** What this caller may do to this request now: each list row and the request page say it, so no page works it out. */
  const mayOf = (v: PilotViewer, r: { state: string; handlerOrgId: string; requesterOrgId: string }) => {
    const handler = handles(v, r), requester = requests(v, r);
    const open = (a: RequestAction) => !requestMoveProblem(r.state as RequestState, a);
    return { accept: handler && open('accept'), finish: handler && open('finish'), reject: handler && open('reject'), withdraw: requester && open('withdraw') };
  };

  const query = () => db.selectFrom('serviceRequest as q')
    .innerJoin('serviceRoute as rt', 'rt.category', 'q.category')
    .innerJoin('organisation as ro', 'ro.id', 'q.requesterOrgId').innerJoin('organisation as ho', 'ho.id', 'q.handlerOrgId')
    .leftJoin('pilotProject as p', 'p.id', 'q.projectId')
    .selectAll('q')
    .select(['rt.kind', 'rt.nameZh as categoryZh', 'rt.nameEn as categoryEn', 'ro.nameZh as requesterOrgNameZh', 'ho.nameZh as handlerOrgNameZh', 'p.code as projectCode', clockSql(deps.now()).as('clock')]);

  async function load(v: PilotViewer, id: string) {
    if (!v.userId) throw unauthorized();
    const r = await db.selectFrom('serviceRequest').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r || !(handles(v, r) || requests(v, r))) throw notFoundRequest();
    return r;
  }

  /** Why a note is needed for an action, if it is: asked only once the caller is known to act on the request. */
  const NOTE_REQUIRED: Partial<Record<RequestAction, { path: string; zh: string; en: string }>> = {
    finish: { path: '/outcomeZh', zh: '办结须写明结果', en: 'state the outcome' },
    reject: { path: '/reason', zh: '不予受理须说明理由', en: 'say why' },
  };

  async function act(ctx: Ctx, id: string, action: RequestAction, text: string | null | undefined) {
    const v = await pilotViewerOf(db, ctx);
    const before = await load(v, id);
    if (action === 'withdraw' ? !requests(v, before) : !handles(v, before))
      throw action === 'withdraw' ? forbidden('仅申请方可撤回', 'Only the requester withdraws a request') : forbidden('仅承办单位或工作专班可办理', 'Only the handling body or the task force handles a request');
    const why = requestMoveProblem(before.state, action);
    if (why) throw conflict(why.zh, why.en, [{ path: '/state', message: `${why.zh}（${why.en}）` }]);
    const note = text?.trim() || null;
    const need = NOTE_REQUIRED[action];
    if (need && !note) throw invalid([{ path: need.path, message: `${need.zh}（${need.en}）` }]);
    const to = REQUEST_MOVES[action].to;
    return db.transaction().execute(async (trx) => {
      const now = deps.now();
      const r = await trx.updateTable('serviceRequest').set({
        state: to, updatedAt: now,
        ...(action === 'accept' ? { acceptedAt: now } : {}), ...(action === 'finish' ? { doneAt: now, outcomeZh: note } : {}), ...(action === 'reject' ? { outcomeZh: note } : {}),
      }).where('id', '=', id).where('state', '=', before.state).returningAll().executeTakeFirst();
      if (!r) throw conflict('申请已被变更，请刷新后重试', 'The request changed meanwhile; reload and try again');
      await trx.insertInto('serviceRequestEvent').values({ requestId: id, state: to, noteZh: note, byUserId: v.userId, at: now }).execute();
      const s = SERVICE_REQUEST_STATES[to];
      await audit(trx, ctx, { action: `pilot.service.${action}`, entityType: 'serviceRequest', entityId: id, summary: `服务申请 ${r.code}：${s.zh}（${s.en}）`, before: { state: before.state }, after: { state: to, noteZh: note } });
      return { ...r, clock: requestClock(r as typeof r & { dueAt: Date }, now) };
    });
  }

  return {
    async routes() {
      const rows = await db.selectFrom('serviceRoute as rt').innerJoin('organisation as o', 'o.id', 'rt.organisationId')
        .select(['rt.category', 'rt.kind', 'rt.nameZh', 'rt.nameEn', 'rt.organisationId', 'o.nameZh as organisationNameZh', 'rt.slaDays', 'rt.sortOrder'])
        .orderBy('rt.sortOrder').orderBy('rt.category').execute();
      return rows.map((r) => ({ ...r, kindZh: SERVICE_KINDS[r.kind as keyof typeof SERVICE_KINDS].zh, kindEn: SERVICE_KINDS[r.kind as keyof typeof SERVICE_KINDS].en, greenChannelDays: slaDaysFor(r.slaDays, true) }));
    },

    /** The task force re-routes a category or changes its days; requests already filed keep their handler and due time. */
    async setRoute(ctx: Ctx, category: string, input: { organisationId?: string; slaDays?: number }) {
      requirePilotTaskForce(await pilotViewerOf(db, ctx));
      const before = await db.selectFrom('serviceRoute').selectAll().where('category', '=', category).executeTakeFirst();
      if (!before) throw notFound('服务类别不存在', 'No such service category');
      const p: ErrorDetail[] = [];
      if (input.organisationId && !(await db.selectFrom('organisation').select('id').where('id', '=', input.organisationId).executeTakeFirst())) p.push({ path: '/organisationId', message: '承办机构不存在（no such organisation）' });
      if (input.slaDays !== undefined && !(Number.isInteger(input.slaDays) && input.slaDays >= 1 && input.slaDays <= 365)) p.push({ path: '/slaDays', message: '办理时限应为 1–365 天（whole days, 1–365）' });
      if (p.length) throw invalid(p);
      return db.transaction().execute(async (trx) => {
        const r = await trx.updateTable('serviceRoute').set({ organisationId: input.organisationId ?? before.organisationId, slaDays: input.slaDays ?? before.slaDays })
          .where('category', '=', category).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'pilot.service.route', entityType: 'serviceRoute', entityId: category, summary: `调整一站式服务「${r.nameZh}」承办机构或时限（Changed a service route）`, before, after: r });
        return r;
      });
    },

    async file(ctx: Ctx, input: RequestInput) {
      const v = await pilotViewerOf(db, ctx);
      const org = requireOrganisation(v);
      const p: ErrorDetail[] = [];
      const route = await db.selectFrom('serviceRoute').selectAll().where('category', '=', input.category).executeTakeFirst();
      if (!route) p.push({ path: '/category', message: '服务类别不存在（no such category）' });
      if (!input.titleZh.trim()) p.push({ path: '/titleZh', message: '标题必填（the title is required）' });
      if (!input.detailZh.trim()) p.push({ path: '/detailZh', message: '申请内容必填（say what you need）' });
      // Seeing a project (base keepers see them all) is not taking part in it: a request names only its organisation's own.
      if (input.projectId && !(await db.selectFrom('pilotProject as p').select('p.id').where('p.id', '=', input.projectId).$if(!v.taskForce, (q) => q.where(takesPartIn(org))).executeTakeFirst()))
        p.push({ path: '/projectId', message: '中试项目不存在或非本机构参与（no such project of yours）' });
      if (input.districtCode && !(await db.selectFrom('district').select('code').where('code', '=', input.districtCode).executeTakeFirst())) p.push({ path: '/districtCode', message: '区县不存在（no such district）' });
      if (p.length) throw invalid(p);
      const district = input.districtCode ?? (await db.selectFrom('organisation').select('districtCode').where('id', '=', org).executeTakeFirst())?.districtCode ?? null;
      return db.transaction().execute(async (trx) => {
        const now = deps.now();
        const days = slaDaysFor(route!.slaDays, !!input.greenChannel);
        const code = await nextCode(trx, 'service_request', `YZS-${todayIn(now).slice(0, 4)}-`);
        const r = await trx.insertInto('serviceRequest').values({
          code, category: route!.category, titleZh: input.titleZh.trim(), detailZh: input.detailZh.trim(), greenChannel: !!input.greenChannel,
          requesterOrgId: org, requesterUserId: v.userId, projectId: input.projectId ?? null, districtCode: district,
          handlerOrgId: route!.organisationId, slaDays: days, dueAt: dueAtFor(now, days), createdAt: now, updatedAt: now,
        }).returningAll().executeTakeFirstOrThrow();
        await trx.insertInto('serviceRequestEvent').values({ requestId: r.id, state: 'submitted', noteZh: input.greenChannel ? '绿色通道' : null, byUserId: v.userId, at: now }).execute();
        await audit(trx, ctx, { action: 'pilot.service.file', entityType: 'serviceRequest', entityId: r.id, summary: `提交一站式服务申请 ${code}「${route!.nameZh}」（Filed a service request）`, after: r });
        return { ...r, clock: requestClock(r as typeof r & { dueAt: Date }, now) };
      });
    },

    /** The requester's requests and the handler's queue; the task force sees all. */
    async list(ctx: Ctx, f: { as?: 'requester' | 'handler'; state?: string; category?: string; clock?: RequestClock; limit: number; offset: number }) {
      const v = await pilotViewerOf(db, ctx);
      const org = v.taskForce ? v.organisationId : requireOrganisation(v);
      const handler = v.roles.some((x) => HANDLERS.includes(x as never));
      const none = sql<SqlBool>`false`;
      let q = query();
      if (f.as === 'requester') q = q.where(org ? sql<SqlBool>`q.requester_org_id = ${org}` : none);
      else if (f.as === 'handler') q = q.$if(!v.taskForce, (x) => x.where(handler ? sql<SqlBool>`q.handler_org_id = ${org}` : none));
      else if (!v.taskForce) q = q.where((eb) => eb.or([eb('q.requesterOrgId', '=', org!), ...(handler ? [eb('q.handlerOrgId', '=', org!)] : [])]));
      if (f.state) q = q.where('q.state', '=', f.state);
      if (f.category) q = q.where('q.category', '=', f.category);
      if (f.clock) q = q.where(clockSql(deps.now()), '=', f.clock);
      const rows = await q.select(sql<number>`count(*) over ()`.as('total')).orderBy('q.dueAt').orderBy('q.code').limit(f.limit).offset(f.offset).execute();
      return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _t, ...r }) => ({ ...r, may: mayOf(v, r) })) };
    },

    async get(ctx: Ctx, id: string) {
      const v = await pilotViewerOf(db, ctx);
      const before = await load(v, id);
      const [r, events] = await Promise.all([
        query().where('q.id', '=', id).executeTakeFirstOrThrow(),
        db.selectFrom('serviceRequestEvent as e').leftJoin('appUser as u', 'u.id', 'e.byUserId')
          .select(['e.id', 'e.state', 'e.noteZh', 'e.at', 'u.displayName as byName']).where('e.requestId', '=', id).orderBy('e.at').orderBy(STATE_ORDER).execute(),
      ]);
      return {
        ...r, events, categoryNames: SERVICE_CATEGORIES[r.category as ServiceCategory] ?? null, stateZh: SERVICE_REQUEST_STATES[r.state as RequestState].zh,
        may: mayOf(v, before),
      };
    },

    accept: (ctx: Ctx, id: string, noteZh?: string | null) => act(ctx, id, 'accept', noteZh),
    finish: (ctx: Ctx, id: string, outcomeZh: string) => act(ctx, id, 'finish', outcomeZh),
    reject: (ctx: Ctx, id: string, reason: string) => act(ctx, id, 'reject', reason),
    withdraw: (ctx: Ctx, id: string, reason?: string | null) => act(ctx, id, 'withdraw', reason),

    /**
     * Public statistics per category, per kind and overall: requests (a withdrawn one was never
     * handled and is not counted), done, the median days from filing to done, and the share of
     * done requests finished within their days.
     */
    async stats() {
      const rows = await sql<{ category: string | null; kind: string | null; requests: number; done: number; doneInTime: number; medianDays: number | null }>`
        select rt.category, rt.kind,
               count(q.id) filter (where q.state <> 'withdrawn')::int as requests,
               count(q.id) filter (where q.state = 'done')::int as done,
               count(q.id) filter (where q.state = 'done' and q.done_at <= q.due_at)::int as "doneInTime",
               percentile_cont(0.5) within group (order by extract(epoch from (q.done_at - q.created_at)) / 86400) filter (where q.state = 'done') as "medianDays"
        from service_route rt left join service_request q on q.category = rt.category
        group by grouping sets ((rt.category, rt.kind), (rt.kind), ())`.execute(db);
      const order = await db.selectFrom('serviceRoute').select(['category', 'nameZh', 'nameEn', 'sortOrder']).orderBy('sortOrder').execute();
      const shape = (r: (typeof rows.rows)[number]) => ({
        requests: r.requests, done: r.done, medianDays: round(r.medianDays == null ? null : Number(r.medianDays), 2), withinSlaShare: r.done ? round(r.doneInTime / r.done, 4) : null,
      });
      return {
        total: shape(rows.rows.find((r) => r.kind == null && r.category == null)!),
        kinds: Object.entries(SERVICE_KINDS).map(([kind, n]) => {
          const r = rows.rows.find((x) => x.kind === kind && x.category == null);
          return { kind, ...n, ...(r ? shape(r) : { requests: 0, done: 0, medianDays: null, withinSlaShare: null }) };
        }),
        categories: order.map((o) => {
          const r = rows.rows.find((x) => x.category === o.category)!;
          return { category: o.category, zh: o.nameZh, en: o.nameEn, kind: r.kind, ...shape(r) };
        }),
      };
    },
  };
}

export type OneStopService = ReturnType<typeof oneStopService>;
