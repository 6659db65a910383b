import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, invalid, notFound, type ErrorDetail } from '../../platform/http/errors.js';
import { isIsoDate, todayIn } from '../../platform/dates.js';
import { notify } from '../supervision/notifications.js';
import type { ChallengeDeps } from './index.js';
import {
  awardForLead, awardForOrganiser, loadAward, lockAward, pastDayProblem, requiredText, requireUnsettled, throwIfAny, type AwardRow, type Q,
} from './delivery.awards.js';
import { milestoneDueOn, reportProblem } from './model/delivery.js';
import { challengeViewerOf } from './viewer.js';

export interface ContractInput { contractNo: string; signedOn: string }
export interface MilestoneEdit { id?: string | null; titleZh: string; dueOn: string; deliverableZh?: string | null }
export interface ReportInput { textZh: string; fileIds?: string[]; progress?: { indicatorId: string; value: number }[] }
export interface ReportDecision { decision: 'passed' | 'rework'; reasonZh?: string | null }

const milestoneNotFound = () => notFound('节点不存在', 'Milestone not found');
const reportNotFound = () => notFound('节点报告不存在', 'Milestone report not found');

/**
 * The contract of an award and its milestones: organisers record the contract (its number is
 * unique), which dates the plan's milestones from the signing day; organisers edit them until
 * the team's first report; the team's lead organisation reports on each, and organisers pass
 * a report or send it back for rework with the reason.
 */
