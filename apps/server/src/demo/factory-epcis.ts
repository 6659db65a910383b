import type { Database } from '../platform/db/database.js';
import type { Ctx } from '../platform/context/ctx.js';
import type { Role } from '../platform/access/model.js';
import { fileService } from '../platform/files/files.js';
import { planService } from '../modules/plan/service.js';
import { factoriesService } from '../modules/factory/factories.service.js';

/**
 * The demonstration factories (示例), each at its own site (SGLN): the demo enterprise's
 * fermentation plant and its purification workshop, and its trading partner's formulation plant.
 * The trace part's demo captures the strain-to-shipment chain at these sites (read points and
 * business locations under each GLN), which is what makes the factories show as connected.
 */
export const DEMO_FACTORIES = [
  { by: 'demo.enterprise', nameZh: '示例合成生物发酵工厂', nameEn: 'Demo Synthetic Biology Fermentation Plant', kind: 'smartFactory', districtCode: '500102', addressZh: '重庆市涪陵区示例工业园 8 号', sgln: 'urn:epc:id:sgln:6970001.00001.0' },
  { by: 'demo.enterprise', nameZh: '示例分离纯化数字化车间', nameEn: 'Demo Recovery and Purification Digital Workshop', kind: 'digitalWorkshop', districtCode: '500102', addressZh: '重庆市涪陵区示例工业园 8 号 3 栋', sgln: 'urn:epc:id:sgln:6970001.00002.0' },
  { by: 'demo.partner', nameZh: '示例生物制剂配制工厂', nameEn: 'Demo Bioformulation Plant', kind: 'smartFactory', districtCode: '500120', addressZh: '重庆市璧山区示例大道 66 号', sgln: 'urn:epc:id:sgln:6970002.00001.0' },
] as const;

async function ctxOf(database: Database, username: string): Promise<Ctx | null> {
  const u = await database.db.selectFrom('appUser').select(['id', 'username', 'displayName', 'organisationId', 'roles']).where('username', '=', username).executeTakeFirst();
  return u ? { requestId: 'demo', principal: { userId: u.id, username: u.username, displayName: u.displayName, organisationId: u.organisationId, roles: u.roles as Role[], via: 'session', scopes: null } } : null;
}

/** Loads the demo factories through the factories service (audited); a factory already there is skipped. Returns how many it wrote. */
export async function loadDemoFactoryEpcis(database: Database): Promise<number> {
  const { db } = database;
  const s = factoriesService(database, { now: () => new Date(), files: fileService(database), plan: planService(database), readingsListeners: [] });
  let records = 0;
  for (const { by, ...f } of DEMO_FACTORIES) {
    const ctx = await ctxOf(database, by);
    const organisationId = ctx?.principal?.organisationId;
    if (!ctx || !organisationId) continue;
    if (await db.selectFrom('factory').select('id').where('organisationId', '=', organisationId).where('nameZh', '=', f.nameZh).executeTakeFirst()) continue;
    const created = await s.create(ctx, { ...f });
    await db.updateTable('factory').set({ isDemo: true }).where('id', '=', created.id as string).execute();
    records++;
  }
  return records;
}
