import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { readSheet, type ImportProblem } from '../../platform/excel/index.js';
import { domainCode } from '../industry/model/labels.js';
import { listCell } from '../industry/model/import-cells.js';
import type { ImportOutcome, OnProgress } from '../../platform/http/import-route.js';
import { expertProblems, fieldKeywords, type ExpertFields } from './model/rules.js';
import { expertTokens } from './experts.service.js';
import { EXPERT_COLUMNS } from './talent.excel.js';
import { requireKeeper, talentViewerOf } from './viewer.js';
import type { TalentDeps } from './index.js';

const MAX_ROWS = 10_000;
const CHUNK = 500;
const chunks = <T>(xs: T[], n = CHUNK) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
const rowOf = (r: object, i: number) => ((r as { __row?: number }).__row ?? i + 2);
const headerOf = (key: string) => EXPERT_COLUMNS.find((c) => c.key === key)?.headerZh ?? key;
/** The fields a row sets; contact and profile are kept in the platform, not in the file. */
const COMPARED = ['nameZh', 'nameEn', 'titleZh', 'organisationId', 'organisationZh', 'fields', 'domains', 'available', 'maxLoad'] as const;

/**
 * Imports the expert directory from a sheet. Every row is read and checked first — a problem
 * names its row and column — and nothing is written unless all rows are valid; then one
 * transaction writes them. A row whose expert code is on record updates that expert; a row
 * equal to the record is left alone, so importing the same file twice changes nothing.
 */
export function expertImportService(database: Database, deps: TalentDeps) {
  const { db } = database;

  return async function importExperts(ctx: Ctx, file: Buffer, onProgress: OnProgress = () => {}): Promise<ImportOutcome> {
    requireKeeper(await talentViewerOf(db, ctx));
    onProgress({ phase: 'read', done: 0, total: 0 });
    const { rows, problems } = await readSheet<Record<string, unknown>>(file, EXPERT_COLUMNS, { maxRows: MAX_ROWS });
    if (!rows.length && !problems.length) problems.push({ row: 0, column: '', reasonZh: '文件中没有数据行', reasonEn: 'The file has no data rows' });
    const add = (row: number, key: string, zh: string, en: string, value?: unknown) =>
      problems.push({ row, column: headerOf(key), columnKey: key, reasonZh: zh, reasonEn: en, ...(value != null ? { value: String(value).slice(0, 100) } : {}) } satisfies ImportProblem);

    const names = [...new Set(rows.map((r) => String(r.organisationZh ?? '').trim()).filter(Boolean))];
    const orgs = new Map<string, string>();
    for (const part of chunks(names, 2000)) {
      // A name several kinds share links to one of them, always the same (by kind).
      for (const o of await db.selectFrom('organisation').select(['id', 'nameZh']).where('nameZh', 'in', part).orderBy('kind').execute()) if (!orgs.has(o.nameZh)) orgs.set(o.nameZh, o.id);
    }
    const codes = rows.map((r) => String(r.code ?? '').trim()).filter(Boolean);
    const existing = new Map<string, ExpertFields & { id: string }>();
    for (const part of chunks([...new Set(codes)], 2000)) for (const e of await db.selectFrom('expert').selectAll().where('code', 'in', part).execute()) existing.set(e.code, e);

    const seen = new Map<string, number>();
    const parsed = rows.map((r, i) => {
      const row = rowOf(r, i);
      if (i % 500 === 0) onProgress({ phase: 'validate', done: i, total: rows.length });
      const code = String(r.code ?? '').trim();
      const domainNames = listCell(r.domains);
      const domains = domainNames.map((d) => domainCode(d));
      domainNames.forEach((d, j) => { if (!domains[j]) add(row, 'domains', `“${d}”不是行动计划的四个领域之一`, 'not one of the plan\'s four domains', d); });
      const before = existing.get(code);
      const organisationZh = String(r.organisationZh ?? '').trim();
      const fields: ExpertFields = {
        nameZh: String(r.nameZh ?? '').trim(), nameEn: (r.nameEn as string | null) ?? null, titleZh: (r.titleZh as string | null) ?? null,
        organisationId: orgs.get(organisationZh) ?? null, organisationZh,
        fields: fieldKeywords(listCell(r.fields)), domains: domains.flatMap((d) => (d ? [d] : [])),
        available: (r.available as boolean | null) ?? before?.available ?? true, maxLoad: (r.maxLoad as number | null) ?? null,
        contactZh: before?.contactZh ?? null, profileZh: before?.profileZh ?? null,
      };
      for (const p of expertProblems(fields)) {
        const key = p.path.split('/')[1];
        if (key !== 'domains') add(row, key, p.message, p.message, r[key]);
      }
      const dup = seen.get(code);
      if (dup) add(row, 'code', `与第 ${dup} 行的专家编号重复`, `same expert code as row ${dup}`, code);
      seen.set(code, row);
      return { code, fields, before };
    });
    if (problems.length) return { created: 0, updated: 0, unchanged: 0, problems: problems.sort((a, b) => a.row - b.row) };

    const changes = parsed.filter((p) => !p.before || COMPARED.some((k) => JSON.stringify(p.fields[k]) !== JSON.stringify(p.before![k])));
    const fresh = changes.filter((c) => !c.before);
    let done = 0;
    await db.transaction().execute(async (trx) => {
      const touched: string[] = [];
      for (const part of chunks(fresh)) {
        const inserted = await trx.insertInto('expert').values(part.map((p) => ({ ...p.fields, code: p.code, tokens: expertTokens(p.fields), createdAt: deps.now(), updatedAt: deps.now() }))).returning('id').execute();
        touched.push(...inserted.map((x) => x.id));
        done += part.length;
        onProgress({ phase: 'write', done, total: changes.length });
      }
      for (const p of changes.filter((c) => c.before)) {
        await trx.updateTable('expert').set({ ...p.fields, tokens: expertTokens(p.fields), updatedAt: deps.now() }).where('id', '=', p.before!.id).execute();
        touched.push(p.before!.id);
        if (++done % CHUNK === 0 || done === changes.length) onProgress({ phase: 'write', done, total: changes.length });
      }
      if (touched.length) await audit(trx, ctx, {
        action: 'talent.expert.import', entityType: 'expert', entityId: '*',
        summary: `导入专家：新增 ${fresh.length} 位，更新 ${changes.length - fresh.length} 位（Imported experts: ${fresh.length} new, ${changes.length - fresh.length} updated）`,
        after: { expertIds: touched, created: fresh.length, updated: changes.length - fresh.length, unchanged: parsed.length - changes.length },
      });
    });
    onProgress({ phase: 'done', done: changes.length, total: changes.length });
    return { created: fresh.length, updated: changes.length - fresh.length, unchanged: parsed.length - changes.length, problems: [] };
  };
}
