import { describe, expect, it } from 'vitest';
import type { AtlasBase, AtlasCapability } from './api.bases';
import { atlasOption, atlasRows, esc, placeBases, rowMatches, SPREAD_DEG, tierCounts, volumeText } from './pilotMap';

const BISHAN = '500120';
const YUBEI = '500112';

const capability = (id: string, fields: Partial<AtlasCapability> = {}): AtlasCapability => ({
  id, nameZh: `能力${id}`, processes: ['发酵'], organisms: ['bacteria'], volumeMinL: 5, volumeMaxL: 500, qualityGrade: 'none', biosafetyLevel: 1,
  platformId: 'p1', platformCode: 'JD-500120-001-P01', platformNameZh: '发酵放大平台', ...fields,
});
const base = (id: string, fields: Partial<AtlasBase> = {}): AtlasBase => ({
  id, code: `JD-${fields.districtCode ?? BISHAN}-${id}`, nameZh: `基地${id}`, nameEn: null, operatorZh: '运营公司', districtCode: BISHAN, districtNameZh: '璧山区',
  lng: null, lat: null, domains: ['biochem'], tier: 'reserve', allianceMember: false, placedBy: 'district', capabilities: [], ...fields,
});

describe('the pilot map', () => {
  const centroids = new Map<string, [number, number]>([[BISHAN, [106.2, 29.5]], [YUBEI, [106.6, 29.8]]]);

  it('draws a base at its own coordinates, and one without at its district, spreading several there so each can be clicked', () => {
    const points = placeBases([
      base('1', { lng: 106.25, lat: 29.6, placedBy: 'point' }),
      base('2'), base('3'),
      base('4', { districtCode: YUBEI, districtNameZh: '渝北区' }),
      base('5', { districtCode: '500999' }),
    ], centroids);
    const at = Object.fromEntries(points.map((p) => [p.id, [p.lng, p.lat, p.placedBy]]));
    expect(at['1']).toEqual([106.25, 29.6, 'point']);
    expect(at['4']).toEqual([106.6, 29.8, 'district']);
    expect(at['5']).toBeUndefined();
    const spread = Math.hypot(at['2'][0] as number - 106.2, at['2'][1] as number - 29.5);
    expect(spread).toBeCloseTo(SPREAD_DEG, 6);
    expect(at['2']).not.toEqual(at['3']);
  });

  it('counts the matching bases by tier, with alliance members, capabilities and districts', () => {
    expect(tierCounts([
      base('1', { tier: 'national', allianceMember: true, capabilities: [capability('a'), capability('b')] }),
      base('2', { tier: 'key', capabilities: [capability('c')] }),
      base('3', { tier: 'key', districtCode: YUBEI }),
      base('4'),
    ])).toEqual({ total: 4, national: 1, key: 2, reserve: 1, alliance: 1, capabilities: 3, districts: 2 });
  });

  it('lists one row per capability, and a row for a base with none', () => {
    const rows = atlasRows([base('1', { capabilities: [capability('a'), capability('b')] }), base('2')]);
    expect(rows.map((r) => [r.key, r.base.id, r.capability?.id ?? null])).toEqual([['a', '1', 'a'], ['b', '1', 'b'], ['base:2', '2', null]]);
  });

  it('finds rows by base, platform and capability names and by unit operation in either language', () => {
    const [row] = atlasRows([base('1', { capabilities: [capability('a', { processes: ['细胞培养'], organisms: ['mammalianCells'] })] })]);
    expect(rowMatches(row, '细胞')).toBe(true);
    expect(rowMatches(row, 'cell culture')).toBe(true);
    expect(rowMatches(row, '哺乳动物')).toBe(true);
    expect(rowMatches(row, '发酵放大')).toBe(true);
    expect(rowMatches(row, '酶催化')).toBe(false);
    expect(rowMatches(row, '  ')).toBe(true);
  });

  it('writes working volumes in litres', () => {
    expect(volumeText(5, 5000)).toBe('5–5,000 L');
    expect(volumeText(500, 500, 'en')).toBe('500 L');
  });

  it('shades districts by their bases and draws one series per tier, alliance members ringed, names never as markup', () => {
    const evil = base('1', { tier: 'national', allianceMember: true, nameZh: '<img src=x onerror=alert(1)>', lng: 106.25, lat: 29.6, placedBy: 'point' });
    const option = atlasOption({
      lang: 'zh', mapName: 'chongqing',
      districts: [{ code: BISHAN, nameZh: '璧山区', nameEn: 'Bishan', bases: 3 }, { code: YUBEI, nameZh: '渝北区', nameEn: 'Yubei', bases: 0 }],
      shapes: [{ adcode: BISHAN, name: '璧山区', centroid: [106.2, 29.5] }, { adcode: YUBEI, name: '渝北区', centroid: [106.6, 29.8] }],
      points: placeBases([evil, base('2')], centroids),
    });
    expect(option.visualMap.max).toBe(3);
    expect(option.series.map((s) => [s.type, s.data.length])).toEqual([['map', 2], ['scatter', 1], ['scatter', 0], ['scatter', 1]]);
    const national = option.series[1].data[0] as { itemStyle?: { borderColor: string }; value: number[] };
    expect(national.itemStyle?.borderColor).toBe('#d4a017');
    const html = option.tooltip.formatter({ seriesType: 'scatter', data: national as never });
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img');
    expect(esc('a&b')).toBe('a&#38;b');
  });
});
