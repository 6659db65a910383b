import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { makeStrain, RESTRICTED, strainBody, strainPeople, type StrainPeople } from './fixture.js';

/**
 * The deposit workflow as depositors and curators rely on it: a deposit is checked field by
 * field, received, tested (a retest replaces a failed test), marked checked only when the latest
 * three tests passed, and accessioned with the next CQMCC number, never given again; it can be
 * rejected before accession, withdrawn by the depositor before receipt and by a curator after
 * accession; two decisions at once land once; the depositor is told; edits are audited.
 */
describe.each(testDatabases)('deposits and strain records, on $name', (kind) => {
  const h = useHarness(kind);
  let p: StrainPeople;
  beforeAll(async () => { p = await strainPeople(h); });

  const post = async (who: keyof StrainPeople['as'], url: string, body: unknown = {}) => p.as[who].post(url, body);
  const deposit = async (extra: Record<string, unknown> = {}) => {
    const res = await post('enterprise', '/api/strains/deposits', strainBody(extra));
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const check = (id: string, kind: string, passed: boolean) => post('curator', `/api/strains/${id}/checks`, { kind, passed, methodZh: '平板划线', resultZh: passed ? '纯' : '有杂菌', testedOn: '2025-03-10' });

  it('takes a deposit from submission to accession, with the checks deciding when it is checked', async () => {
    const d = await deposit({ lineage: null, genus: 'Corynebacterium', species: 'glutamicum', nameZh: '谷氨酸棒杆菌' });
    expect(d).toMatchObject({ status: 'submitted', accession: null, view: 'full', restricted: false });
    expect(d.depositNo).toMatch(/^DEP-\d{4}-\d{4}$/);
    expect(d.lineage).toMatchObject({ domain: 'Bacteria', family: 'Corynebacteriaceae' });

    expect((await check(d.id, 'purity', true)).statusCode).toBe(409);
    const r = await post('curator', `/api/strains/${d.id}/receive`, { receivedOn: '2025-03-05', receivedConditionZh: '完好', receivedMaterialZh: '冻干管 2 支' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'received', receivedMaterialZh: '冻干管 2 支' });

    expect((await check(d.id, 'purity', false)).statusCode).toBe(201);
    expect((await check(d.id, 'viability', true)).statusCode).toBe(201);
    const early = await post('curator', `/api/strains/${d.id}/mark-checked`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details.map((x: { path: string }) => x.path).sort()).toEqual(['/checks/identity', '/checks/purity']);
    expect((await check(d.id, 'purity', true)).statusCode).toBe(201);
    expect((await check(d.id, 'identity', true)).statusCode).toBe(201);
    expect((await post('curator', `/api/strains/${d.id}/accession`)).statusCode).toBe(409);
    expect((await post('curator', `/api/strains/${d.id}/mark-checked`)).json().status).toBe('checked');

    const a = (await post('curator', `/api/strains/${d.id}/accession`)).json();
    expect(a).toMatchObject({ status: 'accessioned' });
    expect(a.accession).toMatch(/^CQMCC 1\d{4}$/);

    const page = (await p.as.anonymous.get(`/api/strains/${d.id}`)).json();
    expect(page).toMatchObject({ view: 'full', accession: a.accession });
    expect(page.checks.map((c: { kind: string; passed: boolean }) => `${c.kind}:${c.passed}`)).toEqual(['purity:false', 'viability:true', 'purity:true', 'identity:true']);

    const told = await h.database.db.selectFrom('notification').select('kind').where('organisationId', '=', p.org.enterprise).where('link', '=', `/strains/${d.id}`).execute();
    expect(told.map((n) => n.kind).sort()).toEqual(['strains.deposit.accession', 'strains.deposit.receive']);

    const history = (await p.as.enterprise.get(`/api/strains/${d.id}/history`)).json().items.map((x: { action: string }) => x.action);
    expect(history[0]).toBe('strains.strain.submit');
    expect(history.at(-1)).toBe('strains.strain.accession');
    expect(history.filter((x: string) => x === 'strains.strain.check')).toHaveLength(4);
  });

  it('refuses a record with a bad field with 422 naming it, and writes nothing', async () => {
    const before = await h.database.db.selectFrom('strain').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const cases: [Record<string, unknown>, string][] = [
      [{ genus: 'bacillus' }, '/genus'],
      [{ species: 'Subtilis' }, '/species'],
      [{ isolationLat: 95 }, '/isolationLat'],
      [{ isolationLon: null }, '/isolationLon'],
      [{ growthTemperatureC: 130 }, '/growthTemperatureC'],
      [{ hazardClass: 5 }, '/hazardClass'],
      [{ hazardClass: 2, biosafetyLevel: 2 }, '/biosafetyLevel'],
      [{ hazardClass: 1, biosafetyLevel: 3 }, '/biosafetyLevel'],
      [{ atmosphere: 'vacuum' }, '/atmosphere'],
      [{ otherNumbers: ['ATCC8739'] }, '/otherNumbers/0'],
      [{ isolatedOn: '2025-02-30' }, '/isolatedOn'],
    ];
    for (const [extra, path] of cases) {
      const res = await post('enterprise', '/api/strains/deposits', strainBody(extra));
      expect(res.statusCode, JSON.stringify(extra)).toBe(422);
      expect(res.json().error.details.map((x: { path: string }) => x.path), JSON.stringify(extra)).toContain(path);
    }
    // What the hazard class needs is enough: class 3 with BSL-2.
    expect((await post('enterprise', '/api/strains/deposits', strainBody({ hazardClass: 3, biosafetyLevel: 2 }))).statusCode).toBe(201);
    const after = await h.database.db.selectFrom('strain').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) + 1);
  });

  it('rejects with a reason before accession, and lets the depositor withdraw only before receipt', async () => {
    const d = await deposit();
    expect((await post('curator', `/api/strains/${d.id}/reject`, { reasonZh: ' ' })).statusCode).toBe(422);
    const rej = await post('curator', `/api/strains/${d.id}/reject`, { reasonZh: '材料污染' });
    expect(rej.json()).toMatchObject({ status: 'rejected', rejectedReasonZh: '材料污染' });
    const n = await h.database.db.selectFrom('notification').select('titleZh').where('kind', '=', 'strains.deposit.reject').where('link', '=', `/strains/${d.id}`).executeTakeFirstOrThrow();
    expect(n.titleZh).toContain('材料污染');

    const w = await deposit();
    expect((await post('enterprise', `/api/strains/${w.id}/withdraw`, {})).json().status).toBe('withdrawn');
    const late = await makeStrain(h, p, {}, { status: 'received' });
    expect((await post('enterprise', `/api/strains/${late.id}/withdraw`, {})).statusCode).toBe(409);
    // Not the depositor: another enterprise does not even know the deposit exists.
    expect((await post('stranger', `/api/strains/${late.id}/withdraw`, {})).statusCode).toBe(404);
    expect((await p.as.stranger.get(`/api/strains/${late.id}`)).statusCode).toBe(404);
  });

  it('withdraws an accessioned strain keeping its number, which is never given again', async () => {
    const a = await makeStrain(h, p);
    expect((await post('curator', `/api/strains/${a.id}/withdraw`, {})).statusCode).toBe(422);
    const w = (await post('curator', `/api/strains/${a.id}/withdraw`, { reasonZh: '活力丧失，无法复苏' })).json();
    expect(w).toMatchObject({ status: 'withdrawn', accession: a.accession });
    const b = await makeStrain(h, p);
    expect(Number(b.accession!.slice(6))).toBeGreaterThan(Number(a.accession!.slice(6)));
    const listed = (await p.as.anonymous.get('/api/strains?limit=500')).json().items.map((x: { id: string }) => x.id);
    expect(listed).not.toContain(a.id);
    expect((await p.as.anonymous.get(`/api/strains/${a.id}`)).json()).toMatchObject({ status: 'withdrawn', accession: a.accession });
  });

  it('lets one of two decisions at once land and answers the other 409', async () => {
    const c = await makeStrain(h, p, {}, { status: 'checked' });
    const [x, y] = await Promise.all([post('curator', `/api/strains/${c.id}/accession`), post('taskforce', `/api/strains/${c.id}/reject`, { reasonZh: '重复保藏' })]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    const row = await h.database.db.selectFrom('strain').select(['status', 'accession']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row.status === 'accessioned' ? !!row.accession : row.accession === null).toBe(true);
  });

  it('lets the depositor edit while submitted and curators any record, audited before and after; a restriction is never below the rule', async () => {
    const d = await deposit();
    const e = await p.as.enterprise.patch(`/api/strains/${d.id}`, { mediumZh: 'NB 培养基', genus: 'Lactobacillus', species: 'plantarum' });
    expect(e.statusCode, e.body).toBe(200);
    expect(e.json()).toMatchObject({ mediumZh: 'NB 培养基', lineage: { family: 'Lactobacillaceae' } });
    await post('curator', `/api/strains/${d.id}/receive`, { receivedOn: '2025-03-05', receivedConditionZh: '完好', receivedMaterialZh: '斜面 1 支' });
    expect((await p.as.enterprise.patch(`/api/strains/${d.id}`, { mediumZh: 'MRS' })).statusCode).toBe(403);

    const a = await makeStrain(h, p);
    const c = await p.as.curator.patch(`/api/strains/${a.id}`, { growthTemperatureC: 30, restricted: true, restrictionNoteZh: '仅限合作单位' });
    expect(c.json()).toMatchObject({ growthTemperatureC: 30, restricted: true });
    const row = await h.database.db.selectFrom('auditLog').select(['before', 'after']).where('entityId', '=', a.id).where('action', '=', 'strains.strain.update').executeTakeFirstOrThrow();
    expect(row.before).toMatchObject({ growthTemperatureC: 37, restricted: false });
    expect(row.after).toMatchObject({ growthTemperatureC: 30, restricted: true });
    expect((await p.as.curator.patch(`/api/strains/${a.id}`, { restricted: false })).json().restricted).toBe(false);

    const r = await makeStrain(h, p, RESTRICTED);
    expect(r.restricted).toBe(true);
    const lower = await p.as.curator.patch(`/api/strains/${r.id}`, { restricted: false });
    expect(lower.statusCode).toBe(422);
    expect(lower.json().error.details[0].path).toBe('/restricted');
    expect((await p.as.curator.patch(`/api/strains/${r.id}`, { biosafetyLevel: 2 })).json().error.details[0].path).toBe('/biosafetyLevel');
  });
});