export function milestonesService(database: Database, d: ChallengeDeps) {
  const { db } = database;
  const today = () => todayIn(d.now());

  const hasReports = async (awardId: string, q: Q = db) => !!(await q.selectFrom('milestoneReport').select('id').where('awardId', '=', awardId).limit(1).executeTakeFirst());
  const reportsFix = (path: string, what: { zh: string; en: string }) => conflict(`团队已提交节点报告，${what.zh}不能再修改`, `The team has reported on a milestone; ${what.en} can no longer change`, [{ path, message: '已有节点报告（reports exist）' }]);
  const CONTRACT = { zh: '合同', en: 'the contract' };
  const MILESTONES = { zh: '节点', en: 'milestones' };

  async function contractProblems(a: AwardRow, input: ContractInput) {
    const no = input.contractNo?.trim();
    const problems: (ErrorDetail | null)[] = [
      requiredText('/contractNo', no, '合同编号', 'the contract number'),
      pastDayProblem('/signedOn', input.signedOn, today(), '合同签订日期'),
    ];
    if (isIsoDate(input.signedOn ?? '') && input.signedOn < todayIn(a.awardedAt))
      problems.push({ path: '/signedOn', message: `合同签订日期不能早于立项日期 ${todayIn(a.awardedAt)}（the contract cannot be signed before the award）` });
    throwIfAny(problems);
    const taken = await db.selectFrom('award').select('code').where('contractNo', '=', no).where('id', '<>', a.id).executeTakeFirst();
    if (taken) throw conflict(`合同编号 ${no} 已用于立项 ${taken.code}`, `Contract number ${no} is already the contract of award ${taken.code}`, [{ path: '/contractNo', message: `已用于 ${taken.code}（already used）` }]);
    return no;
  }

  /** The milestone with its award, for a report or a decision on one. */
  async function milestoneOf(id: string) {
    const m = await db.selectFrom('awardMilestone').selectAll().where('id', '=', id).executeTakeFirst();
    if (!m) throw milestoneNotFound();
    return m;
  }

  return {
    /**
     * Records (or, before the first report, corrects) the contract. The first time, the award's
     * milestones are made from the plan applied for, each due its month after signing; a later
     * change of the signing day moves the milestones that still follow the plan.
     */
    async recordContract(ctx: Ctx, awardId: string, input: ContractInput) {
      const v = await challengeViewerOf(db, ctx);
      const a = await awardForOrganiser(db, v, awardId);
      requireUnsettled(a);
      if (a.contractNo && (await hasReports(a.id))) throw reportsFix('/contractNo', CONTRACT);
      const contractNo = await contractProblems(a, input);
      await db.transaction().execute(async (trx) => {
        // Under the award's lock, a report arriving meanwhile is seen.
        await lockAward(trx, a.id);
        if (await hasReports(a.id, trx)) throw reportsFix('/contractNo', CONTRACT);
        await trx.updateTable('award').set({ contractNo, contractSignedOn: input.signedOn, updatedAt: d.now() }).where('id', '=', a.id).execute();
        const existing = await trx.selectFrom('awardMilestone').select(['id', 'month']).where('awardId', '=', a.id).execute();
        let made = 0;
        if (!existing.length) {
          const plan = await trx.selectFrom('applicationMilestone').selectAll().where('applicationId', '=', a.applicationId).orderBy('position').execute();
          for (const [i, m] of plan.entries()) {
            await trx.insertInto('awardMilestone').values({
              awardId: a.id, position: i + 1, titleZh: m.titleZh, deliverableZh: m.deliverableZh, month: m.month, dueOn: milestoneDueOn(input.signedOn, m.month), createdAt: d.now(), updatedAt: d.now(),
            }).execute();
          }
          made = plan.length;
        } else if (input.signedOn !== a.contractSignedOn) {
          for (const m of existing.filter((x) => x.month !== null))
            await trx.updateTable('awardMilestone').set({ dueOn: milestoneDueOn(input.signedOn, m.month!), updatedAt: d.now() }).where('id', '=', m.id).execute();
        }
        await audit(trx, ctx, {
          action: a.contractNo ? 'challenges.contract.correct' : 'challenges.contract.record', entityType: 'award', entityId: a.id,
          summary: `立项 ${a.code} 登记合同 ${contractNo}，签订于 ${input.signedOn}${made ? `，按申报计划生成 ${made} 个节点` : ''}（Recorded the contract${made ? ` and ${made} milestones from the plan` : ''}）`,
          before: { contractNo: a.contractNo, contractSignedOn: a.contractSignedOn }, after: { contractNo, contractSignedOn: input.signedOn, milestonesMade: made },
        });
      });
      return loadAward(db, a.id);
    },

    /**
     * Organisers set the milestones as a whole list, in order, until the team's first report: a
     * listed id keeps (and edits) that milestone, an item without one adds a milestone, an
     * unlisted milestone is removed unless a payment cites it. An edited due day no longer
     * follows the contract date.
     */
    async replaceMilestones(ctx: Ctx, awardId: string, input: { milestones: MilestoneEdit[] }) {
      const v = await challengeViewerOf(db, ctx);
      const a = await awardForOrganiser(db, v, awardId);
      requireUnsettled(a);
      if (!a.contractNo || !a.contractSignedOn) throw conflict('请先登记合同，节点随合同生成', 'Record the contract first: milestones come with it', [{ path: '/contractNo', message: '尚未登记合同（no contract yet）' }]);
      if (await hasReports(a.id)) throw reportsFix('/milestones', MILESTONES);
      const existing = await db.selectFrom('awardMilestone').selectAll().where('awardId', '=', a.id).execute();
      const items = input.milestones ?? [];
      const problems: ErrorDetail[] = [];
      if (!items.length) problems.push({ path: '/milestones', message: '至少设置一个节点（at least one milestone）' });
      const seen = new Set<string>();
      items.forEach((m, i) => {
        const at = `/milestones/${i}`;
        if (!m.titleZh?.trim()) problems.push({ path: `${at}/titleZh`, message: '节点名称不能为空（a title is required）' });
        if (!isIsoDate(m.dueOn ?? '')) problems.push({ path: `${at}/dueOn`, message: '应为 YYYY-MM-DD 格式的日期（a YYYY-MM-DD date）' });
        else if (m.dueOn < a.contractSignedOn!) problems.push({ path: `${at}/dueOn`, message: `不能早于合同签订日期 ${a.contractSignedOn}（not before the contract was signed）` });
        if (m.id && (!existing.some((x) => x.id === m.id) || seen.has(m.id))) problems.push({ path: `${at}/id`, message: '不是本立项的节点或重复（not a milestone of this award, or listed twice）' });
        if (m.id) seen.add(m.id);
      });
      if (problems.length) throw invalid(problems);
      const removed = existing.filter((x) => !seen.has(x.id));
      if (removed.length) {
        const cited = await db.selectFrom('tranche').select('milestoneId').where('milestoneId', 'in', removed.map((x) => x.id)).executeTakeFirst();
        if (cited) {
          const m = removed.find((x) => x.id === cited.milestoneId)!;
          throw conflict(`节点「${m.titleZh}」已有拨付记录，不能删除`, `Milestone "${m.titleZh}" has a payment recorded against it and cannot be removed`, [{ path: '/milestones', message: m.titleZh }]);
        }
      }
      await db.transaction().execute(async (trx) => {
        await lockAward(trx, a.id);
        if (await hasReports(a.id, trx)) throw reportsFix('/milestones', MILESTONES);
        if (removed.length) await trx.deleteFrom('awardMilestone').where('id', 'in', removed.map((x) => x.id)).execute();
        // Out of the way first, so that reordering never meets the (award, position) key half-way.
        await trx.updateTable('awardMilestone').set((eb) => ({ position: eb.neg(eb.ref('position')) })).where('awardId', '=', a.id).execute();
        for (const [i, m] of items.entries()) {
          const fields = { position: i + 1, titleZh: m.titleZh.trim(), deliverableZh: m.deliverableZh?.trim() || null, dueOn: m.dueOn, updatedAt: d.now() };
          const before = m.id ? existing.find((x) => x.id === m.id) : undefined;
          if (before) await trx.updateTable('awardMilestone').set({ ...fields, month: before.dueOn === m.dueOn ? before.month : null }).where('id', '=', before.id).execute();
          else await trx.insertInto('awardMilestone').values({ ...fields, awardId: a.id, month: null, createdAt: d.now() }).execute();
        }
        await audit(trx, ctx, {
          action: 'challenges.milestones.edit', entityType: 'award', entityId: a.id, summary: `调整立项 ${a.code} 的节点：共 ${items.length} 个（Edited the award's milestones）`,
          before: existing.map((x) => ({ id: x.id, position: x.position, titleZh: x.titleZh, dueOn: x.dueOn })), after: items.map((m, i) => ({ id: m.id ?? null, position: i + 1, titleZh: m.titleZh, dueOn: m.dueOn })),
        });
      });
      return db.selectFrom('awardMilestone').selectAll().where('awardId', '=', a.id).orderBy('position').execute();
    },

    /** The team's lead organisation reports on a milestone: text, attachments, progress on the indicators. */
    async submitReport(ctx: Ctx, milestoneId: string, input: ReportInput) {
      const v = await challengeViewerOf(db, ctx);
      const m = await milestoneOf(milestoneId);
      const { award: a } = await awardForLead(db, v, m.awardId).catch((e) => { throw e.status === 404 ? milestoneNotFound() : e; });
      const why = reportProblem(a, m);
      if (why) throw conflict(why.zh, why.en, [{ path: '/status', message: `${why.zh}（${why.en}）` }]);
      const indicators = await db.selectFrom('challengeIndicator').select('id').where('challengeId', '=', a.challengeId).execute();
      const progress = input.progress ?? [];
      const problems: (ErrorDetail | null)[] = [requiredText('/textZh', input.textZh, '报告内容', 'the report text')];
      progress.forEach((p, i) => {
        if (!indicators.some((x) => x.id === p.indicatorId)) problems.push({ path: `/progress/${i}/indicatorId`, message: '不是本榜单的考核指标（not an indicator of this challenge）' });
        if (typeof p.value !== 'number' || !Number.isFinite(p.value)) problems.push({ path: `/progress/${i}/value`, message: '应为数值（a number）' });
      });
      if (new Set(progress.map((p) => p.indicatorId)).size < progress.length) problems.push({ path: '/progress', message: '同一指标只填一次（each indicator once）' });
      throwIfAny(problems);
      const fileIds = await d.files.citable(ctx, input.fileIds, '/fileIds');
      const report = await db.transaction().execute(async (trx) => {
        // The award's lock orders a report after a milestone edit or a verdict that ends the award.
        const now = (await lockAward(trx, a.id))!;
        if (now.status !== 'active') throw conflict('立项已不在实施中，不能提交报告', 'The award is no longer active; no reports', [{ path: '/status', message: now.status }]);
        // Only from a state that takes a report: two reports at once leave one.
        const moved = await trx.updateTable('awardMilestone').set({ status: 'submitted', updatedAt: d.now() }).where('id', '=', m.id).where('status', 'in', ['pending', 'rework']).executeTakeFirst();
        if (!moved.numUpdatedRows) throw conflict('该节点已有待审核的报告', 'A report on this milestone is waiting for review', [{ path: '/status', message: '待审核（submitted）' }]);
        const row = await trx.insertInto('milestoneReport').values({
          milestoneId: m.id, awardId: a.id, textZh: input.textZh.trim(), fileIds, progress: JSON.stringify(progress), submittedBy: v.userId, submittedAt: d.now(),
        }).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'challenges.milestone.report', entityType: 'awardMilestone', entityId: m.id, summary: `立项 ${a.code} 提交节点「${m.titleZh}」的报告（Reported on a milestone）`, after: { reportId: row.id, fileIds, progress } });
        if (a.organiserId) await notify(trx, {
          organisationId: a.organiserId, kind: 'challenges.milestone.reported', link: `/challenges/awards/${a.id}`, dedupeKey: `challenges.milestone.reported:${row.id}`,
          titleZh: `立项 ${a.code} 提交了节点「${m.titleZh.slice(0, 40)}」的报告，待审核`, titleEn: `Award ${a.code} reported on a milestone; it awaits review`,
        });
        return row;
      });
      return report;
    },

    /** Organisers pass a report (the milestone passes) or send it back for rework with the reason. */
    async decideReport(ctx: Ctx, reportId: string, input: ReportDecision) {
      const v = await challengeViewerOf(db, ctx);
      const r = await db.selectFrom('milestoneReport').selectAll().where('id', '=', reportId).executeTakeFirst();
      if (!r) throw reportNotFound();
      const a = await awardForOrganiser(db, v, r.awardId);
      throwIfAny([
        input.decision === 'passed' || input.decision === 'rework' ? null : { path: '/decision', message: '应为通过或需整改（passed or rework）' },
        input.decision === 'rework' ? requiredText('/reasonZh', input.reasonZh, '整改理由', 'the reason for rework') : null,
      ]);
      if (r.decision) throw conflict('该报告已审核', 'The report has already been reviewed', [{ path: '/decision', message: r.decision }]);
      requireUnsettled(a);
      const m = await milestoneOf(r.milestoneId);
      return db.transaction().execute(async (trx) => {
        const decided = await trx.updateTable('milestoneReport').set({ decision: input.decision, decisionZh: input.reasonZh?.trim() || null, decidedBy: v.userId, decidedAt: d.now() })
          .where('id', '=', r.id).where('decision', 'is', null).returningAll().executeTakeFirst();
        if (!decided) throw conflict('该报告已审核', 'The report has already been reviewed', [{ path: '/decision', message: '已审核（reviewed）' }]);
        const passed = input.decision === 'passed';
        await trx.updateTable('awardMilestone').set({ status: input.decision, passedOn: passed ? today() : null, updatedAt: d.now() }).where('id', '=', m.id).execute();
        await audit(trx, ctx, {
          action: passed ? 'challenges.milestone.pass' : 'challenges.milestone.rework', entityType: 'awardMilestone', entityId: m.id,
          summary: `立项 ${a.code} 节点「${m.titleZh}」${passed ? '审核通过' : `需整改：${input.reasonZh?.trim()}`}（${passed ? 'Milestone passed' : 'Sent back for rework'}）`,
          before: { status: 'submitted' }, after: { status: input.decision, reportId: r.id, reasonZh: decided.decisionZh },
        });
        await notify(trx, {
          organisationId: a.leadOrganisationId, kind: `challenges.milestone.${input.decision}`, link: `/challenges/awards/${a.id}`, dedupeKey: `challenges.milestone.decided:${r.id}`,
          titleZh: `节点「${m.titleZh.slice(0, 40)}」的报告${passed ? '已审核通过' : `需整改：${(input.reasonZh ?? '').trim().slice(0, 60)}`}`,
          titleEn: passed ? `Your milestone report on award ${a.code} passed review` : `Your milestone report on award ${a.code} needs rework`,
        });
        return decided;
      });
    },
  };
}

export type MilestonesService = ReturnType<typeof milestonesService>;
