/**
 * Safety evaluation (task 25), end to end in the browser.
 *
 * An enterprise applies through the form (subject, field keywords, contact, a dossier file, the
 * green channel with its reason), saves the draft and submits it. The task force grants the green
 * channel and accepts it (API), then opens the evaluation and assigns the engine's proposed
 * reviewer in the drawer; the queue shows the clock. The expert records findings on every aspect
 * in the form. The task force concludes (API); a visitor finds the conclusion with its certificate
 * in the public list and its page shows the conclusion line, not the dossier. Screenshots of the
 * queue and the findings form go to e2e/artifacts/.
 *
 * The e2e server starts without demo data: organisations, users and the expert are made through the API.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { addTaskForceUser, apiSession, type ApiSession } from './api';
import { field, launch, newPage, signIn } from './browser';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const SLOW = 180_000;
interface Account { username: string; password: string }

describe('safety evaluation in the browser', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const as = async (who: Account | null, next: string) => {
    const { context, page } = await newPage(browser);
    contexts.push(context);
    if (who) await signIn(page, who.username, who.password, next);
    else await page.goto(next);
    return page;
  };
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  const suffix = randomBytes(3).toString('hex');
  const taskForce = { username: `e2e.se.tf.${suffix}`, password: 'Safety#Body-2027' };
  const firm = { username: `e2e.se.ent.${suffix}`, password: 'Safety#Apply-2027' };
  // A field keyword of this run's own: experts other browser tests made (with accounts) are not proposed.
  const keyword = `生物安全评价${suffix}`;
  const reviewer = { username: `e2e.se.exp.${suffix}`, password: 'Safety#Review-2027', nameZh: `e2e安全评审专家${suffix}` };
  const title = `e2e 耐高温丁二酸工程菌核心菌种（${suffix}）`;
  const secret = `申报说明-仅申请人与评价机构可见-${suffix}`;
  let tf: ApiSession;
  let evaluationId = '';

  beforeAll(async () => {
    const admin = await apiSession('admin', inject('adminPassword'));
    const firmOrg = await admin.post<{ id: string }>('/api/admin/organisations', { kind: 'enterprise', nameZh: `e2e璧山安全评价申请公司${suffix}`, districtCode: '500120' });
    await addTaskForceUser(admin, { ...taskForce, displayName: `e2e 安全评价专班 ${suffix}` });
    await admin.post('/api/admin/users', { ...firm, displayName: `e2e 申请企业 ${suffix}`, roles: ['enterprise'], organisationId: firmOrg.id });
    await admin.post('/api/admin/users', { username: reviewer.username, password: reviewer.password, displayName: reviewer.nameZh, roles: ['expert'], organisationId: null });
    tf = await apiSession(taskForce.username, taskForce.password);
    const x = await tf.post<{ id: string }>('/api/talent/experts', { nameZh: reviewer.nameZh, titleZh: '研究员', organisationZh: `e2e某大学生物安全研究所${suffix}`, fields: [keyword], available: true });
    await tf.put(`/api/talent/experts/${x.id}/account`, { username: reviewer.username });
  }, SLOW);

  it('an enterprise applies with its dossier and the green channel, and submits', async () => {
    const page = await as(firm, '/safety/evaluations');
    await page.getByTestId('safety-apply').click();
    await field(page, 'safety-apply-title').fill(title);
    await field(page, 'safety-apply-description', 'textarea').fill(secret);
    const keywords = field(page, 'safety-apply-fields');
    for (const k of [keyword]) { await keywords.fill(k); await keywords.press('Enter'); }
    await field(page, 'safety-apply-contact').fill('张工');
    await field(page, 'safety-apply-phone').fill('023-6000 1234');
    await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '申报书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 e2e dossier') });
    await page.getByTestId('safety-apply-track').getByText('绿色通道').click();
    await field(page, 'safety-apply-track-reason', 'textarea').fill('国内首个以秸秆水解液为碳源的丁二酸工程菌');
    await page.getByTestId('safety-apply-ok').click();
    await page.waitForURL(/\/safety\/evaluations\/[0-9a-f-]{36}$/);
    evaluationId = page.url().split('/').pop()!;
    await page.getByTestId('safety-file').filter({ hasText: '申报书.pdf' }).waitFor();
    await page.getByTestId('safety-act-submit').click();
    await page.getByTestId('safety-submit-ok').click();
    await page.getByTestId('safety-state-submitted').waitFor();
  }, SLOW);

  it('the task force assigns the proposed reviewer in the drawer; the queue shows the clock', async () => {
    await tf.post(`/api/safety/evaluations/${evaluationId}/track`, { decision: 'granted' });
    await tf.post(`/api/safety/evaluations/${evaluationId}/accept`, {});
    const page = await as(taskForce, `/safety/evaluations/${evaluationId}`);
    await page.getByTestId('safety-assign').click();
    await page.getByTestId('safety-assign-proposal').getByText(reviewer.nameZh).waitFor();
    await page.getByTestId('safety-assign-ok').click();
    await page.getByTestId('safety-reviewers').getByText(reviewer.nameZh).waitFor();
    await page.getByTestId('safety-state-review').waitFor();

    await page.goto('/safety/evaluations?view=queue');
    const row = page.locator('.ant-table-row', { hasText: title });
    await row.waitFor();
    expect(await row.getByTestId('safety-clock').innerText()).toContain('0/20');
    await page.screenshot({ path: join(ARTIFACTS, 'safety-queue.png'), fullPage: true });
  }, SLOW);

  it('the expert records findings on every aspect; a visitor reads the public conclusion and nothing of the dossier', async () => {
    const page = await as(reviewer, `/safety/evaluations/${evaluationId}`);
    for (const aspect of ['geneticStability', 'pathogenicityToxicity', 'antibioticResistance', 'environmentalRelease', 'processSafety']) {
      await page.getByTestId(`safety-finding-${aspect}`).getByText('风险可接受').click();
    }
    await page.getByTestId('safety-review-recommendation').getByText('安全', { exact: true }).click();
    await field(page, 'safety-review-summary', 'textarea').fill('遗传稳定，无致病性，同意通过。');
    await page.screenshot({ path: join(ARTIFACTS, 'safety-findings.png'), fullPage: true });
    await page.getByTestId('safety-review-submit').click();
    await page.getByText('提交时间').waitFor();

    const concluded = await tf.post<{ certificateNo: string }>(`/api/safety/evaluations/${evaluationId}/conclude`, { conclusion: 'safe', findingsZh: '评价为安全。' });
    expect(concluded.certificateNo).toMatch(/^SEC-\d{4}-\d{4}$/);

    const visitor = await as(null, '/safety/evaluations');
    const row = visitor.locator('.ant-table-row', { hasText: title });
    await row.waitFor();
    expect(await row.innerText()).toContain(concluded.certificateNo);
    await row.click();
    await visitor.getByTestId('safety-public').waitFor();
    expect(await visitor.locator('body').innerText()).not.toContain(secret);
  }, SLOW);
});
