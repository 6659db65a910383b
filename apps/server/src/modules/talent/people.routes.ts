import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, IsoDateString, ListOf, page, Paging, sendXlsx } from '../supervision/http.js';
import type { TalentServices } from './index.js';
import { KEEPERS, OVERSEERS, PUBLIC, readBy } from './http.js';
import { EDUCATION_KINDS, SUPPORT_ITEMS, TALENT_KINDS, TALENT_PROGRAMMES, TALENT_STATUSES } from './model/labels.js';

const Str = (max = 200) => Type.String({ maxLength: max });
const Opt = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));
const OneOf = (o: object, description: string) => Type.Union(Object.keys(o).map((k) => Type.Literal(k)), { description });

const TalentKind = OneOf(TALENT_KINDS, '国家级人才 national · 两院院士 academician · 头雁团队 leadGoose · 其他高端人才 highEnd');
const Programme = OneOf(TALENT_PROGRAMMES, '渝跃行动 yuyue · 新重庆引才计划 newChongqing · 百万人才兴重庆 millionTalents · 其他 other');
const Status = OneOf(TALENT_STATUSES, '引进中 recruiting · 已到岗 arrived · 已离开 left');
const EducationKind = OneOf(EDUCATION_KINDS, '本科专业 bachelor · 硕士点 master · 博士点 doctoral · 联合培养 joint · 培训项目 training');

const TalentFields = {
  nameZh: Str(100), nameEn: Opt(Str(200)), kind: TalentKind, programme: Programme, programmeOtherZh: Opt(Str(100)),
  organisationId: Opt(Uuid), organisationZh: Opt(Str(200)), fieldZh: Str(100), titleZh: Opt(Str(200)), teamSize: Opt(Type.Integer()),
  arrivalOn: Opt(IsoDateString), status: Status, leftOn: Opt(IsoDateString), expertId: Opt(Uuid), noteZh: Opt(Str(4000)),
  support: Type.Optional(Type.Array(Type.Object({ item: OneOf(SUPPORT_ITEMS, '经费 funding · 住房 housing · 实验室 lab · 安家补贴 subsidy · 团队 team · 其他 other'), descriptionZh: Opt(Str(300)), amountWan: Opt(Type.Number()) }), { maxItems: 30, description: '一人一策 support package' })),
};
const TalentFilter = { kind: Type.Optional(TalentKind), programme: Type.Optional(Programme), status: Type.Optional(Status), organisationId: Type.Optional(Uuid), q: Type.Optional(Str(100)) };
const EducationFields = { organisationId: Uuid, kind: EducationKind, nameZh: Str(200), partnerZh: Opt(Str(500)), startYear: Type.Integer(), enrolment: Opt(Type.Integer()), noteZh: Opt(Str(2000)) };
const EducationFilter = { kind: Type.Optional(EducationKind), organisationId: Type.Optional(Uuid) };
type Id = { id: string };

/** High-end talent (with the chart's summary) and the education list. */
export async function peopleRoutes(app: FastifyInstance, s: TalentServices) {
  const tags = ['talent'];

  app.get('/api/talent/people', {
    config: { access: readBy(OVERSEERS) },
    schema: { tags, summary: '高端人才与团队（含一人一策支持）High-end talent and teams, with support packages', querystring: Type.Object({ ...TalentFilter, ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => s.people.list(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/talent/people/summary', {
    config: { access: readBy(OVERSEERS) },
    schema: { tags, summary: '按类别、计划统计的人才数与两项目标（国家级人才 5 名、两院院士 1 名）Counts by kind and programme against the two targets', response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.targets.summary(req.ctx));

  app.get('/api/talent/people/export.xlsx', {
    config: { access: readBy(OVERSEERS) },
    schema: { tags, summary: '导出高端人才（按筛选条件）Export talent as filtered (Excel)', querystring: Type.Object(TalentFilter) },
  }, async (req, reply) => sendXlsx(reply, await s.excel.people(req.ctx, req.query as never), '高端人才.xlsx'));

  app.get('/api/talent/people/:id', {
    config: { access: readBy(OVERSEERS) },
    schema: { tags, summary: '人才详情 One talent record', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.people.get(req.ctx, (req.params as Id).id));

  app.post('/api/talent/people', {
    config: { access: { allow: KEEPERS } },
    schema: { tags, summary: '登记人才或团队 Register a talent or team', body: Type.Object(TalentFields), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await s.people.create(req.ctx, req.body as never)));

  app.patch('/api/talent/people/:id', {
    config: { access: { allow: KEEPERS } },
    schema: { tags, summary: '修改人才记录（给出 support 即整体替换一人一策）Edit a talent record; support, when given, replaces the package', params: IdParams, body: Type.Partial(Type.Object(TalentFields)), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.people.update(req.ctx, (req.params as Id).id, req.body as never));

  app.get('/api/talent/education', {
    config: { access: PUBLIC },
    schema: { tags, summary: '教育培训体系：高校学位点、联合培养与培训项目 Degree programmes and training schemes', querystring: Type.Object({ ...EducationFilter, ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => s.education.list({ ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/talent/education/export.xlsx', {
    config: { access: PUBLIC },
    schema: { tags, summary: '导出教育培训项目 Export the education list (Excel)', querystring: Type.Object(EducationFilter) },
  }, async (req, reply) => sendXlsx(reply, await s.excel.education(req.query as never), '教育培训项目.xlsx'));

  app.get('/api/talent/education/universities', {
    config: { access: PUBLIC },
    schema: { tags, summary: '高校（教育培训项目所属）Universities a programme may belong to', response: { 200: Type.Array(AnyObject), ...errorResponses } },
  }, () => s.education.universities());

  app.post('/api/talent/education', {
    config: { access: { allow: KEEPERS } },
    schema: { tags, summary: '登记学位点或培养项目 Register a programme or scheme', body: Type.Object(EducationFields), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await s.education.create(req.ctx, req.body as never)));

  app.patch('/api/talent/education/:id', {
    config: { access: { allow: KEEPERS } },
    schema: { tags, summary: '修改学位点或培养项目 Edit a programme or scheme', params: IdParams, body: Type.Partial(Type.Object(EducationFields)), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.education.update(req.ctx, (req.params as Id).id, req.body as never));
}
