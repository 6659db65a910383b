import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, Nullable, Uuid } from '../../platform/http/schemas.js';
import type { IndicatorsService } from './indicators.service.js';
import { AnyObject, IsoDateString, PaceCurveSchema, PARTICIPANTS, readBy, sendXlsx, TASK_FORCE } from './http.js';

const Code = Type.Object({ code: Type.String({ maxLength: 60 }) });

/** Indicators of the 2027 targets: values, history, evidence, baselines. */
export async function indicatorRoutes(app: FastifyInstance, { indicators }: { indicators: IndicatorsService }) {
  const tags = ['supervision'];
  app.get('/api/indicators', {
    config: { access: readBy(PARTICIPANTS) },
    schema: { tags, summary: '指标 Every target\'s indicator with its value, source and pace', response: { 200: Type.Array(AnyObject), ...errorResponses } },
  }, () => indicators.list());

  app.get('/api/indicators/export.xlsx', {
    config: { access: { allow: PARTICIPANTS } },
    schema: { tags, summary: '导出指标 Export the indicators (Excel)' },
  }, async (_req, reply) => sendXlsx(reply, await indicators.exportXlsx(), '目标指标.xlsx'));

  app.post('/api/indicators/snapshot', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '记录计算指标的当日值 Keep today\'s computed values in the history', response: { 200: AnyObject, ...errorResponses } },
  }, (req) => indicators.snapshot(req.ctx));

  app.get('/api/indicators/:code', {
    config: { access: readBy(PARTICIPANTS) },
    schema: { tags, summary: '指标详情 One indicator with its history and evidence', params: Code, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => indicators.get((req.params as { code: string }).code));

  app.post('/api/indicators/:code/values', {
    config: { access: { allow: PARTICIPANTS } },
    schema: {
      tags, summary: '填报指标值 Report a value with evidence', params: Code,
      body: Type.Object({ value: Type.Number(), asOf: IsoDateString, evidenceZh: Type.String({ maxLength: 2000 }), fileId: Type.Optional(Nullable(Uuid)) }),
      response: { 201: AnyObject, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await indicators.report(req.ctx, (req.params as { code: string }).code, req.body as never)));

  app.put('/api/indicators/:code/setting', {
    config: { access: { allow: TASK_FORCE } },
    schema: {
      tags, summary: '设置基线与进度线 Set the baseline and pace line', params: Code,
      body: Type.Object({ baselineValue: Nullable(Type.Number()), baselineOn: Nullable(IsoDateString), paceCurve: Nullable(PaceCurveSchema) }),
      response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => indicators.configure(req.ctx, (req.params as { code: string }).code, req.body as never));
}
