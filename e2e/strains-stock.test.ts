/**
 * The strain bank's stock and sharing, end to end.
 *
 * 1. A curator registers a freezer through the form, finds a lot (prepared through the API) in
 *    the lots table and in the freezer's box grid, and records a withdrawal in the lot's drawer:
 *    the ledger shows the balance after it, and the alerts panel counts the strain left unstocked.
 * 2. An enterprise requests the strain: the form shows its lab's level against the strain's and the
 *    MTA, and takes the request only once the MTA is accepted; the curator approves it from the
 *    queue and ships it from the lot (the stock falls by the vials shipped); the enterprise
 *    confirms receipt on the request's page.
 *
 * The e2e server starts without demo data: organisations, people, the lab and two accessioned
 * strains are recorded through the API first.
 */
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSession, type ApiSession } from './api';
import { field, launch, newPage, signIn } from './browser';

const SLOW = 180_000;

/** Opens an antd Select by its data-testid and clicks the option with this text. */
async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await open.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  await open.first().waitFor({ state: 'hidden' }).catch(() => {});
}

/** One browser for the file; each person signs in in a context of their own, closed after the test. */
function usePeople() {
  let browser: Browser;
  const open: BrowserContext[] = [];
  beforeAll(async () => { browser = await launch(); });
  afterAll(async () => { await browser?.close(); });
  afterEach(async () => { await Promise.all(open.splice(0).map((c) => c.close())); });
  return async (who: { username: string; password: string }, next: string): Promise<Page> => {
    const { context, page } = await newPage(browser);
    open.push(context);
    await signIn(page, who.username, who.password, next);
    return page;
  };
}

