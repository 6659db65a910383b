import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { PUBLIC_STATUSES } from '../ip/model/labels.js';

type Q = Kysely<DB> | Transaction<DB>;

export interface ZeroToOne { ip: number; outputs: number; total: number }

/**
 * Results "from 0 to 1" per platform: rights in force (granted, published, registered) linked to
 * the platform, plus challenge outputs recorded against it. An output that is itself one of the
 * platform's linked rights counts once, under the rights.
 */
export async function zeroToOneByPlatform(q: Q, platformIds?: string[]): Promise<Map<string, ZeroToOne>> {
  if (platformIds && !platformIds.length) return new Map();
  const only = (column: string) => (platformIds ? sql`and ${sql.ref(column)} = any(${sql.val(platformIds)}::uuid[])` : sql``);
  const r = await sql<{ platformId: string; ip: number; outputs: number }>`
    with rights as (
      select distinct l.target_id as platform_id, r.id as right_id
      from ip_link l join ip_right r on r.id = l.ip_right_id
      where l.target_kind = 'platform' and r.status = any(${sql.val(PUBLIC_STATUSES)}::text[]) ${only('l.target_id')}
    ), ip as (
      select platform_id, count(*)::int as n from rights group by platform_id
    ), outputs as (
      select o.platform_id, count(*)::int as n
      from challenge_output o
      where o.platform_id is not null ${only('o.platform_id')}
        and not exists (select 1 from rights x where x.platform_id = o.platform_id and x.right_id = o.ip_right_id)
      group by o.platform_id
    )
    select coalesce(ip.platform_id, outputs.platform_id) as platform_id, coalesce(ip.n, 0) as ip, coalesce(outputs.n, 0) as outputs
    from ip full join outputs on outputs.platform_id = ip.platform_id`.execute(q);
  return new Map(r.rows.map((x) => [x.platformId, { ip: x.ip, outputs: x.outputs, total: x.ip + x.outputs }]));
}

export const zeroOf = (m: Map<string, ZeroToOne>, id: string): ZeroToOne => m.get(id) ?? { ip: 0, outputs: 0, total: 0 };
