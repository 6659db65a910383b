import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { forbidden, unauthorized } from '../../platform/http/errors.js';
import { readSheet, type ImportProblem } from '../../platform/excel/index.js';
import { todayIn } from '../../platform/dates.js';
import type { ImportOutcome, OnProgress } from '../../platform/http/import-route.js';
import type { ChallengeDeps } from './index.js';
import { cleanNeed, needProblems, type NeedInput } from './model/needs.js';
import { NEED_IMPORT_COLUMNS, parseIndicators } from './needs.excel.js';
import { needCode, needColumns, needPrefix, nextNeedNumber, RAISER_KINDS } from './needs.service.js';
import { challengeViewerOf } from './viewer.js';

const MAX_ROWS = 2000;
const CHUNK = 200;
const rowOf = (r: object, i: number) => ((r as { __row?: number }).__row ?? i + 2);
const headerOf = (key: string) => NEED_IMPORT_COLUMNS.find((c) => c.key === key)?.headerZh ?? key;
/** A rule's message is 「中文（English）」; a problem keeps the two apart. */
const split = (m: string): [string, string] => { const x = /^(.*)（([^（]*)）$/.exec(m); return x ? [x[1], x[2]] : [m, m]; };
const text = (v: unknown) => (v == null ? '' : String(v).trim());

/**
 * The import of needs from a spreadsheet (a collection round's forms, say). Every row is read and
 * checked first, against the same rules as a need raised on the page; any problem and nothing is
 * written, each problem named by row and column. Then one transaction writes every row as a
 * submitted need, ready for review. The task force names each row's organisation; anyone else
 * imports for its own.
 */
export function needsImportService(database: Database, d: ChallengeDeps) {
  const { db } = database;

  async function importNeeds(ctx: Ctx, file: Buffer, onProgress: OnProgress = () => {}): Promise<ImportOutcome> {
    const v = await challengeViewerOf(db, ctx);
    if (!v.userId) throw unauthorized();
    if (!v.taskForce && !v.organisationId) throw forbidden('账号未关联机构，不能代表机构提出需求', 'Your account belongs to no organisation, so it cannot raise needs for one');
    onProgress({ phase: 'read', done: 0, total: 0 });
    const { rows, problems } = await readSheet<Record<string, unknown>>(file, NEED_IMPORT_COLUMNS, { maxRows: MAX_ROWS });
    if (!rows.length && !problems.length) problems.push({ row: 0, column: '', reasonZh: '文件中没有数据行', reasonEn: 'The file has no data rows' });
    const add = (row: number, key: string, zh: string, en: string, value?: unknown) =>
      problems.push({ row, column: headerOf(key), columnKey: key, reasonZh: zh, reasonEn: en, ...(value != null && value !== '' ? { value: String(value).slice(0, 100) } : {}) } satisfies ImportProblem);

    const own = v.organisationId ? await db.selectFrom('organisation').select(['id', 'nameZh']).where('id', '=', v.organisationId).executeTakeFirst() : undefined;
    const names = [...new Set(rows.map((r) => text(r.organisation)).filter(Boolean))];
    const named = names.length ? await db.selectFrom('organisation').select(['id', 'nameZh', 'kind']).where('nameZh', 'in', names).where('kind', 'in', RAISER_KINDS).execute() : [];
    const seen = new Map<string, number>();

    const parsed = rows.map((r, i) => {
      const row = rowOf(r, i);
      if (i % 200 === 0) onProgress({ phase: 'validate', done: i, total: rows.length });
      const orgName = text(r.organisation);
      let organisationId: string | null = null;
      if (v.taskForce && orgName) {
        const found = named.filter((o) => o.nameZh === orgName);
        if (!found.length) add(row, 'organisation', `机构「${orgName}」未在平台登记，或不是企业、高校院所、主管部门`, 'no enterprise, institute or department of this name', orgName);
        else if (found.length > 1) add(row, 'organisation', `有多个名为「${orgName}」的机构，请联系管理员区分`, 'several organisations have this name', orgName);
        else organisationId = found[0].id;
      } else if (v.taskForce && !own) {
        add(row, 'organisation', '工作专班代为导入时须填写提出单位', 'name the organisation the need is raised for');
      } else if (orgName && orgName !== own?.nameZh) {
        add(row, 'organisation', '只能导入本单位提出的需求（提出单位留空或填写本单位名称）', 'you import your own organisation\'s needs only', orgName);
      } else organisationId = own?.id ?? null;

      const indicators = parseIndicators(r.indicators);
      if (!indicators.ok) add(row, 'indicators', `无法识别「${indicators.bad[0]}」，应写作「指标名称：目标值 单位」`, 'write each as "name: value unit"', indicators.bad[0]);
      const input = cleanNeed({
        titleZh: text(r.titleZh), field: r.field as NeedInput['field'], fieldOtherZh: r.fieldOtherZh as string | null, domain: r.domain as string,
        problemZh: text(r.problemZh), currentLevelZh: text(r.currentLevelZh), indicators: indicators.ok ? indicators.value : [], expectedOutcomeZh: text(r.expectedOutcomeZh),
        contactNameZh: text(r.contactNameZh), contactPhone: r.contactPhone == null ? null : String(r.contactPhone), contactEmail: r.contactEmail as string | null,
        suggestedMode: (r.suggestedMode as NeedInput['suggestedMode']) ?? null, fundingWan: (r.fundingWan as number | null) ?? null,
      });
      for (const p of needProblems(input)) {
        const key = p.path.split('/')[1];
        // A cell that did not parse has been reported already; its empty list is not a second problem.
        if (key === 'indicators' && !indicators.ok) continue;
        const [zh, en] = split(p.message);
        add(row, key, zh, en, r[key]);
      }
      const dupKey = `${organisationId ?? orgName}/${input.titleZh}`;
      if (seen.has(dupKey)) add(row, 'titleZh', `与第 ${seen.get(dupKey)} 行是同一单位的同名需求`, `the same need as row ${seen.get(dupKey)}`, input.titleZh);
      seen.set(dupKey, row);
      return { organisationId, input };
    });
    if (problems.length) return { created: 0, updated: 0, unchanged: 0, problems: problems.sort((a, b) => a.row - b.row) };

    let done = 0;
    const created = await db.transaction().execute(async (trx) => {
      const now = d.now();
      const prefix = needPrefix(todayIn(now));
      let n = await nextNeedNumber(trx, prefix);
      const ids: string[] = [];
      for (let i = 0; i < parsed.length; i += CHUNK) {
        const part = parsed.slice(i, i + CHUNK);
        const inserted = await trx.insertInto('techNeed').values(part.map((p) => ({
          ...needColumns(p.input), code: needCode(prefix, ++n), organisationId: p.organisationId!, raisedBy: v.userId, status: 'submitted', submittedAt: now, createdAt: now, updatedAt: now,
        }) as never)).returning(['id', 'code']).execute();
        ids.push(...inserted.map((x) => x.id));
        done += part.length;
        onProgress({ phase: 'write', done, total: parsed.length });
      }
      await audit(trx, ctx, {
        action: 'challenges.need.import', entityType: 'techNeed', entityId: '*',
        summary: `导入技术需求 ${ids.length} 项，待审核（Imported ${ids.length} needs for review）`, after: { needIds: ids },
      });
      return ids.length;
    });
    onProgress({ phase: 'done', done: created, total: created });
    return { created, updated: 0, unchanged: 0, problems: [] };
  }

  return { importNeeds };
}
