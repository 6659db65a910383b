/**
 * The strain bank's records, end to end.
 *
 * 1. An enterprise submits a deposit through the form; a curator receives it on the strain's page,
 *    (three tests recorded through the API) marks it checked and gives it its CQMCC number; the
 *    catalogue finds it by its Chinese name.
 * 2. Another enterprise opens a restricted strain and reads its public summary with the notice;
 *    the germplasm and labs pages draw their content.
 *
 * The e2e server starts without demo data: organisations and people are recorded through the API.
 */
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSession, type ApiSession } from './api';
import { field, launch, newPage, signIn } from './browser';

const SLOW = 180_000;

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

/** Clicks the primary button of the open Popconfirm. */
const confirm = (page: Page) => page.locator('.ant-popconfirm:not(.ant-popover-hidden) .ant-btn-primary').first().click();

describe('strain records in the browser', () => {
  const as = usePeople();
  const suffix = randomBytes(3).toString('hex');
  const curator = { username: `e2e.rec.cur.${suffix}`, password: 'Records#Curator-2027' };
  const firm = { username: `e2e.rec.ent.${suffix}`, password: 'Records#Deposit-2027' };
  const other = { username: `e2e.rec.oth.${suffix}`, password: 'Records#Other-2027' };
  const nameZh = `谷氨酸棒杆菌${suffix}`;
  let admin: ApiSession;

  beforeAll(async () => {
    admin = await apiSession('admin', inject('adminPassword'));
    const org = (kind: string, n: string) => admin.post<{ id: string }>('/api/admin/organisations', { kind, nameZh: n, districtCode: '500120' });
    const bank = await org('bank', `e2e菌种库${suffix}`);
    await admin.post('/api/admin/users', { ...curator, displayName: '菌种库管理员（e2e）', roles: ['curator'], organisationId: bank.id });
    await admin.post('/api/admin/users', { ...firm, displayName: '保藏企业（e2e）', roles: ['enterprise'], organisationId: (await org('enterprise', `e2e保藏企业${suffix}`)).id });
    await admin.post('/api/admin/users', { ...other, displayName: '其他企业（e2e）', roles: ['enterprise'], organisationId: (await org('enterprise', `e2e其他企业${suffix}`)).id });
  }, SLOW);

  it('takes a deposit from the form to its CQMCC number, and finds it in the catalogue', async () => {
    const page = await as(firm, '/strains/deposits?tab=submit');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await field(page, 'records-form-genus').fill('Corynebacterium');
    await field(page, 'records-form-species').fill('glutamicum');
    await field(page, 'records-form-designation').fill(`CQ-${suffix}`);
    await field(page, 'records-form-namezh').fill(nameZh);
    await page.getByTestId('records-deposit-submit').click();
    await page.waitForURL(/\/strains\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    await expect.poll(() => page.getByTestId('records-status').first().innerText()).toContain('已提交');

    const cur = await as(curator, `/strains/${id}`);
    await cur.getByTestId('records-action-receive').click();
    await field(cur, 'records-receive-condition').fill('包装完好');
    await field(cur, 'records-receive-material').fill('冻干管 2 支');
    await cur.getByTestId('records-receive-ok').click();
    await expect.poll(() => cur.getByTestId('records-status').first().innerText()).toContain('已接收');
    const api = await apiSession(curator.username, curator.password);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    for (const kind of ['purity', 'viability', 'identity']) await api.post(`/api/strains/${id}/checks`, { kind, passed: true, methodZh: '平板划线 / 16S', resultZh: '合格', testedOn: today });
    await cur.reload();
    await cur.getByTestId('records-checks').getByText('16S').first().waitFor();
    await cur.getByTestId('records-action-mark-checked').click();
    await confirm(cur);
    await expect.poll(() => cur.getByTestId('records-status').first().innerText()).toContain('检测合格');
    await cur.getByTestId('records-action-accession').click();
    await confirm(cur);
    await expect.poll(() => cur.getByTestId('records-status').first().innerText()).toContain('已保藏');
    const accession = (await api.get<{ accession: string }>(`/api/strains/${id}`)).accession;
    expect(accession).toMatch(/^CQMCC \d+$/);
    await cur.getByText(accession).first().waitFor();

    await page.goto(`/strains?q=${encodeURIComponent(nameZh)}`);
    await page.getByTestId(`records-strain-link-${id}`).waitFor();
    expect(await page.getByTestId('records-catalogue-table').innerText()).toContain(accession);
    await page.screenshot({ path: 'e2e/artifacts/strains-catalogue.png', fullPage: true });
    expect(errors).toEqual([]);
  }, SLOW);

  it('shows another organisation a restricted strain as its public summary, and draws germplasm and labs', async () => {
    const s = await admin.post<{ id: string }>('/api/strains/deposits', {
      organismKind: 'bacterium', genus: 'Brucella', species: 'melitensis', strainDesignation: `M5-${suffix}`, nameZh: '羊种布鲁氏菌', hazardClass: 2, biosafetyLevel: 3,
      isolationPlaceZh: `绝密分离地${suffix}`, applicationsZh: ['疫苗研究'],
    });
    await admin.post(`/api/strains/${s.id}/receive`, { receivedOn: '2026-01-05', receivedConditionZh: '完好', receivedMaterialZh: '冻干管' });
    for (const kind of ['purity', 'viability', 'identity']) await admin.post(`/api/strains/${s.id}/checks`, { kind, passed: true, methodZh: '平板', resultZh: '合格', testedOn: '2026-01-10' });
    await admin.post(`/api/strains/${s.id}/mark-checked`, {});
    await admin.post(`/api/strains/${s.id}/accession`, {});
    await admin.post('/api/germplasm', { kind: 'plant', nameZh: `黄连${suffix}`, latinName: 'Coptis chinensis', siteZh: '金佛山', siteLat: 29.02, siteLon: 107.18 });

    const page = await as(other, `/strains/${s.id}`);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.getByTestId('records-summary-notice').waitFor();
    expect(await page.getByTestId('records-view').innerText()).toContain('公开摘要');
    expect(await page.content()).not.toContain(`绝密分离地${suffix}`);

    await page.goto('/strains/germplasm');
    await page.getByTestId('records-germplasm-sites').waitFor();
    await page.getByText(`黄连${suffix}`).first().waitFor();
    await page.goto('/strains/labs');
    await page.getByTestId('records-labs-table').getByText('重庆市疾病预防控制中心').first().waitFor();
    await page.screenshot({ path: 'e2e/artifacts/strains-labs.png', fullPage: true });
    expect(errors).toEqual([]);
  }, SLOW);
});
