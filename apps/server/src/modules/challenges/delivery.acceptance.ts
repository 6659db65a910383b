import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, type ErrorDetail } from '../../platform/http/errors.js';
import { todayIn } from '../../platform/dates.js';
import { notify } from '../supervision/notifications.js';
import type { ChallengeDeps } from './index.js';
import { awardForOrganiser, completeIfSettled, lockAward, pastDayProblem, requireUnsettled, throwIfAny } from './delivery.awards.js';
import { acceptanceConclusion, awardStatusAfterAcceptance, indicatorMet } from './model/delivery.js';
import { challengeViewerOf } from './viewer.js';

export interface AcceptanceInput {
  heldOn: string;
  results: { indicatorId: string; achievedValue: number; evidenceZh: string }[];
  /** Passes an acceptance that missed an indicator: the organisers' stated reason. */
  exceptionZh?: string | null;
  noteZh?: string | null;
  fileIds?: string[];
}

/**
 * Acceptance (验收) of an award against its challenge's indicators: for each, the achieved value
 * and the evidence; met or not is the comparator's to say. Passed when every indicator is met or
 * the organisers state an exception; the award is then accepted, otherwise failed, and the
 * challenge completes when it was the last award still running.
 */
export function acceptanceService(database: Database, d: ChallengeDeps) {
  const { db } = database;

  return {
    async accept(ctx: Ctx, awardId: string, input: AcceptanceInput) {
      const v = await challengeViewerOf(db, ctx);
      const a = await awardForOrganiser(db, v, awardId);
      requireUnsettled(a);
      if (!a.contractNo) throw conflict('尚未登记合同，不能验收', 'No contract is recorded; the award cannot be accepted', [{ path: '/contractNo', message: '尚未登记合同（no contract yet）' }]);
      const indicators = await db.selectFrom('challengeIndicator').selectAll().where('challengeId', '=', a.challengeId).orderBy('position').execute();
      const results = input.results ?? [];
      const problems: (ErrorDetail | null)[] = [pastDayProblem('/heldOn', input.heldOn, todayIn(d.now()), '验收日期')];
      const seen = new Set<string>();
      results.forEach((r, i) => {
        const at = `/results/${i}`;
        if (!indicators.some((x) => x.id === r.indicatorId)) problems.push({ path: `${at}/indicatorId`, message: '不是本榜单的考核指标（not an indicator of this challenge）' });
        else if (seen.has(r.indicatorId)) problems.push({ path: `${at}/indicatorId`, message: '同一指标只填一次（each indicator once）' });
        seen.add(r.indicatorId);
        if (typeof r.achievedValue !== 'number' || !Number.isFinite(r.achievedValue)) problems.push({ path: `${at}/achievedValue`, message: '实际达到值应为数值（a number）' });
        if (!r.evidenceZh?.trim()) problems.push({ path: `${at}/evidenceZh`, message: '须说明佐证材料（the evidence is required）' });
      });
      for (const x of indicators.filter((i) => !seen.has(i.id)))
        problems.push({ path: '/results', message: `缺少指标「${x.nameZh}」的验收结果：每个考核指标都须填写（indicator "${x.nameZh}" has no result: every indicator is assessed）` });
      throwIfAny(problems);
      const fileIds = await d.files.citable(ctx, input.fileIds, '/fileIds');
      const assessed = indicators.map((x) => {
        const r = results.find((y) => y.indicatorId === x.id)!;
        return { indicatorId: x.id, nameZh: x.nameZh, comparator: x.comparator, targetValue: x.targetValue, unit: x.unit, achievedValue: r.achievedValue, met: indicatorMet(x.comparator, x.targetValue, r.achievedValue), evidenceZh: r.evidenceZh.trim() };
      });
      const { allMet, byException, conclusion } = acceptanceConclusion(assessed, input.exceptionZh);
      return db.transaction().execute(async (trx) => {
        const now = await lockAward(trx, a.id);
        requireUnsettled(now!);
        const row = await trx.insertInto('awardAcceptance').values({
          awardId: a.id, heldOn: input.heldOn, conclusion, allMet, exceptionZh: byException ? input.exceptionZh!.trim() : null, noteZh: input.noteZh?.trim() || null, fileIds,
          recordedBy: v.userId, createdAt: d.now(),
        }).returningAll().executeTakeFirstOrThrow();
        for (const r of assessed)
          await trx.insertInto('acceptanceResult').values({ acceptanceId: row.id, indicatorId: r.indicatorId, achievedValue: r.achievedValue, met: r.met, evidenceZh: r.evidenceZh }).execute();
        const status = awardStatusAfterAcceptance(conclusion);
        await trx.updateTable('award').set({ status, settledAt: d.now(), updatedAt: d.now() }).where('id', '=', a.id).execute();
        const metCount = assessed.filter((r) => r.met).length;
        await audit(trx, ctx, {
          action: `challenges.award.${status === 'accepted' ? 'accept' : 'fail'}`, entityType: 'award', entityId: a.id,
          summary: `立项 ${a.code} 验收${conclusion === 'passed' ? '通过' : '未通过'}：${metCount}/${assessed.length} 项指标达标${byException ? '，按例外说明通过' : ''}（Acceptance ${conclusion}${byException ? ' by a stated exception' : ''}）`,
          before: { status: a.status }, after: { status, acceptanceId: row.id, allMet, exceptionZh: row.exceptionZh, results: assessed.map(({ indicatorId, achievedValue, met }) => ({ indicatorId, achievedValue, met })) },
        });
        await notify(trx, {
          organisationId: a.leadOrganisationId, kind: `challenges.acceptance.${conclusion}`, link: `/challenges/awards/${a.id}`, dedupeKey: `challenges.acceptance:${row.id}`,
          titleZh: `立项 ${a.code} 验收${conclusion === 'passed' ? '通过' : '未通过'}`, titleEn: `Award ${a.code} ${conclusion === 'passed' ? 'passed' : 'failed'} acceptance`,
        });
        const challengeCompleted = await completeIfSettled(trx, ctx, a.challengeId, d.now());
        return { ...row, results: assessed, awardStatus: status, challengeCompleted };
      });
    },
  };
}

export type AcceptanceService = ReturnType<typeof acceptanceService>;
