import { describe, expect, it } from 'vitest';
import { systemCtx } from '../../../platform/context/ctx.js';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { loadDemoStrains } from '../../../demo/strains.js';
import type { Role } from '../../../platform/access/model.js';

describe.each(testDatabases)('the demo strain records, on $name', (kind) => {
  const h = useHarness(kind);
  it('loads once through the services: strains in every state, germplasm, labs and the officer', async () => {
    const org = async (k: string, nameZh: string) => (await h.services.identity.createOrganisation(systemCtx('test'), { kind: k, nameZh })).id;
    const orgs = { ent: await org('enterprise', '示例企业'), inst: await org('institute', '示例研究院'), pilot: await org('pilotBase', '示例中试基地'), bank: await org('bank', '示例菌种库') };
    const tf = (await h.database.db.selectFrom('organisation').select('id').where('kind', '=', 'taskForce').executeTakeFirstOrThrow()).id;
    const users: [string, Role, string][] = [['demo.curator', 'curator', orgs.bank], ['demo.biosafety', 'curator', orgs.bank], ['demo.taskforce', 'taskforce', tf],
      ['demo.enterprise', 'enterprise', orgs.ent], ['demo.institute', 'institute', orgs.inst], ['demo.pilotbase', 'pilotBase', orgs.pilot]];
    for (const [name, role, o] of users) await h.user(name, [role], o);

    expect(await loadDemoStrains(h.database)).toBeGreaterThan(20);
    expect(await loadDemoStrains(h.database)).toBe(0);
    const strains = await h.database.db.selectFrom('strain').select(['status', 'restricted', 'hazardClass']).where('isDemo', '=', true).execute();
    expect(strains).toHaveLength(13);
    expect(new Set(strains.map((s) => s.status))).toEqual(new Set(['accessioned', 'checked', 'received', 'submitted', 'rejected']));
    expect(strains.filter((s) => s.restricted).map((s) => s.hazardClass)).toEqual([2]);
    expect(await h.database.db.selectFrom('biosafetyOfficer as b').innerJoin('appUser as u', 'u.id', 'b.userId').select('u.username').execute()).toEqual([{ username: 'demo.biosafety' }]);
  }, 120_000);
});
