import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Ctx } from '../../platform/context/ctx.js';
import { hasRole } from '../../platform/access/model.js';

/**
 * Who is asking, as the factory module sees it. Overseers (admin, task force, responsible units,
 * districts) see every factory's events and batches; everyone else sees their own organisation's,
 * and of other organisations' events only those that name one of their EPCs (a trading partner's
 * receiving or shipping event about their lots).
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
 * event when it names an EPC of the organisation's own: one under a GS1 company prefix of the
 * organisation's registered factories (their SGLNs; a prefix belongs to one organisation, see
 * factories.service.ts). Ownership comes from the prefix, never from having captured an event
 * about an EPC — otherwise anyone could capture one event naming a competitor's lot and read the
 * competitor's events about it. Everything that reads events (query, trace, reports) filters with this.
 */
export function eventVisibleSql(v: FactoryViewer, alias = 'e'): RawBuilder<SqlBool> {
  if (v.overseer) return sql<SqlBool>`true`;
  if (!v.organisationId) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.ref(`${alias}.organisation_id`)} = ${v.organisationId} or exists (
    select 1 from epcis_event_epc theirs
    where theirs.event_seq = ${sql.ref(`${alias}.seq`)}
      and ${EPC_COMPANY_PREFIX_SQL('theirs.epc')} in (
        select ${EPC_COMPANY_PREFIX_SQL('f.sgln')} from factory f where f.organisation_id = ${v.organisationId} and f.sgln is not null)))`;
}

/** An EPC URN's GS1 company prefix in SQL: the twin of companyPrefixOf in @cq-biomfg/epcis. */
export const EPC_COMPANY_PREFIX_SQL = (column: string) => sql`substring(${sql.ref(column)} from '^urn:epc:(?:id|class):[a-z0-9]+:(?:[0-9]+-)?([0-9]{6,12})[.]')`;
