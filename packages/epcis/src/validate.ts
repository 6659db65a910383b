import { problem } from './problems.js';
import { schemaValidator } from './schema.js';
import { schemaMessage } from './messages.js';
import { standardFindings, type Finding } from './checks.js';
import { normaliseEvent, contextPrefixes } from './normalise.js';
import type { NormalisedEvent, Problem } from './types.js';

export type DocumentKind = 'EPCISDocument' | 'EPCISQueryDocument';
export type Validation =
  | { ok: true; events: NormalisedEvent[]; kind: DocumentKind }
  | { ok: false; problem: Problem };

export interface ValidateOptions {
  /** The kinds the caller takes (capture takes EPCISDocument only); both by default. */
  accept?: DocumentKind[];
  /** At most this many errors are listed in the problem (20). */
  maxErrors?: number;
}

type Json = Record<string, unknown>;

function refuse(detail: string, errors: Finding[], max: number): Validation {
  return { ok: false, problem: problem('ValidationException', detail, errors.slice(0, max)) };
}

/**
 * An EPCIS 2.0 document (a parsed object, or its JSON text) checked against the standard's JSON
 * schema and the rules the schema leaves to the text, then normalised event by event. Every
 * refusal is an `epcisException:ValidationException` problem whose errors name JSON pointers.
 */
export function validateDocument(input: unknown, options: ValidateOptions = {}): Validation {
  const max = options.maxErrors ?? 20;
  const accept = options.accept ?? ['EPCISDocument', 'EPCISQueryDocument'];
  let doc: unknown = input;
  if (typeof input === 'string' || input instanceof Uint8Array) {
    const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
    try { doc = JSON.parse(text); } catch (e) {
      return refuse('文档不是合法的 JSON（the document is not well-formed JSON）', [{ path: '', message: `JSON 解析失败（JSON parse error）: ${(e as Error).message}` }], max);
    }
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    return refuse('文档应为 JSON 对象（the document must be a JSON object）', [{ path: '', message: '应为对象（must be an object）' }], max);
  }
  const type = (doc as Json).type;
  if (type !== 'EPCISDocument' && type !== 'EPCISQueryDocument') {
    return refuse('文档类型应为 EPCISDocument 或 EPCISQueryDocument（type must be EPCISDocument or EPCISQueryDocument）',
      [{ path: '/type', message: type === undefined ? '缺少 type（type is missing）' : `类型为 ${JSON.stringify(type)}（type is ${JSON.stringify(type)}）` }], max);
  }
  if (!accept.includes(type)) {
    return refuse(`此处需要 ${accept.join(' 或 ')}，收到 ${type}（expected ${accept.join(' or ')}, got ${type}）`,
      [{ path: '/type', message: `应为 ${accept.join(' / ')}（must be ${accept.join(' / ')}）` }], max);
  }
  const amended = withoutCertificationInfo(doc as Json, type);
  if (!amended.ok) return refuse('文档不符合 EPCIS 2.0 JSON Schema（the document does not validate against the EPCIS 2.0 JSON schema）', amended.findings, max);
  const validate = schemaValidator();
  if (!validate(amended.doc)) return refuse('文档不符合 EPCIS 2.0 JSON Schema（the document does not validate against the EPCIS 2.0 JSON schema）', schemaFindings(validate.errors ?? []), max);

  const body = (doc as Json).epcisBody as Json;
  const list = (type === 'EPCISDocument' ? body.eventList : ((body.queryResults as Json).resultsBody as Json).eventList) as Json[];
  const base = type === 'EPCISDocument' ? '/epcisBody/eventList' : '/epcisBody/queryResults/resultsBody/eventList';
  const findings = list.flatMap((event, i) => standardFindings(event, `${base}/${i}`));
  if (findings.length) return refuse('文档违反 EPCIS 2.0 标准的规则（the document breaks rules of the EPCIS 2.0 standard）', findings, max);

  const context = (doc as Json)['@context'];
  const prefixes = contextPrefixes(context);
  return { ok: true, kind: type, events: list.map((event) => normaliseEvent(event, context, prefixes)) };
}

const URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

/**
 * EPCIS 2.0 gives every event an optional `certificationInfo` (a URI or a list of URIs); the
 * shipped schema predates it and refuses the field. It is checked here as the standard's later
 * schema defines it, and hidden from the older schema — the one amendment this engine makes.
 */
function withoutCertificationInfo(doc: Json, type: DocumentKind): { ok: true; doc: Json } | { ok: false; findings: Finding[] } {
  const body = doc.epcisBody as Json | undefined;
  const list = type === 'EPCISDocument' ? body?.eventList : ((body?.queryResults as Json | undefined)?.resultsBody as Json | undefined)?.eventList;
  if (!Array.isArray(list) || !list.some((e) => e && typeof e === 'object' && 'certificationInfo' in e)) return { ok: true, doc };
  const base = type === 'EPCISDocument' ? '/epcisBody/eventList' : '/epcisBody/queryResults/resultsBody/eventList';
  const findings: Finding[] = [];
  const events = list.map((e: Json, i) => {
    if (!e || typeof e !== 'object' || !('certificationInfo' in e)) return e;
    const { certificationInfo, ...rest } = e;
    const values = Array.isArray(certificationInfo) ? certificationInfo : [certificationInfo];
    if (!values.every((v) => typeof v === 'string' && URI.test(v))) {
      findings.push({ path: `${base}/${i}/certificationInfo`, message: '应为 URI 或 URI 列表（must be a URI or a list of URIs）' });
    }
    return rest;
  });
  if (findings.length) return { ok: false, findings };
  const copy: Json = { ...doc };
  if (type === 'EPCISDocument') copy.epcisBody = { ...body, eventList: events };
  else {
    const qr = body!.queryResults as Json;
    copy.epcisBody = { ...body, queryResults: { ...qr, resultsBody: { ...(qr.resultsBody as Json), eventList: events } } };
  }
  return { ok: true, doc: copy };
}

/**
 * Ajv's errors as findings: the branch-bookkeeping errors (anyOf, if) dropped when a more specific
 * one says the same place, the deepest places first, one line per place.
 */
function schemaFindings(errors: import('ajv').ErrorObject[]): Finding[] {
  const byPath = new Map<string, string[]>();
  const note = (path: string, message: string) => {
    const seen = byPath.get(path) ?? [];
    if (!seen.includes(message)) seen.push(message);
    byPath.set(path, seen);
  };
  // An anyOf whose every branch only missed a field: one line, "one of these is required".
  const folded = new Set<import('ajv').ErrorObject>();
  for (const any of errors.filter((e) => e.keyword === 'anyOf')) {
    const branches = errors.filter((e) => e !== any && e.schemaPath.startsWith(any.schemaPath + '/') && e.instancePath === any.instancePath);
    if (branches.length > 1 && branches.every((e) => e.keyword === 'required')) {
      const fields = [...new Set(branches.map((e) => (e.params as { missingProperty: string }).missingProperty))];
      note(any.instancePath, `至少需要以下字段之一：${fields.join(', ')}（at least one of ${fields.join(', ')} is required）`);
      branches.forEach((e) => folded.add(e));
      folded.add(any);
    }
  }
  const rest = errors.filter((e) => !folded.has(e));
  const specific = rest.filter((e) => e.keyword !== 'if' && e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
  for (const e of specific.length || byPath.size ? specific : rest) {
    const path = e.keyword === 'required' ? `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}`
      : e.keyword === 'propertyNames' ? `${e.instancePath}/${(e.params as { propertyName: string }).propertyName}`
        : e.instancePath;
    note(path, schemaMessage(e));
  }
  return [...byPath.entries()]
    .sort(([a], [b]) => b.split('/').length - a.split('/').length)
    .map(([path, messages]) => ({ path, message: messages.join('；') }));
}
