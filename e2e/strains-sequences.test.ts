/**
 * The strain bank's sequences and identification, end to end.
 *
 * 1. A curator loads a reference set on the identification page (form, file, progress) and sees
 *    it listed beside the index; pastes a diverged 16S query and reads its best hit — the strain
 *    the sequence was added to, called the same species — then pastes a broken FASTA and reads
 *    the problem by record, line and position.
 * 2. On the strain's page, the sequences panel lists the strain's 16S; the curator adds FASTA with
 *    a wrong record (the modal lists it by record), then a right one, and the panel shows both.
 *
 * The e2e server starts without demo data: organisations, people and an accessioned strain with
 * a real 16S sequence (data/strains, LGPL-2) are recorded through the API first.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSession, type ApiSession } from './api';
import { field, launch, newPage, signIn } from './browser';

const SLOW = 180_000;

/** Real 16S records: the shipped reference file's first Corynebacterium, and a 1 % diverged copy of it. */
const shipped = gunzipSync(readFileSync(new URL('../data/strains/16s-reference.fa.gz', import.meta.url))).toString('utf8');
const coryne = (() => {
  const block = shipped.split('>').find((b) => b.includes('g:Corynebacterium;'))!;
  return block.split('\n').slice(1).join('').trim();
})();
const SWAP: Record<string, string> = { A: 'C', C: 'G', G: 'T', T: 'A' };
const diverged = [...coryne].map((c, i) => (i % 97 === 50 && SWAP[c] ? SWAP[c] : c)).join('');
const wrap = (s: string) => s.match(/.{1,70}/g)!.join('\n');

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

