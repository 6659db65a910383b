import { describe, expect, it } from 'vitest';
import { clockOf, median } from './clock.js';
import { conclusionProblems, evaluationProblems, mayOf, moveProblem, submitProblems, trackInForce } from './evaluations.js';
import { aspectsFor, anonymousSummary, reviewProblems, summarise } from './findings.js';
import { TRACKS } from './labels.js';

const paths = (p: { path: string }[]) => p.map((x) => x.path);

describe('the evaluation clock', () => {
  const base = { state: 'review' as const, acceptedOn: '2026-03-01', timeLimitDays: 20, concludedOn: null, closedOn: null, pauses: [] };

  it('has none before acceptance', () => {
    expect(clockOf({ ...base, state: 'submitted', acceptedOn: null, timeLimitDays: null }, '2026-03-05')).toBeNull();
  });

  it('counts calendar days from acceptance, less the days with the applicant, and is overdue past its limit only while open', () => {
    const c = clockOf({ ...base, pauses: [{ startedOn: '2026-03-05', endedOn: '2026-03-12' }] }, '2026-03-25')!;
    expect(c).toMatchObject({ daysUsed: 17, pausedDays: 7, daysLeft: 3, overdue: false, dueOn: '2026-03-28', paused: false, running: true, met: null });
    expect(clockOf({ ...base, pauses: [{ startedOn: '2026-03-05', endedOn: '2026-03-12' }] }, '2026-03-29')).toMatchObject({ daysUsed: 21, daysLeft: -1, overdue: true });
  });

  it('stands still while with the applicant: an open pause counts to today', () => {
    const paused = { ...base, state: 'supplementing' as const, pauses: [{ startedOn: '2026-03-10', endedOn: null }] };
    expect(clockOf(paused, '2026-03-15')).toMatchObject({ daysUsed: 9, pausedDays: 5, paused: true });
    expect(clockOf(paused, '2026-04-30')).toMatchObject({ daysUsed: 9, overdue: false });
  });

  it('stops at the conclusion (met or missed) and at withdrawal', () => {
    expect(clockOf({ ...base, state: 'concluded', concludedOn: '2026-03-18' }, '2026-06-01')).toMatchObject({ daysUsed: 17, met: true, running: false, overdue: false });
    expect(clockOf({ ...base, state: 'concluded', concludedOn: '2026-03-30' }, '2026-06-01')).toMatchObject({ daysUsed: 29, met: false });
    expect(clockOf({ ...base, state: 'withdrawn', closedOn: '2026-03-04' }, '2026-06-01')).toMatchObject({ daysUsed: 3, met: null, running: false });
  });

  it('takes the median of an odd and an even count', () => {
    expect(median([])).toBeNull();
    expect(median([30, 10, 20])).toBe(20);
    expect(median([10, 40, 20, 30])).toBe(25);
  });
});

describe('an application and its moves', () => {
  const valid = { subjectKind: 'coreStrain', titleZh: '高产丁二酸工程菌', descriptionZh: '说明', fields: ['合成生物学'], contactNameZh: '张三', contactPhone: '023-6000 1234' };

  it('names each field that is wrong', () => {
    expect(evaluationProblems(valid)).toEqual([]);
    expect(paths(evaluationProblems({ ...valid, subjectKind: 'vaccine' }))).toEqual(['/subjectKind']);
    expect(paths(evaluationProblems({ ...valid, subjectKind: 'process', strainId: 'x' }))).toEqual(['/strainId']);
    expect(paths(evaluationProblems({ ...valid, fields: [] }))).toEqual(['/fields']);
    expect(paths(evaluationProblems({ ...valid, contactPhone: 'call me' }))).toEqual(['/contactPhone']);
    expect(paths(evaluationProblems({ ...valid, contactEmail: 'nobody' }))).toEqual(['/contactEmail']);
    expect(paths(evaluationProblems({ ...valid, trackRequested: 'greenChannel' }))).toEqual(['/trackReasonZh']);
    expect(paths(submitProblems({ ...valid, fileIds: [] }))).toEqual(['/fileIds']);
  });

  it('refuses an action out of turn, naming what is open to the same actor', () => {
    expect(moveProblem('accept', 'submitted')).toBeNull();
    expect(moveProblem('conclude', 'accepted')!.zh).toContain('可：要求补充材料、决定绿色通道/优先评估、分配评审专家');
    expect(moveProblem('submit', 'concluded')!.en).toBe('The application is concluded and cannot submit');
  });

  it('offers each reader only its own actions, and a track decision only while one waits', () => {
    const e = { state: 'submitted' as const, trackRequested: 'greenChannel', trackDecision: null };
    expect(mayOf(e, { applicant: true, body: false })).toEqual(['withdraw']);
    expect(mayOf(e, { applicant: false, body: true })).toEqual(['accept', 'return', 'decideTrack']);
    expect(mayOf({ ...e, trackDecision: 'refused' }, { applicant: false, body: true })).toEqual(['accept', 'return']);
    expect(mayOf(e, { applicant: false, body: false })).toEqual([]);
  });

  it('keeps the standard limit until the track asked for is granted', () => {
    expect(trackInForce({ trackRequested: 'greenChannel', trackDecision: null })).toEqual({ track: 'standard', timeLimitDays: TRACKS.standard.days });
    expect(trackInForce({ trackRequested: 'greenChannel', trackDecision: 'granted' })).toEqual({ track: 'greenChannel', timeLimitDays: 20 });
    expect(trackInForce({ trackRequested: 'priority', trackDecision: 'refused' }).track).toBe('standard');
  });

  it('asks a conclusion for its findings, and conditions exactly when conditional', () => {
    expect(conclusionProblems({ conclusion: 'safe', findingsZh: '无显著风险' })).toEqual([]);
    expect(paths(conclusionProblems({ conclusion: 'safeWithConditions', findingsZh: '可控' }))).toEqual(['/conditionsZh']);
    expect(paths(conclusionProblems({ conclusion: 'notSafe', findingsZh: '有风险', conditionsZh: '限制使用' }))).toEqual(['/conditionsZh']);
    expect(paths(conclusionProblems({ conclusion: 'maybe', findingsZh: ' ' }))).toEqual(['/conclusion', '/findingsZh']);
  });
});

