import { describe, expect, it } from 'vitest';
import { applicationBody, applicationFormProblems, budgetCap, budgetStanding, emptyApplication, hasUserEnterprise, type ApplicationFormValues, type Terms } from './ApplicationModel';

// The server's own rules, read by the test runner only: the web app never imports the server.
const SERVER_MODEL = '../../../../server/src/modules/challenges/model/applications.ts';
const server = (await import(/* @vite-ignore */ new URL(SERVER_MODEL, import.meta.url).href)) as {
  budgetCapOf: (c: Pick<Terms, 'mode' | 'fundingWan' | 'maxTeams'>) => number;
  applicationProblems: (a: unknown, c: Terms, k: { leadOrganisationId: string; organisationKinds: Map<string, string>; expertIds: Set<string> }, submitting: boolean) => { path: string }[];
};

const single: Terms = { mode: 'single', fundingWan: 800, maxTeams: 1, durationMonths: 24, maxMembers: 2, requiresUserEnterprise: true };
const parallel: Terms = { ...single, mode: 'parallel', fundingWan: 1000, maxTeams: 3 };
const whole = (over: Partial<ApplicationFormValues> = {}): ApplicationFormValues => ({
  titleZh: '丁二酸高产菌株与发酵工艺', planZh: '三阶段实施', currentTrl: 4, targetTrl: 7, leadUserEnterprise: true,
  members: [{ organisationId: 'inst', kind: 'institute', userEnterprise: false, roleZh: '菌株构建' }],
  people: [{ nameZh: '张三', organisationId: 'lead', roleZh: '项目负责人' }],
  milestones: [{ titleZh: '菌株构建', month: 6 }, { titleZh: '中试', month: 24 }],
  budgetLines: [{ itemZh: '设备费', amountWan: 300 }, { itemZh: '材料费', amountWan: 200 }],
  ...over,
});
const known = { leadOrganisationId: 'lead', organisationKinds: new Map([['lead', 'enterprise'], ['inst', 'institute'], ['ent2', 'enterprise'], ['ent3', 'enterprise']]), expertIds: new Set<string>() };
const paths = (ps: { path: string }[]) => [...new Set(ps.map((p) => p.path))].sort();

describe('the budget rule', () => {
  it('caps a single award at the funding and a parallel team at funding ÷ teams × 1.5, as the server does', () => {
    for (const t of [single, parallel, { ...parallel, fundingWan: 1001, maxTeams: 7 }]) expect(budgetCap(t)).toBe(server.budgetCapOf(t));
    expect(budgetCap(parallel)).toBe(500);
  });

  it('takes the budget as the sum of its lines and shows it against the cap', () => {
    expect(applicationBody(whole()).budgetWan).toBe(500);
    expect(budgetStanding(whole(), parallel)).toEqual({ sum: 500, cap: 500, over: false, share: 100 });
    expect(budgetStanding(whole({ budgetLines: [{ itemZh: '设备费', amountWan: 500.5 }] }), parallel).over).toBe(true);
  });
});

describe('the application form', () => {
  it('drops rows left blank and sends members by their organisation', () => {
    const b = applicationBody(whole({ milestones: [{ titleZh: '菌株构建', month: 6 }, {}], people: [{ nameZh: '张三' }, { roleZh: '  ' }], members: [{ organisationId: 'inst' }, {}] }));
    expect(b.milestones).toHaveLength(1);
    expect(b.people).toHaveLength(1);
    expect(b.members).toEqual([{ organisationId: 'inst', userEnterprise: false, roleZh: null }]);
  });

  it('finds a whole application fit to submit, as the server does', () => {
    expect(applicationFormProblems(whole(), single, { leadKind: 'enterprise', submitting: true })).toEqual([]);
    expect(server.applicationProblems(applicationBody(whole()), single, known, true)).toEqual([]);
  });

  it('refuses at saving and at submitting what the server refuses, on the same fields', () => {
    const cases: [ApplicationFormValues, boolean][] = [
      [whole({ members: [{ organisationId: 'inst', kind: 'institute' }, { organisationId: 'ent2', kind: 'enterprise' }, { organisationId: 'ent3', kind: 'enterprise' }] }), false],
      [whole({ milestones: [{ titleZh: '验收', month: 25 }] }), false],
      [whole({ currentTrl: 7, targetTrl: 5 }), false],
      [whole({ currentTrl: 0 }), false],
      [whole({ budgetLines: [{ itemZh: '设备费', amountWan: 900 }] }), false],
      [whole({ members: [{ organisationId: 'inst', kind: 'institute', userEnterprise: true }] }), false],
      [whole({ leadUserEnterprise: false }), true],
      [whole({ planZh: ' ', people: [], milestones: [], budgetLines: [], currentTrl: null }), true],
    ];
    for (const [v, submitting] of cases) {
      expect(paths(applicationFormProblems(v, single, { leadKind: 'enterprise', submitting }))).toEqual(paths(server.applicationProblems(applicationBody(v), single, known, submitting)));
    }
  });

  it('knows a user enterprise only when an enterprise is flagged', () => {
    expect(hasUserEnterprise(whole({ leadUserEnterprise: true }), 'institute')).toBe(false);
    expect(hasUserEnterprise(whole({ leadUserEnterprise: false, members: [{ organisationId: 'ent2', kind: 'enterprise', userEnterprise: true }] }), 'institute')).toBe(true);
  });

  it('starts a new form with the team leader, a milestone and a budget line to fill, and saves it as a draft with a title only', () => {
    const v = { ...emptyApplication(), titleZh: '先存草稿' };
    expect(v).toMatchObject({ people: [{ roleZh: '项目负责人' }], milestones: [{}], budgetLines: [{}] });
    expect(applicationFormProblems(v, single, { leadKind: 'enterprise', submitting: false })).toEqual([]);
    expect(applicationBody(v)).toMatchObject({ people: [], milestones: [], budgetLines: [], budgetWan: 0 });
  });
});
