import { gunzipSync } from 'node:zlib';
import type { FastifyRequest } from 'fastify';
import { parseFasta, type FastaRecord } from '@cq-biomfg/seqid';
import { AppError, badRequest, invalid, type ErrorDetail } from '../../platform/http/errors.js';

/**
 * FASTA as the sequence routes take it: a JSON field, a text/plain body, or one uploaded file
 * (multipart; gzip is read too), and the answer when it is wrong: 422 naming each problem's record
 * and line and position (nothing is written), 413 when a record is longer than allowed.
 */

export interface FastaText { text: string; fileName: string | null; fields: Record<string, string> }

const GZIP = [0x1f, 0x8b];
const isGzip = (b: Buffer) => b[0] === GZIP[0] && b[1] === GZIP[1];

/** Bytes as text, gunzipped when they are gzip, never more than `maxBytes` once unpacked. */
export function textOfBytes(content: Buffer, maxBytes: number): string {
  if (!isGzip(content)) return content.toString('utf8');
  try {
    return gunzipSync(content, { maxOutputLength: maxBytes }).toString('utf8');
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(`解压后超过 ${mb(maxBytes)} MB`, `more than ${mb(maxBytes)} MB unpacked`);
    throw invalid([{ path: '/file', message: 'gzip 文件已损坏（the gzip file is corrupt）' }]);
  }
}

const mb = (n: number) => Math.round(n / 1024 / 1024);
const tooLarge = (zh: string, en: string, details: ErrorDetail[] = []) => new AppError(413, 'payload_too_large', { zh: `序列过长：${zh}`, en: `Too long: ${en}` }, details);

/**
 * The FASTA of a request: `field` of a JSON body, a text/plain body, or the one file of a
 * multipart body (its other fields come back in `fields`).
 */
export async function fastaOfRequest(req: FastifyRequest, field: string, maxBytes: number): Promise<FastaText> {
  if (req.isMultipart()) {
    const fields: Record<string, string> = {};
    let file: { name: string; content: Buffer } | null = null;
    for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1 } })) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.file.truncated) throw tooLarge(`文件超过 ${mb(maxBytes)} MB`, `the file is larger than ${mb(maxBytes)} MB`);
        file = { name: part.filename, content };
      } else fields[part.fieldname] = String(part.value ?? '');
    }
    if (!file) throw badRequest('未收到文件', 'No file received', [{ path: '/file', message: '请上传 FASTA 文件（upload a FASTA file）' }]);
    return { text: textOfBytes(file.content, maxBytes), fileName: file.name || null, fields };
  }
  const body = req.body;
  if (typeof body === 'string') return { text: body, fileName: null, fields: {} };
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined;
  if (typeof value !== 'string') throw invalid([{ path: `/${field}`, message: '请提供 FASTA 文本（FASTA text is required）' }]);
  return { text: value, fileName: null, fields: {} };
}

export interface FastaLimits { maxRecords: number; maxLength: number; path: string }

/**
 * The records of a FASTA text, or the error that says what is wrong: 413 when a record is longer
 * than `maxLength` (checked first: it is a limit, not a mistake), 422 with every problem the
 * parser found, each naming its record, line, column and position.
 */
export function readFasta(text: string, limits: FastaLimits): FastaRecord[] {
  // Parsed without a length limit: the body limit has bounded the text already, and an
  // over-long record is told apart from a malformed one by its status.
  const { records, problems } = parseFasta(text, { maxRecords: limits.maxRecords });
  const long = records.map((r, i) => ({ r, n: i + 1 })).filter(({ r }) => r.sequence.length > limits.maxLength);
  if (long.length) throw tooLarge(`每条序列不超过 ${limits.maxLength.toLocaleString('en')} bp`, `a record may have at most ${limits.maxLength.toLocaleString('en')} bp`,
    long.map(({ r, n }) => ({ path: `${limits.path}/records/${n}`, message: `第 ${n} 条记录（${r.id}）长 ${r.sequence.length} bp，超过上限 ${limits.maxLength} bp（record ${n} (${r.id}) has ${r.sequence.length} bp, more than ${limits.maxLength}）` })));
  if (problems.length) throw invalid(problems.map((p) => ({ path: `${limits.path}/records/${p.record}`, message: `${p.zh}（${p.en}）` })),
    `FASTA 有 ${problems.length} 处问题，未保存任何内容`, `The FASTA has ${problems.length} problems; nothing was saved`);
  if (!records.length) throw invalid([{ path: limits.path, message: 'FASTA 中没有记录，记录以“>”标题行开始（no records: a record starts with a ">" header line）' }]);
  return records;
}
