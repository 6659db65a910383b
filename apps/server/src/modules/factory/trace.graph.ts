import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { epcInfo, locatedAt } from './model/trace-epc.js';
import { nodeKind, OUTBOUND_STEPS, SHIPMENT_STEPS, type NodeKind, type RolesSeen } from './model/trace-kinds.js';
import { eventVisibleSql, type FactoryViewer } from './viewer.js';
import { walk, type Direction } from './trace.walk.js';

/**
 * A trace as a graph: the walk's EPCs as nodes (kind, label, where each was last seen, a link to
 * the batch or strain it is), edges with the event proving each, every event naming a node, and
 * — forward — the shipments: shipping and receiving events and transactions naming a node.
 */

export interface TraceNode {
  id: string;
  epc: string | null;
  kind: NodeKind;
  label: string;
  /** Steps from the start; shipments sit one beyond the EPC they carry. */
  depth: number;
  organisation: { id: string; nameZh: string } | null;
  factory: { id: string; code: string; nameZh: string } | null;
  link: { kind: 'batch' | 'strain'; id: string; code: string } | null;
  eventIds: string[];
}
export interface TraceEdge { from: string; to: string; eventId: string; eventType: string; bizStep: string | null; time: string; quantity: number | null; uom: string | null }
export interface TraceEvent {
  eventId: string; eventType: string; action: string | null; bizStep: string | null; disposition: string | null; time: string;
  readPoint: string | null; bizLocation: string | null; organisationId: string; organisationNameZh: string | null; epcs: string[];
}
export interface Party { type: string; id: string }
export interface Shipment {
  eventId: string; eventType: string; bizStep: string | null; time: string; epc: string; label: string; quantity: number | null; uom: string | null;
  sources: Party[]; destinations: Party[]; bizLocation: string | null; readPoint: string | null; organisationNameZh: string | null;
}
export interface TraceGraph {
  start: string; direction: Direction; maxDepth: number; truncated: boolean; depthLimited: boolean;
  nodes: TraceNode[]; edges: TraceEdge[]; events: TraceEvent[]; shipments: Shipment[];
}

/** Events shown with a trace, at most: a trace of thousands of lots lists its edges' events first. */
const EVENT_CAP = 3000;

interface EventRow {
  seq: string; eventId: string; eventType: string; action: string | null; bizStep: string | null; disposition: string | null; eventTime: Date | string;
  readPoint: string | null; bizLocation: string | null; organisationId: string; sources: unknown; destinations: unknown;
  named: { epc: string; role: string; quantity: number | null; uom: string | null }[];
}

const arr = (xs: readonly string[]) => sql`${sql.val(xs)}::text[]`;
const iso = (d: Date | string) => new Date(d).toISOString();

/** Every visible event naming one of the EPCs, each with what it names among them. */
const eventsNamingQuery = (viewer: FactoryViewer, epcs: string[], mustHave: string[]) => sql<EventRow>`
    select e.seq::text as seq, e.event_id as "eventId", e.event_type as "eventType", e.action, e.biz_step as "bizStep", e.disposition,
      e.event_time as "eventTime", e.read_point as "readPoint", e.biz_location as "bizLocation", e.organisation_id as "organisationId",
      e.document->'sourceList' as sources, e.document->'destinationList' as destinations, n.named
    from (
      select x.event_seq, json_agg(json_build_object('epc', x.epc, 'role', x.role, 'quantity', x.quantity, 'uom', x.uom)) as named
      from epcis_event_epc x where x.epc = any(${arr(epcs)}) group by x.event_seq
    ) n
    join epcis_event e on e.seq = n.event_seq
    where e.error_reason is null and ${eventVisibleSql(viewer, 'e')}
    order by (e.seq = any(${sql.val(mustHave)}::bigint[])) desc, e.event_time, e.seq
    limit ${EVENT_CAP}`;

