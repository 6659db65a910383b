import type { ErrorDetail } from '../../../platform/http/errors.js';
import { isIsoDate } from '../../../platform/dates.js';
import type { StrainLineage, StrainLiterature } from '../schema.js';
import { minimumLevel } from './biosafety.js';
import { ATMOSPHERE_CODES, ATMOSPHERES, HAZARD_CLASSES, ORGANISM_KIND_CODES } from './labels.js';

/** What a depositor or curator writes of a strain (the MCL / WFCC fields). */
export interface StrainInput {
  organismKind: string;
  genus: string;
  species: string | null;
  subspecies: string | null;
  strainDesignation: string | null;
  nameZh: string | null;
  lineage: StrainLineage | null;
  typeStrain: boolean;
  otherNumbers: string[];
  depositorNameZh: string | null;
  historyZh: string | null;
  depositedOn: string | null;
  isolationSourceZh: string | null;
  isolationPlaceZh: string | null;
  isolationLat: number | null;
  isolationLon: number | null;
  isolationCountry: string | null;
  isolatedOn: string | null;
  mediumZh: string | null;
  growthTemperatureC: number | null;
  atmosphere: string | null;
  applicationsZh: string[];
  products: string[];
  enzymes: string[];
  tolerances: string[];
  keyGenes: string[];
  literature: StrainLiterature[];
  hazardClass: number | null;
  biosafetyLevel: number;
  gmo: boolean;
  exportControl: boolean;
  nagoyaAbs: boolean;
  restrictionNoteZh: string | null;
}

export const STRAIN_FIELDS = [
  'organismKind', 'genus', 'species', 'subspecies', 'strainDesignation', 'nameZh', 'lineage', 'typeStrain', 'otherNumbers',
  'depositorNameZh', 'historyZh', 'depositedOn', 'isolationSourceZh', 'isolationPlaceZh', 'isolationLat', 'isolationLon',
  'isolationCountry', 'isolatedOn', 'mediumZh', 'growthTemperatureC', 'atmosphere', 'applicationsZh', 'products', 'enzymes',
  'tolerances', 'keyGenes', 'literature', 'hazardClass', 'biosafetyLevel', 'gmo', 'exportControl', 'nagoyaAbs', 'restrictionNoteZh',
] as const satisfies readonly (keyof StrainInput)[];

export const LIST_FIELDS = ['otherNumbers', 'applicationsZh', 'products', 'enzymes', 'tolerances', 'keyGenes'] as const;

/** Genus: one capitalised Latin word (Bacillus). */
export const GENUS = /^[A-Z][a-z]+$/;
/** Species and subspecies epithets: lower-case Latin, a hyphen allowed (subtilis, sp.-free). */
export const EPITHET = /^[a-z]+(-[a-z]+)?$/;
/** Another collection's number: its acronym, a space, its number (ATCC 8739, CGMCC 1.15, NRRL B-14911). */
export const OTHER_NUMBER = /^[A-Z][A-Z0-9]{1,9} [A-Za-z0-9][A-Za-z0-9.\-/ ]{0,29}$/;
const DOI = /^10\.\d{4,9}\/\S+$/;
const COUNTRY = /^[A-Z]{2}$/;

export const TEMPERATURE_RANGE = { min: -20, max: 120 } as const;

const problem = (path: string, zh: string, en: string): ErrorDetail => ({ path: `/${path}`, message: `${zh}（${en}）` });

