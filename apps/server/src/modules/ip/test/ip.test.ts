import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useHarness } from '../../../test/harness.js';
import type { Ctx } from '../../../platform/context/ctx.js';
import { json, paths, people, unique, type People } from './people.js';

describe.each(testDatabases)('intellectual property and infringement reports on $name', (kind) => {
  const h = useHarness(kind);
  let p: People;
  const patent = (extra: Record<string, unknown> = {}) => ({
    kind: 'patent', subtype: 'invention', number: unique('ZL202410'), titleZh: unique('一种丁二酸高产菌株及其构建方法'), inventors: ['王某', '李某'],
    filedOn: '2024-03-01', holderIds: [p.org.enterprise], ...extra,
  });
  const ids = (res: { json(): any }) => res.json().items.map((x: { id: string }) => x.id);

  beforeAll(async () => {
    h.clock.set('2026-03-10T02:00:00Z');
    p = await people(h, 'ipt');
  });

  describe('rights', () => {
    it('are recorded by a holder for its own organisation, with problems naming their fields, the number unique within its kind, and a first status from the kind', async () => {
      const bad = await p.as.enterprise.post('/api/ip', patent({ subtype: 'group', status: 'published', filedOn: '2026-05-01', titleZh: ' ' }));
      expect(bad.statusCode).toBe(422);
      expect(paths(bad)).toEqual(['/titleZh', '/subtype', '/status', '/filedOn']);
      expect(paths(await p.as.enterprise.post('/api/ip', patent({ status: 'granted' })))).toEqual(['/grantedOn']);
      expect(paths(await p.as.enterprise.post('/api/ip', patent({ status: 'granted', grantedOn: '2024-01-01' })))).toEqual(['/grantedOn']);
      expect(paths(await p.as.enterprise.post('/api/ip', patent({ holderIds: [p.org.otherEnterprise] })))).toEqual(['/holderIds']);
      expect(paths(await p.as.enterprise.post('/api/ip', patent({ holderIds: [] })))).toEqual(['/holderIds']);
      expect((await p.as.expert.post('/api/ip', patent())).statusCode).toBe(403);
      expect(await h.database.db.selectFrom('ipRight').select('id').where('titleZh', '=', ' ').execute()).toEqual([]);

      const made = await json(await p.as.enterprise.post('/api/ip', patent({ number: 'ZL202410000001.X', holderIds: [p.org.enterprise, p.org.institute] })), 201, 'patent');
      expect(made).toMatchObject({ status: 'filed', inForce: false, holders: [{ id: p.org.enterprise }, { id: p.org.institute }], may: { edit: true } });
      const dup = await p.as.taskforce.post('/api/ip', patent({ number: 'ZL202410000001.X' }));
      expect(dup.statusCode).toBe(409);
      expect(paths(dup)).toEqual(['/number']);
      // The same number may name a right of another kind; the task force records for anyone.
      const std = await json(await p.as.taskforce.post('/api/ip', { kind: 'standard', subtype: 'group', number: 'ZL202410000001.X', titleZh: '生物基丁二酸', holderIds: [p.org.institute] }), 201, 'standard');
      expect(std.status).toBe('drafting');
      // The challenges module inserts a right with its number and title only: the database sets the first status.
      const direct = await h.database.db.insertInto('ipRight').values({ kind: 'softwareCopyright', number: unique('2025SR'), titleZh: '发酵过程监控软件', createdAt: new Date(), updatedAt: new Date() }).returning('status').executeTakeFirstOrThrow();
      expect(direct.status).toBe('filed');
    });

    it('in force are public; the rest only for their holders and the task force, who alone edit them', async () => {
      const filed = await json(await p.as.enterprise.post('/api/ip', patent()), 201);
      const granted = await json(await p.as.enterprise.post('/api/ip', patent({ status: 'granted', grantedOn: '2025-06-01' })), 201);
      const publicIds = ids(await h.anonymous.get(`/api/ip?holder=${p.org.enterprise}&limit=500`));
      expect(publicIds).toContain(granted.id);
      expect(publicIds).not.toContain(filed.id);
      expect((await h.anonymous.get(`/api/ip/${filed.id}`)).statusCode).toBe(404);
      expect((await p.as.otherEnterprise.get(`/api/ip/${filed.id}`)).statusCode).toBe(404);
      expect(ids(await p.as.enterprise.get(`/api/ip?holder=${p.org.enterprise}&limit=500`))).toEqual(expect.arrayContaining([filed.id, granted.id]));
      expect(ids(await p.as.taskforce.get(`/api/ip?status=filed&limit=500`))).toContain(filed.id);
      expect((await h.anonymous.get(`/api/ip/${granted.id}`)).json()).toMatchObject({ inForce: true, may: { edit: false, report: false } });
      expect((await h.anonymous.get(`/api/ip/${granted.id}`)).json().reports).toBeNull();

      expect((await p.as.otherEnterprise.patch(`/api/ip/${granted.id}`, { titleZh: '改名' })).statusCode).toBe(403);
      expect((await p.as.otherEnterprise.patch(`/api/ip/${filed.id}`, { titleZh: '改名' })).statusCode).toBe(404);
      expect(paths(await p.as.enterprise.patch(`/api/ip/${filed.id}`, { status: 'published' }))).toEqual(['/status']);
      expect(paths(await p.as.enterprise.patch(`/api/ip/${filed.id}`, { holderIds: [p.org.institute] }))).toEqual(['/holderIds']);
      const now = await json(await p.as.enterprise.patch(`/api/ip/${filed.id}`, { status: 'granted', grantedOn: '2026-02-01' }), 200);
      expect(now).toMatchObject({ status: 'granted', inForce: true });
      expect((await h.anonymous.get(`/api/ip/${filed.id}`)).statusCode).toBe(200);
      const audit = await h.database.db.selectFrom('auditLog').select(['action', 'before', 'after']).where('entityId', '=', filed.id).orderBy('at').execute();
      expect(audit.map((a) => a.action)).toEqual(['ip.right.create', 'ip.right.update']);
      expect(audit[1]).toMatchObject({ before: { status: 'filed', grantedOn: null }, after: { status: 'granted', grantedOn: '2026-02-01' } });

      const x = await h.anonymous.get(`/api/ip/export.xlsx?holder=${p.org.enterprise}`);
      expect(x.statusCode).toBe(200);
      expect(x.headers['content-type']).toContain('spreadsheetml');
    });

    it('are linked by holders to their own things and listed per organisation, enterprise, platform and challenge', async () => {
      const db = h.database.db;
      const ent = await db.insertInto('enterprise').values({ creditCode: '91500000MA5U000001', nameZh: unique('重庆某生物制造有限公司'), districtCode: '500120', organisationId: p.org.enterprise } as never).returning('id').executeTakeFirstOrThrow();
      const otherEnt = await db.insertInto('enterprise').values({ creditCode: '91500000MA5U000002', nameZh: unique('另一生物公司'), districtCode: '500120', organisationId: p.org.otherEnterprise } as never).returning('id').executeTakeFirstOrThrow();
      // Held by the institute, linked to the enterprise: it shows on the enterprise's list.
      const r = await json(await p.as.institute.post('/api/ip', { kind: 'plantVariety', number: unique('CNA2024'), titleZh: '渝桑 1 号', holderIds: [p.org.institute], status: 'granted', grantedOn: '2025-01-10' }), 201);
      const url = `/api/ip/${r.id}/links`;
      expect((await p.as.institute.post(url, { targetKind: 'enterprise', targetId: ent.id })).statusCode).toBe(403);
      expect((await p.as.enterprise.post(url, { targetKind: 'enterprise', targetId: ent.id })).statusCode).toBe(403); // not a holder
      await json(await p.as.taskforce.patch(`/api/ip/${r.id}`, { holderIds: [p.org.institute, p.org.enterprise] }), 200);
      expect((await p.as.enterprise.post(url, { targetKind: 'enterprise', targetId: otherEnt.id })).statusCode).toBe(403);
      expect(paths(await p.as.enterprise.post(url, { targetKind: 'achievement', targetId: '00000000-0000-4000-8000-000000000000' }))).toEqual(['/targetId']);
      expect((await p.as.enterprise.post(url, { targetKind: 'challenge', targetId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(403);
      const linked = await json(await p.as.enterprise.post(url, { targetKind: 'enterprise', targetId: ent.id }), 200);
      expect(linked.links).toMatchObject([{ targetKind: 'enterprise', targetId: ent.id, code: '91500000MA5U000001' }]);
      expect((await p.as.enterprise.post(url, { targetKind: 'enterprise', targetId: ent.id })).statusCode).toBe(409);
      await json(await p.as.taskforce.patch(`/api/ip/${r.id}`, { holderIds: [p.org.institute] }), 200);
      expect(ids(await h.anonymous.get(`/api/ip?enterpriseId=${ent.id}&kind=plantVariety`))).toEqual([r.id]);
      expect(ids(await h.anonymous.get(`/api/ip?holder=${p.org.enterprise}&kind=plantVariety`))).toEqual([r.id]);
      expect(ids(await h.anonymous.get(`/api/ip?enterpriseId=${otherEnt.id}`))).toEqual([]);

      // The challenges module records its outputs' links itself; the per-challenge list reads them.
      const challengeId = '11111111-1111-4111-8111-111111111111';
      await db.insertInto('ipLink').values({ ipRightId: r.id, targetKind: 'challenge', targetId: challengeId, createdBy: null, createdAt: new Date() }).execute();
      expect(ids(await h.anonymous.get(`/api/ip?challengeId=${challengeId}`))).toEqual([r.id]);
      // A holder does not remove a challenge's link; it removes its own.
      expect((await p.as.institute.delete(`${url}/challenge/${challengeId}`)).statusCode).toBe(403);
      expect((await p.as.institute.delete(`${url}/enterprise/${ent.id}`)).json().links.map((l: { targetKind: string }) => l.targetKind)).toEqual(['challenge']);
      expect((await p.as.institute.delete(`${url}/enterprise/${ent.id}`)).statusCode).toBe(404);
      expect((await p.as.taskforce.delete(`${url}/challenge/${challengeId}`)).statusCode).toBe(200);
    });
  });

  describe('infringement reports', () => {
    let right: { id: string };
    let report: { id: string; code: string };
    let fileId: string;

    beforeAll(async () => {
      right = await json(await p.as.enterprise.post('/api/ip', patent({ status: 'granted', grantedOn: '2025-06-01' })), 201);
      const principal = { userId: p.userId.expert, username: 'ipt-expert', displayName: 'ipt-expert', organisationId: null, roles: ['expert'], via: 'session', scopes: null } as const;
      fileId = (await h.services.files.upload({ principal: { ...principal, roles: ['expert'] }, requestId: 't' } as Ctx, { name: '证据.pdf', mime: 'application/pdf', content: Buffer.from('%PDF-1.4 evidence') })).id;
    });

    it('are made by anyone signed in about a right they can see, naming the problem fields, and go to the centre', async () => {
      const filed = await json(await p.as.enterprise.post('/api/ip', patent()), 201);
      expect((await h.anonymous.post('/api/ip/reports', { ipRightId: right.id, infringerZh: 'x', descriptionZh: 'y' })).statusCode).toBe(401);
      expect(paths(await p.as.expert.post('/api/ip/reports', { ipRightId: filed.id, infringerZh: ' ', descriptionZh: '' }))).toEqual(['/infringerZh', '/descriptionZh', '/ipRightId']);
      expect((await p.as.otherEnterprise.post('/api/ip/reports', { ipRightId: right.id, infringerZh: '某公司', descriptionZh: '仿制', fileIds: [fileId] })).statusCode).toBe(400);
      report = await json(await p.as.expert.post('/api/ip/reports', { ipRightId: right.id, infringerZh: '重庆某仿制企业', descriptionZh: '在其产品手册中使用了本专利的菌株构建方法', fileIds: [fileId] }), 201, 'report');
      expect(report).toMatchObject({ status: 'received', centreZh: '重庆市知识产权运营中心', reporterName: 'ipt-expert', may: { moves: [] } });
      expect(report.code).toMatch(/^QQ-2026-\d{4}$/);
      const note = await h.database.db.selectFrom('notification').select('kind').where('organisationId', '=', p.org.centre).execute();
      expect(note.map((n) => n.kind)).toContain('ip.report.received');
    });

    it('are seen by the reporter, the right\'s holders (without the reporter) and the centre; moved by the centre only, with the reason to dismiss and a history', async () => {
      const list = (c: keyof People['as']) => p.as[c].get('/api/ip/reports?limit=500').then(ids);
      expect(await list('expert')).toContain(report.id);
      expect(await list('unit')).toContain(report.id);
      expect(await list('taskforce')).toContain(report.id);
      expect(await list('enterprise')).toContain(report.id);
      expect(await list('otherEnterprise')).not.toContain(report.id);
      expect(await list('otherUnit')).not.toContain(report.id);
      const holder = await json(await p.as.enterprise.get(`/api/ip/reports/${report.id}`), 200);
      expect(holder).not.toHaveProperty('reporterName');
      expect(JSON.stringify(holder)).not.toContain('ipt-expert');
      expect((await p.as.otherEnterprise.get(`/api/ip/reports/${report.id}`)).statusCode).toBe(404);
      expect((await json(await p.as.unit.get(`/api/ip/reports/${report.id}`), 200)).may.moves).toEqual(['investigating', 'dismissed']);

      const move = (c: keyof People['as'], body: unknown) => p.as[c].post(`/api/ip/reports/${report.id}/move`, body);
      expect((await move('otherUnit', { to: 'investigating' })).statusCode).toBe(403);
      expect((await move('enterprise', { to: 'investigating' })).statusCode).toBe(403);
      expect((await move('unit', { to: 'resolved' })).statusCode).toBe(409);
      expect(paths(await move('unit', { to: 'dismissed', noteZh: ' ' }))).toEqual(['/noteZh']);
      await json(await move('unit', { to: 'investigating', noteZh: '已联系双方' }), 200);
      const done = await json(await move('unit', { to: 'resolved', noteZh: '对方已停止使用并下架产品' }), 200);
      expect(done).toMatchObject({ status: 'resolved', outcomeZh: '对方已停止使用并下架产品', may: { moves: [] } });
      expect(done.events.map((e: { fromStatus: string | null; toStatus: string }) => `${e.fromStatus}→${e.toStatus}`)).toEqual(['null→received', 'received→investigating', 'investigating→resolved']);
      expect((await move('taskforce', { to: 'dismissed', noteZh: '重复举报' })).statusCode).toBe(409);
      const told = await h.database.db.selectFrom('notification').select('kind').where('userId', '=', p.userId.expert).execute();
      expect(told.map((n) => n.kind)).toEqual(expect.arrayContaining(['ip.report.investigating', 'ip.report.resolved']));
      const audit = await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', report.id).orderBy('at').execute();
      expect(audit.map((a) => a.action)).toEqual(['ip.report.create', 'ip.report.investigating', 'ip.report.resolved']);

      // A dismissal keeps its reason, which the reporter reads.
      const second = await json(await p.as.otherEnterprise.post('/api/ip/reports', { ipRightId: right.id, infringerZh: '某网店', descriptionZh: '销售疑似侵权产品' }), 201);
      const dismissed = await json(await p.as.taskforce.post(`/api/ip/reports/${second.id}/move`, { to: 'dismissed', noteZh: '证据不足，请补充购买凭证后重新举报' }), 200);
      expect((await json(await p.as.otherEnterprise.get(`/api/ip/reports/${second.id}`), 200))).toMatchObject({ status: 'dismissed', outcomeZh: dismissed.outcomeZh });
      expect(await list('otherEnterprise')).toEqual([second.id]);
    });

    it('open their evidence to whoever sees the report, through the report', async () => {
      const url = `/api/ip/reports/${report.id}/files/${fileId}`;
      expect((await p.as.unit.get(`/api/files/${fileId}`)).statusCode).toBe(403);
      const got = await p.as.unit.get(url);
      expect(got.statusCode).toBe(200);
      expect(got.body).toContain('evidence');
      expect((await p.as.enterprise.get(url)).statusCode).toBe(200);
      expect((await p.as.otherEnterprise.get(url)).statusCode).toBe(404);
      expect((await p.as.unit.get(`/api/ip/reports/${report.id}/files/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    });
  });
});
