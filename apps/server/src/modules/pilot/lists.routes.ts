import type { FastifyInstance } from 'fastify';
import { Type, type TProperties } from 'typebox';
import type { Role } from '../../platform/access/model.js';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, IsoDateString, ListOf, page, Paging, sendXlsx } from '../supervision/http.js';
import type { PilotServices } from './index.js';
import { ITEM_STATES } from './model/labels.js';
import type { ItemKind } from './model/lists.js';
import { ACHIEVEMENT_POSTERS, DEMAND_POSTERS, PUBLIC, readBy, TASK_FORCE } from './http.js';

const Str = (max = 200) => Type.String({ maxLength: max });
const Opt = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));
const Names = Type.Optional(Type.Array(Str(40), { maxItems: 20 }));

const DemandFields = {
  titleZh: Str(), problemZh: Str(4000), targetProductZh: Opt(Str()), processes: Names, organism: Type.Optional(Str(40)),
  scaleL: Type.Number({ description: '规模（升）Scale in litres, above 0' }), budgetWan: Opt(Type.Number({ description: '预算（万元，保密）Budget in 10k yuan (confidential)' })),
  deadline: IsoDateString, domain: Str(20), districtCode: Str(6), biosafetyLevel: Type.Optional(Type.Integer()), qualityGrade: Type.Optional(Str(10)),
  trlNeeded: Opt(Type.Integer()), summaryZh: Str(2000), detailZh: Opt(Str(20000)),
};
const AchievementFields = {
  titleZh: Str(), resultZh: Str(4000), detailZh: Opt(Str(20000)), trl: Type.Integer({ description: '技术成熟度 TRL 1–9' }), scaleReachedL: Opt(Type.Number()),
  ipZh: Opt(Str(1000)), domain: Str(20), processes: Names, organisms: Names, partnerWantedZh: Opt(Str(1000)), districtCode: Str(6),
};

const PublicFilter = {
  domain: Type.Optional(Str(20)), districtCode: Type.Optional(Str(6)), process: Type.Optional(Str(40)), organism: Type.Optional(Str(40)),
  q: Type.Optional(Str(100)),
};
const State = Type.Union(Object.keys(ITEM_STATES).map((s) => Type.Literal(s)));

interface ListConfig { kind: ItemKind; path: string; posters: readonly Role[]; fields: TProperties; zh: string; en: string }
const LISTS: ListConfig[] = [
  { kind: 'demand', path: '/api/pilot/demands', posters: DEMAND_POSTERS, fields: DemandFields, zh: '生产需求', en: 'demand' },
  { kind: 'achievement', path: '/api/pilot/achievements', posters: ACHIEVEMENT_POSTERS, fields: AchievementFields, zh: '成果', en: 'achievement' },
];
type Id = { id: string };

