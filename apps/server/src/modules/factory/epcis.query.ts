import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import type { FactoryDeps } from './index.js';
import { eventVisibleSql, factoryViewerOf, type FactoryViewer } from './viewer.js';
import { EVENT_TYPES, ParamError, readEventQuery, readPaging, type EventFilter, type EventQuery } from './model/epcis-params.js';
import { queryHash, readPageToken, signPageToken, TOKEN_PROBLEM_TEXT } from './model/epcis-page-token.js';
import { epcisProblem, noSuchResource, queryParameterProblem } from './epcis.problems.js';
import { valueReaders } from './epcis.values.js';

export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
/** How long a nextPageToken stays good. */
const TOKEN_SECONDS = 24 * 3600;

/** The top-level resources of the REST binding whose members are values events carry. */
export const RESOURCES = {
  epcs: { column: null, filter: (id: string): Partial<EventFilter> => ({ epcs: [{ roles: ['epc', 'child', 'parent', 'input', 'output', 'quantity', 'childQuantity', 'inputQuantity', 'outputQuantity'], patterns: [{ exact: valueReaders.epc(id) ?? id }] }] }) },
  bizSteps: { column: 'biz_step', filter: (id: string): Partial<EventFilter> => ({ bizSteps: [valueReaders.cbv('bizStep', id)] }) },
  dispositions: { column: 'disposition', filter: (id: string): Partial<EventFilter> => ({ dispositions: [valueReaders.cbv('disposition', id)] }) },
  readPoints: { column: 'read_point', filter: (id: string): Partial<EventFilter> => ({ readPoints: [valueReaders.location(id)] }) },
  bizLocations: { column: 'biz_location', filter: (id: string): Partial<EventFilter> => ({ bizLocations: [valueReaders.location(id)] }) },
} as const;
export type ResourceName = keyof typeof RESOURCES;

