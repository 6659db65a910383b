import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDatabases, useHarness } from '../../test/harness.js';
import { systemCtx } from '../../platform/context/ctx.js';
import { readPlanFiles } from './files.js';
import { meets, planProblems } from './model.js';

describe('plan rules', () => {
  it('compares a measured value with a target the way the plan states it', () => {
    expect(meets({ comparator: 'gt', value: 1000 }, 1000)).toBe(false);
    expect(meets({ comparator: 'gt', value: 1000 }, 1000.5)).toBe(true);
    expect(meets({ comparator: 'gte', value: 5 }, 5)).toBe(true);
    expect(meets({ comparator: null, value: null }, 5)).toBeNull();
  });

  it('refuses plan files whose sentences are not in the text', () => {
    const files = readPlanFiles();
    const broken = structuredClone(files);
    broken.actions[0].targets[0].sourceSentence = '这句话不在原文中。';
    broken.tasks.pop();
    const problems = planProblems(broken);
    expect(problems.some((p) => p.includes('source sentence'))).toBe(true);
    expect(problems.some((p) => p.includes('expected 26 tasks'))).toBe(true);
  });
});

describe.each(testDatabases)('the plan on $name', (kind) => {
  const h = useHarness(kind);
  const count = async (table: string) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(h.database.db)).rows[0].n);

  it('serves the plan with its status, version and consultation window', async () => {
    const res = await h.anonymous.get('/api/plan');
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ version: 1, statusZh: '征求意见稿', publisherZh: '重庆市发展和改革委员会', horizon: { from: 2024, to: 2027 } });
    expect(p.counts).toMatchObject({ actions: 8, tasks: 26, safeguards: 3, quantifiedTargets: 7 });
    expect(p.domains).toHaveLength(4);
    expect(p.consultation.closesOn).toBe('2024-08-01');
  });

  it('lists 8 actions with their targets and tasks', async () => {
    const actions = (await h.anonymous.get('/api/plan/actions')).json();
    expect(actions).toHaveLength(8);
    expect(actions.flatMap((a: { tasks: unknown[] }) => a.tasks)).toHaveLength(26);
    const market = actions.find((a: { no: number }) => a.no === 4);
    expect(market.targets.map((t: { code: string }) => t.code)).toEqual(expect.arrayContaining(['leadingEnterprises100', 'largeEnterprises50', 'srdiEnterprises']));
  });

  it('serves each task 1–26 with the bodies, places, products and fields it names', async () => {
    expect((await h.anonymous.get('/api/plan/tasks')).json()).toHaveLength(26);
    const t22 = (await h.anonymous.get('/api/plan/tasks/22')).json();
    expect(t22.titleZh).toBe('建设生物菌种资源库');
    expect(t22.textZh).toContain('菌种资源库');
    expect(t22.bodies.map((b: { nameZh: string }) => b.nameZh)).toContain('重庆市生物菌种资源库');
    expect(t22.action.no).toBe(7);
    const t4 = (await h.anonymous.get('/api/plan/tasks/4')).json();
    expect(t4.places.map((p: { districtCode?: string }) => p.districtCode)).toEqual(expect.arrayContaining(['500120', '500113', '500115', '500102']));
    expect((await h.anonymous.get('/api/plan/tasks/27')).statusCode).toBe(404);
    expect((await h.anonymous.get('/api/plan/tasks/abc')).statusCode).toBe(422);
  });

  it('gives every target its source sentence, and "not yet measured" until a module measures it', async () => {
    const targets = (await h.anonymous.get('/api/plan/targets')).json();
    const text = (await h.anonymous.get('/api/plan/text')).json().text;
    for (const t of targets) expect(text).toContain(t.sourceSentence);
    const scale = targets.find((t: { code: string }) => t.code === 'industryScale');
    expect(scale).toMatchObject({ comparator: 'gt', value: 1000, unit: '亿元', measurement: null });
  });

  it('reports a measurement once a module registers the indicator', async () => {
    h.services.plan.registerIndicator('nationalTalents', async () => ({ value: 2, asOf: '2026-11-01', basisZh: '人才记录', basisEn: 'talent records' }));
    const t = (await h.anonymous.get('/api/plan/targets')).json().find((x: { code: string }) => x.code === 'nationalTalents');
    expect(t.measurement).toMatchObject({ value: 2, basisEn: 'talent records' });
  });

  it('returns a task\'s registered indicators, measured, with the task; registering a code again replaces it', async () => {
    expect((await h.anonymous.get('/api/plan/tasks/7')).json().indicators).toEqual([]);
    const def = { code: 'sitesConnected', nameZh: '接入站点数', nameEn: 'Sites connected', unitZh: '个', unitEn: 'sites' };
    h.services.plan.registerTaskIndicator(7, def, async () => ({ value: 1, asOf: '2026-11-01', basisZh: '旧', basisEn: 'old' }));
    h.services.plan.registerTaskIndicator(7, def, async (q) => {
      const { n } = await q.selectFrom('district').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return { value: Number(n), asOf: '2026-11-02', basisZh: '区县数', basisEn: 'districts', drillDown: '/districts' };
    });
    h.services.plan.registerTaskIndicator(7, { ...def, code: 'notYet' }, async () => null);
    const task = (await h.anonymous.get('/api/plan/tasks/7')).json();
    expect(task.indicators).toEqual([
      { ...def, measurement: { value: 38, asOf: '2026-11-02', basisZh: '区县数', basisEn: 'districts', drillDown: '/districts' } },
      { ...def, code: 'notYet', measurement: null },
    ]);
    expect((await h.anonymous.get('/api/plan/tasks/8')).json().indicators).toEqual([]);
  });

  it('lists Chongqing\'s 38 districts with GB/T 2260 codes', async () => {
    const d = (await h.anonymous.get('/api/districts')).json();
    expect(d).toHaveLength(38);
    expect(d[0]).toEqual({ code: '500101', nameZh: '万州区', shortZh: '万州', nameEn: 'Wanzhou District', type: '区' });
  });

  it('seeds idempotently: running it again changes nothing, not even the audit log', async () => {
    const before = { versions: await count('plan_version'), tasks: await count('plan_task'), audit: await count('audit_log'), orgs: await count('organisation') };
    const r = await h.services.plan.seed(systemCtx('test'), readPlanFiles());
    expect(r).toMatchObject({ planVersion: 1, created: false, districtsChanged: 0, bodiesChanged: 0, organisationsCreated: 0 });
    expect({ versions: await count('plan_version'), tasks: await count('plan_task'), audit: await count('audit_log'), orgs: await count('organisation') }).toEqual(before);
  });

  it('applies a changed plan file as a new version and keeps the old one readable', async () => {
    const files = readPlanFiles();
    files.tasks[0].titleEn = 'Strengthen basic research (revised)';
    const r = await h.services.plan.seed(systemCtx('test'), files);
    expect(r).toMatchObject({ planVersion: 2, created: true });
    expect((await h.anonymous.get('/api/plan/tasks/1')).json().titleEn).toBe('Strengthen basic research (revised)');
    expect((await h.anonymous.get('/api/plan/tasks/1?version=1')).json().titleEn).not.toContain('revised');
    expect((await h.anonymous.get('/api/plan/versions')).json().map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await h.anonymous.get('/api/plan?version=9')).statusCode).toBe(404);
    const audit = await h.database.db.selectFrom('auditLog').select(['action', 'summary']).where('action', '=', 'plan.loadVersion').execute();
    expect(audit).toHaveLength(2);
  });

  it('creates the task force, the plan\'s publisher and the 38 district governments as organisations', async () => {
    const orgs = await h.database.db.selectFrom('organisation').select(['kind']).execute();
    expect(orgs.filter((o) => o.kind === 'district')).toHaveLength(38);
    expect(orgs.filter((o) => o.kind === 'taskForce')).toHaveLength(1);
  });
});
