import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/http/errors.js';
import { todayIn } from '../../platform/dates.js';
import { queryTokens, tokensOf } from '../../platform/search/segmenter.js';
import { diffEditions } from '../supervision/model/diff.js';
import type { ChallengeDeps } from './index.js';
import type { TechNeedEditionTable } from './schema.catalog.js';
import { NEED_STATUSES } from './model/labels.js';
import { countsOf, DIFF_FIELDS, editionTitle, NEED_FIELD_NAMES, needSnapshot, type NeedStatus } from './model/needs.js';
import { challengeViewerOf, type ChallengeViewer } from './viewer.js';

type Q = Kysely<DB> | Transaction<DB>;
type Edition = Selectable<TechNeedEditionTable>;
interface Snapshot { needId: string; origin: 'carried' | 'added'; [field: string]: unknown }
export interface EditionItemFilter { field?: string; domain?: string; q?: string; limit: number; offset: number }

const CHUNK = 200;
const LOCK = 'tech-need-edition';
const notFoundEdition = () => notFound('需求目录版次不存在', 'Edition not found');

/** Public words of a snapshot, for searching an edition as it was published. */
const snapshotTokens = (s: Record<string, unknown>) => tokensOf(
  s.titleZh as string, s.problemZh as string, s.currentLevelZh as string, s.expectedOutcomeZh as string, s.fieldOtherZh as string | null,
  ...((s.indicators as { nameZh?: string }[] | undefined) ?? []).map((i) => i?.nameZh), s.organisationNameZh as string,
);

/**
 * Editions of the catalog (需求目录版次). The task force opens one draft at a time; it starts from
 * the last published edition — its items carried over in their order, then needs accepted since
 * added, needs no longer accepted dropped, every kept need's public fields taken as they are now
 * — and publishing takes the catalog once more and freezes it, numbered within its year
 * (2026 年第 1 版). Anyone reads published editions, the difference between two, and each as a
 * Word document and a spreadsheet; organisers read the draft too.
 */
