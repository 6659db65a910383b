import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, tablesFingerprint } from '../../../test/refusal.js';
import { CALLERS, admits, expectRulesAsDeclared, matrixRows, sendsBody } from '../../../test/route-matrix.js';
import { bearerClient, testDatabases, useHarness, type Client, type Harness } from '../../../test/harness.js';
import { ROLES, type Role } from '../../../platform/access/model.js';
import { systemCtx } from '../../../platform/context/ctx.js';

/**
 * Who may call each route of the demand list, the achievement list and their editions: every
 * role and anonymous callers against every such route. A caller the rule does not admit is
 * refused at the gate (401/403) and nothing changes; an admitted caller reaches the service.
 * Then the confidentiality rule, on every route that returns an item: the detail (and a
 * demand's budget) reaches the owner, the task force and an organisation whose open response
 * the owner accepted — nobody else, through no route, and never through an edition or a file.
 */

type Caller = Role | 'anonymous';
type Allow = 'public' | readonly Role[];
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

const SCOPE = 'pilot:read';
const TASK_FORCE = ['admin', 'taskforce'] as const;
const DEMAND_POSTERS = ['admin', 'taskforce', 'enterprise'] as const;
const ACHIEVEMENT_POSTERS = ['admin', 'taskforce', 'institute', 'enterprise'] as const;

const BISHAN = '500120';
const DEMAND_SECRET = 'DSECRET-补料配方-7731';
const ACHIEVEMENT_SECRET = 'ASECRET-突变位点-4409';
const DEMAND_BUDGET = 987654;

/** Who reads each secret: the owner, the task force, the accepted responder with an open response. */
const READS_DEMAND_SECRET: Caller[] = ['admin', 'taskforce', 'enterprise', 'pilotBase'];
const READS_ACHIEVEMENT_SECRET: Caller[] = ['admin', 'taskforce', 'institute', 'enterprise'];

interface World {
  h: Harness;
  as: Record<Caller, Client>;
  org: Record<'enterprise' | 'institute' | 'pilotBase' | 'university', string>;
  ids: { demand: string; achievement: string; draftDemand: string; draftAchievement: string; edition: string; draftEdition: string };
}
interface Req { url: string; body?: unknown }
interface Case {
  method: Method; route: string; allow: Allow; scope?: string; ok: number[];
  request(w: World, x: { caller: Caller; admitted: boolean }): Promise<Req> | Req;
}


let serial = 0;
const unique = (s: string) => `${s}${++serial}`;

const demandBody = (extra: Record<string, unknown> = {}) => ({
  titleZh: unique('赤藓糖醇发酵放大'), problemZh: '转化率下降', processes: ['发酵'], organism: 'yeast', scaleL: 1000, budgetWan: 50, deadline: '2026-12-31',
  domain: 'biochem', districtCode: BISHAN, summaryZh: '寻求千升级发酵平台', detailZh: '一般说明', ...extra,
});
const achievementBody = (extra: Record<string, unknown> = {}) => ({
  titleZh: unique('耐高温淀粉酶'), resultZh: '酶活提高三倍', detailZh: '一般说明', trl: 5, domain: 'biochem', districtCode: BISHAN, ...extra,
});

