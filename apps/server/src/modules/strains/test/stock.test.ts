import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDatabases, useHarness, type Client } from '../../../test/harness.js';
import { loadExcelJS } from '../../../platform/excel/load.js';
import { makeStrain, strainPeople, unique, type StrainMade, type StrainPeople } from './fixture.js';

/**
 * Preservation stock: freezers and one active lot per position; lots only of accessioned strains
 * and kept germplasm; a ledger with the balance after every move, never below zero, one move
 * landing at a time; viability tests that set the next due date and flag failures; the curators
 * told once per crossing below a lot's alert level; the alerts panel and the lot list's filters.
 */

async function json(res: { statusCode: number; body: string; json(): any }, expected: number, what: string) {
  if (res.statusCode !== expected) throw new Error(`${what}: ${res.statusCode} ${res.body.slice(0, 400)}`);
  return res.json();
}
const detailPaths = (res: { json(): any }) => res.json().error.details.map((d: { path: string }) => d.path);

describe.each(testDatabases)('preservation stock, on $name', (kind) => {
  const h = useHarness(kind);
  let p: StrainPeople;
  let cur: Client;
  let strain: StrainMade;
  let freezer: string;
  let germplasmId: string;

  const count = async (table: string) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(h.database.db)).rows[0].n);
  const lotBody = (extra: Record<string, unknown> = {}) => ({ strainId: strain.id, method: 'glycerol80', preparedOn: '2026-02-01', vialsPrepared: 12, alertLevel: 5, viabilityIntervalMonths: 12, ...extra });
  const newLot = async (extra: Record<string, unknown> = {}) => json(await cur.post('/api/strain-lots', lotBody(extra)), 201, 'lot');
  const lowNotices = (lotId: string) => h.database.db.selectFrom('notification').select(['userId', 'titleZh']).where('kind', '=', 'strains.lot.low').where('link', '=', `/strains/stock?lot=${lotId}`).execute();

  beforeAll(async () => {
    h.clock.set('2026-03-10T02:00:00Z');
    p = await strainPeople(h);
    cur = p.as.curator;
    strain = await makeStrain(h, p);
    freezer = (await json(await cur.post('/api/storage-locations', { code: 'f-80-01', nameZh: '1 号超低温冰箱', kind: 'freezer80', temperatureC: -80, roomZh: '保藏楼 201' }), 201, 'freezer')).id;
    germplasmId = (await h.database.db.insertInto('germplasm').values({ code: unique('GP'), kind: 'plant', nameZh: '金佛山方竹' }).returning('id').executeTakeFirstOrThrow()).id;
  });

  it('keeps a register of freezers and holds one active lot per position', async () => {
    expect(detailPaths(await cur.post('/api/storage-locations', { code: 'F-80-01', nameZh: '重号', kind: 'freezer80' }))).toEqual(['/code']);
    expect(detailPaths(await cur.post('/api/storage-locations', { code: 'LN-01', nameZh: '液氮罐', kind: 'dewar' }))).toEqual(['/kind']);

    const lot = await newLot({ locationId: freezer, rack: 'R3', box: 'B12', position: 'a7' });
    expect(lot).toMatchObject({ code: 'LOT-2026-0001', vialsOnHand: 12, status: 'active', place: 'F-80-01 / R3 / B12 / A7', nextTestDue: '2027-02-01' });
    expect(lot.moves).toMatchObject([{ kind: 'prepare', delta: 12, balanceAfter: 12 }]);

    const pending = await makeStrain(h, p, {}, { status: 'received' });
    const before = [await count('strain_lot'), await count('stock_move'), await count('audit_log')];
    const taken = await cur.post('/api/strain-lots', lotBody({ locationId: freezer, rack: 'R3', box: 'B12', position: 'A7' }));
    expect(taken.statusCode, taken.body).toBe(409);
    expect(detailPaths(taken)).toEqual(['/position']);
    const notYet = await cur.post('/api/strain-lots', lotBody({ strainId: pending.id }));
    expect([notYet.statusCode, detailPaths(notYet)]).toEqual([409, ['/strainId']]);
    expect(detailPaths(await cur.post('/api/strain-lots', lotBody({ germplasmId })))).toEqual(['/germplasmId']);
    expect(detailPaths(await cur.post('/api/strain-lots', lotBody({ vialsPrepared: 0, preparedOn: '2026-03-11' })))).toEqual(['/preparedOn', '/vialsPrepared']);
    expect([await count('strain_lot'), await count('stock_move'), await count('audit_log')]).toEqual(before);

    const seeds = await newLot({ strainId: null, germplasmId, method: 'seed', vialsPrepared: 200, alertLevel: 20, viabilityIntervalMonths: 24, locationId: freezer, rack: 'R1', box: 'B1' });
    expect(seeds).toMatchObject({ code: 'LOT-2026-0002', germplasmId, method: 'seed', place: 'F-80-01 / R1 / B1' });

    // Moving the first lot frees A7 for another.
    await json(await cur.patch(`/api/strain-lots/${lot.id}`, { position: 'A8' }), 200, 'move place');
    expect((await newLot({ locationId: freezer, rack: 'R3', box: 'B12', position: 'A7' })).place).toBe('F-80-01 / R3 / B12 / A7');

    const view = await json(await cur.get(`/api/storage-locations/${freezer}`), 200, 'freezer');
    expect(view.activeLots).toBe(3);
    expect(view.racks.map((r: { rack: string; boxes: { box: string; lots: { position: string }[] }[] }) => [r.rack, r.boxes.map((b) => [b.box, b.lots.map((l) => l.position)])]))
      .toEqual([['R1', [['B1', [null]]]], ['R3', [['B12', ['A7', 'A8']]]]]);
    const retire = await cur.patch(`/api/storage-locations/${freezer}`, { status: 'retired' });
    expect([retire.statusCode, detailPaths(retire)]).toEqual([409, ['/status']]);
  });

  it('moves stock through a ledger, never below zero, and tells the curators once per crossing below the alert level', async () => {
    const lot = await newLot({ vialsPrepared: 12, alertLevel: 5 });
    const move = (body: Record<string, unknown>) => cur.post(`/api/strain-lots/${lot.id}/moves`, body);
    await json(await move({ kind: 'withdraw', vials: 5, reasonZh: '发酵条件优化' }), 200, 'withdraw 5');
    expect(await lowNotices(lot.id)).toEqual([]);
    const at4 = await json(await move({ kind: 'withdraw', vials: 3, reasonZh: '复壮' }), 200, 'withdraw 3');
    expect(at4.vialsOnHand).toBe(4);
    const told = await lowNotices(lot.id);
    expect(told.map((n) => n.userId).sort()).toEqual([p.userId.curator, p.userId.officer].sort());
    expect(told[0].titleZh).toContain(strain.accession!);
    await json(await move({ kind: 'withdraw', vials: 1, reasonZh: '教学' }), 200, 'withdraw 1');
    expect(await lowNotices(lot.id)).toHaveLength(2);

    const before = [await count('stock_move'), await count('audit_log')];
    const tooMany = await move({ kind: 'withdraw', vials: 10, reasonZh: '大量领用' });
    expect([tooMany.statusCode, detailPaths(tooMany)]).toEqual([409, ['/vials']]);
    expect(detailPaths(await move({ kind: 'adjust', vials: 0, reasonZh: '' }))).toEqual(['/vials', '/reasonZh']);
    expect([await count('stock_move'), await count('audit_log')]).toEqual(before);

    // Above the level again, then below: told again.
    await json(await move({ kind: 'adjust', vials: 5, reasonZh: '盘点发现漏记' }), 200, 'adjust +5');
    await json(await move({ kind: 'withdraw', vials: 4, reasonZh: '菌种复壮' }), 200, 'withdraw 4');
    expect(await lowNotices(lot.id)).toHaveLength(4);

    // Two withdrawals of 3 from 4 vials at once: one lands.
    const both = await Promise.all([move({ kind: 'withdraw', vials: 3, reasonZh: '甲' }), move({ kind: 'withdraw', vials: 3, reasonZh: '乙' })]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);

    const done = await json(await move({ kind: 'discard', vials: 1, reasonZh: '污染' }), 200, 'discard');
    expect(done).toMatchObject({ vialsOnHand: 0, status: 'discarded' });
    expect(done.moves.map((m: { kind: string; delta: number; balanceAfter: number }) => [m.kind, m.delta, m.balanceAfter]).reverse()).toEqual([
      ['prepare', 12, 12], ['withdraw', -5, 7], ['withdraw', -3, 4], ['withdraw', -1, 3], ['adjust', 5, 8], ['withdraw', -4, 4], ['withdraw', -3, 1], ['discard', -1, 0],
    ]);
    const dead = await move({ kind: 'adjust', vials: 1, reasonZh: '找到一支' });
    expect([dead.statusCode, detailPaths(dead)]).toEqual([409, ['/lotId']]);
    const audit = await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', lot.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['strains.lot.create', ...Array(7).fill(0).map((_, i) => `strains.stock.${['withdraw', 'withdraw', 'withdraw', 'adjust', 'withdraw', 'withdraw', 'discard'][i]}`)]);
  });

  it('records viability tests: the next due date follows the latest, a failure flags the lot, vials used leave the ledger', async () => {
    const lot = await newLot({ preparedOn: '2025-03-01', vialsPrepared: 10, alertLevel: 2, viabilityIntervalMonths: 6 });
    expect(lot.nextTestDue).toBe('2025-09-01');
    const test = (body: Record<string, unknown>) => cur.post(`/api/strain-lots/${lot.id}/viability-tests`, body);
    expect(detailPaths(await test({ testedOn: '2025-02-01', method: 'plateCount', passed: true }))).toEqual(['/testedOn']);
    expect(detailPaths(await test({ testedOn: '2026-03-01', method: 'plateCount', resultValue: 3e8, passed: true }))).toEqual(['/resultUnit']);
    await json(await test({ testedOn: '2026-03-01', method: 'plateCount', resultValue: 3.2e8, resultUnit: 'CFU/mL', passed: true, vialsUsed: 1 }), 201, 'passed');
    let after = await json(await cur.get(`/api/strain-lots/${lot.id}`), 200, 'lot');
    expect(after).toMatchObject({ nextTestDue: '2026-09-01', viabilityFailed: false, vialsOnHand: 9 });
    expect(after.moves[0]).toMatchObject({ kind: 'test', delta: -1, balanceAfter: 9 });
    await json(await test({ testedOn: '2026-03-09', method: 'growth', resultValue: 12, resultUnit: '存活率 %', passed: false, vialsUsed: 1 }), 201, 'failed');
    // A late entry for an earlier day does not undo the latest result.
    await json(await test({ testedOn: '2026-03-05', method: 'growth', passed: true }), 201, 'late');
    after = await json(await cur.get(`/api/strain-lots/${lot.id}`), 200, 'lot');
    expect(after).toMatchObject({ nextTestDue: '2026-09-09', viabilityFailed: true, vialsOnHand: 8, flags: { failed: true } });
    expect(after.viabilityTests.map((t: { testedOn: string; passed: boolean }) => [t.testedOn, t.passed])).toEqual([['2026-03-09', false], ['2026-03-05', true], ['2026-03-01', true]]);
  });

  it('lists the alerts, the lots by filter and a strain’s lots, and exports them', async () => {
    const due = await newLot({ preparedOn: '2025-03-25', viabilityIntervalMonths: 12, vialsPrepared: 30 });
    const overdue = await newLot({ preparedOn: '2024-12-01', viabilityIntervalMonths: 12, vialsPrepared: 30, method: 'freezeDried' });
    const low = await newLot({ vialsPrepared: 3, alertLevel: 5, method: 'liquidNitrogen' });
    const bare = await makeStrain(h, p);
    const a = await json(await cur.get('/api/strains/stock/alerts?days=30'), 200, 'alerts');
    const codes = (xs: { code: string }[]) => xs.map((x) => x.code);
    expect(codes(a.due)).toContain(due.code);
    expect(codes(a.due)).not.toContain(overdue.code);
    expect(codes(a.overdue)).toContain(overdue.code);
    expect(codes(a.low)).toContain(low.code);
    expect(a.failed.length).toBe(1);
    expect(a.unstocked.map((s: { id: string }) => s.id)).toEqual([bare.id]);
    expect(a.counts).toMatchObject({ unstocked: 1, failed: 1 });
    expect(a.counts.low).toBe(a.low.length);
    const narrow = await json(await cur.get('/api/strains/stock/alerts?days=5'), 200, 'alerts 5');
    expect(codes(narrow.due)).not.toContain(due.code);

    expect(codes((await json(await cur.get('/api/strain-lots?alert=low&method=liquidNitrogen'), 200, 'low')).items)).toEqual([low.code]);
    expect((await json(await cur.get(`/api/strain-lots?locationId=${freezer}`), 200, 'freezer')).total).toBe(3);
    expect((await json(await cur.get('/api/strain-lots?status=discarded'), 200, 'discarded')).total).toBe(1);

    const ofStrain = await json(await cur.get(`/api/strains/${strain.id}/lots`), 200, 'strain lots');
    expect(ofStrain.lots.length).toBe((await json(await cur.get(`/api/strain-lots?strainId=${strain.id}&limit=500`), 200, 'all')).total);
    expect(ofStrain.vialsOnHand).toBe(ofStrain.lots.filter((l: { status: string }) => l.status === 'active').reduce((n: number, l: { vialsOnHand: number }) => n + l.vialsOnHand, 0));

    const file = await cur.get('/api/strain-lots/export.xlsx?method=freezeDried');
    expect(file.statusCode).toBe(200);
    const wb = new (await loadExcelJS()).Workbook();
    await wb.xlsx.load(file.rawPayload as never);
    const rows: string[] = [];
    wb.worksheets[0].eachRow((r) => rows.push(String((r.values as unknown[])[1])));
    expect(rows.slice(1)).toEqual([overdue.code]);
  });
});