/** `like` patterns take the value literally: its own %, _ and \ are escaped. */
const likePrefix = (p: string) => `${p.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The SQL of a filter, on `epcis_event e`. */
function whereOf(f: EventFilter, v: FactoryViewer, afterSeq: string | null): RawBuilder<SqlBool> {
  const c: RawBuilder<unknown>[] = [eventVisibleSql(v, 'e')];
  const anyOf = (col: string, values: string[]) => sql`${sql.ref(col)} = any(${sql.val(values)}::text[])`;
  if (f.eventTypes) c.push(anyOf('e.event_type', f.eventTypes));
  if (f.geEventTime) c.push(sql`e.event_time >= ${f.geEventTime}::timestamptz`);
  if (f.ltEventTime) c.push(sql`e.event_time < ${f.ltEventTime}::timestamptz`);
  if (f.geRecordTime) c.push(sql`e.record_time >= ${f.geRecordTime}::timestamptz`);
  if (f.ltRecordTime) c.push(sql`e.record_time < ${f.ltRecordTime}::timestamptz`);
  if (f.actions) c.push(anyOf('e.action', f.actions));
  if (f.bizSteps) c.push(anyOf('e.biz_step', f.bizSteps));
  if (f.dispositions) c.push(anyOf('e.disposition', f.dispositions));
  if (f.readPoints) c.push(anyOf('e.read_point', f.readPoints));
  if (f.bizLocations) c.push(anyOf('e.biz_location', f.bizLocations));
  if (f.eventIds) c.push(anyOf('e.event_id', f.eventIds));
  if (f.errorReasons) c.push(anyOf('e.error_reason', f.errorReasons));
  if (f.errorDeclared) c.push(sql`jsonb_exists(e.document, 'errorDeclaration')`);
  for (const m of f.epcs) {
    const exact = m.patterns.flatMap((p) => ('exact' in p ? [p.exact] : []));
    const prefixes = m.patterns.flatMap((p) => ('prefix' in p ? [sql`x.epc like ${likePrefix(p.prefix)}`] : []));
    const which = [...(exact.length ? [sql`x.epc = any(${sql.val(exact)}::text[])`] : []), ...prefixes];
    c.push(sql`e.seq in (select x.event_seq from epcis_event_epc x where x.role = any(${sql.val([...m.roles])}::text[]) and (${sql.join(which, sql` or `)}))`);
  }
  for (const t of f.bizTransactions) {
    c.push(sql`e.seq in (select b.event_seq from epcis_event_biz_transaction b where b.type = ${t.type} and b.value = any(${sql.val(t.values)}::text[]))`);
  }
  if (afterSeq) c.push(sql`e.seq > ${afterSeq}::bigint`);
  return sql<SqlBool>`${sql.join(c, sql` and `)}`;
}

/** An event as the query interface returns it: as captured, with the repository's recordTime. */
function eventOut(r: { eventId: string; recordTime: Date | string; document: Record<string, unknown> }) {
  return { ...r.document, eventID: (r.document.eventID as string | undefined) ?? r.eventId, recordTime: new Date(r.recordTime).toISOString() };
}

/**
 * The standard query interface (SimpleEventQuery over GET): events that match the filters, in the
 * order the repository recorded them, in pages chained by signed tokens; the top-level resources.
 * Every read goes through the one visibility rule (viewer.ts).
 */
export function queryService(database: Database, d: FactoryDeps) {
  const { db } = database;
  let key: Promise<string> | null = null;
  const tokenKey = () => (key ??= db.selectFrom('epcisSecret').select('value').where('name', '=', 'pageToken').executeTakeFirstOrThrow().then((r) => r.value));
  const nowSeconds = () => Math.floor(d.now().getTime() / 1000);

  /** Query parameters → a query; an unreadable one is the binding's QueryParameterException. */
  function parse(query: Record<string, unknown>): EventQuery {
    try {
      return readEventQuery(query, valueReaders);
    } catch (e) {
      if (e instanceof ParamError) throw queryParameterProblem(e.problem.path, e.problem.zh, e.problem.en);
      throw e;
    }
  }
  function parsePaging(query: Record<string, unknown>) {
    try {
      return readPaging(query);
    } catch (e) {
      if (e instanceof ParamError) throw queryParameterProblem(e.problem.path, e.problem.zh, e.problem.en);
      throw e;
    }
  }

  async function startAfter(token: string | undefined, hash: string) {
    if (!token) return null;
    const read = readPageToken(await tokenKey(), token, hash, nowSeconds());
    if (!read.ok) throw queryParameterProblem('/nextPageToken', TOKEN_PROBLEM_TEXT[read.why].zh, TOKEN_PROBLEM_TEXT[read.why].en);
    return read.after;
  }

  async function nextToken(after: string, hash: string) {
    const expires = nowSeconds() + TOKEN_SECONDS;
    return { token: signPageToken(await tokenKey(), { after, query: hash, expires }), expires: new Date(expires * 1000).toISOString() };
  }

  /** A page of events; `fixed` are the filters a resource path sets (they join the query's own). */
  async function events(ctx: Ctx, query: Record<string, unknown>, fixed: Partial<EventFilter> = {}) {
    const q = parse(query);
    if (fixed.eventTypes && q.filter.eventTypes && !q.filter.eventTypes.every((t) => fixed.eventTypes!.includes(t))) {
      const text = '路径与查询参数中的事件类型不一致（The event type in the path and in the query disagree）';
      throw epcisProblem('QueryParameterException', text, [{ path: '/eventType', message: text }], 412);
    }
    const filter: EventFilter = { ...q.filter, ...fixed, epcs: [...q.filter.epcs, ...(fixed.epcs ?? [])], bizTransactions: q.filter.bizTransactions };
    for (const k of ['bizSteps', 'dispositions', 'readPoints', 'bizLocations'] as const) {
      // A path value and a query value for the same field: both must hold, so the intersection.
      if (fixed[k] && q.filter[k]) filter[k] = fixed[k]!.filter((x) => q.filter[k]!.includes(x));
    }
    const hash = queryHash(filter);
    const after = await startAfter(q.nextPageToken, hash);
    const rows = await db.selectFrom('epcisEvent as e').select(['e.seq', 'e.eventId', 'e.recordTime', 'e.document'])
      .where(whereOf(filter, factoryViewerOf(ctx), after)).orderBy('e.seq').limit(q.perPage + 1).execute();
    const more = rows.length > q.perPage;
    const page = more ? rows.slice(0, q.perPage) : rows;
    return {
      document: queryDocument(page.map((r) => eventOut(r as never)), d.now()),
      next: more ? await nextToken(String(page[page.length - 1].seq), hash) : null,
    };
  }

  /** One event by its eventID, if the caller may see it. */
  async function event(ctx: Ctx, eventId: string) {
    const row = await db.selectFrom('epcisEvent as e').select(['e.eventId', 'e.recordTime', 'e.document'])
      .where('e.eventId', '=', eventId).where(eventVisibleSql(factoryViewerOf(ctx), 'e')).executeTakeFirst();
    if (!row) throw noSuchResource('事件不存在', 'No such event');
    return eventOut(row as never);
  }

  /** The distinct values of a resource among the events the caller sees, in pages. */
  async function members(ctx: Ctx, resource: ResourceName, query: Record<string, unknown>) {
    const p = parsePaging(query);
    const hash = queryHash({ resource });
    const after = await startAfter(p.nextPageToken, hash);
    const v = factoryViewerOf(ctx);
    const col = RESOURCES[resource].column;
    const rows = col === null
      ? await sql<{ value: string }>`select distinct x.epc as value from epcis_event_epc x join epcis_event e on e.seq = x.event_seq
          where ${eventVisibleSql(v, 'e')} ${after !== null ? sql`and x.epc > ${after}` : sql``} order by 1 limit ${p.perPage + 1}`.execute(db)
      : await sql<{ value: string }>`select distinct ${sql.ref(`e.${col}`)} as value from epcis_event e
          where ${sql.ref(`e.${col}`)} is not null and ${eventVisibleSql(v, 'e')} ${after !== null ? sql`and ${sql.ref(`e.${col}`)} > ${after}` : sql``} order by 1 limit ${p.perPage + 1}`.execute(db);
    const more = rows.rows.length > p.perPage;
    const page = (more ? rows.rows.slice(0, p.perPage) : rows.rows).map((r) => r.value);
    return { document: collection(page), next: more ? await nextToken(page[page.length - 1], hash) : null };
  }

  /** GET /epcis/{resource}/{id}/events: events naming the value, with the query's other filters. */
  function resourceEvents(ctx: Ctx, resource: ResourceName | 'eventTypes', id: string, query: Record<string, unknown>) {
    if (resource === 'eventTypes') {
      if (!EVENT_TYPES.includes(id as never)) throw noSuchResource(`未知的事件类型：${id}`, `Unknown event type: ${id}`);
      return events(ctx, query, { eventTypes: [id as never] });
    }
    return events(ctx, query, RESOURCES[resource].filter(id));
  }

  /**
   * GET /epcis/{resource}/{id}: the value's sub-resources (only `events`, as in the binding), when
   * some event the caller sees names it; an event type exists whether or not events of it do.
   */
  async function resource(ctx: Ctx, resource: ResourceName | 'eventTypes', id: string) {
    if (resource === 'eventTypes') {
      if (!EVENT_TYPES.includes(id as never)) throw noSuchResource(`未知的事件类型：${id}`, `Unknown event type: ${id}`);
      return ['events'];
    }
    const filter: EventFilter = { epcs: [], bizTransactions: [], ...RESOURCES[resource].filter(id) };
    const named = await db.selectFrom('epcisEvent as e').select('e.seq').where(whereOf(filter, factoryViewerOf(ctx), null)).limit(1).executeTakeFirst();
    if (!named) throw noSuchResource(`没有可见事件涉及 ${id}`, `No event you may see names ${id}`);
    return ['events'];
  }

  return { events, event, members, resource, resourceEvents, eventTypes: () => collection([...EVENT_TYPES]) };
}

/** The EPCISQueryDocument of a SimpleEventQuery's results. */
export function queryDocument(eventList: unknown[], now: Date) {
  return {
    '@context': [EPCIS_CONTEXT],
    type: 'EPCISQueryDocument',
    schemaVersion: '2.0',
    creationDate: now.toISOString(),
    epcisBody: { queryResults: { queryName: 'SimpleEventQuery', resultsBody: { eventList } } },
  };
}

/** A top-level resource's members, as the binding lists them. */
export const collection = (member: string[]) => ({ '@context': EPCIS_CONTEXT, type: 'Collection', member });
