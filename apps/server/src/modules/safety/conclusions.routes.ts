import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses } from '../../platform/http/schemas.js';
import { AnyObject, ListOf, page, Paging, sendXlsx } from '../supervision/http.js';
import type { SafetyServices } from './index.js';
import { CONCLUSION_CODES, SUBJECT_KIND_CODES, TRACK_CODES } from './model/labels.js';
import { PUBLIC } from './http.js';

const OneOf = (codes: readonly string[]) => Type.Union(codes.map((c) => Type.Literal(c)));
const Filter = {
  subjectKind: Type.Optional(OneOf(SUBJECT_KIND_CODES)), conclusion: Type.Optional(OneOf(CONCLUSION_CODES)), track: Type.Optional(OneOf(TRACK_CODES)),
  q: Type.Optional(Type.String({ maxLength: 100 })),
};

/** The public list of conclusions and its export. */
export async function conclusionRoutes(app: FastifyInstance, s: SafetyServices) {
  const tags = ['safety'];

  app.get('/api/safety/conclusions', {
    config: { access: PUBLIC },
    schema: { tags, summary: '安全评价结论公开（对象、申请单位、结论、证书、日期）Public conclusions: subject, applicant, conclusion, certificate, date', querystring: Type.Object({ ...Filter, ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => s.conclusions.list(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/safety/conclusions/export.xlsx', {
    config: { access: PUBLIC },
    schema: { tags, summary: '导出安全评价结论（按筛选条件）Export the public conclusions as filtered (Excel)', querystring: Type.Object(Filter) },
  }, async (req, reply) => {
    const { buffer, fileName } = await s.conclusions.exportXlsx(req.ctx, req.query as never);
    return sendXlsx(reply, buffer, fileName);
  });
}
