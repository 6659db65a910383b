/**
 * Open challenges (揭榜挂帅), end to end.
 *
 * The task force publishes a blind challenge through the API with its deadline a little ahead;
 * an enterprise applies through the form in the browser (plan, team, budget lines adding up to
 * the budget, milestones, TRLs) and submits; a second tab of the same enterprise, opened before,
 * tries a second application and is shown the server's 409 (one per lead). Once the deadline has
 * passed by the server's clock, the task force moves the challenge to review, passes the formal
 * check and assigns two experts automatically (API). One expert scores through the API; the other
 * scores in the workbench, where the application is blind (no applicant name on the page), and
 * after submitting sees the panel's spread. The task force reads the ranking with the spread
 * flagged; screenshots of the workbench and the board go to e2e/artifacts/.
 *
 * The e2e server starts without demo data: organisations, users and experts are made through the API.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { addTaskForceUser, apiSession, type ApiSession } from './api';
import { field, launch, newPage, signIn } from './browser';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const SLOW = 420_000; // the deadline is waited for; two cores share the server, chromium and vitest
/** Long enough for the enterprise to sign in and fill the form on a busy machine; the test then waits it out. */
const DEADLINE_AHEAD_MS = 210_000;

interface Account { username: string; password: string }

/** Opens an antd Select by its data-testid and clicks the option with this text. */
async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await open.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  await open.first().waitFor({ state: 'hidden' }).catch(() => {});
}

