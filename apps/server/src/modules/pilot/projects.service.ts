import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { nextCode } from '../../platform/db/codes.js';
import { AppError, conflict, forbidden, invalid, notFound, type ErrorDetail } from '../../platform/http/errors.js';
import { isIsoDate, todayIn } from '../../platform/dates.js';
import type { PilotDeps } from './index.js';
import { BASE_KEEPERS, OVERSEERS } from './http.js';
import { DOMAINS, GATE_RESULTS, PROJECT_STAGE_CODES, PROJECT_STAGES } from './model/labels.js';
import { gateProblem, nextProjectStage, START_STAGES, stageAfterGate, type GateResult, type ProjectStage } from './model/projects.js';
import { CONVERTED_STAGES } from './targets.service.js';
import { pilotViewerOf, type PilotViewer } from './viewer.js';

/** Overseers and base keepers see every project; a party sees the projects it takes part in. */
export const seesAllProjects = (v: PilotViewer) => v.taskForce || v.roles.some((r) => OVERSEERS.includes(r as never) || BASE_KEEPERS.includes(r as never));

/** A project an organisation takes part in: it leads it, owns its demand or achievement, is a party to its response, or runs its base. */
export const takesPartIn = (org: string) => sql<SqlBool>`(p.lead_org_id = ${org}
  or exists (select 1 from pilot_demand d where d.id = p.demand_id and d.organisation_id = ${org})
  or exists (select 1 from pilot_achievement a where a.id = p.achievement_id and a.organisation_id = ${org})
  or exists (select 1 from pilot_response r where r.id = p.response_id and (r.owner_org_id = ${org} or r.responder_org_id = ${org}))
  or exists (select 1 from pilot_base b where b.id = p.base_id and b.organisation_id = ${org}))`;

/** The project if this viewer may see it (the one-stop service links requests to projects so). */
export async function visibleProject(db: Kysely<DB>, v: PilotViewer, id: string) {
  if (!v.userId || (!seesAllProjects(v) && !v.organisationId)) return undefined;
  return db.selectFrom('pilotProject as p').selectAll('p').where('p.id', '=', id)
    .$if(!seesAllProjects(v), (q) => q.where(takesPartIn(v.organisationId!))).executeTakeFirst();
}

export interface ProjectInput {
  nameZh: string; demandId?: string | null; achievementId?: string | null; baseId?: string | null; leadOrgId?: string | null;
  districtCode?: string | null; domain?: string | null; stage?: ProjectStage; summaryZh?: string | null;
}

type NewProject = Required<Omit<ProjectInput, 'stage'>> & { stage: ProjectStage; responseId: string | null; stageEnteredOn: string };

/** Records a project inside the caller's transaction: a response's outcome makes one too. */
export async function insertProject(trx: Transaction<DB>, ctx: Ctx, v: PilotViewer, p: NewProject, now: Date) {
  const code = await nextCode(trx, 'pilot_project', `ZSXM-${todayIn(now).slice(0, 4)}-`);
  const row = await trx.insertInto('pilotProject').values({
    code, nameZh: p.nameZh, demandId: p.demandId, achievementId: p.achievementId, baseId: p.baseId, responseId: p.responseId, leadOrgId: p.leadOrgId,
    districtCode: p.districtCode, domain: p.domain, stage: p.stage, stageEnteredOn: p.stageEnteredOn, summaryZh: p.summaryZh,
    createdBy: v.userId, createdAt: now, updatedAt: now,
  }).returningAll().executeTakeFirstOrThrow();
  await audit(trx, ctx, { action: 'pilot.project.create', entityType: 'pilotProject', entityId: row.id, summary: `登记中试项目 ${code} ${row.nameZh}（Recorded pilot project）`, after: row });
  return row;
}

const notFoundProject = () => notFound('中试项目不存在', 'Pilot project not found');
const stageNames = (s: string) => PROJECT_STAGES[s as ProjectStage];

/**
 * Pilot projects (技术攻关 → … → 产业集群): recorded by the task force or a base keeper for its
 * base, or made by a response's outcome; moved on only through reviewed gates; a board by stage
 * for those who may see them, and counts by stage for everyone (the 1-to-10 indicator's basis).
 */
