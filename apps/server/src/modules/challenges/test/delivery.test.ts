import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { AppError } from '../../../platform/http/errors.js';
import { addMonths } from '../../../platform/dates.js';
import { fileService } from '../../../platform/files/files.js';
import { challengePeople, makeOrganisation, makeUser, type ChallengePeople } from './fixture.js';
import { advance, awardedChallenge, awardStatus, countOf, todayOf, type AwardedChallenge } from './delivery.fixture.js';
import { zeroToOneByPlatform } from '../../innovation/results.js';

/**
 * Delivery of awarded challenges, through the services and the routes: the contract and its
 * milestones, reports and their review (only the lead reports), verdicts at a review (stop,
 * merge), the tranche ledger (no payment to a stopped or merged award, no overpaying), acceptance
 * by the comparator and the challenge's completion, outputs linked to the IP register, the board,
 * the public pages and the Excel exports. The steps build on each other, in order, on one clock.
 */

async function fails(p: Promise<unknown>, status: number, path?: string) {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e, 'expected the call to be refused').toBeInstanceOf(AppError);
  const err = e as AppError;
  expect(err.status, err.message).toBe(status);
  if (path) expect(err.details.map((x) => x.path), err.message).toContain(path);
  return err;
}

async function zippedText(data: Buffer) {
  const zip = await JSZip.loadAsync(data);
  return (await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')))).join('\n');
}

describe.each(testDatabases)('challenge delivery on $name', (kind) => {
  const h = useHarness(kind);
  let p: ChallengePeople;
  /** One team (揭榜挂帅) whose consortium member has a user; four teams in parallel funding. */
  let single: AwardedChallenge;
  let parallel: AwardedChallenge;
  const s = () => h.services.challenges;
  const lead = (c: AwardedChallenge, i = 0) => c.consortia[i].lead.ctx;

  beforeAll(async () => {
    h.clock.set('2026-03-10T02:00:00Z');
    p = await challengePeople(h);
    single = await awardedChallenge(h, p, { teams: 1, memberUsers: true, fundingWan: 500 });
    parallel = await awardedChallenge(h, p, { teams: 4, fundingWan: 1200 });
  });

  it('records the contract, dating the plan\'s milestones from it; organisers edit them until the first report', async () => {
    const a = single.awards[0];
    const today = todayOf(h);
    await fails(s().milestones.recordContract(lead(single), a.id, { contractNo: 'HT-X', signedOn: today }), 403);
    await fails(s().milestones.recordContract(p.ctx.taskforce, a.id, { contractNo: ' ', signedOn: '2999-01-01' }), 422, '/signedOn');
    await fails(s().milestones.recordContract(p.ctx.taskforce, a.id, { contractNo: 'HT-X', signedOn: '2026-01-01' }), 422, '/signedOn');
    expect(await countOf(h, 'award_milestone')).toBe(0);
    // A milestone before the contract: nothing to edit yet.
    await fails(s().milestones.replaceMilestones(p.ctx.taskforce, a.id, { milestones: [{ titleZh: '节点', dueOn: today }] }), 409);

    const signed = await s().milestones.recordContract(p.ctx.taskforce, a.id, { contractNo: 'HT-2026-001', signedOn: today });
    expect(signed).toMatchObject({ contractNo: 'HT-2026-001', contractSignedOn: today });
    const view = await s().delivery.award(p.ctx.taskforce, a.id);
    expect(view.milestones.map((m) => [m.position, m.titleZh, m.month, m.dueOn])).toEqual([
      [1, '完成平台搭建与中期评估', 12, addMonths(today, 12)], [2, '完成菌株验证与验收', 24, addMonths(today, 24)],
    ]);
    // The number is unique across awards.
    await fails(s().milestones.recordContract(p.ctx.unit, parallel.awards[0].id, { contractNo: 'HT-2026-001', signedOn: todayOf(h) }), 409, '/contractNo');

    // A corrected signing day moves the milestones that follow the plan.
    await s().milestones.recordContract(p.ctx.taskforce, a.id, { contractNo: 'HT-2026-001', signedOn: '2026-04-10' });
    const [m1, m2] = (await s().delivery.award(p.ctx.taskforce, a.id)).milestones;
    expect([m1.dueOn, m2.dueOn]).toEqual(['2027-04-10', '2028-04-10']);

    // Whole list, in order: the second kept and moved first with a new date, a new one added, the first removed.
    await fails(s().milestones.replaceMilestones(p.ctx.taskforce, a.id, { milestones: [{ titleZh: '早于合同', dueOn: '2026-01-01' }] }), 422, '/milestones/0/dueOn');
    await fails(s().milestones.replaceMilestones(p.ctx.taskforce, a.id, { milestones: [{ id: parallel.awards[0].id, titleZh: '别人的', dueOn: '2027-01-01' }] }), 422, '/milestones/0/id');
    const edited = await s().milestones.replaceMilestones(p.ctx.taskforce, a.id, { milestones: [
      { titleZh: '中试放大', dueOn: '2026-10-31', deliverableZh: '中试报告' },
      { id: m2.id, titleZh: '完成菌株验证与验收', dueOn: '2028-03-31' },
      { id: m1.id, titleZh: '中期评估', dueOn: '2027-04-10' },
    ] });
    expect(edited.map((m) => [m.position, m.titleZh, m.month, m.dueOn])).toEqual([
      [1, '中试放大', null, '2026-10-31'], [2, '完成菌株验证与验收', null, '2028-03-31'], [3, '中期评估', 12, '2027-04-10'],
    ]);
    const audit = await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', a.id).orderBy('id').execute();
    expect(audit.map((x) => x.action)).toEqual(['challenges.contract.record', 'challenges.contract.correct', 'challenges.milestones.edit']);
  });

  it('is run by the posting department and the task force only: another department reads it but records nothing', async () => {
    const a = single.awards[0];
    const other = (await makeUser(h, ['unit'], await makeOrganisation(h, 'department', '重庆市农业农村委员会'))).ctx;
    const before = await countOf(h, 'tranche');
    await fails(s().milestones.recordContract(other, a.id, { contractNo: 'HT-OTHER', signedOn: todayOf(h) }), 403);
    await fails(s().tranches.pay(other, a.id, { amountWan: 1, paidOn: todayOf(h), voucherNo: 'PZ-OTHER' }), 403);
    await fails(s().verdicts.recordReview(other, single.challenge.id, { titleZh: '中期评估', heldOn: todayOf(h), verdicts: [] }), 403);
    await fails(s().acceptance.accept(other, a.id, { acceptedOn: todayOf(h), results: [] } as never), 403);
    expect(await countOf(h, 'tranche')).toBe(before);
    const seen = await s().delivery.award(other, a.id);
    expect(Object.values(seen.may).some(Boolean)).toBe(false);
    expect(Object.values((await s().delivery.award(p.ctx.unit, a.id)).may).some(Boolean)).toBe(true);
  });

  it('takes reports from the lead organisation only, and organisers pass them or send them back with the reason', async () => {
    const a = single.awards[0];
    const [m1, m2] = (await s().delivery.award(p.ctx.taskforce, a.id)).milestones;
    const member = single.consortia[0].members[0].ctx!;
    const report = { textZh: '完成 500 升中试放大，酶活提高 3 倍', progress: [{ indicatorId: single.indicators[1].id, value: 3 }] };

    await fails(s().milestones.submitReport(member, m1.id, report), 403);
    await fails(s().milestones.submitReport(p.ctx.stranger, m1.id, report), 404);
    await fails(s().milestones.submitReport(p.ctx.taskforce, m1.id, report), 403);
    await fails(s().milestones.submitReport(lead(single), m1.id, { ...report, progress: [{ indicatorId: parallel.indicators[0].id, value: 1 }] }), 422, '/progress/0/indicatorId');
    await fails(s().milestones.submitReport(lead(single), m1.id, { textZh: '  ' }), 422, '/textZh');
    expect(await countOf(h, 'milestone_report')).toBe(0);

    // Through the route, as the lead's user signs in.
    const leadUser = await h.database.db.selectFrom('appUser').select('username').where('id', '=', single.consortia[0].lead.userId).executeTakeFirstOrThrow();
    const leadClient = await h.login(leadUser.username);
    // Attachments are the team's own: another organisation's file cannot be cited.
    const files = fileService(h.database);
    const pdf = { name: '中试报告.pdf', mime: 'application/pdf', content: Buffer.from('%PDF-1.4 中试报告') };
    const theirs = await files.upload(p.ctx.stranger, pdf);
    await fails(s().milestones.submitReport(lead(single), m1.id, { ...report, fileIds: [theirs.id] }), 422, '/fileIds');
    const ours = await files.upload(lead(single), pdf);
    const res = await leadClient.post(`/api/challenges/milestones/${m1.id}/reports`, { ...report, fileIds: [ours.id] });
    expect(res.statusCode, res.body).toBe(201);
    const first = res.json();
    await fails(s().milestones.submitReport(lead(single), m1.id, report), 409);
    // Once a report is in, the contract and the milestones are fixed.
    await fails(s().milestones.replaceMilestones(p.ctx.taskforce, a.id, { milestones: [{ titleZh: '改', dueOn: '2027-01-01' }] }), 409);
    await fails(s().milestones.recordContract(p.ctx.taskforce, a.id, { contractNo: 'HT-2026-009', signedOn: '2026-04-10' }), 409);

    await fails(s().milestones.decideReport(lead(single), first.id, { decision: 'passed' }), 403);
    await fails(s().milestones.decideReport(p.ctx.taskforce, first.id, { decision: 'rework', reasonZh: '' }), 422, '/reasonZh');
    await s().milestones.decideReport(p.ctx.taskforce, first.id, { decision: 'rework', reasonZh: '缺少第三方检测报告' });
    await fails(s().milestones.decideReport(p.ctx.unit, first.id, { decision: 'passed' }), 409);
    const second = await s().milestones.submitReport(lead(single), m1.id, { ...report, textZh: '补充第三方检测报告' });
    await s().milestones.decideReport(p.ctx.unit, second.id, { decision: 'passed' });

    const view = await s().delivery.award(member, a.id);
    expect(view.relation).toBe('member');
    expect(view.may).toMatchObject({ report: false, pay: false, recordOutputs: false });
    expect(view.milestones[0]).toMatchObject({ status: 'passed', passedOn: todayOf(h) });
    expect(view.milestones[0].reports.map((r) => [r.decision, r.decisionZh])).toEqual([['rework', '缺少第三方检测报告'], ['passed', null]]);
    expect(view.milestones[0].reports[0].files.map((f) => f.name)).toEqual(['中试报告.pdf']);
    expect(view.milestones[1]).toMatchObject({ id: m2.id, status: 'pending', isNext: true });
    expect((await s().delivery.award(lead(single), a.id)).may).toMatchObject({ report: true, recordOutputs: true, pay: false });
    await fails(s().delivery.award(p.ctx.stranger, a.id), 404);
    const told = await h.database.db.selectFrom('notification').select('kind').where('organisationId', '=', single.consortia[0].lead.orgId).where('kind', 'like', 'challenges.milestone.%').execute();
    expect(told.map((n) => n.kind).sort()).toEqual(['challenges.milestone.passed', 'challenges.milestone.rework']);
  });

  it('records each team\'s verdict at a review: a stopped team is paid no more, a merged one\'s remaining budget goes to its target', async () => {
    const [A, B, C, D] = parallel.awards;
    for (const [i, x] of parallel.awards.entries())
      await s().milestones.recordContract(p.ctx.taskforce, x.id, { contractNo: `HT-2026-P${i}`, signedOn: todayOf(h) });
    expect(A.shareWan).toBe(300);
    await s().tranches.pay(p.ctx.taskforce, B.id, { amountWan: 100, paidOn: todayOf(h), voucherNo: 'PZ-B-1' });
    const review = (verdicts: { awardId: string; verdict: 'continue' | 'stop' | 'merge'; mergeIntoAwardId?: string; reasonZh?: string }[]) =>
      s().verdicts.recordReview(p.ctx.taskforce, parallel.challenge.id, { titleZh: '中期评估', heldOn: todayOf(h), verdicts });

    // Every active team gets one; a merge goes into a team that continues.
    await fails(review([{ awardId: A.id, verdict: 'continue' }]), 422, '/verdicts');
    await fails(review([
      { awardId: A.id, verdict: 'stop', reasonZh: '进展滞后' }, { awardId: B.id, verdict: 'merge', mergeIntoAwardId: A.id, reasonZh: '路线相近' },
      { awardId: C.id, verdict: 'continue' }, { awardId: D.id, verdict: 'continue' },
    ]), 422, '/verdicts/1/mergeIntoAwardId');
    await fails(review([{ awardId: A.id, verdict: 'continue' }, { awardId: B.id, verdict: 'continue' }, { awardId: C.id, verdict: 'continue' }, { awardId: single.awards[0].id, verdict: 'continue' }]), 422, '/verdicts/3/awardId');
    await fails(s().verdicts.recordReview(lead(parallel), parallel.challenge.id, { titleZh: '中期评估', heldOn: todayOf(h), verdicts: [] }), 403);
    expect(await countOf(h, 'delivery_review')).toBe(0);

    const done = await review([
      { awardId: A.id, verdict: 'continue' }, { awardId: B.id, verdict: 'merge', mergeIntoAwardId: A.id, reasonZh: '技术路线相近，并入 A 团队' },
      { awardId: C.id, verdict: 'stop', reasonZh: '关键指标进展滞后' }, { awardId: D.id, verdict: 'continue' },
    ]);
    expect(done.challengeCompleted).toBe(false);
    expect(await awardStatus(h, B.id)).toBe('merged');
    expect(await awardStatus(h, C.id)).toBe('stopped');
    const a = await s().delivery.award(p.ctx.taskforce, A.id);
    expect(a).toMatchObject({ mergedInWan: 200, payableWan: 500, status: 'active' });

    await fails(s().tranches.pay(p.ctx.taskforce, C.id, { amountWan: 10, paidOn: todayOf(h), voucherNo: 'PZ-C-1' }), 409, '/status');
    await fails(s().tranches.pay(p.ctx.taskforce, B.id, { amountWan: 10, paidOn: todayOf(h), voucherNo: 'PZ-B-2' }), 409, '/status');

    // The board: the teams side by side, the review's verdict in each team's cell.
    const res = await p.as.district.get(`/api/challenges/${parallel.challenge.id}/delivery-reviews`);
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json();
    expect(board.teams.map((t: { code: string; status: string; paidWan: number }) => [t.code, t.status, t.paidWan])).toEqual([[A.code, 'active', 0], [B.code, 'merged', 100], [C.code, 'stopped', 0], [D.code, 'active', 0]]);
    expect(board.reviews).toHaveLength(1);
    expect(board.reviews[0].verdicts[B.id]).toMatchObject({ verdict: 'merge', mergeIntoCode: A.code, remainingWan: 200 });
    expect(board.reviews[0].verdicts[C.id]).toMatchObject({ verdict: 'stop', remainingWan: 300, reasonZh: '关键指标进展滞后' });
    expect(board.reviews[0].verdicts[A.id]).toMatchObject({ verdict: 'continue', remainingWan: null });
    // The next review asks only for the teams still running.
    await fails(review([{ awardId: A.id, verdict: 'continue' }, { awardId: B.id, verdict: 'continue' }, { awardId: D.id, verdict: 'continue' }]), 422, '/verdicts/1/awardId');
  });

  it('keeps the tranche ledger: no overpaying, one voucher once, totals by award, challenge and year, and its Excel', async () => {
    const [A, , , D] = parallel.awards;
    const pay = (awardId: string, amountWan: number, voucherNo: string, extra: Record<string, unknown> = {}) =>
      s().tranches.pay(p.ctx.taskforce, awardId, { amountWan, paidOn: todayOf(h), voucherNo, ...extra });
    await fails(pay(A.id, 0, 'PZ-0'), 422, '/amountWan');
    await fails(pay(A.id, 10, 'PZ-0', { milestoneId: (await s().delivery.award(p.ctx.taskforce, single.awards[0].id)).milestones[0].id }), 422, '/milestoneId');
    await fails(pay(A.id, 10, 'PZ-0', { paidOn: '2026-01-01' }), 422, '/paidOn');
    await fails(s().tranches.pay(lead(parallel), A.id, { amountWan: 10, paidOn: todayOf(h), voucherNo: 'PZ-0' }), 403);
    await pay(A.id, 250, 'PZ-A-1');
    // A may be paid its 300 and B's 200 that merged into it: 500 in all.
    await fails(pay(A.id, 250.01, 'PZ-A-2'), 422, '/amountWan');
    await fails(pay(D.id, 1, 'PZ-A-1'), 409, '/voucherNo');
    advance(h, 250);
    const [m1] = (await s().delivery.award(p.ctx.taskforce, A.id)).milestones;
    await pay(A.id, 250, 'PZ-A-2', { milestoneId: m1.id, noteZh: '中期款' });
    await pay(D.id, 120.5, 'PZ-D-1');
    await fails(pay(A.id, 0.000001, 'PZ-A-3'), 422, '/amountWan');

    const res = await p.as.unit.get(`/api/challenges/tranches?challengeId=${parallel.challenge.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const ledger = res.json();
    expect(ledger.items.map((t: { voucherNo: string; amountWan: number }) => [t.voucherNo, t.amountWan])).toEqual([['PZ-B-1', 100], ['PZ-A-1', 250], ['PZ-A-2', 250], ['PZ-D-1', 120.5]]);
    expect(ledger.totals.total).toBe(720.5);
    expect(ledger.totals.byAward.map((t: { awardCode: string; amountWan: number; payableWan: number }) => [t.awardCode, t.amountWan, t.payableWan])).toEqual([[A.code, 500, 500], [parallel.awards[1].code, 100, 300], [D.code, 120.5, 300]]);
    expect(ledger.totals.byChallenge).toHaveLength(1);
    expect(ledger.totals.byYear.map((y: { key: string; amountWan: number }) => [y.key, y.amountWan])).toEqual([['2026', 350], ['2027', 370.5]]);
    const y2027 = (await p.as.taskforce.get('/api/challenges/tranches?year=2027')).json();
    expect(y2027.totals.total).toBe(370.5);

    const file = await p.as.district.get(`/api/challenges/tranches/export.xlsx?challengeId=${parallel.challenge.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const text = await zippedText(file.rawPayload);
    expect(text).toContain('PZ-A-2');
    expect(text).toContain('中期款');
    expect(text).toContain('按年度汇总');
  });

  it('accepts against the indicators by their comparators, and completes the challenge when every award is settled', async () => {
    const [one] = single.awards;
    const [i1, i2] = single.indicators;
    expect([i1.comparator, i1.targetValue, i2.comparator, i2.targetValue]).toEqual(['>=', 1_000_000, '>=', 5]);
    const accept = (awardId: string, values: [number, number], extra: Record<string, unknown> = {}) => s().acceptance.accept(p.ctx.taskforce, awardId, {
      heldOn: todayOf(h), results: [{ indicatorId: i1.id, achievedValue: values[0], evidenceZh: '第三方检测报告' }, { indicatorId: i2.id, achievedValue: values[1], evidenceZh: '对照实验' }].map((r, k) => ({ ...r, indicatorId: (awardId === one.id ? single : parallel).indicators[k].id })),
      ...extra,
    });

    await fails(s().acceptance.accept(p.ctx.taskforce, one.id, { heldOn: todayOf(h), results: [{ indicatorId: i1.id, achievedValue: 2e6, evidenceZh: '检测' }] }), 422, '/results');
    await fails(s().acceptance.accept(p.ctx.taskforce, one.id, { heldOn: todayOf(h), results: [{ indicatorId: i1.id, achievedValue: 2e6, evidenceZh: '' }, { indicatorId: i2.id, achievedValue: 6, evidenceZh: 'x' }] }), 422, '/results/0/evidenceZh');
    await fails(accept(parallel.awards[2].id, [2e6, 6]), 409, '/status');
    expect(await countOf(h, 'award_acceptance')).toBe(0);

    const passed = await accept(one.id, [1_000_000, 5.2]);
    expect(passed).toMatchObject({ conclusion: 'passed', allMet: true, exceptionZh: null, awardStatus: 'accepted', challengeCompleted: true });
    expect(passed.results.map((r) => r.met)).toEqual([true, true]);
    await fails(accept(one.id, [1, 1]), 409);
    expect((await h.database.db.selectFrom('challenge').select('status').where('id', '=', single.challenge.id).executeTakeFirstOrThrow()).status).toBe('completed');

    // Parallel: D misses an indicator and fails; A misses one too but passes on a stated exception; then the challenge completes.
    const [A, , , D] = parallel.awards;
    const failed = await accept(D.id, [1_200_000, 4.9]);
    expect(failed).toMatchObject({ conclusion: 'failed', allMet: false, awardStatus: 'failed', challengeCompleted: false });
    expect(failed.results.map((r) => r.met)).toEqual([true, false]);
    await fails(s().tranches.pay(p.ctx.taskforce, D.id, { amountWan: 1, paidOn: todayOf(h), voucherNo: 'PZ-D-2' }), 409);
    const excepted = await accept(A.id, [900_000, 6], { exceptionZh: '通量受检测设备限制，专家组认定等效达标' });
    expect(excepted).toMatchObject({ conclusion: 'passed', allMet: false, awardStatus: 'accepted', challengeCompleted: true });
    const timeline = await s().challenges.timeline(p.ctx.taskforce, parallel.challenge.id);
    expect(timeline.steps.find((x) => x.key === 'acceptance')).toMatchObject({ done: true, on: todayOf(h) });
  });

  it('records outputs against an award, IP kinds linked to the register (found or made), and removes one recorded by mistake', async () => {
    const a = single.awards[0];
    const member = single.consortia[0].members[0].ctx!;
    const platform = await h.database.db.selectFrom('innovationPlatform').select('id').executeTakeFirst();
    await fails(s().outputs.record(member, a.id, { kind: 'paper', titleZh: '论文' }), 403);
    await fails(s().outputs.record(p.ctx.stranger, a.id, { kind: 'paper', titleZh: '论文' }), 404);
    await fails(s().outputs.record(lead(single), a.id, { kind: 'patent', titleZh: '一种高通量筛选方法' }), 422, '/ref');
    await fails(s().outputs.record(lead(single), a.id, { kind: 'paper', titleZh: '论文', platformId: a.id }), 422, '/platformId');

    const patent = await s().outputs.record(lead(single), a.id, { kind: 'patent', titleZh: '一种微流控液滴分选方法', ref: 'ZL202610000001.X', outputOn: todayOf(h), platformId: platform?.id ?? null });
    expect(patent.ipRightCreated).toBe(true);
    // The platform that produced it counts the output as one of its results from 0 to 1 (a filed
    // patent is not yet a right in force, so it counts as an output, not under the rights).
    const results = await zeroToOneByPlatform(h.database.db, [platform!.id]);
    expect(results.get(platform!.id)?.outputs).toBe(1);
    const right = await h.database.db.selectFrom('ipRight').selectAll().where('id', '=', patent.ipRightId!).executeTakeFirstOrThrow();
    expect(right).toMatchObject({ kind: 'patent', number: 'ZL202610000001.X', status: 'filed' });
    const holders = await h.database.db.selectFrom('ipHolder').select('organisationId').where('ipRightId', '=', right.id).execute();
    expect(holders.map((x) => x.organisationId)).toEqual([single.consortia[0].lead.orgId]);
    const links = await h.database.db.selectFrom('ipLink').select(['targetKind', 'targetId']).where('ipRightId', '=', right.id).orderBy('targetKind').execute();
    expect(links).toEqual([{ targetKind: 'award', targetId: a.id }, { targetKind: 'challenge', targetId: single.challenge.id }]);
    await fails(s().outputs.record(p.ctx.taskforce, a.id, { kind: 'patent', titleZh: '同一专利', ref: 'ZL202610000001.X' }), 409);
    await fails(s().outputs.record(p.ctx.taskforce, a.id, { kind: 'standard', titleZh: '标准', ipRightId: right.id }), 422, '/ipRightId');
    await fails(s().outputs.record(p.ctx.taskforce, a.id, { kind: 'paper', titleZh: '论文', ipRightId: right.id }), 422, '/ipRightId');

    // The organisers link the same right to another award of theirs: found, not made again.
    const other = await s().outputs.record(p.ctx.unit, parallel.awards[0].id, { kind: 'patent', titleZh: '一种微流控液滴分选方法', ipRightId: right.id });
    expect(other).toMatchObject({ ipRightCreated: false, ref: 'ZL202610000001.X' });
    const paper = await s().outputs.record(lead(single), a.id, { kind: 'paper', titleZh: 'Droplet sorting at 10^6 per day', ref: '10.1000/xyz123', outputOn: todayOf(h) });
    expect((await s().outputs.ofAward(member, a.id)).map((o) => o.kind).sort()).toEqual(['paper', 'patent']);

    await fails(s().outputs.remove(member, paper.id), 403);
    await s().outputs.remove(lead(single), patent.id);
    const left = await h.database.db.selectFrom('ipLink').select(['targetKind', 'targetId']).where('ipRightId', '=', right.id).orderBy('targetKind').execute();
    expect(left).toEqual([{ targetKind: 'award', targetId: parallel.awards[0].id }, { targetKind: 'challenge', targetId: parallel.challenge.id }]);
    await s().outputs.record(lead(single), a.id, { kind: 'softwareCopyright', titleZh: '液滴分选控制软件 V1.0', ref: '2026SR0001234' });
  });

  it('shows the public awards and accepted results, without internal fields, to anyone', async () => {
    const awards = (await h.anonymous.get('/api/challenges/awards')).json();
    expect(awards.total).toBe(5);
    const one = awards.items.find((x: { code: string }) => x.code === single.awards[0].code);
    const leadName = (await h.database.db.selectFrom('organisation').select('nameZh').where('id', '=', single.consortia[0].lead.orgId).executeTakeFirstOrThrow()).nameZh;
    expect(one).toMatchObject({ awardeeNameZh: leadName, shareWan: 500, challengeCode: single.challenge.code, modeZh: '揭榜挂帅', status: 'accepted' });
    expect(one.memberNames).toHaveLength(1);
    expect(JSON.stringify(awards)).not.toContain('HT-2026');

    const results = (await h.anonymous.get('/api/challenges/results')).json();
    expect(results.items.map((r: { code: string }) => r.code).sort()).toEqual([single.awards[0].code, parallel.awards[0].code].sort());
    const r = results.items.find((x: { code: string }) => x.code === single.awards[0].code);
    expect(r.indicators.map((i: { nameZh: string; met: boolean; achievedValue: number }) => [i.nameZh, i.achievedValue, i.met])).toEqual([['筛选通量', 1_000_000, true], ['目标酶活提高倍数', 5.2, true]]);
    expect(r.outputs.map((o: { kind: string }) => o.kind).sort()).toEqual(['paper', 'softwareCopyright']);
    expect(results.items.find((x: { code: string }) => x.code === parallel.awards[0].code).allIndicatorsMet).toBe(false);
    expect(JSON.stringify(results)).not.toContain('专家组认定');
  });

  it('shows the board: every award, its next milestone, overdue flags, paid against share; the team sees its own awards; Excel', async () => {
    // A third challenge, still running, with a milestone past due.
    const late = await awardedChallenge(h, p, { teams: 1, fundingWan: 200 });
    const x = late.awards[0];
    await s().milestones.recordContract(p.ctx.taskforce, x.id, { contractNo: 'HT-LATE-1', signedOn: todayOf(h) });
    await s().tranches.pay(p.ctx.taskforce, x.id, { amountWan: 50, paidOn: todayOf(h), voucherNo: 'PZ-LATE-1' });
    advance(h, 400);
    const res = await p.as.district.get('/api/challenges/board');
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json();
    const row = board.items.find((i: { id: string }) => i.id === x.id);
    expect(row).toMatchObject({ status: 'active', shareWan: 200, paidWan: 50, paidShare: 25, milestonesTotal: 2, milestonesPassed: 0, overdueCount: 1 });
    expect(row.nextMilestone).toMatchObject({ position: 1, overdue: true });
    // Stopped and merged teams are not late.
    expect(board.items.find((i: { id: string }) => i.id === parallel.awards[2].id).overdueCount).toBe(0);
    const overdue = (await p.as.taskforce.get('/api/challenges/board?overdue=true')).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toEqual([x.id]);

    const mine = await s().delivery.mine(late.consortia[0].lead.ctx);
    expect(mine.items.map((i) => [i.id, i.lead])).toEqual([[x.id, true]]);
    const memberUser = await makeUser(h, ['institute'], late.consortia[0].members[0].orgId);
    expect((await s().delivery.mine(memberUser.ctx)).items.map((i) => [i.id, i.lead])).toEqual([[x.id, false]]);

    const file = await p.as.unit.get('/api/challenges/board/export.xlsx');
    expect(file.statusCode).toBe(200);
    const text = await zippedText(file.rawPayload);
    expect(text).toContain(x.code);
    expect(text).toContain('逾期节点数');
  });
});
