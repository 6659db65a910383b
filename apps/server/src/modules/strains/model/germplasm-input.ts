import type { ErrorDetail } from '../../../platform/http/errors.js';
import { isIsoDate } from '../../../platform/dates.js';
import { GERMPLASM_KIND_CODES, GERMPLASM_STATUS_CODES } from './labels.js';

/** A germplasm record (种质资源): plants, animals, insects with where they were collected. */
export interface GermplasmInput {
  kind: string;
  nameZh: string;
  latinName: string | null;
  varietyZh: string | null;
  siteZh: string | null;
  siteLat: number | null;
  siteLon: number | null;
  collectedOn: string | null;
  keeperOrganisationId: string | null;
  traitsZh: string | null;
  restricted: boolean;
  status: string;
}

export const GERMPLASM_FIELDS = ['kind', 'nameZh', 'latinName', 'varietyZh', 'siteZh', 'siteLat', 'siteLon', 'collectedOn', 'keeperOrganisationId', 'traitsZh', 'restricted', 'status'] as const satisfies readonly (keyof GermplasmInput)[];

/** A binomial or trinomial as botanists and zoologists write it: Morus alba, Bombyx mori, Coptis chinensis var. brevisepala. */
export const LATIN_NAME = /^[A-Z][a-z]+( [a-z×-]+)*( (var|subsp|f|cv)\. [a-z'-]+)?$/;

export function germplasmProblems(g: Partial<GermplasmInput>, today: string): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const p = (path: string, zh: string, en: string) => out.push({ path: `/${path}`, message: `${zh}（${en}）` });
  if (!g.kind || !GERMPLASM_KIND_CODES.includes(g.kind as never)) p('kind', '类别为植物、动物、昆虫、微生物或其他', 'the kind is plant, animal, insect, microbe or other');
  if (!g.nameZh?.trim() || g.nameZh.length > 100) p('nameZh', '请填写中文名（不超过 100 字）', 'write the Chinese name (at most 100 characters)');
  if (g.latinName != null && !LATIN_NAME.test(g.latinName)) p('latinName', '拉丁学名如 Morus alba', 'a Latin name looks like Morus alba');
  for (const [k, max] of [['varietyZh', 100], ['siteZh', 200], ['traitsZh', 2000]] as const) if (g[k] != null && g[k]!.length > max) p(k, `不超过 ${max} 个字符`, `at most ${max} characters`);
  const lat = g.siteLat, lon = g.siteLon;
  if (lat != null && !(Number.isFinite(lat) && lat >= -90 && lat <= 90)) p('siteLat', '纬度须在 −90 到 90 之间', 'latitude is between −90 and 90');
  if (lon != null && !(Number.isFinite(lon) && lon >= -180 && lon <= 180)) p('siteLon', '经度须在 −180 到 180 之间', 'longitude is between −180 and 180');
  if ((lat == null) !== (lon == null)) p(lat == null ? 'siteLat' : 'siteLon', '经纬度须同时填写', 'give both latitude and longitude, or neither');
  if (g.collectedOn != null && (!isIsoDate(g.collectedOn) || g.collectedOn > today)) p('collectedOn', '采集日期格式为 YYYY-MM-DD，且不晚于今天', 'the collection date is YYYY-MM-DD and not in the future');
  if (g.status != null && !GERMPLASM_STATUS_CODES.includes(g.status as never)) p('status', '状态为保存中、已丢失或已注销', 'the status is kept, lost or withdrawn');
  return out;
}
