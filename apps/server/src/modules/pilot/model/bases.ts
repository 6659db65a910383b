import type { ErrorDetail } from '../../../platform/http/errors.js';
import { isIsoDate } from '../../../platform/dates.js';
import { tokensOf } from '../../../platform/search/segmenter.js';
import { BASE_TIER_CODES, DOMAINS, EQUIPMENT_STATUSES, ORGANISM_CODES, ORGANISMS, PROCESS_NAMES, QUALITY_GRADE_CODES } from './labels.js';

/** Pure rules of pilot bases, their platforms, capabilities, services and equipment. */

const at = (path: string, zh: string, en: string): ErrorDetail => ({ path, message: `${zh}（${en}）` });
const blank = (s: string | null | undefined) => s !== undefined && (s === null || !s.trim());
const nonNegative = (x: number | null | undefined) => x == null || (Number.isFinite(x) && x >= 0);

export type BaseTier = (typeof BASE_TIER_CODES)[number];
export type QualityGrade = (typeof QUALITY_GRADE_CODES)[number];
export const TIER_RANK: Record<BaseTier, number> = { reserve: 0, key: 1, national: 2 };

/**
 * Chongqing's extent with a margin (105.28–110.19 E, 28.16–32.20 N): a point outside it is a
 * swapped or mistyped coordinate, not a base of the municipality.
 */
export const CHONGQING_BOUNDS = { lngMin: 105, lngMax: 110.5, latMin: 28, latMax: 32.5 };

export interface BaseFields {
  nameZh: string; nameEn?: string | null; operatorZh: string; districtCode: string; addressZh?: string | null;
  lng?: number | null; lat?: number | null; domains?: string[]; summaryZh?: string | null; contactZh?: string | null;
}

/** Problems of a base's own fields, whole or patch (the point is checked whole by pointProblems). */
export function baseProblems(input: Partial<BaseFields>): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  if (blank(input.nameZh)) p.push(at('/nameZh', '基地名称必填', 'the name is required'));
  if (blank(input.operatorZh)) p.push(at('/operatorZh', '运营单位必填', 'the operator is required'));
  (input.domains ?? []).forEach((d, i) => {
    if (!(DOMAINS as readonly string[]).includes(d)) p.push(at(`/domains/${i}`, '领域应为生物化工、生物药、生物农业与食品、生物能源与环境之一', 'not one of the four domains'));
  });
  return p;
}

/** A base is placed by both coordinates or by its district alone. */
export function pointProblems(lng: number | null | undefined, lat: number | null | undefined): ErrorDetail[] {
  if (lng == null && lat == null) return [];
  if (lng == null) return [at('/lng', '经度与纬度须同时填写', 'give longitude and latitude together')];
  if (lat == null) return [at('/lat', '经度与纬度须同时填写', 'give longitude and latitude together')];
  const b = CHONGQING_BOUNDS;
  const p: ErrorDetail[] = [];
  if (!(lng >= b.lngMin && lng <= b.lngMax)) p.push(at('/lng', `经度应在重庆市范围内（${b.lngMin}–${b.lngMax}）`, `longitude within Chongqing, ${b.lngMin}–${b.lngMax}`));
  if (!(lat >= b.latMin && lat <= b.latMax)) p.push(at('/lat', `纬度应在重庆市范围内（${b.latMin}–${b.latMax}）`, `latitude within Chongqing, ${b.latMin}–${b.latMax}`));
  return p;
}

/**
 * 储备 → 重点 → 国家级: a key or national base names the day it was recognised (not after
 * today) and the body that recognised it; a reserve base has no recognition.
 */
export function recognitionProblems(tier: string, recognisedOn: string | null | undefined, recognisedByZh: string | null | undefined, today: string): ErrorDetail[] {
  if (!(BASE_TIER_CODES as readonly string[]).includes(tier)) return [at('/tier', '等级应为储备、重点或国家级', 'tier is reserve, key or national')];
  if (tier === 'reserve') return [];
  const p: ErrorDetail[] = [];
  if (!recognisedOn) p.push(at('/recognisedOn', '重点或国家级基地须填写认定日期', 'a key or national base names the day it was recognised'));
  else if (!isIsoDate(recognisedOn)) p.push(at('/recognisedOn', '日期格式应为 YYYY-MM-DD', 'date as YYYY-MM-DD'));
  else if (recognisedOn > today) p.push(at('/recognisedOn', '认定日期不能晚于今天', 'the recognition cannot be in the future'));
  if (!recognisedByZh?.trim()) p.push(at('/recognisedByZh', '重点或国家级基地须填写认定机构', 'a key or national base names the body that recognised it'));
  return p;
}

