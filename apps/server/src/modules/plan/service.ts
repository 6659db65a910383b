import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { notFound } from '../../platform/http/errors.js';
import { identityStore } from '../../platform/identity/store.js';
import { planChecksum, planProblems, type PlanDocument, type PlanFiles } from './model.js';
import { planStore as store } from './store.js';

/** A measured value of a target's indicator and where it came from. */
export interface Measurement {
  value: number;
  asOf: string;
  /** Words on how it is computed, and a link to the records behind it. */
  basisZh: string;
  basisEn: string;
  drillDown?: string;
}

export type IndicatorMeasure = (db: Database['db']) => Promise<Measurement | null>;

/**
 * An indicator of a task rather than of a target: the plan sets no figure for it, but a module
 * measures how far the task has come ("factories connected" for task 3's smart factories).
 */
export interface TaskIndicatorDefinition {
  code: string;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
}

export interface SeedResult {
  planVersion: number;
  created: boolean;
  districtsChanged: number;
  bodiesChanged: number;
  organisationsCreated: number;
}

export function planService(database: Database) {
  const { db } = database;
  /** Indicators that other modules measure from their records, by target code. */
  const indicators = new Map<string, IndicatorMeasure>();
  /** Task indicators by task number, in the order they were registered. */
  const taskIndicators = new Map<number, Map<string, { definition: TaskIndicatorDefinition; measure: IndicatorMeasure }>>();

  function measureTask(no: number) {
    return Promise.all([...(taskIndicators.get(no)?.values() ?? [])].map(async ({ definition, measure }) => ({ ...definition, measurement: await measure(db) })));
  }

  async function versionRow(version?: number) {
    const v = version === undefined ? await store.latestVersion(db) : await store.version(db, version);
    if (!v) throw notFound('行动计划版本不存在', 'Plan version not found');
    return v;
  }

  async function measure(code: string): Promise<Measurement | null> {
    const m = indicators.get(code);
    return m ? m(db) : null;
  }

  async function targetsOf(v: { id: number }) {
    const rows = await store.targets(db, v.id);
    return Promise.all(rows.map(async (t) => ({
      code: t.code, actionNo: t.actionNo, statementZh: t.statementZh, statementEn: t.statementEn,
      indicatorZh: t.indicatorZh, indicatorEn: t.indicatorEn, quantified: t.quantified, comparator: t.comparator,
      value: t.value, unit: t.unit, unitEn: t.unitEn, year: t.year, threshold: t.threshold, sourceSentence: t.sourceSentence,
      // A qualitative target ("a batch of pilot bases") is still counted when a module measures it.
      measurement: await measure(t.code),
    })));
  }

  return {
    registerIndicator(targetCode: string, m: IndicatorMeasure) {
      indicators.set(targetCode, m);
    },

    /** Registers (or replaces, by code) an indicator of a task; it is measured where the task is read. */
    registerTaskIndicator(taskNo: number, definition: TaskIndicatorDefinition, m: IndicatorMeasure) {
      const list = taskIndicators.get(taskNo) ?? new Map();
      list.set(definition.code, { definition: { ...definition }, measure: m });
      taskIndicators.set(taskNo, list);
    },

    /** The task's registered indicators, each measured now. */
    taskIndicators: measureTask,

    async plan(version?: number) {
      const v = await versionRow(version);
      const doc = v.document as unknown as PlanDocument;
      const [domains, actions, tasks, safeguards, targets] = await Promise.all([
        store.domains(db, v.id), store.actions(db, v.id), store.tasks(db, v.id), store.safeguards(db, v.id), store.targets(db, v.id),
      ]);
      return {
        code: v.code, version: v.version, checksum: v.checksum, titleZh: v.titleZh, titleEn: v.titleEn,
        publisherZh: v.publisherZh, publisherEn: v.publisherEn, status: v.status, statusZh: v.statusZh,
        horizon: { from: v.horizonFrom, to: v.horizonTo }, publishedOn: v.publishedOn, createdAt: v.createdAt,
        consultation: doc.consultation, preambleZh: doc.preambleZh, generalRequirementZh: doc.generalRequirementZh,
        domains: domains.map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn })),
        buildGoals: doc.buildGoals,
        safeguards: safeguards.map(({ no, titleZh, titleEn, textZh }) => ({ no, titleZh, titleEn, textZh })),
        counts: { actions: actions.length, tasks: tasks.length, safeguards: safeguards.length, targets: targets.length, quantifiedTargets: targets.filter((t) => t.quantified).length },
      };
    },

    versions: () => store.listVersions(db),

    /**
     * The plan's skeleton for modules that work on it: actions with their tasks and target codes,
     * without measuring any indicator (measures may be other modules' queries).
     */
    async outline(version?: number) {
      const v = await versionRow(version);
      const [actions, tasks, targets] = await Promise.all([store.actions(db, v.id), store.tasks(db, v.id), store.targets(db, v.id)]);
      return actions.map((a) => ({
        no: a.no, titleZh: a.titleZh, titleEn: a.titleEn,
        tasks: tasks.filter((t) => t.actionNo === a.no).map((t) => ({ no: t.no, actionNo: t.actionNo, titleZh: t.titleZh, titleEn: t.titleEn })),
        targetCodes: targets.filter((t) => t.actionNo === a.no).map((t) => t.code),
      }));
    },

    async text(version?: number) {
      const v = await versionRow(version);
      return { version: v.version, text: v.sourceText };
    },

    async actions(version?: number) {
      const v = await versionRow(version);
      const [actions, tasks, targets] = await Promise.all([store.actions(db, v.id), store.tasks(db, v.id), targetsOf(v)]);
      return actions.map((a) => ({
        no: a.no, code: a.code, titleZh: a.titleZh, titleEn: a.titleEn, introZh: a.introZh, domains: a.domains,
        tasks: tasks.filter((t) => t.actionNo === a.no).map((t) => ({ no: t.no, titleZh: t.titleZh, titleEn: t.titleEn, domains: t.domains })),
        targets: targets.filter((t) => t.actionNo === a.no),
      }));
    },

    async tasks(version?: number) {
      const v = await versionRow(version);
      const [tasks, links] = await Promise.all([store.tasks(db, v.id), store.taskBodies(db, v.id)]);
      return tasks.map((t) => ({
        no: t.no, actionNo: t.actionNo, titleZh: t.titleZh, titleEn: t.titleEn, domains: t.domains,
        places: t.places, products: t.products, fields: t.fields,
        bodies: links.filter((l) => l.taskNo === t.no).map((l) => ({ code: l.code, nameZh: l.nameZh, nameEn: l.nameEn, type: l.type })),
      }));
    },

    async task(no: number, version?: number) {
      const v = await versionRow(version);
      const t = await store.task(db, v.id, no);
      if (!t) throw notFound(`任务 ${no} 不存在`, `Task ${no} not found`);
      const [bodies, action, targets, indicators] = await Promise.all([store.taskBodies(db, v.id, no), store.action(db, v.id, t.actionNo), targetsOf(v), measureTask(no)]);
      return {
        no: t.no, actionNo: t.actionNo, titleZh: t.titleZh, titleEn: t.titleEn, textZh: t.textZh, domains: t.domains,
        places: t.places, products: t.products, fields: t.fields,
        bodies: bodies.map(({ code, nameZh, nameEn, type, districtCode, aliasesZh }) => ({ code, nameZh, nameEn, type, districtCode, aliasesZh })),
        action: { no: action.no, code: action.code, titleZh: action.titleZh, titleEn: action.titleEn, introZh: action.introZh },
        targets: targets.filter((x) => x.actionNo === t.actionNo),
        indicators,
        planVersion: v.version,
      };
    },

    async targets(version?: number) {
      return targetsOf(await versionRow(version));
    },

    districts: () => store.districts(db),
    bodies: () => store.bodies(db),

    /**
     * Loads the plan files. Idempotent: the same files change nothing; changed plan files
     * become a new plan version while the old ones stay readable. One transaction, audited.
     */
    async seed(ctx: Ctx, files: PlanFiles): Promise<SeedResult> {
      const problems = planProblems(files);
      if (problems.length) throw new Error(`plan files are not valid:\n- ${problems.join('\n- ')}`);
      const checksum = planChecksum(files);
      return db.transaction().execute(async (trx) => {
        const districtsChanged = await store.upsertDistricts(trx, files.districts);
        const bodiesChanged = await store.upsertBodies(trx, files.bodies);
        if (districtsChanged) await audit(trx, ctx, { action: 'district.load', entityType: 'district', entityId: '*', summary: `载入区县 ${districtsChanged} 个（Loaded ${districtsChanged} districts）` });
        if (bodiesChanged) await audit(trx, ctx, { action: 'body.load', entityType: 'body', entityId: '*', summary: `载入计划所列机构 ${bodiesChanged} 个（Loaded ${bodiesChanged} named bodies）` });

        let organisationsCreated = 0;
        // One read of what exists, rather than a query per district on every start.
        const existingOrgs = new Set((await identityStore.organisationNames(trx, ['taskForce', 'department', 'district'])).map((o) => `${o.kind}:${o.nameZh}`));
        const ensure = async (kind: string, nameZh: string, nameEn: string, districtCode: string | null) => {
          if (existingOrgs.has(`${kind}:${nameZh}`)) return;
          const o = await identityStore.insertOrganisation(trx, { kind, nameZh, nameEn, districtCode, creditCode: null });
          await audit(trx, ctx, { action: 'organisation.create', entityType: 'organisation', entityId: o.id, summary: `创建机构 ${nameZh}（Created organisation）`, after: o });
          organisationsCreated++;
        };
        await ensure('taskForce', '重庆市高新技术产业工作专班', 'Chongqing High-Tech Industry Task Force', null);
        await ensure('department', files.plan.publisherZh, files.plan.publisherEn, null);
        for (const d of files.districts) await ensure('district', `${d.nameZh}人民政府`, `${d.nameEn} People's Government`, d.code);

        const existing = await store.versionByChecksum(trx, files.plan.code, checksum);
        if (existing) return { planVersion: existing.version, created: false, districtsChanged, bodiesChanged, organisationsCreated };
        const { id, version } = await store.insertVersion(trx, files, checksum);
        await audit(trx, ctx, {
          action: 'plan.loadVersion', entityType: 'planVersion', entityId: String(id),
          summary: `载入行动计划第 ${version} 版（Loaded plan version ${version}）`, after: { code: files.plan.code, version, checksum },
        });
        return { planVersion: version, created: true, districtsChanged, bodiesChanged, organisationsCreated };
      });
    },
  };
}

export type PlanService = ReturnType<typeof planService>;
