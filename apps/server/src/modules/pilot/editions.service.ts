import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { DB, PilotListEditionTable } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { todayIn } from '../../platform/dates.js';
import { diffEditions } from '../supervision/model/diff.js';
import type { PilotDeps } from './index.js';
import { LIST_CODES, LISTS } from './model/labels.js';
import { atlasSnapshot, countsByDomain, editionTitle, itemSnapshot, type ItemKind, type ListCode } from './model/lists.js';
import { pilotViewerOf, requirePilotTaskForce } from './viewer.js';

type Q = Kysely<DB> | Transaction<DB>;
type Edition = Selectable<PilotListEditionTable>;

const editionQuery = (q: Q) => q.selectFrom('pilotListEdition').selectAll();
const notFoundEdition = () => notFound('清单版本不存在', 'Edition not found');
const KIND_OF: Record<Exclude<ListCode, 'atlas'>, ItemKind> = { demands: 'demand', achievements: 'achievement' };
const CHUNK = 200;

/**
 * Editions of 《中试图谱》, 《生产需求清单》 and 《成果供给清单》. The task force opens a draft (one per
 * list), which takes what is on the list now — every pilot base with its platforms and
 * capabilities, or the published, unexpired demands or achievements — as public snapshots; it
 * refreshes the draft as the list changes and publishes it, numbered 1, 2, … per list and
 * frozen from then on. Anyone reads published editions, their differences and their Word document.
 */
