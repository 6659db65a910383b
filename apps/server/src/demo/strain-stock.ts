import type { Database } from '../platform/db/database.js';
import type { Ctx } from '../platform/context/ctx.js';
import type { Role } from '../platform/access/model.js';
import { addDays, addMonths, todayIn } from '../platform/dates.js';
import { fileService } from '../platform/files/files.js';
import { planService } from '../modules/plan/service.js';
import { strainServices } from '../modules/strains/index.js';
import { MTA_VERSION } from '../modules/strains/model/mta.js';

/**
 * Demonstration stock and sharing (issue 7): five storage locations; a −80 °C lot for most demo
 * accessioned strains (the last is left without one, so the alerts panel lists it) and a
 * freeze-dried lot for every other one; a seed lot for each kept demo germplasm record; viability
 * tests (one lot due soon, one failed); withdrawals, one taking a lot below its alert level; and
 * sharing requests in every state, one of them waiting for the biosafety officer. Written through
 * the services as demo.curator and the demo requesters, so every record has its audit row; loaded
 * once (skipped when a demo storage location exists) and only when the records part's demo
 * strains are there.
 */

const LOCATIONS = [
  { code: 'F-80-01', nameZh: '1 号 −80 °C 超低温冰箱', kind: 'freezer80', temperatureC: -80, roomZh: '保藏楼 201 室' },
  { code: 'F-80-02', nameZh: '2 号 −80 °C 超低温冰箱', kind: 'freezer80', temperatureC: -80, roomZh: '保藏楼 201 室' },
  { code: 'LN-01', nameZh: '1 号液氮罐', kind: 'liquidNitrogen', temperatureC: -196, roomZh: '保藏楼 203 室' },
  { code: 'CR4-01', nameZh: '4 °C 冷库（冻干管）', kind: 'coldRoom4', temperatureC: 4, roomZh: '保藏楼 105 室' },
  { code: 'SV-01', nameZh: '种子库', kind: 'seedVault', temperatureC: -18, roomZh: '种质楼 101 室' },
] as const;

const ROWS = 'ABCDEFGHI';

async function ctxOf(database: Database, username: string): Promise<Ctx | null> {
  const u = await database.db.selectFrom('appUser').select(['id', 'username', 'displayName', 'organisationId', 'roles']).where('username', '=', username).executeTakeFirst();
  return u ? { requestId: 'demo', principal: { userId: u.id, username: u.username, displayName: u.displayName, organisationId: u.organisationId, roles: u.roles as Role[], via: 'session', scopes: null } } : null;
}

