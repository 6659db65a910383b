import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, ListOf } from '../supervision/http.js';
import type { StrainServices } from './index.js';
import { fastaOfRequest } from './fasta.input.js';
import { LIMITS, MARKERS, type Marker } from './model/sequences.js';
import { CURATORS, PUBLIC } from './http.js';

export const MarkerSchema = Type.Union(MARKERS.map((m) => Type.Literal(m)), { description: '16S | ITS | LSU | gene | plasmid | genome | other' });
/** A FASTA body may carry a whole genome: the cap per record is LIMITS.recordBases (15 Mbp). */
const FASTA_BODY_BYTES = 20 * 1024 * 1024;

export const sendFasta = (reply: FastifyReply, body: string | Readable, fileName: string) =>
  reply.header('content-type', 'text/x-fasta; charset=utf-8').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`).send(body);

const AddFields = { marker: Type.Optional(MarkerSchema), geneName: Type.Optional(Nullable(Type.String({ maxLength: 40 }))), description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))) };
type Id = { id: string };

/** A strain's sequences: list, add (FASTA as JSON, text or a file), delete, and FASTA exports. */
export async function sequenceRoutes(app: FastifyInstance, s: StrainServices) {
  const tags = ['strains'];

  app.get('/api/strains/sequences.fasta', {
    config: { access: PUBLIC },
    schema: {
      tags, summary: '导出可见菌种的序列（FASTA，可按标记、属、菌种筛选）Export the sequences the caller may see as FASTA, by marker, genus and strains',
      querystring: Type.Object({ marker: Type.Optional(MarkerSchema), genus: Type.Optional(Type.String({ maxLength: 80 })), strainIds: Type.Optional(Type.Array(Uuid, { maxItems: 500 })) }),
    },
  }, async (req, reply) => {
    const out = await s.sequences.bulkFasta(req.ctx, req.query as never);
    return sendFasta(reply, Readable.from(out.pages()), out.fileName);
  });

  app.get('/api/strains/:id/sequences', {
    config: { access: PUBLIC },
    schema: { tags, summary: '菌种的序列（受限菌种仅对有权查看完整记录者）A strain\'s sequences (a restricted strain\'s only for those who see it in full)', params: IdParams, response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => s.sequences.list(req.ctx, (req.params as Id).id));

  app.get('/api/strains/:id/sequences.fasta', {
    config: { access: PUBLIC },
    schema: {
      tags, summary: '下载菌种的序列（FASTA）Download a strain\'s sequences as FASTA', params: IdParams,
      querystring: Type.Object({ marker: Type.Optional(MarkerSchema), sequenceId: Type.Optional(Uuid) }),
    },
  }, async (req, reply) => {
    const out = await s.sequences.strainFasta(req.ctx, (req.params as Id).id, req.query as never);
    return sendFasta(reply, out.text, out.fileName);
  });

  app.post('/api/strains/:id/sequences', {
    config: { access: { allow: CURATORS } },
    bodyLimit: FASTA_BODY_BYTES,
    schema: {
      tags, params: IdParams,
      summary: `添加序列（FASTA：JSON 的 fasta 字段、text/plain 或上传文件；单条或多条，每条不超过 ${LIMITS.recordBases / 1e6} Mbp）Add sequences from FASTA: a JSON field, a text/plain body or an uploaded file (multipart, gzip read); one or many records`,
      consumes: ['application/json', 'text/plain', 'multipart/form-data'],
      querystring: Type.Object(AddFields, { description: 'text/plain 与上传文件时在此给出标记 · the marker for a text/plain body or a file' }),
      body: {
        content: {
          'application/json': { schema: Type.Object({ fasta: Type.String(), ...AddFields, fileName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))) }) },
          'text/plain': { schema: Type.String() },
        },
      } as never,
      response: { 201: AnyObject, ...errorResponses },
    },
  }, async (req, reply) => {
    const input = await fastaOfRequest(req, 'fasta', FASTA_BODY_BYTES);
    const json = typeof req.body === 'object' && req.body ? req.body as Record<string, unknown> : {};
    const given = { ...(req.query as Record<string, unknown>), ...input.fields, ...json } as { marker?: Marker; geneName?: string | null; description?: string | null; fileName?: string | null };
    const created = await s.sequences.add(req.ctx, (req.params as Id).id, {
      fasta: input.text, marker: given.marker as Marker, geneName: given.geneName ?? null, description: given.description ?? null, fileName: input.fileName ?? given.fileName ?? null,
    });
    return reply.status(201).send(created);
  });

  app.delete('/api/strain-sequences/:id', {
    config: { access: { allow: CURATORS } },
    schema: { tags, summary: '删除序列 Delete a sequence', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.sequences.remove(req.ctx, (req.params as Id).id));
}