export function catalogEditionsService(database: Database, d: ChallengeDeps) {
  const { db } = database;
  const today = () => todayIn(d.now());

  async function visible(v: ChallengeViewer, id: string, q: Q = db) {
    const e = await q.selectFrom('techNeedEdition').selectAll().where('id', '=', id).executeTakeFirst();
    if (!e || (e.status !== 'published' && !v.organiser)) throw notFoundEdition();
    return e;
  }

  async function draftForUpdate(trx: Transaction<DB>, id: string) {
    const e = await trx.selectFrom('techNeedEdition').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!e) throw notFoundEdition();
    if (e.status !== 'draft') throw conflict('已发布的版次不能再修改', 'A published edition is frozen', [{ path: '/status', message: '已发布（published）' }]);
    return e;
  }

  const itemsOf = async (editionId: string, q: Q = db): Promise<Snapshot[]> =>
    (await q.selectFrom('techNeedEditionItem').select(['needId', 'origin', 'snapshot']).where('editionId', '=', editionId).orderBy('position').execute())
      .map((i) => ({ ...(i.snapshot as Record<string, unknown>), needId: i.needId, origin: i.origin }));

  /** The last published edition: where a new draft starts from. */
  const lastPublished = (q: Q) => q.selectFrom('techNeedEdition').selectAll().where('status', '=', 'published')
    .orderBy('publishedAt', 'desc').orderBy('year', 'desc').orderBy('number', 'desc').limit(1).executeTakeFirst();

  /**
   * The draft's items from its base edition and the catalog now: the base's needs still accepted,
   * in the base's order, then needs accepted since, by code; each with its public fields as now.
   */
  async function rolled(trx: Transaction<DB>, basedOnId: string | null) {
    const accepted = await trx.selectFrom('techNeed as n').innerJoin('organisation as o', 'o.id', 'n.organisationId')
      .selectAll('n').select('o.nameZh as organisationNameZh').where('n.status', '=', 'accepted').orderBy('n.code').execute();
    const byId = new Map(accepted.map((n) => [n.id, n as unknown as Record<string, unknown>]));
    const base = basedOnId ? await trx.selectFrom('techNeedEditionItem').select('needId').where('editionId', '=', basedOnId).orderBy('position').execute() : [];
    const carried = base.filter((b) => byId.has(b.needId)).map((b) => ({ needId: b.needId, origin: 'carried' as const }));
    const inBase = new Set(base.map((b) => b.needId));
    const added = accepted.filter((n) => !inBase.has(n.id)).map((n) => ({ needId: n.id, origin: 'added' as const }));
    return [...carried, ...added].map((x) => ({ ...x, snapshot: needSnapshot(byId.get(x.needId)!) }));
  }

  /** Replaces a draft's items with the catalog rolled from its base. */
  async function fill(trx: Transaction<DB>, e: Edition) {
    const items = await rolled(trx, e.basedOnId);
    await trx.deleteFrom('techNeedEditionItem').where('editionId', '=', e.id).execute();
    for (let i = 0; i < items.length; i += CHUNK) {
      await trx.insertInto('techNeedEditionItem').values(items.slice(i, i + CHUNK).map((x, j) => ({
        editionId: e.id, needId: x.needId, position: i + j + 1, origin: x.origin, snapshot: JSON.stringify(x.snapshot), tokens: snapshotTokens(x.snapshot),
      }))).execute();
    }
    return { total: items.length, carried: items.filter((x) => x.origin === 'carried').length, added: items.filter((x) => x.origin === 'added').length };
  }

  /** An edition with what it holds, counted by field, domain and origin. */
  async function described(e: Edition, q: Q = db) {
    const items = await itemsOf(e.id, q);
    const basedOn = e.basedOnId ? await q.selectFrom('techNeedEdition').select(['id', 'titleZh', 'year', 'number']).where('id', '=', e.basedOnId).executeTakeFirst() : null;
    return {
      ...e, basedOn: basedOn ?? null, itemCount: items.length, ...countsOf(items),
      carried: items.filter((i) => i.origin === 'carried').length, added: items.filter((i) => i.origin === 'added').length,
    };
  }

  async function filteredItems(editionId: string, f: Partial<EditionItemFilter>) {
    let q = db.selectFrom('techNeedEditionItem as i').select(['i.needId', 'i.origin', 'i.position', 'i.snapshot']).where('i.editionId', '=', editionId);
    if (f.field) q = q.where(sql<boolean>`i.snapshot->>'field' = ${f.field}`);
    if (f.domain) q = q.where(sql<boolean>`i.snapshot->>'domain' = ${f.domain}`);
    const tokens = f.q ? queryTokens(f.q) : [];
    if (tokens.length) q = q.where(sql<boolean>`i.tokens @> ${sql.val(tokens)}::text[]`);
    return q;
  }

  const itemOut = (i: { needId: string; origin: string; position: number; snapshot: unknown }) => ({ ...(i.snapshot as Record<string, unknown>), needId: i.needId, origin: i.origin, position: i.position });

  return {
    /** Published editions for everyone, newest first; organisers see the draft too. */
    async list(ctx: Ctx, f: { limit: number; offset: number }) {
      const v = await challengeViewerOf(db, ctx);
      let q = db.selectFrom('techNeedEdition as e').selectAll('e')
        .select((eb) => eb.selectFrom('techNeedEditionItem as x').select((x) => x.fn.countAll<number>().as('n')).whereRef('x.editionId', '=', 'e.id').as('itemCount'));
      if (!v.organiser) q = q.where('e.status', '=', 'published');
      const rows = await q.select(sql<number>`count(*) over ()`.as('total'))
        .orderBy(sql`e.published_at desc nulls first`).orderBy('e.createdAt', 'desc').limit(f.limit).offset(f.offset).execute();
      return { total: Number(rows[0]?.total ?? 0), items: rows.map(({ total: _t, ...e }) => ({ ...e, itemCount: Number(e.itemCount) })) };
    },

    async get(ctx: Ctx, id: string) {
      return described(await visible(await challengeViewerOf(db, ctx), id));
    },

    /** The edition's needs as it holds them, filtered by field, domain and Chinese search. */
    async items(ctx: Ctx, id: string, f: EditionItemFilter) {
      await visible(await challengeViewerOf(db, ctx), id);
      const found = await (await filteredItems(id, f)).select(sql<number>`count(*) over ()`.as('total')).orderBy('i.position').limit(f.limit).offset(f.offset).execute();
      return { total: Number(found[0]?.total ?? 0), items: found.map(itemOut) };
    },

    /** Every item of the edition as filtered, for the spreadsheet. */
    async allItems(ctx: Ctx, id: string, f: Omit<EditionItemFilter, 'limit' | 'offset'>) {
      const e = await visible(await challengeViewerOf(db, ctx), id);
      const found = await (await filteredItems(id, f)).orderBy('i.position').execute();
      return { edition: e, items: found.map(itemOut) };
    },

    /** The task force opens the next edition as a draft, rolled from the last published one. */
    async open(ctx: Ctx) {
      const v = await challengeViewerOf(db, ctx);
      requireTaskForce(v);
      const existing = await db.selectFrom('techNeedEdition').select('id').where('status', '=', 'draft').executeTakeFirst();
      if (existing) throw conflict('需求目录已有一个未发布的草稿版次', 'The catalog already has a draft edition', [{ path: '/status', message: `草稿 ${existing.id}（a draft exists）` }]);
      const e = await db.transaction().execute(async (trx) => {
        // One at a time: the one-draft index also stops a second draft opened meanwhile.
        await sql`select pg_advisory_xact_lock(hashtext(${LOCK}))`.execute(trx);
        if (await trx.selectFrom('techNeedEdition').select('id').where('status', '=', 'draft').executeTakeFirst()) {
          throw conflict('需求目录已有一个未发布的草稿版次', 'The catalog already has a draft edition', [{ path: '/status', message: '已有草稿（a draft exists）' }]);
        }
        const base = await lastPublished(trx);
        const created = await trx.insertInto('techNeedEdition').values({
          titleZh: editionTitle(null, null), status: 'draft', basedOnId: base?.id ?? null, createdBy: v.userId, createdAt: d.now(), updatedAt: d.now(),
        }).returningAll().executeTakeFirstOrThrow();
        const n = await fill(trx, created);
        await audit(trx, ctx, {
          action: 'challenges.needEdition.open', entityType: 'techNeedEdition', entityId: created.id,
          summary: `起草需求目录新版次：沿用 ${n.carried} 项，新增 ${n.added} 项（Opened a draft edition: ${n.carried} carried, ${n.added} added）`,
          after: { basedOnId: created.basedOnId, ...n },
        });
        return created;
      });
      return described(e);
    },

    /** Takes the catalog again into the draft: needs accepted, revised or withdrawn since. */
    async refresh(ctx: Ctx, id: string) {
      requireTaskForce(await challengeViewerOf(db, ctx));
      const e = await db.transaction().execute(async (trx) => {
        const draft = await draftForUpdate(trx, id);
        const before = await trx.selectFrom('techNeedEditionItem').select((eb) => eb.fn.countAll<number>().as('n')).where('editionId', '=', id).executeTakeFirstOrThrow();
        const n = await fill(trx, draft);
        await trx.updateTable('techNeedEdition').set({ updatedAt: d.now() }).where('id', '=', id).execute();
        await audit(trx, ctx, { action: 'challenges.needEdition.refresh', entityType: 'techNeedEdition', entityId: id, summary: `更新需求目录草稿：${Number(before.n)} → ${n.total} 项（Refreshed the draft edition）`, before: { itemCount: Number(before.n) }, after: n });
        return draft;
      });
      return described(e);
    },

    /** Publishing takes the catalog as it is at that moment, numbers the edition within its year and freezes it. */
    async publish(ctx: Ctx, id: string) {
      const v = await challengeViewerOf(db, ctx);
      requireTaskForce(v);
      const e = await db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext(${LOCK}))`.execute(trx);
        const draft = await draftForUpdate(trx, id);
        const n = await fill(trx, draft);
        if (!n.total) throw conflict('目录中没有已入库的需求，不能发布', 'No accepted need is in the catalog; there is nothing to publish', [{ path: '/items', message: '没有条目（no items）' }]);
        const year = Number(today().slice(0, 4));
        const last = await trx.selectFrom('techNeedEdition').select((eb) => eb.fn.max('number').as('n')).where('year', '=', year).executeTakeFirst();
        const number = Number(last?.n ?? 0) + 1;
        const after = await trx.updateTable('techNeedEdition').set({ status: 'published', year, number, titleZh: editionTitle(year, number), publishedAt: d.now(), publishedBy: v.userId, updatedAt: d.now() })
          .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'challenges.needEdition.publish', entityType: 'techNeedEdition', entityId: id, summary: `发布${after.titleZh}，收录 ${n.total} 项（Published an edition）`, before: { status: 'draft' }, after: { status: 'published', year, number, ...n } });
        return after;
      });
      return described(e);
    },

    /** A draft the task force does not want is dropped; published editions stay for good. */
    async discard(ctx: Ctx, id: string) {
      requireTaskForce(await challengeViewerOf(db, ctx));
      return db.transaction().execute(async (trx) => {
        const draft = await draftForUpdate(trx, id);
        await trx.deleteFrom('techNeedEdition').where('id', '=', id).execute();
        await audit(trx, ctx, { action: 'challenges.needEdition.discard', entityType: 'techNeedEdition', entityId: id, summary: '删除需求目录草稿版次（Discarded the draft edition）', before: draft });
        return { discarded: true };
      });
    },

    /**
     * What changed between two editions: needs added, removed (with their status now, so a reader
     * sees whether one was withdrawn) and changed field by field. Without `from`, against the
     * published edition before this one.
     */
    async diff(ctx: Ctx, id: string, fromId?: string) {
      const v = await challengeViewerOf(db, ctx);
      const e = await visible(v, id);
      let from: Edition | undefined;
      if (fromId) {
        if (fromId === id) throw invalid([{ path: '/querystring/from', message: '请选择另一个版次比较（choose another edition to compare with）' }]);
        from = await visible(v, fromId);
      } else {
        let q = db.selectFrom('techNeedEdition').selectAll().where('status', '=', 'published').where('id', '<>', id);
        if (e.publishedAt) q = q.where('publishedAt', '<', e.publishedAt);
        from = await q.orderBy('publishedAt', 'desc').limit(1).executeTakeFirst();
      }
      const key = (s: Snapshot): Snapshot & { itemKey: string } => ({ ...s, itemKey: s.needId });
      const [a, b] = await Promise.all([from ? itemsOf(from.id) : [], itemsOf(e.id)]);
      const diff = diffEditions(a.map(key), b.map(key), DIFF_FIELDS);
      const removedIds = diff.removed.map((r) => r.needId);
      const now = removedIds.length ? await db.selectFrom('techNeed').select(['id', 'status']).where('id', 'in', removedIds).execute() : [];
      const statusOf = new Map(now.map((n) => [n.id, n.status as NeedStatus]));
      const strip = ({ itemKey: _k, ...s }: Snapshot & { itemKey: string }) => s;
      return {
        from: from ? { id: from.id, titleZh: from.titleZh, status: from.status, publishedAt: from.publishedAt } : null,
        to: { id: e.id, titleZh: e.titleZh, status: e.status, publishedAt: e.publishedAt },
        added: diff.added.map(strip),
        removed: diff.removed.map((r) => {
          const s = statusOf.get(r.needId);
          return { ...strip(r), statusNow: s ?? null, statusNowZh: s ? NEED_STATUSES[s].zh : null };
        }),
        changed: diff.changed.map((c) => ({
          needId: c.key, code: c.to.code as string, titleZh: c.to.titleZh as string,
          fields: c.fields.map((x) => ({ ...x, labelZh: NEED_FIELD_NAMES[x.field]?.zh ?? x.field, labelEn: NEED_FIELD_NAMES[x.field]?.en ?? x.field })),
        })),
        unchanged: diff.unchanged,
      };
    },

    /** The edition as a Word document in the official layout (a draft for organisers only). */
    async document(ctx: Ctx, id: string) {
      const e = await visible(await challengeViewerOf(db, ctx), id);
      const items = await itemsOf(e.id);
      const base = e.basedOnId ? await db.selectFrom('techNeedEdition').select('titleZh').where('id', '=', e.basedOnId).executeTakeFirst() : null;
      // The Word writer loads on first use, not at start-up.
      const { catalogEditionDocx } = await import('./catalog-editions.word.js');
      return catalogEditionDocx({ titleZh: e.titleZh, status: e.status, year: e.year, number: e.number, publishedOn: e.publishedAt ? todayIn(e.publishedAt) : null, basedOnTitleZh: base?.titleZh ?? null }, items, today());
    },
  };
}

/** Editions are the task force's to open and publish. */
function requireTaskForce(v: ChallengeViewer) {
  if (!v.taskForce) throw forbidden('仅工作专班可编制和发布需求目录', 'Only the task force compiles and publishes the catalog');
}

export type CatalogEditionsService = ReturnType<typeof catalogEditionsService>;
