import { describe, expect, it } from 'vitest';
import { assertAssignable, assign, checkAssignment, conflictsOf, ConflictOfInterestError, type Application, type Expert } from '../src/index.js';

const app: Application = {
  id: 'APP-1', fields: ['发酵工程', '酶工程', '合成生物学'], leadOrganisationId: 'ORG-SWU', memberOrganisationIds: ['ORG-CQU', 'ORG-ZHIFEI'], peopleIds: ['P-lead', 'P-member'],
};
const expert = (id: string, over: Partial<Expert> = {}): Expert => ({ id, organisationId: `ORG-${id}`, fields: ['发酵工程'], ...over });

describe('conflicts of interest', () => {
  it('finds each kind and names the organisation, person or record', () => {
    const same = conflictsOf(expert('E1', { organisationId: 'ORG-SWU' }), app);
    expect(same).toEqual([{ kind: 'sameOrganisation', organisationId: 'ORG-SWU', reason: { zh: '与申报单位同属一个机构（ORG-SWU）', en: 'same organisation as the lead applicant (ORG-SWU)' } }]);

    const co = conflictsOf(expert('E2', { organisationId: 'ORG-ZHIFEI' }), app);
    expect(co.map((c) => c.kind)).toEqual(['coApplicant']);
    expect(co[0].reason.en).toBe('works at ORG-ZHIFEI, a co-applicant organisation');
    expect(co[0].reason.zh).toMatch(/ORG-ZHIFEI.*联合申报单位/);

    const member = conflictsOf(expert('P-member'), app);
    expect(member.map((c) => [c.kind, c.reason.en])).toEqual([['coApplicant', 'is a member of the applying team']]);

    const declared = conflictsOf(expert('E3', { declaredConflicts: { organisationIds: ['ORG-X', 'ORG-CQU'], personIds: ['P-lead'] } }), app);
    expect(declared.map((c) => [c.kind, c.organisationId ?? c.personId])).toEqual([['declared', 'ORG-CQU'], ['declared', 'P-lead']]);
    expect(declared[0].reason.zh).toBe('本人声明与联合申报单位 ORG-CQU 存在利益冲突');
    expect(declared[1].reason.en).toBe('declared a conflict with P-lead, a member of the applying team');

    const pub = conflictsOf(expert('E4', { coworkers: [{ personId: 'P-lead', kind: 'publication', ref: '10.1000/xyz' }, { personId: 'P-other', kind: 'publication' }] }), app);
    expect(pub).toHaveLength(1);
    expect(pub[0]).toMatchObject({ kind: 'jointPublication', personId: 'P-lead', ref: '10.1000/xyz' });
    expect(pub[0].reason.zh).toBe('与申报团队成员 P-lead 合作发表论文（10.1000/xyz）');

    const proj = conflictsOf(expert('E5', { coworkers: [{ organisationId: 'ORG-SWU', kind: 'project', ref: 'CSTB2024-001' }] }), app);
    expect(proj.map((c) => [c.kind, c.organisationId, c.reason.en])).toEqual([['jointProject', 'ORG-SWU', 'joint project with ORG-SWU, the lead applicant (CSTB2024-001)']]);

    expect(conflictsOf(expert('E6', { declaredConflicts: { organisationIds: ['ORG-X'] }, coworkers: [{ personId: 'P-x', kind: 'project' }] }), app)).toEqual([]);
  });

  it('reports several conflicts of one expert together', () => {
    const e = expert('E7', { organisationId: 'ORG-SWU', declaredConflicts: { personIds: ['P-member'] }, coworkers: [{ personId: 'P-member', kind: 'project' }] });
    expect(conflictsOf(e, app).map((c) => c.kind)).toEqual(['sameOrganisation', 'declared', 'jointProject']);
  });

  it('checks a manual assignment, and refuses it as a 409 naming the conflict', () => {
    expect(checkAssignment(expert('E8'), app)).toEqual([]);
    expect(() => assertAssignable(expert('E8'), app)).not.toThrow();
    const bad = expert('E9', { coworkers: [{ personId: 'P-lead', kind: 'publication', ref: 'DOI-1' }] });
    expect(checkAssignment(bad, app).map((c) => c.kind)).toEqual(['jointPublication']);
    try {
      assertAssignable(bad, app);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConflictOfInterestError);
      const e = err as ConflictOfInterestError;
      expect(e.status).toBe(409);
      expect(e.conflicts[0].kind).toBe('jointPublication');
      expect(e.message).toBe('expert E9 cannot review application APP-1: joint publication with P-lead, a member of the applying team (DOI-1)');
    }
  });
});