export interface CapabilityFields {
  nameZh: string; processes: string[]; organisms: string[]; volumeMinL: number; volumeMaxL: number;
  qualityGrade: string; biosafetyLevel: number; descriptionZh?: string | null;
}

/** Problems of a capability, whole or patch; the volume range is checked when both ends are known. */
export function capabilityProblems(c: Partial<CapabilityFields>): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  if (blank(c.nameZh)) p.push(at('/nameZh', '能力名称必填', 'the name is required'));
  (c.processes ?? []).forEach((x, i) => { if (!PROCESS_NAMES.includes(x)) p.push(at(`/processes/${i}`, `未知的单元操作「${x}」，应为${PROCESS_NAMES.join('、')}之一`, `unknown unit operation, one of ${PROCESS_NAMES.join(', ')}`)); });
  (c.organisms ?? []).forEach((x, i) => { if (!(ORGANISM_CODES as string[]).includes(x)) p.push(at(`/organisms/${i}`, `未知的生物体类别「${x}」`, `unknown organism, one of ${ORGANISM_CODES.join(', ')}`)); });
  if (c.volumeMinL !== undefined && !nonNegative(c.volumeMinL)) p.push(at('/volumeMinL', '最小工作体积应为非负数（升）', 'the smallest working volume is a number of litres not below zero'));
  if (c.volumeMaxL !== undefined && !(Number.isFinite(c.volumeMaxL) && c.volumeMaxL > 0)) p.push(at('/volumeMaxL', '最大工作体积应为正数（升）', 'the largest working volume is a positive number of litres'));
  else if (c.volumeMinL != null && c.volumeMaxL != null && c.volumeMinL > c.volumeMaxL) {
    p.push(at('/volumeMinL', `最小工作体积 ${c.volumeMinL} L 大于最大工作体积 ${c.volumeMaxL} L`, `the smallest working volume (${c.volumeMinL} L) exceeds the largest (${c.volumeMaxL} L)`));
  }
  if (c.qualityGrade !== undefined && !(QUALITY_GRADE_CODES as string[]).includes(c.qualityGrade)) p.push(at('/qualityGrade', '质量等级应为 GMP、GLP 或无', 'quality grade is GMP, GLP or none'));
  if (c.biosafetyLevel !== undefined && !(Number.isInteger(c.biosafetyLevel) && c.biosafetyLevel >= 1 && c.biosafetyLevel <= 4)) p.push(at('/biosafetyLevel', '生物安全等级应为 1–4', 'biosafety level is 1 to 4'));
  return p;
}

export interface ServiceFields { nameZh: string; descriptionZh?: string | null; priceYuan?: number | null; priceUnitZh?: string | null; leadTimeDays?: number | null }

export function serviceProblems(s: Partial<ServiceFields>): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  if (blank(s.nameZh)) p.push(at('/nameZh', '服务名称必填', 'the name is required'));
  if (!nonNegative(s.priceYuan)) p.push(at('/priceYuan', '价格应为非负数（元）', 'the price is a number of yuan not below zero'));
  if (s.leadTimeDays != null && !(Number.isInteger(s.leadTimeDays) && s.leadTimeDays >= 0)) p.push(at('/leadTimeDays', '周期应为非负整数（天）', 'the lead time is whole days, not below zero'));
  return p;
}

/** An asset code as bases label their instruments: letters, digits and . _ / -. */
export const EQUIPMENT_CODE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/;
export const EQUIPMENT_STATUS_CODES = Object.keys(EQUIPMENT_STATUSES);
export const PRICE_FIELDS = ['priceMemberYuan', 'priceEnterpriseYuan', 'priceInstituteYuan'] as const;

