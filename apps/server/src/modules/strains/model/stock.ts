import type { ErrorDetail } from '../../../platform/http/errors.js';
import { addMonths, isIsoDate } from '../../../platform/dates.js';
import { codesOf, type Names } from '../../../platform/vocabulary.js';

/**
 * Preservation stock as rules: the vocabularies of locations, methods, tests and moves; what a
 * lot's fields must be; how a move changes the vials; when a lot needs attention. No I/O.
 */

/** The location register's kinds (保藏设备). */
export const LOCATION_KINDS = {
  freezer80: { zh: '−80 °C 超低温冰箱', en: '−80 °C freezer' },
  freezer20: { zh: '−20 °C 冰箱', en: '−20 °C freezer' },
  liquidNitrogen: { zh: '液氮罐', en: 'Liquid nitrogen tank' },
  coldRoom4: { zh: '4 °C 冷库', en: '4 °C cold room' },
  roomTemperature: { zh: '常温库', en: 'Room-temperature store' },
  seedVault: { zh: '种子库', en: 'Seed vault' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, Names>;
export type LocationKind = keyof typeof LOCATION_KINDS;
export const LOCATION_KIND_CODES = codesOf(LOCATION_KINDS);

/** 保藏方式. Strains by the first four; germplasm kept as seed or tissue. */
export const LOT_METHODS = {
  freezeDried: { zh: '冷冻干燥', en: 'Freeze-dried' },
  glycerol80: { zh: '−80 °C 甘油管', en: '−80 °C glycerol' },
  liquidNitrogen: { zh: '液氮', en: 'Liquid nitrogen' },
  slant: { zh: '斜面/琼脂', en: 'Slant / agar' },
  seed: { zh: '种子', en: 'Seed' },
  tissue: { zh: '组织', en: 'Tissue' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, Names>;
export type LotMethod = keyof typeof LOT_METHODS;
export const LOT_METHOD_CODES = codesOf(LOT_METHODS);

export const LOT_STATUSES = {
  active: { zh: '在库', en: 'Active' },
  exhausted: { zh: '已用尽', en: 'Exhausted' },
  discarded: { zh: '已销毁', en: 'Discarded' },
} as const satisfies Record<string, Names>;
export type LotStatus = keyof typeof LOT_STATUSES;

export const VIABILITY_METHODS = {
  plateCount: { zh: '平板计数', en: 'Plate count' },
  germination: { zh: '发芽试验', en: 'Germination' },
  microscopy: { zh: '显微观察', en: 'Microscopy' },
  growth: { zh: '复苏生长', en: 'Revival growth' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, Names>;
export type ViabilityMethod = keyof typeof VIABILITY_METHODS;
export const VIABILITY_METHOD_CODES = codesOf(VIABILITY_METHODS);

/** 出入库. `prepare` comes with a new lot, `ship` with a sharing request, `test` with a viability test. */
export const MOVE_KINDS = {
  prepare: { zh: '制备入库', en: 'Prepared' },
  withdraw: { zh: '内部领用', en: 'Withdrawn for internal use' },
  ship: { zh: '共享发运', en: 'Shipped' },
  discard: { zh: '销毁', en: 'Discarded' },
  adjust: { zh: '盘点调整', en: 'Adjusted' },
  test: { zh: '活力检测消耗', en: 'Used by a viability test' },
} as const satisfies Record<string, Names>;
export type MoveKind = keyof typeof MOVE_KINDS;
/** What a curator records directly; the other kinds come with the use that causes them. */
export const MANUAL_MOVE_KINDS = ['withdraw', 'discard', 'adjust'] as const;
export type ManualMoveKind = (typeof MANUAL_MOVE_KINDS)[number];

const p = (path: string, zh: string, en: string): ErrorDetail => ({ path, message: `${zh}（${en}）` });
const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);

/** A box position: a row letter and a column number, A1 … J10. Stored upper case. */
export const normalisePosition = (s: string) => s.trim().toUpperCase();
const POSITION = /^[A-Z]([1-9]|[1-9][0-9])$/;

export interface PlaceInput { locationId?: string | null; rack?: string | null; box?: string | null; position?: string | null }

/** A place is a freezer alone, or with rack and box, or with rack, box and position. */
export function placeProblems(x: PlaceInput): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const has = (v: string | null | undefined) => !!v && !!v.trim();
  if (has(x.position) && !POSITION.test(normalisePosition(x.position!))) out.push(p('/position', '位置应为行字母加列号，如 A7', 'a position is a row letter and a column number, e.g. A7'));
  if ((has(x.rack) || has(x.box) || has(x.position)) && !x.locationId) out.push(p('/locationId', '请先选择保藏设备', 'choose the freezer first'));
  if (has(x.position) && !(has(x.rack) && has(x.box))) out.push(p(has(x.rack) ? '/box' : '/rack', '指定位置时须填写架和盒', 'a position needs its rack and box'));
  return out;
}

export interface LotInput extends PlaceInput {
  strainId?: string | null;
  germplasmId?: string | null;
  method: string;
  passage?: number | null;
  preparedOn: string;
  vialsPrepared: number;
  alertLevel?: number;
  viabilityIntervalMonths?: number | null;
  noteZh?: string | null;
}

/** Problems of a new lot's fields, each naming its field. */
export function lotProblems(x: Partial<LotInput>, today: string): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (!!x.strainId === !!x.germplasmId) out.push(p(x.strainId ? '/germplasmId' : '/strainId', '批次须属于一个菌种或一个种质资源（二者之一）', 'a lot is of one strain or one germplasm record, exactly one'));
  if (x.method !== undefined && !(LOT_METHOD_CODES as string[]).includes(x.method)) out.push(p('/method', '保藏方式无效', 'unknown preservation method'));
  if (x.preparedOn !== undefined && (!isIsoDate(x.preparedOn) || x.preparedOn > today)) out.push(p('/preparedOn', '制备日期应为今天或之前的日期', 'the preparation date is a date not after today'));
  if (x.vialsPrepared !== undefined && !(isInt(x.vialsPrepared) && x.vialsPrepared > 0)) out.push(p('/vialsPrepared', '制备数量应为正整数', 'vials prepared is a whole number above zero'));
  out.push(...settingsProblems(x));
  out.push(...placeProblems(x));
  return out;
}

export interface LotSettings { alertLevel?: number; viabilityIntervalMonths?: number | null; passage?: number | null }

export function settingsProblems(x: LotSettings): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (x.alertLevel !== undefined && !(isInt(x.alertLevel) && x.alertLevel >= 0)) out.push(p('/alertLevel', '预警数量应为非负整数', 'the alert level is a whole number not below zero'));
  if (x.viabilityIntervalMonths != null && !(isInt(x.viabilityIntervalMonths) && x.viabilityIntervalMonths > 0 && x.viabilityIntervalMonths <= 120)) out.push(p('/viabilityIntervalMonths', '检测周期应为 1–120 个月', 'the test interval is 1 to 120 months'));
  if (x.passage != null && !(isInt(x.passage) && x.passage >= 0)) out.push(p('/passage', '传代次数应为非负整数', 'the passage is a whole number not below zero'));
  return out;
}

/** The next viability test falls one interval after the last test (or the preparation). */
export const nextTestDue = (from: string, intervalMonths: number | null) => (intervalMonths ? addMonths(from, intervalMonths) : null);

export interface MoveInput { kind: string; vials: number; reasonZh?: string | null; movedOn?: string }

/**
 * The change a manual move makes: withdraw and discard take `vials` (above zero) out; adjust adds
 * `vials` (below zero takes out) and says why. Returns the problems or the signed delta.
 */
export function manualMove(x: MoveInput, today: string): { problems: ErrorDetail[]; delta: number } {
  const problems: ErrorDetail[] = [];
  const kind = x.kind as ManualMoveKind;
  if (!MANUAL_MOVE_KINDS.includes(kind)) problems.push(p('/kind', '只能登记领用、销毁或盘点调整', 'record a withdrawal, a discard or an adjustment'));
  if (!isInt(x.vials) || (kind === 'adjust' ? x.vials === 0 : x.vials <= 0)) {
    problems.push(kind === 'adjust' ? p('/vials', '调整数量应为非零整数（负数为减少）', 'an adjustment is a whole number other than zero (below zero takes out)') : p('/vials', '数量应为正整数', 'vials is a whole number above zero'));
  }
  if ((kind === 'adjust' || kind === 'discard' || kind === 'withdraw') && !x.reasonZh?.trim()) problems.push(p('/reasonZh', kind === 'withdraw' ? '请说明领用用途' : '请说明原因', kind === 'withdraw' ? 'say what the vials are for' : 'say why'));
  if (x.movedOn !== undefined && (!isIsoDate(x.movedOn) || x.movedOn > today)) problems.push(p('/movedOn', '日期应为今天或之前的日期', 'a date not after today'));
  return { problems, delta: kind === 'adjust' ? x.vials : -x.vials };
}

/** A lot after a move: empty means used up (or destroyed, when the move was a discard). */
export function statusAfter(balance: number, kind: MoveKind): LotStatus {
  if (balance > 0) return 'active';
  return kind === 'discard' ? 'discarded' : 'exhausted';
}

/** At or below its alert level: the curators are told once each time the lot crosses into it. */
export const isLow = (vials: number, alertLevel: number) => vials <= alertLevel;

export interface ViabilityInput { testedOn: string; method: string; resultValue?: number | null; resultUnit?: string | null; passed: boolean; vialsUsed?: number; noteZh?: string | null }

export function viabilityProblems(x: Partial<ViabilityInput>, today: string, preparedOn: string): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (!x.testedOn || !isIsoDate(x.testedOn) || x.testedOn > today || x.testedOn < preparedOn) out.push(p('/testedOn', `检测日期应在制备日期（${preparedOn}）与今天之间`, 'the test date is between the preparation date and today'));
  if (x.method !== undefined && !(VIABILITY_METHOD_CODES as string[]).includes(x.method)) out.push(p('/method', '检测方法无效', 'unknown test method'));
  if (x.resultValue != null && !(Number.isFinite(x.resultValue) && x.resultValue >= 0)) out.push(p('/resultValue', '结果应为非负数', 'the result is a number not below zero'));
  if (x.resultValue != null && !x.resultUnit?.trim()) out.push(p('/resultUnit', '请填写结果单位，如 CFU/mL 或 存活率 %', 'give the unit, e.g. CFU/mL or survival %'));
  if (x.vialsUsed !== undefined && !(isInt(x.vialsUsed) && x.vialsUsed >= 0)) out.push(p('/vialsUsed', '消耗数量应为非负整数', 'vials used is a whole number not below zero'));
  return out;
}

/** Why a lot is on the alerts panel. */
export interface LotFlags { low: boolean; testDue: boolean; testOverdue: boolean; failed: boolean }

export function lotFlags(lot: { vialsOnHand: number; alertLevel: number; nextTestDue: string | null; viabilityFailed: boolean }, today: string, dueBy: string): LotFlags {
  return {
    low: isLow(lot.vialsOnHand, lot.alertLevel),
    testDue: !!lot.nextTestDue && lot.nextTestDue >= today && lot.nextTestDue <= dueBy,
    testOverdue: !!lot.nextTestDue && lot.nextTestDue < today,
    failed: lot.viabilityFailed,
  };
}
