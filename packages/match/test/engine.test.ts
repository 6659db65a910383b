import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { bm25Rank, docText, hardConstraints, ndcgAt, poolOf, rankDemandPool, rankDemands, rankPool, rankSupplies, recallAt, scorePair, type Demand, type Supply } from '../src/index.js';

/** Words for the tests: the Chinese terms these texts use, found by longest match, plus Latin words. */
const TERMS = ['1,3-丙二醇', '丙二醇', '发酵', '放大', '分离纯化', '抗体', '细胞培养', '甘油', '菌种', '中试', '生物基聚酯', '单抗', '纯化'];
const tokenize = (text: string) => {
  const out: string[] = [];
  for (const t of TERMS) if (text.includes(t)) out.push(t);
  return [...out, ...(text.toLowerCase().match(/[a-z]+/g) ?? [])];
};

const demand: Demand = {
  id: 'D1', title: '1,3-丙二醇发酵放大', text: '以甘油为底物的丙二醇发酵需从 50 L 放大到 5000 L，并完成分离纯化。', domain: 'biochem',
  processes: ['发酵', '分离纯化'], organism: 'bacteria', scaleL: 5000, biosafetyLevel: 1, qualityGrade: 'none', districtCode: '500120', trlNeeded: 6,
};
const supplies: Supply[] = [
  { id: 'C-big', kind: 'capability', title: '万升级发酵中试线', text: '细菌发酵与分离纯化中试，丙二醇等产品放大', domain: 'biochem', processes: ['发酵', '分离纯化'], organisms: ['bacteria'], volumeMinL: 500, volumeMaxL: 20000, biosafetyLevel: 2, qualityGrade: 'none', districtCode: '500120' },
  { id: 'C-small', kind: 'capability', title: '50 L 发酵平台', text: '丙二醇发酵工艺验证', domain: 'biochem', processes: ['发酵'], organisms: ['bacteria'], volumeMinL: 5, volumeMaxL: 50, biosafetyLevel: 1, qualityGrade: 'none', districtCode: '500120' },
  { id: 'C-cell', kind: 'capability', title: '抗体细胞培养 GMP 中试', text: '单抗细胞培养与纯化', domain: 'biopharma', processes: ['细胞培养', '分离纯化'], organisms: ['mammalianCells'], volumeMinL: 50, volumeMaxL: 10000, biosafetyLevel: 2, qualityGrade: 'GMP', districtCode: '500113' },
  { id: 'A-pdo', kind: 'achievement', title: '甘油发酵产1,3-丙二醇菌种', text: '高产菌种，已在 1000 L 完成中试发酵', domain: 'biochem', processes: ['发酵', '菌种选育'], organisms: ['bacteria'], scaleReachedL: 1000, trl: 6, districtCode: '500106' },
  { id: 'A-yeast', kind: 'achievement', title: '酵母发酵丙二醇', text: '酵母体系丙二醇发酵', domain: 'biochem', processes: ['发酵'], organisms: ['yeast'], scaleReachedL: 5, trl: 3, districtCode: '500106' },
];

describe('the matching engine', () => {
  it('rules out a line that cannot reach the scale, and says why', () => {
    const { ranked, excluded } = rankSupplies(demand, supplies, { tokenize });
    expect(excluded.map((e) => e.supplyId)).toEqual(['C-small']);
    expect(excluded[0].why[0].zh).toMatch(/最大工作体积 50 L，达不到需求的 5 m³/);
    expect(ranked.map((x) => x.supplyId)).not.toContain('C-small');
  });

  it('ranks the fitting line and the proven strain above the wrong organism and the wrong domain', () => {
    const { ranked } = rankSupplies(demand, supplies, { tokenize });
    const order = ranked.map((x) => x.supplyId);
    expect(order.slice(0, 2).sort()).toEqual(['A-pdo', 'C-big']);
    expect(order.indexOf('A-yeast')).toBeGreaterThan(order.indexOf('A-pdo'));
    const best = ranked.find((x) => x.supplyId === 'C-big')!;
    expect(best.reasons.map((x) => x.zh)).toEqual(expect.arrayContaining([expect.stringMatching(/^共同关键词：.*丙二醇/), '同属一个领域', '工艺匹配：发酵、分离纯化', '宿主一致：细菌', expect.stringMatching(/覆盖需求的 5 m³/), '位于同一区县']));
    const yeast = ranked.find((x) => x.supplyId === 'A-yeast')!;
    expect(yeast.reasons.map((x) => x.zh)).toEqual(expect.arrayContaining([expect.stringMatching(/宿主不同/), expect.stringMatching(/尚需放大/), expect.stringMatching(/低于要求的 TRL 6/)]));
    expect(best.score).toBeGreaterThan(0);
    expect(best.score).toBeLessThanOrEqual(100);
  });

  it('applies biosafety and quality grade as hard constraints', () => {
    const gmp: Demand = { ...demand, id: 'D2', qualityGrade: 'GMP', biosafetyLevel: 2 };
    expect(hardConstraints(gmp, supplies[0]).map((x) => x.en)).toEqual(['quality system none, GMP required']);
    expect(hardConstraints({ ...demand, biosafetyLevel: 3 }, supplies[0])[0].en).toMatch(/BSL-2, BSL-3 needed/);
    expect(hardConstraints(gmp, supplies[3])).toEqual([]); // an achievement is not a site
  });

  it('works the other way round: the demands a supply may serve', () => {
    const other: Demand = { ...demand, id: 'D3', title: '抗体纯化', text: '单抗纯化工艺放大', domain: 'biopharma', processes: ['分离纯化'], organism: 'mammalianCells', scaleL: 200 };
    const { ranked } = rankDemands(supplies[0], [demand, other], { tokenize });
    expect(ranked[0].demandId).toBe('D1');
  });

  it('ranks by words alone in the BM25 baseline, and measures rankings with nDCG and recall', () => {
    const base = bm25Rank(demand, supplies, tokenize).map((x) => x.supplyId);
    expect(base).toHaveLength(5);
    const judged = new Map([['C-big', 3], ['A-pdo', 3], ['A-yeast', 1]]);
    expect(ndcgAt(['C-big', 'A-pdo', 'A-yeast'], judged, 10)).toBeCloseTo(1);
    expect(ndcgAt(['A-yeast', 'C-cell', 'C-big'], judged, 10)).toBeLessThan(0.7);
    expect(recallAt(['C-big', 'C-cell'], judged, 10)).toBe(0.5);
    expect(recallAt(['C-big', 'A-pdo'], judged, 1)).toBe(0.5);
  });
});

