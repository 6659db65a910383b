import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { loadExcelJS } from '../../../platform/excel/load.js';
import { todayIn } from '../../../platform/dates.js';
import { DEFAULT_RUBRIC } from '../model/labels.js';
import {
  challengeBody, challengeInReview, challengePeople, closeApplications, makeApplication, makeChallenge, makeConsortium, makeOrganisation, makeUser, unique, type ChallengePeople,
} from './fixture.js';

/**
 * Challenges: an organiser drafts one (from a catalog need or from scratch) with measurable
 * indicators and a rubric that adds up, publishes it with a deadline ahead, may extend the
 * deadline with a reason or cancel it, and moves it to review only after the deadline. Visitors
 * read open challenges without internal fields, search them in Chinese and export them; the
 * challenge page shows its timeline.
 */

type Res = { statusCode: number; body: string; json(): any };
const paths = (r: Res) => (r.json().error?.details ?? []).map((x: { path: string }) => x.path);

async function sheetText(buffer: Buffer) {
  const wb = new (await loadExcelJS()).Workbook();
  await wb.xlsx.load(buffer as never);
  const out: string[] = [];
  wb.worksheets[0].eachRow((r) => out.push((r.values as unknown[]).slice(1).map((v) => String(v ?? '')).join('|')));
  return out.join('\n');
}

