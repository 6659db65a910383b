import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { eventVisibleSql, type FactoryViewer } from './viewer.js';

/**
 * The trace engine: a walk over `epcis_event_epc` through the events the viewer may see (not
 * error declarations), each step finding the EPCs one link further:
 *
 * - backward: a TransformationEvent's inputs from its outputs (also across events sharing a
 *   transformationID); a container's contents from an aggregation, association or transaction
 *   naming it as parent (action ADD or OBSERVE: a DELETE takes things out);
 * - forward: a TransformationEvent's outputs from its inputs; the container from its contents.
 *
 * One recursive SQL statement does the whole walk. A frontier walk (one statement per level, a
 * visited set in Node) was measured against it on 52,000 events: 85–180 ms against 18–33 ms on
 * PGlite, the planning of eleven statements costing more than the work; the recursive walk won.
 * Edges are returned in the direction material flows (input → output, content → container),
 * whichever way the walk went.
 */

export type Direction = 'backward' | 'forward';

/** How deep a walk goes when the caller names no depth. */
export const SAFE_DEPTH = 50;

export interface WalkEdge {
  from: string;
  to: string;
  seq: string;
  /** The other event of a transformation split over two events by transformationID. */
  alsoSeq: string | null;
  eventId: string;
  eventType: string;
  bizStep: string | null;
  eventTime: Date;
  quantity: number | null;
  uom: string | null;
}

export interface Walk {
  depthOf: Map<string, number>;
  edges: WalkEdge[];
  /** Stopped at the row cap: the walk is incomplete. */
  truncated: boolean;
  /** Reached the depth limit: links beyond it are not walked. */
  depthLimited: boolean;
}

const TRANSFORM_IN = ['input', 'inputQuantity'];
const TRANSFORM_OUT = ['output', 'outputQuantity'];
/** Contents of a container: an aggregation's or association's children, a transaction's EPCs. */
const CONTENTS = ['child', 'childQuantity', 'epc', 'quantity'];
const CONTAINERS = ['AggregationEvent', 'AssociationEvent', 'TransactionEvent'];

interface StepRow {
  at: string;
  other: string;
  seq: string;
  alsoSeq: string | null;
  eventId: string;
  eventType: string;
  bizStep: string | null;
  eventTime: Date | string;
  quantity: number | null;
  uom: string | null;
}

const arr = (xs: readonly string[]) => sql`${sql.val(xs)}::text[]`;

/**
 * The edges one step from the EPCs `at` names (an array parameter, or a column of the recursive
 * walk), as rows (at, other, seq, alsoSeq, event columns).
 */
function stepSql(viewer: FactoryViewer, at: RawBuilder<unknown>, direction: Direction) {
  const [from, to] = direction === 'backward' ? [TRANSFORM_OUT, TRANSFORM_IN] : [TRANSFORM_IN, TRANSFORM_OUT];
  // backward: the frontier is the parent and we take the contents; forward the other way round.
  const [containerSide, otherSide] = direction === 'backward' ? [['parent'], CONTENTS] : [CONTENTS, ['parent']];
  const cols = sql`e.event_id as "eventId", e.event_type as "eventType", e.biz_step as "bizStep", e.event_time as "eventTime", b.quantity, b.uom`;
  return sql<StepRow>`
    select a.epc as at, b.epc as other, e.seq::text as seq, null::text as "alsoSeq", ${cols}
    from epcis_event_epc a
    join epcis_event e on e.seq = a.event_seq
    join epcis_event_epc b on b.event_seq = a.event_seq
    where a.epc = ${at} and a.role = any(${arr([...from, ...containerSide])})
      and e.error_reason is null and ${eventVisibleSql(viewer, 'e')}
      and (
        (e.event_type = 'TransformationEvent' and a.role = any(${arr(from)}) and b.role = any(${arr(to)}))
        or (e.event_type = any(${arr(CONTAINERS)}) and coalesce(e.action, 'ADD') <> 'DELETE'
            and a.role = any(${arr(containerSide)}) and b.role = any(${arr(otherSide)}))
      )
    union all
    select a.epc, b.epc, t.seq::text, e.seq::text, t.event_id, t.event_type, t.biz_step, t.event_time, b.quantity, b.uom
    from epcis_event_epc a
    join epcis_event e on e.seq = a.event_seq
    join epcis_event t on (t.document->>'transformationID') = (e.document->>'transformationID') and t.seq <> e.seq
    join epcis_event_epc b on b.event_seq = t.seq and b.role = any(${arr(to)})
    where a.epc = ${at} and a.role = any(${arr(from)})
      and e.event_type = 'TransformationEvent' and (e.document->>'transformationID') is not null
      and t.event_type = 'TransformationEvent' and e.error_reason is null and t.error_reason is null
      and ${eventVisibleSql(viewer, 'e')} and ${eventVisibleSql(viewer, 't')}`;
}

/** Rows a recursive walk may produce before it is cut (a cycle repeats its rows at each depth up to the limit). */
const ROW_CAP = 20_000;

/**
 * The whole walk in one recursive statement. Its rows are (EPC, depth, edge); UNION keeps each
 * distinct row once, so an EPC reached by several edges at one depth is expanded once per edge
 * but yields each child row once, and a cycle repeats only until the depth limit. An EPC's depth
 * is the least it was reached at. The start EPC takes the EPC column's collation ("C", 0021), as
 * a recursive query's columns must have one collation in both of its terms.
 */
/** The walk's statement. */
const walkQuery = (viewer: FactoryViewer, start: string, direction: Direction, maxDepth: number) => sql<StepRow & { depth: number }>`
    with recursive w(epc, depth, at, seq, "alsoSeq", "eventId", "eventType", "bizStep", "eventTime", quantity, uom) as (
      select ${start}::text collate "C", 0, null::text collate "C", null::text, null::text, null::text, null::text, null::text, null::timestamptz, null::float8, null::text
      union
      select s.other, w.depth + 1, s.at, s.seq, s."alsoSeq", s."eventId", s."eventType", s."bizStep", s."eventTime", s.quantity, s.uom
      from w cross join lateral (${stepSql(viewer, sql.ref('w.epc'), direction)}) s
      where w.depth < ${maxDepth}
    )
    select epc as other, depth, at, seq, "alsoSeq", "eventId", "eventType", "bizStep", "eventTime", quantity, uom from w where depth > 0
    limit ${ROW_CAP}`;

export async function walk(db: Kysely<DB>, viewer: FactoryViewer, start: string, direction: Direction, maxDepth = SAFE_DEPTH): Promise<Walk> {
  const { rows } = await walkQuery(viewer, start, direction, maxDepth).execute(db);
  const depthOf = new Map<string, number>([[start, 0]]);
  for (const r of rows) if (!depthOf.has(r.other) || depthOf.get(r.other)! > r.depth) depthOf.set(r.other, r.depth);
  const seen = new Set<string>();
  const edges: WalkEdge[] = [];
  for (const r of rows) {
    if (r.at === r.other) continue;
    const [from, to] = direction === 'backward' ? [r.other, r.at] : [r.at, r.other];
    const key = `${from}\u0000${to}\u0000${r.seq}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ from, to, seq: r.seq, alsoSeq: r.alsoSeq, eventId: r.eventId, eventType: r.eventType, bizStep: r.bizStep, eventTime: new Date(r.eventTime), quantity: r.quantity == null ? null : Number(r.quantity), uom: r.uom });
  }
  return { depthOf, edges, truncated: rows.length >= ROW_CAP, depthLimited: rows.some((r) => r.depth === maxDepth) };
}
