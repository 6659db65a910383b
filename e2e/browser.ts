/** What the browser tests share: Debian's chromium, a fresh context per test, signing in. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';

export const baseURL = () => inject('baseURL');

export function launch(): Promise<Browser> {
  // Playwright gives every launch a fresh temporary user-data-dir and removes it on close.
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseURL(), viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  return { context, page };
}

/**
 * One browser per file and a fresh context and page per test. Call inside describe();
 * read `.page` inside the tests.
 */
export function useBrowserPage(): { readonly page: Page } {
  let browser: Browser;
  let context: BrowserContext;
  const state = {} as { page: Page };
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    ({ context, page: state.page } = await newPage(browser));
  });
  afterEach(async () => {
    await context?.close();
  });
  return state;
}

/** Signs in through the login page and waits until the app shows the signed-in user. */
export async function signIn(page: Page, username: string, password: string, next = '/') {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

export const signInAsAdmin = (page: Page, next = '/') => signIn(page, 'admin', inject('adminPassword'), next);

/** An antd input by its data-testid, whether the id sits on the <input>/<textarea> or on its wrapper. */
export const field = (page: Page, testId: string, tag: 'input' | 'textarea' = 'input') =>
  page.locator(`${tag}[data-testid="${testId}"], [data-testid="${testId}"] ${tag}`).first();
