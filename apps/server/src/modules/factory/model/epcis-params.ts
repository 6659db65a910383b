import type { EpcisEventType, EpcRole } from '../schema.js';

/**
 * The standard query parameters of GET /epcis/events (EPCIS 2.0 §8.2.7.1, the REST binding's query
 * string), read into a filter the repository answers. A parameter this repository does not know,
 * or a value it cannot read, is a problem naming the parameter — never silently ignored, since a
 * filter dropped would answer with events the caller did not ask for.
 */
export const EVENT_TYPES: readonly EpcisEventType[] = ['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent'];
const ACTIONS = ['ADD', 'OBSERVE', 'DELETE'] as const;

/** Which EPC roles each MATCH_ parameter looks in (the standard's table of fields per parameter). */
export const MATCH_ROLES: Record<string, readonly EpcRole[]> = {
  MATCH_epc: ['epc', 'child'],
  MATCH_parentID: ['parent'],
  MATCH_inputEPC: ['input'],
  MATCH_outputEPC: ['output'],
  MATCH_anyEPC: ['epc', 'child', 'parent', 'input', 'output'],
  MATCH_epcClass: ['quantity', 'childQuantity'],
  MATCH_inputEPCClass: ['inputQuantity'],
  MATCH_outputEPCClass: ['outputQuantity'],
  MATCH_anyEPCClass: ['quantity', 'childQuantity', 'inputQuantity', 'outputQuantity'],
};

/** An EPC to match: exactly, or every EPC that starts with a prefix (a wildcard pattern). */
export type EpcPattern = { exact: string } | { prefix: string };

export interface EventFilter {
  eventTypes?: EpcisEventType[];
  geEventTime?: string; ltEventTime?: string; geRecordTime?: string; ltRecordTime?: string;
  actions?: string[];
  bizSteps?: string[]; dispositions?: string[]; readPoints?: string[]; bizLocations?: string[];
  eventIds?: string[];
  errorReasons?: string[];
  /** EXISTS_errorDeclaration: only events that declare an error. */
  errorDeclared?: boolean;
  /** Each MATCH_ parameter given: an event must satisfy every one (and any pattern within one). */
  epcs: { roles: readonly EpcRole[]; patterns: EpcPattern[] }[];
  bizTransactions: { type: string; values: string[] }[];
}

export interface EventQuery { filter: EventFilter; perPage: number; nextPageToken?: string }

export interface ParamProblem { path: string; zh: string; en: string }
export class ParamError extends Error {
  constructor(readonly problem: ParamProblem) { super(problem.en); }
}

export const PER_PAGE = { default: 30, max: 1000 };

/** How this repository stores CBV words and EPCs, given by the engine (the same rules capture used). */
export interface ValueReaders {
  /** 'shipping', 'urn:epcglobal:cbv:bizstep:shipping' or 'https://ref.gs1.org/cbv/BizStep-shipping' → as stored. */
  cbv(kind: 'bizStep' | 'disposition' | 'bizTransactionType', value: string): string;
  /** A URN or GS1 Digital Link → the EPC as stored; null when it is neither. */
  epc(value: string): string | null;
  /** A readPoint / bizLocation id → as stored: a GLN's Digital Link as its SGLN, anything else as written. */
  location(value: string): string;
}

const fail = (path: string, zh: string, en: string): never => { throw new ParamError({ path, zh, en }); };

/** A parameter's values: repeated parameters and `|`-separated lists both mean "any of". */
function valuesOf(name: string, raw: unknown): string[] {
  const list = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v).split('|')).map((v) => v.trim()).filter(Boolean);
  if (!list.length) fail(`/${name}`, `参数 ${name} 没有值`, `Parameter ${name} has no value`);
  return [...new Set(list)];
}

