import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, tablesFingerprint } from '../../../test/refusal.js';
import { admits, CALLERS, expectRulesAsDeclared, matrixRows, sendsBody, type Allow, type Caller } from '../../../test/route-matrix.js';
import { bearerClient, testDatabases, useHarness, type Harness } from '../../../test/harness.js';
import type { Role } from '../../../platform/access/model.js';
import { CURATORS, DEPOSITORS, OVERSEERS, TASK_FORCE } from '../http.js';
import { makeLab, makeStrain, RESTRICTED, strainBody, strainPeople, unique, type StrainPeople } from './fixture.js';

/**
 * Who may call each route of the records part: every role and a visitor against every route.
 * A caller the rule does not admit is refused at the gate (401/403) and nothing changes; an
 * admitted caller reaches the service. Then the restriction rule, on every route that returns a
 * strain: a restricted strain's full record reaches curators, its depositor and organisations it
 * was shipped to — nobody else, through no list, page, search, history or export.
 */

const SCOPE = 'strains:read';
/** Words only the full record of the restricted strain holds. */
const SECRET = { place: '绝密分离地-缙云山甲区', history: '保藏历史-绝密-5521', gene: 'secretGeneZ9' };
/** Callers who see the restricted strain in full: the curators and its depositor (the enterprise). */
const FULL_VIEWERS: Caller[] = ['admin', 'taskforce', 'curator', 'enterprise'];

interface World { h: Harness; p: StrainPeople; ids: { open: string; secret: string; received: string; germplasm: string } }
interface Case { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; route: string; allow: Allow; scope?: string; ok: number[]; request(w: World, x: { caller: Caller; admitted: boolean }): Promise<{ url: string; body?: unknown }> | { url: string; body?: unknown } }

const ORG_KEEPERS: Caller[] = ['enterprise', 'institute', 'pilotBase'];
const isCuratorCaller = (c: Caller) => (CURATORS as readonly string[]).includes(c);

/** A fresh strain at a stage: the caller's own deposit when it deposits for an organisation, else the enterprise's. */
async function fresh(w: World, caller: Caller, status: 'submitted' | 'received' | 'checked' | 'accessioned') {
  const by = ORG_KEEPERS.includes(caller) ? w.p.ctx[caller as Role] : w.p.ctx.enterprise;
  return (await makeStrain(w.h, w.p, {}, { status, by })).id;
}