async function json(res: { statusCode: number; body: string; json(): any }, expected: number, what: string) {
  if (res.statusCode !== expected) throw new Error(`${what}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json();
}

type ItemKind = 'demand' | 'achievement';
const base = (k: ItemKind) => (k === 'demand' ? '/api/pilot/demands' : '/api/pilot/achievements');

/** A fresh item in a state, owned by the caller's organisation when the caller posts for one, else by the usual owner. */
async function item(w: World, k: ItemKind, state: 'draft' | 'submitted' | 'published' | 'expired', caller: Caller, extra: Record<string, unknown> = {}) {
  const owner = k === 'achievement' && (caller === 'enterprise' || caller === 'institute') ? caller : k === 'demand' ? 'enterprise' : 'institute';
  const c = w.as[owner];
  const id = (await json(await c.post(base(k), k === 'demand' ? demandBody(extra) : achievementBody(extra)), 201, `${k} draft`)).id as string;
  if (state === 'draft') return id;
  await json(await c.post(`${base(k)}/${id}/submit`, {}), 200, `${k} submit`);
  if (state === 'submitted') return id;
  await json(await w.as.taskforce.post(`${base(k)}/${id}/publish`, {}), 200, `${k} publish`);
  if (state === 'expired') await w.h.database.db.updateTable(k === 'demand' ? 'pilotDemand' : 'pilotAchievement').set({ state: 'expired' }).where('id', '=', id).execute();
  return id;
}

/** A fresh draft edition of a list, after dropping the list's current draft (one draft per list). */
async function draftEdition(w: World, list: string) {
  await w.h.database.db.deleteFrom('pilotListEdition').where('list', '=', list).where('state', '=', 'draft').execute();
  return (await json(await w.as.taskforce.post('/api/pilot/editions', { list }), 201, 'edition')).id as string;
}

function listCases(k: ItemKind, posters: readonly Role[]): Case[] {
  const path = base(k);
  const idOf = (w: World) => (k === 'demand' ? w.ids.demand : w.ids.achievement);
  const draftOf = (w: World) => (k === 'demand' ? w.ids.draftDemand : w.ids.draftAchievement);
  const fresh = (state: 'draft' | 'submitted' | 'published' | 'expired', suffix: string, body?: unknown) => async (w: World, x: { caller: Caller; admitted: boolean }) =>
    ({ url: `${path}/${x.admitted ? await item(w, k, state, x.caller) : draftOf(w)}/${suffix}`, body });
  return [
    { method: 'GET', route: path, allow: 'public', ok: [200], request: () => ({ url: `${path}?q=${encodeURIComponent('发酵')}&limit=5` }) },
    { method: 'GET', route: `${path}/export.xlsx`, allow: 'public', ok: [200], request: () => ({ url: `${path}/export.xlsx?domain=biochem` }) },
    { method: 'GET', route: `${path}/mine`, allow: posters, scope: SCOPE, ok: [200], request: () => ({ url: `${path}/mine?state=draft` }) },
    { method: 'GET', route: `${path}/all`, allow: TASK_FORCE, scope: SCOPE, ok: [200], request: () => ({ url: `${path}/all?state=submitted` }) },
    { method: 'GET', route: `${path}/:id`, allow: 'public', ok: [200], request: (w) => ({ url: `${path}/${idOf(w)}` }) },
    {
      method: 'POST', route: path, allow: posters, ok: [201],
      request: (w, x) => {
        const org = x.caller === 'admin' || x.caller === 'taskforce' ? { organisationId: k === 'demand' ? w.org.enterprise : w.org.institute } : {};
        return { url: path, body: k === 'demand' ? demandBody(org) : achievementBody(org) };
      },
    },
    { method: 'PATCH', route: `${path}/:id`, allow: posters, ok: [200], request: async (w, x) => ({ url: `${path}/${x.admitted ? await item(w, k, 'draft', x.caller) : draftOf(w)}`, body: { titleZh: unique('改过的标题') } }) },
    { method: 'POST', route: `${path}/:id/submit`, allow: posters, ok: [200], request: fresh('draft', 'submit', {}) },
    { method: 'POST', route: `${path}/:id/publish`, allow: TASK_FORCE, ok: [200], request: fresh('submitted', 'publish', {}) },
    { method: 'POST', route: `${path}/:id/return`, allow: TASK_FORCE, ok: [200], request: fresh('submitted', 'return', { reviewNoteZh: '请补充工艺参数' }) },
    { method: 'POST', route: `${path}/:id/renew`, allow: posters, ok: [200], request: fresh('expired', 'renew', k === 'demand' ? { deadline: '2027-01-31' } : {}) },
    { method: 'POST', route: `${path}/:id/close`, allow: posters, ok: [200], request: fresh('draft', 'close', { noteZh: '不再需要' }) },
  ];
}

const CASES: Case[] = [
  ...listCases('demand', DEMAND_POSTERS),
  ...listCases('achievement', ACHIEVEMENT_POSTERS),
  { method: 'POST', route: '/api/pilot/lists/expire', allow: TASK_FORCE, ok: [200], request: () => ({ url: '/api/pilot/lists/expire', body: {} }) },

  { method: 'GET', route: '/api/pilot/editions', allow: 'public', ok: [200], request: () => ({ url: '/api/pilot/editions?list=demands' }) },
  { method: 'GET', route: '/api/pilot/editions/:id', allow: 'public', ok: [200], request: (w) => ({ url: `/api/pilot/editions/${w.ids.edition}` }) },
  { method: 'GET', route: '/api/pilot/editions/:id/diff', allow: 'public', ok: [200], request: (w) => ({ url: `/api/pilot/editions/${w.ids.edition}/diff` }) },
  { method: 'GET', route: '/api/pilot/editions/:id/document.docx', allow: 'public', ok: [200], request: (w) => ({ url: `/api/pilot/editions/${w.ids.edition}/document.docx` }) },
  {
    method: 'POST', route: '/api/pilot/editions', allow: TASK_FORCE, ok: [201],
    request: async (w, x) => {
      if (x.admitted) await w.h.database.db.deleteFrom('pilotListEdition').where('list', '=', 'atlas').where('state', '=', 'draft').execute();
      return { url: '/api/pilot/editions', body: { list: 'atlas' } };
    },
  },
  { method: 'POST', route: '/api/pilot/editions/:id/refresh', allow: TASK_FORCE, ok: [200], request: (w) => ({ url: `/api/pilot/editions/${w.ids.draftEdition}/refresh`, body: {} }) },
  {
    method: 'POST', route: '/api/pilot/editions/:id/publish', allow: TASK_FORCE, ok: [200],
    request: async (w, x) => ({ url: `/api/pilot/editions/${x.admitted ? await draftEdition(w, 'demands') : w.ids.draftEdition}/publish`, body: {} }),
  },
  {
    method: 'DELETE', route: '/api/pilot/editions/:id', allow: TASK_FORCE, ok: [200],
    request: async (w, x) => ({ url: `/api/pilot/editions/${x.admitted ? await draftEdition(w, 'atlas') : w.ids.draftEdition}` }),
  },
];

/** Routes of this part: other parts of the module hang their own below an item (…/:id/matches), and test them. */
const ACTIONS = ['submit', 'publish', 'return', 'renew', 'close', 'refresh', 'diff', 'document.docx'];
const isCovered = (url: string) => ['/api/pilot/demands', '/api/pilot/achievements', '/api/pilot/lists', '/api/pilot/editions'].some((p) => url === p || url.startsWith(`${p}/`))
  && (!url.includes('/:id/') || ACTIONS.includes(url.split('/:id/')[1]));

/** Every table these routes write, with the audit log and the notifications they send. */
const TABLES = ['audit_log', 'notification', 'mail_outbox', 'pilot_demand', 'pilot_achievement', 'pilot_list_edition', 'pilot_list_edition_item', 'pilot_response'];

/** All the text inside a zipped Office file. */
async function zippedText(data: Buffer) {
  const zip = await JSZip.loadAsync(data);
  return (await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')))).join('\n');
}

describe.each(testDatabases)('who may call the demand, achievement and edition routes, on $name', (kind) => {
  const h = useHarness(kind);
  const w = { h } as World;
  const fingerprint = tablesFingerprint(() => h.database.db, TABLES);

  beforeAll(async () => {
    h.clock.set('2026-03-10T02:00:00Z');
    const mk = async (k: string, nameZh: string) => (await h.services.identity.createOrganisation(systemCtx('test'), { kind: k, nameZh, districtCode: BISHAN })).id;
    w.org = {
      enterprise: await mk('enterprise', '重庆璧山合成生物有限公司（权限测试）'),
      institute: await mk('institute', '重庆生物制造研究院（权限测试）'),
      pilotBase: await mk('pilotBase', '璧山中试基地运营公司（权限测试）'),
      university: await mk('university', '重庆某大学（权限测试）'),
    };
    const orgOf: Partial<Record<Role, string>> = { enterprise: w.org.enterprise, institute: w.org.institute, pilotBase: w.org.pilotBase };
    w.as = { anonymous: h.anonymous } as World['as'];
    for (const role of ROLES) {
      await h.user(`lists-matrix-${role}`, [role], orgOf[role] ?? null);
      w.as[role] = await h.login(`lists-matrix-${role}`);
    }
    const ids = {} as World['ids'];
    w.ids = ids;
    ids.demand = await item(w, 'demand', 'published', 'enterprise', { detailZh: DEMAND_SECRET, budgetWan: DEMAND_BUDGET, titleZh: '保密测试需求：丁二酸发酵' });
    ids.achievement = await item(w, 'achievement', 'published', 'institute', { detailZh: ACHIEVEMENT_SECRET, titleZh: '保密测试成果：定向进化酶' });
    ids.draftDemand = await item(w, 'demand', 'draft', 'enterprise');
    ids.draftAchievement = await item(w, 'achievement', 'draft', 'institute');
    // The pilot base's response on the demand is accepted and open; the university's was accepted and then closed.
    const db = h.database.db;
    const respond = (code: string, k: ItemKind, itemId: string, ownerOrgId: string, responderOrgId: string, stage: string) => db.insertInto('pilotResponse').values({
      code, targetKind: k, ...(k === 'demand' ? { demandId: itemId } : { achievementId: itemId }), ownerOrgId, responderOrgId, messageZh: '有意合作', stage, acceptedAt: new Date('2026-03-09T00:00:00Z'),
    }).execute();
    await respond('XY-ACC-1', 'demand', ids.demand, w.org.enterprise, w.org.pilotBase, 'negotiating');
    await respond('XY-ACC-2', 'demand', ids.demand, w.org.enterprise, w.org.university, 'closed');
    await respond('XY-ACC-3', 'achievement', ids.achievement, w.org.institute, w.org.enterprise, 'signed');
    ids.edition = await draftEdition(w, 'demands');
    await json(await w.as.taskforce.post(`/api/pilot/editions/${ids.edition}/publish`, {}), 200, 'publish edition');
    ids.draftEdition = await draftEdition(w, 'achievements');
  });

  it('covers every route of these lists the application registers, with the rule each declares', () => {
    expectRulesAsDeclared(h.routes, CASES, isCovered);
  });

  describe.each(CASES)('$method $route', (c) => {
    const rows = matrixRows(c.allow);

    it.each(rows)('as $caller: $verdict', async ({ caller, verdict }) => {
      const client = w.as[caller];
      if (verdict === 'admitted') {
        const { url, body } = await c.request(w, { caller, admitted: true });
        const res = await client.request(c.method, url, sendsBody(c.method) ? body ?? {} : undefined);
        const label = `${caller} ${c.method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`;
        expect(c.ok, label).toContain(res.statusCode);
        return;
      }
      const { url } = await c.request(w, { caller, admitted: false });
      await expectRefused(client, caller, c.method, url, fingerprint);
    });
  });

  describe('the confidential detail', () => {
    it('opens on the item page to the owner, the task force and the accepted open responder only; absent, not null, for the rest', async () => {
      for (const caller of CALLERS) {
        for (const [k, id, secret, readers, keys] of [
          ['demand', w.ids.demand, DEMAND_SECRET, READS_DEMAND_SECRET, ['detailZh', 'budgetWan']],
          ['achievement', w.ids.achievement, ACHIEVEMENT_SECRET, READS_ACHIEVEMENT_SECRET, ['detailZh']],
        ] as const) {
          const res = await w.as[caller].get(`${base(k)}/${id}`);
          const label = `${caller} ${k}`;
          expect(res.statusCode, label).toBe(200);
          const body = res.json();
          if (readers.includes(caller)) {
            expect(body, label).toMatchObject({ detailOpen: true, detailZh: secret });
            if (k === 'demand') expect(body.budgetWan, label).toBe(DEMAND_BUDGET);
          } else {
            expect(body.detailOpen, label).toBe(false);
            for (const key of keys) expect(Object.keys(body), `${label} ${key}`).not.toContain(key);
            expect(res.body, label).not.toContain(secret);
            expect(res.body, label).not.toContain(String(DEMAND_BUDGET));
          }
        }
      }
    });

    it('never leaves through a list, an edition, a search or a file, except to those who read it on the item', async () => {
      // The edition holding the secret demand, and a draft of the achievements holding the secret achievement.
      const urls = CASES.filter((c) => c.method === 'GET' && !c.route.endsWith('.xlsx') && !c.route.endsWith('.docx'));
      for (const c of urls) {
        for (const caller of CALLERS) {
          if (!admits(c.allow, caller)) continue;
          const { url } = await c.request(w, { caller, admitted: true });
          const res = await w.as[caller].get(url);
          const label = `${caller} GET ${url}`;
          expect(res.statusCode, label).toBe(200);
          // Lists, searches and editions carry public fields only, whoever asks; the owner's own list and the task force's queue are theirs.
          const own = c.route.endsWith('/mine') || c.route.endsWith('/all') || c.route.endsWith('/:id');
          if (!own || !READS_DEMAND_SECRET.includes(caller)) expect(res.body, `${label} demand`).not.toContain(DEMAND_SECRET);
          if (!own || !READS_ACHIEVEMENT_SECRET.includes(caller)) expect(res.body, `${label} achievement`).not.toContain(ACHIEVEMENT_SECRET);
        }
      }
      for (const q of ['补料配方', '突变位点', 'DSECRET']) {
        for (const k of ['demand', 'achievement'] as const) expect((await w.as.taskforce.get(`${base(k)}?q=${encodeURIComponent(q)}`)).json().total, `${k} ${q}`).toBe(0);
      }
      const files = [
        '/api/pilot/demands/export.xlsx', '/api/pilot/achievements/export.xlsx', `/api/pilot/editions/${w.ids.edition}/document.docx`, `/api/pilot/editions/${w.ids.draftEdition}/document.docx`,
      ];
      for (const url of files) {
        const res = await w.as.taskforce.get(url);
        expect(res.statusCode, url).toBe(200);
        const text = await zippedText(res.rawPayload);
        expect(text, url).toContain('保密测试');
        expect(text, url).not.toContain(DEMAND_SECRET);
        expect(text, url).not.toContain(ACHIEVEMENT_SECRET);
        expect(text, url).not.toContain(String(DEMAND_BUDGET));
      }
    });

    it('reads for a machine with pilot:read on the scoped routes, and writes nothing', async () => {
      const created = await w.as.taskforce.post('/api/tokens', { name: 'pilot lists reader', scopes: [SCOPE] });
      expect(created.statusCode, created.body).toBe(201);
      const machine = bearerClient(h.app, created.json().token);
      expect((await machine.get('/api/pilot/demands/all?state=published')).json().items.map((x: { id: string }) => x.id)).toContain(w.ids.demand);
      const before = await fingerprint();
      expect((await machine.post('/api/pilot/demands', demandBody({ organisationId: w.org.enterprise }))).statusCode).toBe(403);
      expect((await machine.post(`/api/pilot/demands/${w.ids.draftDemand}/submit`, {})).statusCode).toBe(403);
      expect((await machine.post('/api/pilot/editions', { list: 'atlas' })).statusCode).toBe(403);
      expect(await fingerprint()).toBe(before);
      // On a public route a token without the powers of its user is anyone: no detail.
      expect((await machine.get(`/api/pilot/demands/${w.ids.demand}`)).json()).not.toHaveProperty('detailZh');
    });
  });
});
