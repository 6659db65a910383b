import { beforeAll, describe, expect, it } from 'vitest';
import { expectCell, tablesFingerprint } from '../../../test/refusal.js';
import { expectRulesAsDeclared, matrixRows, type Allow, type Caller } from '../../../test/route-matrix.js';
import { bearerClient, testDatabases, useHarness, type Client } from '../../../test/harness.js';
import { ROLES, type Role } from '../../../platform/access/model.js';
import { buildTraceWorld, EPC } from './trace.fixture.js';

/**
 * Who may call the trace routes: every role and visitors against each. A refused caller gets
 * 401/403 and nothing changes; an admitted one reaches the service (an operator of another
 * organisation finds nothing: 404). A machine reads with an epcis:query token.
 */

const READERS = ['admin', 'taskforce', 'unit', 'district', 'enterprise', 'pilotBase'] as const;
const SCOPE = 'epcis:query';
const q = `epc=${encodeURIComponent(EPC.media)}&direction=forward`;

interface Case { method: 'GET'; route: string; allow: Allow; scope?: string; ok: number[]; request(): { url: string } }
const CASES: Case[] = [
  // The enterprise caller is the maker; the pilot base belongs to no organisation with events (404).
  { method: 'GET', route: '/api/factory/trace', allow: READERS, scope: SCOPE, ok: [200, 404], request: () => ({ url: `/api/factory/trace?${q}` }) },
  { method: 'GET', route: '/api/factory/trace/epcs', allow: READERS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/factory/trace/epcs?q=M2026' }) },
  { method: 'GET', route: '/api/factory/trace/report.xlsx', allow: READERS, scope: SCOPE, ok: [200, 404], request: () => ({ url: `/api/factory/trace/report.xlsx?${q}` }) },
  { method: 'GET', route: '/api/factory/trace/report.docx', allow: READERS, scope: SCOPE, ok: [200, 404], request: () => ({ url: `/api/factory/trace/report.docx?${q}` }) },
];
const TABLES = ['audit_log', 'epcis_event', 'epcis_event_epc'];

describe.each(testDatabases)('who may call the trace routes, on $name', (kind) => {
  const h = useHarness(kind);
  const as = {} as Record<Caller, Client>;
  const fingerprint = tablesFingerprint(() => h.database.db, TABLES);
  let makerOrg = '';

  beforeAll(async () => {
    const w = await buildTraceWorld(h, 'acc');
    makerOrg = w.org.maker;
    as.anonymous = h.anonymous;
    for (const role of ROLES) {
      await h.user(`trace-acc-${role}`, [role as Role], role === 'enterprise' ? w.org.maker : null);
      as[role as Role] = await h.login(`trace-acc-${role}`);
    }
  });

  it('covers every trace route with the rule it declares', () => {
    expectRulesAsDeclared(h.routes, CASES, (u) => u === '/api/factory/trace' || u.startsWith('/api/factory/trace/'));
  });

  describe.each(CASES)('$method $route', (c) => {
    it.each(matrixRows(c.allow))('as $caller: $verdict', async ({ caller, verdict }) => {
      await expectCell(c, {}, as[caller], caller, verdict, fingerprint);
    });
  });

  it('answers the maker in full, the overseers in full, and an operator elsewhere with nothing', async () => {
    expect((await as.enterprise.get(`/api/factory/trace?${q}`)).statusCode).toBe(200);
    expect((await as.district.get(`/api/factory/trace?${q}`)).statusCode).toBe(200);
    expect((await as.pilotBase.get(`/api/factory/trace?${q}`)).statusCode).toBe(404);
  });

  it('reads for a machine holding an epcis:query token, and refuses one without it', async () => {
    const mk = async (scopes: string[]) => {
      const res = await as.enterprise.post('/api/tokens', { name: `trace ${scopes.join(',')}`, scopes });
      expect(res.statusCode, res.body).toBe(201);
      return bearerClient(h.app, res.json().token);
    };
    const reader = await mk([SCOPE]);
    const g = await reader.get(`/api/factory/trace?${q}`);
    expect(g.statusCode, g.body.slice(0, 200)).toBe(200);
    expect(g.json().nodes.some((n: { epc: string }) => n.epc === EPC.product1)).toBe(true);
    expect((await reader.get(`/api/factory/trace/report.xlsx?${q}`)).statusCode).toBe(200);
    const other = await mk(['factory:read']);
    expect((await other.get(`/api/factory/trace?${q}`)).statusCode).toBe(403);
    expect(makerOrg).not.toBe('');
  });
});
