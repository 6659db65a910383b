import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { errorResponses } from '../../platform/http/schemas.js';
import { streamProgress } from '../../platform/http/import-route.js';
import { AnyObject } from '../supervision/http.js';
import type { StrainServices } from './index.js';
import { fastaOfRequest } from './fasta.input.js';
import { LIMITS, type Marker } from './model/sequences.js';
import { MarkerSchema } from './sequences.routes.js';
import { CURATORS, IDENTIFIERS, readBy } from './http.js';

/** Queries are marker genes: 50 of 20 kbp, in JSON or text. */
const IDENTIFY_BODY_BYTES = 2 * 1024 * 1024;
const Options = { top: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.top, default: 10 })), marker: Type.Optional(MarkerSchema) };

/** Identification, and the index behind it (status and rebuild, for the curators). */
export async function identifyRoutes(app: FastifyInstance, s: StrainServices) {
  const tags = ['strains'];

  app.post('/api/strains/identify', {
    // Each call aligns up to 50 queries: limited per caller.
    config: { access: IDENTIFIERS, rateLimit: { max: 30, timeWindow: '1 minute', keyGenerator: (req: FastifyRequest) => req.principal?.userId ?? req.ip } },
    bodyLimit: IDENTIFY_BODY_BYTES,
    schema: {
      tags,
      summary: `序列鉴定：FASTA（最多 ${LIMITS.queries} 条）→ 每条的排序命中（比对区一致性、查询覆盖度、菌种或参考序列、鉴定结论）Identify sequences: FASTA in (JSON { fasta, top, marker } or text/plain with ?top&marker), ranked hits out with identity, coverage, the strain or reference and the call`,
      consumes: ['application/json', 'text/plain'],
      querystring: Type.Object(Options),
      body: {
        content: {
          'application/json': { schema: Type.Object({ fasta: Type.String(), ...Options }) },
          'text/plain': { schema: Type.String() },
        },
      } as never,
      response: { 200: AnyObject, ...errorResponses },
    },
  }, async (req) => {
    const input = await fastaOfRequest(req, 'fasta', IDENTIFY_BODY_BYTES);
    const json = typeof req.body === 'object' && req.body ? req.body as { top?: number; marker?: Marker } : {};
    const q = req.query as { top?: number; marker?: Marker };
    return s.identification.identify(req.ctx, { fasta: input.text, top: json.top ?? q.top, marker: json.marker ?? q.marker });
  });

  app.get('/api/strains/index', {
    config: { access: readBy(CURATORS) },
    schema: { tags, summary: '鉴定索引状态（分段、序列数、参考序列数、内存、构建时间）The identification index: segments, sequences, references, memory, built at', response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.identification.indexStatus(req.ctx));

  app.post('/api/strains/index/rebuild', {
    config: { access: { allow: CURATORS } },
    schema: { tags, summary: '重建鉴定索引（Accept: application/x-ndjson 时流式返回进度）Rebuild the identification index (progress as NDJSON)', response: { 200: AnyObject, ...errorResponses } },
  }, (req, reply) => streamProgress(req, reply, (onProgress) => s.identification.rebuildIndex(req.ctx, onProgress)));
}
