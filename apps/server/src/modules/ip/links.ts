import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { LinkKind } from './model/labels.js';

type Q = Kysely<DB> | Transaction<DB>;

/**
 * What a link points at, by kind: its table, the code and name a reader sees, whether a visitor
 * may see that name (a draft achievement or challenge is not public), and the organisation it
 * belongs to (whose users may link their rights to it).
 */
const TARGETS: Record<LinkKind, { sql: ReturnType<typeof sql> }> = {
  organisation: { sql: sql`select id, null::text as code, name_zh, true as public, id as owner_id from organisation` },
  enterprise: { sql: sql`select id, credit_code as code, name_zh, true as public, organisation_id as owner_id from enterprise` },
  achievement: { sql: sql`select id, code, title_zh as name_zh, state in ('published', 'expired') as public, organisation_id as owner_id from pilot_achievement` },
  platform: { sql: sql`select p.id, p.code, p.name_zh, true as public, null::uuid as owner_id from innovation_platform p` },
  challenge: { sql: sql`select id, code, title_zh as name_zh, status <> 'draft' as public, null::uuid as owner_id from challenge` },
  award: { sql: sql`select a.id, a.code, c.title_zh as name_zh, true as public, null::uuid as owner_id from award a join challenge c on c.id = a.challenge_id` },
};

export interface LinkTarget { id: string; code: string | null; nameZh: string; public: boolean; ownerId: string | null }

export async function linkTarget(q: Q, kind: LinkKind, id: string): Promise<LinkTarget | undefined> {
  const r = await sql<LinkTarget>`select * from (${TARGETS[kind].sql}) t where t.id = ${id}`.execute(q);
  return r.rows[0];
}

/** May the caller's organisation link a right to this target: it is its own, or a platform it hosts. */
export async function ownsTarget(q: Q, kind: LinkKind, t: LinkTarget, organisationId: string): Promise<boolean> {
  if (kind === 'platform')
    return !!(await q.selectFrom('innovationPlatformHost').select('platformId').where('platformId', '=', t.id).where('organisationId', '=', organisationId).executeTakeFirst());
  return t.ownerId === organisationId;
}

/** A right's links with what each points at; names a visitor may not see are left out for visitors. */
export async function linksOf(q: Q, rightId: string, keeper: boolean) {
  const links = await q.selectFrom('ipLink').selectAll().where('ipRightId', '=', rightId).orderBy('createdAt').execute();
  return Promise.all(links.map(async (l) => {
    const t = await linkTarget(q, l.targetKind, l.targetId);
    const shown = !!t && (t.public || keeper);
    return { targetKind: l.targetKind, targetId: l.targetId, code: shown ? t!.code : null, nameZh: shown ? t!.nameZh : null, createdAt: l.createdAt };
  }));
}
