/**
 * The pilot module, end to end.
 *
 * 1. An enterprise posts a demand (1,3-丙二醇 fermentation scale-up to 5,000 L) through the form;
 *    the task force publishes it from its review queue; the enterprise sees its matches with the
 *    reasons in words — the institute's proven strain under 成果, the base's big line under 中试能力
 *    and the 5–50 L line ruled out because it cannot reach 5 m³; the institute responds without
 *    seeing the confidential detail, the enterprise accepts on the response page, the detail opens
 *    to the institute and the two talk in the thread.
 * 2. The pilot map shows the base and filters its capabilities by scale; the base page lists its
 *    equipment; a party books a slot on the equipment calendar and sees the price for its category;
 *    a second party that picked the same slot is refused with the server's 409; the base approves.
 * 3. Pilot projects by stage and on the board; the one-stop services' figures and routing table;
 *    a party files a request and finds it under 我的申请.
 *
 * The e2e server starts without demo data: the users, organisations, the base with its platform,
 * capabilities and equipment, the institute's achievement and a project are recorded through the
 * API first. Parties act side by side, each in a browser context of its own.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { addTaskForceUser, apiSession, type ApiSession } from './api';
import { field, launch, newPage, signIn } from './browser';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const SLOW = 180_000; // two cores: the server, chromium and vitest share them

interface Account { username: string; password: string }

/** A date in Chongqing's calendar, `days` from today (the calendar and the deadlines are Chongqing's). */
const cqDate = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/**
 * One browser for the file; each party signs in in a context of its own, closed after the test,
 * so that two parties can act side by side (a booking race, a conversation).
 */
function useParties() {
  let browser: Browser;
  const open: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
  });
  return async (who: Account, next: string): Promise<Page> => {
    const { context, page } = await newPage(browser);
    open.push(context);
    await signIn(page, who.username, who.password, next);
    return page;
  };
}

/** Opens an antd Select by its data-testid, types to narrow it if asked, and clicks the option with this text. */
async function choose(page: Page, testId: string, option: string, typed?: string, multiple = false) {
  await page.getByTestId(testId).click();
  if (typed) await page.keyboard.type(typed);
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  const item = open.locator('.ant-select-item-option').filter({ hasText: option }).first();
  await item.click();
  if (multiple) return;
  // On a busy machine a click can land while the list is still opening; a single select closes once it has its value.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await open.first().waitFor({ state: 'hidden', timeout: 3000 });
      return;
    } catch {
      if (await item.isVisible()) await item.click().catch(() => {});
    }
  }
  await open.first().waitFor({ state: 'hidden' });
}