const parties = (v: unknown, key: 'source' | 'destination'): Party[] =>
  Array.isArray(v) ? v.flatMap((p) => (p && typeof p === 'object' && typeof (p as Record<string, unknown>)[key] === 'string'
    ? [{ type: String((p as Record<string, unknown>).type ?? ''), id: String((p as Record<string, unknown>)[key]) }] : [])) : [];

export async function traceGraph(db: Kysely<DB>, viewer: FactoryViewer, start: string, direction: Direction, maxDepth: number): Promise<TraceGraph> {
  const w = await walk(db, viewer, start, direction, maxDepth);
  const epcs = [...w.depthOf.keys()];
  const edgeSeqs = [...new Set(w.edges.flatMap((e) => (e.alsoSeq ? [e.seq, e.alsoSeq] : [e.seq])))];
  const { rows } = await eventsNamingQuery(viewer, epcs, edgeSeqs).execute(db);

  const orgIds = [...new Set(rows.map((r) => r.organisationId))];
  const accessions = epcs.map((e) => epcInfo(e).accession).filter((a): a is string => !!a);
  const [orgs, factories, batches, strains] = await Promise.all([
    orgIds.length ? db.selectFrom('organisation').select(['id', 'nameZh']).where('id', 'in', orgIds).execute() : [],
    orgIds.length ? db.selectFrom('factory').select(['id', 'code', 'nameZh', 'organisationId', 'sgln']).where('organisationId', 'in', orgIds).execute() : [],
    db.selectFrom('factoryBatch').innerJoin('factory', 'factory.id', 'factoryBatch.factoryId')
      .select(['factoryBatch.id', 'factoryBatch.code', 'factoryBatch.lotEpc', 'factory.organisationId']).where('factoryBatch.lotEpc', 'in', epcs).execute(),
    accessions.length ? db.selectFrom('strain').select(['id', 'accession']).where('accession', 'in', accessions).execute() : [],
  ]);
  const orgName = new Map(orgs.map((o) => [o.id, o.nameZh]));
  const factoryAt = (orgId: string, readPoint: string | null, bizLocation: string | null) =>
    factories.find((f) => f.organisationId === orgId && (locatedAt(bizLocation, f.sgln) || locatedAt(readPoint, f.sgln))) ?? null;
  // A batch links only for its own organisation and overseers: a partner sees the lot, not the plant's batch record.
  const batchOf = new Map(batches.filter((b) => viewer.overseer || b.organisationId === viewer.organisationId).map((b) => [b.lotEpc!, b]));
  const batchLots = new Set(batches.map((b) => b.lotEpc!));
  const strainOf = new Map(strains.map((s) => [s.accession!, s]));

  const roles = new Map<string, RolesSeen>(epcs.map((e) => [e, { producedByTransformation: false, consumedByTransformation: false, parentOfAggregation: false }]));
  const eventsOf = new Map<string, string[]>(epcs.map((e) => [e, []]));
  const lastSeen = new Map<string, EventRow>();
  const nodeSet = new Set(epcs);
  for (const r of rows) {
    for (const n of r.named) {
      if (!nodeSet.has(n.epc)) continue;
      const seen = roles.get(n.epc)!;
      if (r.eventType === 'TransformationEvent' && n.role.startsWith('output')) seen.producedByTransformation = true;
      if (r.eventType === 'TransformationEvent' && n.role.startsWith('input')) seen.consumedByTransformation = true;
      if (r.eventType === 'AggregationEvent' && n.role === 'parent') seen.parentOfAggregation = true;
      const list = eventsOf.get(n.epc)!;
      if (list[list.length - 1] !== r.eventId) list.push(r.eventId);
      lastSeen.set(n.epc, r); // rows come in time order: the last one wins
    }
  }

  const nodes: TraceNode[] = epcs.map((epc) => {
    const info = epcInfo(epc);
    const at = lastSeen.get(epc);
    const batch = batchOf.get(epc);
    const strain = info.accession ? strainOf.get(info.accession) : undefined;
    const f = at ? factoryAt(at.organisationId, at.readPoint, at.bizLocation) : null;
    return {
      id: epc, epc, kind: nodeKind(epc, roles.get(epc)!, batchLots.has(epc)), label: batch ? `${info.label}（${batch.code}）` : info.label,
      depth: w.depthOf.get(epc)!,
      organisation: at ? { id: at.organisationId, nameZh: orgName.get(at.organisationId) ?? '' } : null,
      factory: f ? { id: f.id, code: f.code, nameZh: f.nameZh } : null,
      link: batch ? { kind: 'batch', id: batch.id, code: batch.code } : strain ? { kind: 'strain', id: strain.id, code: strain.accession! } : null,
      eventIds: eventsOf.get(epc)!,
    };
  });
  const edges: TraceEdge[] = w.edges.map((e) => ({ from: e.from, to: e.to, eventId: e.eventId, eventType: e.eventType, bizStep: e.bizStep, time: iso(e.eventTime), quantity: e.quantity, uom: e.uom }));

  const shipments: Shipment[] = [];
  if (direction === 'forward') {
    // The start's own receipt before it was ever shipped is where it came from, not where it went.
    const firstShipped = rows.find((r) => r.bizStep && OUTBOUND_STEPS.includes(r.bizStep) && r.named.some((n) => n.epc === start));
    for (const r of rows) {
      if (!(r.bizStep && SHIPMENT_STEPS.includes(r.bizStep)) && r.eventType !== 'TransactionEvent') continue;
      const inbound = !!r.bizStep && !OUTBOUND_STEPS.includes(r.bizStep);
      if (inbound && r.named.every((n) => n.epc === start || !nodeSet.has(n.epc)) && (!firstShipped || new Date(firstShipped.eventTime) > new Date(r.eventTime))) continue;
      const id = `event:${r.eventId}`;
      const sources = parties(r.sources, 'source');
      const destinations = parties(r.destinations, 'destination');
      const carried = r.named.filter((n) => nodeSet.has(n.epc));
      const to = destinations.find((d) => d.type === 'owning_party') ?? destinations.find((d) => d.type === 'possessing_party') ?? destinations[0];
      nodes.push({
        id, epc: null, kind: 'shipment', label: `${r.bizStep === 'receiving' ? '收货' : '发运'} ${to ? to.id.split(':').pop() : r.bizLocation?.split(':').pop() ?? ''}`.trim(),
        depth: Math.max(...carried.map((n) => w.depthOf.get(n.epc)!)) + 1,
        organisation: { id: r.organisationId, nameZh: orgName.get(r.organisationId) ?? '' },
        factory: (() => { const f = factoryAt(r.organisationId, r.readPoint, r.bizLocation); return f ? { id: f.id, code: f.code, nameZh: f.nameZh } : null; })(),
        link: null, eventIds: [r.eventId],
      });
      for (const n of carried) {
        edges.push({ from: n.epc, to: id, eventId: r.eventId, eventType: r.eventType, bizStep: r.bizStep, time: iso(r.eventTime), quantity: n.quantity == null ? null : Number(n.quantity), uom: n.uom });
        shipments.push({
          eventId: r.eventId, eventType: r.eventType, bizStep: r.bizStep, time: iso(r.eventTime), epc: n.epc, label: epcInfo(n.epc).label,
          quantity: n.quantity == null ? null : Number(n.quantity), uom: n.uom, sources, destinations, bizLocation: r.bizLocation, readPoint: r.readPoint,
          organisationNameZh: orgName.get(r.organisationId) ?? null,
        });
      }
    }
  }

  const events: TraceEvent[] = rows.map((r) => ({
    eventId: r.eventId, eventType: r.eventType, action: r.action, bizStep: r.bizStep, disposition: r.disposition, time: iso(r.eventTime),
    readPoint: r.readPoint, bizLocation: r.bizLocation, organisationId: r.organisationId, organisationNameZh: orgName.get(r.organisationId) ?? null,
    epcs: r.named.map((n) => n.epc),
  }));
  return { start, direction, maxDepth, truncated: w.truncated || rows.length >= EVENT_CAP, depthLimited: w.depthLimited, nodes, edges, events, shipments };
}
