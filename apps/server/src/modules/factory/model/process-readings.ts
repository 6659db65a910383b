import { isVariable, type Variable } from './process-variables.js';

/**
 * What a posted reading must be, and every way it can fail. A body (HTTP) or a message (MQTT)
 * is taken apart here, reading by reading: the good ones go on to be stored, each bad one
 * becomes a rejection with its reason and its place in the body — never a silent drop.
 *
 * A reading is `{ batch, variable, at, value }`: `batch` the factory's own batch number,
 * `at` an ISO 8601 instant with its offset (2026-03-01T08:00:00+08:00) or epoch milliseconds,
 * `value` a finite number. The series form `{ batch, variable, points: [[at, value], …] }`
 * says the same more compactly for many points of one variable.
 */
export const REJECT_REASONS = {
  malformed: { zh: '格式错误', en: 'Malformed reading or message' },
  unknownVariable: { zh: '未知变量', en: 'Unknown variable' },
  badTime: { zh: '时间无效', en: 'Invalid or implausible time' },
  badValue: { zh: '数值无效', en: 'Value is not a finite number' },
  unknownBatch: { zh: '批次不存在', en: 'No such batch in this factory' },
  outsideBatch: { zh: '不在批次运行期内', en: 'Outside the batch’s run (before its start or after its end)' },
} as const;
export type RejectReason = keyof typeof REJECT_REASONS;
export const REJECT_REASON_CODES = Object.keys(REJECT_REASONS) as RejectReason[];

export interface CandidateReading { path: string; batch: string; variable: Variable; at: Date; value: number }
export interface Rejection { path: string; reason: RejectReason; batch: string | null; message: string }
export interface Parsed { readings: CandidateReading[]; rejected: Rejection[] }

/** Readings more than this far ahead of the server's clock are a factory clock gone wrong. */
const FUTURE_SLACK_MS = 24 * 3600 * 1000;
const EARLIEST = Date.UTC(2000, 0, 1);
/** An instant says its offset: a local time without one is ambiguous across factories. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export const rejection = (path: string, reason: RejectReason, batch: string | null, detail?: string): Rejection =>
  ({ path, reason, batch, message: `${REJECT_REASONS[reason].zh}（${REJECT_REASONS[reason].en}）${detail ? `: ${detail}` : ''}` });

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
/** Control characters (NUL above all) are refused here: the database cannot store a text holding NUL. */
const CONTROL = /[\u0000-\u001f\u007f]/;
const batchOf = (x: unknown) => (typeof x === 'string' && x.trim() && x.length <= 100 && !CONTROL.test(x) ? x.trim() : null);

export function parseInstant(at: unknown, now: Date): Date | null {
  let t: number;
  if (typeof at === 'number' && Number.isFinite(at)) t = at;
  else if (typeof at === 'string' && ISO_WITH_OFFSET.test(at)) t = Date.parse(at);
  else return null;
  if (!Number.isFinite(t) || t < EARLIEST || t > now.getTime() + FUTURE_SLACK_MS) return null;
  return new Date(t);
}

/** One point of one variable of one batch, checked in the order a person would fix it. */
function point(out: Parsed, path: string, batch: string | null, variable: unknown, at: unknown, value: unknown, now: Date) {
  if (!batch) return out.rejected.push(rejection(path, 'malformed', null, 'batch'));
  if (!isVariable(variable)) return out.rejected.push(rejection(path, 'unknownVariable', batch, String(variable).slice(0, 40)));
  const when = parseInstant(at, now);
  if (!when) return out.rejected.push(rejection(path, 'badTime', batch, String(at).slice(0, 40)));
  if (typeof value !== 'number' || !Number.isFinite(value)) return out.rejected.push(rejection(path, 'badValue', batch, String(value).slice(0, 40)));
  out.readings.push({ path, batch, variable, at: when, value });
}

function reading(out: Parsed, path: string, r: unknown, now: Date, batch?: string) {
  if (!isObject(r)) return out.rejected.push(rejection(path, 'malformed', batch ?? null));
  point(out, path, batch ?? batchOf(r.batch), r.variable, r.at, r.value, now);
}

function series(out: Parsed, path: string, s: unknown, now: Date, batch?: string) {
  if (!isObject(s) || !Array.isArray(s.points)) return out.rejected.push(rejection(path, 'malformed', batch ?? (isObject(s) ? batchOf(s.batch) : null), 'points'));
  const b = batch ?? batchOf(s.batch);
  s.points.forEach((p, j) => {
    const at = `${path}/points/${j}`;
    if (!Array.isArray(p) || p.length !== 2) return out.rejected.push(rejection(at, 'malformed', b, '[at, value]'));
    point(out, at, b, s.variable, p[0], p[1], now);
  });
}

/** The HTTP body's `readings` and `series` lists (either or both). */
export function parseBody(body: { readings?: unknown[]; series?: unknown[] }, now: Date): Parsed {
  const out: Parsed = { readings: [], rejected: [] };
  (body.readings ?? []).forEach((r, i) => reading(out, `/readings/${i}`, r, now));
  (body.series ?? []).forEach((s, i) => series(out, `/series/${i}`, s, now));
  return out;
}

/**
 * An MQTT message on a batch's topic: one reading, a list of readings, or a series
 * (`{ variable, points }`), the batch being the topic's. Anything else is one `malformed`.
 */
export function parseMessage(batch: string, payload: Buffer | string, now: Date): Parsed {
  const out: Parsed = { readings: [], rejected: [] };
  let body: unknown;
  try {
    body = JSON.parse(typeof payload === 'string' ? payload : payload.toString('utf8'));
  } catch {
    out.rejected.push(rejection('', 'malformed', batch, 'JSON'));
    return out;
  }
  const items = Array.isArray(body) ? body : [body];
  items.forEach((r, i) => {
    const path = Array.isArray(body) ? `/${i}` : '';
    if (isObject(r) && Array.isArray(r.points)) series(out, path, r, now, batch);
    else reading(out, path, r, now, batch);
  });
  return out;
}

/** MQTT topic of a batch's readings: cqb/factories/{factoryCode}/batches/{batchNo}/readings. */
export const TOPIC_FILTER = 'cqb/factories/+/batches/+/readings';
export function topicParts(topic: string): { factory: string; batch: string } | null {
  const m = /^cqb\/factories\/([^/]+)\/batches\/([^/]+)\/readings$/.exec(topic);
  return m && !CONTROL.test(topic) ? { factory: m[1], batch: m[2] } : null;
}
export const topicOf = (factory: string, batch: string) => `cqb/factories/${factory}/batches/${batch}/readings`;
