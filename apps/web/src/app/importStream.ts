import { ApiError, currentCsrfToken, type ErrorDetail } from './api';

/**
 * An import, streamed (industry figures, enterprises and leads; experts; technology needs): the file goes up as multipart/form-data with
 * `Accept: application/x-ndjson`, and the server answers one JSON line per step —
 * {"progress":{phase,done,total}} … then {"result":{…}} or {"status":422,"error":{…}}.
 */
export type ImportPhase = 'upload' | 'read' | 'validate' | 'write' | 'done';
export interface ImportProgress { phase: ImportPhase; done: number; total: number }

export type ImportLine<T = unknown> =
  | { kind: 'progress'; progress: ImportProgress }
  | { kind: 'result'; result: T }
  | { kind: 'error'; status: number; code: string; message: string; details: ErrorDetail[] };

/** One line of the stream, or null for a blank or unreadable one. */
export function parseImportLine<T = unknown>(line: string): ImportLine<T> | null {
  const text = line.trim();
  if (!text) return null;
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (o.progress) return { kind: 'progress', progress: o.progress as ImportProgress };
  if (o.result) return { kind: 'result', result: o.result as T };
  if (o.error) {
    const e = o.error as { code?: string; message?: string; details?: ErrorDetail[] };
    return { kind: 'error', status: Number(o.status) || 500, code: e.code ?? 'http_error', message: e.message ?? '导入失败（Import failed）', details: e.details ?? [] };
  }
  return null;
}

/** Splits what has arrived into whole lines and the unfinished rest. */
export function splitLines(buffered: string): { lines: string[]; rest: string } {
  const parts = buffered.split('\n');
  return { lines: parts.slice(0, -1), rest: parts[parts.length - 1] };
}

/**
 * Where the bar stands (0–100): the upload and reading are quick, checking every row and
 * writing take the time, so they carry most of the bar.
 */
const SPAN: Record<ImportPhase, [number, number]> = { upload: [0, 8], read: [8, 15], validate: [15, 55], write: [55, 99], done: [100, 100] };
export function percentOf(p: ImportProgress): number {
  const [from, to] = SPAN[p.phase];
  const share = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  return Math.round(from + (to - from) * share);
}

/** Sends the file to `url` and reports each step; resolves with the result (the counts) or throws an ApiError (422 with each row's problem). */
export async function streamImport<T>(url: string, file: File, onProgress: (p: ImportProgress) => void): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/x-ndjson' };
  const csrf = currentCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  onProgress({ phase: 'upload', done: 0, total: 0 });
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body: form, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', '无法连接服务器（Cannot reach the server）');
  }
  if (!res.ok || !res.body) {
    // Refused before the stream began (not signed in, not allowed, file too large): one JSON error body.
    const data = await res.json().catch(() => undefined) as { error?: { code?: string; message?: string; details?: ErrorDetail[] } } | undefined;
    throw new ApiError(res.status, data?.error?.code ?? 'http_error', data?.error?.message ?? `导入失败（Import failed: HTTP ${res.status}）`, data?.error?.details ?? []);
  }
  onProgress({ phase: 'upload', done: 1, total: 1 });
  const got = { outcome: await readProgressStream<T>(res.body, onProgress) };
  if (!got.outcome) throw new ApiError(500, 'import_incomplete', '导入结果未返回，请稍后在列表中核对（The import ended without a result; check the list）');
  return got.outcome;
}

/**
 * Reads an NDJSON progress stream (progress lines, then one result or error line) and resolves
 * with the result, or undefined when the stream ended without one. Imports and other long
 * POSTs (the index rebuild) share it.
 */
export async function readProgressStream<T>(body: ReadableStream<Uint8Array>, onProgress: (p: ImportProgress) => void): Promise<T | undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  let result: T | undefined;
  const take = (line: string) => {
    const l = parseImportLine<T>(line);
    if (!l) return;
    if (l.kind === 'progress') onProgress(l.progress);
    else if (l.kind === 'result') result = l.result;
    else throw new ApiError(l.status, l.code, l.message, l.details);
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const { lines, rest } = splitLines(buffered + decoder.decode(value, { stream: true }));
    buffered = rest;
    lines.forEach(take);
  }
  take(buffered + decoder.decode());
  return result;
}