export interface EquipmentFields {
  code?: string | null; platformId?: string | null; nameZh: string; typeZh: string; model?: string | null; capacityZh?: string | null;
  capacityL?: number | null; status?: string; priceMemberYuan?: number | null; priceEnterpriseYuan?: number | null; priceInstituteYuan?: number | null;
}

export function equipmentProblems(e: Partial<EquipmentFields>): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  if (e.code != null && !EQUIPMENT_CODE.test(e.code)) p.push(at('/code', '设备编号为字母、数字及 . _ / -，不超过 40 位', 'the code is letters, digits and . _ / -, up to 40 characters'));
  if (blank(e.nameZh)) p.push(at('/nameZh', '设备名称必填', 'the name is required'));
  if (blank(e.typeZh)) p.push(at('/typeZh', '设备类型必填', 'the type is required'));
  if (!nonNegative(e.capacityL)) p.push(at('/capacityL', '容量应为非负数（升）', 'the capacity is litres, not below zero'));
  if (e.status !== undefined && !EQUIPMENT_STATUS_CODES.includes(e.status)) p.push(at('/status', '状态应为可预约、维护中或已停用', 'status is available, maintenance or retired'));
  for (const k of PRICE_FIELDS) if (!nonNegative(e[k])) p.push(at(`/${k}`, '小时价格应为非负数（元）', 'an hourly price is yuan, not below zero'));
  return p;
}

/**
 * Quality grades meet a demand upwards: a GMP demand needs a GMP capability; a GLP demand a GLP
 * or GMP one (GMP facilities keep GLP's records and more); a demand without a grade takes any.
 */
// GMP and GLP are separate regimes: a GLP study needs a GLP site, as the matching engine's hard constraint says.
export const GRADES_MEETING: Record<QualityGrade, readonly QualityGrade[]> = { GMP: ['GMP'], GLP: ['GLP'], none: ['GMP', 'GLP', 'none'] };
export const meetsGrade = (capability: string, wanted: QualityGrade) => (GRADES_MEETING[wanted] as readonly string[]).includes(capability);

/** What the atlas asks of a capability. */
export interface CapabilityFilter { process?: string; organism?: string; scaleL?: number; grade?: QualityGrade; bsl?: number }
export interface CapabilityFacts { processes: string[]; organisms: string[]; volumeMinL: number; volumeMaxL: number; qualityGrade: string; biosafetyLevel: number }

export const filtersCapabilities = (f: CapabilityFilter) => f.process !== undefined || f.organism !== undefined || f.scaleL !== undefined || f.grade !== undefined || f.bsl !== undefined;

/** A capability passes when it does every unit operation, organism, scale, grade and containment asked. */
export function capabilityPasses(c: CapabilityFacts, f: CapabilityFilter): boolean {
  if (f.process !== undefined && !c.processes.includes(f.process)) return false;
  if (f.organism !== undefined && !c.organisms.includes(f.organism)) return false;
  if (f.scaleL !== undefined && !(c.volumeMinL <= f.scaleL && f.scaleL <= c.volumeMaxL)) return false;
  if (f.grade !== undefined && !meetsGrade(c.qualityGrade, f.grade)) return false;
  if (f.bsl !== undefined && !(c.biosafetyLevel >= f.bsl)) return false;
  return true;
}

/** Search tokens of each record: what a visitor may type to find it. */
export const baseTokens = (b: { nameZh: string; nameEn?: string | null; operatorZh: string; summaryZh?: string | null; addressZh?: string | null }) =>
  tokensOf(b.nameZh, b.nameEn, b.operatorZh, b.summaryZh, b.addressZh);
export const platformTokens = (p: { nameZh: string; nameEn?: string | null; summaryZh?: string | null }) => tokensOf(p.nameZh, p.nameEn, p.summaryZh);
export const capabilityTokens = (c: { nameZh: string; descriptionZh?: string | null; processes: string[]; organisms: string[] }) =>
  tokensOf(c.nameZh, c.descriptionZh, ...c.processes, ...c.organisms.map((o) => ORGANISMS[o as keyof typeof ORGANISMS]?.zh));
