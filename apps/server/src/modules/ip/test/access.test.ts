import { beforeAll, describe, expect, it } from 'vitest';
import { expectCell, tablesFingerprint } from '../../../test/refusal.js';
import { expectRulesAsDeclared, matrixRows, type Allow, type Caller } from '../../../test/route-matrix.js';
import { testDatabases, useHarness } from '../../../test/harness.js';
import type { Role } from '../../../platform/access/model.js';
import type { Ctx } from '../../../platform/context/ctx.js';
import { json, people, unique, type People } from './people.js';

/**
 * Who may call each IP route: every role and visitors against every route. A caller the rule
 * does not admit is refused at the gate (401/403) and nothing changes; an admitted caller reaches
 * the service — as a holder of the right it tries (enterprise, institute, pilot base), as the
 * reporter of the report it reads, as the IP operations centre (the unit user) when it moves one.
 */

const SCOPE = 'ip:read';
const KEEPERS = ['admin', 'taskforce', 'enterprise', 'institute', 'pilotBase'] as const;
const HANDLERS = ['admin', 'taskforce', 'unit'] as const;

interface World { h: ReturnType<typeof useHarness>; p: People; right: string; report: string; file: string }
interface Case {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; route: string; allow: Allow; scope?: string; ok: number[];
  request(w: World, x: { caller: Caller; admitted: boolean }): Promise<{ url: string; body?: unknown }> | { url: string; body?: unknown };
}

const rightBody = (w: World) => ({
  kind: 'patent', number: unique('ZL2025'), titleZh: unique('一种重组蛋白的纯化方法'), status: 'granted', filedOn: '2024-01-02', grantedOn: '2025-02-03',
  holderIds: [w.p.org.enterprise, w.p.org.institute, w.p.org.pilotBase],
});
const freshRight = async (w: World) => (await json(await w.p.as.taskforce.post('/api/ip', rightBody(w)), 201, 'right')).id as string;
const ownOrg = (w: World, caller: Caller) => w.p.orgOf[caller as Role] ?? w.p.org.enterprise;
const upload = async (w: World, caller: Role) => (await w.h.services.files.upload({
  principal: { userId: w.p.userId[caller], username: caller, displayName: caller, organisationId: w.p.orgOf[caller] ?? null, roles: [caller], via: 'session', scopes: null }, requestId: 'test',
} as Ctx, { name: '证据.txt', mime: 'text/plain', content: Buffer.from(unique('evidence')) })).id;
const report = async (w: World, caller: Caller, fileIds: string[] = []) =>
  (await json(await w.p.as[caller].post('/api/ip/reports', { ipRightId: w.right, infringerZh: '某仿制企业', descriptionZh: '涉嫌仿制', fileIds }), 201, 'report')).id as string;

const CASES: Case[] = [
  { method: 'GET', route: '/api/ip', allow: 'public', scope: SCOPE, ok: [200], request: (w) => ({ url: `/api/ip?holder=${w.p.org.enterprise}&kind=patent,standard` }) },
  { method: 'GET', route: '/api/ip/export.xlsx', allow: 'public', ok: [200], request: () => ({ url: '/api/ip/export.xlsx?kind=patent' }) },
  { method: 'GET', route: '/api/ip/:id', allow: 'public', scope: SCOPE, ok: [200], request: (w) => ({ url: `/api/ip/${w.right}` }) },
  {
    method: 'POST', route: '/api/ip', allow: KEEPERS, ok: [201],
    request: (w, x) => ({ url: '/api/ip', body: { ...rightBody(w), holderIds: [ownOrg(w, x.caller)] } }),
  },
  { method: 'PATCH', route: '/api/ip/:id', allow: KEEPERS, ok: [200], request: (w) => ({ url: `/api/ip/${w.right}`, body: { abstractZh: unique('摘要') } }) },
  {
    method: 'POST', route: '/api/ip/:id/links', allow: KEEPERS, ok: [200],
    request: async (w, x) => ({ url: `/api/ip/${x.admitted ? await freshRight(w) : w.right}/links`, body: { targetKind: 'organisation', targetId: ownOrg(w, x.caller) } }),
  },
  {
    method: 'DELETE', route: '/api/ip/:id/links/:targetKind/:targetId', allow: KEEPERS, ok: [200],
    request: async (w, x) => {
      const id = x.admitted ? await freshRight(w) : w.right;
      if (x.admitted) await json(await w.p.as.taskforce.post(`/api/ip/${id}/links`, { targetKind: 'organisation', targetId: w.p.org.enterprise }), 200, 'link');
      return { url: `/api/ip/${id}/links/organisation/${w.p.org.enterprise}` };
    },
  },
  { method: 'GET', route: '/api/ip/reports', allow: 'authenticated', scope: SCOPE, ok: [200], request: () => ({ url: '/api/ip/reports?status=received,investigating' }) },
  {
    method: 'GET', route: '/api/ip/reports/:id', allow: 'authenticated', scope: SCOPE, ok: [200],
    request: async (w, x) => ({ url: `/api/ip/reports/${x.admitted ? await report(w, x.caller) : w.report}` }),
  },
  {
    method: 'GET', route: '/api/ip/reports/:id/files/:fileId', allow: 'authenticated', ok: [200],
    request: async (w, x) => {
      if (!x.admitted) return { url: `/api/ip/reports/${w.report}/files/${w.file}` };
      const file = await upload(w, x.caller as Role);
      return { url: `/api/ip/reports/${await report(w, x.caller, [file])}/files/${file}` };
    },
  },
  { method: 'POST', route: '/api/ip/reports', allow: 'authenticated', ok: [201], request: (w) => ({ url: '/api/ip/reports', body: { ipRightId: w.right, infringerZh: '某网店', descriptionZh: '销售疑似侵权产品' } }) },
  {
    method: 'POST', route: '/api/ip/reports/:id/move', allow: HANDLERS, ok: [200],
    request: async (w, x) => ({ url: `/api/ip/reports/${x.admitted ? await report(w, 'expert') : w.report}/move`, body: { to: 'investigating' } }),
  },
];

const TABLES = ['audit_log', 'notification', 'mail_outbox', 'stored_file', 'ip_right', 'ip_holder', 'ip_link', 'ip_infringement_report', 'ip_report_event'];

describe.each(testDatabases)('who may call the IP routes, on $name', (kind) => {
  const h = useHarness(kind);
  const w = { h } as World;
  const fingerprint = tablesFingerprint(() => h.database.db, TABLES);

  beforeAll(async () => {
    h.clock.set('2026-03-10T02:00:00Z');
    w.p = await people(h, 'ip-matrix');
    w.right = await freshRight(w);
    w.file = await upload(w, 'expert');
    w.report = await report(w, 'expert', [w.file]);
  });

  it('covers every IP route the application registers, with the rule each declares', () => {
    expectRulesAsDeclared(h.routes, CASES, (url) => url === '/api/ip' || url.startsWith('/api/ip/'));
  });

  describe.each(CASES)('$method $route', (c) => {
    it.each(matrixRows(c.allow))('as $caller: $verdict', async ({ caller, verdict }) => {
      const client = w.p.as[caller];
      await expectCell(c, w, client, caller, verdict, fingerprint);
    });
  });
});
