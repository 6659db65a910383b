import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable } from '../../platform/http/schemas.js';
import { ImportResultSchema, runImport } from '../../platform/http/import-route.js';
import { AnyObject, ListOf } from '../supervision/http.js';
import type { StrainServices } from './index.js';
import { MarkerSchema } from './sequences.routes.js';
import { CURATORS, PUBLIC } from './http.js';

const Str = (max: number) => Type.String({ maxLength: max });

/** Reference sets: which there are (anyone), loading one with progress and deleting one (curators). */
export async function referenceRoutes(app: FastifyInstance, s: StrainServices) {
  const tags = ['strains'];

  app.get('/api/reference-sets', {
    config: { access: PUBLIC },
    schema: { tags, summary: '参考序列集（名称、标记、来源、许可、记录数）Reference sets with their marker, source, licence and size', response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => s.referenceSets.list(req.ctx));

  app.post('/api/reference-sets', {
    config: { access: { allow: CURATORS } },
    schema: {
      tags, consumes: ['multipart/form-data'],
      summary: '载入参考序列集（上传 FASTA，可 gzip；SINTAX、NCBI 式标题或仅序列名；全部校验通过才写入；Accept: application/x-ndjson 时流式返回进度）Load a reference FASTA as a named set (SINTAX, NCBI-style or bare headers; all or nothing; progress as NDJSON)',
      querystring: Type.Object({ nameZh: Str(200), marker: MarkerSchema, source: Str(500), licence: Str(200), description: Type.Optional(Nullable(Str(2000))), fileName: Type.Optional(Str(200)) }),
      response: { 200: ImportResultSchema, ...errorResponses },
    },
  }, (req, reply) => {
    const meta = req.query as { nameZh: string; marker: never; source: string; licence: string; description?: string | null; fileName?: string };
    return runImport(req, reply, (ctx, file, onProgress) => s.referenceSets.load(ctx, meta, file, onProgress));
  });

  app.delete('/api/reference-sets/:id', {
    config: { access: { allow: CURATORS } },
    schema: { tags, summary: '删除参考序列集及其记录 Delete a reference set with its records', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.referenceSets.remove(req.ctx, (req.params as { id: string }).id));
}
