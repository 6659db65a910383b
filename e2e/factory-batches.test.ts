/**
 * The process part's pages in the browser, one real flow: an enterprise's factory has four good
 * batches of a recipe and a running batch whose cooling failed 12 h in (simulated, sent through
 * the ingest API as the plant would), and its systems sent a few readings that were rejected. In
 * the browser the enterprise sees its batches and the rejected-readings counter, makes a golden
 * profile (recipe → its good batches → preview the band → save) and sees its trajectories, then
 * opens the running batch: each variable against the golden band, temperature's points outside
 * marked, its phases, and the monitoring panel below. The e2e server starts without demo data:
 * everything is created here.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { simulateBatch, type SimulatedBatch } from '../packages/monitor/src/simulate';
import { apiSession, type ApiSession } from './api';
import { signIn, useBrowserPage } from './browser';

const SLOW = 180_000;
const suffix = randomBytes(3).toString('hex');
const firm = { username: `e2e.proc.ent.${suffix}`, password: 'Process#Batch-2027' };
const RECIPE = `e2e谷氨酸发酵 ${suffix}`;
const H = 3600e3;
const SIM = { durationHours: 40, sampleMinutes: 30, harvestHours: 4 } as const;

/** Registers a batch, sends its readings (phases as they begin), and for a finished one ends it and judges it good. */
async function runBatch(api: ApiSession, factory: string, externalId: string, sim: SimulatedBatch, finished: boolean) {
  const b = await api.post<{ id: string }>('/api/factory/batches', { factory, externalId, equipment: '50m³ 发酵罐 F-301', recipe: RECIPE, startedAt: sim.startedAt, phase: sim.phases[0].name });
  for (const p of sim.phases.slice(1)) await api.post(`/api/factory/batches/${b.id}/phases`, { name: p.name, at: p.startedAt });
  await api.post('/api/factory/readings', { factory, readings: sim.readings.map((r) => ({ batch: externalId, ...r })) });
  if (finished) {
    await api.post(`/api/factory/batches/${b.id}/end`, { state: 'completed', at: sim.endedAt });
    await api.post(`/api/factory/batches/${b.id}/outcome`, { outcome: 'good' });
  }
  return b.id;
}

describe('batches and golden batches in the browser', () => {
  const b = useBrowserPage();
  let running = '';
  let factoryCode = '';

  beforeAll(async () => {
    const admin = await apiSession('admin', inject('adminPassword'));
    const org = await admin.post<{ id: string }>('/api/admin/organisations', { kind: 'enterprise', nameZh: `e2e过程发酵企业${suffix}`, districtCode: '500120' });
    await admin.post('/api/admin/users', { ...firm, displayName: '发酵车间主任（e2e）', roles: ['enterprise'], organisationId: org.id });
    const api = await apiSession(firm.username, firm.password);
    factoryCode = (await api.post<{ code: string }>('/api/factory/factories', { nameZh: `e2e过程工厂${suffix}`, kind: 'smartFactory' })).code;
    const now = Date.now();
    for (let i = 0; i < 4; i++) await runBatch(api, factoryCode, `G-${suffix}-${i}`, simulateBatch({ seed: 500 + i, start: new Date(now - (20 - 3 * i) * 24 * H), ...SIM }), true);
    const sim = simulateBatch({ seed: 590, start: new Date(now - 30 * H), ...SIM, fault: { kind: 'coolingFault', startHour: 12, magnitude: 0.9 } });
    const upTo = { ...sim, phases: sim.phases.filter((p) => Date.parse(p.startedAt) < now - H), readings: sim.readings.filter((r) => Date.parse(r.at) < now - H) };
    running = await runBatch(api, factoryCode, `R-${suffix}`, upTo, false);
    // A sender's mistakes: an unknown batch and a misspelt variable, rejected and counted.
    const bad = await api.post<{ rejected: number }>('/api/factory/readings', { factory: factoryCode, readings: [{ batch: 'NO-SUCH', variable: 'pH', at: new Date(now - H).toISOString(), value: 7 }, { batch: `R-${suffix}`, variable: 'temprature', at: new Date(now - H).toISOString(), value: 30 }] });
    expect(bad.rejected).toBe(2);
  }, SLOW);

  it('lists the batches with the rejected readings, makes a golden profile from the good ones, and shows the running batch against its band', async () => {
    const page = b.page;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    await signIn(page, firm.username, firm.password, '/factory/batches');
    await page.locator('[data-testid="batches-table"] .ant-table-row').first().waitFor();
    expect(await page.locator('[data-testid="batches-table"] .ant-table-row').count()).toBe(5);
    expect(await page.getByTestId(`batch-state-R-${suffix}`).innerText()).toContain('运行中');
    expect(await page.getByTestId(`rejections-${factoryCode}`).innerText()).toContain('2');
    await page.screenshot({ path: 'e2e/artifacts/process-batches.png', fullPage: true });

    await page.goto('/factory/golden');
    await page.locator('[data-testid="golden-table"] .ant-empty').waitFor();
    await page.getByTestId('golden-new').click();
    await page.getByTestId('golden-recipe').click();
    await page.locator('.ant-select-item-option', { hasText: RECIPE }).click();
    await expect.poll(() => page.locator('[data-testid="golden-batches"] .ant-table-row-selected').count()).toBe(4);
    await page.getByTestId('golden-preview').click();
    await page.getByTestId('golden-preview-charts').waitFor({ timeout: 60_000 });
    await page.getByTestId('preview-temperature').waitFor();
    await page.screenshot({ path: 'e2e/artifacts/process-golden-preview.png' });
    await page.getByTestId('golden-save').click();
    await page.waitForURL(/\/factory\/golden\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    expect(await page.getByTestId('golden-status').innerText()).toContain('现行');
    await page.getByTestId('golden-OD600').waitFor();
    await page.screenshot({ path: 'e2e/artifacts/process-golden.png', fullPage: true });

    await page.goto(`/factory/batches/${running}`);
    await page.getByTestId('batch-band-summary').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('batch-band-summary').innerText()).toMatch(/\d+ 个点超出黄金批次/);
    await page.getByTestId('band-temperature').waitFor();
    expect(await page.getByTestId('band-temperature').getAttribute('aria-label')).toMatch(/[1-9]\d* 个点超出黄金带/);
    expect(await page.getByTestId('batch-state').innerText()).toContain('运行中');
    await page.getByTestId('batch-phases').waitFor();
    await page.screenshot({ path: 'e2e/artifacts/process-running-batch.png', fullPage: true });
    expect(errors).toEqual([]);
  }, SLOW);
});
