import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, IsoDateString, ListOf, page, Paging, sendXlsx } from '../supervision/http.js';
import type { ChallengeServices } from './index.js';
import { AWARD_STATUSES } from './model/labels.js';
import { boardWorkbook, BOARD_FILE } from './delivery.excel.js';
import { APPLICANTS, AWARD_READERS, ORGANISERS, OVERSEERS, PUBLIC, readBy } from './http.js';

const Str = (max = 200) => Type.String({ maxLength: max });
const Opt = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));
type Id = { id: string };

const BoardFilter = {
  challengeId: Type.Optional(Uuid), status: Type.Optional(Type.Union(Object.keys(AWARD_STATUSES).map((s) => Type.Literal(s)))),
  overdue: Type.Optional(Type.Boolean({ description: '只看有逾期节点的立项 Only awards with an overdue milestone' })), q: Type.Optional(Str(100)),
};
const PublicFilter = { challengeId: Type.Optional(Uuid), q: Type.Optional(Str(100)) };

/** Awards: the public list and results, the team's list, one award's record, the board, the contract and acceptance. */
export async function deliveryRoutes(app: FastifyInstance, s: ChallengeServices) {
  const tags = ['challenges'];

  app.get('/api/challenges/awards', {
    config: { access: PUBLIC },
    schema: { tags, summary: '立项公示结果（公示确认后）：榜单、承担单位与联合体、资助额度、日期 Awards after the notice is confirmed: challenge, awardee and consortium, shares, dates', querystring: Type.Object({ ...PublicFilter, ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => s.delivery.publicAwards({ ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/challenges/results', {
    config: { access: PUBLIC },
    schema: { tags, summary: '已验收成果：各考核指标达成情况与成果产出 Accepted results: each indicator against its target, and the outputs', querystring: Type.Object({ ...PublicFilter, ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => s.delivery.publicResults({ ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/challenges/awards/mine', {
    config: { access: readBy(APPLICANTS) },
    schema: { tags, summary: '本单位牵头或参与的立项 Awards my organisation leads or is a consortium member of', response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => s.delivery.mine(req.ctx));

  app.get('/api/challenges/awards/:id', {
    config: { access: readBy(AWARD_READERS) },
    schema: { tags, summary: '立项实施全貌：合同、节点与报告、评估结论、拨付、验收、成果（组织方、监督方与项目团队）One award\'s delivery: contract, milestones and reports, verdicts, payments, acceptance, outputs (organisers, overseers, the team)', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.delivery.award(req.ctx, (req.params as Id).id));

  app.get('/api/challenges/board', {
    config: { access: readBy(OVERSEERS) },
    schema: { tags, summary: '立项与节点看板：下一节点、逾期标记、已拨付与资助额度 Award and milestone board: next milestone, overdue flags, paid against share', querystring: Type.Object(BoardFilter), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => s.delivery.board(req.ctx, req.query as never));

  app.get('/api/challenges/board/export.xlsx', {
    config: { access: { allow: OVERSEERS } },
    schema: { tags, summary: '导出立项与节点看板（Excel）Export the award and milestone board (Excel)', querystring: Type.Object(BoardFilter) },
  }, async (req, reply) => sendXlsx(reply, await boardWorkbook((await s.delivery.board(req.ctx, req.query as never)).items), BOARD_FILE));

  app.post('/api/challenges/awards/:id/contract', {
    config: { access: { allow: ORGANISERS } },
    schema: {
      tags, summary: '登记合同（首次按申报计划生成节点；首份节点报告前可更正）Record the contract (the plan\'s milestones are made the first time; correctable until the first report)', params: IdParams,
      body: Type.Object({ contractNo: Str(60), signedOn: IsoDateString }), response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => s.milestones.recordContract(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/challenges/awards/:id/acceptance', {
    config: { access: { allow: ORGANISERS } },
    schema: {
      tags, summary: '验收：逐项填写实际达到值与佐证，全部达标（或说明例外）为通过 Acceptance: each indicator\'s achieved value and evidence; passed when all are met or an exception is stated', params: IdParams,
      body: Type.Object({
        heldOn: IsoDateString,
        results: Type.Array(Type.Object({ indicatorId: Uuid, achievedValue: Type.Number(), evidenceZh: Str(2000) }), { maxItems: 100 }),
        exceptionZh: Opt(Str(2000)), noteZh: Opt(Str(2000)), fileIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
      }),
      response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => s.acceptance.accept(req.ctx, (req.params as Id).id, req.body as never));
}
