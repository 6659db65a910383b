import { simulateBatch } from '@cq-biomfg/monitor';
import { systemCtx, type Ctx } from '../../../platform/context/ctx.js';
import type { Role } from '../../../platform/access/model.js';
import { bearerClient, type Client, type Harness } from '../../../test/harness.js';

/**
 * The process tests' world: two enterprises, each with a factory and an operator (signed in, and
 * the first also as a machine with a `factory:ingest` token), a task force member, and an
 * accessioned strain in the bank.
 */
export const RECIPE = '谷氨酸发酵 v3';
export const HOUR = 3600_000;

export interface ProcessWorld {
  org: { a: string; b: string };
  factory: { a: { id: string; code: string }; b: { id: string; code: string } };
  accession: string;
  as: { opA: Client; opB: Client; taskforce: Client; machine: Client; reader: Client };
  ctx: { opA: Ctx; opB: Ctx; taskforce: Ctx };
}

const ctxOf = (userId: string, username: string, roles: Role[], organisationId: string | null): Ctx =>
  ({ requestId: 'test', principal: { userId, username, displayName: username, organisationId, roles, via: 'session', scopes: null } });

export async function buildProcessWorld(h: Harness, tag: string): Promise<ProcessWorld> {
  const sys = systemCtx('test');
  const db = h.database.db;
  const mkOrg = async (nameZh: string) => (await h.services.identity.createOrganisation(sys, { kind: 'enterprise', nameZh: `${nameZh}（${tag}）`, districtCode: '500120' })).id;
  const org = { a: await mkOrg('重庆示例合成生物科技有限公司'), b: await mkOrg('另一家发酵企业') };
  const now = new Date();
  const mkFactory = (code: string, organisationId: string, nameZh: string) =>
    db.insertInto('factory').values({ code, organisationId, nameZh, createdAt: now, updatedAt: now }).returning(['id', 'code']).executeTakeFirstOrThrow();
  const factory = { a: await mkFactory(`FA${tag}`, org.a, '璧山智能工厂'), b: await mkFactory(`FB${tag}`, org.b, '长寿发酵车间') };
  const accession = `CQMCC P${tag}`;
  await db.insertInto('strain').values({ depositNo: `DEP-P${tag}`, status: 'accessioned', accession, organismKind: 'bacterium', genus: 'Corynebacterium', species: 'glutamicum' } as never).execute();
  const ids = {
    opA: await h.user(`opA${tag}`, ['enterprise'], org.a),
    opB: await h.user(`opB${tag}`, ['enterprise'], org.b),
    taskforce: await h.user(`tf${tag}`, ['taskforce']),
  };
  const opA = await h.login(`opA${tag}`);
  const token = async (scopes: string[]) => {
    const res = await opA.post('/api/tokens', { name: `MES ${scopes.join(',')}`, scopes });
    if (res.statusCode !== 201) throw new Error(`token: ${res.statusCode} ${res.body}`);
    return bearerClient(h.app, res.json().token as string);
  };
  return {
    org, factory, accession,
    as: { opA, opB: await h.login(`opB${tag}`), taskforce: await h.login(`tf${tag}`), machine: await token(['factory:ingest']), reader: await token(['factory:read']) },
    ctx: { opA: ctxOf(ids.opA, `opA${tag}`, ['enterprise'], org.a), opB: ctxOf(ids.opB, `opB${tag}`, ['enterprise'], org.b), taskforce: ctxOf(ids.taskforce, `tf${tag}`, ['taskforce'], null) },
  };
}

/**
 * A batch of factory A run to its end from the simulator, through the services as a plant would:
 * registered, its readings posted, its phases and end recorded, its outcome judged.
 */
export async function simulatedBatch(h: Harness, w: ProcessWorld, n: number, o: { start: number; seed: number; outcome?: 'good' | 'bad' | null; durationHours?: number; equipment?: string }) {
  const sim = simulateBatch({ seed: o.seed, start: new Date(o.start), durationHours: o.durationHours ?? 40, sampleMinutes: 30, harvestHours: 4 });
  const s = h.services.factory;
  const externalId = `SIM-${n}`;
  const b = await s.batches.create(w.ctx.opA, { factory: w.factory.a.code, externalId, equipment: o.equipment ?? '50m³ 发酵罐 F-301', recipe: RECIPE, startedAt: sim.startedAt, phase: sim.phases[0].name });
  for (const p of sim.phases.slice(1)) await s.batches.phase(w.ctx.opA, b.id, { name: p.name, at: p.startedAt });
  await s.readings.ingest(w.ctx.opA, { factory: w.factory.a.code, readings: sim.readings.map((r) => ({ batch: externalId, ...r })) });
  if (o.outcome === undefined || o.outcome) {
    await s.batches.end(w.ctx.opA, b.id, { state: 'completed', at: sim.endedAt });
    await s.batches.outcome(w.ctx.opA, b.id, { outcome: o.outcome ?? 'good', noteZh: o.outcome === 'bad' ? '产率低' : null });
  }
  return { id: b.id as string, externalId, sim };
}
