import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, ListOf, page, Paging } from '../supervision/http.js';
import type { SafetyServices } from './index.js';
import { EVALUATION_STATE_CODES, SUBJECT_KIND_CODES, TRACK_CODES } from './model/labels.js';
import { MAX_FIELDS } from './model/evaluations.js';
import { APPLICANTS, BODY, DOSSIER_READERS, OVERSEERS, PUBLIC, readBy } from './http.js';

const Str = (max = 200) => Type.String({ maxLength: max });
const Opt = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));
const OneOf = (codes: readonly string[]) => Type.Union(codes.map((c) => Type.Literal(c)));
const FileIds = Type.Array(Uuid, { maxItems: 30 });

const EvaluationFields = {
  subjectKind: OneOf(SUBJECT_KIND_CODES),
  strainId: Opt(Uuid),
  titleZh: Str(200),
  descriptionZh: Str(8000),
  fields: Type.Array(Str(40), { maxItems: MAX_FIELDS, description: '领域关键词（匹配评审专家）Field keywords reviewers are matched on' }),
  contactNameZh: Str(60), contactPhone: Str(30), contactEmail: Opt(Str(120)),
  fileIds: Type.Optional(FileIds),
  trackRequested: Type.Optional(OneOf(TRACK_CODES)),
  trackReasonZh: Opt(Str(2000)),
};
type Id = { id: string };

/** Applications: the applicant's writing, the body's queue and decisions, one evaluation and its dossier files. */
export async function evaluationRoutes(app: FastifyInstance, s: SafetyServices) {
  const tags = ['safety'];
  const base = '/api/safety/evaluations';

  app.get(base, {
    config: { access: readBy(OVERSEERS) },
    schema: {
      tags, summary: '安全评价队列（含计时，未结者按到期先后；overdue=true 为超期）The evaluation queue with clocks, soonest due first; overdue=true lists the overdue',
      querystring: Type.Object({ state: Type.Optional(OneOf(EVALUATION_STATE_CODES)), track: Type.Optional(OneOf(TRACK_CODES)), subjectKind: Type.Optional(OneOf(SUBJECT_KIND_CODES)), overdue: Type.Optional(Type.Boolean()), applicantOrganisationId: Type.Optional(Uuid), q: Type.Optional(Str(100)), ...Paging }),
      response: { 200: ListOf(AnyObject), ...errorResponses },
    },
  }, (req) => s.evaluations.queue(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get(`${base}/mine`, {
    config: { access: readBy(APPLICANTS) },
    schema: { tags, summary: '本单位的安全评价申请（全部状态）My organisation\'s applications in every state', querystring: Type.Object({ state: Type.Optional(OneOf(EVALUATION_STATE_CODES)), ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => s.evaluations.mine(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get(`${base}/:id`, {
    config: { access: PUBLIC },
    schema: { tags, summary: '一项安全评价（按读者：公众只见结论；申请人、评审专家、评价机构各见其所应见）One evaluation as its reader may see it (the public: the conclusion only)', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.evaluations.get(req.ctx, (req.params as Id).id));

  app.get(`${base}/:id/files/:fileId`, {
    config: { access: { allow: DOSSIER_READERS } },
    schema: { tags, summary: '下载申报材料 Download a dossier file', params: Type.Object({ id: Uuid, fileId: Uuid }) },
  }, async (req, reply) => {
    const p = req.params as { id: string; fileId: string };
    const f = await s.evaluations.file(req.ctx, p.id, p.fileId);
    return reply.header('content-type', f.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
      .header('x-content-type-options', 'nosniff').send(Buffer.from(f.content));
  });

  app.post(base, {
    config: { access: { allow: APPLICANTS } },
    schema: { tags, summary: '起草安全评价申请（本单位）Draft an application for your organisation', body: Type.Object(EvaluationFields), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await s.evaluations.create(req.ctx, req.body as never)));

  app.patch(`${base}/:id`, {
    config: { access: { allow: APPLICANTS } },
    schema: { tags, summary: '修改草稿 Edit a draft', params: IdParams, body: Type.Partial(Type.Object(EvaluationFields)), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.evaluations.update(req.ctx, (req.params as Id).id, req.body as never));

  app.post(`${base}/:id/submit`, {
    config: { access: { allow: APPLICANTS } },
    schema: { tags, summary: '提交申请（须有申报材料）Submit (the dossier is required)', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.evaluations.submit(req.ctx, (req.params as Id).id));

  app.post(`${base}/:id/withdraw`, {
    config: { access: { allow: APPLICANTS } },
    schema: { tags, summary: '撤回申请 Withdraw the application', params: IdParams, body: Type.Object({ reasonZh: Opt(Str(2000)) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.evaluations.withdraw(req.ctx, (req.params as Id).id, req.body as never));

  app.post(`${base}/:id/supplement`, {
    config: { access: { allow: APPLICANTS } },
    schema: { tags, summary: '提交补充材料（计时恢复）Answer a request for supplements; the clock runs again', params: IdParams, body: Type.Object({ answerZh: Str(4000), fileIds: Type.Optional(FileIds) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.evaluations.supplement(req.ctx, (req.params as Id).id, req.body as never));

  app.post(`${base}/:id/accept`, {
    config: { access: { allow: BODY } },
    schema: { tags, summary: '形式审查通过，受理（开始计时）Accept after the formal check; the clock starts', params: IdParams, body: Type.Object({ noteZh: Opt(Str(2000)) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.decisions.accept(req.ctx, (req.params as Id).id, req.body as never));

  app.post(`${base}/:id/return`, {
    config: { access: { allow: BODY } },
    schema: { tags, summary: '不予受理并说明理由 Return the application with the reason', params: IdParams, body: Type.Object({ reasonZh: Str(2000) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.decisions.returnIt(req.ctx, (req.params as Id).id, req.body as never));

  app.post(`${base}/:id/request-supplements`, {
    config: { access: { allow: BODY } },
    schema: { tags, summary: '要求补充材料（计时暂停）Ask for supplements; the clock stops', params: IdParams, body: Type.Object({ reasonZh: Str(2000) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.decisions.requestSupplements(req.ctx, (req.params as Id).id, req.body as never));

  app.post(`${base}/:id/track`, {
    config: { access: { allow: BODY } },
    schema: { tags, summary: '准予或不予绿色通道/优先评估 Grant or refuse the green channel or priority assessment asked for', params: IdParams, body: Type.Object({ decision: OneOf(['granted', 'refused']), noteZh: Opt(Str(2000)) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.decisions.decideTrack(req.ctx, (req.params as Id).id, req.body as never));

  app.post(`${base}/:id/conclude`, {
    config: { access: { allow: BODY } },
    schema: {
      tags, summary: '作出评价结论（安全或附条件安全发证书）Conclude; a safe or conditional conclusion takes a certificate number', params: IdParams,
      body: Type.Object({ conclusion: OneOf(['safe', 'safeWithConditions', 'notSafe']), findingsZh: Str(8000), conditionsZh: Opt(Str(4000)) }), response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => s.decisions.conclude(req.ctx, (req.params as Id).id, req.body as never));
}
