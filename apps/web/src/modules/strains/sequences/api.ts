import { ApiError, currentCsrfToken, type ErrorDetail } from '../../../app/api';
import { readProgressStream, type ImportProgress } from '../../../app/importStream';
import type { Marker } from './labels';

/** The answers of the sequences part's routes, as the pages read them. */
export interface Page<T> { total: number; items: T[] }

export interface SequenceItem {
  id: string; strainId: string; marker: Marker; markerZh: string; markerEn: string; geneName: string | null; fastaId: string; description: string | null;
  length: number; sha256: string; sourceFileName: string | null; createdAt: string; createdByName?: string | null;
}
export interface StrainSequences {
  strain: { id: string; accession: string | null; name: string; nameZh: string | null; status: string };
  total: number; items: SequenceItem[]; may: { add: boolean; delete: boolean };
}

export interface Call { level: 'species' | 'genus' | 'none'; zh: string; en: string }
interface HitFigures {
  rank: number; identity: number; queryCoverage: number; alignedLength: number; mismatches: number; gaps: number;
  queryStart: number; queryEnd: number; subjectStart: number; subjectEnd: number; score: number; marker: Marker; markerZh: string; call: Call;
}
export interface Taxonomy { domain?: string; phylum?: string; class?: string; order?: string; family?: string; genus?: string; species?: string }
export interface StrainHit extends HitFigures {
  kind: 'strain'; geneName: string | null; sequenceId: string; fastaId: string;
  strain: { id: string; accession: string | null; depositNo: string; name: string; nameZh: string | null; genus: string; species: string | null; typeStrain: boolean; lineage: Taxonomy };
}
export interface ReferenceHit extends HitFigures {
  kind: 'reference';
  reference: { id: string; setId: string; setName: string; fastaId: string; description: string | null; taxonomy: Taxonomy };
}
export type Hit = StrainHit | ReferenceHit;
export interface QueryResult { id: string; description: string; length: number; call: Call; hits: Hit[] }
export interface IdentifyResult {
  queries: QueryResult[];
  searched: { sequences: number; references: number; marker: Marker | null; top: number };
  thresholds: { species16S: number; genus16S: number; minCoverage: number; its: { species: number; genus: number } };
  note: { zh: string; en: string };
}

export interface ReferenceSet {
  id: string; nameZh: string; marker: Marker; markerZh: string; markerEn: string; source: string; licence: string; description: string | null;
  fileName: string | null; recordCount: number; loadedAt: string; loadedByName: string | null;
}

export interface IndexSegment { no: number; keys: number; sequences: number; references: number; residues: number; memoryBytes: number; builtAt: string; saved: boolean }
export interface IndexStatus {
  segments: IndexSegment[]; sequences: number; references: number; memoryBytes: number; builtAt: string | null;
  loaded: { at: string; segments: number; caughtUp: number; dropped: number; stale: number }; unsaved: boolean; indexedBases: number;
}

const headers = (accept: string) => {
  const h: Record<string, string> = { accept };
  const csrf = currentCsrfToken();
  if (csrf) h['x-csrf-token'] = csrf;
  return h;
};

async function failure(res: Response) {
  const data = await res.json().catch(() => undefined) as { error?: { code?: string; message?: string; details?: ErrorDetail[] } } | undefined;
  return new ApiError(res.status, data?.error?.code ?? 'http_error', data?.error?.message ?? `请求失败（Request failed: HTTP ${res.status}）`, data?.error?.details ?? []);
}

/** Uploads one FASTA file (multipart) to a route that answers JSON. */
export async function uploadFasta<T>(url: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body: form, headers: headers('application/json'), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', '无法连接服务器（Cannot reach the server）');
  }
  if (!res.ok) throw await failure(res);
  return res.json() as Promise<T>;
}

/** A POST without a file whose progress streams as NDJSON (the index rebuild), resolving with the last line's result. */
export async function streamPost<T>(url: string, onProgress: (p: ImportProgress) => void): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body: '{}', headers: { ...headers('application/x-ndjson'), 'content-type': 'application/json' }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', '无法连接服务器（Cannot reach the server）');
  }
  if (!res.ok || !res.body) throw await failure(res);
  const got = { result: await readProgressStream<T>(res.body, onProgress) };
  if (got.result === undefined) throw new ApiError(500, 'incomplete', '未收到结果，请刷新后核对（No result arrived; reload and check）');
  return got.result;
}

/** A FASTA file's text, gunzipped in the browser when it is .gz. */
export async function fileText(file: File): Promise<string> {
  if (!/\.gz$/i.test(file.name)) return file.text();
  const stream = file.stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}
