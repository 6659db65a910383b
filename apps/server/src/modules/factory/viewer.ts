import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Ctx } from '../../platform/context/ctx.js';
import { hasRole } from '../../platform/access/model.js';

/**
 * Who is asking, as the factory module sees it. Overseers (admin, task force, responsible units,
 * districts) see every factory's events and batches; everyone else sees their own organisation's,
 * and of other organisations' events only those that name one of their EPCs (a trading partner's
 * receiving or shipping event about the same lots).
 */
export interface FactoryViewer {
  userId: string | null;
  organisationId: string | null;
  overseer: boolean;
}

export function factoryViewerOf(ctx: Ctx): FactoryViewer {
  const p = ctx.principal;
  if (!p) return { userId: null, organisationId: null, overseer: false };
  return { userId: p.userId, organisationId: p.organisationId, overseer: hasRole(p, 'admin', 'taskforce', 'unit', 'district') };
}

/**
 * The one rule of which events a viewer sees, as a condition on `epcis_event` under `alias`:
 * every event for overseers; otherwise the organisation's own events, and another organisation's
 * event when it names an EPC that one of the organisation's own events names. Everything that
 * reads events (query, trace, reports) filters with this.
 */
export function eventVisibleSql(v: FactoryViewer, alias = 'e'): RawBuilder<SqlBool> {
  if (v.overseer) return sql<SqlBool>`true`;
  if (!v.organisationId) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.ref(`${alias}.organisation_id`)} = ${v.organisationId} or exists (
    select 1 from epcis_event_epc theirs
      join epcis_event_epc ours on ours.epc = theirs.epc
      join epcis_event own on own.seq = ours.event_seq and own.organisation_id = ${v.organisationId}
    where theirs.event_seq = ${sql.ref(`${alias}.seq`)}))`;
}