describe('the command line', () => {
  it('reads demands and supplies from JSON files and writes the ranking as JSON', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { runMatchCli } = await import('../src/index.js');
    const dir = mkdtempSync(join(tmpdir(), 'match-'));
    writeFileSync(join(dir, 'd.json'), JSON.stringify([demand]));
    writeFileSync(join(dir, 's.json'), JSON.stringify(supplies));
    let out = '', err = '';
    const io = { write: (t: string) => { out += t; }, error: (t: string) => { err += t; } };
    expect(runMatchCli(['--demands', join(dir, 'd.json'), '--supplies', join(dir, 's.json'), '--limit', '2'], tokenize, io)).toBe(0);
    const result = JSON.parse(out);
    expect(result[0].demandId).toBe('D1');
    expect(result[0].ranked).toHaveLength(2);
    expect(result[0].excluded[0].supplyId).toBe('C-small');
    expect(runMatchCli(['--demands', join(dir, 'd.json')], tokenize, io)).toBe(2);
    expect(err).toMatch(/Usage/);
    expect(runMatchCli(['--demands', join(dir, 'missing.json'), '--supplies', join(dir, 's.json')], tokenize, io)).toBe(2);
  });
});

describe('ranking a pool', () => {
  const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../../bench/match/${name}`, import.meta.url), 'utf8')) as T;
  const evalDemands = read<Demand[]>('demands.json');
  const evalSupplies = read<Supply[]>('supplies.json');
  const distanceKm = (a: string, b: string) => (a === b ? 0 : (Number(a) % 97) + (Number(b) % 89));
  const words = (x: { title: string; text: string }) => tokenize(docText(x));

  it('scores every pair as scorePair does, in both directions, on the judged set', () => {
    const pool = poolOf(evalSupplies, words);
    for (const d of evalDemands) {
      const r = rankPool(d, words(d), pool, { distanceKm });
      expect(r.ranked.length + r.excludedCount).toBe(evalSupplies.length);
      for (const x of r.ranked) expect(x.score, `${d.id} ${x.supplyId}`).toBe(scorePair(d, evalSupplies.find((s) => s.id === x.supplyId)!, pool.corpus, { distanceKm }, words(d)).score);
    }
    const demandPool = poolOf(evalDemands, words);
    for (const s of evalSupplies.slice(0, 20)) {
      const r = rankDemandPool(s, words(s), demandPool, { distanceKm, limit: 5 });
      expect(r.ranked.map((x) => x.score)).toEqual([...r.ranked.map((x) => x.score)].sort((a, b) => b - a));
      for (const x of r.ranked) {
        const full = rankDemandPool(s, words(s), demandPool, { distanceKm });
        expect(full.ranked.find((y) => y.demandId === x.demandId)!.score).toBe(x.score);
      }
    }
  });

  it('gives the same scores when a vocabulary is too large for bit masks', () => {
    const many = evalSupplies.map((s, i) => ({ ...s, processes: [...s.processes, `工艺${i}`] }));
    const pool = poolOf(many, words);
    const small = poolOf(evalSupplies, words);
    for (const d of evalDemands.slice(0, 10)) {
      const a = rankPool(d, words(d), pool, { distanceKm, limit: 10 });
      for (const x of a.ranked) expect(x.score).toBe(scorePair(d, many.find((s) => s.id === x.supplyId)!, pool.corpus, { distanceKm }, words(d)).score);
      expect(rankPool(d, words(d), small, { distanceKm, limit: 10 }).ranked.length).toBe(a.ranked.length);
    }
  });

  it('explains only as many ruled-out pairs as asked, and counts them all', () => {
    const pool = poolOf(supplies, words);
    const r = rankPool({ ...demand, scaleL: 100_000 }, words(demand), pool, { explainExcluded: 1 });
    expect(r.excludedCount).toBe(3);
    expect(r.excluded).toHaveLength(1);
  });
});
