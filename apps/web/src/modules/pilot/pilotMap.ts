import type { AtlasBase, AtlasCapability, AtlasDistrict } from './api.bases';
import { BASE_TIER_ORDER, BASE_TIERS, ORGANISMS, PROCESSES, type BaseTier } from './labels.bases';

/**
 * 中试图谱 as data: where each base is drawn, the counts on top of the map, the rows of the atlas
 * table and the ECharts option of the district map with the bases on it. Pure, so it is tested
 * without a browser; AtlasMap draws it.
 */

type Lang = 'zh' | 'en';

/** A district's outline as the boundary file names it, and its centroid (where bases without coordinates go). */
export interface DistrictShape { adcode: string; name: string; centroid: [number, number] | null }

export interface BasePoint {
  id: string; code: string; nameZh: string; nameEn: string | null; operatorZh: string; districtCode: string; districtNameZh: string;
  tier: BaseTier; allianceMember: boolean; placedBy: 'point' | 'district'; capabilities: number; lng: number; lat: number;
}

/** How far apart (degrees) bases placed at one district centroid are spread, so that each can be clicked. */
export const SPREAD_DEG = 0.05;

/**
 * Each base at its own coordinates, or, without them, at its district's centroid; several bases
 * at one centroid are set on a small circle around it. A base whose district has no outline is
 * left out (it still appears in the table).
 */
export function placeBases(items: AtlasBase[], centroids: Map<string, [number, number]>): BasePoint[] {
  const byDistrict = new Map<string, AtlasBase[]>();
  for (const b of items) if (b.placedBy === 'district' || b.lng == null || b.lat == null) byDistrict.set(b.districtCode, [...(byDistrict.get(b.districtCode) ?? []), b]);
  const points: BasePoint[] = [];
  const point = (b: AtlasBase, lng: number, lat: number): BasePoint => ({
    id: b.id, code: b.code, nameZh: b.nameZh, nameEn: b.nameEn, operatorZh: b.operatorZh, districtCode: b.districtCode, districtNameZh: b.districtNameZh,
    tier: b.tier, allianceMember: b.allianceMember, placedBy: b.lng != null && b.lat != null ? 'point' : 'district', capabilities: b.capabilities.length, lng, lat,
  });
  for (const b of items) if (b.lng != null && b.lat != null) points.push(point(b, b.lng, b.lat));
  for (const [code, group] of byDistrict) {
    const c = centroids.get(code);
    if (!c) continue;
    group.forEach((b, k) => {
      const angle = (2 * Math.PI * k) / group.length - Math.PI / 2;
      const r = group.length > 1 ? SPREAD_DEG : 0;
      points.push(point(b, round6(c[0] + r * Math.cos(angle)), round6(c[1] + r * Math.sin(angle))));
    });
  }
  return points;
}
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export interface TierCounts { total: number; national: number; key: number; reserve: number; alliance: number; capabilities: number; districts: number }

/** The figures on top of the map: bases by tier, alliance members, capabilities and districts covered. */
export function tierCounts(items: AtlasBase[]): TierCounts {
  const c: TierCounts = { total: items.length, national: 0, key: 0, reserve: 0, alliance: 0, capabilities: 0, districts: new Set(items.map((b) => b.districtCode)).size };
  for (const b of items) {
    c[b.tier] += 1;
    if (b.allianceMember) c.alliance += 1;
    c.capabilities += b.capabilities.length;
  }
  return c;
}

/** One row per capability; a base with none (or none listed) still has its row, so that it can be found and opened. */
export interface AtlasRow { key: string; base: AtlasBase; capability: AtlasCapability | null }

export function atlasRows(items: AtlasBase[]): AtlasRow[] {
  return items.flatMap((base): AtlasRow[] => (base.capabilities.length
    ? base.capabilities.map((capability) => ({ key: capability.id, base, capability }))
    : [{ key: `base:${base.id}`, base, capability: null }]));
}

/** The table's own quick search: any of the base's, platform's or capability's names, codes and unit operations. */
export function rowMatches(row: AtlasRow, text: string): boolean {
  const q = text.trim().toLowerCase();
  if (!q) return true;
  const c = row.capability;
  const hay = [
    row.base.nameZh, row.base.nameEn, row.base.code, row.base.operatorZh, row.base.districtNameZh,
    c?.nameZh, c?.platformNameZh, c?.platformCode, ...(c?.processes ?? []), ...(c?.processes ?? []).map((p) => PROCESSES[p]?.en),
    ...(c?.organisms ?? []).flatMap((o) => [ORGANISMS[o]?.zh, ORGANISMS[o]?.en]),
  ];
  return hay.some((s) => !!s && s.toLowerCase().includes(q));
}

const litres = (v: number, lang: Lang) => v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 });

/** A working-volume range: 5–500 L, or 500 L when both ends agree. */
export function volumeText(min: number, max: number, lang: Lang = 'zh'): string {
  return min === max ? `${litres(max, lang)} L` : `${litres(min, lang)}–${litres(max, lang)} L`;
}

