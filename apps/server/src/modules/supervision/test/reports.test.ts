import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { supervisionPeople, type SupervisionPeople } from './fixture.js';

const auditCount = async (h: ReturnType<typeof useHarness>) =>
  Number((await h.database.db.selectFrom('auditLog').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe.each(testDatabases)('work points and progress reports, on $name', (kind) => {
  const h = useHarness(kind);
  let p: SupervisionPeople;
  let wp: { id: string; code: string };

  beforeAll(async () => {
    p = await supervisionPeople(h);
    h.clock.set('2025-03-10T02:00:00Z');
    const res = await p.as.taskforce.post('/api/work-points', {
      taskNo: 22, year: 2025, titleZh: '建成菌种资源库一期', deliverableZh: '入库菌种 5000 株', ownerOrganisationId: p.orgs.unitA,
      dueOn: '2025-12-31', frequency: 'monthly', districtCode: '500112',
    });
    expect(res.statusCode, res.body).toBe(201);
    wp = res.json();
  });

  it('numbers work points by task and year and derives the first report deadline', async () => {
    expect(wp.code).toBe('T22-2025-001');
    const got = (await p.as.unitA.get(`/api/work-points/${wp.id}`)).json();
    expect(got.nextReportDeadline).toBe('2025-02-05');
    expect(got.periods).toHaveLength(12);
    expect(got.colour).toBe('red');
    expect(got.reasons[0].zh).toContain('2025-02-05');
  });

  it('refuses a work point that breaks the rules, naming each field, and writes nothing', async () => {
    const before = await auditCount(h);
    const res = await p.as.taskforce.post('/api/work-points', {
      taskNo: 27, year: 2025, titleZh: ' ', deliverableZh: 'x', ownerOrganisationId: p.orgs.unitA, dueOn: '2026-01-10', frequency: 'monthly',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['/dueOn', '/taskNo', '/titleZh']);
    expect(await auditCount(h)).toBe(before);
  });

  it('lets only the owner unit report; a district sees the item in its district but cannot write it', async () => {
    expect((await p.as.unitB.get(`/api/work-points/${wp.id}`)).statusCode).toBe(404);
    expect((await p.as.district.get(`/api/work-points/${wp.id}`)).statusCode).toBe(200);
    expect((await p.as.district.post('/api/reports', { workPointId: wp.id, periodLabel: '2025-01' })).statusCode).toBe(403);
    expect((await p.as.unitB.post('/api/reports', { workPointId: wp.id, periodLabel: '2025-01' })).statusCode).toBe(404);
    expect((await p.as.unitB.get('/api/work-points')).json().items.some((w: { id: string }) => w.id === wp.id)).toBe(false);
  });

  it('takes a report through draft → submitted → returned → resubmitted → accepted, and the status follows', async () => {
    const draft = await p.as.unitA.post('/api/reports', { workPointId: wp.id, periodLabel: '2025-01', textZh: '完成选址', progressPct: 10 });
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json().id;
    expect((await p.as.unitA.post(`/api/reports/${id}/submit`)).json().state).toBe('submitted');

    // The task force returns it with a comment; the unit is notified.
    expect((await p.as.taskforce.post(`/api/reports/${id}/return`, { comment: ' ' })).statusCode).toBe(422);
    const returned = await p.as.taskforce.post(`/api/reports/${id}/return`, { comment: '请补充入库数量' });
    expect(returned.json()).toMatchObject({ state: 'returned', reviewComment: '请补充入库数量', returnedCount: 1 });
    const inbox = (await p.as.unitA.get('/api/notifications')).json();
    expect(inbox.items.some((n: { kind: string; titleZh: string }) => n.kind === 'reportReturned' && n.titleZh.includes('请补充入库数量'))).toBe(true);
    expect((await p.as.unitA.get('/api/supervision/inbox')).json().returned.map((r: { id: string }) => r.id)).toContain(id);

    expect((await p.as.unitA.patch(`/api/reports/${id}`, { textZh: '完成选址，入库 300 株', progressPct: 12 })).statusCode).toBe(200);
    expect((await p.as.unitA.post(`/api/reports/${id}/submit`)).json().state).toBe('submitted');
    const accepted = await p.as.taskforce.post(`/api/reports/${id}/accept`, {});
    expect(accepted.json().state).toBe('accepted');

    const report = (await p.as.unitA.get(`/api/reports/${id}`)).json();
    expect(report.events.map((e: { action: string }) => e.action)).toEqual(['draft', 'submit', 'return', 'edit', 'resubmit', 'accept']);
    expect(report.late).toBe(true); // first submitted on 2025-03-10, after 2025-02-05
    expect(report.steps).toEqual([]);
    const after = (await p.as.unitA.get(`/api/work-points/${wp.id}`)).json();
    expect(after.progressPct).toBe(12);
    expect(after.nextReportDeadline).toBe('2025-03-05');
  });

  it('answers a second report for a period with 409, a period that does not exist with 422, and a step out of order with 409 — writing nothing', async () => {
    const before = await auditCount(h);
    const dup = await p.as.unitA.post('/api/reports', { workPointId: wp.id, periodLabel: '2025-01' });
    expect(dup.statusCode).toBe(409);
    const none = await p.as.unitA.post('/api/reports', { workPointId: wp.id, periodLabel: '2026-01' });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.details[0].path).toBe('/periodLabel');
    const draft = await p.as.unitA.post('/api/reports', { workPointId: wp.id, periodLabel: '2025-02', textZh: '推进中' });
    const accept = await p.as.taskforce.post(`/api/reports/${draft.json().id}/accept`, {});
    expect(accept.statusCode).toBe(409);
    expect(accept.json().error.message).toContain('草稿');
    expect(await auditCount(h)).toBe(before + 1); // only the draft itself
    const state = (await p.as.unitA.get(`/api/reports/${draft.json().id}`)).json().state;
    expect(state).toBe('draft');
  });

  it('closes out a work point when a report marked complete is accepted', async () => {
    const other = (await p.as.taskforce.post('/api/work-points', {
      taskNo: 22, year: 2025, titleZh: '制定菌种保藏规范', deliverableZh: '规范一份', ownerOrganisationId: p.orgs.unitA, dueOn: '2025-06-30', frequency: 'quarterly', startsOn: '2025-01-01',
    })).json();
    expect(other.code, JSON.stringify(other)).toBe('T22-2025-002');
    const r = (await p.as.unitA.post('/api/reports', { workPointId: other.id, periodLabel: '2025-Q1', textZh: '规范已印发', progressPct: 100, complete: true })).json();
    await p.as.unitA.post(`/api/reports/${r.id}/submit`);
    await p.as.taskforce.post(`/api/reports/${r.id}/accept`, { comment: '同意销号' });
    const got = (await p.as.taskforce.get(`/api/work-points/${other.id}`)).json();
    expect(got.colour).toBe('closed');
    expect(got.closedAt).not.toBeNull();
    expect((await p.as.unitA.post('/api/reports', { workPointId: other.id, periodLabel: '2025-Q2' })).statusCode).toBe(409);
  });

  it('rolls the colours up to the task and its action, and explains them in words', async () => {
    const rollup = (await p.as.taskforce.get('/api/supervision/rollup')).json();
    const action = rollup.actions.find((a: { tasks: { no: number }[] }) => a.tasks.some((t) => t.no === 22));
    const task = action.tasks.find((t: { no: number }) => t.no === 22);
    expect(task.counts).toMatchObject({ red: 1, closed: 1 });
    expect(task.colour).toBe('red');
    expect(task.reasons[0].zh).toContain('1 项逾期');
    expect(action.colour).toBe('red');
    expect(task.progressPct).toBeCloseTo((12 + 100) / 2, 1);
    // A unit sees the roll-up of its own items only.
    const mine = (await p.as.unitB.get('/api/supervision/rollup')).json();
    expect(mine.counts).toEqual({ red: 0, yellow: 0, blue: 0, green: 0, closed: 0 });
  });

  it('computes the same colour in SQL as the model does, for every kind of work point', async () => {
    const { workPointStatus } = await import('../model/status.js');
    const { colourSql } = await import('../work-points.store.js');
    const { sql } = await import('kysely');
    const today = '2025-07-02';
    const cases = [] as { startsOn: string; dueOn: string; progressPct: number; next: string | null; closed: boolean; curve: [number, number][] | null; ind: string | null }[];
    const curves = [null, [[0, 0], [0.5, 10], [1, 100]], [[0, 0], [0.2, 60], [1, 100]]] as ([number, number][] | null)[];
    for (const dueOn of ['2025-06-30', '2025-07-02', '2025-07-10', '2025-07-20', '2025-12-31'])
      for (const next of [null, '2025-06-05', '2025-07-05', '2025-08-05'])
        for (const progressPct of [0, 35, 45, 60, 100])
          for (const curve of curves)
            for (const closed of [false, true]) cases.push({ startsOn: '2025-01-01', dueOn, progressPct, next, closed, curve, ind: progressPct === 60 ? 'T1' : null });
    const values = cases.map((c, i) => sql`(${i}::int, ${c.startsOn}::date, ${c.dueOn}::date, ${c.progressPct}::numeric, ${c.next}::date, ${c.closed ? new Date() : null}::timestamptz, ${c.curve ? JSON.stringify(c.curve) : null}::jsonb, ${c.ind}::text)`);
    const colour = colourSql(today, 14, 10, ['T1']);
    const rows = await sql<{ i: number; colour: string }>`select wp.i, ${colour} as colour from (values ${sql.join(values)}) as wp (i, starts_on, due_on, progress_pct, next_report_deadline, closed_at, pace_curve, indicator_code) order by wp.i`.execute(h.database.db);
    const model = cases.map((c) => workPointStatus({ startsOn: c.startsOn, dueOn: c.dueOn, progressPct: c.progressPct, nextReportDeadline: c.next, closed: c.closed, paceCurve: c.curve, indicatorBehind: c.ind ? { zh: '', en: '' } : null }, today, { nearDays: 14, paceTolerancePct: 10 }).colour);
    expect(rows.rows.map((r) => r.colour)).toEqual(model);
  });

  it('counts due periods in SQL exactly as the model lists their deadlines', async () => {
    const { periods } = await import('../model/periods.js');
    const { sql } = await import('kysely');
    for (const f of ['monthly', 'quarterly'] as const)
      for (const upto of ['2025-01-04', '2025-02-05', '2025-04-05', '2025-07-04', '2025-07-05', '2026-01-05', '2027-01-01']) {
        const r = await sql<{ n: number }>`select cqb_periods_due(${f}, '2025-02-15'::date, '2025-11-20'::date, ${upto}::date) as n`.execute(h.database.db);
        expect(r.rows[0].n, `${f} ${upto}`).toBe(periods(f, '2025-02-15', '2025-11-20').filter((x) => x.deadline <= upto).length);
      }
  });

  it('reports on-time rates by unit for a quarter', async () => {
    const units = (await p.as.taskforce.get('/api/supervision/units?quarter=2025-Q1')).json();
    const a = units.units.find((u: { organisationId: string }) => u.organisationId === p.orgs.unitA);
    // Due by 2025-03-10 in Q1: 2025-01 (Feb 5) and 2025-02 (Mar 5) for the monthly item; neither on time.
    expect(a).toMatchObject({ due: 2, onTime: 0, onTimeRate: 0 });
    expect((await p.as.taskforce.get('/api/supervision/units?quarter=2025-Q9')).statusCode).toBe(422);
  });

  it('puts deadlines on each organisation\'s calendar and the reviews awaiting the task force in its inbox', async () => {
    const march = '/api/supervision/calendar?from=2025-03-01&to=2025-03-31';
    const events = (await p.as.unitA.get(march)).json().events as { kind: string; date: string; link: string }[];
    expect(events).toContainEqual(expect.objectContaining({ kind: 'reportDue', date: '2025-03-05', link: `/supervision/work-points/${wp.id}` }));
    expect((await p.as.unitB.get(march)).json().events).toEqual([]);
    expect((await p.as.unitA.get('/api/supervision/calendar?from=2025-01-01&to=2025-06-30')).statusCode).toBe(422);

    const draft = (await p.as.unitA.get(`/api/reports?workPointId=${wp.id}&state=draft`)).json().items[0];
    expect((await p.as.unitA.post(`/api/reports/${draft.id}/submit`)).statusCode).toBe(200);
    expect((await p.as.taskforce.get('/api/supervision/inbox')).json().toReview.map((r: { id: string }) => r.id)).toContain(draft.id);
    expect((await p.as.unitA.get('/api/supervision/inbox')).json().toReview).toEqual([]);
  });

  it('weighs the tasks of an action by the weight the task force states', async () => {
    const sibling = await p.as.taskforce.post('/api/work-points', {
      taskNo: 21, year: 2025, titleZh: '生物资源保护', deliverableZh: '名录一份', ownerOrganisationId: p.orgs.unitB, dueOn: '2025-12-31', frequency: 'quarterly',
    });
    expect(sibling.statusCode).toBe(201);
    const action = async () => (await p.as.taskforce.get('/api/supervision/rollup')).json().actions.find((a: { tasks: { no: number }[] }) => a.tasks.some((t) => t.no === 22));
    expect((await action()).progressPct).toBeCloseTo((56 + 0) / 2, 1);
    const put = await p.as.taskforce.request('PUT', '/api/assignments/22', { leadIds: [p.orgs.unitA], coIds: [], districtIds: [], weight: 3 });
    expect(put.json().weight).toBe(3);
    expect((await action()).progressPct).toBeCloseTo((3 * 56 + 0) / 4, 1);
  });

});
