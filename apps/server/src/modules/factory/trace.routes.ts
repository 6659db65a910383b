import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses } from '../../platform/http/schemas.js';
import { AnyObject, sendDocx, sendXlsx } from '../supervision/http.js';
import { FACTORY_READERS, SCOPES } from './http.js';
import type { FactoryServices } from './index.js';
import type { TraceQuery } from './trace.service.js';

const tags = ['factory'];
const access = { allow: FACTORY_READERS, scope: SCOPES.query };
const TraceParams = Type.Object({
  epc: Type.Optional(Type.String({ maxLength: 500, description: 'EPC URN、数字链接或批号 · EPC URN, GS1 Digital Link or lot number' })),
  direction: Type.Optional(Type.String({ maxLength: 20, description: 'backward（溯源，默认）| forward（召回）' })),
  depth: Type.Optional(Type.Integer({ description: '最多层数（默认 50）· Most levels walked (default 50)' })),
});

/** Trace: the graph, the EPC picker's search, and the recall report in Excel and Word. */
export async function traceRoutes(app: FastifyInstance, s: FactoryServices) {
  app.get('/api/factory/trace', {
    config: { access },
    schema: { tags, summary: '追溯图：逆向至全部投入批次、菌种与生产批次，或正向至全部产品批次与发运（只走您可查看的事件）Trace graph, backward to inputs, strains and batches or forward to product lots and shipments, over the events you may see', querystring: TraceParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.trace.graph(req.ctx, req.query as TraceQuery));

  app.get('/api/factory/trace/epcs', {
    config: { access },
    schema: { tags, summary: '按批号或 EPC 片段查找您可追溯的 EPC · EPCs you may trace, by part of a lot number or EPC', querystring: Type.Object({ q: Type.String({ maxLength: 200 }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.trace.epcs(req.ctx, req.query as { q: string; limit?: number }));

  app.get('/api/factory/trace/report.xlsx', {
    config: { access },
    schema: { tags, summary: '追溯/召回报告（Excel：受影响批次、去向、证据事件）Recall report in Excel: lots, shipments, proving events', querystring: TraceParams },
  }, async (req, reply) => {
    const { buffer, fileName } = await s.trace.report(req.ctx, req.query as TraceQuery, 'xlsx');
    return sendXlsx(reply, buffer, fileName);
  });

  app.get('/api/factory/trace/report.docx', {
    config: { access },
    schema: { tags, summary: '追溯/召回报告（Word）Recall report in Word', querystring: TraceParams },
  }, async (req, reply) => {
    const { buffer, fileName } = await s.trace.report(req.ctx, req.query as TraceQuery, 'docx');
    return sendDocx(reply, buffer, fileName);
  });
}