describe('assigning reviewers', () => {
  it('never assigns a conflicted expert, and takes the best field fit', () => {
    const experts = [
      expert('E-same', { organisationId: 'ORG-SWU', fields: ['发酵工程', '酶工程', '合成生物学'] }),
      expert('E-pub', { fields: ['发酵工程', '酶工程', '合成生物学'], coworkers: [{ personId: 'P-member', kind: 'publication' }] }),
      expert('E-best', { fields: ['发酵工程', '酶工程', '合成生物学'] }),
      expert('E-two', { fields: ['酶工程', '合成生物学'] }),
      expert('E-one', { fields: ['发酵工程'] }),
      expert('E-none', { fields: ['生物医药'] }),
    ];
    const r = assign([app], experts, { perApplication: 2 });
    const a = r.assignments[0];
    expect(a.reviewers.map((x) => x.expertId)).toEqual(['E-best', 'E-two']);
    expect(a.reviewers[0].fit).toBe(1);
    expect(a.reviewers[0].shared).toEqual(['发酵工程', '酶工程', '合成生物学']);
    expect(a.reviewers[1].shared).toEqual(['酶工程', '合成生物学']);
    expect(a.shortfall).toBeUndefined();
    expect(r.stats).toMatchObject({ assigned: 2, shortfalls: 0, candidatesChecked: 5, conflicted: 2 });
  });

  it('weighs a rare keyword above a common one', () => {
    const a: Application = { id: 'A', fields: ['发酵工程', '超高通量筛选'], leadOrganisationId: 'O-a', memberOrganisationIds: [] };
    const experts = [
      expert('E-common', { fields: ['发酵工程'] }), expert('E-rare', { fields: ['超高通量筛选'] }),
      expert('E-x1', { fields: ['发酵工程'] }), expert('E-x2', { fields: ['发酵工程'] }),
    ];
    const r = assign([a], experts, { perApplication: 1 });
    expect(r.assignments[0].reviewers[0].expertId).toBe('E-rare');
  });

  it('matches keywords whatever their case or width', () => {
    const a: Application = { id: 'A', fields: ['ＤＮＡ合成 '], leadOrganisationId: 'O-a', memberOrganisationIds: [] };
    const r = assign([a], [expert('E', { fields: ['dna合成'] })], { perApplication: 1 });
    expect(r.assignments[0].reviewers).toEqual([{ expertId: 'E', fit: 1, shared: ['ＤＮＡ合成 '] }]);
  });

  it('respects load caps (the round\'s and an expert\'s own) and availability', () => {
    const apps: Application[] = Array.from({ length: 6 }, (_, i) => ({ id: `A${i}`, fields: ['酶工程'], leadOrganisationId: `O${i}`, memberOrganisationIds: [] }));
    const experts = [
      expert('E1', { fields: ['酶工程'] }), expert('E2', { fields: ['酶工程'], maxLoad: 1 }), expert('E3', { fields: ['酶工程'] }),
      expert('E4', { fields: ['酶工程'], available: false }),
    ];
    const r = assign(apps, experts, { perApplication: 2, maxLoad: 4 });
    expect(r.load.get('E1')).toBe(4);
    expect(r.load.get('E2')).toBe(1);
    expect(r.load.get('E3')).toBe(4);
    expect(r.load.has('E4')).toBe(false);
    expect(r.stats.assigned).toBe(9);
    expect(r.stats.shortfalls).toBe(3);
    // Default cap: ceil(6 × 2 / 3 available) + 1 = 5.
    expect(assign(apps, experts, { perApplication: 2 }).stats.maxLoad).toBe(5);
  });

  it('explains a shortfall with counts of experts ruled out by cause', () => {
    const experts = [
      expert('E-same', { organisationId: 'ORG-SWU', fields: ['酶工程'] }),
      expert('E-co', { organisationId: 'ORG-CQU', fields: ['酶工程'] }),
      expert('E-decl', { fields: ['酶工程'], declaredConflicts: { organisationIds: ['ORG-SWU'] } }),
      expert('E-proj', { fields: ['酶工程'], coworkers: [{ organisationId: 'ORG-ZHIFEI', kind: 'project' }] }),
      expert('E-ok', { fields: ['酶工程'] }),
      expert('E-far', { fields: ['生物医药'] }),
      expert('E-away', { fields: ['酶工程'], available: false }),
    ];
    const a = assign([app], experts, { perApplication: 3 }).assignments[0];
    expect(a.reviewers.map((x) => x.expertId)).toEqual(['E-ok']);
    expect(a.shortfall).toEqual({
      missing: 2, eligible: 1,
      ruledOut: { sameOrganisation: 1, coApplicant: 1, declared: 1, jointPublication: 0, jointProject: 1, noFieldOverlap: 1, unavailable: 1, atCapacity: 0 },
      reason: {
        zh: '缺 2 位评审专家：符合领域且无利益冲突的专家仅 1 位；排除：与申报单位同机构 1 位、属联合申报单位或申报团队 1 位、本人声明回避 1 位、有合作项目 1 位、领域不符 1 位、本轮不可参评 1 位',
        en: '2 reviewers short: only 1 expert fit the fields without a conflict; ruled out: same organisation as the lead applicant 1, at a co-applicant organisation or in the team 1, declared a conflict 1, joint project 1, no field overlap 1, unavailable this round 1',
      },
    });
  });

  it('counts eligible experts who are full, and moves a reviewer to fill a shortfall when another can take their place', () => {
    // A-easy could use E-shared or E-spare; A-hard only E-shared. Served in input order A-easy would take E-shared.
    const apps: Application[] = [
      { id: 'A-easy', fields: ['酶工程', '发酵工程'], leadOrganisationId: 'O1', memberOrganisationIds: [] },
      { id: 'A-hard', fields: ['酶工程'], leadOrganisationId: 'O2', memberOrganisationIds: [] },
    ];
    const experts = [expert('E-shared', { fields: ['酶工程', '发酵工程'] }), expert('E-spare', { fields: ['发酵工程'] })];
    const r = assign(apps, experts, { perApplication: 1, maxLoad: 1 });
    expect(r.assignments.map((a) => [a.applicationId, a.reviewers.map((x) => x.expertId)])).toEqual([['A-easy', ['E-spare']], ['A-hard', ['E-shared']]]);
    expect(r.stats.shortfalls).toBe(0);

    const three = [...apps, { id: 'A-hard2', fields: ['酶工程'], leadOrganisationId: 'O3', memberOrganisationIds: [] }];
    const s = assign(three, experts, { perApplication: 1, maxLoad: 1 });
    const short = s.assignments.find((a) => a.shortfall)!;
    expect(short.shortfall!.ruledOut.atCapacity).toBe(1);
    expect(short.shortfall!.reason.zh).toMatch(/评审量已满 1 位/);
  });

  it('is deterministic, whatever the order of the experts', () => {
    const experts = Array.from({ length: 30 }, (_, i) => expert(`E${String(i).padStart(2, '0')}`, { fields: ['酶工程', i % 2 ? '发酵工程' : '生物医药'] }));
    const apps: Application[] = Array.from({ length: 10 }, (_, i) => ({ id: `A${i}`, fields: ['酶工程', '发酵工程'], leadOrganisationId: `O${i}`, memberOrganisationIds: [] }));
    const a = assign(apps, experts, { perApplication: 3 });
    const b = assign(apps, [...experts].reverse(), { perApplication: 3 });
    expect(b.assignments).toEqual(a.assignments);
    // Only the 15 experts covering both fields (odd numbers) are taken, each at fit 1.
    for (const x of a.assignments.flatMap((y) => y.reviewers)) expect([Number(x.expertId.slice(1)) % 2, x.fit]).toEqual([1, 1]);
    // Equal fits spread over the experts rather than piling on the first ids.
    expect(Math.max(...a.load.values())).toBe(2);
  });

  it('refuses a meaningless number of reviewers', () => {
    expect(() => assign([app], [], { perApplication: 0 })).toThrow(RangeError);
    expect(assign([app], [], { perApplication: 2 }).assignments[0].shortfall?.missing).toBe(2);
  });
});
