/**
 * Task 3's indicators on the plan's task page (issue #8, epcis-engine part): an enterprise
 * registers a factory with its site GLN and captures an EPCIS document at that site (the lot
 * written as a GS1 Digital Link); the task page then shows "factories connected" one higher, with
 * its date, basis and the drill-down to the factory list. The e2e server starts without demo data.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { apiSession } from './api';
import { baseURL, signInAsAdmin, useBrowserPage } from './browser';

const suffix = randomBytes(2).toString('hex');
const location = String(parseInt(suffix, 16) % 100000).padStart(5, '0');
const site = `urn:epc:id:sgln:6951234.${location}.0`;

type Indicator = { code: string; measurement: { value: number } | null };
const connected = async () => {
  const task = (await (await fetch(`${baseURL()}/api/plan/tasks/3`)).json()) as { indicators: Indicator[] };
  return task.indicators.find((i) => i.code === 'factoriesConnected')?.measurement?.value ?? -1;
};

describe('task 3 shows the smart factories it measures', () => {
  const b = useBrowserPage();

  it('counts a factory once it captures an event at its site, and links to the factories', async () => {
    const admin = await apiSession('admin', inject('adminPassword'));
    const org = await admin.post<{ id: string }>('/api/admin/organisations', { kind: 'enterprise', nameZh: `e2e两江发酵科技有限公司${suffix}`, districtCode: '500112' });
    const user = { username: `e2e.fac.${suffix}`, password: 'Factory#Connect-2027' };
    await admin.post('/api/admin/users', { ...user, displayName: `e2e 工厂 ${suffix}`, roles: ['enterprise'], organisationId: org.id });
    const firm = await apiSession(user.username, user.password);
    await firm.post('/api/factory/factories', { nameZh: `e2e 发酵一厂 ${suffix}`, kind: 'smartFactory', districtCode: '500112', sgln: site });

    const before = await connected();
    const lot = 'https://id.gs1.org/01/06951234000017/10/E2E' + suffix;
    const job = await firm.post<{ captureID: string }>('/epcis/capture', {
      '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: new Date().toISOString(),
      epcisBody: { eventList: [{
        type: 'ObjectEvent', action: 'ADD', eventTime: new Date().toISOString(), eventTimeZoneOffset: '+08:00', bizStep: 'commissioning', disposition: 'active',
        quantityList: [{ epcClass: lot, quantity: 500, uom: 'KGM' }], readPoint: { id: site.replace(/\.0$/, '.F1') },
      }] },
    });
    for (let i = 0; i < 50; i++) {
      const state = await firm.get<{ running: boolean; success: boolean }>(`/epcis/capture/${job.captureID}`);
      if (!state.running) { expect(state.success).toBe(true); break; }
      await new Promise((r) => setTimeout(r, 200));
    }
    const after = await connected();
    expect(after).toBeGreaterThanOrEqual(before + 1);

    const page = b.page;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signInAsAdmin(page, '/plan/tasks/3');
    const card = page.getByTestId('task-indicators');
    await card.waitFor();
    expect(await card.innerText()).toContain('任务进展指标');
    const factories = page.getByTestId('task-indicator-factoriesConnected');
    expect(await factories.innerText()).toMatch(/接入工厂数/);
    expect(Number((await factories.locator('.ant-statistic-content-value').innerText()).replace(/,/g, ''))).toBeGreaterThanOrEqual(after);
    expect(await page.getByTestId('task-indicator-batchesMonitored').innerText()).toMatch(/受监控批次数/);
    await page.screenshot({ path: 'e2e/artifacts/task3-indicators.png', fullPage: false });
    await factories.getByRole('link').click();
    await page.waitForURL(/\/factory$/);
    expect(errors).toEqual([]);
  }, 120_000);
});
