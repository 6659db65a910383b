import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useHarness, type Client, type Harness } from '../../../test/harness.js';
import { systemCtx } from '../../../platform/context/ctx.js';
import { pilotTargetsService } from '../targets.service.js';

/**
 * Pilot projects: recorded by the task force or a base for its own base, moved one stage at a
 * time through reviewed gates, stopped with a reason; a board for those who may see them and
 * public counts that are the 1-to-10 indicator's own.
 */
let serial = 0;

async function people(h: Harness) {
  const tag = `${process.pid}-p${++serial}`;
  const ctx = systemCtx('test');
  const org = async (kind: string, nameZh: string) => (await h.services.identity.createOrganisation(ctx, { kind, nameZh: `${nameZh}-${tag}`, districtCode: '500120' })).id;
  const taskForce = (await h.database.db.selectFrom('organisation').select('id').where('kind', '=', 'taskForce').executeTakeFirstOrThrow()).id;
  const orgs = { enterprise: await org('enterprise', '重庆璧山合成生物有限公司'), outsider: await org('enterprise', '重庆另一生物有限公司'), base: await org('pilotBase', '璧山中试基地运营公司'), otherBase: await org('pilotBase', '两江中试基地运营公司') };
  const base = async (code: string, organisationId: string) => (await h.database.db.insertInto('pilotBase').values({ code: `${code}-${tag}`, nameZh: code, operatorZh: code, organisationId, districtCode: '500120' }).returning('id').executeTakeFirstOrThrow()).id;
  const as = async (name: string, roles: Parameters<Harness['user']>[1], orgId: string | null) => { await h.user(`${name}-${tag}`, roles, orgId); return h.login(`${name}-${tag}`); };
  return {
    orgs, bases: { mine: await base('璧山基地', orgs.base), other: await base('两江基地', orgs.otherBase) },
    as: {
      taskforce: await as('tf', ['taskforce'], taskForce), unit: await as('unit', ['unit'], null), enterprise: await as('ent', ['enterprise'], orgs.enterprise),
      outsider: await as('other', ['enterprise'], orgs.outsider), base: await as('base', ['pilotBase'], orgs.base), otherBase: await as('base2', ['pilotBase'], orgs.otherBase),
      anonymous: h.anonymous,
    },
  };
}

