/**
 * The epcis part's pages in the browser, one real flow: an enterprise registers its factory with its
 * site's SGLN and finds how to connect; its system captures events (through the API, as a machine
 * would); the events browser lists them, filters by business step and opens one in the drawer; an
 * uploaded document that breaks the standard is refused with its problems listed by path, a good
 * one is captured; the factory list shows the factory connected with its events.
 * The e2e server starts without demo data: everything is created here.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSession, type ApiSession } from './api';
import { field, signIn, useBrowserPage } from './browser';

const SLOW = 120_000;
const suffix = randomBytes(3).toString('hex');
const prefix = `69${String(parseInt(suffix, 16) % 100000).padStart(5, '0')}`;
const SITE = `urn:epc:id:sgln:${prefix}.00001.0`;
const firm = { username: `e2e.fac.ent.${suffix}`, password: 'Factory#Capture-2027' };
const factoryName = `e2e发酵工厂${suffix}`;

const doc = (events: Record<string, unknown>[]) => ({
  '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-03-01T00:00:00Z', epcisBody: { eventList: events },
});
const ev = (n: number, bizStep: string, extra: Record<string, unknown> = {}) => ({
  type: 'ObjectEvent', eventID: `urn:uuid:${suffix}00-0000-4000-8000-${String(n).padStart(12, '0')}`, eventTime: new Date(Date.now() - n * 3600_000).toISOString(), eventTimeZoneOffset: '+08:00',
  action: 'OBSERVE', bizStep, readPoint: { id: `urn:epc:id:sgln:${prefix}.00001.${n}` }, quantityList: [{ epcClass: `urn:epc:class:lgtin:${prefix}.012345.LOT${n}`, quantity: 100, uom: 'KGM' }], ...extra,
});

describe('factories and EPCIS events in the browser', () => {
  const b = useBrowserPage();
  let firmApi: ApiSession;

  beforeAll(async () => {
    const admin = await apiSession('admin', inject('adminPassword'));
    const org = await admin.post<{ id: string }>('/api/admin/organisations', { kind: 'enterprise', nameZh: `e2e合成生物企业${suffix}`, districtCode: '500120' });
    await admin.post('/api/admin/users', { ...firm, displayName: '工厂联系人（e2e）', roles: ['enterprise'], organisationId: org.id });
    firmApi = await apiSession(firm.username, firm.password);
  }, SLOW);

  it('registers a factory, shows how to connect, lists captured events, refuses a broken upload and captures a good one', async () => {
    const page = b.page;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    await signIn(page, firm.username, firm.password, '/factory');
    await page.locator('.ant-table, .ant-empty').first().waitFor();

    await page.getByTestId('factory-new').click();
    await field(page, 'factory-name').fill(factoryName);
    await field(page, 'factory-sgln').fill(SITE);
    await page.getByTestId('factory-ok').click();
    await page.waitForURL(/\/factory\/factories\/[0-9a-f-]{36}$/);
    await page.getByTestId('factory-connect').waitFor();
    const topic = await page.getByTestId('factory-mqtt-topic').innerText();
    expect(topic).toMatch(/^cqb\/factories\/FAC-\d{4}\/batches\/\{batchNo\}\/readings/);
    expect(await page.getByTestId('factory-capture-url').innerText()).toContain('/epcis/capture');

    // The factory's system captures through the binding (here with the user's session; a token works the same).
    const job = await firmApi.post<{ storedCount: number }>('/epcis/capture', doc([ev(1, 'commissioning'), ev(2, 'shipping'), ev(3, 'shipping', { disposition: 'in_transit' })]));
    expect(job.storedCount).toBe(3);
    await page.reload();
    await page.getByTestId('factory-events-by-step').waitFor();
    await page.screenshot({ path: 'e2e/artifacts/factory-page.png', fullPage: true });

    await page.goto('/factory/events');
    const rows = page.locator('[data-testid="epcis-events-table"] .ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(3);
    await page.getByTestId('epcis-filter-bizstep').click();
    await page.keyboard.type('shipping');
    await page.locator('.ant-select-item-option', { hasText: 'shipping' }).first().click();
    await expect.poll(() => rows.count()).toBe(2);
    await rows.first().click();
    await page.getByTestId('epcis-event-json').waitFor();
    expect(await page.getByTestId('epcis-event-json').innerText()).toContain(`${suffix}00-0000-4000-8000-`);
    await page.screenshot({ path: 'e2e/artifacts/epcis-event-drawer.png' });
    await page.keyboard.press('Escape');

    const upload = page.locator('[data-testid="epcis-capture-panel"] input[type=file]');
    const broken = doc([{ ...ev(4, 'receiving'), eventTime: undefined }]);
    await upload.setInputFiles({ name: 'broken.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify(broken)) });
    const problem = page.getByTestId('epcis-capture-problem');
    await problem.waitFor();
    expect(await problem.innerText()).toContain('/epcisBody/eventList/0');
    await upload.setInputFiles({ name: 'good.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify(doc([ev(5, 'receiving')]))) });
    await page.getByTestId('epcis-capture-result').waitFor();
    await page.locator('[data-testid="epcis-jobs"] .ant-table-row').nth(1).waitFor();
    await page.screenshot({ path: 'e2e/artifacts/epcis-events.png', fullPage: true });

    await page.goto('/factory');
    const code = topic.split('/')[2];
    await page.getByTestId(`factory-connected-${code}`).waitFor();
    expect(await page.getByTestId(`factory-connected-${code}`).innerText()).toContain('已接入');
    expect(await page.getByTestId(`factory-events-${code}`).innerText()).toBe('4');
    expect(errors).toEqual([]);
  }, 180_000);
});