describe('findings', () => {
  const all = (kind: 'coreStrain' | 'process', assessment = 'acceptable') => aspectsFor(kind).map((aspect) => ({ aspect, assessment, noteZh: assessment === 'acceptable' ? null : '依据' }));

  it('asks each subject its own aspects', () => {
    expect(aspectsFor('coreStrain')).toEqual(['geneticStability', 'pathogenicityToxicity', 'antibioticResistance', 'environmentalRelease', 'processSafety']);
    expect(aspectsFor('rawMaterial')).toEqual(['pathogenicityToxicity', 'allergenicity', 'rawMaterialStandard', 'environmentalRelease']);
    expect(aspectsFor('process')).toEqual(['pathogenicityToxicity', 'environmentalRelease', 'processSafety', 'greenLowCarbon']);
  });

  it('wants every aspect once, a reason for a risk, and a recommendation the findings allow', () => {
    expect(reviewProblems('coreStrain', { findings: all('coreStrain'), recommendation: 'safe', summaryZh: '同意' })).toEqual([]);
    expect(paths(reviewProblems('coreStrain', { findings: all('coreStrain').slice(1), recommendation: 'safe', summaryZh: '同意' }))).toEqual(['/findings']);
    expect(paths(reviewProblems('process', { findings: [...all('process'), { aspect: 'geneticStability', assessment: 'acceptable' }], recommendation: 'safe', summaryZh: 'x' }))).toEqual(['/findings/4/aspect']);
    const risky = all('coreStrain');
    risky[2] = { aspect: 'antibioticResistance', assessment: 'controllable', noteZh: null };
    expect(paths(reviewProblems('coreStrain', { findings: risky, recommendation: 'safe', summaryZh: 'x' }))).toEqual(['/findings/2/noteZh', '/recommendation']);
    risky[2].noteZh = '携带 bla 基因，需敲除';
    expect(paths(reviewProblems('coreStrain', { findings: risky, recommendation: 'safeWithConditions', summaryZh: 'x' }))).toEqual(['/conditionsZh']);
    expect(reviewProblems('coreStrain', { findings: risky, recommendation: 'safeWithConditions', conditionsZh: '敲除抗性基因后使用', summaryZh: 'x' })).toEqual([]);
    expect(paths(reviewProblems('coreStrain', { findings: all('coreStrain', 'unacceptable'), recommendation: 'safeWithConditions', conditionsZh: 'x', summaryZh: 'x' }))).toEqual(['/recommendation']);
  });

  it('summarises per aspect and recommendation; the applicant reads the counts without who said what', () => {
    const risky = all('process').map((f) => (f.aspect === 'processSafety' ? { ...f, assessment: 'controllable', noteZh: '需密闭发酵' } : f));
    const s = summarise('process', [
      { expertNameZh: '甲', findings: all('process'), recommendation: 'safe', conditionsZh: null, summaryZh: '同意' },
      { expertNameZh: '乙', findings: risky, recommendation: 'safeWithConditions', conditionsZh: '密闭发酵', summaryZh: '附条件' },
    ]);
    expect(s.reviewers).toBe(2);
    expect(s.recommendations).toEqual({ safe: 1, safeWithConditions: 1, notSafe: 0 });
    expect(s.aspects.find((a) => a.aspect === 'processSafety')).toMatchObject({ counts: { acceptable: 1, controllable: 1, unacceptable: 0, notApplicable: 0 }, notes: [{ expertNameZh: '乙', noteZh: '需密闭发酵' }] });
    expect(s.conditions).toEqual([{ expertNameZh: '乙', conditionsZh: '密闭发酵' }]);
    expect(JSON.stringify(anonymousSummary(s))).not.toContain('乙');
  });
});
