import { ApiError, currentCsrfToken, type ErrorDetail } from '../../../app/api';
import { cachedGet } from '../../../app/useApi';

/** What the factory pages read from the server (modules/factory: factories.service.ts, epcis.*.ts). */
export interface Factory {
  id: string; code: string; organisationId: string; organisationNameZh: string; organisationNameEn: string | null;
  nameZh: string; nameEn: string | null; kind: 'smartFactory' | 'digitalWorkshop'; districtCode: string | null; districtNameZh: string | null;
  status: 'active' | 'inactive'; eventCount: number; batchCount: number; lastEventAt: string | null; connected: boolean;
  sgln?: string | null; addressZh?: string | null; may: { edit: boolean };
  figures?: { byBizStep: { bizStep: string | null; n: number }[]; byDay: { day: string; n: number }[] };
  connect?: { captureUrl: string; queryUrl: string; captureScope: string; queryScope: string; ingestScope: string; mqttTopic: string; sitePrefix: string | null; tokensPage: string };
}
export interface Page<T> { total: number; items: T[] }

export interface EpcisProblem { type: string; title: string; status: number; detail?: string; instance?: string; errors?: ErrorDetail[] }
export interface CaptureJob {
  captureID: string; createdAt: string; finishedAt: string | null; running: boolean; success: boolean; errors: EpcisProblem[];
  state: string; eventCount: number; storedCount: number; via: 'session' | 'token'; submittedByName?: string | null;
}
export type EpcisEvent = Record<string, unknown> & { eventID: string; type: string; eventTime: string; recordTime: string; action?: string; bizStep?: string; disposition?: string };

export interface VocabEntry { code: string; zh: string; en: string }
export type Vocabularies = Record<'eventTypes' | 'actions' | 'bizSteps' | 'dispositions' | 'errorReasons' | 'bizTransactionTypes' | 'sourceDestTypes' | 'sensorAlertTypes' | 'measurementTypes', VocabEntry[]>;
export const vocabularies = () => cachedGet<Vocabularies>('/api/factory/vocabularies');

/** A problem document (the EPCIS interface's errors) as the app's ApiError, its title and detail as the message. */
export class ProblemError extends ApiError {
  constructor(readonly problem: EpcisProblem) {
    super(problem.status, problem.type, [problem.title, problem.detail].filter(Boolean).join(' — '), problem.errors ?? []);
  }
}

async function send(method: string, path: string, body?: string, contentType = 'application/json') {
  const headers: Record<string, string> = { accept: 'application/json', 'GS1-EPCIS-Version': '2.0.0' };
  if (body !== undefined) headers['content-type'] = contentType;
  const csrf = currentCsrfToken();
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', '无法连接服务器（Cannot reach the server）');
  }
  const text = await res.text();
  let data: unknown;
  try { data = text ? JSON.parse(text) : undefined; } catch { data = undefined; }
  if (!res.ok) {
    const p = data as EpcisProblem | undefined;
    if (p?.type) throw new ProblemError(p);
    throw new ApiError(res.status, 'http_error', `请求失败（Request failed: HTTP ${res.status}）`);
  }
  return { data, res };
}

/** A page of an EPCIS query, and the next page's token from the Link header. */
export async function epcisPage<T>(path: string): Promise<{ data: T; nextPageToken: string | null }> {
  const { data, res } = await send('GET', path);
  const link = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
  return { data: data as T, nextPageToken: link ? new URL(link, window.location.origin).searchParams.get('nextPageToken') : null };
}

export const epcisGet = async <T>(path: string) => (await send('GET', path)).data as T;

/** Sends a document as read from a file: the server validates it whole. */
export async function captureDocument(text: string, fileName: string) {
  const type = fileName.endsWith('.jsonld') ? 'application/ld+json' : 'application/json';
  return (await send('POST', '/epcis/capture', text, type)).data as CaptureJob;
}

export const eventsOf = (doc: unknown) => ((doc as { epcisBody?: { queryResults?: { resultsBody?: { eventList?: EpcisEvent[] } } } }).epcisBody?.queryResults?.resultsBody?.eventList ?? []);
