import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, ListOf, sendXlsx } from '../supervision/http.js';
import type { ChallengeServices } from './index.js';
import { APPLICANTS, ORGANISERS, OVERSEERS, readBy, REVIEWERS } from './http.js';

const Str = (max = 200) => Type.String({ maxLength: max });
const Opt = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));
type Id = { id: string };

const Scores = Type.Record(Type.String({ maxLength: 40 }), Nullable(Type.Number()), { description: '各评分项得分 { 评分项: 分数 }，0–满分 · { criterion: score }, 0 to its max' });
const ScoreBody = {
  scores: Type.Optional(Scores),
  criterionComments: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Str(2000), { description: '各评分项意见 Comments per criterion' })),
  commentZh: Opt(Str(4000)),
};
/** Who reads an applicant's feedback: the applicants themselves and the organisers (the service checks whose it is). */
const FEEDBACK_READERS = [...new Set([...APPLICANTS, ...ORGANISERS])];

/** Reviewer assignment (organisers), the reviewer's workbench (experts), the ranking and the applicants' feedback. */
export async function reviewingRoutes(app: FastifyInstance, s: ChallengeServices) {
  const tags = ['challenges'];
  const { reviews, reviewDesk: desk, reviewResults: results } = s;

  // --- Assignment (organisers) ---
  app.post('/api/challenges/:id/assignments/auto', {
    config: { access: { allow: ORGANISERS } },
    schema: { tags, summary: '自动分配评审专家（按领域关键词，回避利益冲突；再次运行只补缺）Assign N reviewers per eligible application by field, avoiding conflicts; a second run fills only what is missing', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => reviews.autoAssign(req.ctx, (req.params as Id).id));

  app.get('/api/challenges/:id/assignments', {
    config: { access: readBy(ORGANISERS) },
    schema: { tags, summary: '榜单的评审分配（每份申报的专家、状态、缺额）Each eligible application with its reviewers, their state and the places missing', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => reviews.list(req.ctx, (req.params as Id).id));

  app.post('/api/challenges/applications/:id/assignments', {
    config: { access: { allow: ORGANISERS } },
    schema: { tags, summary: '为申报指定一位评审专家（有利益冲突则 409 并说明）Assign one expert to an application; a conflict of interest answers 409 naming it', params: IdParams, body: Type.Object({ expertId: Uuid }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => reviews.assignOne(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/challenges/assignments/:id/replace', {
    config: { access: { allow: ORGANISERS } },
    schema: { tags, summary: '更换评审专家（已谢绝、声明冲突或后发现冲突；可指定专家，否则自动选取）Replace a reviewer who declined or has a conflict, by the expert named or the best one found', params: IdParams, body: Type.Object({ reasonZh: Opt(Str(1000)), expertId: Opt(Uuid) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => reviews.replace(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/challenges/assignments/:id/unassign', {
    config: { access: { allow: ORGANISERS } },
    schema: { tags, summary: '撤销尚未提交评分的评审分配 Remove a reviewer who has not submitted', params: IdParams, body: Type.Object({ reasonZh: Opt(Str(1000)) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => reviews.unassign(req.ctx, (req.params as Id).id, req.body as never));

  // --- The reviewer's workbench (experts) ---
  app.get('/api/challenges/reviews', {
    config: { access: readBy(REVIEWERS) },
    schema: { tags, summary: '我的评审任务 My review assignments', response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => desk.list(req.ctx));

  app.get('/api/challenges/reviews/:id', {
    config: { access: readBy(REVIEWERS) },
    schema: { tags, summary: '评审任务：申报内容（双盲时隐去申报方名称）、评分细则、我的评分；提交后可见评分分布（不含姓名）One assignment: the application (blind where set), the rubric, my scores; after submitting, the panel\'s spread without names', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => desk.get(req.ctx, (req.params as Id).id));

  app.put('/api/challenges/reviews/:id/scores', {
    config: { access: { allow: REVIEWERS } },
    schema: { tags, summary: '保存评分草稿（总分由服务器计算）Save draft scores; the server computes the weighted total', params: IdParams, body: Type.Object(ScoreBody), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => desk.save(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/challenges/reviews/:id/submit', {
    config: { access: { allow: REVIEWERS } },
    schema: { tags, summary: '提交评分（各项必评、须填意见；提交后锁定）Submit: every criterion scored and a comment; then locked', params: IdParams, body: Type.Object(ScoreBody), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => desk.submit(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/challenges/reviews/:id/decline', {
    config: { access: { allow: REVIEWERS } },
    schema: { tags, summary: '谢绝评审（须说明理由）Decline, with the reason', params: IdParams, body: Type.Object({ reasonZh: Str(1000) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => desk.decline(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/challenges/reviews/:id/conflict', {
    config: { access: { allow: REVIEWERS } },
    schema: { tags, summary: '声明利益冲突并回避（记入专家的回避声明）Declare a conflict of interest: recorded on the expert, the assignment released', params: IdParams, body: Type.Object({ noteZh: Str(1000) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => desk.declareConflict(req.ctx, (req.params as Id).id, req.body as never));

  // --- Aggregate and feedback ---
  app.get('/api/challenges/:id/ranking', {
    config: { access: readBy(OVERSEERS) },
    schema: { tags, summary: '评审汇总与排名（截尾均值、极差标注；公示前仅组织单位可见）Aggregate and ranking: trimmed mean, spread flagged; before the notice, organisers only', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => results.ranking(req.ctx, (req.params as Id).id));

  app.get('/api/challenges/:id/ranking/export.xlsx', {
    config: { access: { allow: OVERSEERS } },
    schema: { tags, summary: '导出评审汇总与排名（Excel）Export the aggregate and ranking (Excel)', params: IdParams },
  }, async (req, reply) => {
    const { buffer, fileName } = await results.rankingExport(req.ctx, (req.params as Id).id);
    return sendXlsx(reply, buffer, fileName);
  });

  app.get('/api/challenges/applications/:id/feedback', {
    config: { access: readBy(FEEDBACK_READERS) },
    schema: { tags, summary: '评审意见反馈（各项得分、总分、截尾均值、排名与专家意见，不含专家姓名）Feedback: scores per criterion and in total, trimmed mean, rank and comments, without reviewers\' names', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => results.feedback(req.ctx, (req.params as Id).id));
}
