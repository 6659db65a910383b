import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, notFound, unauthorized, type ErrorDetail } from '../../platform/http/errors.js';
import { todayIn } from '../../platform/dates.js';
import type { PilotDeps } from './index.js';
import { RESPONSE_OUTCOMES, RESPONSE_STAGES } from './model/labels.js';
import { funnelOf, responseMoveProblem, stageOfRank, type FlowStage, type ResponseSide, type ResponseStage } from './model/responses.js';
import { START_STAGES, type ProjectStage } from './model/projects.js';
import { effectiveState } from './model/lists.js';
import { nextCode } from '../../platform/db/codes.js';
import { insertProject } from './projects.service.js';
import { pilotViewerOf, requireOrganisation, requirePilotTaskForce, type PilotViewer } from './viewer.js';

export type TargetKind = 'demand' | 'achievement';
export interface RespondInput { targetKind: TargetKind; itemId: string; messageZh: string; achievementId?: string | null; platformId?: string | null }
export interface MoveInput {
  stage: 'signed' | 'done'; contractWan?: number | null; outcome?: keyof typeof RESPONSE_OUTCOMES; outcomeNoteZh?: string | null;
  projectNameZh?: string | null; projectStage?: ProjectStage;
}

const notFoundResponse = () => notFound('响应不存在', 'Response not found');
const ITEM_TABLE = { demand: 'pilotDemand', achievement: 'pilotAchievement' } as const;
const stageName = (s: string) => RESPONSE_STAGES[s as ResponseStage];

/**
 * Responses to published demands and achievements, between the item's owner organisation and a
 * responding one: the owner's acceptance opens negotiation (and the item's confidential detail,
 * which lists.service shows to an accepted responder); then either party signs, completes with
 * an outcome, or closes. A thread beside it is for the two organisations and the task force
 * only: to anyone else the response does not exist. The funnel counts them for everyone.
 */
