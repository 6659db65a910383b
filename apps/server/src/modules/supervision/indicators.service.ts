import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { hasRole } from '../../platform/access/model.js';
import { conflict, forbidden, invalid, notFound, type ErrorDetail } from '../../platform/http/errors.js';
import type { PlanService } from '../plan/service.js';
import type { FileService } from '../../platform/files/files.js';
import { isIsoDate, todayIn } from './model/dates.js';
import { curveProblems, type PaceCurve } from './model/pace.js';
import { indicatorPace, type Reason } from './model/status.js';
import { readSettings, type SupervisionSettings } from './settings.js';
import { writeWorkbook } from '../../platform/excel/index.js';
import { NO_ORGANISATION, requireTaskForce } from './viewer.js';

/**
 * Indicators: one for every 2027 target. A quantified target whose records live on the
 * platform is computed by the query its module registered with the plan service; any other
 * is reported with evidence. Qualitative targets are reported as a share done (0–100 %).
 * Every value is kept, so the history and the evidence stay behind the figure.
 */
export function indicatorsService(database: Database, deps: { plan: PlanService; files: FileService; now: () => Date }) {
  const { db } = database;

  async function current(known?: SupervisionSettings) {
    const [targets, settings, settingRows, latest] = await Promise.all([
      deps.plan.targets(), known ?? readSettings(db),
      db.selectFrom('indicatorSetting').selectAll().execute(),
      db.selectFrom('indicatorValue').selectAll().distinctOn('targetCode').orderBy('targetCode').orderBy('asOf', 'desc').orderBy('id', 'desc').execute(),
    ]);
    const today = todayIn(deps.now());
    return targets.map((t) => {
      const setting = settingRows.find((s) => s.targetCode === t.code);
      const last = latest.find((v) => v.targetCode === t.code) ?? null;
      const computed = !!t.measurement;
      const value = computed ? t.measurement!.value : last?.value ?? null;
      const targetValue = t.quantified ? t.value : 100;
      const pace = indicatorPace({
        value, baselineValue: setting?.baselineValue ?? null, baselineOn: setting?.baselineOn ?? null, targetValue,
        targetOn: `${t.year}-12-31`, higherIsBetter: t.comparator !== 'lt' && t.comparator !== 'lte',
        curve: (setting?.paceCurve as PaceCurve | null) ?? null, today, tolerancePct: settings.paceTolerancePct,
      });
      return {
        code: t.code, actionNo: t.actionNo, indicatorZh: t.indicatorZh, indicatorEn: t.indicatorEn, statementZh: t.statementZh,
        quantified: t.quantified, comparator: t.comparator, targetValue, unit: t.quantified ? t.unit : '%', year: t.year,
        source: computed ? 'computed' as const : 'reported' as const,
        value, asOf: computed ? t.measurement!.asOf : last?.asOf ?? null,
        basisZh: computed ? t.measurement!.basisZh : last ? `由${last.evidenceZh ? '报送单位附证据' : '报送单位'}填报` : '尚未填报',
        basisEn: computed ? t.measurement!.basisEn : last ? 'Reported with evidence' : 'Not yet reported',
        drillDown: computed ? t.measurement!.drillDown ?? null : `/supervision/indicators/${t.code}`,
        baselineValue: setting?.baselineValue ?? null, baselineOn: setting?.baselineOn ?? null, paceCurve: (setting?.paceCurve as PaceCurve | null) ?? null,
        expected: pace.expected, behind: pace.behind, behindReason: pace.reason,
      };
    });
  }

  return {
    list: current,

    async exportXlsx() {
      const items = await current();
      return writeWorkbook([{ name: '目标指标', titleZh: '2027 年目标指标', columns: [
        { key: 'code', headerZh: '代码', headerEn: 'Code', type: 'string', width: 22 },
        { key: 'actionNo', headerZh: '行动', headerEn: 'Action', type: 'integer', width: 6 },
        { key: 'indicatorZh', headerZh: '指标', headerEn: 'Indicator', type: 'string', width: 36 },
        { key: 'targetValue', headerZh: '2027 目标', headerEn: '2027 target', type: 'number', width: 10 },
        { key: 'unit', headerZh: '单位', headerEn: 'Unit', type: 'string', width: 8 },
        { key: 'value', headerZh: '当前值', headerEn: 'Value', type: 'number', width: 10 },
        { key: 'asOf', headerZh: '截至', headerEn: 'As of', type: 'date', width: 12 },
        { key: 'sourceZh', headerZh: '来源', headerEn: 'Source', type: 'string', width: 10 },
        { key: 'expected', headerZh: '此时应达', headerEn: 'Expected now', type: 'number', width: 10 },
        { key: 'behindZh', headerZh: '是否滞后', headerEn: 'Behind', type: 'string', width: 8 },
      ], rows: items.map((i) => ({ ...i, sourceZh: i.source === 'computed' ? '平台计算' : '填报', behindZh: i.behind ? '滞后' : '' })) }]);
    },

    /** Indicators behind their line, by code; `settings` when the caller has read them already. */
    async behind(settings?: SupervisionSettings): Promise<Map<string, Reason>> {
      return new Map((await current(settings)).filter((i) => i.behind && i.behindReason).map((i) => [i.code, i.behindReason!]));
    },

    async get(code: string) {
      const one = (await current()).find((i) => i.code === code);
      if (!one) throw notFound(`指标 ${code} 不存在`, `Indicator ${code} not found`);
      const history = await db.selectFrom('indicatorValue as v').leftJoin('organisation as o', 'o.id', 'v.organisationId').leftJoin('appUser as u', 'u.id', 'v.recordedBy')
        .select(['v.id', 'v.value', 'v.asOf', 'v.source', 'v.evidenceZh', 'v.fileId', 'v.drillDown', 'v.createdAt', 'o.nameZh as organisationNameZh', 'u.displayName as recordedByName'])
        .where('v.targetCode', '=', code).orderBy('v.asOf', 'desc').orderBy('v.id', 'desc').limit(200).execute();
      const files = await deps.files.metas(history.flatMap((h) => (h.fileId ? [h.fileId] : [])));
      return { ...one, history: history.map((h) => ({ ...h, file: files.find((f) => f.id === h.fileId) ?? null })) };
    },

    async report(ctx: Ctx, code: string, input: { value: number; asOf: string; evidenceZh: string; fileId?: string | null }) {
      if (!hasRole(ctx.principal, 'admin', 'taskforce', 'unit', 'district')) throw forbidden();
      const one = (await current()).find((i) => i.code === code);
      if (!one) throw notFound(`指标 ${code} 不存在`, `Indicator ${code} not found`);
      // A unit or district reports on an indicator of an action it takes part in: it owns a work
      // point linked to it, or is assigned to one of the action's tasks.
      if (!hasRole(ctx.principal, 'admin', 'taskforce')) {
        const org = ctx.principal!.organisationId ?? NO_ORGANISATION;
        const taskNos = (await deps.plan.outline()).find((a) => a.no === one.actionNo)?.tasks.map((t) => t.no) ?? [];
        const involved = await db.selectFrom('workPoint').select('id').where('ownerOrganisationId', '=', org).where('indicatorCode', '=', code).limit(1).executeTakeFirst()
          ?? (taskNos.length ? await db.selectFrom('taskAssignment').select('taskNo').where('organisationId', '=', org).where('taskNo', 'in', taskNos).limit(1).executeTakeFirst() : undefined);
        if (!involved) throw forbidden('本单位未承担该指标所属行动的任务，不能填报', 'Your organisation takes no part in this indicator\'s action and cannot report it');
      }
      if (one.source === 'computed') throw conflict('该指标由平台记录自动计算，不接受填报', 'This indicator is computed from platform records and cannot be reported');
      const problems: ErrorDetail[] = [];
      if (!isIsoDate(input.asOf)) problems.push({ path: '/asOf', message: '日期格式应为 YYYY-MM-DD (date as YYYY-MM-DD)' });
      else if (input.asOf > todayIn(deps.now())) problems.push({ path: '/asOf', message: '不能晚于今天 (cannot be in the future)' });
      if (!input.evidenceZh.trim()) problems.push({ path: '/evidenceZh', message: '填报须附证据说明 (a reported value needs evidence)' });
      if (!one.quantified && (input.value < 0 || input.value > 100)) problems.push({ path: '/value', message: '定性目标按完成比例 0–100 填报 (qualitative targets are reported as 0–100 %)' });
      if (problems.length) throw invalid(problems);
      if (input.fileId) await deps.files.requireCitable(ctx, [input.fileId]);
      return db.transaction().execute(async (trx) => {
        const row = await trx.insertInto('indicatorValue').values({
          targetCode: code, value: input.value, asOf: input.asOf, source: 'reported', evidenceZh: input.evidenceZh.trim(), fileId: input.fileId ?? null,
          recordedBy: ctx.principal!.userId, organisationId: ctx.principal!.organisationId,
        }).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'indicator.report', entityType: 'indicator', entityId: code, summary: `填报指标 ${one.indicatorZh} = ${input.value}（Reported indicator value）`, after: row });
        return row;
      });
    },

    async configure(ctx: Ctx, code: string, input: { baselineValue: number | null; baselineOn: string | null; paceCurve: PaceCurve | null }) {
      requireTaskForce(ctx);
      const one = (await current()).find((i) => i.code === code);
      if (!one) throw notFound(`指标 ${code} 不存在`, `Indicator ${code} not found`);
      const problems: ErrorDetail[] = [];
      if ((input.baselineValue === null) !== (input.baselineOn === null)) problems.push({ path: '/baselineOn', message: '基线值与基线日期须同时填写 (baseline value and date go together)' });
      if (input.baselineOn !== null && !isIsoDate(input.baselineOn)) problems.push({ path: '/baselineOn', message: '日期格式应为 YYYY-MM-DD (date as YYYY-MM-DD)' });
      if (input.paceCurve) for (const m of curveProblems(input.paceCurve)) problems.push({ path: '/paceCurve', message: m });
      if (problems.length) throw invalid(problems);
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('indicatorSetting').selectAll().where('targetCode', '=', code).executeTakeFirst();
        const values = { baselineValue: input.baselineValue, baselineOn: input.baselineOn, paceCurve: input.paceCurve ? JSON.stringify(input.paceCurve) : null, updatedAt: new Date() };
        const after = await trx.insertInto('indicatorSetting').values({ targetCode: code, ...values })
          .onConflict((oc) => oc.column('targetCode').doUpdateSet(values)).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'indicator.configure', entityType: 'indicator', entityId: code, summary: `设置指标 ${one.indicatorZh} 的基线与进度线（Set the baseline and pace line）`, before, after });
        return after;
      });
    },

    /** Keeps today's computed values in the history (once a day per indicator). */
    async snapshot(ctx: Ctx) {
      requireTaskForce(ctx);
      const today = todayIn(deps.now());
      const computed = (await current()).filter((i) => i.source === 'computed' && i.value !== null);
      return db.transaction().execute(async (trx) => {
        let recorded = 0;
        for (const i of computed) {
          const existing = await trx.selectFrom('indicatorValue').select('id').where('targetCode', '=', i.code).where('source', '=', 'computed').where('asOf', '=', today).executeTakeFirst();
          if (existing) await trx.updateTable('indicatorValue').set({ value: i.value!, drillDown: i.drillDown }).where('id', '=', existing.id).execute();
          else await trx.insertInto('indicatorValue').values({ targetCode: i.code, value: i.value!, asOf: today, source: 'computed', drillDown: i.drillDown, evidenceZh: i.basisZh }).execute();
          recorded++;
        }
        if (recorded) await audit(trx, ctx, { action: 'indicator.snapshot', entityType: 'indicator', entityId: '*', summary: `记录 ${recorded} 项计算指标的当日值（Recorded today's computed indicator values）` });
        return { recorded, asOf: today };
      });
    },
  };
}

export type IndicatorsService = ReturnType<typeof indicatorsService>;