/** Every problem of a whole strain record, each naming its field; `today` bounds the dates. */
export function strainProblems(s: Partial<StrainInput>, today: string): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const p = (path: string, zh: string, en: string) => out.push(problem(path, zh, en));

  if (!s.organismKind || !ORGANISM_KIND_CODES.includes(s.organismKind as never)) p('organismKind', '请选择生物类别', 'choose the kind of organism');
  if (!s.genus || !GENUS.test(s.genus)) p('genus', '属名须为首字母大写的拉丁文，如 Bacillus', 'the genus is one capitalised Latin word, e.g. Bacillus');
  if (s.species != null && !EPITHET.test(s.species)) p('species', '种加词须为小写拉丁文，如 subtilis', 'the specific epithet is lower-case Latin, e.g. subtilis');
  if (s.subspecies != null && !EPITHET.test(s.subspecies)) p('subspecies', '亚种加词须为小写拉丁文', 'the subspecific epithet is lower-case Latin');
  if (s.subspecies != null && s.species == null) p('subspecies', '有亚种须先有种名', 'a subspecies needs a species');
  for (const [k, max] of [['strainDesignation', 60], ['nameZh', 100], ['depositorNameZh', 100], ['historyZh', 2000], ['isolationSourceZh', 500],
    ['isolationPlaceZh', 200], ['mediumZh', 500], ['restrictionNoteZh', 500]] as const) {
    const v = s[k];
    if (v != null && (typeof v !== 'string' || v.length > max)) p(k, `不超过 ${max} 个字符`, `at most ${max} characters`);
  }

  (s.otherNumbers ?? []).forEach((n, i) => {
    if (!OTHER_NUMBER.test(n)) p(`otherNumbers/${i}`, `「${n}」不是保藏编号格式，如 ATCC 8739`, 'write another collection\'s number as its acronym and number, e.g. ATCC 8739');
  });
  for (const k of ['applicationsZh', 'products', 'enzymes', 'tolerances', 'keyGenes'] as const) {
    const xs = s[k] ?? [];
    if (xs.length > 50) p(k, '最多 50 项', 'at most 50 entries');
    xs.forEach((x, i) => { if (!x || x.length > 200) p(`${k}/${i}`, '每项 1–200 个字符', 'each entry has 1–200 characters'); });
  }
  (s.literature ?? []).forEach((l, i) => {
    if (!l?.citation?.trim() || l.citation.length > 1000) p(`literature/${i}/citation`, '请填写文献引文（不超过 1000 字）', 'write the citation (at most 1,000 characters)');
    if (l?.doi != null && !DOI.test(l.doi)) p(`literature/${i}/doi`, 'DOI 格式如 10.1000/xyz', 'a DOI looks like 10.1000/xyz');
  });

  const lat = s.isolationLat, lon = s.isolationLon;
  if (lat != null && !(Number.isFinite(lat) && lat >= -90 && lat <= 90)) p('isolationLat', '纬度须在 −90 到 90 之间', 'latitude is between −90 and 90');
  if (lon != null && !(Number.isFinite(lon) && lon >= -180 && lon <= 180)) p('isolationLon', '经度须在 −180 到 180 之间', 'longitude is between −180 and 180');
  if ((lat == null) !== (lon == null)) p(lat == null ? 'isolationLat' : 'isolationLon', '经纬度须同时填写', 'give both latitude and longitude, or neither');
  if (s.isolationCountry != null && !COUNTRY.test(s.isolationCountry)) p('isolationCountry', '国家用两位代码，如 CN', 'the country is its two-letter code, e.g. CN');
  for (const k of ['isolatedOn', 'depositedOn'] as const) {
    const d = s[k];
    if (d == null) continue;
    if (!isIsoDate(d)) p(k, '日期格式为 YYYY-MM-DD', 'a date is YYYY-MM-DD');
    else if (d > today) p(k, '日期不能晚于今天', 'the date cannot be in the future');
  }
  if (s.isolatedOn && s.depositedOn && isIsoDate(s.isolatedOn) && isIsoDate(s.depositedOn) && s.depositedOn < s.isolatedOn) p('depositedOn', '保藏日期不能早于分离日期', 'a strain is deposited after it was isolated');

  const t = s.growthTemperatureC;
  if (t != null && !(Number.isFinite(t) && t >= TEMPERATURE_RANGE.min && t <= TEMPERATURE_RANGE.max)) p('growthTemperatureC', '培养温度须在 −20 到 120 °C 之间', 'the growth temperature is between −20 and 120 °C');
  if (s.atmosphere != null && !ATMOSPHERE_CODES.includes(s.atmosphere as never)) p('atmosphere', `培养气体条件须为：${Object.values(ATMOSPHERES).map((a) => a.zh).join('、')}`, `the atmosphere is one of ${ATMOSPHERE_CODES.join(', ')}`);

  const hc = s.hazardClass;
  if (hc != null && !HAZARD_CLASSES[hc]) p('hazardClass', '危害程度分类为 1–4 类，或不填（非病原微生物）', 'the hazard class is 1–4, or empty for a non-pathogen');
  const bsl = s.biosafetyLevel;
  if (bsl == null || !Number.isInteger(bsl) || bsl < 1 || bsl > 4) p('biosafetyLevel', '生物安全等级为 BSL-1 至 BSL-4', 'the biosafety level is BSL-1 to BSL-4');
  else if (hc != null && HAZARD_CLASSES[hc] && bsl < minimumLevel(hc)) {
    p('biosafetyLevel', `第${'一二三四'[hc - 1]}类病原微生物至少须 BSL-${minimumLevel(hc)}`, `a hazard class ${hc} organism needs at least BSL-${minimumLevel(hc)}`);
  }
  return out;
}
