import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, IsoDateString, sendXlsx } from '../supervision/http.js';
import type { ChallengeServices } from './index.js';
import { ledgerWorkbook, LEDGER_FILE } from './delivery.excel.js';
import { ORGANISERS, OVERSEERS, readBy } from './http.js';

const LedgerFilter = { challengeId: Type.Optional(Uuid), awardId: Type.Optional(Uuid), year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) };

/** The tranche ledger (拨付台账): payments, the ledger with its totals, its export. */
export async function trancheRoutes(app: FastifyInstance, s: ChallengeServices) {
  const tags = ['challenges'];

  app.post('/api/challenges/awards/:id/tranches', {
    config: { access: { allow: ORGANISERS } },
    schema: {
      tags, summary: '登记拨付（已终止、已合并或验收未通过的立项不再拨付；累计不超过可拨付额）Record a payment (none to a stopped, merged or failed award; the total stays within what it may be paid)', params: IdParams,
      body: Type.Object({
        amountWan: Type.Number({ description: '金额（万元）Amount in 10k yuan' }), paidOn: IsoDateString, voucherNo: Type.String({ maxLength: 60 }),
        milestoneId: Type.Optional(Nullable(Uuid)), noteZh: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
      }),
      response: { 201: AnyObject, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await s.tranches.pay(req.ctx, (req.params as { id: string }).id, req.body as never)));

  app.get('/api/challenges/tranches', {
    config: { access: readBy(OVERSEERS) },
    schema: { tags, summary: '拨付台账，按立项、榜单、年度汇总 The tranche ledger with totals by award, challenge and year', querystring: Type.Object(LedgerFilter), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.tranches.ledger(req.ctx, req.query as never));

  app.get('/api/challenges/tranches/export.xlsx', {
    config: { access: { allow: OVERSEERS } },
    schema: { tags, summary: '导出拨付台账及汇总（Excel）Export the tranche ledger with its totals (Excel)', querystring: Type.Object(LedgerFilter) },
  }, async (req, reply) => sendXlsx(reply, await ledgerWorkbook(await s.tranches.ledger(req.ctx, req.query as never)), LEDGER_FILE));
}