/** The demand list and the achievement list: writing, review, expiry and renewal, reading and export. */
export async function listRoutes(app: FastifyInstance, s: PilotServices) {
  const tags = ['pilot'];
  const lists = s.lists;

  for (const c of LISTS) {
    const { kind, path } = c;

    app.get(path, {
      config: { access: PUBLIC },
      schema: { tags, summary: `已发布的${c.zh}清单（公开摘要，可中文检索）Published ${c.en}s (public summaries, Chinese search)`, querystring: Type.Object({ ...PublicFilter, ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
    }, (req) => lists.list(req.ctx, kind, { ...(req.query as object), ...page(req.query as never) }));

    app.get(`${path}/export.xlsx`, {
      config: { access: PUBLIC },
      schema: { tags, summary: `导出已发布的${c.zh}（按筛选条件，不含保密信息）Export published ${c.en}s as filtered (Excel, no confidential fields)`, querystring: Type.Object(PublicFilter) },
    }, async (req, reply) => {
      const { buffer, fileName } = await lists.exportXlsx(req.ctx, kind, req.query as never);
      return sendXlsx(reply, buffer, fileName);
    });

    app.get(`${path}/mine`, {
      config: { access: readBy(c.posters) },
      schema: { tags, summary: `本机构的${c.zh}（全部状态，含审核意见）My organisation's ${c.en}s in every state, with the review note`, querystring: Type.Object({ state: Type.Optional(State), q: Type.Optional(Str(100)), ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
    }, (req) => lists.mine(req.ctx, kind, { ...(req.query as object), ...page(req.query as never) }));

    app.get(`${path}/all`, {
      config: { access: readBy(TASK_FORCE) },
      schema: { tags, summary: `全部${c.zh}（审核队列：state=submitted）All ${c.en}s; the review queue is state=submitted`, querystring: Type.Object({ ...PublicFilter, state: Type.Optional(State), organisationId: Type.Optional(Uuid), ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
    }, (req) => lists.all(req.ctx, kind, { ...(req.query as object), ...page(req.query as never) }));

    app.get(`${path}/:id`, {
      config: { access: PUBLIC },
      schema: { tags, summary: `${c.zh}详情（保密信息仅对发布方、工作专班和已接受的响应方开放）One ${c.en}; the confidential detail only for its owner, the task force and accepted responders`, params: IdParams, response: { 200: AnyObject, ...errorResponses } },
    }, (req) => lists.get(req.ctx, kind, (req.params as Id).id));

    app.post(path, {
      config: { access: { allow: c.posters } },
      schema: { tags, summary: `起草${c.zh}（工作专班可代为指定机构）Draft a ${c.en} (the task force names the organisation)`, body: Type.Object({ ...c.fields, organisationId: Type.Optional(Nullable(Uuid)) }), response: { 201: AnyObject, ...errorResponses } },
    }, async (req, reply) => reply.status(201).send(await lists.create(req.ctx, kind, req.body as never)));

    app.patch(`${path}/:id`, {
      config: { access: { allow: c.posters } },
      schema: { tags, summary: `修改草稿或被退回的${c.zh} Edit a draft or returned ${c.en}`, params: IdParams, body: Type.Partial(Type.Object(c.fields)), response: { 200: AnyObject, ...errorResponses } },
    }, (req) => lists.update(req.ctx, kind, (req.params as Id).id, req.body as never));

    app.post(`${path}/:id/submit`, {
      config: { access: { allow: c.posters } },
      schema: { tags, summary: `提交审核 Submit a ${c.en} for review`, params: IdParams, response: { 200: AnyObject, ...errorResponses } },
    }, (req) => lists.submit(req.ctx, kind, (req.params as Id).id));

    app.post(`${path}/:id/publish`, {
      config: { access: { allow: TASK_FORCE } },
      schema: { tags, summary: `审核通过并发布（有效期 180 天，需求不超过截止日期）Publish a ${c.en} (for 180 days, a demand until its deadline if sooner)`, params: IdParams, body: Type.Object({ reviewNoteZh: Type.Optional(Nullable(Str(2000))) }), response: { 200: AnyObject, ...errorResponses } },
    }, (req) => lists.publish(req.ctx, kind, (req.params as Id).id, req.body as never));

    app.post(`${path}/:id/return`, {
      config: { access: { allow: TASK_FORCE } },
      schema: { tags, summary: `退回并说明理由 Return a ${c.en} with the reason`, params: IdParams, body: Type.Object({ reviewNoteZh: Str(2000) }), response: { 200: AnyObject, ...errorResponses } },
    }, (req) => lists.returnItem(req.ctx, kind, (req.params as Id).id, req.body as never));

    app.post(`${path}/:id/renew`, {
      config: { access: { allow: c.posters } },
      schema: { tags, summary: `续期已过期的${c.zh}（可修改，重新审核）Renew an expired ${c.en}, with changes; it is reviewed again`, params: IdParams, body: Type.Partial(Type.Object(c.fields)), response: { 200: AnyObject, ...errorResponses } },
    }, (req) => lists.renew(req.ctx, kind, (req.params as Id).id, req.body as never));

    app.post(`${path}/:id/close`, {
      config: { access: { allow: c.posters } },
      schema: { tags, summary: `关闭${c.zh} Close a ${c.en}`, params: IdParams, body: Type.Object({ noteZh: Type.Optional(Nullable(Str(1000))) }), response: { 200: AnyObject, ...errorResponses } },
    }, (req) => lists.close(req.ctx, kind, (req.params as Id).id, req.body as never));
  }

  app.post('/api/pilot/lists/expire', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '将已到期的需求与成果标记为过期并通知发布方 Mark lapsed demands and achievements expired and tell their owners', response: { 200: AnyObject, ...errorResponses } },
  }, (req) => lists.expireDue(req.ctx));
}
