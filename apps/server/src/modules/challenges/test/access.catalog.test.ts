import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, tablesFingerprint } from '../../../test/refusal.js';
import { CALLERS, admits, expectRulesAsDeclared, matrixRows, sendsBody, type Allow, type Caller } from '../../../test/route-matrix.js';
import { bearerClient, testDatabases, useHarness, type Client, type Harness } from '../../../test/harness.js';
import { ROLES, type Role } from '../../../platform/access/model.js';
import { systemCtx } from '../../../platform/context/ctx.js';
import { multipart } from '../../supervision/test/fixture.js';
import { needBody } from './fixture.catalog.js';

/**
 * Who may call each route of the need catalog and its editions: every role and anonymous
 * callers against every such route. A caller the rule does not admit is refused at the gate
 * (401/403) and nothing changes; an admitted caller reaches the service. Then the contact rule:
 * a raiser's contact reaches the raiser and the organisers only, through no list, edition or file.
 */

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

const SCOPE = 'challenges:read';
const TASK_FORCE = ['admin', 'taskforce'] as const;
const ORGANISERS = ['admin', 'taskforce', 'unit'] as const;
const NEED_RAISERS = ['admin', 'taskforce', 'unit', 'enterprise', 'institute'] as const;
const CONTACT = 'CONTACT-联系人-5521';
/** Who reads the contact on the need page: its raiser and the organisers. */
const READS_CONTACT: Caller[] = ['admin', 'taskforce', 'unit', 'enterprise'];

interface World {
  h: Harness;
  as: Record<Caller, Client>;
  org: Record<'enterprise' | 'institute' | 'unit', string>;
  ids: { need: string; draftNeed: string; edition: string };
  template: Buffer;
}
interface Req { url: string; body?: unknown; headers?: Record<string, string> }
interface Case {
  method: Method; route: string; allow: Allow; scope?: string; ok: number[];
  request(w: World, x: { caller: Caller; admitted: boolean }): Promise<Req> | Req;
}

let serial = 0;
const unique = (s: string) => `${s}${++serial}`;
const NEEDS = '/api/challenges/needs';
const EDITIONS = '/api/challenges/need-editions';
const NOBODY = '00000000-0000-0000-0000-000000000001';