export async function loadDemoStrainStock(database: Database): Promise<number> {
  const { db } = database;
  if (await db.selectFrom('storageLocation').select('id').where('isDemo', '=', true).executeTakeFirst()) return 0;
  const [curator, enterprise, institute] = await Promise.all(['demo.curator', 'demo.enterprise', 'demo.institute'].map((u) => ctxOf(database, u)));
  const strains = await db.selectFrom('strain').select(['id', 'accession', 'hazardClass', 'biosafetyLevel']).where('isDemo', '=', true).where('status', '=', 'accessioned').orderBy('accession').execute();
  if (!curator || !strains.length) return 0;

  const s = strainServices(database, { plan: planService(database), files: fileService(database) });
  const today = todayIn(new Date());
  const ids = { locations: [] as string[], lots: [] as string[], requests: [] as string[] };
  let records = 0;

  const place: Record<string, string> = {};
  for (const l of LOCATIONS) {
    const made = await s.locations.create(curator, l);
    place[l.code] = made.id;
    ids.locations.push(made.id);
    records++;
  }

  // Most strains get a −80 °C lot, every other one also a freeze-dried lot; the last gets none.
  const lotOf = new Map<string, string>();
  const stocked = strains.slice(0, Math.max(1, strains.length - 1));
  for (const [i, strain] of stocked.entries()) {
    const glycerol = await s.lots.create(curator, {
      strainId: strain.id, method: 'glycerol80', passage: 2, preparedOn: addDays(today, -60 - i * 7), vialsPrepared: 24, alertLevel: 6, viabilityIntervalMonths: 12,
      locationId: place['F-80-01'], rack: `R${1 + Math.floor(i / 729)}`, box: `B${1 + Math.floor((i % 729) / 81)}`, position: `${ROWS[Math.floor(i / 9) % 9]}${1 + (i % 9)}`,
    });
    lotOf.set(strain.id, glycerol.id);
    ids.lots.push(glycerol.id);
    records++;
    if (i % 2 === 0) {
      const dried = await s.lots.create(curator, {
        strainId: strain.id, method: 'freezeDried', passage: 1, preparedOn: addDays(today, -300 + i), vialsPrepared: 40, alertLevel: 10, viabilityIntervalMonths: 24,
        locationId: place['CR4-01'], rack: 'R1', box: `B${1 + Math.floor(i / 20)}`,
      });
      ids.lots.push(dried.id);
      records++;
    }
  }

  const germplasm = await db.selectFrom('germplasm').select('id').where('isDemo', '=', true).where('status', '=', 'kept').orderBy('code').execute();
  for (const [i, g] of germplasm.entries()) {
    const seeds = await s.lots.create(curator, {
      germplasmId: g.id, method: 'seed', preparedOn: addDays(today, -120), vialsPrepared: 200, alertLevel: 30, viabilityIntervalMonths: 36,
      locationId: place['SV-01'], rack: 'R1', box: `B${1 + i}`,
    });
    ids.lots.push(seeds.id);
    records++;
  }

  // A lot whose yearly test falls due in ten days; a test that failed; a passed one that set the next date.
  const [first, second, third] = stocked;
  const dueSoon = await s.lots.create(curator, {
    strainId: first.id, method: 'liquidNitrogen', preparedOn: addDays(addMonths(today, -12), 10), vialsPrepared: 12, alertLevel: 3, viabilityIntervalMonths: 12,
    locationId: place['LN-01'], rack: 'R1', box: 'B1', position: 'A1',
  });
  ids.lots.push(dueSoon.id);
  records++;
  if (second) {
    await s.viability.record(curator, lotOf.get(second.id)!, { testedOn: addDays(today, -3), method: 'plateCount', resultValue: 2.1e3, resultUnit: 'CFU/mL', passed: false, vialsUsed: 1, noteZh: '复苏菌落数远低于制备时，需重新制备' });
    records++;
  }
  await s.viability.record(curator, lotOf.get(first.id)!, { testedOn: addDays(today, -20), method: 'plateCount', resultValue: 4.6e8, resultUnit: 'CFU/mL', passed: true, vialsUsed: 1 });
  records++;

  // Internal use; the third strain's lot goes below its alert level (the curators are told).
  await s.lots.move(curator, lotOf.get(first.id)!, { kind: 'withdraw', vials: 4, reasonZh: '发酵工艺优化试验', movedOn: addDays(today, -15) });
  if (third) await s.lots.move(curator, lotOf.get(third.id)!, { kind: 'withdraw', vials: 17, reasonZh: '菌种复壮与传代', movedOn: addDays(today, -5) });
  records += third ? 2 : 1;

  // Sharing requests in each state, from the demo enterprise and institute, to a lab that reaches the strain.
  const requesters = [enterprise, institute].filter((c): c is Ctx => !!c);
  const ask = async (strainId: string, purposeZh: string, prefer: Ctx[]) => {
    for (const who of prefer) {
      const terms = await s.sharing.terms(who, { strainId });
      const lab = terms.labs.find((l) => l.sufficient);
      if (lab) return { who, request: await s.sharing.create(who, { strainId, labId: lab.id, purposeZh, vials: 2, mtaVersion: MTA_VERSION, mtaAccepted: true }) };
    }
    return null;
  };
  const ordinary = stocked.filter((x) => x.hazardClass === null || x.hazardClass > 2);
  const plan: [string, string][] = [
    ['submitted', '耐高温蛋白酶的发酵工艺开发'], ['approved', '生物农药制剂小试'], ['shipped', '高校教学实验'],
    ['received', '饲用酶制剂菌种筛选对照'], ['rejected', '用途描述不清'], ['withdrawn', '项目调整，暂不需要'],
  ];
  for (const [i, [state, purposeZh]] of plan.entries()) {
    const strain = ordinary[i % Math.max(1, ordinary.length)];
    if (!strain || !requesters.length) break;
    const made = await ask(strain.id, purposeZh, i % 2 ? [...requesters].reverse() : requesters);
    if (!made) continue;
    const { who, request } = made;
    ids.requests.push(request.id);
    records++;
    if (state === 'rejected') await s.sharing.reject(curator, request.id, { reasonZh: '请补充具体实验方案与实验室安全管理制度' });
    if (state === 'withdrawn') await s.sharing.withdraw(who, request.id);
    if (['approved', 'shipped', 'received'].includes(state)) await s.sharing.approve(curator, request.id, { noteZh: '用途明确，实验室条件符合' });
    if ((state === 'shipped' || state === 'received') && lotOf.has(strain.id)) {
      await s.sharing.ship(curator, request.id, { lotId: lotOf.get(strain.id)!, vials: 2, carrierZh: '顺丰冷运', trackingNo: `SF10${String(2_000_000 + i).padStart(10, '0')}`, shippedOn: addDays(today, -2) });
      if (state === 'received') await s.sharing.receive(who, request.id);
    }
  }
  // A class 1–2 pathogen waits for the biosafety officer after the curator's approval.
  const pathogen = strains.find((x) => x.hazardClass !== null && x.hazardClass <= 2);
  if (pathogen && requesters.length) {
    const made = await ask(pathogen.id, '疫苗候选株免疫原性研究（须在 P3 实验室开展）', [...requesters].reverse());
    if (made) {
      ids.requests.push(made.request.id);
      // Approved by a curator other than the officer, so the officer can give the second approval.
      await s.sharing.approve(curator, made.request.id, { noteZh: '材料齐全，提请生物安全负责人审批' });
      records++;
    }
  }

  await db.updateTable('storageLocation').set({ isDemo: true }).where('id', 'in', ids.locations).execute();
  if (ids.lots.length) await db.updateTable('strainLot').set({ isDemo: true }).where('id', 'in', ids.lots).execute();
  if (ids.requests.length) await db.updateTable('sharingRequest').set({ isDemo: true }).where('id', 'in', ids.requests).execute();
  return records;
}
