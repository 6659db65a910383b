import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { tablesFingerprint } from '../../../test/refusal.js';
import { makeBase, makeEquipment, pilotPeople, YUBEI, type PilotPeople } from './fixture.js';

const TABLES = ['audit_log', 'equipment_booking'];
const slot = (day: string, from: string, to: string) => ({ from: `${day}T${from}:00+08:00`, to: `${day}T${to}:00+08:00` });
const paths = (res: { json(): any }) => res.json().error.details.map((d: { path: string }) => d.path);

/** Equipment bookings: prices per category, no overlaps (held by the database), the base's decisions, calendars and utilisation. */
describe.each(testDatabases)('equipment bookings, on $name', (kind) => {
  const h = useHarness(kind);
  let p: PilotPeople;
  let base: { id: string; code: string };
  let fermenter: { id: string; code: string };
  const fingerprint = tablesFingerprint(() => h.database.db, TABLES);
  const book = (who: keyof PilotPeople['as'], equipmentId: string, s: { from: string; to: string }, purposeZh = '1,3-丙二醇发酵工艺放大验证') =>
    p.as[who].post(`/api/pilot/equipment/${equipmentId}/bookings`, { ...s, purposeZh });

  beforeAll(async () => {
    h.clock.set('2026-03-10T02:00:00Z'); // 10:00 in Chongqing
    p = await pilotPeople(h);
    // The fixture's pilot-base organisation runs an alliance base: its users book as members.
    base = await makeBase(h, p, { allianceMember: true });
    fermenter = await makeEquipment(p, base.id);
  });

  it('prices a slot by the caller\'s category and holds it from the request; an overlap is a 409 naming the clash, nothing written', async () => {
    const first = await book('enterprise', fermenter.id, slot('2026-03-11', '09:00', '17:00'));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ code: 'YY-2026-00001', state: 'requested', userCategory: 'enterprise', priceYuan: 4000, organisationId: p.org.enterprise });
    expect(new Date(first.json().from).toISOString()).toBe('2026-03-11T01:00:00.000Z');

    const before = await fingerprint();
    const clash = await book('institute', fermenter.id, slot('2026-03-11', '16:00', '18:00'));
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.message).toMatch(/YY-2026-00001/);
    expect(clash.json().error.details).toEqual([{ path: '/from', message: expect.stringMatching(/与预约 YY-2026-00001（2026-03-11 09:00 至 2026-03-11 17:00，待审批）时段重叠/) }]);
    expect(await fingerprint()).toBe(before);

    // [from, to): a slot may start when the last ends.
    expect((await book('institute', fermenter.id, slot('2026-03-11', '17:00', '19:00'))).json()).toMatchObject({ userCategory: 'institute', priceYuan: 800 });
    expect((await book('university', fermenter.id, slot('2026-03-12', '08:00', '09:30'))).json()).toMatchObject({ userCategory: 'institute', priceYuan: 600 });
    expect((await book('pilotBase', fermenter.id, slot('2026-03-12', '10:00', '11:00'))).json()).toMatchObject({ userCategory: 'member', priceYuan: 300 });

    const idle = await makeEquipment(p, base.id, { status: 'maintenance' });
    const refused = await fingerprint();
    expect(paths(await book('enterprise', fermenter.id, slot('2026-03-10', '08:00', '11:00')))).toEqual(['/from']);
    expect(paths(await book('enterprise', fermenter.id, slot('2026-03-13', '11:00', '09:00')))).toEqual(['/to']);
    expect(paths(await book('enterprise', fermenter.id, { from: '2026-03-13T09:00:00', to: '2026-03-13T10:00:00' }))).toEqual(['/from', '/to']);
    expect(paths(await book('enterprise', fermenter.id, slot('2026-03-13', '09:00', '10:00'), '  '))).toEqual(['/purposeZh']);
    const maintenance = await book('enterprise', idle.id, slot('2026-03-13', '09:00', '10:00'));
    expect(maintenance.statusCode).toBe(409);
    expect(maintenance.json().error.message).toMatch(/维护中/);
    expect((await book('expert', fermenter.id, slot('2026-03-13', '09:00', '10:00'))).statusCode).toBe(403);
    expect(await fingerprint()).toBe(refused);
  });

  it('leaves exactly one of two concurrent requests for overlapping slots, and the database refuses an overlap whatever the code does', async () => {
    const item = await makeEquipment(p, base.id, { nameZh: '50 L 发酵罐' });
    const results = await Promise.all([
      book('enterprise', item.id, slot('2026-03-20', '09:00', '12:00')),
      book('institute', item.id, slot('2026-03-20', '11:00', '14:00')),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const held = await h.database.db.selectFrom('equipmentBooking').select('id').where('equipmentId', '=', item.id).execute();
    expect(held).toHaveLength(1);

    // Past the service: a row overlapping whichever won, written straight to the table is refused by the exclusion constraint.
    const direct = h.database.db.insertInto('equipmentBooking').values({
      code: 'YY-TEST-DIRECT', equipmentId: item.id, during: sql<string>`tstzrange('2026-03-20T11:00:00+08:00', '2026-03-20T11:30:00+08:00', '[)')`,
      bookedBy: p.userId.enterprise, userCategory: 'enterprise', purposeZh: '绕过服务', createdAt: new Date(), updatedAt: new Date(),
    }).execute();
    await expect(direct).rejects.toMatchObject({ code: '23P01' });
  });

  it('runs a booking through the base\'s approval, check-in and usage; a rejection needs a reason and frees the slot; the requester cancels before check-in', async () => {
    const item = await makeEquipment(p, base.id, { nameZh: '离心机', typeZh: '离心机' });
    const a = (await book('enterprise', item.id, slot('2026-03-16', '09:00', '17:00'))).json();
    const b = (await book('institute', item.id, slot('2026-03-17', '09:00', '12:00'))).json();
    const c = (await book('enterprise', item.id, slot('2026-03-18', '09:00', '12:00'))).json();

    // Only this base's keepers decide; another base's keeper does not see the booking at all.
    expect((await p.as.otherBase.post(`/api/pilot/bookings/${a.id}/approve`)).statusCode).toBe(404);
    expect((await p.as.enterprise.post(`/api/pilot/bookings/${a.id}/approve`)).statusCode).toBe(403);
    const approved = await p.as.pilotBase.post(`/api/pilot/bookings/${a.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'approved', decidedBy: p.userId.pilotBase, may: { checkIn: true, approve: false } });
    expect((await p.as.pilotBase.post(`/api/pilot/bookings/${a.id}/approve`)).statusCode).toBe(409);

    expect(paths(await p.as.pilotBase.post(`/api/pilot/bookings/${b.id}/reject`, { reason: ' ' }))).toEqual(['/reason']);
    expect((await p.as.pilotBase.post(`/api/pilot/bookings/${b.id}/reject`, { reason: '当日设备校准' })).json()).toMatchObject({ state: 'rejected', reasonZh: '当日设备校准' });
    expect((await book('university', item.id, slot('2026-03-17', '10:00', '11:00'))).statusCode).toBe(201);

    // The requester cancels before check-in; a colleague of another organisation cannot.
    expect((await p.as.otherEnterprise.post(`/api/pilot/bookings/${c.id}/cancel`, {})).statusCode).toBe(404);
    expect((await p.as.enterprise.post(`/api/pilot/bookings/${c.id}/cancel`, { reason: '计划调整' })).json()).toMatchObject({ state: 'cancelled', reasonZh: '计划调整' });

    h.clock.set('2026-03-16T01:05:00Z');
    expect((await p.as.pilotBase.post(`/api/pilot/bookings/${a.id}/check-in`)).json()).toMatchObject({ state: 'checkedIn', checkedInAt: '2026-03-16T01:05:00.000Z' });
    expect((await p.as.enterprise.post(`/api/pilot/bookings/${a.id}/cancel`, {})).statusCode).toBe(409);
    expect(paths(await p.as.pilotBase.post(`/api/pilot/bookings/${a.id}/usage`, { usageHours: 8.5 }))).toEqual(['/usageHours']);
    h.clock.set('2026-03-16T09:00:00Z');
    const done = await p.as.pilotBase.post(`/api/pilot/bookings/${a.id}/usage`, { usageHours: 7.5, noteZh: '补料分批发酵 7.5 小时，设备运行正常' });
    expect(done.json()).toMatchObject({ state: 'completed', usageHours: 7.5, usageNoteZh: '补料分批发酵 7.5 小时，设备运行正常', may: { cancel: false, recordUsage: false } });
    const audit = await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', a.id).orderBy('at').execute();
    expect(audit.map((x) => x.action)).toEqual(['pilot.booking.request', 'pilot.booking.approve', 'pilot.booking.checkIn', 'pilot.booking.complete']);
    h.clock.set('2026-03-10T02:00:00Z');
  });

  it('shows everyone an item\'s busy slots, and who and why only to the requester and the base', async () => {
    const item = await makeEquipment(p, base.id, { nameZh: '冻干机', typeZh: '冻干机' });
    const purpose = '某单抗原液冻干工艺验证';
    const mine = (await book('enterprise', item.id, slot('2026-03-19', '09:00', '12:00'), purpose)).json();
    const url = `/api/pilot/equipment/${item.id}/bookings?from=2026-03-19&to=2026-03-20`;
    for (const who of ['anonymous', 'otherEnterprise', 'otherBase', 'expert'] as const) {
      const cal = (await p.as[who].get(url)).json();
      expect(cal.slots, who).toEqual([{ from: '2026-03-19T01:00:00.000Z', to: '2026-03-19T04:00:00.000Z', state: 'requested', mine: false }]);
      expect(JSON.stringify(cal), who).not.toContain(purpose);
    }
    for (const who of ['enterprise', 'pilotBase', 'taskforce'] as const) {
      const [s] = (await p.as[who].get(url)).json().slots;
      expect(s, who).toMatchObject({ id: mine.id, purposeZh: purpose, organisationNameZh: expect.stringContaining('重庆璧山合成生物有限公司'), mine: who === 'enterprise' });
    }
    expect((await p.as.anonymous.get(`/api/pilot/equipment/${item.id}/bookings?from=2026-03-20&to=2026-03-19`)).statusCode).toBe(422);

    // Lists: one's own (and one's organisation's), a keeper's base, everything for the task force.
    const listed = async (who: keyof PilotPeople['as'], q = '') => (await p.as[who].get(`/api/pilot/bookings?limit=500${q}`)).json().items.map((b: { id: string }) => b.id);
    expect(await listed('enterprise')).toContain(mine.id);
    expect(await listed('otherEnterprise')).toEqual([]);
    expect(await listed('otherBase')).toEqual([]);
    expect(await listed('pilotBase', `&equipmentId=${item.id}`)).toEqual([mine.id]);
    expect(await listed('pilotBase', `&equipmentId=${item.id}&mine=true`)).toEqual([]);
    expect(await listed('taskforce', `&equipmentId=${item.id}`)).toEqual([mine.id]);
    expect((await p.as.otherEnterprise.get(`/api/pilot/bookings/${mine.id}`)).statusCode).toBe(404);
  });

  it('reports hours available, booked, pending and used per item and base to its keepers and the overseers', async () => {
    const second = await makeBase(h, p, { allianceMember: true });
    const item = await makeEquipment(p, second.id, { nameZh: '层析系统', typeZh: '层析系统' });
    const idle = await makeEquipment(p, second.id, { nameZh: '备用层析系统', typeZh: '层析系统' });
    const a = (await book('enterprise', item.id, slot('2026-04-01', '08:00', '20:00'))).json();
    await book('institute', item.id, slot('2026-04-02', '08:00', '14:00'));
    await p.as.pilotBase.post(`/api/pilot/bookings/${a.id}/approve`);
    await p.as.pilotBase.post(`/api/pilot/bookings/${a.id}/check-in`);
    await p.as.pilotBase.post(`/api/pilot/bookings/${a.id}/usage`, { usageHours: 9 });

    const url = `/api/pilot/bases/${second.id}/utilisation?from=2026-04-01&to=2026-04-03`;
    const report = await p.as.pilotBase.get(url);
    expect(report.statusCode, report.body).toBe(200);
    const r = report.json();
    expect(r.windowHours).toBe(48);
    expect(r.items.find((i: { id: string }) => i.id === item.id)).toMatchObject({ availableHours: 48, bookedHours: 12, pendingHours: 6, usedHours: 9, bookedRate: 0.25, usedRate: 0.1875 });
    expect(r.items.find((i: { id: string }) => i.id === idle.id)).toMatchObject({ bookedHours: 0, usedHours: 0, bookedRate: 0 });
    expect(r.total).toMatchObject({ availableHours: 96, bookedHours: 12, pendingHours: 6, usedHours: 9, bookedRate: 0.125 });

    // 璧山's district, units and the task force oversee; another base's keeper does not.
    for (const who of ['district', 'unit', 'taskforce'] as const) expect((await p.as[who].get(url)).statusCode, who).toBe(200);
    expect((await p.as.otherBase.get(url)).statusCode).toBe(403);
    const yubeiBase = await makeBase(h, p, { districtCode: YUBEI, organisationId: p.org.otherBase });
    expect((await p.as.district.get(`/api/pilot/bases/${yubeiBase.id}/utilisation`)).statusCode).toBe(403);
    const all = (await p.as.district.get('/api/pilot/utilisation?from=2026-04-01&to=2026-04-03')).json();
    expect(all.bases.map((b: { id: string }) => b.id)).toContain(second.id);
    expect(all.bases.map((b: { id: string }) => b.id)).not.toContain(yubeiBase.id);
    expect(all.bases.find((b: { id: string }) => b.id === second.id)).toMatchObject({ equipmentCount: 2, bookedHours: 12, usedHours: 9 });
    expect((await p.as.otherBase.get('/api/pilot/utilisation')).json().bases.map((b: { id: string }) => b.id)).toEqual([yubeiBase.id]);
  });
});
