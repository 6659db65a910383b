import { describe, expect, it } from 'vitest';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { loadDemoStrainStock } from '../../../demo/strain-stock.js';
import { ctxOf, makeStrain, RESTRICTED, strainPeople, unique } from './fixture.js';

/**
 * The demo stock loader: on the records part's demo strains it writes locations, lots, tests,
 * moves and a request in every state (one waiting for the officer); a second run writes nothing.
 */
describe.each(testDatabases)('demo stock and sharing, on $name', (kind) => {
  const h = useHarness(kind);

  it('loads once, with a request in every state and something on each alert list', async () => {
    const db = h.database.db;
    const p = await strainPeople(h);
    expect(await loadDemoStrainStock(h.database)).toBe(0);
    await h.user('demo.curator', ['curator'], p.org.bank);
    await h.user('demo.enterprise', ['enterprise'], p.org.enterprise);
    await h.user('demo.institute', ['institute'], p.org.institute);
    const strains = [];
    for (let i = 0; i < 5; i++) strains.push(await makeStrain(h, p));
    strains.push(await makeStrain(h, p, RESTRICTED));
    await db.updateTable('strain').set({ isDemo: true }).where('id', 'in', strains.map((s) => s.id)).execute();
    await db.insertInto('germplasm').values({ code: unique('GP'), kind: 'plant', nameZh: '金佛山方竹', isDemo: true }).execute();

    expect(await loadDemoStrainStock(h.database)).toBeGreaterThan(20);
    const states = await db.selectFrom('sharingRequest').select(['status', 'needsOfficer']).where('isDemo', '=', true).execute();
    expect(new Set(states.map((r) => r.status))).toEqual(new Set(['submitted', 'approved', 'shipped', 'received', 'rejected', 'withdrawn', 'curatorApproved']));
    expect(states.filter((r) => r.needsOfficer).map((r) => r.status)).toEqual(['curatorApproved']);
    const alerts = await h.services.strains.stockAlerts.alerts(await ctxOf(h, p.userId.curator), {});
    expect(alerts.counts).toMatchObject({ failed: 1, unstocked: 1 });
    expect(alerts.counts.due).toBeGreaterThanOrEqual(1);
    expect(alerts.counts.low).toBeGreaterThanOrEqual(1);
    expect(await db.selectFrom('strainLot').select('id').where('germplasmId', 'is not', null).where('isDemo', '=', true).execute()).toHaveLength(1);

    expect(await loadDemoStrainStock(h.database)).toBe(0);
  });
});