describe.each(testDatabases)('challenges, on $name', (kind) => {
  const h = useHarness(kind);
  let p: ChallengePeople;
  const count = async (table: string) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(h.database.db)).rows[0].n);

  beforeAll(async () => {
    h.clock.set('2026-03-10T02:00:00Z');
    p = await challengePeople(h);
  });

  it('refuses a draft without measurable indicators, field keywords, a rubric that adds up or teams that fit the mode, naming each field, and writes nothing', async () => {
    const before = await count('challenge');
    const cases: [Record<string, unknown>, string[]][] = [
      [{ indicators: [] }, ['/indicators']],
      [{ fields: ['  '] }, ['/fields']],
      [{ rubric: [{ key: 'a', nameZh: '创新', nameEn: 'Novelty', weight: 60, max: 100 }, { key: 'b', nameZh: '可行', nameEn: 'Feasible', weight: 30, max: 0 }] }, ['/rubric/1/max', '/rubric']],
      [{ mode: 'parallel', maxTeams: 1 }, ['/maxTeams']],
      [{ mode: 'single', maxTeams: 2 }, ['/maxTeams']],
      [{ fundingWan: 0, durationMonths: 0 }, ['/fundingWan', '/durationMonths']],
      [{ indicators: [{ nameZh: '', comparator: '>=', targetValue: 1 }] }, ['/indicators/0/nameZh']],
    ];
    for (const [extra, expected] of cases) {
      const res = await p.as.taskforce.post('/api/challenges', challengeBody(h, extra));
      expect(res.statusCode, res.body).toBe(422);
      expect(paths(res).sort(), JSON.stringify(extra)).toEqual([...expected].sort());
    }
    // A comparator outside >= <= = is refused by the schema, naming the field too.
    const bad = await p.as.taskforce.post('/api/challenges', challengeBody(h, { indicators: [{ nameZh: '产率', comparator: '>', targetValue: 1 }] }));
    expect(bad.statusCode).toBe(422);
    expect(paths(bad).some((x: string) => x.startsWith('/indicators/0/comparator'))).toBe(true);
    expect(await count('challenge')).toBe(before);
  });

  it('drafts with the default rubric and stated defaults, codes JB-year-number, and is edited only while a draft by its organiser', async () => {
    const res = await p.as.unit.post('/api/challenges', challengeBody(h, { rubric: undefined, blind: undefined, noticeDays: undefined }));
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ status: 'draft', organiserId: p.org.unit, rubric: DEFAULT_RUBRIC, blind: true, noticeDays: 7, maxTeams: 1 });
    expect(c.code).toMatch(/^JB-2026-\d{3}$/);
    expect(c.indicators.map((i: { nameZh: string }) => i.nameZh)).toEqual(['筛选通量', '目标酶活提高倍数']);

    // Another department's user may not run it; the task force may.
    const otherUnit = await makeUser(h, ['unit'], await makeOrganisation(h, 'department', '重庆市经济和信息化委员会'));
    await expect(h.services.challenges.challenges.update(otherUnit.ctx, c.id, { titleZh: '改名' })).rejects.toMatchObject({ status: 403 });
    // The answer says who runs it, so that pages show the organiser's panels to them only.
    expect(await h.services.challenges.challenges.get(otherUnit.ctx, c.id)).toMatchObject({ may: { run: false, edit: false } });
    expect((await p.as.unit.get(`/api/challenges/${c.id}`)).json().may).toMatchObject({ run: true, edit: true });
    expect((await p.as.taskforce.get(`/api/challenges/${c.id}`)).json().may).toMatchObject({ run: true });
    const edited = await p.as.unit.patch(`/api/challenges/${c.id}`, { titleZh: '工业酶超高通量定向进化平台', indicators: [{ nameZh: '筛选通量', comparator: '>=', targetValue: 2_000_000, unit: '个/天' }] });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().indicators).toHaveLength(1);
    expect((await p.as.unit.patch(`/api/challenges/${c.id}`, { rubric: [{ key: 'x', nameZh: '综合', nameEn: 'Overall', weight: 90, max: 100 }] })).statusCode).toBe(422);

    expect((await p.as.taskforce.post(`/api/challenges/${c.id}/publish`, {})).statusCode).toBe(200);
    const late = await p.as.unit.patch(`/api/challenges/${c.id}`, { titleZh: '发布后改名' });
    expect(late.statusCode).toBe(409);
    expect((await p.as.unit.post(`/api/challenges/${c.id}/publish`, {})).statusCode).toBe(409);
    // The task force posts for a department, which then runs it; a department posts for itself only.
    const forUnit = await p.as.taskforce.post('/api/challenges', challengeBody(h, { organiserId: p.org.unit }));
    expect(forUnit.json()).toMatchObject({ organiserId: p.org.unit });
    expect((await p.as.unit.post(`/api/challenges/${forUnit.json().id}/publish`, {})).statusCode).toBe(200);
    expect((await p.as.unit.post('/api/challenges', challengeBody(h, { organiserId: p.org.taskForce }))).statusCode).toBe(403);
    const audits = await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', c.id).orderBy('id').execute();
    expect(audits.map((a) => a.action)).toEqual(['challenges.challenge.create', 'challenges.challenge.update', 'challenges.challenge.publish']);
  });

  it('starts from a catalog need: its title, field, indicators, mode and funding where not given; only an accepted need', async () => {
    const db = h.database.db;
    const need = async (status: string) => (await db.insertInto('techNeed').values({
      code: unique('XQ-T'), titleZh: '长链二元酸生物合成菌株', field: 'design', domain: 'biochem', problemZh: '产率低', currentLevelZh: '国外领先',
      indicators: JSON.stringify([{ nameZh: '产率', targetValue: 120, unit: 'g/L' }]), expectedOutcomeZh: '建成千吨级示范线', organisationId: p.org.enterprise,
      suggestedMode: 'parallel', fundingWan: 1800, status, createdAt: h.clock.now(), updatedAt: h.clock.now(),
    }).returning('id').executeTakeFirstOrThrow()).id;
    const accepted = await need('accepted');
    const res = await p.as.taskforce.post('/api/challenges', { needId: accepted, maxTeams: 3, durationMonths: 36, deadline: challengeBody(h).deadline });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      needId: accepted, titleZh: '长链二元酸生物合成菌株', fields: ['蛋白质与细胞设计'], mode: 'parallel', fundingWan: 1800, maxTeams: 3, summaryZh: '建成千吨级示范线',
      indicators: [expect.objectContaining({ nameZh: '产率', comparator: '>=', targetValue: 120, unit: 'g/L' })],
    });
    // What is given wins over the need.
    const given = await p.as.taskforce.post('/api/challenges', { needId: accepted, titleZh: '自定名称', mode: 'single', durationMonths: 24, deadline: challengeBody(h).deadline });
    expect(given.json()).toMatchObject({ titleZh: '自定名称', mode: 'single', maxTeams: 1 });
    const submitted = await need('submitted');
    const refused = await p.as.taskforce.post('/api/challenges', { needId: submitted, maxTeams: 3, durationMonths: 36, deadline: challengeBody(h).deadline });
    expect(refused.statusCode).toBe(422);
    expect(paths(refused)).toEqual(['/needId']);
  });

  it('publishes only with a deadline ahead, extends it with a reason while open, and moves to review only after it (server time)', async () => {
    const past = await makeChallenge(h, p, { deadline: new Date(h.clock.now().getTime() - 1000).toISOString() }, { publish: false });
    const refused = await p.as.taskforce.post(`/api/challenges/${past.id}/publish`, {});
    expect(refused.statusCode).toBe(422);
    expect(paths(refused)).toEqual(['/deadline']);

    const c = await makeChallenge(h, p);
    const k = await makeConsortium(h);
    await makeApplication(h, c, k, {}, { submit: false });
    const early = await p.as.taskforce.post(`/api/challenges/${c.id}/start-review`, {});
    expect(early.statusCode).toBe(409);
    expect(paths(early)).toEqual(['/deadline']);

    const later = new Date(c.deadline.getTime() + 7 * 86_400_000).toISOString();
    expect(paths(await p.as.taskforce.post(`/api/challenges/${c.id}/extend`, { deadline: later, reasonZh: ' ' }))).toEqual(['/reasonZh']);
    expect(paths(await p.as.taskforce.post(`/api/challenges/${c.id}/extend`, { deadline: new Date(c.deadline.getTime() - 1000).toISOString(), reasonZh: '材料准备时间不足' }))).toEqual(['/deadline']);
    const extended = await p.as.taskforce.post(`/api/challenges/${c.id}/extend`, { deadline: later, reasonZh: '应申报单位请求，延长一周' });
    expect(extended.statusCode, extended.body).toBe(200);
    expect(extended.json().deadline).toBe(later);
    expect(extended.json().deadlineChanges).toEqual([expect.objectContaining({ reasonZh: '应申报单位请求，延长一周', toDeadline: later })]);
    const told = await h.database.db.selectFrom('notification').select('kind').where('organisationId', '=', k.lead.orgId).execute();
    expect(told.map((n) => n.kind)).toContain('challenges.deadline.extended');
    expect(await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', c.id).where('action', '=', 'challenges.challenge.extend').execute()).toHaveLength(1);

    // Just past the old deadline is still before the new one.
    h.clock.set(new Date(c.deadline.getTime() + 60_000));
    expect((await p.as.taskforce.post(`/api/challenges/${c.id}/start-review`, {})).statusCode).toBe(409);
    h.clock.set(new Date(Date.parse(later) + 60_000));
    expect((await p.as.taskforce.post(`/api/challenges/${c.id}/extend`, { deadline: new Date(Date.parse(later) + 86_400_000 * 30).toISOString(), reasonZh: '再延' })).statusCode).toBe(409);
    const moved = await p.as.taskforce.post(`/api/challenges/${c.id}/start-review`, {});
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'review' });
    expect((await p.as.taskforce.post(`/api/challenges/${c.id}/start-review`, {})).statusCode).toBe(409);
  });

  it('cancels with a reason, from draft, open or review, and tells the applicants', async () => {
    const c = await makeChallenge(h, p);
    const k = await makeConsortium(h);
    await makeApplication(h, c, k);
    expect(paths(await p.as.taskforce.post(`/api/challenges/${c.id}/cancel`, { reasonZh: '' }))).toEqual(['/reasonZh']);
    const res = await p.as.taskforce.post(`/api/challenges/${c.id}/cancel`, { reasonZh: '需求已由其他渠道解决' });
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelReasonZh: '需求已由其他渠道解决' });
    expect((await p.as.taskforce.post(`/api/challenges/${c.id}/cancel`, { reasonZh: '再取消' })).statusCode).toBe(409);
    const told = await h.database.db.selectFrom('notification').select('kind').where('organisationId', '=', k.lead.orgId).execute();
    expect(told.map((n) => n.kind)).toContain('challenges.challenge.cancelled');
  });

  it('two publishes at once: one takes effect, the other is a 409', async () => {
    const c = await makeChallenge(h, p, {}, { publish: false });
    const codes = (await Promise.all([p.as.taskforce.post(`/api/challenges/${c.id}/publish`, {}), p.as.admin.post(`/api/challenges/${c.id}/publish`, {})])).map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409]);
  });

  it('shows visitors open challenges without internal fields, with the number of applications but no names; drafts to overseers only; Chinese search; Excel', async () => {
    const c = await makeChallenge(h, p, { titleZh: unique('聚羟基脂肪酸酯低成本发酵') });
    const draft = await makeChallenge(h, p, { titleZh: unique('聚羟基脂肪酸酯草稿') }, { publish: false });
    const k = await makeConsortium(h);
    await makeApplication(h, c, k);
    await makeApplication(h, c, await makeConsortium(h), {}, { submit: false });

    const list = await p.as.anonymous.get(`/api/challenges/open?q=${encodeURIComponent('脂肪酸')}`);
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((x: { id: string }) => x.id === c.id);
    expect(item).toMatchObject({ applicationCount: 1, status: 'open' });
    for (const key of ['createdBy', 'tokens', 'reviewersPerApplication', 'isDemo']) expect(Object.keys(item)).not.toContain(key);
    expect(list.json().items.map((x: { id: string }) => x.id)).not.toContain(draft.id);
    const leadName = (await h.database.db.selectFrom('organisation').select('nameZh').where('id', '=', k.lead.orgId).executeTakeFirstOrThrow()).nameZh;
    const page = await p.as.anonymous.get(`/api/challenges/${c.id}`);
    expect(page.json()).toMatchObject({ applicationCount: 1, indicators: [expect.anything(), expect.anything()] });
    expect(page.body).not.toContain(leadName);
    expect(page.json()).not.toHaveProperty('createdBy');
    expect(page.json()).not.toHaveProperty('may');

    expect((await p.as.anonymous.get(`/api/challenges/${draft.id}`)).statusCode).toBe(404);
    expect((await p.as.enterprise.get(`/api/challenges/${draft.id}`)).statusCode).toBe(404);
    expect((await p.as.district.get(`/api/challenges/${draft.id}`)).json()).toMatchObject({ status: 'draft', createdBy: p.userId.taskforce });
    expect((await p.as.unit.get(`/api/challenges?status=draft`)).json().items.map((x: { id: string }) => x.id)).toContain(draft.id);

    const file = await p.as.anonymous.get(`/api/challenges/open/export.xlsx?q=${encodeURIComponent('脂肪酸')}`);
    expect(file.statusCode).toBe(200);
    const text = await sheetText(file.rawPayload);
    expect(text).toContain(c.code);
    expect(text).not.toContain(draft.code);
    expect(text).not.toContain(leadName);
  });

  it('shows the timeline: published, deadline, formal check, review, notice, award, milestones, acceptance, each with its date or planned date', async () => {
    const r = await challengeInReview(h, p, { applications: 1, formalCheck: false });
    const steps = async () => (await p.as.anonymous.get(`/api/challenges/${r.challenge.id}/timeline`)).json().steps as { key: string; on: string | null; done: boolean; planned: boolean }[];
    let s = await steps();
    expect(s.map((x) => x.key)).toEqual(['published', 'deadline', 'formalCheck', 'review', 'notice', 'award', 'milestones', 'acceptance']);
    expect(s[0]).toMatchObject({ done: true, on: todayIn(r.challenge.publishedAt as Date) });
    expect(s[1]).toMatchObject({ done: true, on: todayIn(r.challenge.deadline) });
    expect(s[2]).toMatchObject({ done: false, planned: true });
    expect(s[7]).toMatchObject({ planned: true, done: false });
    expect(s[7].on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await h.services.challenges.applications.formalCheck(p.ctx.taskforce, r.applications[0].id, { decision: 'eligible' });
    s = await steps();
    expect(s[2]).toMatchObject({ done: true, planned: false });
  });

  it('exports a challenge\'s applications for its organisers', async () => {
    const c = await makeChallenge(h, p);
    const a = await makeApplication(h, c, await makeConsortium(h, { members: 2 }));
    await closeApplications(h, p, c);
    const res = await p.as.taskforce.get(`/api/challenges/${c.id}/applications/export.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(await sheetText(res.rawPayload)).toContain(a.code);
    expect((await p.as.district.get(`/api/challenges/${c.id}/applications/export.xlsx`)).statusCode).toBe(403);
  });
});
