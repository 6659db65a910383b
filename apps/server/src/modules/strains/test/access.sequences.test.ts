import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, tablesFingerprint } from '../../../test/refusal.js';
import { admits, expectRulesAsDeclared, matrixRows, sendsBody, type Allow, type Caller } from '../../../test/route-matrix.js';
import { bearerClient, testDatabases, useHarness, type Client, type Harness } from '../../../test/harness.js';
import { multipart } from '../../supervision/test/fixture.js';
import { makeStrain, RESTRICTED, strainPeople, type StrainCaller, type StrainMade, type StrainPeople } from './fixture.js';

/**
 * Who may call each route of the sequences part: every role and anonymous callers against every
 * route; a refused caller is refused at the gate (401/403) and nothing changes. Then the rule
 * the issue states: a restricted strain's sequences reach nobody without access to its full
 * record, through no route — its list, its FASTA, the bulk export, identification — and reach
 * those with access (curators, the officer, the depositor, an organisation it was shipped to).
 */

const CURATORS = ['admin', 'taskforce', 'curator'] as const;
const IDENTIFY_SCOPE = 'strains:identify';
const READ_SCOPE = 'strains:read';

/** A seeded stream of bases, so that every sequence the matrix adds is new. */
let seed = 20260701;
const randomSeq = (n: number) => Array.from({ length: n }, () => 'ACGT'[((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) & 3]).join('');

interface World { h: Harness; p: StrainPeople; open: StrainMade; restricted: StrainMade; secret: string; secretId: string }
interface Req { url: string; body?: unknown; headers?: Record<string, string> }
interface Case { method: 'GET' | 'POST' | 'DELETE'; route: string; allow: Allow; scope?: string; ok: number[]; request(w: World, x: { caller: Caller; admitted: boolean }): Promise<Req> | Req }

let serial = 0;
const setQuery = () => new URLSearchParams({ nameZh: `矩阵参考集 ${++serial}`, marker: '16S', source: 'generated', licence: 'CC0' });
const setFile = () => multipart('ref.fa', Buffer.from(`>ref${serial}\n${randomSeq(400)}\n`), 'text/plain');

async function freshSequence(w: World) {
  const r = await w.h.services.strains.sequences.add(w.p.ctx.curator, w.open.id, { marker: 'ITS', fasta: `>fresh\n${randomSeq(300)}\n` });
  return r.items[0].id as string;
}
async function freshSet(w: World) {
  const r = await w.h.services.strains.referenceSets.load(w.p.ctx.curator, Object.fromEntries(setQuery()) as never, Buffer.from(`>x\n${randomSeq(300)}\n`));
  return r.setId!;
}

const CASES: Case[] = [
  { method: 'GET', route: '/api/strains/sequences.fasta', allow: 'public', ok: [200], request: () => ({ url: '/api/strains/sequences.fasta?marker=16S' }) },
  { method: 'GET', route: '/api/strains/:id/sequences', allow: 'public', ok: [200], request: (w) => ({ url: `/api/strains/${w.open.id}/sequences` }) },
  { method: 'GET', route: '/api/strains/:id/sequences.fasta', allow: 'public', ok: [200], request: (w) => ({ url: `/api/strains/${w.open.id}/sequences.fasta` }) },
  { method: 'POST', route: '/api/strains/:id/sequences', allow: CURATORS, ok: [201], request: (w) => ({ url: `/api/strains/${w.open.id}/sequences`, body: { marker: '16S', fasta: `>m\n${randomSeq(500)}\n` } }) },
  { method: 'DELETE', route: '/api/strain-sequences/:id', allow: CURATORS, ok: [200], request: async (w, x) => ({ url: `/api/strain-sequences/${x.admitted ? await freshSequence(w) : w.secretId}` }) },
  { method: 'GET', route: '/api/reference-sets', allow: 'public', ok: [200], request: () => ({ url: '/api/reference-sets' }) },
  {
    method: 'POST', route: '/api/reference-sets', allow: CURATORS, ok: [200],
    request: () => { const f = setFile(); return { url: `/api/reference-sets?${setQuery()}`, body: f.payload, headers: f.headers }; },
  },
  { method: 'DELETE', route: '/api/reference-sets/:id', allow: CURATORS, ok: [200], request: async (w, x) => ({ url: `/api/reference-sets/${x.admitted ? await freshSet(w) : '00000000-0000-4000-8000-000000000000'}` }) },
  { method: 'POST', route: '/api/strains/identify', allow: 'authenticated', scope: IDENTIFY_SCOPE, ok: [200], request: (w) => ({ url: '/api/strains/identify', body: { fasta: `>q\n${w.secret.slice(0, 600)}\n`, top: 3 } }) },
  { method: 'GET', route: '/api/strains/index', allow: CURATORS, scope: READ_SCOPE, ok: [200], request: () => ({ url: '/api/strains/index' }) },
  { method: 'POST', route: '/api/strains/index/rebuild', allow: CURATORS, ok: [200], request: () => ({ url: '/api/strains/index/rebuild', body: {} }) },
];

const ROUTES = new Set(CASES.map((c) => c.route));
const isCovered = (url: string) => ROUTES.has(url);
const TABLES = ['audit_log', 'strain_sequence', 'reference_set', 'reference_sequence', 'seq_index_segment'];

/** Who sees the restricted strain in full before it is shared: the curators, the officer, its depositor. */
const FULL: StrainCaller[] = ['admin', 'taskforce', 'curator', 'officer', 'enterprise'];
const EVERYONE: Array<StrainCaller | 'anonymous'> = ['admin', 'taskforce', 'unit', 'district', 'enterprise', 'institute', 'pilotBase', 'curator', 'expert', 'officer', 'stranger', 'anonymous'];

describe.each(testDatabases)('who may call the sequence routes, and who reads a restricted strain\'s sequences, on $name', (kind) => {
  const h = useHarness(kind);
  const w = { h } as World;
  const fingerprint = tablesFingerprint(() => h.database.db, TABLES);

  beforeAll(async () => {
    w.p = await strainPeople(h);
    w.open = await makeStrain(h, w.p, { genus: 'Corynebacterium', species: 'glutamicum' });
    w.restricted = await makeStrain(h, w.p, RESTRICTED);
    expect(w.restricted.restricted).toBe(true);
    await h.services.strains.sequences.add(w.p.ctx.curator, w.open.id, { marker: '16S', fasta: `>open16S\n${randomSeq(1400)}\n` });
    w.secret = randomSeq(1400);
    w.secretId = (await h.services.strains.sequences.add(w.p.ctx.curator, w.restricted.id, { marker: '16S', fasta: `>brucella16S\n${w.secret}\n` })).items[0].id;
  });

  it('covers every route of the part the application registers, with the rule each declares', () => {
    expectRulesAsDeclared(h.routes, CASES, isCovered);
  });

  describe.each(CASES)('$method $route', (c) => {
    it.each(matrixRows(c.allow))('as $caller: $verdict', async ({ caller, verdict }) => {
      const client = w.p.as[caller];
      if (verdict === 'refused') return expectRefused(client, caller, c.method, (await c.request(w, { caller, admitted: false })).url, fingerprint);
      const { url, body, headers } = await c.request(w, { caller, admitted: true });
      const res = await client.request(c.method, url, sendsBody(c.method) ? body ?? {} : undefined, headers);
      expect(c.ok, `${caller} ${c.method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`).toContain(res.statusCode);
    });
  });

  /** Whether anything of the restricted strain's sequence or record is in an answer (a run of bases within one 70-wide FASTA line). */
  const leaks = (body: string) => [w.secret.slice(212, 272), w.secretId, w.restricted.id, w.restricted.accession!, 'Brucella'].filter((x) => body.includes(x));

  async function expectOnlyFor(readers: Array<StrainCaller | 'anonymous'>) {
    for (const who of EVERYONE) {
      const c: Client = w.p.as[who];
      const sees = readers.includes(who);
      const label = (what: string) => `${who} ${what}`;
      for (const url of [`/api/strains/${w.restricted.id}/sequences`, `/api/strains/${w.restricted.id}/sequences.fasta`]) {
        const res = await c.get(url);
        expect(res.statusCode, label(url)).toBe(sees ? 200 : 404);
        if (!sees) expect(leaks(res.body), label(url)).toEqual([]);
      }
      for (const url of ['/api/strains/sequences.fasta', `/api/strains/sequences.fasta?strainIds=${w.restricted.id}`, '/api/strains/sequences.fasta?genus=Brucella&marker=16S']) {
        const res = await c.get(url);
        expect(res.statusCode, label(url)).toBe(200);
        if (sees) expect(res.body, label(url)).toContain(w.secret.slice(212, 272));
        else expect(leaks(res.body), label(url)).toEqual([]);
      }
      if (who === 'anonymous') continue;
      const res = await c.post('/api/strains/identify', { fasta: `>q\n${w.secret}\n`, top: 10 });
      expect(res.statusCode, label('identify')).toBe(200);
      const hits = res.json().queries[0].hits as Array<{ strain?: { id: string } }>;
      if (sees) expect(hits[0]?.strain?.id, label('identify')).toBe(w.restricted.id);
      else {
        expect(hits.filter((x) => x.strain?.id === w.restricted.id), label('identify')).toEqual([]);
        expect(leaks(res.body), label('identify')).toEqual([]);
      }
    }
  }

  it('reaches the curators, the officer and the depositor only, through every route', async () => {
    await expectOnlyFor(FULL);
  });

  it('reaches an organisation the strain was shipped to, once shipped', async () => {
    await sql`insert into sharing_request (code, strain_id, requester_organisation_id, lab_id, status, purpose_zh, vials, mta_version, mta_accepted_at)
      values ('SR-TEST-0001', ${w.restricted.id}, ${w.p.org.institute}, ${w.p.lab.bsl3.id}, 'shipped', '诊断试剂研发', 1, 'MTA-2026-1', now())`.execute(h.database.db);
    await expectOnlyFor([...FULL, 'institute']);
  });

  it('answers tokens by their scopes: identify with strains:identify, the index status with strains:read; a public route gives a token no more than anyone', async () => {
    const token = async (c: Client, scopes: string[]) => bearerClient(h.app, (await c.post('/api/tokens', { name: `seq ${scopes.join(',')}`, scopes })).json().token);
    const identifier = await token(w.p.as.curator, [IDENTIFY_SCOPE]);
    const reader = await token(w.p.as.curator, [READ_SCOPE]);
    const query = { fasta: `>q\n${w.secret}\n` };
    const viaToken = await identifier.post('/api/strains/identify', query);
    expect(viaToken.statusCode).toBe(200);
    // The token carries its user's sight of the strain: a curator's token finds it.
    expect(viaToken.json().queries[0].hits[0].strain.id).toBe(w.restricted.id);
    expect((await identifier.get('/api/strains/index')).statusCode).toBe(403);
    expect((await reader.post('/api/strains/identify', query)).statusCode).toBe(403);
    expect((await reader.get('/api/strains/index')).statusCode).toBe(200);
    expect((await reader.get(`/api/strains/${w.restricted.id}/sequences`)).statusCode).toBe(404);
    expect(leaks((await reader.get('/api/strains/sequences.fasta')).body)).toEqual([]);
  });
});