function single(name: string, raw: unknown): string {
  const v = valuesOf(name, raw);
  if (v.length > 1) fail(`/${name}`, `参数 ${name} 只能有一个值`, `Parameter ${name} takes one value`);
  return v[0];
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function instant(name: string, raw: unknown): string {
  // A '+' offset sent unencoded arrives as a space.
  const v = single(name, raw).replace(' ', '+');
  if (!ISO_INSTANT.test(v) || Number.isNaN(Date.parse(v))) fail(`/${name}`, `参数 ${name} 须为带时区的 ISO 8601 时间，如 2026-05-01T08:00:00+08:00`, `Parameter ${name} must be an ISO 8601 instant with its offset, e.g. 2026-05-01T08:00:00+08:00`);
  return new Date(v).toISOString();
}

/**
 * An EPC or an EPC pattern as given: `urn:epc:idpat:sgtin:0614141.107346.*` matches every SGTIN of
 * that item (for class parameters, the LGTIN lots of it too); `urn:epc:idpat:sgtin:0614141.*.*`
 * every one of the company. Wildcards stand for whole trailing fields only.
 */
export function patternsOf(name: string, value: string, classLevel: boolean, r: ValueReaders): EpcPattern[] {
  const idpat = /^urn:epc:idpat:([a-z0-9-]+):(.+)$/i.exec(value);
  if (!idpat) {
    const epc = r.epc(value);
    if (!epc) fail(`/${name}`, `参数 ${name} 的值不是 EPC URN、EPC 模式或 GS1 数字链接：${value}`, `${name}: not an EPC URN, EPC pattern or GS1 Digital Link: ${value}`);
    return [{ exact: epc! }];
  }
  const [, scheme, rest] = idpat;
  const fields = rest.split('.');
  const firstStar = fields.indexOf('*');
  const fixed = firstStar < 0 ? fields : fields.slice(0, firstStar);
  if (firstStar >= 0 && fields.slice(firstStar).some((f) => f !== '*')) fail(`/${name}`, `EPC 模式中 * 只能出现在末尾字段：${value}`, `In an EPC pattern, * may stand only for trailing fields: ${value}`);
  if (!fixed.length) fail(`/${name}`, `EPC 模式须至少给出厂商代码：${value}`, `An EPC pattern must give at least the company prefix: ${value}`);
  const s = scheme.toLowerCase();
  const instance = firstStar < 0 ? { exact: `urn:epc:id:${s}:${fixed.join('.')}` } : { prefix: `urn:epc:id:${s}:${fixed.join('.')}.` };
  if (!classLevel) return [instance];
  // Class-level EPCs: the pattern itself (a quantity of "any serial of this item"), and lots of the item.
  const out: EpcPattern[] = [{ exact: value }];
  if (s === 'sgtin') out.push({ prefix: `urn:epc:class:lgtin:${fixed.slice(0, 2).join('.')}${fixed.length >= 2 ? '.' : ''}` });
  return out;
}

/**
 * Reads the query string. `fixed` are filters the path already sets (GET /epcis/bizSteps/{b}/events);
 * a query string that contradicts one is refused, as the binding's 412 says for eventType.
 */
export function readEventQuery(query: Record<string, unknown>, r: ValueReaders): EventQuery {
  const f: EventFilter = { epcs: [], bizTransactions: [] };
  let perPage = PER_PAGE.default;
  let nextPageToken: string | undefined;
  for (const [name, raw] of Object.entries(query)) {
    if (raw === undefined) continue;
    if (name in MATCH_ROLES) {
      const classLevel = name.endsWith('Class');
      f.epcs.push({ roles: MATCH_ROLES[name], patterns: valuesOf(name, raw).flatMap((v) => patternsOf(name, v, classLevel, r)) });
      continue;
    }
    const bizTx = /^EQ_bizTransaction_(.+)$/.exec(name);
    if (bizTx) {
      f.bizTransactions.push({ type: r.cbv('bizTransactionType', bizTx[1]), values: valuesOf(name, raw) });
      continue;
    }
    switch (name) {
      case 'eventType': {
        const types = valuesOf(name, raw);
        const bad = types.find((t) => !EVENT_TYPES.includes(t as EpcisEventType));
        if (bad) fail('/eventType', `未知的事件类型：${bad}`, `Unknown event type: ${bad} (one of ${EVENT_TYPES.join(', ')})`);
        f.eventTypes = types as EpcisEventType[];
        break;
      }
      case 'GE_eventTime': f.geEventTime = instant(name, raw); break;
      case 'LT_eventTime': f.ltEventTime = instant(name, raw); break;
      case 'GE_recordTime': f.geRecordTime = instant(name, raw); break;
      case 'LT_recordTime': f.ltRecordTime = instant(name, raw); break;
      case 'EQ_action': {
        const a = valuesOf(name, raw);
        const bad = a.find((x) => !(ACTIONS as readonly string[]).includes(x));
        if (bad) fail('/EQ_action', `未知的动作：${bad}`, `Unknown action: ${bad} (ADD, OBSERVE or DELETE)`);
        f.actions = a;
        break;
      }
      case 'EQ_bizStep': f.bizSteps = valuesOf(name, raw).map((v) => r.cbv('bizStep', v)); break;
      case 'EQ_disposition': f.dispositions = valuesOf(name, raw).map((v) => r.cbv('disposition', v)); break;
      case 'EQ_readPoint': f.readPoints = valuesOf(name, raw).map((v) => r.location(v)); break;
      case 'EQ_bizLocation': f.bizLocations = valuesOf(name, raw).map((v) => r.location(v)); break;
      case 'EQ_eventID': f.eventIds = valuesOf(name, raw); break;
      case 'EQ_errorReason': f.errorReasons = valuesOf(name, raw); break;
      case 'EXISTS_errorDeclaration': f.errorDeclared = true; break;
      case 'perPage': {
        const v = single(name, raw);
        if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > PER_PAGE.max) fail('/perPage', `perPage 须为 1 到 ${PER_PAGE.max} 的整数`, `perPage must be an integer from 1 to ${PER_PAGE.max}`);
        perPage = Number(v);
        break;
      }
      case 'nextPageToken': nextPageToken = single(name, raw); break;
      default:
        fail(`/${name}`, `不支持的查询参数：${name}`, `Unknown query parameter: ${name}`);
    }
  }
  return { filter: f, perPage, ...(nextPageToken ? { nextPageToken } : {}) };
}

/** Resource listings (GET /epcis/epcs …) take paging only. */
export function readPaging(query: Record<string, unknown>): { perPage: number; nextPageToken?: string } {
  const { perPage, nextPageToken, ...rest } = query;
  const unknown = Object.keys(rest).find((k) => rest[k] !== undefined);
  if (unknown) fail(`/${unknown}`, `不支持的查询参数：${unknown}`, `Unknown query parameter: ${unknown}`);
  return readEventQuery({ perPage, nextPageToken }, { cbv: (_k, v) => v, epc: (v) => v, location: (v) => v });
}
