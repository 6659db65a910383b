import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { hasRole } from '../../platform/access/model.js';

/**
 * Who is asking, as the strain bank sees it. Curators (and the task force) run the bank and see
 * every record; an appointed biosafety officer signs in as a curator and the services check the
 * appointment; overseers read the supervision side. Everyone else sees a restricted strain's
 * public summary unless their organisation deposited it or received it by a sharing request.
 */
export interface StrainViewer {
  userId: string | null;
  organisationId: string | null;
  /** admin, taskforce, curator */
  curator: boolean;
  /** an appointed biosafety officer (who also holds the curator role) */
  officer: boolean;
  /** admin, taskforce, unit, district, curator */
  overseer: boolean;
}

export const ANONYMOUS_VIEWER: StrainViewer = { userId: null, organisationId: null, curator: false, officer: false, overseer: false };

export async function strainViewerOf(db: Kysely<DB>, ctx: Ctx): Promise<StrainViewer> {
  const p = ctx.principal;
  if (!p) return ANONYMOUS_VIEWER;
  const curator = hasRole(p, 'admin', 'taskforce', 'curator');
  // The appointment counts only for someone who still holds the curator role.
  const officer = hasRole(p, 'curator')
    && !!(await db.selectFrom('biosafetyOfficer').select('userId').where('userId', '=', p.userId).executeTakeFirst());
  return {
    userId: p.userId, organisationId: p.organisationId, curator, officer,
    overseer: hasRole(p, 'admin', 'taskforce', 'unit', 'district', 'curator'),
  };
}

/** A sharing request in these states has put the strain in the requester's hands. */
export const SHARED_STATES = ['shipped', 'received'] as const;

/**
 * Ids among `strainIds` the viewer sees in full: every unrestricted one; restricted ones for
 * curators and officers, the depositor's organisation, and organisations that received the
 * strain by a shipped/received sharing request. Set-wise (one query), for lists and identify.
 *
 * A strain not yet accessioned (being deposited, or rejected or withdrawn before accession) is
 * not public at all: only the curators and its depositor's organisation see it, so it is never
 * in this set for anyone else.
 */
export async function strainsSeenInFull(db: Kysely<DB>, v: StrainViewer, strainIds: string[]): Promise<Set<string>> {
  const ids = [...new Set(strainIds)].filter(isUuid);
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('strain').select(['id', 'restricted', 'accession', 'depositorOrganisationId']).where('id', 'in', ids).execute();
  if (v.curator || v.officer) return new Set(rows.map((r) => r.id));
  const seen = new Set<string>();
  const pending: string[] = [];
  for (const r of rows) {
    if (v.organisationId && r.depositorOrganisationId === v.organisationId) seen.add(r.id);
    else if (r.accession === null) continue;
    else if (!r.restricted) seen.add(r.id);
    else if (v.organisationId) pending.push(r.id);
  }
  if (pending.length > 0 && v.organisationId) {
    for (const id of await receivedBy(db, v.organisationId, pending)) seen.add(id);
  }
  return seen;
}

export async function seesStrainInFull(db: Kysely<DB>, v: StrainViewer, strainId: string): Promise<boolean> {
  return (await strainsSeenInFull(db, v, [strainId])).has(strainId);
}

/**
 * Whether the viewer may know the strain exists at all: accessioned (or withdrawn after
 * accession: its number stays public) for everyone; otherwise curators and the depositor only.
 */
export function seesStrainAtAll(v: StrainViewer, s: { accession: string | null; depositorOrganisationId: string | null }) {
  return s.accession !== null || v.curator || v.officer || (!!v.organisationId && s.depositorOrganisationId === v.organisationId);
}

/** Strains among `strainIds` that the organisation received by a shipped or received sharing request. */
async function receivedBy(db: Kysely<DB>, organisationId: string, strainIds: string[]): Promise<string[]> {
  // The stock part owns sharing_request; read it raw so this file does not depend on its types,
  // and only once it exists (its migration may come after this one).
  const exists = await sql<{ t: string | null }>`select to_regclass('sharing_request')::text as t`.execute(db);
  if (!exists.rows[0]?.t) return [];
  const rows = await sql<{ strainId: string }>`
    select distinct strain_id as "strainId" from sharing_request
    where requester_organisation_id = ${organisationId}
      and status in (${sql.join(SHARED_STATES.map((s) => sql`${s}`))})
      and strain_id in (${sql.join(strainIds.map((id) => sql`${id}::uuid`))})`.execute(db);
  return rows.rows.map((r) => r.strainId);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);
