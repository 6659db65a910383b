import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, tablesFingerprint } from '../../../test/refusal.js';
import { CALLERS, admits, expectRulesAsDeclared, matrixRows, sendsBody, type Allow, type Caller } from '../../../test/route-matrix.js';
import { bearerClient, testDatabases, useHarness, type Harness } from '../../../test/harness.js';
import { writeWorkbook } from '../../../platform/excel/index.js';
import { multipart } from '../../supervision/test/fixture.js';
import { EXPERT_COLUMNS } from '../talent.excel.js';
import { expertBody, json, talentPeople, unique, type TalentPeople } from './fixture.js';

/**
 * Who may call each talent route: every role and anonymous callers against every /api/talent
 * route. A caller the rule does not admit is refused at the gate (401/403) and nothing changes;
 * an admitted caller reaches the service. Then what each reader sees: visitors the committee
 * roster only (never contact, conflicts or joint work), an expert others' records without them.
 */

const SCOPE = 'talent:read';
const TASK_FORCE = ['admin', 'taskforce'] as const;
const DIRECTORY = ['admin', 'taskforce', 'unit', 'district', 'expert'] as const;
const EXPERT_EDITORS = ['admin', 'taskforce', 'unit'] as const;
const DECLARERS = ['admin', 'taskforce', 'expert'] as const;
const COLLABORATION_KEEPERS = ['admin', 'taskforce', 'unit', 'expert'] as const;
const OVERSEERS = ['admin', 'taskforce', 'unit', 'district'] as const;
const KEEPERS = ['admin', 'taskforce', 'unit'] as const;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface World {
  h: Harness; p: TalentPeople;
  ids: { member: string; talent: string; programme: string };
}
interface Req { url: string; body?: unknown; headers?: Record<string, string> }
interface Case {
  method: Method; route: string; allow: Allow; scope?: string; ok: number[];
  request(w: World, x: { caller: Caller; admitted: boolean }): Promise<Req> | Req;
}

const CONTACT = '联系电话-保密-5521';

/** The expert record a caller may keep: its own for an expert, any for the others. */
const keptBy = (w: World, caller: Caller) => (caller === 'expert' ? w.p.experts.own : w.p.experts.free);
const freshExpert = async (w: World) => (await json(await w.p.as.taskforce.post('/api/talent/experts', expertBody()), 201, 'fresh expert')).id as string;
const talentBody = (extra: Record<string, unknown> = {}) => ({ nameZh: unique('人才'), kind: 'highEnd', programme: 'yuyue', organisationZh: '重庆某企业', fieldZh: '生物化工', status: 'recruiting', ...extra });
const educationBody = (w: World) => ({ organisationId: w.p.org.university, kind: 'training', nameZh: unique('培训项目'), startYear: 2025 });
const importFile = async () => {
  const m = multipart('专家库.xlsx', await writeWorkbook([{ name: '专家库', columns: EXPERT_COLUMNS, rows: [{ code: unique('ACC'), nameZh: '导入专家', organisationZh: '重庆大学', fields: '酶工程' }] }]));
  return { body: m.payload, headers: m.headers };
};

