/**
 * The pages of issue #6 outside the challenge flow (which e2e/challenges.test.ts walks), each
 * opened in the browser by the task force: the technology-need catalog, innovation platforms
 * (seeded from the plan) and one platform's page, the IP list and the infringement queue, the
 * expert directory with an expert recorded through the API, the committee, talent and education.
 * Each page must draw its content (a table, a card or an empty state that says what to do) with
 * no script error and without the page-failed screen.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { apiSession } from './api';
import { signInAsAdmin, useBrowserPage } from './browser';

const PAGES: [path: string, shows: string][] = [
  ['/challenges/needs', '需求'],
  ['/challenges', '榜'],
  ['/challenges/board', '立项'],
  ['/challenges/results', '成果'],
  ['/innovation/platforms', '重庆市合成生物学重点实验室'],
  ['/ip', '知识产权'],
  ['/ip/reports', '举报'],
  ['/talent/committee', '专家委员会'],
  ['/talent/people', '人才'],
  ['/talent/education', '重庆大学'],
];

describe('the pages of the catalog, platforms, IP and talent in the browser', () => {
  const b = useBrowserPage();

  it('draw every page with its content and no script error', async () => {
    const page = b.page;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    await signInAsAdmin(page, '/');
    for (const [path, shows] of PAGES) {
      await page.goto(path);
      await page.locator('.ant-table, .ant-empty, .ant-card, .ant-result').first().waitFor();
      await page.getByText(shows).first().waitFor();
      expect(await page.getByText('页面出错').count(), path).toBe(0);
    }
    expect(errors).toEqual([]);
  }, 180_000);

  it('opens a seeded platform from the list, and finds an expert recorded through the API in the directory', async () => {
    const page = b.page;
    const admin = await apiSession('admin', inject('adminPassword'));
    const nameZh = `浏览器专家${randomBytes(2).toString('hex')}`;
    await admin.post('/api/talent/experts', { nameZh, organisationZh: '重庆大学', titleZh: '教授', fields: ['发酵工程', '合成生物学'], domains: ['biochem'] });

    await signInAsAdmin(page, '/innovation/platforms');
    await page.getByText('重庆市合成生物学重点实验室').first().click();
    await page.waitForURL(/\/innovation\/platforms\/[0-9a-f-]{36}$/);
    await page.getByText('重庆大学').first().waitFor();

    await page.goto('/talent/experts');
    const row = page.locator('.ant-table-row', { hasText: nameZh });
    await row.waitFor();
    expect(await row.innerText()).toContain('发酵工程');
    await page.screenshot({ path: 'e2e/artifacts/talent-experts.png', fullPage: true });
  }, 120_000);
});
