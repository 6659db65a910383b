import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, IsoDateString, ListOf, page, Paging, sendXlsx } from '../supervision/http.js';
import type { IpServices } from './index.js';
import { PUBLIC, PUBLIC_READ, RIGHT_KEEPERS } from './http.js';
import { IP_KINDS, LINK_KINDS } from './model/labels.js';

const Str = (max = 200) => Type.String({ maxLength: max });
const Opt = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));
const Enum = (o: object) => Type.Union(Object.keys(o).map((k) => Type.Literal(k)));

const Filter = {
  kind: Type.Optional(Str(100)), status: Type.Optional(Str(100)), subtype: Type.Optional(Str(20)), q: Type.Optional(Str(100)),
  holder: Type.Optional(Type.String({ format: 'uuid', description: '机构：其持有或关联的知识产权 · an organisation: rights it holds or is linked to (directly or by its enterprise record)' })),
  enterpriseId: Type.Optional(Uuid), platformId: Type.Optional(Uuid), achievementId: Type.Optional(Uuid),
  challengeId: Type.Optional(Type.String({ format: 'uuid', description: '揭榜挂帅项目：关联该项目或其立项的知识产权 · a challenge: rights linked to it or its awards' })),
};
const FILTER_NOTE = '访客只看到已授权、已发布、已登记的知识产权；权利人和工作专班另见其他状态。kind、status 可逗号分隔 · Visitors see rights in force only; holders and the task force see every status. kind and status take comma-separated values';

const Fields = {
  number: Str(100), titleZh: Str(300), titleEn: Opt(Str(500)), subtype: Opt(Str(20)), status: Type.Optional(Str(20)),
  filedOn: Opt(IsoDateString), grantedOn: Opt(IsoDateString), inventors: Type.Optional(Type.Array(Str(60), { maxItems: 50 })), abstractZh: Opt(Str(4000)),
  holderIds: Type.Array(Uuid, { maxItems: 20, description: '权利人（按证书顺序）Holders, in their order on the certificate' }),
};
const LinkParams = Type.Object({ id: Uuid, targetKind: Enum(LINK_KINDS), targetId: Uuid });
type Id = { id: string };

/** IP rights: the public list (per organisation, enterprise, platform, achievement, challenge), a right's page, recording and links. */
export async function rightRoutes(app: FastifyInstance, s: IpServices) {
  const tags = ['ip'];
  const r = s.rights;

  app.get('/api/ip', {
    config: { access: PUBLIC_READ },
    schema: { tags, summary: '知识产权清单（按类型、状态、权利人、企业、平台、成果、揭榜项目筛选，可中文检索）IP rights, filtered and searchable', description: FILTER_NOTE, querystring: Type.Object({ ...Filter, ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => r.list(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/ip/export.xlsx', {
    config: { access: PUBLIC },
    schema: { tags, summary: '导出知识产权清单（按筛选条件）Export IP rights as filtered (Excel)', description: FILTER_NOTE, querystring: Type.Object(Filter) },
  }, async (req, reply) => {
    const { buffer, fileName } = await r.exportXlsx(req.ctx, req.query as never);
    return sendXlsx(reply, buffer, fileName);
  });

  app.get('/api/ip/:id', {
    config: { access: PUBLIC_READ },
    schema: { tags, summary: '知识产权详情（权利人、关联；权利人另见举报统计）One IP right with holders and links; holders also see report counts', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => r.get(req.ctx, (req.params as Id).id));

  app.post('/api/ip', {
    config: { access: { allow: RIGHT_KEEPERS } },
    schema: { tags, summary: '登记知识产权（权利人须包含本机构，工作专班除外）Record an IP right; holders include your organisation unless you are the task force', body: Type.Object({ kind: Enum(IP_KINDS), ...Fields }), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await r.create(req.ctx, req.body as never)));

  app.patch('/api/ip/:id', {
    config: { access: { allow: RIGHT_KEEPERS } },
    schema: { tags, summary: '修改知识产权（状态、日期、权利人等；类型不变）Edit an IP right (status, dates, holders …; the kind stays)', params: IdParams, body: Type.Partial(Type.Object(Fields)), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => r.update(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/ip/:id/links', {
    config: { access: { allow: RIGHT_KEEPERS } },
    schema: { tags, summary: '关联机构、企业、成果、创新平台（工作专班另可关联揭榜项目与立项）Link a right to an organisation, enterprise, achievement or platform (the task force also to a challenge or award)', params: IdParams, body: Type.Object({ targetKind: Enum(LINK_KINDS), targetId: Uuid }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => r.link(req.ctx, (req.params as Id).id, req.body as never));

  app.delete('/api/ip/:id/links/:targetKind/:targetId', {
    config: { access: { allow: RIGHT_KEEPERS } },
    schema: { tags, summary: '取消关联 Remove a link', params: LinkParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => { const p = req.params as { id: string; targetKind: never; targetId: string }; return r.unlink(req.ctx, p.id, p.targetKind, p.targetId); });
}