const CASES: Case[] = [
  // The expert directory
  { method: 'GET', route: '/api/talent/experts', allow: DIRECTORY, scope: SCOPE, ok: [200], request: () => ({ url: `/api/talent/experts?q=${encodeURIComponent('发酵')}&limit=5` }) },
  { method: 'GET', route: '/api/talent/experts/export.xlsx', allow: DIRECTORY, scope: SCOPE, ok: [200], request: () => ({ url: '/api/talent/experts/export.xlsx?available=true' }) },
  { method: 'GET', route: '/api/talent/experts/template.xlsx', allow: EXPERT_EDITORS, ok: [200], request: () => ({ url: '/api/talent/experts/template.xlsx' }) },
  { method: 'POST', route: '/api/talent/experts/import', allow: EXPERT_EDITORS, ok: [200], request: async () => ({ url: '/api/talent/experts/import', ...(await importFile()) }) },
  { method: 'GET', route: '/api/talent/experts/me', allow: ['expert'], ok: [200], request: () => ({ url: '/api/talent/experts/me' }) },
  { method: 'GET', route: '/api/talent/experts/:id', allow: DIRECTORY, scope: SCOPE, ok: [200], request: (w) => ({ url: `/api/talent/experts/${w.p.experts.other}` }) },
  { method: 'POST', route: '/api/talent/experts', allow: EXPERT_EDITORS, ok: [201], request: () => ({ url: '/api/talent/experts', body: expertBody() }) },
  { method: 'PATCH', route: '/api/talent/experts/:id', allow: EXPERT_EDITORS, ok: [200], request: (w) => ({ url: `/api/talent/experts/${w.p.experts.free}`, body: { titleZh: unique('研究员') } }) },
  {
    method: 'PUT', route: '/api/talent/experts/:id/account', allow: TASK_FORCE, ok: [200],
    request: (w) => ({ url: `/api/talent/experts/${w.p.experts.own}/account`, body: { userId: w.p.userId.expert } }),
  },
  {
    method: 'POST', route: '/api/talent/experts/:id/conflicts', allow: DECLARERS, ok: [201],
    request: async (w, x) => ({ url: `/api/talent/experts/${keptBy(w, x.caller)}/conflicts`, body: x.admitted ? { personId: await freshExpert(w), noteZh: '同一课题组' } : {} }),
  },
  {
    method: 'DELETE', route: '/api/talent/experts/:id/conflicts/:conflictId', allow: DECLARERS, ok: [200],
    request: async (w, x) => {
      const expertId = keptBy(w, x.caller);
      // Declared by the record's own account: an expert withdraws only what it declared itself.
      const declaredBy = (await w.h.database.db.selectFrom('expert').select('userId').where('id', '=', expertId).executeTakeFirstOrThrow()).userId;
      const c = await w.h.database.db.insertInto('expertConflict').values({ expertId, personId: await freshExpert(w), declaredAt: new Date(), declaredBy }).returning('id').executeTakeFirstOrThrow();
      return { url: `/api/talent/experts/${expertId}/conflicts/${c.id}` };
    },
  },
  {
    method: 'POST', route: '/api/talent/experts/:id/collaborations', allow: COLLABORATION_KEEPERS, ok: [201],
    request: (w, x) => ({ url: `/api/talent/experts/${keptBy(w, x.caller)}/collaborations`, body: { kind: 'publication', titleZh: unique('合作论文'), year: 2024, organisationId: w.p.org.enterprise } }),
  },
  {
    method: 'DELETE', route: '/api/talent/experts/:id/collaborations/:collaborationId', allow: COLLABORATION_KEEPERS, ok: [200],
    request: async (w, x) => {
      const expertId = keptBy(w, x.caller);
      const recordedBy = (await w.h.database.db.selectFrom('expert').select('userId').where('id', '=', expertId).executeTakeFirstOrThrow()).userId;
      const c = await w.h.database.db.insertInto('expertCollaboration').values({ expertId, kind: 'project', titleZh: '合作项目', organisationId: w.p.org.enterprise, createdAt: new Date(), recordedBy }).returning('id').executeTakeFirstOrThrow();
      return { url: `/api/talent/experts/${expertId}/collaborations/${c.id}` };
    },
  },

  // The committee
  { method: 'GET', route: '/api/talent/committee/roster', allow: 'public', ok: [200], request: () => ({ url: '/api/talent/committee/roster' }) },
  { method: 'GET', route: '/api/talent/committee', allow: DIRECTORY, scope: SCOPE, ok: [200], request: () => ({ url: '/api/talent/committee' }) },
  {
    method: 'POST', route: '/api/talent/committee/members', allow: TASK_FORCE, ok: [201],
    request: async (w) => ({ url: '/api/talent/committee/members', body: { expertId: await freshExpert(w), role: 'member', termStart: '2026-01-01', termEnd: '2028-12-31' } }),
  },
  { method: 'PATCH', route: '/api/talent/committee/members/:id', allow: TASK_FORCE, ok: [200], request: (w) => ({ url: `/api/talent/committee/members/${w.ids.member}`, body: { role: 'member' } }) },
  {
    method: 'POST', route: '/api/talent/committee/members/:id/renew', allow: TASK_FORCE, ok: [201],
    request: async (w, x) => {
      if (!x.admitted) return { url: `/api/talent/committee/members/${w.ids.member}/renew`, body: { termEnd: '2031-12-31' } };
      const m = await json(await w.p.as.taskforce.post('/api/talent/committee/members', { expertId: await freshExpert(w), role: 'member', termStart: '2024-01-01', termEnd: '2026-12-31' }), 201, 'term');
      return { url: `/api/talent/committee/members/${m.id}/renew`, body: { termEnd: '2029-12-31' } };
    },
  },
  { method: 'GET', route: '/api/talent/committee/consultations', allow: DIRECTORY, scope: SCOPE, ok: [200], request: () => ({ url: '/api/talent/committee/consultations?kind=decision' }) },
  {
    method: 'POST', route: '/api/talent/committee/consultations', allow: TASK_FORCE, ok: [201],
    request: (w) => ({ url: '/api/talent/committee/consultations', body: { kind: 'project', subjectZh: unique('项目论证'), heldOn: '2026-03-01', adviceZh: '同意立项', expertIds: [w.p.experts.own] } }),
  },

  // Talent
  { method: 'GET', route: '/api/talent/people', allow: OVERSEERS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/talent/people?kind=national' }) },
  { method: 'GET', route: '/api/talent/people/summary', allow: OVERSEERS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/talent/people/summary' }) },
  { method: 'GET', route: '/api/talent/people/export.xlsx', allow: OVERSEERS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/talent/people/export.xlsx?status=arrived' }) },
  { method: 'GET', route: '/api/talent/people/:id', allow: OVERSEERS, scope: SCOPE, ok: [200], request: (w) => ({ url: `/api/talent/people/${w.ids.talent}` }) },
  { method: 'POST', route: '/api/talent/people', allow: KEEPERS, ok: [201], request: () => ({ url: '/api/talent/people', body: talentBody() }) },
  { method: 'PATCH', route: '/api/talent/people/:id', allow: KEEPERS, ok: [200], request: (w) => ({ url: `/api/talent/people/${w.ids.talent}`, body: { fieldZh: unique('合成生物学') } }) },

  // Education
  { method: 'GET', route: '/api/talent/education', allow: 'public', ok: [200], request: () => ({ url: '/api/talent/education?kind=training' }) },
  { method: 'GET', route: '/api/talent/education/export.xlsx', allow: 'public', ok: [200], request: () => ({ url: '/api/talent/education/export.xlsx' }) },
  { method: 'GET', route: '/api/talent/education/universities', allow: 'public', ok: [200], request: () => ({ url: '/api/talent/education/universities' }) },
  { method: 'POST', route: '/api/talent/education', allow: KEEPERS, ok: [201], request: (w) => ({ url: '/api/talent/education', body: educationBody(w) }) },
  { method: 'PATCH', route: '/api/talent/education/:id', allow: KEEPERS, ok: [200], request: (w) => ({ url: `/api/talent/education/${w.ids.programme}`, body: { enrolment: 30 } }) },
];

/** Every table these routes write, with the audit log. */
const TABLES = ['audit_log', 'expert', 'expert_conflict', 'expert_collaboration', 'committee_membership', 'committee_consultation', 'committee_consultation_expert', 'talent', 'talent_support_item', 'education_programme'];

describe.each(testDatabases)('who may call the talent routes, on $name', (kind) => {
  const h = useHarness(kind);
  const w = { h } as World;
  const fingerprint = tablesFingerprint(() => h.database.db, TABLES);

  beforeAll(async () => {
    h.clock.set('2026-03-10T02:00:00Z');
    w.p = await talentPeople(h);
    const tf = w.p.as.taskforce;
    await json(await tf.patch(`/api/talent/experts/${w.p.experts.other}`, { contactZh: CONTACT }), 200, 'contact');
    await json(await tf.post(`/api/talent/experts/${w.p.experts.other}/conflicts`, { organisationId: w.p.org.enterprise, noteZh: '冲突说明-保密' }), 201, 'conflict');
    await json(await tf.post(`/api/talent/experts/${w.p.experts.other}/collaborations`, { kind: 'project', titleZh: '合作项目-保密', organisationId: w.p.org.enterprise }), 201, 'joint');
    w.ids = {
      member: (await json(await tf.post('/api/talent/committee/members', { expertId: w.p.experts.other, role: 'member', termStart: '2025-01-01', termEnd: '2027-12-31' }), 201, 'member')).id,
      talent: (await json(await tf.post('/api/talent/people', talentBody()), 201, 'talent')).id,
      programme: (await json(await tf.post('/api/talent/education', educationBody(w)), 201, 'programme')).id,
    };
  });

  it('covers every talent route the application registers, with the rule each declares', () => {
    expectRulesAsDeclared(h.routes, CASES, (url) => url === '/api/talent' || url.startsWith('/api/talent/'));
  });

  describe.each(CASES)('$method $route', (c) => {
    it.each(matrixRows(c.allow))('as $caller: $verdict', async ({ caller, verdict }) => {
      const client = w.p.as[caller];
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

  it('shows contact, conflicts and joint work to overseers and the expert itself only, through no list or file', async () => {
    for (const caller of CALLERS) {
      if (!admits(DIRECTORY, caller)) continue;
      const res = await w.p.as[caller].get(`/api/talent/experts/${w.p.experts.other}`);
      const full = admits(OVERSEERS, caller);
      expect(res.body.includes(CONTACT), caller).toBe(full);
      expect(res.body.includes('冲突说明-保密'), caller).toBe(full);
      expect(res.body.includes('合作项目-保密'), caller).toBe(full);
      for (const url of ['/api/talent/experts?limit=500', '/api/talent/committee', '/api/talent/committee/roster']) expect((await w.p.as[caller].get(url)).body, `${caller} ${url}`).not.toContain(CONTACT);
    }
    expect((await w.p.as.otherExpert.get(`/api/talent/experts/${w.p.experts.other}`)).body).toContain(CONTACT);
    const roster = await h.anonymous.get('/api/talent/committee/roster');
    const other = await h.database.db.selectFrom('expert').select('nameZh').where('id', '=', w.p.experts.other).executeTakeFirstOrThrow();
    expect(roster.json().members).toContainEqual(expect.objectContaining({ nameZh: other.nameZh, role: 'member' }));
    for (const secret of [CONTACT, '冲突说明-保密', '合作项目-保密', w.p.experts.other]) expect(roster.body).not.toContain(secret);
  });

  it('reads for a machine with talent:read on the scoped routes, and writes nothing', async () => {
    const created = await w.p.as.taskforce.post('/api/tokens', { name: 'talent reader', scopes: [SCOPE] });
    expect(created.statusCode, created.body).toBe(201);
    const machine = bearerClient(h.app, created.json().token);
    expect((await machine.get('/api/talent/experts?limit=5')).statusCode).toBe(200);
    expect((await machine.get('/api/talent/people/summary')).statusCode).toBe(200);
    const before = await fingerprint();
    expect((await machine.post('/api/talent/experts', expertBody())).statusCode).toBe(403);
    expect((await machine.post('/api/talent/people', talentBody())).statusCode).toBe(403);
    expect(await fingerprint()).toBe(before);
  });

});
