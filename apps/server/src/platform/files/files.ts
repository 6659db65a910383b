import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../db/database.js';
import type { Ctx } from '../context/ctx.js';
import { audit } from '../audit/audit.js';
import { hasRole } from '../access/model.js';
import { badRequest, forbidden, invalid, notFound, unauthorized } from '../http/errors.js';
import { DateTime, errorResponses, IdParams } from '../http/schemas.js';

/**
 * Attachments (evidence, report files), kept in the database beside the records that cite
 * them, so that a backup of the database is a backup of everything. Readable by the
 * uploader's organisation and by the task force.
 */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const ALLOWED = /^(application\/(pdf|zip|msword|vnd\.openxmlformats-officedocument\.[\w.]+|vnd\.ms-excel|vnd\.ms-powerpoint)|image\/(png|jpeg|gif|webp)|text\/(plain|csv))$/;

export interface StoredFileMeta {
  id: string;
  name: string;
  mime: string;
  sizeBytes: number;
  sha256: string;
  createdAt: Date;
}

export function fileService({ db }: Database) {
  const meta = ['id', 'name', 'mime', 'sizeBytes', 'sha256', 'createdAt', 'organisationId', 'uploadedBy'] as const;
  return {
    async upload(ctx: Ctx, file: { name: string; mime: string; content: Buffer }): Promise<StoredFileMeta> {
      if (!ctx.principal) throw unauthorized();
      if (!file.content.length) throw badRequest('文件为空', 'The file is empty');
      if (!ALLOWED.test(file.mime)) throw badRequest(`不支持的文件类型 ${file.mime}`, `File type ${file.mime} is not accepted`);
      const name = file.name.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || 'file';
      return db.transaction().execute(async (trx) => {
        const row = await trx.insertInto('storedFile').values({
          name, mime: file.mime, sizeBytes: file.content.length, sha256: createHash('sha256').update(file.content).digest('hex'),
          content: file.content, uploadedBy: ctx.principal!.userId, organisationId: ctx.principal!.organisationId,
        }).returning(['id', 'name', 'mime', 'sizeBytes', 'sha256', 'createdAt']).executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'file.upload', entityType: 'storedFile', entityId: row.id, summary: `上传文件 ${name}（Uploaded a file）`, after: { name, mime: row.mime, sizeBytes: row.sizeBytes, sha256: row.sha256 } });
        return row;
      });
    },

    /** Files the caller may cite: their own organisation's (or the task force's). */
    async requireCitable(ctx: Ctx, ids: string[]) {
      if (!ids.length) return;
      const rows = await db.selectFrom('storedFile').select(meta).where('id', 'in', ids).execute();
      const tf = hasRole(ctx.principal, 'admin', 'taskforce');
      for (const id of ids) {
        const f = rows.find((r) => r.id === id);
        if (!f || (!tf && !ownedBy(f, ctx)))
          throw badRequest(`附件 ${id} 不存在或不可引用`, `Attachment ${id} does not exist or is not yours to cite`, [{ path: '/fileIds', message: id }]);
      }
    },

    /** The cited ids, once each, when the caller may cite them all; otherwise a 422 on the form's field. */
    async citable(ctx: Ctx, ids: string[] | undefined, path: string) {
      const unique = [...new Set(ids ?? [])];
      try {
        await this.requireCitable(ctx, unique);
      } catch {
        throw invalid([{ path, message: '附件不存在或不属于本单位（an attachment does not exist or is not yours to cite）' }]);
      }
      return unique;
    },

    metas: (ids: string[]) => (ids.length ? db.selectFrom('storedFile').select(['id', 'name', 'mime', 'sizeBytes', 'sha256', 'createdAt']).where('id', 'in', ids).execute() : Promise.resolve([])),

    async download(ctx: Ctx, id: string) {
      const f = await db.selectFrom('storedFile').selectAll().where('id', '=', id).executeTakeFirst();
      if (!f) throw notFound('文件不存在', 'File not found');
      if (!hasRole(ctx.principal, 'admin', 'taskforce') && !ownedBy(f, ctx)) throw forbidden();
      return f;
    },
  };
}

export type FileService = ReturnType<typeof fileService>;

/**
 * A file is the caller's when the caller uploaded it or belongs to the organisation it was
 * uploaded for. Two users with no organisation share nothing: a missing organisation never matches.
 */
function ownedBy(f: { organisationId: string | null; uploadedBy: string | null }, ctx: Ctx) {
  const p = ctx.principal;
  if (!p) return false;
  return f.uploadedBy === p.userId || (f.organisationId !== null && f.organisationId === p.organisationId);
}

/** Reads the one file of a multipart request into memory (bounded by MAX_FILE_BYTES). */
export async function oneUploadedFile(req: FastifyRequest) {
  if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 上传文件', 'Upload the file as multipart/form-data');
  const part = await req.file({ limits: { fileSize: MAX_FILE_BYTES, files: 1 } });
  if (!part) throw badRequest('未收到文件', 'No file received', [{ path: '/file', message: 'required' }]);
  const content = await part.toBuffer();
  if (part.file.truncated) throw badRequest(`文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB`, `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  return { name: part.filename, mime: part.mimetype, content };
}

const FileMeta = Type.Object({ id: Type.String(), name: Type.String(), mime: Type.String(), sizeBytes: Type.Integer(), sha256: Type.String(), createdAt: DateTime });
export { FileMeta };

export async function fileRoutes(app: FastifyInstance, { files }: { files: FileService }) {
  const tags = ['files'];
  app.post('/api/files', {
    config: { access: { allow: 'authenticated' } },
    schema: { tags, summary: '上传附件 Upload an attachment (multipart, one file, ≤ 10 MB)', consumes: ['multipart/form-data'], response: { 201: FileMeta, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await files.upload(req.ctx, await oneUploadedFile(req))));

  app.get('/api/files/:id', {
    config: { access: { allow: 'authenticated' } },
    schema: { tags, summary: '下载附件 Download an attachment', params: IdParams },
  }, async (req, reply) => {
    const f = await files.download(req.ctx, (req.params as { id: string }).id);
    return reply.header('content-type', f.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(f.content));
  });
}
