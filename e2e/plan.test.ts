import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { signInAsAdmin, useBrowserPage } from './browser';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

describe('the plan in the browser', () => {
  const b = useBrowserPage();

  it('shows the eight actions on the cockpit after an administrator signs in', async () => {
    const page = b.page;
    await signInAsAdmin(page, '/');
    await page.getByTestId('plan-hero').waitFor();
    await page.getByTestId('action-card').nth(7).waitFor();
    expect(await page.getByTestId('action-card').count()).toBe(8);
    expect(await page.getByTestId('plan-status').innerText()).toContain('征求意见稿');
    expect(await page.getByTestId('target-card').count()).toBeGreaterThan(0);

    // The chart loads in its own chunk; wait for it so the screenshot shows the whole cockpit.
    await page.locator('.cockpit canvas').first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'cockpit.png'), fullPage: true });
  });

  it('opens task 22 from the cockpit and finds the strain bank on its page', async () => {
    const page = b.page;
    await page.goto('/');
    await page.getByTestId('task-link-22').click();
    await page.waitForURL('**/plan/tasks/22');
    await page.getByRole('heading', { name: /建设生物菌种资源库/ }).waitFor();
    await page.getByTestId('task-text').waitFor();
    expect(await page.getByTestId('task-text').innerText()).toContain('菌种资源库');

    // The plan's text with the task's own paragraph set apart and the action's target sentences marked.
    const current = page.locator('[data-testid="plan-text"] .plan-text-task-current');
    await current.waitFor();
    expect(await current.innerText()).toContain('22.建设生物菌种资源库');
    expect(await page.locator('[data-testid="plan-text"] mark.mark-target').count()).toBeGreaterThan(0);
  });

  it('switches to English and back, and remembers the choice after a reload', async () => {
    const page = b.page;
    await page.goto('/');
    const menu = page.locator('.app-menu');
    await menu.getByText('驾驶舱', { exact: true }).waitFor();

    await page.locator('.lang-switch').getByText('EN', { exact: true }).click();
    await menu.getByText('Cockpit', { exact: true }).waitFor();
    expect(await menu.getByText('驾驶舱', { exact: true }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.reload();
    await menu.getByText('Cockpit', { exact: true }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('cqb.lang'))).toBe('en');

    await page.locator('.lang-switch').getByText('中文', { exact: true }).click();
    await menu.getByText('驾驶舱', { exact: true }).waitFor();
    await page.reload();
    await menu.getByText('驾驶舱', { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });

  it('sends a visitor to the login page and back to the page they asked for', async () => {
    const page = b.page;
    await page.goto('/admin/users');
    await page.waitForURL(/\/login\?next=%2Fadmin%2Fusers/);
    await page.locator('#login-username').fill('admin');
    await page.locator('#login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').innerText()).toContain('用户名或密码错误');

    await signInAsAdmin(page, '/admin/users');
    await page.waitForURL('**/admin/users');
    await page.locator('.ant-table-row', { hasText: 'admin' }).first().waitFor();
  });
});
