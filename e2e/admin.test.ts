import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { field, signInAsAdmin, useBrowserPage } from './browser';

describe('administration in the browser', () => {
  const b = useBrowserPage();

  it('creates a user who then appears in the users table', { timeout: 120_000 }, async () => {
    const page = b.page;
    const username = `e2e.user.${randomBytes(3).toString('hex')}`;
    await signInAsAdmin(page, '/admin/users');
    await page.locator('.ant-table-row').first().waitFor();

    await page.getByTestId('new-user').click();
    const dialog = page.locator('.ant-modal');
    await dialog.locator('#user_username').waitFor();
    await dialog.locator('#user_username').fill(username);
    await dialog.locator('#user_displayName').fill('浏览器测试用户');
    await dialog.locator('#user_email').fill(`${username}@example.cn`);
    await dialog.locator('#user_roles').click();
    await page.locator('.ant-select-item-option[title="企业"]').click();
    await page.keyboard.press('Escape');
    await dialog.locator('#user_password').fill('Pilot#Scale-2027');
    await dialog.locator('#user_confirm').fill('Pilot#Scale-2027');
    await page.getByTestId('user-form-submit').click();

    // Saving hashes the password (argon2id): on a busy machine that alone can take seconds.
    await dialog.waitFor({ state: 'hidden', timeout: 45_000 });
    // Other browser tests add users too, so the new one may sit beyond the first page: search for it.
    await field(page, 'user-search').fill(username);
    const row = page.locator('.ant-table-row', { hasText: username });
    await row.waitFor();
    expect(await row.innerText()).toContain('浏览器测试用户');
    expect(await row.innerText()).toContain('企业');

    // The new user's history starts with its creation, by the administrator.
    await row.getByText('浏览器测试用户').click();
    const timeline = page.getByTestId('audit-timeline');
    await timeline.waitFor();
    expect(await timeline.innerText()).toContain('user.create');
  });

  it('shows the server\'s message beside the field when a username is taken', async () => {
    const page = b.page;
    await signInAsAdmin(page, '/admin/users');
    await page.locator('.ant-table-row').first().waitFor();
    await page.getByTestId('new-user').click();
    const dialog = page.locator('.ant-modal');
    await dialog.locator('#user_username').fill('admin');
    await dialog.locator('#user_displayName').fill('重复的管理员');
    await dialog.locator('#user_roles').click();
    await page.locator('.ant-select-item-option[title="专家"]').click();
    await page.keyboard.press('Escape');
    await dialog.locator('#user_password').fill('Expert#Review-2027');
    await dialog.locator('#user_confirm').fill('Expert#Review-2027');
    await page.getByTestId('user-form-submit').click();

    await dialog.getByText('用户名已存在（Username already taken）').first().waitFor();
    expect(await dialog.isVisible()).toBe(true);
  });
});