describe('strain stock and sharing in the browser', () => {
  const as = usePeople();
  const suffix = randomBytes(3).toString('hex');
  const curator = { username: `e2e.stock.cur.${suffix}`, password: 'Stock#Curator-2027' };
  const firm = { username: `e2e.stock.ent.${suffix}`, password: 'Stock#Request-2027' };
  const freezerCode = `F80-${suffix}`.toUpperCase();
  let admin: ApiSession;
  let strain: { id: string; accession: string };
  let lot: { id: string; code: string };

  /** A deposit by the enterprise, taken by the administrator (a curator) through to accession. */
  async function accessioned(ent: ApiSession, designation: string) {
    const s = await ent.post<{ id: string }>('/api/strains/deposits', {
      organismKind: 'bacterium', genus: 'Bacillus', species: 'subtilis', strainDesignation: designation, nameZh: '枯草芽孢杆菌',
      lineage: { domain: 'Bacteria', phylum: 'Bacillota', class: 'Bacilli', order: 'Bacillales', family: 'Bacillaceae' }, typeStrain: false, otherNumbers: [],
      depositorNameZh: '张研究员', historyZh: '分离自重庆璧山土壤', depositedOn: '2025-03-01', isolationSourceZh: '土壤', isolationPlaceZh: '重庆市璧山区',
      isolationCountry: 'CN', mediumZh: 'LB 培养基', growthTemperatureC: 37, atmosphere: 'aerobic', applicationsZh: ['蛋白酶生产'], products: [], enzymes: [], tolerances: [], keyGenes: [],
      literature: [], hazardClass: null, biosafetyLevel: 1, gmo: false, exportControl: false, nagoyaAbs: false, restrictionNoteZh: null,
    });
    await admin.post(`/api/strains/${s.id}/receive`, { receivedOn: '2025-03-05', receivedConditionZh: '完好', receivedMaterialZh: '冻干管 2 支' });
    for (const kind of ['purity', 'viability', 'identity']) await admin.post(`/api/strains/${s.id}/checks`, { kind, passed: true, methodZh: '平板划线', resultZh: '合格', testedOn: '2025-03-10' });
    await admin.post(`/api/strains/${s.id}/mark-checked`, {});
    return admin.post<{ id: string; accession: string }>(`/api/strains/${s.id}/accession`, {});
  }

  beforeAll(async () => {
    admin = await apiSession('admin', inject('adminPassword'));
    const org = (kind: string, nameZh: string) => admin.post<{ id: string }>('/api/admin/organisations', { kind, nameZh, districtCode: '500120' });
    const bank = await org('other', `e2e重庆市生物菌种资源库${suffix}`);
    const firmOrg = await org('enterprise', `e2e璧山合成生物有限公司${suffix}`);
    await admin.post('/api/admin/users', { ...curator, displayName: '菌种库管理员（e2e）', roles: ['curator'], organisationId: bank.id });
    await admin.post('/api/admin/users', { ...firm, displayName: '企业联系人（e2e）', roles: ['enterprise'], organisationId: firmOrg.id });
    const ent = await apiSession(firm.username, firm.password);
    await ent.post('/api/biosafety-labs', { nameZh: `e2e发酵实验室${suffix}`, biosafetyLevel: 2, certificateNo: `BL-${suffix}`, certifiedOn: '2025-01-01', certificateExpiresOn: '2029-12-31' });
    strain = await accessioned(ent, `CQ-${suffix}`);
    await accessioned(ent, `CQ-${suffix}-B`);
    lot = await admin.post<{ id: string; code: string }>('/api/strain-lots', { strainId: strain.id, method: 'glycerol80', preparedOn: '2026-01-05', vialsPrepared: 20, alertLevel: 5, viabilityIntervalMonths: 12 });
  }, SLOW);

  it('registers a freezer, places a lot in it, and records a withdrawal in the ledger', async () => {
    const page = await as(curator, '/strains/stock?tab=freezers');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.getByTestId('strains-location-new').click();
    await field(page, 'strains-location-code').fill(freezerCode);
    await field(page, 'strains-location-name').fill('e2e 超低温冰箱');
    await page.getByTestId('strains-location-ok').click();
    await page.getByTestId(`strains-freezer-${freezerCode}`).waitFor();
    const freezer = (await admin.get<{ items: { id: string; code: string }[] }>('/api/storage-locations')).items.find((l) => l.code === freezerCode)!;
    await admin.patch(`/api/strain-lots/${lot.id}`, { locationId: freezer.id, rack: 'R3', box: 'B12', position: 'A7' });

    await page.getByTestId(`strains-freezer-${freezerCode}`).click();
    await page.getByTestId('strains-position-A7').click();
    const drawer = page.getByTestId('strains-lot-drawer');
    await drawer.getByText(strain.accession).first().waitFor();
    await page.getByTestId('strains-lot-move').click();
    await field(page, 'strains-move-vials').fill('3');
    await field(page, 'strains-move-reason', 'textarea').fill('发酵条件优化试验');
    await page.getByTestId('strains-move-ok').click();
    await expect.poll(async () => (await page.getByTestId('strains-lot-on-hand').innerText()).trim()).toBe('17');
    await page.getByTestId('strains-lot-ledger').getByText('发酵条件优化试验').waitFor();
    await page.keyboard.press('Escape');

    // The other accessioned strain has no lot: the alerts panel counts it.
    await page.goto('/strains/stock');
    await page.getByTestId(`strains-lot-row-${lot.code}`).waitFor();
    expect(Number(await page.getByTestId('strains-alert-unstocked').locator('.ant-statistic-content-value').innerText())).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: 'e2e/artifacts/strains-stock.png', fullPage: true });
    expect(errors).toEqual([]);
  }, SLOW);

  it('takes a request with the MTA, lets the curator approve and ship it from the lot, and the requester confirm receipt', async () => {
    const page = await as(firm, `/strains/requests?strainId=${strain.id}`);
    await page.getByTestId('strains-request-strain').getByText(strain.accession).waitFor();
    await page.getByTestId('strains-mta').waitFor();
    await choose(page, 'strains-request-lab', `e2e发酵实验室${suffix}`);
    await field(page, 'strains-request-purpose', 'textarea').fill('耐热蛋白酶发酵工艺开发');
    await page.getByTestId('strains-request-ok').click();
    // Not without the MTA accepted.
    await page.getByText('须接受材料转移协议').first().waitFor();
    await page.getByTestId('strains-request-accept').check();
    await page.getByTestId('strains-request-ok').click();
    await page.waitForURL(/\/strains\/requests\/[0-9a-f-]{36}$/);
    await page.getByTestId('strains-request-status').filter({ hasText: '已提交' }).waitFor();
    const requestId = page.url().split('/').pop()!;

    const desk = await as(curator, '/strains/requests');
    const row = desk.locator('[data-testid^="strains-request-row-"]', { hasText: strain.accession });
    await row.getByTestId('strains-request-approve').click();
    await desk.getByTestId('strains-request-approve-ok').click();
    await desk.getByTestId('strains-requests-tab-shipment').click();
    await row.getByTestId('strains-request-ship').click();
    await choose(desk, 'strains-ship-lot', lot.code);
    await field(desk, 'strains-ship-carrier').fill('顺丰冷运');
    await field(desk, 'strains-ship-tracking').fill(`SF${suffix}`);
    await desk.getByTestId('strains-ship-ok').click();
    await expect.poll(async () => (await admin.get<{ status: string }>(`/api/sharing-requests/${requestId}`)).status).toBe('shipped');
    expect((await admin.get<{ vialsOnHand: number }>(`/api/strain-lots/${lot.id}`)).vialsOnHand).toBe(16);

    await page.reload();
    await page.getByTestId('strains-request-shipment').getByText(`SF${suffix}`).waitFor();
    await page.getByTestId('strains-request-receive').click();
    await page.getByTestId('strains-request-receive-ok').click();
    await page.getByTestId('strains-request-status').filter({ hasText: '已签收' }).waitFor();
    await page.screenshot({ path: 'e2e/artifacts/strains-request.png', fullPage: true });
  }, SLOW);
});
