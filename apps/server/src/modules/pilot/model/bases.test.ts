import { describe, expect, it } from 'vitest';
import { baseProblems, capabilityPasses, capabilityProblems, capabilityTokens, equipmentProblems, meetsGrade, pointProblems, recognitionProblems, serviceProblems } from './bases.js';

const paths = (p: { path: string }[]) => p.map((x) => x.path);

describe('a base', () => {
  it('names what is missing or outside the four domains', () => {
    expect(baseProblems({ nameZh: '璧山中试基地', operatorZh: '某公司', domains: ['biochem', 'biopharma'] })).toEqual([]);
    expect(paths(baseProblems({ nameZh: ' ', operatorZh: '', domains: ['biochem', 'cosmetics'] }))).toEqual(['/nameZh', '/operatorZh', '/domains/1']);
    // A patch names only what it changes.
    expect(baseProblems({ summaryZh: '新的简介' })).toEqual([]);
  });

  it('is placed by both coordinates inside Chongqing, or by its district alone', () => {
    expect(pointProblems(null, null)).toEqual([]);
    expect(pointProblems(106.2, 29.6)).toEqual([]);
    expect(paths(pointProblems(106.2, null))).toEqual(['/lat']);
    // Swapped coordinates fall outside the municipality on both axes.
    expect(paths(pointProblems(29.6, 106.2))).toEqual(['/lng', '/lat']);
  });

  it('records a key or national recognition with its day (not in the future) and body; a reserve base needs none', () => {
    const today = '2026-03-10';
    expect(recognitionProblems('reserve', null, null, today)).toEqual([]);
    expect(recognitionProblems('key', '2025-06-30', '重庆市科学技术局', today)).toEqual([]);
    expect(paths(recognitionProblems('national', null, ' ', today))).toEqual(['/recognisedOn', '/recognisedByZh']);
    expect(paths(recognitionProblems('key', '2026-03-11', '重庆市科学技术局', today))).toEqual(['/recognisedOn']);
    expect(paths(recognitionProblems('key', '2025-02-29', '重庆市科学技术局', today))).toEqual(['/recognisedOn']);
    expect(paths(recognitionProblems('provincial', null, null, today))).toEqual(['/tier']);
  });
});

describe('a capability', () => {
  const ok = { nameZh: '发酵线', processes: ['发酵'], organisms: ['bacteria'], volumeMinL: 50, volumeMaxL: 5000, qualityGrade: 'none', biosafetyLevel: 1 };

  it('refuses a volume range whose smallest end exceeds the largest, naming /volumeMinL', () => {
    expect(capabilityProblems(ok)).toEqual([]);
    expect(capabilityProblems({ ...ok, volumeMinL: 5000, volumeMaxL: 5000 })).toEqual([]);
    const p = capabilityProblems({ ...ok, volumeMinL: 6000 });
    expect(paths(p)).toEqual(['/volumeMinL']);
    expect(p[0].message).toMatch(/最小工作体积 6000 L 大于最大工作体积 5000 L/);
    expect(paths(capabilityProblems({ ...ok, volumeMinL: -1 }))).toEqual(['/volumeMinL']);
    expect(paths(capabilityProblems({ ...ok, volumeMaxL: 0, volumeMinL: 0 }))).toEqual(['/volumeMaxL']);
  });

  it('takes unit operations, organisms, grades and containment levels from the vocabularies', () => {
    expect(paths(capabilityProblems({ ...ok, processes: ['发酵', '蒸馏'], organisms: ['virus'], qualityGrade: 'ISO', biosafetyLevel: 5 })))
      .toEqual(['/processes/1', '/organisms/0', '/qualityGrade', '/biosafetyLevel']);
  });

  it('is found by its processes and the Chinese names of its organisms', () => {
    const t = capabilityTokens({ nameZh: '中试线', descriptionZh: null, processes: ['分离纯化'], organisms: ['yeast'] });
    expect(t).toEqual(expect.arrayContaining(['分离', '纯化', '酵母']));
  });
});

describe('the atlas filters', () => {
  const gmpLine = { processes: ['细胞培养', '分离纯化'], organisms: ['mammalianCells'], volumeMinL: 50, volumeMaxL: 2000, qualityGrade: 'GMP', biosafetyLevel: 2 };
  const glpLine = { ...gmpLine, qualityGrade: 'GLP' };
  const plain = { processes: ['发酵'], organisms: ['bacteria', 'yeast'], volumeMinL: 5, volumeMaxL: 500, qualityGrade: 'none', biosafetyLevel: 1 };

  it('meets a grade as matching does: GMP needs GMP, GLP needs GLP (separate regimes); no grade takes any', () => {
    expect(['GMP', 'GLP', 'none'].filter((g) => meetsGrade(g, 'GMP'))).toEqual(['GMP']);
    expect(['GMP', 'GLP', 'none'].filter((g) => meetsGrade(g, 'GLP'))).toEqual(['GLP']);
    expect(['GMP', 'GLP', 'none'].filter((g) => meetsGrade(g, 'none'))).toEqual(['GMP', 'GLP', 'none']);
  });

  it('passes a capability that does every thing asked: process, organism, a scale inside its range, grade, containment at least', () => {
    expect(capabilityPasses(gmpLine, {})).toBe(true);
    expect(capabilityPasses(gmpLine, { process: '细胞培养', organism: 'mammalianCells', scaleL: 2000, grade: 'GMP', bsl: 2 })).toBe(true);
    expect(capabilityPasses(gmpLine, { grade: 'GLP' })).toBe(false);
    expect(capabilityPasses(glpLine, { grade: 'GMP' })).toBe(false);
    expect(capabilityPasses(gmpLine, { scaleL: 2001 })).toBe(false);
    expect(capabilityPasses(gmpLine, { scaleL: 49 })).toBe(false);
    expect(capabilityPasses(gmpLine, { bsl: 3 })).toBe(false);
    expect(capabilityPasses(plain, { process: '细胞培养' })).toBe(false);
    expect(capabilityPasses(plain, { organism: 'yeast', scaleL: 5 })).toBe(true);
  });
});

describe('services and equipment', () => {
  it('keep prices and lead times non-negative, and equipment codes to asset-code characters', () => {
    expect(serviceProblems({ nameZh: '发酵工艺放大', priceYuan: 80000, leadTimeDays: 30 })).toEqual([]);
    expect(paths(serviceProblems({ nameZh: '', priceYuan: -1, leadTimeDays: 1.5 }))).toEqual(['/nameZh', '/priceYuan', '/leadTimeDays']);
    expect(equipmentProblems({ code: 'BS-FJ-500/01', nameZh: '发酵罐', typeZh: '发酵罐', priceMemberYuan: 0 })).toEqual([]);
    expect(paths(equipmentProblems({ code: '发酵罐 1', nameZh: '发酵罐', typeZh: ' ', status: 'broken', priceInstituteYuan: -5 }))).toEqual(['/code', '/typeZh', '/status', '/priceInstituteYuan']);
  });
});