describe('pilot-scale services in the browser', () => {
  const as = useParties();

  const suffix = randomBytes(3).toString('hex');
  const taskForce = { username: `e2e.pilot.tf.${suffix}`, password: 'Pilot#Review-2027' };
  const firm = { username: `e2e.pilot.ent.${suffix}`, password: 'Pilot#Demand-2027' };
  const lab = { username: `e2e.pilot.inst.${suffix}`, password: 'Pilot#Strain-2027' };
  const keeper = { username: `e2e.pilot.base.${suffix}`, password: 'Pilot#Base-2027' };
  const names = {
    firm: `e2e璧山示例合成生物有限公司${suffix}`,
    lab: `e2e示例大学合成生物学研究院${suffix}`,
    baseOrg: `e2e璧山生物制造中试基地运营公司${suffix}`,
    base: `e2e璧山生物制造中试基地${suffix}`,
    bigLine: `e2e万升级发酵线${suffix}`,
    smallLine: `e2e 50 L 发酵罐组${suffix}`,
    equipment: `e2e 5 m³ 发酵罐${suffix}`,
    achievement: `e2e甘油发酵产1,3-丙二醇高产菌株${suffix}`,
    demand: `e2e 1,3-丙二醇工程菌发酵放大到5 m³（${suffix}）`,
    project: `e2e 1,3-丙二醇中试熟化项目${suffix}`,
  };
  const SECRET = `菌株构建与补料策略细节：甘油流加速率 e2e-${suffix}`;

  let base: { id: string; code: string };
  let equipment: { id: string; code: string };
  let project: { id: string; code: string };

  beforeAll(async () => {
    const admin = await apiSession('admin', inject('adminPassword'));
    const org = (kind: string, nameZh: string, districtCode: string) => admin.post<{ id: string }>('/api/admin/organisations', { kind, nameZh, districtCode });
    const firmOrg = await org('enterprise', names.firm, '500120');
    const labOrg = await org('institute', names.lab, '500106');
    const baseOrg = await org('pilotBase', names.baseOrg, '500120');
    await addTaskForceUser(admin, { ...taskForce, displayName: `e2e 中试专班 ${suffix}` });
    await admin.post('/api/admin/users', { ...firm, displayName: `e2e 企业研发部 ${suffix}`, roles: ['enterprise'], organisationId: firmOrg.id });
    await admin.post('/api/admin/users', { ...lab, displayName: `e2e 研究院成果转化 ${suffix}`, roles: ['institute'], organisationId: labOrg.id });
    await admin.post('/api/admin/users', { ...keeper, displayName: `e2e 基地运营 ${suffix}`, roles: ['pilotBase'], organisationId: baseOrg.id });

    // The task force registers the base; its platform has a big fermentation line and a small one.
    const tf = await apiSession(taskForce.username, taskForce.password);
    base = await tf.post('/api/pilot/bases', {
      nameZh: names.base, operatorZh: names.baseOrg, districtCode: '500120', organisationId: baseOrg.id, domains: ['biochem'],
      tier: 'key', recognisedOn: '2025-06-01', recognisedByZh: '重庆市经济和信息化委员会', summaryZh: '生物基化学品发酵放大与分离纯化中试服务',
    });
    const platform = await tf.post<{ id: string }>(`/api/pilot/bases/${base.id}/platforms`, { nameZh: `e2e微生物发酵中试平台${suffix}`, summaryZh: '细菌与酵母发酵放大、分离纯化' });
    await tf.post(`/api/pilot/platforms/${platform.id}/capabilities`, {
      nameZh: names.bigLine, processes: ['发酵', '分离纯化'], organisms: ['bacteria', 'yeast'], volumeMinL: 500, volumeMaxL: 20_000,
      qualityGrade: 'none', biosafetyLevel: 2, descriptionZh: '1,3-丙二醇、丁二酸等生物基化学品发酵放大与分离纯化',
    });
    await tf.post(`/api/pilot/platforms/${platform.id}/capabilities`, {
      nameZh: names.smallLine, processes: ['发酵'], organisms: ['bacteria'], volumeMinL: 5, volumeMaxL: 50,
      qualityGrade: 'none', biosafetyLevel: 2, descriptionZh: '丙二醇发酵工艺小试验证',
    });
    equipment = await tf.post(`/api/pilot/bases/${base.id}/equipment`, {
      nameZh: names.equipment, typeZh: '发酵罐', model: 'BioF-5000', capacityL: 5000, platformId: platform.id, status: 'available',
      priceMemberYuan: 800, priceEnterpriseYuan: 1200, priceInstituteYuan: 900,
    });

    // The institute posts its achievement; the task force publishes it.
    const inst = await apiSession(lab.username, lab.password);
    const achievement = await inst.post<{ id: string }>('/api/pilot/achievements', {
      titleZh: names.achievement, resultZh: '以甘油为底物的1,3-丙二醇高产菌株，已在5 m³发酵罐完成放大，配套分离纯化工艺', trl: 6, scaleReachedL: 5000,
      domain: 'biochem', processes: ['发酵', '分离纯化'], organisms: ['bacteria'], districtCode: '500106', partnerWantedZh: '寻求企业合作开展万升级中试',
    });
    await inst.post(`/api/pilot/achievements/${achievement.id}/submit`);
    await tf.post(`/api/pilot/achievements/${achievement.id}/publish`, {});

    // A pilot project at the base, led by the enterprise, for the board.
    project = await tf.post('/api/pilot/projects', {
      nameZh: names.project, baseId: base.id, leadOrgId: firmOrg.id, districtCode: '500120', domain: 'biochem', stage: 'pilot', summaryZh: '5 m³ 发酵放大验证',
    });
  }, SLOW);

  it('publishes a demand, shows its matches with reasons, and opens the confidential detail only to the accepted responder', async () => {
    // The enterprise posts the demand through the form and submits it for review.
    const ent = await as(firm, '/pilot/demands/new');
    await fillDemand(ent);
    await ent.getByTestId('pilot-form-submit').click();
    await ent.waitForURL(/\/pilot\/demands\/[0-9a-f-]{36}$/, { timeout: 40_000 });
    const demandId = new URL(ent.url()).pathname.split('/').pop()!;
    await ent.locator('[data-testid="pilot-item-state"][data-state="submitted"]').waitFor();
    await ent.getByTestId('pilot-item-awaiting').waitFor();
    const entApi = await apiSession(firm.username, firm.password);
    const { code } = await entApi.get<{ code: string }>(`/api/pilot/demands/${demandId}`);

    // The task force publishes it from the review queue.
    const tf = await as(taskForce, '/pilot/review');
    const row = tf.getByTestId(`pilot-review-row-${code}`);
    await row.waitFor({ timeout: 40_000 });
    expect(await row.innerText()).toContain(names.demand);
    await tf.getByTestId(`pilot-publish-${code}`).click();
    await field(tf, 'pilot-publish-note', 'textarea').fill('公开内容不含保密信息，同意发布');
    await tf.getByTestId('pilot-publish-ok').click();
    await row.waitFor({ state: 'detached' });

    // The enterprise sees it published, with its matches and the reasons.
    await ent.reload();
    await ent.locator('[data-testid="pilot-item-state"][data-state="published"]').waitFor();
    const matches = ent.getByTestId('pilot-matches');
    const achievementMatch = matches.locator('.pilot-match', { hasText: names.achievement });
    await achievementMatch.waitFor({ timeout: 40_000 });
    expect(await achievementMatch.getByTestId('pilot-match-reason').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^工艺匹配/)]));

    await matches.getByTestId('pilot-match-tab-capability').click();
    const lineMatch = matches.locator('.pilot-match', { hasText: names.bigLine });
    await lineMatch.waitFor({ timeout: 40_000 });
    const reasons = await lineMatch.getByTestId('pilot-match-reason').allInnerTexts();
    expect(reasons).toEqual(expect.arrayContaining(['工艺匹配：发酵、分离纯化', '宿主一致：细菌', '位于同一区县']));
    expect(await matches.getByTestId('pilot-match-list').innerText()).not.toContain(names.smallLine);
    const excluded = matches.getByTestId('pilot-match-excluded');
    expect(await excluded.innerText()).toMatch(/另有 \d+ 项因硬性条件被排除/);
    await excluded.locator('.ant-collapse-header').click();
    const ruledOut = excluded.locator('.pilot-match-reasons').filter({ hasText: '最大工作体积' }).first();
    await ruledOut.waitFor();
    expect(await excluded.innerText()).toContain(names.smallLine);
    expect(await ruledOut.innerText()).toContain('最大工作体积 50 L，达不到需求的 5 m³');
    await ent.screenshot({ path: join(ARTIFACTS, 'pilot-demand-matches.png'), fullPage: true });

    // The institute reads the public part only, and responds, offering its achievement.
    const inst = await as(lab, `/pilot/demands/${demandId}`);
    await inst.getByTestId('pilot-item-locked').waitFor({ timeout: 40_000 });
    expect(await inst.getByTestId('pilot-item-public').innerText()).toContain('1,3-丙二醇');
    expect(await inst.getByTestId('pilot-item-confidential').innerText()).not.toContain(SECRET);
    expect(await inst.locator('body').innerText()).not.toContain(SECRET);
    await inst.getByTestId('pilot-respond').click();
    await field(inst, 'pilot-respond-message', 'textarea').fill('我院高产菌株已在 5 m³ 发酵罐完成放大，可配合贵司开展万升级中试。');
    await choose(inst, 'pilot-respond-achievement', names.achievement);
    await inst.getByTestId('pilot-respond-ok').click();
    const mine = inst.getByTestId('pilot-item-responses').locator('tr[data-code]');
    await mine.waitFor();
    const responseCode = (await mine.getAttribute('data-code'))!;
    await mine.locator('[data-stage="responded"]').waitFor();
    await inst.getByTestId('pilot-item-locked').waitFor(); // responding opens nothing yet
    expect(await inst.getByTestId('pilot-item-confidential').innerText()).not.toContain(SECRET);

    // The enterprise opens the response from its demand page and accepts it.
    await ent.reload();
    const received = ent.getByTestId('pilot-item-responses').locator(`tr[data-code="${responseCode}"]`);
    await received.waitFor({ timeout: 40_000 });
    expect(await received.innerText()).toContain(names.lab);
    await ent.getByTestId(`pilot-item-response-${responseCode}`).click();
    await ent.waitForURL(/\/pilot\/responses\/[0-9a-f-]{36}$/);
    const responsePath = new URL(ent.url()).pathname;
    expect(await ent.getByTestId('pilot-response-message-first').innerText()).toContain('5 m³ 发酵罐');
    await ent.getByTestId('pilot-response-accept').click();
    await ent.getByTestId('pilot-response-accept-ok').click();
    await ent.locator('[data-stage="negotiating"]').first().waitFor();
    const hello = `e2e：欢迎来璧山基地考察，下周二上午可安排（${suffix}）`;
    await field(ent, 'pilot-response-message-input', 'textarea').fill(hello);
    await ent.getByTestId('pilot-response-message-send').click();
    await ent.getByTestId('pilot-response-message').filter({ hasText: hello }).waitFor();

    // Now the institute reads the confidential detail, and answers in the thread.
    await inst.reload();
    const confidential = inst.getByTestId('pilot-item-confidential');
    await confidential.getByText(SECRET).waitFor({ timeout: 40_000 });
    expect(await confidential.innerText()).toContain('300 万元');
    expect(await inst.getByTestId('pilot-item-locked').count()).toBe(0);
    await inst.goto(responsePath);
    await inst.getByTestId('pilot-response-message').filter({ hasText: hello }).waitFor({ timeout: 40_000 });
    const reply = `e2e：好的，我们周二上午到，带上菌株资料（${suffix}）`;
    await field(inst, 'pilot-response-message-input', 'textarea').fill(reply);
    await inst.getByTestId('pilot-response-message-send').click();
    await inst.getByTestId('pilot-response-message').filter({ hasText: reply }).waitFor();
    await inst.screenshot({ path: join(ARTIFACTS, 'pilot-response-thread.png'), fullPage: true });

    await ent.reload();
    await ent.getByTestId('pilot-response-message').filter({ hasText: reply }).waitFor({ timeout: 40_000 });
    expect(await ent.getByTestId('pilot-response-message').allInnerTexts()).toHaveLength(2);
  }, SLOW);

  /** The demand form, every field a user would fill; the selects by their visible options. */
  async function fillDemand(page: Page) {
    await field(page, 'pilot-form-title').fill(names.demand);
    await choose(page, 'pilot-form-domain', '生物化工与生物基材料');
    await choose(page, 'pilot-form-district', '璧山区', '璧山');
    await field(page, 'pilot-form-summary', 'textarea').fill('以甘油为底物的1,3-丙二醇工程菌发酵，需从 50 L 放大到 5000 L，并完成分离纯化');
    await field(page, 'pilot-form-problem', 'textarea').fill('1,3-丙二醇发酵放大：50 L 小试已稳定，需在 5 m³ 规模验证发酵与分离纯化工艺');
    await field(page, 'pilot-form-product').fill('1,3-丙二醇');
    await choose(page, 'pilot-form-processes', '发酵', undefined, true);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '分离纯化' }).first().click();
    await page.keyboard.press('Escape');
    await choose(page, 'pilot-form-organism', '细菌');
    await field(page, 'pilot-form-scale').fill('5000');
    await choose(page, 'pilot-form-trl', 'TRL 6');
    const deadline = field(page, 'pilot-form-deadline');
    await deadline.click();
    await deadline.fill(cqDate(200));
    await deadline.press('Enter');
    await field(page, 'pilot-form-budget').fill('300');
    await field(page, 'pilot-form-detail', 'textarea').fill(SECRET);
  }

  it('shows the base on the map and its equipment; books a slot with its price, refuses a clash, and the base approves', async () => {
    // The map: the base and its capabilities; a 5,000 L scale leaves the 50 L line out.
    const ent = await as(firm, '/pilot');
    const baseRow = ent.getByTestId(`pilot-atlas-row-${base.code}`).first();
    await baseRow.waitFor({ timeout: 40_000 });
    expect(Number(await ent.getByTestId('pilot-atlas-total').getAttribute('data-value'))).toBeGreaterThanOrEqual(1);
    expect(Number(await ent.getByTestId('pilot-atlas-tier-key').getAttribute('data-value'))).toBeGreaterThanOrEqual(1);
    expect(Number(await ent.getByTestId('pilot-atlas-map').getAttribute('data-points'))).toBeGreaterThanOrEqual(1);
    const table = ent.getByTestId('pilot-atlas-table');
    await table.getByText(names.smallLine).waitFor();
    await field(ent, 'pilot-atlas-scale').fill('5000');
    await ent.waitForURL(/scaleL=5000/);
    await table.getByText(names.smallLine).waitFor({ state: 'detached' });
    await table.getByText(names.bigLine).waitFor();
    expect(await table.innerText()).toContain(names.base);
    await ent.screenshot({ path: join(ARTIFACTS, 'pilot-atlas.png'), fullPage: true });

    // The base page lists its equipment with the hourly prices; the item opens its calendar.
    await table.getByTestId('pilot-atlas-base-link').filter({ hasText: names.base }).first().click();
    await ent.waitForURL(new RegExp(`/pilot/bases/${base.id}`));
    await ent.getByTestId('pilot-base-tab-equipment').click();
    const item = ent.getByTestId(`pilot-equipment-row-${equipment.code}`);
    await item.waitFor();
    expect(await item.innerText()).toContain(names.equipment);
    expect(await item.innerText()).toContain('1,200 元');

    // Next week, 09:00–10:00: the institute picks it first, then the enterprise books it.
    const day = cqDate(7);
    const calendarPath = `/pilot/equipment/${equipment.id}?date=${day}`;
    const inst = await as(lab, calendarPath);
    const pickNine = async (page: Page) => {
      const column = page.getByTestId(`pilot-calendar-day-${day}`);
      await column.waitFor({ timeout: 40_000 });
      await column.click({ position: { x: 20, y: 9 * 30 + 15 } });
      await expect.poll(() => field(page, 'pilot-booking-from').inputValue()).toBe('09:00');
      expect(await field(page, 'pilot-booking-to').inputValue()).toBe('10:00');
    };
    await pickNine(inst);
    await field(inst, 'pilot-booking-purpose', 'textarea').fill('菌株 5 m³ 放大验证');

    await item.getByTestId('pilot-equipment-calendar-link').click();
    await ent.waitForURL(new RegExp(`/pilot/equipment/${equipment.id}`));
    await ent.getByTestId('pilot-calendar-next').click();
    await pickNine(ent);
    await field(ent, 'pilot-booking-purpose', 'textarea').fill('1,3-丙二醇发酵工艺放大验证');
    await ent.getByTestId('pilot-booking-submit').click();
    const booked = ent.getByTestId('pilot-booking-result');
    await booked.waitFor({ timeout: 40_000 });
    expect(await ent.getByTestId('pilot-booking-price').innerText()).toBe('1,200 元');
    expect(await booked.innerText()).toContain('按企业价');
    expect(await booked.innerText()).toContain('待审批');
    const bookingCode = (await booked.innerText()).match(/已提交预约 (\S+)，/)?.[1];
    expect(bookingCode).toBeTruthy();
    await ent.locator(`[data-testid="pilot-calendar-day-${day}"] [data-testid="pilot-calendar-slot"][data-mine="true"]`).waitFor();
    await ent.screenshot({ path: join(ARTIFACTS, 'pilot-equipment-booked.png'), fullPage: true });

    // The institute's page did not know: the server refuses the overlapping request, and says why.
    await inst.getByTestId('pilot-booking-submit').click();
    const refusal = inst.getByTestId('pilot-booking-refusal');
    await refusal.waitFor({ timeout: 40_000 });
    expect(await refusal.getAttribute('data-status')).toBe('409');
    expect(await refusal.innerText()).toContain(`该时段已被预约 ${bookingCode} 占用`);
    await inst.locator('.ant-form-item-explain-error').filter({ hasText: bookingCode! }).first().waitFor();
    expect(await inst.getByTestId('pilot-booking-result').count()).toBe(0);
    await inst.screenshot({ path: join(ARTIFACTS, 'pilot-booking-refused.png'), fullPage: true });

    // The base keeper approves it from its queue.
    const kp = await as(keeper, '/pilot/bookings');
    const queued = kp.getByTestId(`pilot-booking-row-${bookingCode}`);
    await queued.waitFor({ timeout: 40_000 });
    expect(await queued.getAttribute('data-state')).toBe('requested');
    expect(await queued.innerText()).toContain(names.firm);
    await queued.getByTestId('pilot-booking-approve').click();
    await kp.getByTestId('pilot-booking-approve-ok').click();
    await kp.locator(`[data-testid="pilot-booking-row-${bookingCode}"][data-state="approved"]`).waitFor();

    // The enterprise finds it approved among its bookings.
    await ent.goto('/pilot/bookings');
    await ent.locator(`[data-testid="pilot-booking-row-${bookingCode}"][data-state="approved"]`).waitFor({ timeout: 40_000 });
  }, SLOW);

  it('shows projects by stage and on the board, the one-stop figures and routes, and a request filed under 我的申请', async () => {
    const tfApi: ApiSession = await apiSession(taskForce.username, taskForce.password);
    const before = await tfApi.get<{ total: { requests: number } }>('/api/pilot/services/stats');

    const ent = await as(firm, '/pilot/projects');
    const pilotCount = ent.getByTestId('pilot-project-count-pilot');
    await pilotCount.waitFor({ timeout: 40_000 });
    expect(Number(await pilotCount.locator('.project-count-value').innerText())).toBeGreaterThanOrEqual(1);
    const card = ent.getByTestId(`pilot-project-card-${project.code}`);
    await card.waitFor();
    expect(await card.innerText()).toContain(names.project);
    expect(await ent.locator('.project-column[data-stage="pilot"]').getByTestId(`pilot-project-card-${project.code}`).count()).toBe(1);
    await ent.screenshot({ path: join(ARTIFACTS, 'pilot-projects.png'), fullPage: true });

    await ent.goto('/pilot/services');
    const figures = ent.getByTestId('pilot-services-figures');
    await figures.waitFor({ timeout: 40_000 });
    expect(await ent.getByTestId('pilot-services-figure-requests').innerText()).toContain(String(before.total.requests));
    const routes = ent.getByTestId('pilot-service-routes');
    await routes.getByText('重庆海关').first().waitFor();
    expect(await routes.locator('tr.ant-table-row').count()).toBe(13);
    expect(await routes.innerText()).toContain('重庆市生态环境局');

    await ent.getByTestId('pilot-service-file').click();
    await choose(ent, 'pilot-service-request-category', '环境保护 · 重庆市生态环境局');
    const route = ent.getByTestId('pilot-service-request-route');
    await route.waitFor();
    expect(await route.innerText()).toContain('承办：重庆市生态环境局 · 时限 15 天');
    const title = `e2e 5 m³ 发酵中试车间环评审批（${suffix}）`;
    await field(ent, 'pilot-service-request-title').fill(title);
    await field(ent, 'pilot-service-request-detail', 'textarea').fill('璧山基地新建 5 m³ 发酵中试车间，申请环境影响评价审批。');
    await ent.getByTestId('pilot-service-request-ok').click();
    await ent.waitForURL(/\/pilot\/services\/requests\/[0-9a-f-]{36}$/, { timeout: 40_000 });
    await ent.getByText(title).first().waitFor();

    await ent.goto('/pilot/services');
    const mine = ent.getByTestId('pilot-service-requester-table');
    await mine.getByText(title).waitFor({ timeout: 40_000 });
    expect(await mine.innerText()).toContain('重庆市生态环境局');
    await expect.poll(() => ent.getByTestId('pilot-services-figure-requests').innerText()).toContain(String(before.total.requests + 1));
    await ent.screenshot({ path: join(ARTIFACTS, 'pilot-services.png'), fullPage: true });
  }, SLOW);
});