export function responsesService(database: Database, deps: PilotDeps) {
  const { db } = database;

  const sideOf = (v: PilotViewer, r: { ownerOrgId: string; responderOrgId: string }): ResponseSide | null =>
    !v.organisationId ? null : v.organisationId === r.ownerOrgId ? 'owner' : v.organisationId === r.responderOrgId ? 'responder' : null;

  /** The response if the viewer is one of its two organisations or the task force; otherwise it does not exist. */
  async function load(v: PilotViewer, id: string) {
    if (!v.userId) throw unauthorized();
    const r = await db.selectFrom('pilotResponse').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r || (!v.taskForce && !sideOf(v, r))) throw notFoundResponse();
    return r;
  }

  function requireSide(v: PilotViewer, r: { ownerOrgId: string; responderOrgId: string }, only?: ResponseSide): ResponseSide {
    const side = sideOf(v, r);
    if (!side || (only && side !== only))
      throw only === 'owner' ? forbidden('仅发布方可接受或谢绝响应', 'Only the item\'s owner accepts or declines a response') : forbidden('仅洽谈双方可推进响应', 'Only the two parties move a response');
    return side;
  }

  const listQuery = () => db.selectFrom('pilotResponse as r')
    .innerJoin('organisation as oo', 'oo.id', 'r.ownerOrgId').innerJoin('organisation as ro', 'ro.id', 'r.responderOrgId')
    .leftJoin('pilotDemand as d', 'd.id', 'r.demandId').leftJoin('pilotAchievement as a', 'a.id', 'r.achievementId')
    .leftJoin('pilotPlatform as pl', 'pl.id', 'r.platformId').leftJoin('pilotProject as pp', 'pp.id', 'r.pilotProjectId')
    .selectAll('r')
    .select([
      'oo.nameZh as ownerOrgNameZh', 'ro.nameZh as responderOrgNameZh', 'pl.code as platformCode', 'pl.nameZh as platformNameZh', 'pp.code as pilotProjectCode',
      sql<string>`case when r.target_kind = 'demand' then d.id else a.id end`.as('itemId'),
      sql<string>`case when r.target_kind = 'demand' then d.code else a.code end`.as('itemCode'),
      sql<string>`case when r.target_kind = 'demand' then d.title_zh else a.title_zh end`.as('itemTitleZh'),
      // For a demand, the achievement the responder offers with it.
      sql<string | null>`case when r.target_kind = 'demand' then a.code end`.as('offeredAchievementCode'),
      sql<string | null>`case when r.target_kind = 'demand' then a.title_zh end`.as('offeredAchievementTitleZh'),
    ]);

  async function page(q: ReturnType<typeof listQuery>, f: { limit: number; offset: number }) {
    const rows = await q.select(sql<number>`count(*) over ()`.as('total')).orderBy('r.updatedAt', 'desc').orderBy('r.code').limit(f.limit).offset(f.offset).execute();
    return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _t, ...r }) => r) };
  }

  type Filters = { stage?: string; targetKind?: TargetKind; limit: number; offset: number };
  const filtered = (q: ReturnType<typeof listQuery>, f: Filters) => q
    .$if(!!f.stage, (x) => x.where('r.stage', '=', f.stage!))
    .$if(!!f.targetKind, (x) => x.where('r.targetKind', '=', f.targetKind!));

  /** A published item, or none: a draft does not exist for a responder. */
  async function publishedItem(kind: TargetKind, id: string) {
    const item = await db.selectFrom(ITEM_TABLE[kind]).select(['id', 'code', 'titleZh', 'organisationId', 'state', 'publishedAt', 'districtCode', 'domain', 'expiresOn'])
      // Only a demand has a deadline; a lapsed item takes no responses even before the sweep marks it.
      .select(kind === 'demand' ? sql<string | null>`deadline`.as('deadline') : sql<string | null>`null::date`.as('deadline'))
      .where('id', '=', id).executeTakeFirst();
    return item?.publishedAt ? item : undefined;
  }

  return {
    /** Responses the caller's organisation takes part in, as the item's owner or as responder. */
    async mine(ctx: Ctx, f: Filters & { as?: ResponseSide }) {
      const v = await pilotViewerOf(db, ctx);
      const org = requireOrganisation(v);
      return page(filtered(listQuery(), f).where((eb) => f.as === 'owner' ? eb('r.ownerOrgId', '=', org) : f.as === 'responder' ? eb('r.responderOrgId', '=', org)
        : eb.or([eb('r.ownerOrgId', '=', org), eb('r.responderOrgId', '=', org)])), f);
    },

    /** Every response: the task force's oversight. */
    async all(ctx: Ctx, f: Filters) {
      requirePilotTaskForce(await pilotViewerOf(db, ctx));
      return page(filtered(listQuery(), f), f);
    },

    /** The responses to one item: its owner (and the task force) sees all, a responder its own. */
    async forItem(ctx: Ctx, kind: TargetKind, itemId: string) {
      const v = await pilotViewerOf(db, ctx);
      const item = await db.selectFrom(ITEM_TABLE[kind]).select(['organisationId', 'publishedAt']).where('id', '=', itemId).executeTakeFirst();
      const owner = !!item && (v.taskForce || item.organisationId === v.organisationId);
      if (!item || (!owner && !item.publishedAt)) throw notFound('条目不存在', 'Item not found');
      if (!owner && !v.organisationId) return [];
      return listQuery().where('r.targetKind', '=', kind).where(kind === 'demand' ? 'r.demandId' : 'r.achievementId', '=', itemId)
        .$if(!owner, (q) => q.where('r.responderOrgId', '=', v.organisationId!)).orderBy('r.createdAt').execute();
    },

    async get(ctx: Ctx, id: string) {
      const v = await pilotViewerOf(db, ctx);
      const r = await load(v, id);
      const row = await listQuery().where('r.id', '=', id).executeTakeFirstOrThrow();
      const side = sideOf(v, r);
      const open = r.stage !== 'closed' && r.stage !== 'done';
      return {
        ...row, side, stageZh: stageName(r.stage).zh, stageEn: stageName(r.stage).en,
        may: {
          accept: side === 'owner' && r.stage === 'responded', decline: side === 'owner' && r.stage === 'responded',
          sign: !!side && r.stage === 'negotiating', complete: !!side && r.stage === 'signed', close: !!side && open, talk: r.stage !== 'closed',
        },
      };
    },

    async respond(ctx: Ctx, input: RespondInput) {
      const v = await pilotViewerOf(db, ctx);
      const org = requireOrganisation(v);
      const item = await publishedItem(input.targetKind, input.itemId);
      if (!item) throw notFound('条目不存在或未发布', 'No such published item');
      if (effectiveState(item, todayIn(deps.now())) !== 'published')
        throw conflict('该条目已过期或关闭，不再接受响应', 'The item has expired or closed and takes no responses', [{ path: '/itemId', message: '条目已过期或关闭（the item has expired or closed）' }]);
      const p: ErrorDetail[] = [];
      if (!input.messageZh.trim()) p.push({ path: '/messageZh', message: '响应说明必填（say what you offer）' });
      if (item.organisationId === org) p.push({ path: '/itemId', message: '不能响应本机构发布的条目（not your own item）' });
      if (input.achievementId) {
        if (input.targetKind !== 'demand') p.push({ path: '/achievementId', message: '仅响应生产需求时可附本机构成果（an achievement is offered with a demand only）' });
        else {
          const a = await db.selectFrom('pilotAchievement').select('organisationId').where('id', '=', input.achievementId).executeTakeFirst();
          if (!a || a.organisationId !== org) p.push({ path: '/achievementId', message: '只能附本机构的成果（your own achievement only）' });
        }
      }
      if (input.platformId) {
        const pl = await db.selectFrom('pilotPlatform as pl').innerJoin('pilotBase as b', 'b.id', 'pl.baseId').select('b.organisationId').where('pl.id', '=', input.platformId).executeTakeFirst();
        if (!pl || pl.organisationId !== org) p.push({ path: '/platformId', message: '只能附本机构基地的中试平台（a platform of your own base only）' });
      }
      if (p.length) throw invalid(p);
      const open = await db.selectFrom('pilotResponse').select('code').where('targetKind', '=', input.targetKind)
        .where(input.targetKind === 'demand' ? 'demandId' : 'achievementId', '=', item.id).where('responderOrgId', '=', org).where('stage', 'not in', ['closed', 'done']).executeTakeFirst();
      if (open) throw conflict(`本机构对该条目已有进行中的响应 ${open.code}`, `Your organisation already has an open response to this item (${open.code})`);
      // The unique index pilot_response_one_open refuses a second one written at the same moment (23505 → 409).
      return db.transaction().execute(async (trx) => {
        const code = await nextCode(trx, 'pilot_response', `XY-${todayIn(deps.now()).slice(0, 4)}-`);
        const r = await trx.insertInto('pilotResponse').values({
          code, targetKind: input.targetKind, demandId: input.targetKind === 'demand' ? item.id : null,
          achievementId: input.targetKind === 'achievement' ? item.id : input.achievementId ?? null, platformId: input.platformId ?? null,
          ownerOrgId: item.organisationId, responderOrgId: org, responderUserId: v.userId, messageZh: input.messageZh.trim(), createdAt: deps.now(), updatedAt: deps.now(),
        }).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'pilot.response.create', entityType: 'pilotResponse', entityId: r.id, summary: `响应 ${item.code} ${item.titleZh}（Responded, ${code}）`, after: r });
        return r;
      });
    },

    /** The owner's acceptance: mutual now (the responder accepted by responding), so negotiation and the detail open. */
    async accept(ctx: Ctx, id: string) {
      const v = await pilotViewerOf(db, ctx);
      const before = await load(v, id);
      requireSide(v, before, 'owner');
      const why = responseMoveProblem(before.stage, 'negotiating', 'owner');
      if (why) throw conflict(why.zh, why.en, [{ path: '/stage', message: `${why.zh}（${why.en}）` }]);
      return db.transaction().execute(async (trx) => {
        const r = await trx.updateTable('pilotResponse').set({ stage: 'negotiating', acceptedAt: deps.now(), acceptedBy: v.userId, updatedAt: deps.now() })
          .where('id', '=', id).where('stage', '=', 'responded').returningAll().executeTakeFirst();
        if (!r) throw conflict('响应已被变更，请刷新后重试', 'The response changed meanwhile; reload and try again');
        await audit(trx, ctx, { action: 'pilot.response.accept', entityType: 'pilotResponse', entityId: id, summary: `接受响应 ${r.code}，进入洽谈（Accepted; negotiating）`, before: { stage: before.stage }, after: { stage: r.stage, acceptedAt: r.acceptedAt } });
        return r;
      });
    },

    async decline(ctx: Ctx, id: string, reason: string) {
      const v = await pilotViewerOf(db, ctx);
      const before = await load(v, id);
      requireSide(v, before, 'owner');
      if (before.stage !== 'responded') throw conflict('已接受的响应不能谢绝，请改为关闭并说明理由', 'An accepted response is not declined; close it with a reason instead');
      return closeResponse(ctx, v, before, reason, 'pilot.response.decline', '谢绝响应', 'Declined');
    },

    async close(ctx: Ctx, id: string, reason: string) {
      const v = await pilotViewerOf(db, ctx);
      const before = await load(v, id);
      requireSide(v, before);
      return closeResponse(ctx, v, before, reason, 'pilot.response.close', '关闭响应', 'Closed');
    },

    /** Either party moves it on: signed (amount optional), then done with an outcome; a pilot-project outcome records the project. */
    async move(ctx: Ctx, id: string, input: MoveInput) {
      const v = await pilotViewerOf(db, ctx);
      const before = await load(v, id);
      const side = requireSide(v, before);
      const why = responseMoveProblem(before.stage, input.stage, side);
      if (why) throw why.status === 403 ? forbidden(why.zh, why.en) : conflict(why.zh, why.en, [{ path: '/stage', message: `${why.zh}（${why.en}）` }]);
      const p: ErrorDetail[] = [];
      if (input.stage === 'done' && !input.outcome) p.push({ path: '/outcome', message: '完成须写明结果：签订合同、转为中试项目或未成交（name the outcome）' });
      if (input.stage !== 'done' && (input.outcome || input.projectNameZh || input.projectStage)) p.push({ path: '/outcome', message: '结果在完成时填写（the outcome is given when done）' });
      if (input.projectStage && !START_STAGES.includes(input.projectStage)) p.push({ path: '/projectStage', message: '项目只能从技术攻关、概念验证或中试熟化开始（research, proof of concept or pilot）' });
      if ((input.projectNameZh || input.projectStage) && input.outcome !== 'pilotProject') p.push({ path: '/projectNameZh', message: '仅转为中试项目时填写项目信息（project fields go with a pilot-project outcome）' });
      if (p.length) throw invalid(p);
      const item = input.outcome === 'pilotProject' ? await db.selectFrom(ITEM_TABLE[before.targetKind as TargetKind]).select(['titleZh', 'districtCode', 'domain'])
        .where('id', '=', (before.demandId ?? before.achievementId)!).executeTakeFirstOrThrow() : null;
      const baseId = before.platformId ? (await db.selectFrom('pilotPlatform').select('baseId').where('id', '=', before.platformId).executeTakeFirstOrThrow()).baseId : null;
      return db.transaction().execute(async (trx) => {
        const now = deps.now();
        const project = item ? await insertProject(trx, ctx, v, {
          nameZh: input.projectNameZh?.trim() || item.titleZh, demandId: before.demandId, achievementId: before.achievementId, baseId, responseId: before.id,
          // The party that takes the result to scale leads: the enterprise behind a demand, the responder to an achievement.
          leadOrgId: before.targetKind === 'demand' ? before.ownerOrgId : before.responderOrgId,
          districtCode: item.districtCode, domain: item.domain, summaryZh: null, stage: input.projectStage ?? 'pilot', stageEnteredOn: todayIn(now),
        }, now) : null;
        const r = await trx.updateTable('pilotResponse').set({
          stage: input.stage, updatedAt: now, ...(input.contractWan !== undefined ? { contractWan: input.contractWan } : {}),
          ...(input.stage === 'signed' ? { signedAt: now } : { doneAt: now, outcome: input.outcome!, outcomeNoteZh: input.outcomeNoteZh ?? null, pilotProjectId: project?.id ?? null }),
        }).where('id', '=', id).where('stage', '=', before.stage).returningAll().executeTakeFirst();
        if (!r) throw conflict('响应已被变更，请刷新后重试', 'The response changed meanwhile; reload and try again');
        const outcome = r.outcome ? RESPONSE_OUTCOMES[r.outcome as keyof typeof RESPONSE_OUTCOMES] : null;
        await audit(trx, ctx, {
          action: `pilot.response.${input.stage}`, entityType: 'pilotResponse', entityId: id,
          summary: `响应 ${r.code} 推进至「${stageName(r.stage).zh}」${outcome ? `：${outcome.zh}` : ''}（Moved to ${stageName(r.stage).en}${outcome ? `: ${outcome.en}` : ''}）`,
          before: { stage: before.stage, contractWan: before.contractWan }, after: { stage: r.stage, contractWan: r.contractWan, outcome: r.outcome, pilotProjectId: r.pilotProjectId },
        });
        return { ...r, pilotProjectCode: project?.code ?? null };
      });
    },

    async messages(ctx: Ctx, id: string) {
      const v = await pilotViewerOf(db, ctx);
      await load(v, id);
      return db.selectFrom('pilotResponseMessage as m').leftJoin('appUser as u', 'u.id', 'm.authorId').leftJoin('organisation as o', 'o.id', 'm.orgId')
        .select(['m.id', 'm.textZh', 'm.at', 'm.authorId', 'u.displayName as authorName', 'm.orgId', 'o.nameZh as orgNameZh'])
        .where('m.responseId', '=', id).orderBy('m.at').orderBy('m.id').execute();
    },

    async postMessage(ctx: Ctx, id: string, textZh: string) {
      const v = await pilotViewerOf(db, ctx);
      const r = await load(v, id);
      if (!textZh.trim()) throw invalid([{ path: '/textZh', message: '留言内容必填（write something）' }]);
      if (r.stage === 'closed') throw conflict('响应已关闭，不能再留言', 'The response is closed; the thread is read-only');
      return db.transaction().execute(async (trx) => {
        const m = await trx.insertInto('pilotResponseMessage').values({ responseId: id, authorId: v.userId, orgId: v.organisationId, textZh: textZh.trim(), at: deps.now() }).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'pilot.response.message', entityType: 'pilotResponse', entityId: id, summary: `响应 ${r.code} 留言（Message in the thread）`, after: { messageId: m.id } });
        return m;
      });
    },

    /**
     * The public funnel of a list (or of one edition of it): counts only. Posted: items ever
     * published (an item later expired or closed was still posted), or the edition's items.
     */
    async funnel(ctx: Ctx, f: { list: 'demands' | 'achievements'; editionId?: string }) {
      const kind: TargetKind = f.list === 'demands' ? 'demand' : 'achievement';
      let edition: { id: string; number: number; titleZh: string } | null = null;
      if (f.editionId) {
        const e = await db.selectFrom('pilotListEdition').select(['id', 'list', 'number', 'titleZh', 'state']).where('id', '=', f.editionId).executeTakeFirst();
        const v = e && e.state !== 'published' ? await pilotViewerOf(db, ctx) : null;
        if (!e || (v && !v.taskForce)) throw notFound('清单版次不存在', 'Edition not found');
        if (e.list !== f.list) throw invalid([{ path: '/editionId', message: '版次不属于该清单（the edition is of another list）' }]);
        edition = { id: e.id, number: e.number, titleZh: e.titleZh };
      }
      const items = edition ? sql`select item_id as id from pilot_list_edition_item where edition_id = ${edition.id}`
        : sql`select id from ${sql.table(kind === 'demand' ? 'pilot_demand' : 'pilot_achievement')} where published_at is not null`;
      const rows = await sql<{ rank: number; n: number }>`
        select rank, count(*)::int as n from (
          select i.id, max(case when r.id is null then 0 when r.done_at is not null then 4 when r.signed_at is not null then 3 when r.accepted_at is not null then 2 else 1 end) as rank
          from (${items}) i left join pilot_response r on r.target_kind = ${kind} and ${sql.ref(kind === 'demand' ? 'r.demand_id' : 'r.achievement_id')} = i.id
          group by i.id) x
        group by rank`.execute(db);
      const at: Partial<Record<FlowStage | 'none', number>> = {};
      for (const x of rows.rows) at[stageOfRank(x.rank) ?? 'none'] = x.n;
      return { list: f.list, edition, ...funnelOf(at) };
    },
  };

  async function closeResponse(ctx: Ctx, v: PilotViewer, before: { id: string; code: string; stage: string }, reason: string, action: string, zh: string, en: string) {
    const why = responseMoveProblem(before.stage, 'closed', 'owner');
    if (why) throw conflict(why.zh, why.en);
    if (!reason.trim()) throw invalid([{ path: '/reason', message: '须说明理由（say why）' }]);
    return db.transaction().execute(async (trx) => {
      const r = await trx.updateTable('pilotResponse').set({ stage: 'closed', closedReasonZh: reason.trim(), updatedAt: deps.now() })
        .where('id', '=', before.id).where('stage', '=', before.stage).returningAll().executeTakeFirst();
      if (!r) throw conflict('响应已被变更，请刷新后重试', 'The response changed meanwhile; reload and try again');
      await audit(trx, ctx, { action, entityType: 'pilotResponse', entityId: r.id, summary: `${zh} ${r.code}（${en}）`, before: { stage: before.stage }, after: { stage: 'closed', reason: r.closedReasonZh, by: v.organisationId } });
      return r;
    });
  }
}

export type ResponsesService = ReturnType<typeof responsesService>;