const CASES: Case[] = [
  { method: 'GET', route: '/api/strains', allow: 'public', ok: [200], request: () => ({ url: `/api/strains?q=${encodeURIComponent('布鲁氏菌')}&limit=50` }) },
  { method: 'GET', route: '/api/strains/stats', allow: 'public', ok: [200], request: () => ({ url: '/api/strains/stats?kind=bacterium' }) },
  { method: 'GET', route: '/api/strains/export.csv', allow: 'public', ok: [200], request: () => ({ url: '/api/strains/export.csv' }) },
  { method: 'GET', route: '/api/strains/export.xlsx', allow: 'public', ok: [200], request: () => ({ url: '/api/strains/export.xlsx' }) },
  { method: 'GET', route: '/api/strains/:id', allow: 'public', ok: [200], request: (w) => ({ url: `/api/strains/${w.ids.secret}` }) },
  { method: 'GET', route: '/api/strains/:id/history', allow: 'authenticated', ok: [200], request: (w) => ({ url: `/api/strains/${w.ids.open}/history` }) },
  {
    method: 'PATCH', route: '/api/strains/:id', allow: DEPOSITORS, ok: [200],
    request: async (w, x) => ({ url: `/api/strains/${x.admitted && ORG_KEEPERS.includes(x.caller) ? await fresh(w, x.caller, 'submitted') : w.ids.open}`, body: { mediumZh: unique('培养基') } }),
  },
  {
    method: 'POST', route: '/api/strains/deposits', allow: DEPOSITORS, ok: [201],
    request: (w, x) => ({ url: '/api/strains/deposits', body: strainBody(isCuratorCaller(x.caller) ? { depositorOrganisationId: w.p.org.institute } : {}) }),
  },
  { method: 'GET', route: '/api/strains/deposits/mine', allow: DEPOSITORS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/strains/deposits/mine?status=submitted' }) },
  { method: 'GET', route: '/api/strains/deposits', allow: CURATORS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/strains/deposits?status=received' }) },
  {
    method: 'POST', route: '/api/strains/:id/receive', allow: CURATORS, ok: [200],
    request: async (w, x) => ({ url: `/api/strains/${x.admitted ? await fresh(w, x.caller, 'submitted') : w.ids.received}/receive`, body: { receivedOn: '2025-03-05', receivedConditionZh: '完好', receivedMaterialZh: '冻干管' } }),
  },
  { method: 'POST', route: '/api/strains/:id/checks', allow: CURATORS, ok: [201], request: (w) => ({ url: `/api/strains/${w.ids.received}/checks`, body: { kind: 'purity', passed: true, methodZh: '平板', resultZh: '纯', testedOn: '2025-03-10' } }) },
  {
    method: 'POST', route: '/api/strains/:id/mark-checked', allow: CURATORS, ok: [200],
    request: async (w, x) => {
      if (!x.admitted) return { url: `/api/strains/${w.ids.received}/mark-checked`, body: {} };
      const id = await fresh(w, x.caller, 'received');
      for (const kind of ['purity', 'viability', 'identity']) await w.p.as.curator.post(`/api/strains/${id}/checks`, { kind, passed: true, methodZh: '平板', resultZh: '合格', testedOn: '2025-03-10' });
      return { url: `/api/strains/${id}/mark-checked`, body: {} };
    },
  },
  { method: 'POST', route: '/api/strains/:id/accession', allow: CURATORS, ok: [200], request: async (w, x) => ({ url: `/api/strains/${x.admitted ? await fresh(w, x.caller, 'checked') : w.ids.received}/accession`, body: {} }) },
  { method: 'POST', route: '/api/strains/:id/reject', allow: CURATORS, ok: [200], request: async (w, x) => ({ url: `/api/strains/${x.admitted ? await fresh(w, x.caller, 'submitted') : w.ids.received}/reject`, body: { reasonZh: '材料不合格' } }) },
  {
    method: 'POST', route: '/api/strains/:id/withdraw', allow: DEPOSITORS, ok: [200],
    request: async (w, x) => ({ url: `/api/strains/${x.admitted ? await fresh(w, x.caller, isCuratorCaller(x.caller) ? 'accessioned' : 'submitted') : w.ids.open}/withdraw`, body: { reasonZh: '撤回' } }),
  },

  { method: 'GET', route: '/api/germplasm', allow: 'public', ok: [200], request: () => ({ url: '/api/germplasm?kind=plant' }) },
  { method: 'GET', route: '/api/germplasm/sites', allow: 'public', ok: [200], request: () => ({ url: '/api/germplasm/sites' }) },
  { method: 'GET', route: '/api/germplasm/:id', allow: 'public', ok: [200], request: (w) => ({ url: `/api/germplasm/${w.ids.germplasm}` }) },
  { method: 'POST', route: '/api/germplasm', allow: CURATORS, ok: [201], request: () => ({ url: '/api/germplasm', body: { kind: 'plant', nameZh: unique('桑'), latinName: 'Morus alba', siteZh: '秦巴山区', siteLat: 32.0, siteLon: 108.5 } }) },
  { method: 'PATCH', route: '/api/germplasm/:id', allow: CURATORS, ok: [200], request: (w) => ({ url: `/api/germplasm/${w.ids.germplasm}`, body: { traitsZh: unique('性状') } }) },
  {
    method: 'DELETE', route: '/api/germplasm/:id', allow: CURATORS, ok: [200],
    request: async (w, x) => ({ url: `/api/germplasm/${x.admitted ? (await w.p.as.curator.post('/api/germplasm', { kind: 'insect', nameZh: unique('蚕') })).json().id : w.ids.germplasm}` }),
  },

  { method: 'GET', route: '/api/biosafety-labs', allow: 'public', ok: [200], request: () => ({ url: '/api/biosafety-labs?biosafetyLevel=3' }) },
  { method: 'GET', route: '/api/biosafety-labs/mine', allow: DEPOSITORS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/biosafety-labs/mine' }) },
  { method: 'GET', route: '/api/biosafety-labs/:id', allow: 'public', ok: [200], request: (w) => ({ url: `/api/biosafety-labs/${w.p.lab.bsl3.id}` }) },
  {
    method: 'POST', route: '/api/biosafety-labs', allow: DEPOSITORS, ok: [201],
    request: (w, x) => ({ url: '/api/biosafety-labs', body: { nameZh: unique('实验室'), biosafetyLevel: 2, ...(isCuratorCaller(x.caller) ? { organisationId: w.p.org.pilotBase } : {}) } }),
  },
  {
    method: 'PATCH', route: '/api/biosafety-labs/:id', allow: DEPOSITORS, ok: [200],
    request: async (w, x) => {
      const own = x.caller === 'institute' ? w.p.lab.bsl3.id : x.caller === 'pilotBase' ? (await makeLab(w.h, w.p.org.pilotBase, 1)).id : w.p.lab.bsl2.id;
      return { url: `/api/biosafety-labs/${own}`, body: { nameEn: unique('Lab') } };
    },
  },
  { method: 'GET', route: '/api/biosafety-officers', allow: OVERSEERS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/biosafety-officers' }) },
  { method: 'GET', route: '/api/biosafety-officers/candidates', allow: TASK_FORCE, ok: [200], request: () => ({ url: '/api/biosafety-officers/candidates' }) },
  {
    method: 'POST', route: '/api/biosafety-officers', allow: TASK_FORCE, ok: [201],
    request: async (w, x) => ({ url: '/api/biosafety-officers', body: { userId: x.admitted ? await w.h.user(unique('officer'), ['curator'], w.p.org.bank) : w.p.userId.curator } }),
  },
  {
    method: 'DELETE', route: '/api/biosafety-officers/:userId', allow: TASK_FORCE, ok: [200],
    request: async (w, x) => {
      if (!x.admitted) return { url: `/api/biosafety-officers/${w.p.userId.officer}` };
      const id = await w.h.user(unique('officer'), ['curator'], w.p.org.bank);
      await w.h.database.db.insertInto('biosafetyOfficer').values({ userId: id, appointedBy: w.p.userId.taskforce, noteZh: null }).execute();
      return { url: `/api/biosafety-officers/${id}` };
    },
  },
];

const MINE = ['/api/strains', '/api/strains/stats', '/api/strains/export.csv', '/api/strains/export.xlsx', '/api/strains/:id', '/api/strains/:id/history'];
const ACTIONS = ['receive', 'checks', 'mark-checked', 'accession', 'reject', 'withdraw'];
const isCovered = (url: string) => MINE.includes(url) || url.startsWith('/api/strains/deposits') || ACTIONS.some((a) => url === `/api/strains/:id/${a}`)
  || ['/api/germplasm', '/api/biosafety-labs', '/api/biosafety-officers'].some((p) => url === p || url.startsWith(`${p}/`));

const TABLES = ['audit_log', 'notification', 'strain', 'strain_check', 'germplasm', 'biosafety_lab', 'biosafety_officer'];

async function zippedText(data: Buffer) {
  const zip = await JSZip.loadAsync(data);
  return (await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')))).join('\n');
}

describe.each(testDatabases)('who may call the strain records routes, on $name', (kind) => {
  const h = useHarness(kind);
  const w = { h } as World;
  const fingerprint = tablesFingerprint(() => h.database.db, TABLES);

  beforeAll(async () => {
    w.p = await strainPeople(h);
    w.ids = {
      open: (await makeStrain(h, w.p)).id,
      secret: (await makeStrain(h, w.p, { ...RESTRICTED, isolationPlaceZh: SECRET.place, historyZh: SECRET.history, keyGenes: [SECRET.gene] })).id,
      received: (await makeStrain(h, w.p, {}, { status: 'received' })).id,
      germplasm: (await w.p.as.curator.post('/api/germplasm', { kind: 'plant', nameZh: '金佛山黄连', siteZh: '金佛山', siteLat: 29.02, siteLon: 107.18, restricted: true })).json().id,
    };
  });

  it('covers every route of the records part the application registers, with the rule each declares', () => {
    expectRulesAsDeclared(h.routes, CASES, isCovered);
  });

  describe.each(CASES)('$method $route', (c) => {
    it.each(matrixRows(c.allow))('as $caller: $verdict', async ({ caller, verdict }) => {
      const client = w.p.as[caller as keyof StrainPeople['as']];
      if (verdict === 'admitted') {
        const { url, body } = await c.request(w, { caller, admitted: true });
        const res = await client.request(c.method, url, sendsBody(c.method) ? body ?? {} : undefined);
        expect(c.ok, `${caller} ${c.method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`).toContain(res.statusCode);
        return;
      }
      const { url } = await c.request(w, { caller, admitted: false });
      await expectRefused(client, caller, c.method, url, fingerprint);
    });
  });

  describe('a restricted strain', () => {
    const leaks = (text: string) => Object.values(SECRET).filter((s) => text.includes(s));

    it('reaches in full only curators and its depositor, through every route that returns strains', async () => {
      const gets = CASES.filter((c) => c.method === 'GET');
      const urls = (x: World) => [
        ...gets.filter((c) => !c.route.includes(':id') || c.route === '/api/strains/:id').map((c) => c.route.replace(':id', x.ids.secret)),
        `/api/strains/${x.ids.secret}/history`, '/api/strains?restricted=true&limit=500', '/api/strains?sort=hazardClass&order=asc&limit=500',
        '/api/strains/deposits?limit=500', '/api/strains/deposits/mine?limit=500',
        ...Object.values(SECRET).map((s) => `/api/strains?q=${encodeURIComponent(s)}`), `/api/strains?use=${encodeURIComponent(SECRET.gene)}`,
      ];
      for (const caller of CALLERS) {
        for (const url of urls(w)) {
          const res = await w.p.as[caller as keyof StrainPeople['as']].get(url);
          const text = url.endsWith('.xlsx') && res.statusCode === 200 ? await zippedText(res.rawPayload) : res.body;
          const label = `${caller} GET ${url}: ${res.statusCode}`;
          // The exports are the public catalogue: a summary for everyone, full viewers too.
          if (FULL_VIEWERS.includes(caller) && !url.includes('export')) continue;
          expect(leaks(text), label).toEqual([]);
        }
        // The page says it is a summary, and why.
        const page = (await w.p.as[caller as keyof StrainPeople['as']].get(`/api/strains/${w.ids.secret}`)).json();
        expect(page.view, caller).toBe(FULL_VIEWERS.includes(caller) ? 'full' : 'summary');
        expect(page.restricted, caller).toBe(true);
        if (admits('authenticated', caller) && !FULL_VIEWERS.includes(caller)) expect((await w.p.as[caller as keyof StrainPeople['as']].get(`/api/strains/${w.ids.secret}/history`)).statusCode, caller).toBe(403);
      }
      // The full viewers do read it, so the words above would have been found.
      expect(leaks((await w.p.as.enterprise.get(`/api/strains/${w.ids.secret}`)).body)).toEqual(Object.values(SECRET));
      expect(leaks((await w.p.as.curator.get(`/api/strains/${w.ids.secret}/history`)).body).length).toBeGreaterThan(0);
    });

    it('is never found by a hidden word, and a restricted germplasm record never shows where it was collected', async () => {
      for (const s of Object.values(SECRET)) expect((await w.p.as.curator.get(`/api/strains?q=${encodeURIComponent(s)}`)).json().total, s).toBe(0);
      for (const caller of CALLERS.filter((c) => !isCuratorCaller(c))) {
        const client = w.p.as[caller as keyof StrainPeople['as']];
        for (const url of [`/api/germplasm/${w.ids.germplasm}`, '/api/germplasm?limit=500', '/api/germplasm/sites']) expect((await client.get(url)).body, `${caller} ${url}`).not.toContain('107.18');
      }
    });

    it('reads for a machine with strains:read on the scoped routes only, and writes nothing', async () => {
      const created = await w.p.as.curator.post('/api/tokens', { name: 'strain bank reader', scopes: [SCOPE] });
      expect(created.statusCode, created.body).toBe(201);
      const machine = bearerClient(h.app, created.json().token);
      expect((await machine.get('/api/strains/deposits?status=received')).json().items.map((x: { id: string }) => x.id)).toContain(w.ids.received);
      const before = await fingerprint();
      expect((await machine.post('/api/strains/deposits', strainBody())).statusCode).toBe(403);
      expect((await machine.post(`/api/strains/${w.ids.received}/reject`, { reasonZh: 'x' })).statusCode).toBe(403);
      expect(await fingerprint()).toBe(before);
      // On a public route a token is anyone: the restricted strain's summary only.
      const page = (await machine.get(`/api/strains/${w.ids.secret}`)).json();
      expect(page.view).toBe('summary');
      expect((await machine.get('/api/strains/not-a-uuid')).statusCode).toBe(422);
    });
  });
});
