import type { Hit } from './search.js';

export type CallLevel = 'species' | 'genus' | 'none';
export type Marker = '16S' | 'ITS' | 'other';
export interface Call { level: CallLevel; zh: string; en: string }

/**
 * 16S: Yarza et al. 2014 (Nat Rev Microbiol 12:635) — 98.7 % for species, 94.5 % for genus.
 * Below `minCoverage` % of the query in the alignment no call is made: a short local match
 * says nothing about the whole gene.
 */
export const THRESHOLDS = { species16S: 98.7, genus16S: 94.5, minCoverage: 80 } as const satisfies { species16S: 98.7; genus16S: 94.5; minCoverage: number };
/** ITS: Vu et al. 2019 (Stud Mycol 92:135) — 98.41 % species, 94.3 % genus for filamentous fungi and yeasts. */
export const ITS_THRESHOLDS = { species: 98.41, genus: 94.3 } as const;

const levels = (marker: Marker) =>
  marker === '16S' ? { species: THRESHOLDS.species16S, genus: THRESHOLDS.genus16S }
  : marker === 'ITS' ? { species: ITS_THRESHOLDS.species, genus: ITS_THRESHOLDS.genus }
  : null;

/** Percentages as measured (up to 2 decimals), never rounded across a threshold. */
const pct = (x: number) => String(Math.round(x * 100) / 100);

/**
 * The call a hit supports, in words. Other markers (genes, plasmids, genomes) have no agreed
 * threshold, so they get no taxonomic call, only the figures.
 */
export function callFor(hit: Hit | undefined, marker: Marker, names: { genus?: string | null; species?: string | null } = {}): Call {
  if (!hit) return { level: 'none', zh: '无匹配（未找到相似序列）', en: 'No match (no similar sequence found)' };
  const figuresZh = `${marker} 一致性 ${pct(hit.identity)}%，覆盖度 ${pct(hit.queryCoverage)}%`;
  const figuresEn = `${marker} identity ${pct(hit.identity)} %, coverage ${pct(hit.queryCoverage)} %`;
  const t = levels(marker);
  if (!t) return { level: 'none', zh: `不作分类判定（该标记无公认阈值；${figuresZh}）`, en: `No taxonomic call for this marker (no agreed threshold; ${figuresEn})` };
  if (hit.queryCoverage < THRESHOLDS.minCoverage) {
    return { level: 'none', zh: `无匹配（覆盖度 ${pct(hit.queryCoverage)}% 低于 ${THRESHOLDS.minCoverage}%；${figuresZh}）`, en: `No match (coverage ${pct(hit.queryCoverage)} % is below ${THRESHOLDS.minCoverage} %; ${figuresEn})` };
  }
  const genus = names.genus?.trim() || null;
  const speciesRaw = names.species?.trim() || null;
  const species = speciesRaw && genus && !speciesRaw.startsWith(genus) ? `${genus} ${speciesRaw}` : speciesRaw;
  if (hit.identity >= t.species) {
    const who = species ?? (genus ? `${genus} sp.` : null);
    return who
      ? { level: 'species', zh: `与 ${who} 同种（${figuresZh}）`, en: `Same species as ${who} (${figuresEn})` }
      : { level: 'species', zh: `与该参考序列同种（${figuresZh}）`, en: `Same species as the reference (${figuresEn})` };
  }
  if (hit.identity >= t.genus) {
    return genus
      ? { level: 'genus', zh: `与 ${genus} 同属（${figuresZh}）`, en: `Same genus as ${genus} (${figuresEn})` }
      : { level: 'genus', zh: `与该参考序列同属（${figuresZh}）`, en: `Same genus as the reference (${figuresEn})` };
  }
  return { level: 'none', zh: `无匹配（${figuresZh}，低于属水平阈值 ${t.genus}%）`, en: `No match (${figuresEn}, below the genus threshold of ${t.genus} %)` };
}