export function projectsService(database: Database, deps: PilotDeps) {
  const { db } = database;

  async function load(v: PilotViewer, id: string) {
    const p = await visibleProject(db, v, id);
    if (!p) throw notFoundProject();
    return p;
  }

  /** Gates and stops are the task force's, or the keeper's of the project's base. */
  function requireSteward(v: PilotViewer, p: { baseId: string | null }) {
    if (!v.taskForce && !(p.baseId && v.baseIds.includes(p.baseId))) throw forbidden('仅工作专班或项目所在基地可评审、终止项目', 'Only the task force or the project\'s base reviews or stops it');
  }

  async function referenceProblems(v: PilotViewer, input: ProjectInput): Promise<ErrorDetail[]> {
    const p: ErrorDetail[] = [];
    // A base keeper links published items only; the task force may link any it reviews.
    const item = async (table: 'pilotDemand' | 'pilotAchievement', id: string, path: string, zh: string) => {
      const row = await db.selectFrom(table).select(['id', 'publishedAt']).where('id', '=', id).executeTakeFirst();
      if (!row || (!v.taskForce && !row.publishedAt)) p.push({ path, message: `${zh}不存在或未发布（no such published item）` });
    };
    if (input.demandId) await item('pilotDemand', input.demandId, '/demandId', '生产需求');
    if (input.achievementId) await item('pilotAchievement', input.achievementId, '/achievementId', '成果');
    if (input.baseId && !(await db.selectFrom('pilotBase').select('id').where('id', '=', input.baseId).executeTakeFirst())) p.push({ path: '/baseId', message: '中试基地不存在（no such base）' });
    if (input.leadOrgId && !(await db.selectFrom('organisation').select('id').where('id', '=', input.leadOrgId).executeTakeFirst())) p.push({ path: '/leadOrgId', message: '牵头机构不存在（no such organisation）' });
    if (input.districtCode && !(await db.selectFrom('district').select('code').where('code', '=', input.districtCode).executeTakeFirst())) p.push({ path: '/districtCode', message: '区县不存在（no such district）' });
    return p;
  }

  function fieldProblems(input: ProjectInput): ErrorDetail[] {
    const p: ErrorDetail[] = [];
    if (!input.nameZh?.trim()) p.push({ path: '/nameZh', message: '项目名称必填（the name is required）' });
    if (input.domain && !(DOMAINS as readonly string[]).includes(input.domain)) p.push({ path: '/domain', message: '领域应为四大领域之一（one of the four domains）' });
    if (input.stage && !START_STAGES.includes(input.stage))
      p.push({ path: '/stage', message: `新登记项目只能从技术攻关、概念验证或中试熟化开始，之后须经关口评审（a project starts at research, proof of concept or pilot; later stages need a passed gate）` });
    return p;
  }

  const boardQuery = () => db.selectFrom('pilotProject as p')
    .leftJoin('pilotBase as b', 'b.id', 'p.baseId').leftJoin('organisation as o', 'o.id', 'p.leadOrgId')
    .leftJoin('pilotDemand as d', 'd.id', 'p.demandId').leftJoin('pilotAchievement as a', 'a.id', 'p.achievementId')
    .selectAll('p')
    .select(['b.code as baseCode', 'b.nameZh as baseNameZh', 'o.nameZh as leadOrgNameZh', 'd.code as demandCode', 'd.titleZh as demandTitleZh', 'a.code as achievementCode', 'a.titleZh as achievementTitleZh']);

  return {
    async board(ctx: Ctx, f: { status?: 'active' | 'stopped' | 'all'; baseId?: string; domain?: string; districtCode?: string }) {
      const v = await pilotViewerOf(db, ctx);
      const all = seesAllProjects(v);
      const rows = !all && !v.organisationId ? [] : await boardQuery()
        .$if(!all, (q) => q.where(takesPartIn(v.organisationId!)))
        .$if((f.status ?? 'active') !== 'all', (q) => q.where('p.status', '=', f.status ?? 'active'))
        .$if(!!f.baseId, (q) => q.where('p.baseId', '=', f.baseId!))
        .$if(!!f.domain, (q) => q.where('p.domain', '=', f.domain!))
        .$if(!!f.districtCode, (q) => q.where('p.districtCode', '=', f.districtCode!))
        .orderBy('p.stageEnteredOn').orderBy('p.code').execute();
      return {
        total: rows.length,
        stages: PROJECT_STAGE_CODES.map((stage) => {
          const projects = rows.filter((r) => r.stage === stage);
          return { stage, ...PROJECT_STAGES[stage], count: projects.length, projects };
        }),
      };
    },

    /** Public: counts only, in the indicator's own terms (a project past the pilot gate counts even if later stopped). */
    async counts() {
      const r = await sql<{ stage: string; counted: number; stopped: number }>`
        select stage, count(*) filter (where status = 'active' or stage in (${sql.join([...CONVERTED_STAGES])}))::int as counted,
               count(*) filter (where status = 'stopped')::int as stopped
        from pilot_project group by stage`.execute(db);
      const at = (s: string) => r.rows.find((x) => x.stage === s);
      const stages = PROJECT_STAGE_CODES.map((stage) => ({ stage, ...PROJECT_STAGES[stage], count: at(stage)?.counted ?? 0 }));
      return {
        stages,
        oneToTen: stages.filter((s) => (CONVERTED_STAGES as readonly string[]).includes(s.stage)).reduce((n, s) => n + s.count, 0),
        stopped: r.rows.reduce((n, x) => n + x.stopped, 0),
      };
    },

    async get(ctx: Ctx, id: string) {
      const v = await pilotViewerOf(db, ctx);
      await load(v, id);
      const [p, gates] = await Promise.all([
        boardQuery().where('p.id', '=', id).executeTakeFirstOrThrow(),
        db.selectFrom('pilotProjectGate as g').leftJoin('storedFile as f', 'f.id', 'g.evidenceFileId')
          .select(['g.id', 'g.fromStage', 'g.toStage', 'g.result', 'g.reviewerId', 'g.reviewerNameZh', 'g.reviewedOn', 'g.evidenceZh', 'g.evidenceFileId', 'g.noteZh', 'g.createdAt', 'f.name as evidenceFileName'])
          .where('g.projectId', '=', id).orderBy('g.createdAt').orderBy('g.id').execute(),
      ]);
      const steward = v.taskForce || (!!p.baseId && v.baseIds.includes(p.baseId));
      return {
        ...p, stageZh: stageNames(p.stage).zh, stageEn: stageNames(p.stage).en,
        gates: gates.map((g) => ({ ...g, resultZh: GATE_RESULTS[g.result as GateResult].zh, resultEn: GATE_RESULTS[g.result as GateResult].en })),
        may: { review: steward && p.status === 'active', stop: steward && p.status === 'active' },
      };
    },

    async create(ctx: Ctx, input: ProjectInput) {
      const v = await pilotViewerOf(db, ctx);
      if (!v.taskForce) {
        if (!input.baseId) throw invalid([{ path: '/baseId', message: '基地登记项目须指定本基地（a base records projects on its own base）' }]);
        if (!v.baseIds.includes(input.baseId)) throw forbidden('只能为本基地登记项目', 'A base records projects on its own base only');
      }
      const problems = [...fieldProblems(input), ...(await referenceProblems(v, input))];
      if (problems.length) throw invalid(problems);
      return db.transaction().execute((trx) => insertProject(trx, ctx, v, {
        nameZh: input.nameZh.trim(), demandId: input.demandId ?? null, achievementId: input.achievementId ?? null, baseId: input.baseId ?? null,
        leadOrgId: input.leadOrgId ?? null, districtCode: input.districtCode ?? null, domain: input.domain ?? null, summaryZh: input.summaryZh ?? null,
        stage: input.stage ?? 'research', responseId: null, stageEnteredOn: todayIn(deps.now()),
      }, deps.now()));
    },

    /** A gate review: a pass moves the project to its next stage; a fail or rework is recorded and it stays. */
    async review(ctx: Ctx, id: string, input: { result: GateResult; reviewerNameZh: string; reviewedOn: string; evidenceZh: string; evidenceFileId?: string | null; noteZh?: string | null; toStage?: string | null }) {
      const v = await pilotViewerOf(db, ctx);
      const before = await load(v, id);
      requireSteward(v, before);
      const why = gateProblem(before, input.toStage);
      if (why) throw conflict(why.zh, why.en, input.toStage ? [{ path: '/toStage', message: `${why.zh}（${why.en}）` }] : []);
      const p: ErrorDetail[] = [];
      if (!input.reviewerNameZh.trim()) p.push({ path: '/reviewerNameZh', message: '评审人必填（name the reviewer）' });
      if (!input.evidenceZh.trim()) p.push({ path: '/evidenceZh', message: '评审依据必填（state the evidence）' });
      if (!isIsoDate(input.reviewedOn)) p.push({ path: '/reviewedOn', message: '日期格式应为 YYYY-MM-DD（date as YYYY-MM-DD）' });
      else if (input.reviewedOn > todayIn(deps.now())) p.push({ path: '/reviewedOn', message: '评审日期不能晚于今天（the review date is not in the future）' });
      else if (input.reviewedOn < before.stageEnteredOn) p.push({ path: '/reviewedOn', message: `评审日期不能早于进入本阶段的日期 ${before.stageEnteredOn}（not before the stage began）` });
      if (input.evidenceFileId) {
        try { await deps.files.requireCitable(ctx, [input.evidenceFileId]); } catch (e) {
          if (!(e instanceof AppError)) throw e;
          p.push({ path: '/evidenceFileId', message: '附件不存在或不可引用（no such file of yours）' });
        }
      }
      if (p.length) throw invalid(p);
      const to = stageAfterGate(before.stage, input.result);
      return db.transaction().execute(async (trx) => {
        const gate = await trx.insertInto('pilotProjectGate').values({
          projectId: id, fromStage: before.stage, toStage: nextProjectStage(before.stage)!, result: input.result,
          reviewerId: v.userId, reviewerNameZh: input.reviewerNameZh.trim(), reviewedOn: input.reviewedOn, evidenceZh: input.evidenceZh.trim(),
          evidenceFileId: input.evidenceFileId ?? null, noteZh: input.noteZh ?? null, createdAt: deps.now(),
        }).returningAll().executeTakeFirstOrThrow();
        // The stage moves only from where the review found it, so two passes at once move it once.
        const project = to === before.stage ? before : await trx.updateTable('pilotProject').set({ stage: to, stageEnteredOn: input.reviewedOn, updatedAt: deps.now() })
          .where('id', '=', id).where('stage', '=', before.stage).where('status', '=', 'active').returningAll().executeTakeFirst();
        if (!project) throw conflict('项目阶段已被他人变更，请刷新后重试', 'The project changed meanwhile; reload and try again');
        const r = GATE_RESULTS[input.result];
        await audit(trx, ctx, {
          action: 'pilot.project.gate', entityType: 'pilotProject', entityId: id,
          summary: `中试项目 ${before.code} 关口评审「${stageNames(before.stage).zh} → ${stageNames(gate.toStage).zh}」：${r.zh}（Gate review: ${r.en}）`,
          before: { stage: before.stage }, after: { stage: project.stage, gate },
        });
        return { project, gate };
      });
    },

    async stop(ctx: Ctx, id: string, reason: string) {
      const v = await pilotViewerOf(db, ctx);
      const before = await load(v, id);
      requireSteward(v, before);
      if (!reason.trim()) throw invalid([{ path: '/reason', message: '终止须说明理由（say why）' }]);
      if (before.status !== 'active') throw conflict('项目已终止', 'The project is already stopped');
      return db.transaction().execute(async (trx) => {
        const p = await trx.updateTable('pilotProject').set({ status: 'stopped', stoppedReasonZh: reason.trim(), updatedAt: deps.now() })
          .where('id', '=', id).where('status', '=', 'active').returningAll().executeTakeFirst();
        if (!p) throw conflict('项目已终止', 'The project is already stopped');
        await audit(trx, ctx, { action: 'pilot.project.stop', entityType: 'pilotProject', entityId: id, summary: `终止中试项目 ${p.code}（Stopped pilot project）`, before: { status: before.status }, after: { status: 'stopped', reason: p.stoppedReasonZh } });
        return p;
      });
    },
  };
}

export type ProjectsService = ReturnType<typeof projectsService>;
