import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../platform/access/model.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { AppError, errorBody } from '../../platform/http/errors.js';
import { oneUploadedFile } from '../../platform/files/files.js';
import { importResult } from '../supervision/http.js';
import type { ImportOutcome, OnProgress } from './excel.service.js';

/** Who may call the industry routes. Visitors reach the public ones; everything else names its roles. */
export const TASK_FORCE: readonly Role[] = ['admin', 'taskforce'];
/** See roll-ups, figures and funds. */
export const READERS: readonly Role[] = ['admin', 'taskforce', 'unit', 'district'];
/** Keep enterprise records and leads: the task force and districts. */
export const MANAGERS: readonly Role[] = ['admin', 'taskforce', 'district'];
/** Edit a profile and report figures: managers and the enterprise itself. */
export const EDITORS: readonly Role[] = ['admin', 'taskforce', 'district', 'enterprise'];
export const FIGURE_READERS: readonly Role[] = ['admin', 'taskforce', 'unit', 'district', 'enterprise'];
export const SCOPE = 'industry:read';
export const readBy = (roles: readonly Role[]) => ({ allow: roles, scope: SCOPE });
export const PUBLIC = { allow: 'public' as const };

/**
 * Runs an import. With `Accept: application/x-ndjson` the answer streams one JSON line per
 * progress step and a last line with the result or the error (the page draws its progress bar
 * from them); otherwise it is one JSON answer, 422 with every row's problem when any.
 */
export async function runImport(req: FastifyRequest, reply: FastifyReply, run: (ctx: Ctx, file: Buffer, onProgress: OnProgress) => Promise<ImportOutcome>) {
  const file = (await oneUploadedFile(req)).content;
  if (!String(req.headers.accept ?? '').includes('application/x-ndjson')) return importResult(await run(req.ctx, file, () => {}));
  reply.hijack();
  reply.raw.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-cache', 'x-request-id': String(req.id) });
  const line = (o: unknown) => reply.raw.write(JSON.stringify(o) + '\n');
  try {
    line({ result: importResult(await run(req.ctx, file, (p) => line({ progress: p }))) });
  } catch (e) {
    if (e instanceof AppError) line({ status: e.status, ...errorBody(e) });
    else { req.log.error(e); line({ status: 500, error: { code: 'internal', message: '服务器内部错误（Internal server error）', details: [] } }); }
  }
  reply.raw.end();
}
