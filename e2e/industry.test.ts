/**
 * The industry map, end to end: the task force opens the district map (38 districts) beside the
 * cockpit with its warning about unverified figures; a search for 丙二醇 finds the chain node
 * 1,3-丙二醇 and the firm that makes it; a chain shows its gaps; an Excel import with one bad
 * credit code lists that row's problem and writes nothing, and the corrected file imports; on the
 * leads page the task force adds a promotion event and sets a stage's response clock, and sees the
 * pipeline as a board and a table, with two districts chasing one company until it decides.
 *
 * The e2e server starts without the demo data set, so the test records what it needs through
 * the API first: a task force user, an enterprise user, two enterprises and their figures.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { creditCodeCheckChar } from '../apps/server/src/platform/identity/credit-code';
import { addTaskForceUser, apiSession } from './api';
import { field, signIn, useBrowserPage } from './browser';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const SLOW = 180_000; // two cores: the server, chromium and vitest share them

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A random valid 统一社会信用代码 in a district (the platform's own GB 32100 check character). */
function creditCode(district: string): string {
  const body = `91${district}MA${Array.from(randomBytes(7), (b) => ALPHABET[b % ALPHABET.length]).join('')}`;
  return body + creditCodeCheckChar(body);
}

/** The same code with a wrong check character. */
const broken = (code: string) => code.slice(0, 17) + ALPHABET[(ALPHABET.indexOf(code[17]) + 1) % ALPHABET.length];