async function json(res: { statusCode: number; body: string; json(): any }, expected: number, what: string) {
  if (res.statusCode !== expected) throw new Error(`${what}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json();
}

/** A fresh need in a state, raised by the caller when it raises needs, else by the enterprise. */
async function need(w: World, status: 'draft' | 'submitted' | 'accepted', caller: Caller, extra: Record<string, unknown> = {}) {
  const raiser: Caller = (NEED_RAISERS as readonly string[]).includes(caller) ? caller : 'enterprise';
  const forOther = raiser === 'admin' || raiser === 'taskforce' ? { organisationId: w.org.enterprise } : {};
  const id = (await json(await w.as[raiser].post(NEEDS, needBody({ titleZh: unique('液滴分选芯片'), ...forOther, ...extra })), 201, 'need')).id as string;
  if (status === 'draft') return id;
  await json(await w.as[raiser].post(`${NEEDS}/${id}/submit`, {}), 200, 'submit');
  if (status === 'accepted') await json(await w.as.taskforce.post(`${NEEDS}/${id}/accept`, {}), 200, 'accept');
  return id;
}

/** A fresh draft edition, after dropping the current one (one draft at a time). */
async function draftEdition(w: World) {
  await w.h.database.db.deleteFrom('techNeedEdition').where('status', '=', 'draft').execute();
  return (await json(await w.as.taskforce.post(EDITIONS, {}), 201, 'edition')).id as string;
}

const fresh = (status: 'draft' | 'submitted', suffix: string, body: unknown) => async (w: World, x: { caller: Caller; admitted: boolean }) =>
  ({ url: `${NEEDS}/${x.admitted ? await need(w, status, x.caller) : w.ids.draftNeed}/${suffix}`, body });

const CASES: Case[] = [
  { method: 'GET', route: `${NEEDS}/mine`, allow: NEED_RAISERS, scope: SCOPE, ok: [200], request: () => ({ url: `${NEEDS}/mine?status=draft` }) },
  { method: 'GET', route: `${NEEDS}/all`, allow: ORGANISERS, scope: SCOPE, ok: [200], request: () => ({ url: `${NEEDS}/all?status=submitted` }) },
  { method: 'GET', route: `${NEEDS}/export.xlsx`, allow: NEED_RAISERS, ok: [200], request: () => ({ url: `${NEEDS}/export.xlsx?field=screening` }) },
  { method: 'GET', route: `${NEEDS}/template.xlsx`, allow: NEED_RAISERS, ok: [200], request: () => ({ url: `${NEEDS}/template.xlsx` }) },
  {
    // An empty template imports nothing and says so (422): the caller passed the gate.
    method: 'POST', route: `${NEEDS}/import`, allow: NEED_RAISERS, ok: [422],
    request: (w) => { const m = multipart('技术需求.xlsx', w.template); return { url: `${NEEDS}/import`, body: m.payload, headers: m.headers }; },
  },
  { method: 'GET', route: `${NEEDS}/:id`, allow: 'public', ok: [200], request: (w) => ({ url: `${NEEDS}/${w.ids.need}` }) },
  {
    method: 'POST', route: NEEDS, allow: NEED_RAISERS, ok: [201],
    request: (w, x) => ({ url: NEEDS, body: needBody({ titleZh: unique('新需求'), ...(x.caller === 'admin' || x.caller === 'taskforce' ? { organisationId: w.org.institute } : {}) }) }),
  },
  { method: 'PATCH', route: `${NEEDS}/:id`, allow: NEED_RAISERS, ok: [200], request: async (w, x) => ({ url: `${NEEDS}/${x.admitted ? await need(w, 'draft', x.caller) : w.ids.draftNeed}`, body: { titleZh: unique('改过的需求') } }) },
  { method: 'POST', route: `${NEEDS}/:id/submit`, allow: NEED_RAISERS, ok: [200], request: fresh('draft', 'submit', {}) },
  { method: 'POST', route: `${NEEDS}/:id/accept`, allow: ORGANISERS, ok: [200], request: fresh('submitted', 'accept', {}) },
  { method: 'POST', route: `${NEEDS}/:id/return`, allow: ORGANISERS, ok: [200], request: fresh('submitted', 'return', { reviewNoteZh: '请补充现状数据' }) },
  { method: 'POST', route: `${NEEDS}/:id/withdraw`, allow: NEED_RAISERS, ok: [200], request: fresh('draft', 'withdraw', { noteZh: '不再需要' }) },

  { method: 'GET', route: EDITIONS, allow: 'public', ok: [200], request: () => ({ url: `${EDITIONS}?limit=5` }) },
  { method: 'GET', route: `${EDITIONS}/:id`, allow: 'public', ok: [200], request: (w) => ({ url: `${EDITIONS}/${w.ids.edition}` }) },
  { method: 'GET', route: `${EDITIONS}/:id/items`, allow: 'public', ok: [200], request: (w) => ({ url: `${EDITIONS}/${w.ids.edition}/items?q=${encodeURIComponent('分选')}` }) },
  { method: 'GET', route: `${EDITIONS}/:id/diff`, allow: 'public', ok: [200], request: (w) => ({ url: `${EDITIONS}/${w.ids.edition}/diff` }) },
  { method: 'GET', route: `${EDITIONS}/:id/document.docx`, allow: 'public', ok: [200], request: (w) => ({ url: `${EDITIONS}/${w.ids.edition}/document.docx` }) },
  { method: 'GET', route: `${EDITIONS}/:id/export.xlsx`, allow: 'public', ok: [200], request: (w) => ({ url: `${EDITIONS}/${w.ids.edition}/export.xlsx?domain=biochem` }) },
  {
    method: 'POST', route: EDITIONS, allow: TASK_FORCE, ok: [201],
    request: async (w, x) => {
      if (x.admitted) await w.h.database.db.deleteFrom('techNeedEdition').where('status', '=', 'draft').execute();
      return { url: EDITIONS, body: {} };
    },
  },
  { method: 'POST', route: `${EDITIONS}/:id/refresh`, allow: TASK_FORCE, ok: [200], request: async (w, x) => ({ url: `${EDITIONS}/${x.admitted ? await draftEdition(w) : NOBODY}/refresh`, body: {} }) },
  { method: 'POST', route: `${EDITIONS}/:id/publish`, allow: TASK_FORCE, ok: [200], request: async (w, x) => ({ url: `${EDITIONS}/${x.admitted ? await draftEdition(w) : NOBODY}/publish`, body: {} }) },
  { method: 'DELETE', route: `${EDITIONS}/:id`, allow: TASK_FORCE, ok: [200], request: async (w, x) => ({ url: `${EDITIONS}/${x.admitted ? await draftEdition(w) : NOBODY}` }) },
];

const isCovered = (url: string) => [NEEDS, EDITIONS].some((p) => url === p || url.startsWith(`${p}/`));

/** Every table these routes write, with the audit log and the notifications they send. */
const TABLES = ['audit_log', 'notification', 'mail_outbox', 'tech_need', 'tech_need_edition', 'tech_need_edition_item'];

async function zippedText(data: Buffer) {
  const zip = await JSZip.loadAsync(data);
  return (await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')))).join('\n');
}

describe.each(testDatabases)('who may call the need catalog routes, on $name', (kind) => {
  const h = useHarness(kind);
  const w = { h } as World;
  const fingerprint = tablesFingerprint(() => h.database.db, TABLES);

  beforeAll(async () => {
    h.clock.set('2026-03-10T02:00:00Z');
    const mk = async (k: string, nameZh: string) => (await h.services.identity.createOrganisation(systemCtx('test'), { kind: k, nameZh })).id;
    w.org = {
      enterprise: await mk('enterprise', '重庆合成生物有限公司（目录权限测试）'),
      institute: await mk('institute', '重庆生物制造研究院（目录权限测试）'),
      unit: await mk('department', '重庆市科学技术局（目录权限测试）'),
    };
    const orgOf: Partial<Record<Role, string>> = { enterprise: w.org.enterprise, institute: w.org.institute, unit: w.org.unit };
    w.as = { anonymous: h.anonymous } as World['as'];
    for (const role of ROLES) {
      await h.user(`catalog-matrix-${role}`, [role], orgOf[role] ?? null);
      w.as[role] = await h.login(`catalog-matrix-${role}`);
    }
    w.ids = {
      need: await need(w, 'accepted', 'enterprise', { titleZh: '保密测试：液滴分选', contactNameZh: CONTACT }),
      draftNeed: await need(w, 'draft', 'enterprise'),
      edition: '',
    };
    w.ids.edition = await draftEdition(w);
    await json(await w.as.taskforce.post(`${EDITIONS}/${w.ids.edition}/publish`, {}), 200, 'publish edition');
    w.template = (await w.as.enterprise.get(`${NEEDS}/template.xlsx`)).rawPayload;
  });

  it('covers every route of the catalog the application registers, with the rule each declares', () => {
    expectRulesAsDeclared(h.routes, CASES, isCovered);
  });

  describe.each(CASES)('$method $route', (c) => {
    it.each(matrixRows(c.allow))('as $caller: $verdict', async ({ caller, verdict }) => {
      const client = w.as[caller];
      if (verdict === 'admitted') {
        const { url, body, headers } = await c.request(w, { caller, admitted: true });
        const res = await client.request(c.method, url, sendsBody(c.method) ? body ?? {} : undefined, headers);
        expect(c.ok, `${caller} ${c.method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`).toContain(res.statusCode);
        return;
      }
      const { url } = await c.request(w, { caller, admitted: false });
      await expectRefused(client, caller, c.method, url, fingerprint);
    });
  });

  describe('the raiser\'s contact', () => {
    it('reaches the raiser and the organisers on the need page, and nobody through a list, an edition or a file', async () => {
      for (const caller of CALLERS) {
        const res = await w.as[caller].get(`${NEEDS}/${w.ids.need}`);
        expect(res.statusCode, caller).toBe(200);
        if (READS_CONTACT.includes(caller)) expect(res.json().contactNameZh, caller).toBe(CONTACT);
        else {
          expect(Object.keys(res.json()), caller).not.toContain('contactNameZh');
          expect(res.body, caller).not.toContain(CONTACT);
        }
      }
      for (const c of CASES.filter((x) => x.method === 'GET' && x.route.startsWith(EDITIONS) && !x.route.endsWith('.docx') && !x.route.endsWith('.xlsx'))) {
        for (const caller of CALLERS) {
          const { url } = await c.request(w, { caller, admitted: true });
          const res = await w.as[caller].get(url);
          expect(res.statusCode, `${caller} ${url}`).toBe(200);
          expect(res.body, `${caller} ${url}`).not.toContain(CONTACT);
        }
      }
      for (const url of [`${EDITIONS}/${w.ids.edition}/document.docx`, `${EDITIONS}/${w.ids.edition}/export.xlsx`]) {
        const text = await zippedText((await w.as.taskforce.get(url)).rawPayload);
        expect(text, url).toContain('保密测试');
        expect(text, url).not.toContain(CONTACT);
      }
    });

    it('reads for a machine with challenges:read on the scoped routes, and writes nothing', async () => {
      const created = await w.as.taskforce.post('/api/tokens', { name: 'catalog reader', scopes: [SCOPE] });
      expect(created.statusCode, created.body).toBe(201);
      const machine = bearerClient(h.app, created.json().token);
      expect((await machine.get(`${NEEDS}/all?status=accepted`)).json().items.map((x: { id: string }) => x.id)).toContain(w.ids.need);
      const before = await fingerprint();
      expect((await machine.post(NEEDS, needBody({ organisationId: w.org.enterprise }))).statusCode).toBe(403);
      expect((await machine.post(`${NEEDS}/${w.ids.draftNeed}/submit`, {})).statusCode).toBe(403);
      expect((await machine.post(EDITIONS, {})).statusCode).toBe(403);
      expect(await fingerprint()).toBe(before);
      // On a public route a token is anyone: no contact.
      expect((await machine.get(`${NEEDS}/${w.ids.need}`)).body).not.toContain(CONTACT);
    });
  });
});
