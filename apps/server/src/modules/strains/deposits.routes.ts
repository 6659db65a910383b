import type { FastifyInstance } from 'fastify';
import { errorResponses, IdParams } from '../../platform/http/schemas.js';
import { AnyObject, ListOf, page } from '../supervision/http.js';
import type { StrainServices } from './index.js';
import { CURATORS, DEPOSITORS, readBy } from './http.js';
import { CheckBody, DepositBody, DepositQuery, OptionalReasonBody, ReasonBody, ReceiptBody } from './strains.schemas.js';

type Id = { id: string };

/** The deposit workflow: submit, receive, checks, checked, accession, reject, withdraw; the depositor's list and the curators' queue. */
export async function depositsRoutes(app: FastifyInstance, s: StrainServices) {
  const tags = ['strains'];
  const deposits = s.deposits;

  app.post('/api/strains/deposits', {
    config: { access: { allow: DEPOSITORS } },
    schema: { tags, summary: '提交保藏申请（MCL 字段；管理员可代其他机构提交）Submit a strain for deposit with its MCL fields; a curator may deposit for an organisation', body: DepositBody, response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await deposits.submit(req.ctx, req.body as never)));

  app.get('/api/strains/deposits/mine', {
    config: { access: readBy(DEPOSITORS) },
    schema: { tags, summary: '本机构的保藏申请（全部状态）My organisation\'s deposits in every state', querystring: DepositQuery, response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => deposits.mine(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/strains/deposits', {
    config: { access: readBy(CURATORS) },
    schema: { tags, summary: '保藏队列（全部保藏申请，可按状态筛选）The deposit queue: every deposit, by status', querystring: DepositQuery, response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => deposits.queue(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.post('/api/strains/:id/receive', {
    config: { access: { allow: CURATORS } },
    schema: { tags, summary: '接收保藏材料（日期、状况、收到的材料）Receive the deposited material: date, condition, what arrived', params: IdParams, body: ReceiptBody, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => deposits.receive(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/strains/:id/checks', {
    config: { access: { allow: CURATORS } },
    schema: { tags, summary: '记录一次检测（纯度、活力、鉴定；可复检，以最新为准）Record a purity, viability or identity test; the latest of each kind counts', params: IdParams, body: CheckBody, response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await deposits.recordCheck(req.ctx, (req.params as Id).id, req.body as never)));

  app.post('/api/strains/:id/mark-checked', {
    config: { access: { allow: CURATORS } },
    schema: { tags, summary: '判定检测合格（三项检测最新一次均合格）Mark the deposit checked: the latest of all three tests passed', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => deposits.markChecked(req.ctx, (req.params as Id).id));

  app.post('/api/strains/:id/accession', {
    config: { access: { allow: CURATORS } },
    schema: { tags, summary: '保藏并赋予保藏编号（CQMCC 10001 起，永不重复使用）Accession the strain with the next CQMCC number, never reused', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => deposits.accession(req.ctx, (req.params as Id).id));

  app.post('/api/strains/:id/reject', {
    config: { access: { allow: CURATORS } },
    schema: { tags, summary: '不予保藏（保藏前任何阶段，须说明理由）Reject a deposit before accession, with the reason', params: IdParams, body: ReasonBody, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => deposits.reject(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/strains/:id/withdraw', {
    config: { access: { allow: DEPOSITORS } },
    schema: { tags, summary: '撤回（保藏单位在接收前；管理员撤销已保藏菌种，须说明理由，编号保留）Withdraw: the depositor before receipt; a curator an accessioned strain, with the reason (the accession is kept)', params: IdParams, body: OptionalReasonBody, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => deposits.withdraw(req.ctx, (req.params as Id).id, req.body as never));
}