describe.each(testDatabases)('pilot projects and their gates, on $name', (kind) => {
  const h = useHarness(kind);
  let p: Awaited<ReturnType<typeof people>>;
  const gate = (c: Client, id: string, body: Record<string, unknown>) =>
    c.post(`/api/pilot/projects/${id}/gates`, { reviewerNameZh: '专家组（张某、李某）', reviewedOn: '2026-03-02', evidenceZh: '中试报告及第三方检测', ...body });

  beforeAll(async () => {
    h.clock.set('2026-03-02T02:00:00Z');
    p = await people(h);
  });

  it('is recorded by the task force or by a base for its own base, starting no later than pilot maturation', async () => {
    const tf = await p.as.taskforce.post('/api/pilot/projects', { nameZh: '生物基尼龙单体中试', leadOrgId: p.orgs.enterprise, domain: 'biochem', districtCode: '500120' });
    expect(tf.statusCode, tf.body).toBe(201);
    expect(tf.json()).toMatchObject({ code: 'ZSXM-2026-0001', stage: 'research', status: 'active', stageEnteredOn: '2026-03-02' });
    const own = await p.as.base.post('/api/pilot/projects', { nameZh: '酶法合成中试', baseId: p.bases.mine, stage: 'pilot' });
    expect(own.statusCode, own.body).toBe(201);
    expect((await p.as.base.post('/api/pilot/projects', { nameZh: '别人的', baseId: p.bases.other })).statusCode).toBe(403);
    expect((await p.as.base.post('/api/pilot/projects', { nameZh: '没有基地' })).json().error.details[0].path).toBe('/baseId');
    expect((await p.as.taskforce.post('/api/pilot/projects', { nameZh: '直接孵化', stage: 'incubation' })).statusCode).toBe(422);
    const bad = await p.as.taskforce.post('/api/pilot/projects', { nameZh: ' ', leadOrgId: '00000000-0000-4000-8000-000000000000', districtCode: '999999' });
    expect(bad.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['/districtCode', '/leadOrgId', '/nameZh']);
    expect((await p.as.enterprise.post('/api/pilot/projects', { nameZh: '企业自己登记' })).statusCode).toBe(403);
  });

  it('moves one stage at a time through gates its base or the task force reviews, and feeds the 1-to-10 indicator', async () => {
    const proj = (await p.as.base.post('/api/pilot/projects', { nameZh: 'PHA 材料中试', baseId: p.bases.mine, leadOrgId: p.orgs.enterprise, stage: 'poc' })).json();
    const before = (await p.as.anonymous.get('/api/pilot/projects/counts')).json();

    const rework = await gate(p.as.base, proj.id, { result: 'rework', noteZh: '补充稳定性数据' });
    expect(rework.statusCode, rework.body).toBe(200);
    expect(rework.json()).toMatchObject({ project: { stage: 'poc' }, gate: { fromStage: 'poc', toStage: 'pilot', result: 'rework' } });
    expect((await gate(p.as.otherBase, proj.id, { result: 'pass' })).statusCode).toBe(403);
    expect((await gate(p.as.base, proj.id, { result: 'pass', toStage: 'incubation' })).statusCode).toBe(409);
    expect((await gate(p.as.base, proj.id, { result: 'pass', reviewedOn: '2026-03-03' })).json().error.details[0].path).toBe('/reviewedOn');
    expect((await gate(p.as.base, proj.id, { result: 'pass', evidenceZh: ' ' })).json().error.details[0].path).toBe('/evidenceZh');
    // Evidence files are the reviewer's own organisation's.
    const foreign = await h.database.db.insertInto('storedFile').values({ name: '检测报告.pdf', mime: 'application/pdf', sizeBytes: 3, sha256: 'x', content: Buffer.from('pdf'), organisationId: p.orgs.otherBase }).returning('id').executeTakeFirstOrThrow();
    expect((await gate(p.as.base, proj.id, { result: 'pass', evidenceFileId: foreign.id })).json().error.details[0].path).toBe('/evidenceFileId');
    const file = await h.database.db.insertInto('storedFile').values({ name: '中试报告.pdf', mime: 'application/pdf', sizeBytes: 3, sha256: 'y', content: Buffer.from('pdf'), organisationId: p.orgs.base }).returning('id').executeTakeFirstOrThrow();
    h.clock.set('2026-03-02T03:00:00Z');
    const pass = await gate(p.as.base, proj.id, { result: 'pass', evidenceFileId: file.id, toStage: 'pilot' });
    expect(pass.json().project).toMatchObject({ stage: 'pilot', stageEnteredOn: '2026-03-02' });
    h.clock.set('2026-06-01T02:00:00Z');
    expect((await gate(p.as.taskforce, proj.id, { result: 'fail', reviewedOn: '2026-05-30' })).json().project.stage).toBe('pilot');
    h.clock.set('2026-06-01T03:00:00Z');
    expect((await gate(p.as.taskforce, proj.id, { result: 'pass', reviewedOn: '2026-06-01' })).json().project).toMatchObject({ stage: 'incubation', stageEnteredOn: '2026-06-01' });

    const page = (await p.as.enterprise.get(`/api/pilot/projects/${proj.id}`)).json();
    expect(page.gates.map((g: { result: string; toStage: string }) => `${g.toStage}:${g.result}`)).toEqual(['pilot:rework', 'pilot:pass', 'incubation:fail', 'incubation:pass']);
    expect(page.gates[1]).toMatchObject({ evidenceFileName: '中试报告.pdf', resultZh: '通过', reviewerNameZh: '专家组（张某、李某）' });
    expect(page.may).toEqual({ review: false, stop: false });
    expect((await p.as.base.get(`/api/pilot/projects/${proj.id}`)).json().may).toEqual({ review: true, stop: true });

    const after = (await p.as.anonymous.get('/api/pilot/projects/counts')).json();
    const count = (c: { stages: { stage: string; count: number }[] }, s: string) => c.stages.find((x) => x.stage === s)!.count;
    expect([count(after, 'poc') - count(before, 'poc'), count(after, 'incubation') - count(before, 'incubation'), after.oneToTen - before.oneToTen]).toEqual([-1, 1, 1]);
    // The plan's indicator counts the same.
    const s = await pilotTargetsService(h.database, { plan: {} as never, now: () => h.clock.now() }).stageCounts();
    expect(s.incubation + s.park + s.cluster).toBe(after.oneToTen);

    // Stopped with a reason: no more gates; a project past the pilot gate still counts, as the indicator has it.
    expect((await p.as.base.post(`/api/pilot/projects/${proj.id}/stop`, { reason: ' ' })).statusCode).toBe(422);
    expect((await p.as.enterprise.post(`/api/pilot/projects/${proj.id}/stop`, { reason: '资金' })).statusCode).toBe(403);
    expect((await p.as.base.post(`/api/pilot/projects/${proj.id}/stop`, { reason: '企业战略调整' })).json()).toMatchObject({ status: 'stopped', stoppedReasonZh: '企业战略调整' });
    expect((await p.as.base.post(`/api/pilot/projects/${proj.id}/stop`, { reason: '再停一次' })).statusCode).toBe(409);
    expect((await gate(p.as.base, proj.id, { result: 'pass', reviewedOn: '2026-06-01' })).statusCode).toBe(409);
    expect((await p.as.anonymous.get('/api/pilot/projects/counts')).json().oneToTen).toBe(after.oneToTen);
  });

  it('shows the board to overseers and bases in full, to a party its own, and to visitors counts only', async () => {
    const mine = (await p.as.taskforce.post('/api/pilot/projects', { nameZh: '企业牵头的项目', leadOrgId: p.orgs.enterprise })).json();
    const others = (await p.as.taskforce.post('/api/pilot/projects', { nameZh: '别家的项目', leadOrgId: p.orgs.outsider })).json();
    const ids = (board: { stages: { projects: { id: string }[] }[] }) => board.stages.flatMap((s) => s.projects.map((x) => x.id));
    for (const [who, c] of [['unit', p.as.unit], ['base', p.as.otherBase], ['taskforce', p.as.taskforce]] as const)
      expect(ids((await c.get('/api/pilot/projects/board')).json()), who).toEqual(expect.arrayContaining([mine.id, others.id]));
    const own = (await p.as.enterprise.get('/api/pilot/projects/board')).json();
    expect(ids(own)).toContain(mine.id);
    expect(ids(own)).not.toContain(others.id);
    expect(own.stages.map((s: { stage: string }) => s.stage)).toEqual(['research', 'poc', 'pilot', 'incubation', 'park', 'cluster']);
    expect((await p.as.enterprise.get(`/api/pilot/projects/${others.id}`)).statusCode).toBe(404);
    expect((await p.as.enterprise.get('/api/pilot/projects/board?status=stopped')).json().total).toBe(1);
    expect((await p.as.anonymous.get('/api/pilot/projects/board')).statusCode).toBe(401);
    const counts = (await p.as.anonymous.get('/api/pilot/projects/counts')).json();
    expect(JSON.stringify(counts)).not.toContain('企业牵头');
    expect(counts.stages.find((s: { stage: string }) => s.stage === 'research').count).toBeGreaterThanOrEqual(2);
  });
});