export function editionsService(database: Database, deps: PilotDeps) {
  const { db } = database;
  const today = () => todayIn(deps.now());

  async function visible(ctx: Ctx, id: string) {
    const v = await pilotViewerOf(db, ctx);
    const e = await editionQuery(db).where('id', '=', id).executeTakeFirst();
    if (!e || (e.state !== 'published' && !v.taskForce)) throw notFoundEdition();
    return { v, e };
  }

  async function draft(trx: Transaction<DB>, id: string) {
    const e = await editionQuery(trx).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!e) throw notFoundEdition();
    if (e.state !== 'draft') throw conflict('已发布的版本不能再修改', 'A published edition is frozen');
    return e;
  }

  const itemsOf = async (editionId: string, q: Q = db) =>
    (await q.selectFrom('pilotListEditionItem').select(['itemId', 'position', 'snapshot']).where('editionId', '=', editionId).orderBy('position').execute())
      .map((i) => ({ itemId: i.itemId, position: i.position, ...(i.snapshot as Record<string, unknown>) }));

  /** What the list holds today, as the public snapshots an edition keeps, in print order. */
  async function current(trx: Transaction<DB>, list: ListCode): Promise<{ itemId: string; snapshot: Record<string, unknown> }[]> {
    const t = today();
    if (list === 'atlas') {
      const bases = await trx.selectFrom('pilotBase as b').leftJoin('district as d', 'd.code', 'b.districtCode')
        .select(['b.id', 'b.code', 'b.nameZh', 'b.nameEn', 'b.operatorZh', 'b.districtCode', 'd.nameZh as districtNameZh', 'b.addressZh', 'b.tier', 'b.recognisedOn', 'b.recognisedByZh',
          'b.domains', 'b.allianceMember', 'b.lng', 'b.lat', 'b.summaryZh', 'b.contactZh'])
        .orderBy(sql`case b.tier when 'national' then 0 when 'key' then 1 else 2 end`).orderBy('b.districtCode').orderBy('b.code').execute();
      if (!bases.length) return [];
      const platforms = await trx.selectFrom('pilotPlatform').select(['id', 'baseId', 'code', 'nameZh', 'summaryZh']).where('baseId', 'in', bases.map((b) => b.id)).orderBy('code').execute();
      const capabilities = platforms.length
        ? await trx.selectFrom('pilotCapability').select(['platformId', 'nameZh', 'processes', 'organisms', 'volumeMinL', 'volumeMaxL', 'qualityGrade', 'biosafetyLevel', 'descriptionZh'])
          .where('platformId', 'in', platforms.map((p) => p.id)).orderBy('nameZh').orderBy('id').execute()
        : [];
      return bases.map((b) => ({ itemId: b.id, snapshot: atlasSnapshot(b, platforms, capabilities) }));
    }
    const kind = KIND_OF[list];
    const table = (kind === 'demand' ? 'pilotDemand' : 'pilotAchievement') as 'pilotDemand';
    const rows = await trx.selectFrom(`${table} as i`).innerJoin('organisation as o', 'o.id', 'i.organisationId').leftJoin('district as d', 'd.code', 'i.districtCode')
      .selectAll('i').select(['o.nameZh as organisationNameZh', 'd.nameZh as districtNameZh'])
      .where('i.state', '=', 'published').where(sql<boolean>`i.expires_on >= ${t}::date${kind === 'demand' ? sql` and i.deadline >= ${t}::date` : sql``}`)
      .orderBy('i.code').execute();
    return rows.map((r) => ({ itemId: r.id, snapshot: itemSnapshot(kind, r as unknown as Record<string, unknown>) }));
  }

  /** Replaces a draft's items with the list as it is now. */
  async function fill(trx: Transaction<DB>, editionId: string, list: ListCode) {
    const items = await current(trx, list);
    await trx.deleteFrom('pilotListEditionItem').where('editionId', '=', editionId).execute();
    for (let i = 0; i < items.length; i += CHUNK) {
      await trx.insertInto('pilotListEditionItem')
        .values(items.slice(i, i + CHUNK).map((x, j) => ({ editionId, itemId: x.itemId, position: i + j + 1, snapshot: JSON.stringify(x.snapshot) }))).execute();
    }
    return items.length;
  }

  const withCounts = async (e: Edition) => {
    const items = await itemsOf(e.id);
    return { ...e, listNameZh: LISTS[e.list as ListCode].zh, itemCount: items.length, countsByDomain: countsByDomain(e.list as ListCode, items), items };
  };

  function checkList(list: string): ListCode {
    if (!(LIST_CODES as string[]).includes(list)) throw invalid([{ path: '/list', message: '清单应为 atlas（中试图谱）、demands（生产需求清单）或 achievements（成果供给清单）（not a list）' }]);
    return list as ListCode;
  }

  return {
    /** Published editions for everyone; the task force sees its drafts too. Newest first. */
    async list(ctx: Ctx, f: { list?: string; limit: number; offset: number }) {
      const v = await pilotViewerOf(db, ctx);
      let q = db.selectFrom('pilotListEdition as e').selectAll('e')
        .select((eb) => eb.selectFrom('pilotListEditionItem as x').select((x) => x.fn.countAll<number>().as('n')).whereRef('x.editionId', '=', 'e.id').as('itemCount'));
      if (f.list) q = q.where('e.list', '=', checkList(f.list));
      if (!v.taskForce) q = q.where('e.state', '=', 'published');
      const rows = await q.select(sql<number>`count(*) over ()`.as('total')).orderBy('e.list').orderBy('e.number', 'desc').limit(f.limit).offset(f.offset).execute();
      return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _t, ...e }) => ({ ...e, itemCount: Number(e.itemCount), listNameZh: LISTS[e.list as ListCode].zh })) };
    },

    async get(ctx: Ctx, id: string) {
      const { e } = await visible(ctx, id);
      return withCounts(e);
    },

    /** The task force opens the list's next edition as a draft holding what is on the list now. */
    async open(ctx: Ctx, input: { list: string }) {
      requirePilotTaskForce(await pilotViewerOf(db, ctx));
      const list = checkList(input.list);
      const existing = await db.selectFrom('pilotListEdition').select(['id', 'number']).where('list', '=', list).where('state', '=', 'draft').executeTakeFirst();
      if (existing) throw conflict(`${LISTS[list].zh}已有未发布的第 ${existing.number} 版草稿`, `The ${LISTS[list].en.toLowerCase()} already has a draft edition`, [{ path: '/list', message: `草稿 ${existing.id}（draft exists）` }]);
      const e = await db.transaction().execute(async (trx) => {
        // Numbers are taken one at a time per list; the one-draft index stops a second draft opened meanwhile.
        await sql`select pg_advisory_xact_lock(hashtext(${`pilot-edition-${list}`}))`.execute(trx);
        const last = await trx.selectFrom('pilotListEdition').select((eb) => eb.fn.max('number').as('n')).where('list', '=', list).executeTakeFirst();
        const number = Number(last?.n ?? 0) + 1;
        const created = await trx.insertInto('pilotListEdition').values({ list, number, titleZh: editionTitle(list, today().slice(0, 4), number), state: 'draft', createdAt: deps.now() })
          .returningAll().executeTakeFirstOrThrow();
        const count = await fill(trx, created.id, list);
        await audit(trx, ctx, { action: 'pilot.edition.open', entityType: 'pilotListEdition', entityId: created.id, summary: `起草${created.titleZh}，收录 ${count} 条（Opened a draft edition with ${count} items）`, after: { ...created, itemCount: count } });
        return created;
      });
      return withCounts(e);
    },

    /** Takes the list again into the draft: items published, expired, closed or changed since. */
    async refresh(ctx: Ctx, id: string) {
      requirePilotTaskForce(await pilotViewerOf(db, ctx));
      const e = await db.transaction().execute(async (trx) => {
        const d = await draft(trx, id);
        const before = (await trx.selectFrom('pilotListEditionItem').select((eb) => eb.fn.countAll<number>().as('n')).where('editionId', '=', id).executeTakeFirstOrThrow()).n;
        const count = await fill(trx, id, d.list as ListCode);
        await audit(trx, ctx, { action: 'pilot.edition.refresh', entityType: 'pilotListEdition', entityId: id, summary: `更新${d.titleZh}草稿：${Number(before)} → ${count} 条（Refreshed a draft edition）`, before: { itemCount: Number(before) }, after: { itemCount: count } });
        return d;
      });
      return withCounts(e);
    },

    /** Publishing freezes the draft as it stands; its title takes the year it is published in. */
    async publish(ctx: Ctx, id: string) {
      const v = await pilotViewerOf(db, ctx);
      requirePilotTaskForce(v);
      const e = await db.transaction().execute(async (trx) => {
        const d = await draft(trx, id);
        const count = (await trx.selectFrom('pilotListEditionItem').select((eb) => eb.fn.countAll<number>().as('n')).where('editionId', '=', id).executeTakeFirstOrThrow()).n;
        if (!Number(count)) throw conflict('草稿版本没有任何条目，不能发布；请先更新草稿', 'An edition with no items cannot be published; refresh the draft first');
        const after = await trx.updateTable('pilotListEdition')
          .set({ state: 'published', publishedAt: deps.now(), publishedBy: v.userId, titleZh: editionTitle(d.list as ListCode, today().slice(0, 4), d.number) })
          .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'pilot.edition.publish', entityType: 'pilotListEdition', entityId: id, summary: `发布${after.titleZh}（Published an edition with ${Number(count)} items）`, before: d, after });
        return after;
      });
      return withCounts(e);
    },

    /** A draft the task force does not want is dropped; published editions stay for good. */
    async discard(ctx: Ctx, id: string) {
      requirePilotTaskForce(await pilotViewerOf(db, ctx));
      return db.transaction().execute(async (trx) => {
        const d = await draft(trx, id);
        await trx.deleteFrom('pilotListEdition').where('id', '=', id).execute();
        await audit(trx, ctx, { action: 'pilot.edition.discard', entityType: 'pilotListEdition', entityId: id, summary: `删除${d.titleZh}草稿（Discarded a draft edition）`, before: d });
        return { discarded: true };
      });
    },

    /**
     * What changed between two editions of a list: items added, removed and changed field by
     * field. Without `from`, against the list's published edition before this one.
     */
    async diff(ctx: Ctx, id: string, from?: string) {
      const { e } = await visible(ctx, id);
      let base: Edition | undefined;
      if (from) {
        base = (await visible(ctx, from)).e;
        if (base.list !== e.list) throw invalid([{ path: '/querystring/from', message: '只能比较同一清单的两个版本（compare two editions of one list）' }]);
      } else {
        base = await editionQuery(db).where('list', '=', e.list).where('state', '=', 'published').where('number', '<', e.number).orderBy('number', 'desc').limit(1).executeTakeFirst();
      }
      const key = ({ itemId, position: _p, ...s }: { itemId: string; position: number }) => ({ itemKey: itemId, ...s }) as { itemKey: string } & Record<string, unknown>;
      const [a, b] = await Promise.all([base ? itemsOf(base.id) : [], itemsOf(e.id)]);
      const before = a.map(key);
      const after = b.map(key);
      const fields = [...new Set([...before, ...after].flatMap((x) => Object.keys(x)))].filter((k) => k !== 'itemKey' && k !== 'id');
      const d = diffEditions(before, after, fields);
      return {
        list: e.list, from: base ? { id: base.id, number: base.number, titleZh: base.titleZh } : null, to: { id: e.id, number: e.number, titleZh: e.titleZh },
        added: d.added, removed: d.removed, changed: d.changed, unchanged: d.unchanged,
      };
    },

    /** The edition as a Word document (a draft for the task force only). */
    async document(ctx: Ctx, id: string) {
      const { e } = await visible(ctx, id);
      const items = await itemsOf(e.id);
      // The Word writer loads on first use, not at start-up.
      const { editionDocx } = await import('./editions.word.js');
      return editionDocx({ list: e.list as ListCode, number: e.number, titleZh: e.titleZh, state: e.state, publishedOn: e.publishedAt ? todayIn(e.publishedAt) : null }, items, today());
    },
  };
}

export type EditionsService = ReturnType<typeof editionsService>;
