import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Ctx } from '../context/ctx.js';
import type { ImportProblem } from '../excel/index.js';
import { oneUploadedFile } from '../files/files.js';
import { AppError, errorBody } from './errors.js';

/**
 * Excel imports over HTTP, for every module: a use case reads the uploaded file, checks every row
 * first and writes all or nothing, telling its progress; the route answers its outcome.
 */

/** Where a long import is: the web page draws its progress bar from these. */
export interface ImportProgress { phase: 'read' | 'validate' | 'write' | 'done'; done: number; total: number }
export type OnProgress = (p: ImportProgress) => void;
export interface ImportOutcome { created: number; updated: number; unchanged: number; problems: ImportProblem[] }

/** The answer's shape, for the routes' schemas. */
export const ImportResultSchema = Type.Object({ created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer(), problems: Type.Array(Type.Object({}, { additionalProperties: true })) });

/** An import with problems writes nothing and answers 422 with every row's problem. */
export function importResult<T extends { problems: ImportProblem[] }>(r: T) {
  if (r.problems.length)
    throw new AppError(422, 'import_invalid', { zh: `文件有 ${r.problems.length} 处问题，未导入任何数据`, en: `The file has ${r.problems.length} problems; nothing was imported` },
      r.problems.map((p) => ({ path: `/rows/${p.row}/${p.columnKey ?? ''}`, message: `第 ${p.row} 行「${p.column}」：${p.reasonZh}（row ${p.row}, ${p.column}: ${p.reasonEn}）` })));
  return r;
}

/**
 * Runs long work (an import, an index rebuild). With `Accept: application/x-ndjson` the answer
 * streams one JSON line per progress step and a last line with the result or the error (the page
 * draws its progress bar from them); otherwise it is one JSON answer.
 */
export async function streamProgress(req: FastifyRequest, reply: FastifyReply, run: (onProgress: OnProgress) => Promise<unknown>) {
  if (!String(req.headers.accept ?? '').includes('application/x-ndjson')) return run(() => {});
  reply.hijack();
  reply.raw.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-cache', 'x-request-id': String(req.id) });
  const line = (o: unknown) => reply.raw.write(JSON.stringify(o) + '\n');
  try {
    line({ result: await run((p) => line({ progress: p })) });
  } catch (e) {
    if (e instanceof AppError) line({ status: e.status, ...errorBody(e) });
    else { req.log.error(e); line({ status: 500, error: { code: 'internal', message: '服务器内部错误（Internal server error）', details: [] } }); }
  }
  reply.raw.end();
}

/** Runs an import through `streamProgress`: 422 with every row's problem when any, nothing written. */
export async function runImport(req: FastifyRequest, reply: FastifyReply, run: (ctx: Ctx, file: Buffer, onProgress: OnProgress) => Promise<ImportOutcome>) {
  const file = (await oneUploadedFile(req)).content;
  return streamProgress(req, reply, async (onProgress) => importResult(await run(req.ctx, file, onProgress)));
}