async function enterprisesFile(path: string, rows: [string, string, string, string][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名录');
  ws.addRow(['统一社会信用代码', '企业名称', '所在区县', '主要产品']);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(path);
}

/** Opens the import dialog of the enterprise list and sends a file through its dragger. */
async function importFile(page: Page, path: string) {
  await page.getByTestId('enterprise-import-open').click();
  const input = page.locator('.ant-modal input[type="file"]');
  await input.waitFor({ state: 'attached' });
  await input.setInputFiles(path);
}

describe('the industry map in the browser', () => {
  const b = useBrowserPage();

  const suffix = randomBytes(3).toString('hex');
  const taskForce = { username: `e2e.ind.tf.${suffix}`, password: 'Industry#Map-2027' };
  const firmUser = { username: `e2e.ind.ent.${suffix}`, password: 'Report#Figures-2027' };
  const year = new Date().getFullYear() - 1;
  const maker = { nameZh: `e2e丙二醇示例生物科技有限公司${suffix}`, creditCode: creditCode('500102') };
  const large = { nameZh: `e2e生物基材料示例股份有限公司${suffix}`, creditCode: creditCode('500115') };
  const files = mkdtempSync(join(tmpdir(), 'cqb-e2e-industry-'));

  beforeAll(async () => {
    const admin = await apiSession('admin', inject('adminPassword'));
    const firmOrg = await admin.post<{ id: string }>('/api/admin/organisations', { kind: 'enterprise', nameZh: maker.nameZh, districtCode: '500102' });
    await addTaskForceUser(admin, { ...taskForce, displayName: `e2e 产业专班 ${suffix}` });
    await admin.post('/api/admin/users', { username: firmUser.username, displayName: `e2e 企业填报 ${suffix}`, roles: ['enterprise'], organisationId: firmOrg.id, password: firmUser.password });

    const tf = await apiSession(taskForce.username, taskForce.password);
    const made = await tf.post<{ id: string }>('/api/industry/enterprises', {
      ...maker, districtCode: '500102', domains: ['biochem'], products: ['1,3-丙二醇'], organisationId: firmOrg.id,
    });
    await tf.put(`/api/industry/enterprises/${made.id}/chain-nodes`, { nodeCodes: ['biochem.pdo'] });
    const big = await tf.post<{ id: string }>('/api/industry/enterprises', {
      ...large, districtCode: '500115', domains: ['biochem'], products: ['生物基聚酯'], origin: 'attracted', landedOn: `${year}-03-01`,
    });
    // The task force's statistics-bureau figures count at once; the firm's own report awaits its district.
    await tf.put(`/api/industry/enterprises/${big.id}/figures/${year}`, { revenueWan: 620_000, source: 'statistics' });
    const firm = await apiSession(firmUser.username, firmUser.password);
    await firm.put(`/api/industry/enterprises/${made.id}/figures/${year}`, { revenueWan: 88_000 });
  }, SLOW);

  it('shows the 38 districts on the map and warns that unverified figures do not count', async () => {
    const page = b.page;
    await signIn(page, taskForce.username, taskForce.password, '/industry');
    const map = page.locator('[data-testid="district-map"][data-regions="38"]');
    await map.waitFor({ timeout: 40_000 });
    await map.locator('canvas').first().waitFor();
    expect(await page.getByTestId('district-map-caption').innerText()).toContain('38 个区县');

    const alert = page.getByTestId('unverified-alert');
    await alert.waitFor();
    expect(Number(await alert.getAttribute('data-unverified'))).toBeGreaterThanOrEqual(1);
    expect(await alert.innerText()).toContain('只有已核实的数据计入目标');
    await page.getByTestId('rollup-scale').waitFor();
    await page.getByTestId('tier-50').waitFor();
    await page.locator('[data-testid="chart-scale-by-year"] canvas').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'industry-map.png'), fullPage: true });
  }, SLOW);

  it('finds 1,3-丙二醇 and the firm that makes it when searching 丙二醇', async () => {
    const page = b.page;
    await signIn(page, taskForce.username, taskForce.password, '/industry');
    const box = field(page, 'industry-search');
    await box.waitFor();
    await box.fill('丙二醇');
    await box.press('Enter');
    await page.waitForURL(/\/industry\/search\?q=/);
    const node = page.getByTestId('search-node').first();
    await node.waitFor();
    expect(await node.innerText()).toContain('1,3-丙二醇');
    await page.getByTestId('search-enterprises').getByText(maker.nameZh).waitFor();
    expect(await page.getByTestId('search-products').innerText()).toContain('1,3-丙二醇');
    await page.screenshot({ path: join(ARTIFACTS, 'industry-search.png'), fullPage: true });
  }, SLOW);

  it('draws a chain with its gaps to fill', async () => {
    const page = b.page;
    await signIn(page, taskForce.username, taskForce.password, '/industry/chains');
    await page.waitForURL(/\/industry\/chains\/biochem/);
    const graph = page.getByTestId('chain-graph');
    await graph.locator('canvas').first().waitFor({ timeout: 40_000 });
    expect(Number(await graph.getAttribute('data-gaps'))).toBeGreaterThan(0);
    const gap = page.locator('[data-testid="chain-nodes-table"] tr[data-standing="gap"]').first();
    await gap.waitFor();
    expect(await gap.innerText()).toContain('补链');
    // 1,3-丙二醇 has the firm recorded above: no longer a gap.
    expect(await page.locator('[data-testid="chain-nodes-table"] tr[data-code="biochem.pdo"]').getAttribute('data-standing')).not.toBe('gap');
    await page.getByTestId('investment-targets').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'industry-chain.png'), fullPage: true });
  }, SLOW);

  it('lists the row with a bad credit code and imports nothing, then imports the corrected file', async () => {
    const page = b.page;
    const good = { nameZh: `e2e导入示例发酵有限公司${suffix}`, creditCode: creditCode('500120') };
    const bad = { nameZh: `e2e导入示例酶制剂有限公司${suffix}`, creditCode: creditCode('500120') };
    const badFile = join(files, 'enterprises-bad.xlsx');
    const goodFile = join(files, 'enterprises-good.xlsx');
    await enterprisesFile(badFile, [[good.creditCode, good.nameZh, '璧山区', '功能蛋白'], [broken(bad.creditCode), bad.nameZh, '璧山区', '酶制剂']]);
    await enterprisesFile(goodFile, [[good.creditCode, good.nameZh, '璧山区', '功能蛋白'], [bad.creditCode, bad.nameZh, '璧山区', '酶制剂']]);

    await signIn(page, taskForce.username, taskForce.password, '/industry/enterprises');
    await page.getByTestId('enterprises-table').waitFor();
    await importFile(page, badFile);
    const problems = page.getByTestId('enterprise-import-problems');
    await problems.waitFor({ timeout: 40_000 });
    const rows = problems.locator('.ant-table-tbody tr.ant-table-row');
    expect(await rows.count()).toBe(1);
    const row = await rows.first().innerText();
    expect(row).toMatch(/^\s*3\b/); // the sheet's row 3: header, the good row, then the bad one
    expect(row).toContain('统一社会信用代码');
    expect(row).toContain('校验码错误');
    await page.screenshot({ path: join(ARTIFACTS, 'industry-import-problems.png') });

    await page.getByTestId('enterprise-import-again').click();
    const input = page.locator('.ant-modal input[type="file"]');
    await input.waitFor({ state: 'attached' });
    await input.setInputFiles(goodFile);
    const done = page.getByTestId('enterprise-import-done');
    await done.waitFor({ timeout: 40_000 });
    expect(await done.innerText()).toContain('导入完成');
    await page.getByTestId('enterprise-import-close').click();
    await field(page, 'enterprises-search').fill(good.nameZh);
    await page.getByTestId('enterprises-table').getByText(good.nameZh).waitFor();
  }, SLOW);
  it('lists the promotion event the task force adds, and shows the response clock it sets', async () => {
    const page = b.page;
    const event = { nameZh: `e2e 生物制造产业招商推介会 ${suffix}`, heldOn: `${year + 1}-05-20`, placeZh: '璧山区' };
    await signIn(page, taskForce.username, taskForce.password, '/industry/leads');
    await page.getByTestId('lead-events-table').waitFor();
    await page.getByTestId('event-add').click();
    await field(page, 'event-name').fill(event.nameZh);
    const date = field(page, 'event-date');
    await date.fill(event.heldOn);
    await date.press('Enter');
    await field(page, 'event-place').fill(event.placeZh);
    await page.getByTestId('event-form-submit').click();
    const row = page.getByTestId('lead-events-table').locator('tr.ant-table-row', { hasText: event.nameZh });
    await row.waitFor();
    expect(await row.innerText()).toContain(event.heldOn);
    expect(await row.innerText()).toContain(event.placeZh);

    const clocks = page.getByTestId('lead-clocks');
    await clocks.locator('[data-stage="negotiating"]').waitFor();
    await page.getByTestId('clocks-set').click();
    const days = field(page, 'clock-days-negotiating');
    await days.fill('21');
    await page.getByTestId('clocks-form-submit').click();
    await clocks.locator('[data-stage="negotiating"][data-days="21"]').waitFor();
    expect(await clocks.locator('[data-stage="negotiating"]').innerText()).toBe('21 天');
    await page.screenshot({ path: join(ARTIFACTS, 'industry-leads-events-clocks.png'), fullPage: true });
  }, SLOW);

  it('shows the pipeline as a board and a table, and two districts on one company until the task force decides', async () => {
    const page = b.page;
    const tf = await apiSession(taskForce.username, taskForce.password);
    const target = `e2e某合成生物集团${suffix}`;
    const bishan = await tf.post<{ code: string }>('/api/industry/leads', { targetNameZh: `${target}有限公司`, ownerDistrictCode: '500120', chainNodeCode: 'biochem.pdo' });
    const changshou = await tf.post<{ code: string }>('/api/industry/leads', { targetNameZh: `${target}股份有限公司`, ownerDistrictCode: '500115' });
    await signIn(page, taskForce.username, taskForce.password, '/industry/leads');
    await page.getByTestId(`lead-card-${bishan.code}`).waitFor();
    await page.getByTestId(`lead-card-${changshou.code}`).waitFor();
    const overlap = page.getByTestId('overlap-item').filter({ hasText: target });
    await overlap.waitFor();
    expect(await overlap.innerText()).toMatch(/璧山区[\s\S]*长寿区|长寿区[\s\S]*璧山区/);
    await page.screenshot({ path: join(ARTIFACTS, 'industry-leads-board.png'), fullPage: true });
    await overlap.getByTestId('overlap-decide').click();
    await page.getByTestId(`overlap-primary-${bishan.code}`).click();
    await page.getByTestId('overlap-decide-ok').click();
    await page.getByTestId('overlap-item').filter({ hasText: target }).waitFor({ state: 'detached' });
    await page.getByTestId('leads-view').getByText('列表').click();
    const table = page.getByTestId('leads-table');
    await table.getByText(bishan.code).waitFor();
    await table.getByText(changshou.code).waitFor();
  }, SLOW);
});
