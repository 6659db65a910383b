/**
 * The monitoring part's pages in the browser, one real flow: an enterprise's factory has five
 * good batches of a recipe and a running batch whose air supply dropped 45 h in (simulated, sent
 * through the ingest API as the plant would); in the browser the enterprise fits a monitoring
 * model (recipe → its good batches → preview → fit), sees the model's explained variance; the
 * running batch is scored at once and its alarm appears on the alarms page with aeration on top;
 * the enterprise acknowledges it with a note; the alarm's drawer draws its statistic over the batch
 * against the limit and every variable's contribution; the batch's page shows the monitoring panel
 * (T² and SPE with their limits, the alarm and its contributions). The e2e server starts without
 * demo data: everything is created here.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { simulateBatch, type SimulatedBatch } from '../packages/monitor/src/simulate';
import { apiSession, type ApiSession } from './api';
import { field, signIn, useBrowserPage } from './browser';

const SLOW = 180_000;
const suffix = randomBytes(3).toString('hex');
const firm = { username: `e2e.mon.ent.${suffix}`, password: 'Monitor#Batch-2027' };
const RECIPE = `e2e赤藓糖醇补料 ${suffix}`;
const H = 3600e3;
const SIM = { durationHours: 100, sampleMinutes: 20 } as const;

/** Registers a batch, sends its readings (phases as they begin), and for a finished one ends it and judges it good. */
async function runBatch(api: ApiSession, factory: string, externalId: string, sim: SimulatedBatch, finished: boolean) {
  const b = await api.post<{ id: string }>('/api/factory/batches', { factory, externalId, equipment: 'F-301', recipe: RECIPE, state: 'running', startedAt: sim.startedAt, phase: sim.phases[0].name });
  for (const p of sim.phases.slice(1)) await api.post(`/api/factory/batches/${b.id}/phases`, { name: p.name, at: p.startedAt });
  const readings = sim.readings.map((r) => ({ batch: externalId, ...r }));
  for (let i = 0; i < readings.length; i += 4000) await api.post('/api/factory/readings', { factory, readings: readings.slice(i, i + 4000) });
  if (finished) {
    await api.post(`/api/factory/batches/${b.id}/end`, { state: 'completed', at: sim.endedAt });
    await api.post(`/api/factory/batches/${b.id}/outcome`, { outcome: 'good' });
  }
  return b.id;
}

describe('monitoring models and alarms in the browser', () => {
  const b = useBrowserPage();
  let running = '';

  beforeAll(async () => {
    const admin = await apiSession('admin', inject('adminPassword'));
    const org = await admin.post<{ id: string }>('/api/admin/organisations', { kind: 'enterprise', nameZh: `e2e监控发酵企业${suffix}`, districtCode: '500120' });
    await admin.post('/api/admin/users', { ...firm, displayName: '发酵车间主任（e2e）', roles: ['enterprise'], organisationId: org.id });
    const api = await apiSession(firm.username, firm.password);
    const f = await api.post<{ code: string }>('/api/factory/factories', { nameZh: `e2e监控工厂${suffix}`, kind: 'smartFactory' });
    const now = Date.now();
    for (let i = 0; i < 5; i++) await runBatch(api, f.code, `G-${suffix}-${i}`, simulateBatch({ seed: 300 + i, start: new Date(now - (30 - 5 * i) * 24 * H), ...SIM }), true);
    // The running batch: 60 h of a run whose air supply dropped at 45 h, nothing in the future.
    const sim = simulateBatch({ seed: 398, start: new Date(now - 61 * H), ...SIM, fault: { kind: 'aerationStep', startHour: 45 } });
    const upTo = { ...sim, phases: sim.phases.filter((p) => Date.parse(p.startedAt) < now - H), readings: sim.readings.filter((r) => Date.parse(r.at) < now - H) };
    running = await runBatch(api, f.code, `R-${suffix}`, upTo, false);
  }, SLOW);

  it('fits a model in the browser, shows its alarm with aeration on top, acknowledges it with a note, and draws T² and SPE against their limits on the drawer and the batch’s page', async () => {
    const page = b.page;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    await signIn(page, firm.username, firm.password, '/factory/models');
    await page.locator('[data-testid="models-table"] .ant-empty').waitFor();

    await page.getByTestId('model-new').click();
    await page.getByTestId('model-recipe').click();
    await page.locator('.ant-select-item-option', { hasText: RECIPE }).click();
    await expect.poll(() => page.locator('[data-testid="model-batches"] .ant-table-row-selected').count()).toBe(5);
    await page.getByTestId('model-preview').click();
    await page.getByTestId('model-preview-result').waitFor({ timeout: 60_000 });
    expect(Number(await page.getByTestId('preview-components').innerText())).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: 'e2e/artifacts/monitor-fit-preview.png' });
    await page.getByTestId('model-save').click();
    await page.waitForURL(/\/factory\/models\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    await page.getByTestId('model-variance').waitFor();
    await page.getByTestId('model-loadings').waitFor();
    expect(await page.getByTestId('model-status').innerText()).toContain('在用');
    await page.screenshot({ path: 'e2e/artifacts/monitor-model.png', fullPage: true });

    await page.goto('/factory/alarms');
    const rows = page.locator('[data-testid="alarms-table"] .ant-table-row');
    await rows.first().waitFor();
    const row = rows.filter({ hasText: `R-${suffix}` }).first();
    expect(await row.innerText()).toContain('通气量');
    const code = (await row.locator('[data-testid^="alarm-link-"]').innerText()).trim();
    await page.getByTestId(`alarm-ack-${code}`).click();
    await field(page, 'alarm-note-text', 'textarea').fill('空压机出口压力下降，已切换备用空压机');
    await page.getByTestId('alarm-note-ok').click();
    await expect.poll(() => page.getByTestId(`alarm-state-${code}`).innerText()).toContain('已确认');
    await page.getByTestId(`alarm-link-${code}`).click();
    await page.getByTestId('alarm-drawer-contrib').waitFor();
    await page.getByTestId('alarm-drawer-trend').waitFor();
    expect(await page.getByTestId('alarm-note').first().innerText()).toContain('空压机出口压力下降');
    await page.screenshot({ path: 'e2e/artifacts/monitor-alarm.png' });
    await page.keyboard.press('Escape');

    // The batch's own page (the process part's) carries the monitoring panel: both charts, the alarm, what contributed.
    await page.goto(`/factory/batches/${running}`);
    await page.getByTestId('batch-monitor').waitFor();
    await page.getByTestId('score-chart-t2').waitFor();
    await page.getByTestId('score-chart-spe').waitFor();
    await page.getByTestId(`batch-alarm-${code}`).waitFor();
    await page.getByTestId(`alarm-contrib-${code}`).waitFor();
    await page.getByTestId('batch-monitor').screenshot({ path: 'e2e/artifacts/monitor-batch-panel.png' });

    expect(errors).toEqual([]);
  }, SLOW);
});