describe('open challenges in the browser', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const as = async (who: Account, next: string) => {
    const { context, page } = await newPage(browser);
    contexts.push(context);
    await signIn(page, who.username, who.password, next);
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
  const taskForce = { username: `e2e.jb.tf.${suffix}`, password: 'Challenge#Run-2027' };
  const firm = { username: `e2e.jb.ent.${suffix}`, password: 'Challenge#Apply-2027' };
  const experts = [1, 2].map((i) => ({ username: `e2e.jb.exp${i}.${suffix}`, password: `Challenge#Review${i}-2027`, nameZh: `e2e评审专家${i}号${suffix}` }));
  const firmName = `e2e璧山揭榜合成生物有限公司${suffix}`;
  const title = `e2e 高产丁二酸工程菌株与万吨级发酵工艺（${suffix}）`;

  let tf: ApiSession;
  let challenge: { id: string; code: string; deadline: string };
  let applicationCode = '';

  beforeAll(async () => {
    const admin = await apiSession('admin', inject('adminPassword'));
    const firmOrg = await admin.post<{ id: string }>('/api/admin/organisations', { kind: 'enterprise', nameZh: firmName, districtCode: '500120' });
    await addTaskForceUser(admin, { ...taskForce, displayName: `e2e 揭榜专班 ${suffix}` });
    await admin.post('/api/admin/users', { ...firm, displayName: `e2e 企业揭榜 ${suffix}`, roles: ['enterprise'], organisationId: firmOrg.id });
    tf = await apiSession(taskForce.username, taskForce.password);
    for (const e of experts) {
      await admin.post('/api/admin/users', { username: e.username, password: e.password, displayName: e.nameZh, roles: ['expert'], organisationId: null });
      const x = await tf.post<{ id: string }>('/api/talent/experts', { nameZh: e.nameZh, titleZh: '研究员', organisationZh: `e2e某大学生命科学学院${suffix}`, fields: ['合成生物学', '菌株构建', '发酵工程'], available: true });
      await tf.put(`/api/talent/experts/${x.id}/account`, { username: e.username });
    }
    const draft = await tf.post<{ id: string }>('/api/challenges', {
      titleZh: title, summaryZh: '构建丁二酸高产工程菌株，完成万吨级发酵工艺包。', fields: ['合成生物学', '菌株构建'], domain: 'biochem', mode: 'single',
      fundingWan: 800, durationMonths: 24, eligibilityZh: '在渝注册的企业牵头', maxMembers: 2, requiresUserEnterprise: false, blind: true, reviewersPerApplication: 2, noticeDays: 7,
      deadline: new Date(Date.now() + DEADLINE_AHEAD_MS).toISOString(),
      indicators: [{ nameZh: '丁二酸产率', comparator: '>=', targetValue: 120, unit: 'g/L', methodZh: '第三方检测' }],
    });
    challenge = await tf.post(`/api/challenges/${draft.id}/publish`);
  }, SLOW);

  it('an enterprise applies through the form and is refused a second application', async () => {
    const page = await as(firm, `/challenges/${challenge.id}`);
    await page.getByTestId('challenge-timeline').waitFor();
    expect(await page.getByTestId('timeline-deadline').innerText()).toContain('申报截止');
    await page.getByTestId('challenge-apply').click();
    await page.waitForURL(`**/challenges/${challenge.id}/apply`);
    // A colleague at the same enterprise opens the form too, before the first is saved.
    const second = await page.context().newPage();
    await second.goto(`/challenges/${challenge.id}/apply`);
    await field(second, 'application-title').waitFor();

    await field(page, 'application-title').fill('丁二酸高产菌株构建与发酵放大');
    await field(page, 'application-plan', 'textarea').fill('第一阶段构建菌株，第二阶段 50 L 优化，第三阶段万吨级工艺包。');
    await choose(page, 'application-current-trl', 'TRL 4');
    await choose(page, 'application-target-trl', 'TRL 7');
    await field(page, 'person-name-0').fill('张明');
    await field(page, 'budget-item-0').fill('设备费');
    await field(page, 'budget-amount-0').fill('600');
    await field(page, 'milestone-month-0').fill('12');
    await field(page, 'milestone-title-0').fill('菌株产率达到 100 g/L');
    expect(await page.getByTestId('application-budget').innerText()).toContain('600');
    await page.getByTestId('application-submit').click();
    // Either the saved application opens, or the server's refusal shows: say which.
    const refused = page.locator('.ant-message-notice-error, .ant-form-item-explain-error').first();
    await Promise.race([
      page.waitForURL('**/challenges/applications/**', { timeout: 60_000 }),
      refused.waitFor({ timeout: 60_000 }).then(async () => { throw new Error(`Submitting was refused: ${await refused.innerText()}`); }),
    ]);
    await page.getByTestId('application-status').filter({ hasText: '已提交' }).waitFor();
    applicationCode = (await page.getByTestId('application-code').innerText()).trim();
    expect(applicationCode).toMatch(/^SB-\d{4}-\d{4}$/);

    await field(second, 'application-title').fill('同一企业的第二份申请');
    await second.getByTestId('application-save').click();
    const refusal = second.locator('.ant-message-notice').filter({ hasText: '每个牵头单位限报一份' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain(applicationCode);
  }, SLOW);

  it('after the deadline, the expert scores blind in the workbench and the task force reads the ranking with the spread', async () => {
    // The server's clock decides: wait until the deadline has passed, then move to review.
    const wait = new Date(challenge.deadline).getTime() - Date.now() + 2000;
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await tf.post(`/api/challenges/${challenge.id}/start-review`);
    const apps = await tf.get<{ items: { id: string; code: string }[] }>(`/api/challenges/${challenge.id}/applications`);
    expect(apps.items.map((a) => a.code)).toEqual([applicationCode]);
    await tf.post(`/api/challenges/applications/${apps.items[0].id}/formal-check`, { decision: 'eligible', noteZh: null });
    const assigned = await tf.post<{ assigned: number; shortfalls: unknown[] }>(`/api/challenges/${challenge.id}/assignments/auto`);
    expect(assigned).toMatchObject({ assigned: 2, shortfalls: [] });

    // The second expert scores through the API, low.
    const other = await apiSession(experts[1].username, experts[1].password);
    const [mine] = (await other.get<{ items: { id: string }[] }>('/api/challenges/reviews')).items;
    await other.post(`/api/challenges/reviews/${mine.id}/submit`, { scores: { innovation: 50, feasibility: 50, team: 50, impact: 50, budget: 50 }, commentZh: '技术路线尚不清晰' });

    const page = await as(experts[0], '/challenges/review');
    await page.getByTestId(`review-open-${applicationCode}`).click();
    await page.getByTestId('review-lead').filter({ hasText: '申报单位 A' }).waitFor();
    expect(await page.getByTestId('review-blind').innerText()).toContain('双盲');
    const shown = await page.locator('body').innerText();
    expect(shown).not.toContain(firmName);
    expect(shown).not.toContain('张明');
    for (const [key, score] of Object.entries({ innovation: 90, feasibility: 85, team: 80, impact: 85, budget: 90 })) await field(page, `score-${key}`).fill(String(score));
    await field(page, 'review-comment', 'textarea').fill('菌株构建思路清晰，工艺放大有基础。');
    await page.getByTestId('review-total').filter({ hasText: '86' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, 'challenges-workbench.png'), fullPage: true });
    await page.getByTestId('review-submit').click();
    await page.getByTestId('review-status').filter({ hasText: '已提交' }).waitFor();
    expect(await page.getByTestId('review-spread').innerText()).toContain('50–86（36）');

    const organiser = await as(taskForce, `/challenges/${challenge.id}?tab=ranking`);
    const spread = organiser.getByTestId(`ranking-spread-${applicationCode}`);
    await spread.filter({ hasText: '50.00–86.00' }).waitFor();
    expect(await spread.innerText()).toMatch(/\b36\b/);
    expect(await organiser.getByTestId(`ranking-score-${applicationCode}`).innerText()).toContain('68.00');
    await organiser.goto('/challenges/board');
    await organiser.getByTestId('board-export').waitFor();
    await organiser.screenshot({ path: join(ARTIFACTS, 'challenges-board.png'), fullPage: true });
  }, SLOW);
});