describe('strain sequences and identification in the browser', () => {
  const as = usePeople();
  const suffix = randomBytes(3).toString('hex');
  const curator = { username: `e2e.seq.cur.${suffix}`, password: 'Seq#Curator-2027' };
  const firm = { username: `e2e.seq.ent.${suffix}`, password: 'Seq#Deposit-2027' };
  let admin: ApiSession;
  let strain: { id: string; accession: string };

  beforeAll(async () => {
    admin = await apiSession('admin', inject('adminPassword'));
    const org = (kind: string, nameZh: string) => admin.post<{ id: string }>('/api/admin/organisations', { kind, nameZh, districtCode: '500120' });
    const bank = await org('other', `e2e菌种库序列组${suffix}`);
    const firmOrg = await org('enterprise', `e2e谷氨酸发酵有限公司${suffix}`);
    await admin.post('/api/admin/users', { ...curator, displayName: '序列管理员（e2e）', roles: ['curator'], organisationId: bank.id });
    await admin.post('/api/admin/users', { ...firm, displayName: '企业联系人（e2e）', roles: ['enterprise'], organisationId: firmOrg.id });
    const ent = await apiSession(firm.username, firm.password);
    const s = await ent.post<{ id: string }>('/api/strains/deposits', {
      organismKind: 'bacterium', genus: 'Corynebacterium', species: 'glutamicum', strainDesignation: `CQ-${suffix}`, nameZh: '谷氨酸棒杆菌',
      lineage: { domain: 'Bacteria', phylum: 'Actinomycetota', class: 'Actinomycetes', order: 'Mycobacteriales', family: 'Corynebacteriaceae' }, typeStrain: false, otherNumbers: [],
      depositorNameZh: '李研究员', historyZh: '分离自重庆长寿发酵车间', depositedOn: '2025-03-01', isolationSourceZh: '发酵液', isolationPlaceZh: '重庆市长寿区',
      isolationCountry: 'CN', mediumZh: 'BHI 培养基', growthTemperatureC: 30, atmosphere: 'aerobic', applicationsZh: ['谷氨酸生产'], products: [], enzymes: [], tolerances: [], keyGenes: [],
      literature: [], hazardClass: null, biosafetyLevel: 1, gmo: false, exportControl: false, nagoyaAbs: false, restrictionNoteZh: null,
    });
    await admin.post(`/api/strains/${s.id}/receive`, { receivedOn: '2025-03-05', receivedConditionZh: '完好', receivedMaterialZh: '冻干管 2 支' });
    for (const kind of ['purity', 'viability', 'identity']) await admin.post(`/api/strains/${s.id}/checks`, { kind, passed: true, methodZh: '16S rRNA 测序', resultZh: '合格', testedOn: '2025-03-10' });
    await admin.post(`/api/strains/${s.id}/mark-checked`, {});
    strain = await admin.post<{ id: string; accession: string }>(`/api/strains/${s.id}/accession`, {});
    await admin.post(`/api/strains/${strain.id}/sequences`, { marker: '16S', fasta: `>cg16S Corynebacterium glutamicum 16S rRNA\n${wrap(coryne)}\n` });
  }, SLOW);

  it('loads a reference set with progress, identifies a diverged 16S as its strain, and names a broken record by line and position', async () => {
    const page = await as(curator, '/strains/identify');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.getByTestId('identify-index').waitFor();

    await page.getByTestId('refset-load').click();
    await field(page, 'refset-name').fill(`e2e 参考集 ${suffix}`);
    await field(page, 'refset-source').fill('hand-made for the browser test');
    await field(page, 'refset-licence').fill('CC0');
    await page.locator('.ant-modal input[type=file]').setInputFiles({ name: 'ref.fa', mimeType: 'text/plain', buffer: Buffer.from(`>NR_0001.1 Escherichia coli 16S\n${wrap(diverged.slice(0, 900))}\n>bare2\nACGTACGTACGTACGTAAGG\n`) });
    await page.getByTestId('refset-load-ok').click();
    await page.getByTestId('identify-refsets').getByText(`e2e 参考集 ${suffix}`).waitFor();

    await field(page, 'identify-fasta', 'textarea').fill(`>isolate-7 unknown\n${wrap(diverged)}\n`);
    await page.getByTestId('identify-submit').click();
    const first = page.getByTestId('identify-query').first();
    await first.getByTestId('identify-strain-link').first().waitFor();
    expect(await first.getByTestId('identify-strain-link').first().innerText()).toBe(strain.accession);
    expect(await first.getByTestId('identify-call').first().getAttribute('data-level')).toBe('species');
    expect(await first.getByTestId('identify-call-words').innerText()).toContain('Corynebacterium glutamicum');
    await page.screenshot({ path: 'e2e/artifacts/strains-identify.png', fullPage: true });

    await field(page, 'identify-fasta', 'textarea').fill('>ok\nACGTACGT\n>broken\nACGT\nAC!GT\n');
    await page.getByTestId('identify-submit').click();
    const problems = page.getByTestId('identify-problems-table');
    await problems.getByText('#2').waitFor();
    expect(await problems.innerText()).toContain('第 5 行第 3 列');
    expect(errors).toEqual([]);
  }, SLOW);

  it('lists the strain\'s sequences on its page and takes FASTA from a curator, listing a refused record by its number', async () => {
    const page = await as(curator, `/strains/${strain.id}`);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const panel = page.getByTestId('strains-sequences-panel');
    await panel.getByText('cg16S').waitFor();

    await page.getByTestId('seq-add').click();
    await field(page, 'seq-add-fasta', 'textarea').fill('>its-a\nACGTACGTAA\n>its-b\nACGT\nAC!GT\n');
    await page.getByTestId('seq-add-save').click();
    const refused = page.getByTestId('seq-add-problems-table');
    await refused.getByText('#2').waitFor();
    expect(await refused.innerText()).toContain('第 5 行第 3 列');

    await field(page, 'seq-add-fasta', 'textarea').fill(`>its-a partial\n${wrap(diverged.slice(200, 700))}\n`);
    await page.getByTestId('seq-add-save').click();
    await panel.getByText('its-a').waitFor();
    expect(await panel.locator('tbody tr').count()).toBe(2);
    await page.screenshot({ path: 'e2e/artifacts/strains-sequences-panel.png', fullPage: true });
    expect(errors).toEqual([]);
  }, SLOW);
});
