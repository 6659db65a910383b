import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { tokensOf } from '../../platform/search/segmenter.js';

type Q = Kysely<DB> | Transaction<DB>;

/** The public columns of an enterprise: what a visitor may read. */
export const PUBLIC_COLUMNS = [
  'e.id', 'e.creditCode', 'e.nameZh', 'e.nameEn', 'e.formerNames', 'e.districtCode', 'e.parkId', 'e.domains', 'e.products',
  'e.origin', 'e.landedOn', 'e.summaryZh', 'e.website', 'e.isDemo', 'e.updatedAt',
] as const;

export const enterpriseStore = {
  /** Search tokens from the record's words and its chain nodes' names. */
  tokensFor(e: { nameZh: string; formerNames: string[]; products: string[] }, nodeNames: string[]) {
    return { tokens: tokensOf(e.nameZh, ...e.formerNames, ...e.products, ...nodeNames), nameTokens: tokensOf(e.nameZh, ...e.formerNames) };
  },

  async nodeNames(q: Q, enterpriseId: string) {
    return (await q.selectFrom('enterpriseChainNode as ecn').innerJoin('chainNode as n', 'n.id', 'ecn.nodeId').select('n.nameZh').where('ecn.enterpriseId', '=', enterpriseId).execute()).map((r) => r.nameZh);
  },

  async refreshTokens(q: Q, id: string) {
    const e = await q.selectFrom('enterprise').select(['nameZh', 'formerNames', 'products']).where('id', '=', id).executeTakeFirstOrThrow();
    await q.updateTable('enterprise').set(enterpriseStore.tokensFor(e, await enterpriseStore.nodeNames(q, id))).where('id', '=', id).execute();
  },

  districts: async (q: Q) => new Set((await q.selectFrom('district').select('code').execute()).map((d) => d.code)),

  designations: (q: Q, ids: string[]) => ids.length
    ? q.selectFrom('enterpriseDesignation').selectAll().where('enterpriseId', 'in', ids).orderBy('year').execute()
    : Promise.resolve([]),

  nodes: (q: Q, ids: string[]) => ids.length
    ? q.selectFrom('enterpriseChainNode as ecn').innerJoin('chainNode as n', 'n.id', 'ecn.nodeId')
      .select(['ecn.enterpriseId', 'n.id', 'n.code', 'n.nameZh', 'n.nameEn', 'n.chainCode', 'n.stage']).where('ecn.enterpriseId', 'in', ids).execute()
    : Promise.resolve([]),

  /** The latest verified figure of each enterprise, for tiers. */
  latestVerified: (q: Q, ids: string[]) => ids.length
    ? q.selectFrom('enterpriseFigure').distinctOn('enterpriseId').select(['enterpriseId', 'year', 'revenueWan', 'outputValueWan'])
      .where('enterpriseId', 'in', ids).where('state', '=', 'verified').orderBy('enterpriseId').orderBy('year', 'desc').execute()
    : Promise.resolve([]),

  /** Matches every token (search mode tokens are in the record when the words are). */
  tokensMatch: (tokens: string[]) => sql<boolean>`e.tokens @> ${sql.val(tokens)}::text[]`,
  nameMatch: (tokens: string[]) => sql<boolean>`e.name_tokens @> ${sql.val(tokens)}::text[]`,
};
