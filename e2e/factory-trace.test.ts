/**
 * The trace page in the browser, one real flow: an enterprise's system captures a small chain
 * (a media lot into a fermentation, purified and formulated into two product lots, packed on a
 * pallet and shipped to a partner); on /factory/trace the empty state says what to enter; typing
 * part of the media lot offers it; a forward trace draws the graph, lists the product lots and
 * the shipment; clicking a lot shows its events; the Excel recall report downloads.
 * The e2e server starts without demo data: everything is created here.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSession } from './api';
import { signIn, useBrowserPage } from './browser';

const SLOW = 120_000;
const suffix = randomBytes(3).toString('hex');
const gcp = `68${String(parseInt(suffix, 16) % 100000).padStart(5, '0')}`;
const firm = { username: `e2e.trace.${suffix}`, password: 'Trace#Recall-2027' };
const SITE = `urn:epc:id:sgln:${gcp}.00001.0`;
const lot = (item: string, n: string) => `urn:epc:class:lgtin:${gcp}.${item}.${n}`;
const MEDIA = lot('000011', `MED${suffix}`);
const BROTH = lot('000022', `FB${suffix}`);
const PURE = lot('000033', `PU${suffix}`);
const P1 = lot('000044', `LYS${suffix}-01`);
const P2 = lot('000044', `LYS${suffix}-02`);
const PALLET = `urn:epc:id:sscc:${gcp}.3000000001`;

let n = 0;
const ev = (type: string, day: number, extra: Record<string, unknown>) => ({
  type, eventID: `urn:uuid:${suffix}00-0000-4000-8000-${String(++n).padStart(12, '0')}`, eventTime: `2026-10-${String(day).padStart(2, '0')}T02:00:00Z`, eventTimeZoneOffset: '+08:00',
  readPoint: { id: SITE }, bizLocation: { id: SITE }, ...extra,
});
const q = (epcClass: string, quantity: number) => ({ epcClass, quantity, uom: 'KGM' });
const transform = (day: number, inputs: string[], outputs: string[]) => ev('TransformationEvent', day, {
  inputQuantityList: inputs.map((i) => q(i, 100)), outputQuantityList: outputs.map((o) => q(o, 50)), bizStep: 'commissioning',
});
const events = [
  ev('ObjectEvent', 1, { action: 'OBSERVE', quantityList: [q(MEDIA, 900)], bizStep: 'receiving' }),
  transform(2, [MEDIA], [BROTH]),
  transform(4, [BROTH], [PURE]),
  transform(5, [PURE], [P1, P2]),
  ev('AggregationEvent', 6, { action: 'ADD', parentID: PALLET, childQuantityList: [q(P1, 50), q(P2, 50)], bizStep: 'packing' }),
  ev('ObjectEvent', 7, {
    action: 'OBSERVE', epcList: [PALLET], bizStep: 'shipping',
    destinationList: [{ type: 'owning_party', destination: `urn:epc:id:pgln:6900000.00000` }],
  }),
];

describe('trace and recall in the browser', () => {
  const b = useBrowserPage();

  beforeAll(async () => {
    const admin = await apiSession('admin', inject('adminPassword'));
    const org = await admin.post<{ id: string }>('/api/admin/organisations', { kind: 'enterprise', nameZh: `e2e追溯企业${suffix}`, districtCode: '500120' });
    await admin.post('/api/admin/users', { ...firm, displayName: '追溯联系人（e2e）', roles: ['enterprise'], organisationId: org.id });
    const api = await apiSession(firm.username, firm.password);
    await api.post('/epcis/capture', {
      '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-10-10T00:00:00Z', epcisBody: { eventList: events },
    });
  }, SLOW);

  it('picks a lot from what the caller may see, draws the forward trace with its lots and shipment, shows a lot\'s events and downloads the recall report', async () => {
    const page = b.page;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    await signIn(page, firm.username, firm.password, '/factory/trace');
    await page.getByTestId('trace-empty').waitFor();

    await page.getByText('正向追踪（召回）').first().click();
    await page.locator('[data-testid="trace-epc"] input, input[data-testid="trace-epc"]').first().fill(`MED${suffix}`);
    await page.getByTestId('trace-choice').first().click();
    await page.waitForURL(/direction=forward/);
    await page.getByTestId('trace-graph').waitFor();
    const lots = page.locator('[data-testid="trace-lots"] .ant-table-row');
    await expect.poll(() => lots.count()).toBe(6);
    const text = await page.locator('[data-testid="trace-lots"]').innerText();
    for (const s of [`LYS${suffix}-01`, `LYS${suffix}-02`, '产品批次', '包装/物流单元']) expect(text).toContain(s);

    await page.getByRole('tab', { name: /去向/ }).click();
    await page.locator('[data-testid="trace-shipments"] .ant-table-row').first().waitFor();
    expect(await page.locator('[data-testid="trace-shipments"]').innerText()).toContain('6900000.00000');
    await page.getByRole('tab', { name: /受影响批次/ }).click();

    await page.locator('[data-testid="trace-lots"] .ant-table-row', { hasText: `LYS${suffix}-01` }).locator('a', { hasText: `LYS${suffix}-01` }).click();
    await page.getByTestId('trace-node').waitFor();
    expect(await page.getByTestId('trace-node').innerText()).toContain('转化事件');
    await page.screenshot({ path: 'e2e/artifacts/factory-trace.png', fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByTestId('trace-report-xlsx').click();
    expect((await download).suggestedFilename()).toMatch(/召回报告\.xlsx$/);
    expect(errors).toEqual([]);
  }, SLOW);
});