/** Text for the map's HTML tooltips: names are typed by people, so never markup. */
export const esc = (s: string | null | undefined) => (s ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export const tierSeriesName = (lang: Lang, t: BaseTier) => (lang === 'zh' ? `${BASE_TIERS[t].zh}基地` : `${BASE_TIERS[t].en} bases`);
const SYMBOL_SIZE: Record<BaseTier, number> = { national: 17, key: 14, reserve: 11 };
const ALLIANCE_RING = '#d4a017';

interface RegionDatum { name: string; code: string; nameZh: string; nameEn: string; value: number }
interface PointDatum { name: string; value: [number, number]; base: BasePoint }

/**
 * The map: districts shaded by how many matching bases they hold, with the bases on top, one
 * scatter series per tier (so the legend can hide a tier); alliance members ringed in gold.
 */
export function atlasOption({ lang, districts, shapes, points, mapName }: {
  lang: Lang; districts: AtlasDistrict[]; shapes: DistrictShape[]; points: BasePoint[]; mapName: string;
}) {
  const byCode = new Map(districts.map((d) => [d.code, d]));
  const max = Math.max(1, ...districts.map((d) => d.bases));
  const regions: RegionDatum[] = shapes.map((s) => {
    const d = byCode.get(s.adcode);
    return { name: s.name, code: s.adcode, nameZh: d?.nameZh ?? s.name, nameEn: d?.nameEn ?? s.name, value: d?.bases ?? 0 };
  });
  const tooltip = (p: { seriesType?: string; data?: RegionDatum | PointDatum }) => {
    if (!p.data) return '';
    if (p.seriesType === 'scatter') {
      const b = (p.data as PointDatum).base;
      const tier = BASE_TIERS[b.tier];
      const lines = [
        `<b>${esc(b.nameZh)}</b>${b.nameEn ? ` <span style="opacity:.6">${esc(b.nameEn)}</span>` : ''}`,
        `${esc(b.code)} · ${esc(b.districtNameZh)} · ${lang === 'zh' ? `${tier.zh}（${tier.en}）` : `${tier.en} (${tier.zh})`}${b.allianceMember ? (lang === 'zh' ? ' · 中试联盟成员' : ' · alliance member') : ''}`,
        `${lang === 'zh' ? '运营单位' : 'Operator'}：${esc(b.operatorZh)}`,
        lang === 'zh' ? `符合条件的能力 ${b.capabilities} 项` : `${b.capabilities} matching capabilities`,
      ];
      if (b.placedBy === 'district') lines.push(`<span style="opacity:.6">${lang === 'zh' ? '未登记坐标，按所在区县标注' : 'No coordinates: drawn at its district'}</span>`);
      lines.push(`<span style="opacity:.6">${lang === 'zh' ? '点击打开基地' : 'Click to open the base'}</span>`);
      return lines.join('<br/>');
    }
    const d = p.data as RegionDatum;
    const [main, aside] = lang === 'zh' ? [d.nameZh, d.nameEn] : [d.nameEn, d.nameZh];
    return `<b>${esc(main)}</b> <span style="opacity:.6">${esc(aside)}</span><br/>${lang === 'zh' ? `中试基地 <b>${d.value}</b> 个` : `<b>${d.value}</b> pilot bases`}`
      + `<br/><span style="opacity:.6">${lang === 'zh' ? '点击只看该区县' : 'Click to show this district only'}</span>`;
  };
  return {
    tooltip: { trigger: 'item', formatter: tooltip },
    legend: {
      orient: 'vertical', right: 8, bottom: 8, itemWidth: 12, itemHeight: 12, textStyle: { color: '#5b6b82', fontSize: 11 },
      data: BASE_TIER_ORDER.map((t) => tierSeriesName(lang, t)),
    },
    visualMap: {
      type: 'continuous', seriesIndex: 0, min: 0, max, calculable: false, left: 8, bottom: 8, itemHeight: 100, precision: 0,
      text: [lang === 'zh' ? `基地多（${max} 个）` : `More bases (${max})`, lang === 'zh' ? '少' : 'Fewer'], textStyle: { color: '#5b6b82', fontSize: 11 },
      inRange: { color: ['#f1f5fb', '#c9daf2', '#8fb1e3', '#4f7fc8', '#24529c'] },
    },
    geo: {
      map: mapName, roam: true, scaleLimit: { min: 0.8, max: 8 }, selectedMode: false, layoutCenter: ['52%', '50%'], layoutSize: '96%',
      label: { show: false }, itemStyle: { borderColor: '#fff', borderWidth: 0.8, areaColor: '#f1f5fb' },
      emphasis: { label: { show: true, color: '#0f2747', fontSize: 12 }, itemStyle: { areaColor: '#f5d77a' } },
    },
    series: [
      { type: 'map', geoIndex: 0, name: lang === 'zh' ? '区县' : 'Districts', data: regions },
      ...BASE_TIER_ORDER.map((t) => ({
        type: 'scatter', coordinateSystem: 'geo', name: tierSeriesName(lang, t), symbolSize: SYMBOL_SIZE[t], z: 3 + BASE_TIER_ORDER.length - BASE_TIER_ORDER.indexOf(t),
        itemStyle: { color: BASE_TIERS[t].hex, borderColor: '#fff', borderWidth: 1.5, shadowBlur: 4, shadowColor: 'rgba(15,39,71,.3)' },
        emphasis: { scale: 1.4 },
        data: points.filter((p) => p.tier === t).map((p): PointDatum & { itemStyle?: object } => ({
          name: p.nameZh, value: [p.lng, p.lat], base: p,
          ...(p.allianceMember ? { itemStyle: { borderColor: ALLIANCE_RING, borderWidth: 3 } } : {}),
        })),
      })),
    ],
  };
}
