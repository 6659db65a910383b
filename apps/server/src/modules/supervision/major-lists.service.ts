import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, invalid, notFound, type ErrorDetail } from '../../platform/http/errors.js';
import { writeWorkbook, type Column } from '../../platform/excel/index.js';
import { diffEditions } from './model/diff.js';
import { requireTaskForce, viewerOf } from './viewer.js';

/**
 * The four rolling major lists (重大项目、政策、改革、平台清单), each kept in editions. A new
 * edition starts as a copy of the last one and is edited as a draft until published; a
 * published edition never changes and stays readable. Items keep their key across editions,
 * which is how two editions are compared.
 */
export const LIST_KINDS = {
  project: { zh: '重大项目清单', en: 'Major projects' },
  policy: { zh: '重大政策清单', en: 'Major policies' },
  reform: { zh: '重大改革清单', en: 'Major reforms' },
  platform: { zh: '重大平台清单', en: 'Major platforms' },
} as const;
export type ListKind = keyof typeof LIST_KINDS;

export interface ItemInput {
  itemKey?: string;
  nameZh: string;
  ownerOrganisationId?: string | null;
  taskNo?: number | null;
  districtCode?: string | null;
  amountYiYuan?: number | null;
  startYear?: number | null;
  endYear?: number | null;
  progressZh?: string | null;
  noteZh?: string | null;
}

const FIELDS = ['nameZh', 'ownerOrganisationId', 'taskNo', 'districtCode', 'amountYiYuan', 'startYear', 'endYear', 'progressZh', 'noteZh'] as const;
const FIELD_NAMES: Record<string, string> = {
  nameZh: '名称', ownerOrganisationId: '责任单位', taskNo: '任务', districtCode: '区县', amountYiYuan: '金额（亿元）', startYear: '起始年', endYear: '完成年', progressZh: '进展', noteZh: '备注',
};

const ITEM_COLUMNS: Column[] = [
  { key: 'itemKey', headerZh: '编号', headerEn: 'Key', type: 'string', width: 10 },
  { key: 'nameZh', headerZh: '名称', headerEn: 'Name', type: 'string', width: 36 },
  { key: 'ownerNameZh', headerZh: '责任单位', headerEn: 'Owner', type: 'string', width: 22 },
  { key: 'taskNo', headerZh: '任务', headerEn: 'Task', type: 'integer', width: 8 },
  { key: 'districtCode', headerZh: '区县代码', headerEn: 'District', type: 'string', width: 10 },
  { key: 'amountYiYuan', headerZh: '金额（亿元）', headerEn: 'Amount (100M yuan)', type: 'number', width: 12 },
  { key: 'startYear', headerZh: '起始年', headerEn: 'From', type: 'integer', width: 8 },
  { key: 'endYear', headerZh: '完成年', headerEn: 'To', type: 'integer', width: 8 },
  { key: 'progressZh', headerZh: '进展', headerEn: 'Progress', type: 'string', width: 30 },
  { key: 'noteZh', headerZh: '备注', headerEn: 'Note', type: 'string', width: 20 },
];

