import type { Database } from '../platform/db/database.js';
import { systemCtx } from '../platform/context/ctx.js';
import { identityService } from '../platform/identity/service.js';
import { identityStore } from '../platform/identity/store.js';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_USERS } from './data.js';
import { loadDemoSupervision } from './supervision.js';
import { loadDemoIndustry } from './industry.js';
import { loadDemoPilot } from './pilot.js';
import { loadDemoTalent } from './talent.js';
import { loadDemoInnovation } from './innovation.js';
import { loadDemoNeeds } from './needs.js';
import { loadDemoChallenges } from './challenges.js';
import { loadDemoStrains } from './strains.js';
import { loadDemoStrainStock } from './strain-stock.js';
import { loadDemoStrainSequences } from './strain-sequences.js';
import { loadDemoSafety } from './safety.js';
import { loadDemoFactoryEpcis } from './factory-epcis.js';
import { loadDemoFactoryTrace } from './factory-trace.js';
import { loadDemoFactoryBatches } from './factory-batches.js';
import { loadDemoFactoryMonitoring } from './factory-monitoring.js';

/**
 * Loads the demonstration data set (示例数据). Deterministic and idempotent: the same
 * records every time, flagged is_demo, and nothing is loaded twice.
 */
export async function loadDemo(database: Database): Promise<{ loaded: boolean; records: number }> {
  const { db } = database;
  const ctx = systemCtx('demo');
  const identity = identityService(database);
  let records = 0;
  const orgIds = new Map<string, string>();
  for (const o of DEMO_ORGANISATIONS) {
    const existing = await identityStore.organisationByName(db, o.kind, o.nameZh);
    if (existing) { orgIds.set(o.key, existing.id); continue; }
    const created = await identity.createOrganisation(ctx, o, { isDemo: true });
    orgIds.set(o.key, created.id);
    records++;
  }
  for (const u of DEMO_USERS) {
    if (await identityStore.userByUsername(db, u.username)) continue;
    let organisationId = u.org ? orgIds.get(u.org) ?? null : null;
    if (u.districtCode) {
      const d = await db.selectFrom('organisation').select('id').where('kind', '=', 'district').where('districtCode', '=', u.districtCode).executeTakeFirst();
      organisationId = d?.id ?? null;
    }
    if (u.taskForce) organisationId = (await identityStore.organisationByName(db, 'taskForce', '重庆市高新技术产业工作专班'))?.id ?? null;
    await identity.createUser(ctx, { username: u.username, displayName: u.displayName, roles: u.roles, password: DEMO_PASSWORD, organisationId }, { isDemo: true });
    records++;
  }
  records += await loadDemoSupervision(database);
  records += await loadDemoIndustry(database);
  records += await loadDemoPilot(database);
  records += await loadDemoInnovation(database);
  records += await loadDemoTalent(database);
  records += await loadDemoNeeds(database);
  records += await loadDemoChallenges(database);
  records += await loadDemoStrains(database);
  records += await loadDemoStrainStock(database);
  records += await loadDemoStrainSequences(database);
  records += await loadDemoSafety(database);
  records += await loadDemoFactoryEpcis(database);
  records += await loadDemoFactoryTrace(database);
  records += await loadDemoFactoryBatches(database);
  records += await loadDemoFactoryMonitoring(database);
  return { loaded: records > 0, records };
}
