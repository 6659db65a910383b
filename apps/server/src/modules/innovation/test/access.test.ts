import { beforeAll, describe, expect, it } from 'vitest';
import { expectCell, tablesFingerprint } from '../../../test/refusal.js';
import { expectRulesAsDeclared, matrixRows, type Allow, type Caller } from '../../../test/route-matrix.js';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { json, people, unique, type People } from '../../ip/test/people.js';

/**
 * Who may call each innovation route: every role and visitors against every route. A caller the
 * rule does not admit is refused at the gate (401/403) and nothing changes; an admitted caller
 * reaches the service (the institute and the enterprise host the platform they try).
 */

const SCOPE = 'innovation:read';
const TASK_FORCE = ['admin', 'taskforce'] as const;
const KEEPERS = ['admin', 'taskforce', 'institute', 'enterprise'] as const;
const base = '/api/innovation/platforms';

interface World { p: People; platform: string; instrument: string }
interface Case {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; route: string; allow: Allow; scope?: string; ok: number[];
  request(w: World, x: { caller: Caller; admitted: boolean }): Promise<{ url: string; body?: unknown }> | { url: string; body?: unknown };
}

const platformBody = (w: World) => ({ nameZh: unique('矩阵测试平台'), kind: 'lab', level: 'incubating', hostIds: [w.p.org.institute, w.p.org.enterprise] });
const instrument = async (w: World) => (await json(await w.p.as.taskforce.post(`${base}/${w.platform}/instruments`, { nameZh: unique('发酵罐') }), 201)).id as string;

const CASES: Case[] = [
  { method: 'GET', route: base, allow: 'public', scope: SCOPE, ok: [200], request: () => ({ url: `${base}?level=national,municipal&kind=lab` }) },
  { method: 'GET', route: `${base}/export.xlsx`, allow: 'public', ok: [200], request: () => ({ url: `${base}/export.xlsx?level=national` }) },
  { method: 'GET', route: `${base}/summary`, allow: 'public', scope: SCOPE, ok: [200], request: () => ({ url: `${base}/summary` }) },
  { method: 'GET', route: `${base}/:id`, allow: 'public', scope: SCOPE, ok: [200], request: (w) => ({ url: `${base}/${w.platform}` }) },
  { method: 'POST', route: base, allow: TASK_FORCE, ok: [201], request: (w) => ({ url: base, body: platformBody(w) }) },
  { method: 'PATCH', route: `${base}/:id`, allow: KEEPERS, ok: [200], request: (w) => ({ url: `${base}/${w.platform}`, body: { summaryZh: unique('简介') } }) },
  { method: 'POST', route: `${base}/:id/instruments`, allow: KEEPERS, ok: [201], request: (w) => ({ url: `${base}/${w.platform}/instruments`, body: { nameZh: unique('液相色谱'), valueWan: 120 } }) },
  { method: 'PATCH', route: `${base}/:id/instruments/:instrumentId`, allow: KEEPERS, ok: [200], request: (w) => ({ url: `${base}/${w.platform}/instruments/${w.instrument}`, body: { openToShare: true } }) },
  {
    method: 'DELETE', route: `${base}/:id/instruments/:instrumentId`, allow: KEEPERS, ok: [200],
    request: async (w, x) => ({ url: `${base}/${w.platform}/instruments/${x.admitted ? await instrument(w) : w.instrument}` }),
  },
];

const TABLES = ['audit_log', 'innovation_platform', 'innovation_platform_host', 'platform_instrument'];

describe.each(testDatabases)('who may call the innovation routes, on $name', (kind) => {
  const h = useHarness(kind);
  const w = {} as World;
  const fingerprint = tablesFingerprint(() => h.database.db, TABLES);

  beforeAll(async () => {
    h.clock.set('2026-03-10T02:00:00Z');
    w.p = await people(h, 'inno-matrix');
    w.platform = (await json(await w.p.as.taskforce.post(base, platformBody(w)), 201)).id;
    w.instrument = await instrument(w);
  });

  it('covers every innovation route the application registers, with the rule each declares', () => {
    expectRulesAsDeclared(h.routes, CASES, (url) => url.startsWith('/api/innovation/'));
  });

  describe.each(CASES)('$method $route', (c) => {
    it.each(matrixRows(c.allow))('as $caller: $verdict', async ({ caller, verdict }) => {
      const client = w.p.as[caller];
      await expectCell(c, w, client, caller, verdict, fingerprint);
    });
  });
});