export function majorListsService(database: Database) {
  const { db } = database;
  const isKind = (k: string): k is ListKind => k in LIST_KINDS;

  async function edition(ctx: Ctx, kind: string, no: number) {
    if (!isKind(kind)) throw notFound(`清单类别 ${kind} 不存在`, `No list of kind ${kind}`);
    const e = await db.selectFrom('majorListEdition').selectAll().where('kind', '=', kind).where('editionNo', '=', no).executeTakeFirst();
    const v = await viewerOf(db, ctx);
    // Drafts are the task force's working copy; everyone else reads published editions.
    if (!e || (e.status === 'draft' && !v.taskForce)) throw notFound(`${LIST_KINDS[kind].zh}第 ${no} 版不存在`, `Edition ${no} of ${LIST_KINDS[kind].en} not found`);
    return e;
  }

  const items = (editionId: string) => db.selectFrom('majorListItem as i').leftJoin('organisation as o', 'o.id', 'i.ownerOrganisationId')
    .selectAll('i').select(['o.nameZh as ownerNameZh']).where('i.editionId', '=', editionId).orderBy('i.itemKey').execute();

  async function itemProblems(input: ItemInput, q: typeof db = db): Promise<ErrorDetail[]> {
    const p: ErrorDetail[] = [];
    if (!input.nameZh?.trim()) p.push({ path: '/nameZh', message: '必填 (required)' });
    if (input.startYear && input.endYear && input.startYear > input.endYear) p.push({ path: '/endYear', message: '完成年不能早于起始年 (end before start)' });
    if (input.ownerOrganisationId && !(await q.selectFrom('organisation').select('id').where('id', '=', input.ownerOrganisationId).executeTakeFirst())) p.push({ path: '/ownerOrganisationId', message: '机构不存在 (no such organisation)' });
    if (input.districtCode && !(await q.selectFrom('district').select('code').where('code', '=', input.districtCode).executeTakeFirst())) p.push({ path: '/districtCode', message: '区县不存在 (no such district)' });
    return p;
  }

  async function draftFor(trx: typeof db, kind: string, no: number) {
    const e = await trx.selectFrom('majorListEdition').selectAll().where('kind', '=', kind).where('editionNo', '=', no).forUpdate().executeTakeFirst();
    if (!e) throw notFound('清单版本不存在', 'Edition not found');
    if (e.status !== 'draft') throw conflict('已发布的版本不能修改，请新建版本', 'A published edition cannot change; start a new edition');
    return e;
  }

  /** An item that may still change: it belongs to a draft edition. */
  async function draftItem(trx: typeof db, id: string) {
    const item = await trx.selectFrom('majorListItem').selectAll().where('id', '=', id).executeTakeFirst();
    if (!item) throw notFound('清单事项不存在', 'List item not found');
    const e = await trx.selectFrom('majorListEdition').select(['kind', 'editionNo']).where('id', '=', item.editionId).executeTakeFirstOrThrow();
    await draftFor(trx, e.kind, e.editionNo);
    return item;
  }

  return {
    kinds: LIST_KINDS,

    async overview(ctx: Ctx) {
      const v = await viewerOf(db, ctx);
      let q = db.selectFrom('majorListEdition as e').select(['e.id', 'e.kind', 'e.editionNo', 'e.titleZh', 'e.status', 'e.noteZh', 'e.createdAt', 'e.publishedAt',
        (eb) => eb.selectFrom('majorListItem as i').select((x) => x.fn.countAll<number>().as('n')).whereRef('i.editionId', '=', 'e.id').as('items')]);
      if (!v.taskForce) q = q.where('e.status', '=', 'published');
      const editions = await q.orderBy('e.kind').orderBy('e.editionNo', 'desc').execute();
      return (Object.keys(LIST_KINDS) as ListKind[]).map((kind) => ({ kind, ...LIST_KINDS[kind], editions: editions.filter((e) => e.kind === kind) }));
    },

    async edition(ctx: Ctx, kind: string, no: number) {
      const e = await edition(ctx, kind, no);
      return { ...e, items: await items(e.id) };
    },

    /** A new draft edition, copied from the newest edition (or empty for the first). */
    async newEdition(ctx: Ctx, kind: string, input: { titleZh?: string; noteZh?: string | null }) {
      requireTaskForce(ctx);
      if (!isKind(kind)) throw notFound(`清单类别 ${kind} 不存在`, `No list of kind ${kind}`);
      return db.transaction().execute(async (trx) => {
        const last = await trx.selectFrom('majorListEdition').selectAll().where('kind', '=', kind).orderBy('editionNo', 'desc').limit(1).forUpdate().executeTakeFirst();
        if (last?.status === 'draft') throw conflict(`第 ${last.editionNo} 版仍是草稿，请先发布`, `Edition ${last.editionNo} is still a draft; publish it first`);
        const editionNo = (last?.editionNo ?? 0) + 1;
        const e = await trx.insertInto('majorListEdition').values({
          kind, editionNo, status: 'draft', titleZh: input.titleZh?.trim() || `${LIST_KINDS[kind].zh}（第 ${editionNo} 版）`, noteZh: input.noteZh ?? null, createdBy: ctx.principal!.userId,
        }).returningAll().executeTakeFirstOrThrow();
        let copied = 0;
        if (last) {
          const old = await trx.selectFrom('majorListItem').selectAll().where('editionId', '=', last.id).execute();
          if (old.length) await trx.insertInto('majorListItem').values(old.map(({ id: _id, editionId: _e, ...rest }) => ({ ...rest, editionId: e.id }))).execute();
          copied = old.length;
        }
        await audit(trx, ctx, { action: 'majorList.newEdition', entityType: 'majorListEdition', entityId: e.id, summary: `新建${LIST_KINDS[kind].zh}第 ${editionNo} 版，沿用上一版 ${copied} 项（New edition ${editionNo}, ${copied} items carried over）`, after: e });
        return { ...e, items: copied };
      });
    },

    async addItem(ctx: Ctx, kind: string, no: number, input: ItemInput) {
      requireTaskForce(ctx);
      const problems = await itemProblems(input);
      if (problems.length) throw invalid(problems);
      return db.transaction().execute(async (trx) => {
        const e = await draftFor(trx, kind, no);
        let itemKey = input.itemKey?.trim();
        if (!itemKey) {
          // Keys are never reused across editions, so a removed item's key stays its own.
          const all = await trx.selectFrom('majorListItem as i').innerJoin('majorListEdition as e', 'e.id', 'i.editionId').select('i.itemKey').where('e.kind', '=', kind).execute();
          const max = all.reduce((m, r) => Math.max(m, Number(/(\d+)$/.exec(r.itemKey)?.[1] ?? 0)), 0);
          itemKey = `${kind[0].toUpperCase()}${String(max + 1).padStart(4, '0')}`;
        } else if (await trx.selectFrom('majorListItem').select('id').where('editionId', '=', e.id).where('itemKey', '=', itemKey).executeTakeFirst()) {
          throw conflict(`编号 ${itemKey} 已在本版中`, `Key ${itemKey} is already in this edition`, [{ path: '/itemKey', message: itemKey }]);
        }
        const row = await trx.insertInto('majorListItem').values({ ...pick(input), editionId: e.id, itemKey, nameZh: input.nameZh.trim() }).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'majorList.addItem', entityType: 'majorListItem', entityId: row.id, summary: `${LIST_KINDS[kind as ListKind].zh}第 ${no} 版新增 ${row.nameZh}（Added an item）`, after: row });
        return row;
      });
    },

    async updateItem(ctx: Ctx, id: string, patch: Partial<ItemInput>) {
      requireTaskForce(ctx);
      return db.transaction().execute(async (trx) => {
        const before = await draftItem(trx, id);
        const merged = { ...before, ...patch, itemKey: before.itemKey };
        const problems = await itemProblems(merged, trx);
        if (problems.length) throw invalid(problems);
        const after = await trx.updateTable('majorListItem').set({ ...pick(merged), nameZh: merged.nameZh.trim() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'majorList.updateItem', entityType: 'majorListItem', entityId: id, summary: `修改清单事项 ${after.nameZh}（Changed an item）`, before, after });
        return after;
      });
    },

    async removeItem(ctx: Ctx, id: string) {
      requireTaskForce(ctx);
      return db.transaction().execute(async (trx) => {
        const before = await draftItem(trx, id);
        await trx.deleteFrom('majorListItem').where('id', '=', id).execute();
        await audit(trx, ctx, { action: 'majorList.removeItem', entityType: 'majorListItem', entityId: id, summary: `移出清单事项 ${before.nameZh}（Removed an item）`, before });
        return { removed: true };
      });
    },

    async publish(ctx: Ctx, kind: string, no: number) {
      requireTaskForce(ctx);
      return db.transaction().execute(async (trx) => {
        const e = await draftFor(trx, kind, no);
        const after = await trx.updateTable('majorListEdition').set({ status: 'published', publishedAt: new Date() }).where('id', '=', e.id).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'majorList.publish', entityType: 'majorListEdition', entityId: e.id, summary: `发布${LIST_KINDS[kind as ListKind].zh}第 ${no} 版（Published edition ${no}）`, before: e, after });
        return after;
      });
    },

    async diff(ctx: Ctx, kind: string, from: number, to: number) {
      const [a, b] = await Promise.all([edition(ctx, kind, from), edition(ctx, kind, to)]);
      const [ia, ib] = await Promise.all([items(a.id), items(b.id)]);
      const d = diffEditions(ia, ib, FIELDS);
      return { kind, from, to, ...d, changed: d.changed.map((c) => ({ ...c, fields: c.fields.map((f) => ({ ...f, nameZh: FIELD_NAMES[f.field] ?? f.field })) })) };
    },

    async diffXlsx(ctx: Ctx, kind: string, from: number, to: number) {
      const d = await this.diff(ctx, kind, from, to);
      const cols: Column[] = [{ key: 'change', headerZh: '变化', headerEn: 'Change', type: 'string', width: 8 }, ...ITEM_COLUMNS, { key: 'detail', headerZh: '变更内容', headerEn: 'What changed', type: 'string', width: 50 }];
      const rows = [
        ...d.added.map((i) => ({ change: '新增', ...i })),
        ...d.removed.map((i) => ({ change: '移出', ...i })),
        ...d.changed.map((c) => ({ change: '调整', ...c.to, detail: c.fields.map((f) => `${f.nameZh}：${f.from ?? '—'} → ${f.to ?? '—'}`).join('；') })),
      ];
      return writeWorkbook([{ name: `第${from}版与第${to}版对比`, titleZh: `${LIST_KINDS[kind as ListKind].zh} 第 ${from} 版 → 第 ${to} 版`, columns: cols, rows }]);
    },

    async editionXlsx(ctx: Ctx, kind: string, no: number) {
      const e = await this.edition(ctx, kind, no);
      return writeWorkbook([{ name: e.titleZh, titleZh: e.titleZh, columns: ITEM_COLUMNS, rows: e.items }]);
    },
  };
}

const pick = (i: Partial<ItemInput>) => ({
  ownerOrganisationId: i.ownerOrganisationId ?? null, taskNo: i.taskNo ?? null, districtCode: i.districtCode ?? null, amountYiYuan: i.amountYiYuan ?? null,
  startYear: i.startYear ?? null, endYear: i.endYear ?? null, progressZh: i.progressZh ?? null, noteZh: i.noteZh ?? null,
});

export type MajorListsService = ReturnType<typeof majorListsService>;
