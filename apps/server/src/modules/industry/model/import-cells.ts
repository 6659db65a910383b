/**
 * Cells of the industry imports that need more than a type: amounts with units, lists, and
 * districts by name or code. Pure, so that the rules are tested without a spreadsheet.
 */
export type Cell<T> = { ok: true; value: T } | { ok: false; zh: string; en: string };

const UNIT_FACTOR: Record<string, number> = { '': 1, '万': 1, '万元': 1, '亿': 10_000, '亿元': 10_000, '元': 0.0001 };

/** 万元 from a number, or from text such as "1.2亿元", "3,500 万元", "800". */
export function amountWan(raw: unknown): Cell<number | null> {
  if (raw === null || raw === undefined || raw === '') return { ok: true, value: null };
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? { ok: true, value: raw } : { ok: false, zh: '金额应为不小于 0 的数字', en: 'an amount is a number not below zero' };
  const m = /^\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(万元|万|亿元|亿|元)?\s*$/.exec(String(raw));
  if (!m) return { ok: false, zh: `“${String(raw).slice(0, 30)}”不是金额：请填数字（单位万元），或写明“亿元”“万元”`, en: 'not an amount: a number in 万元, or with the unit 亿元 / 万元' };
  const v = Number(m[1].replace(/,/g, '')) * UNIT_FACTOR[m[2] ?? ''];
  return { ok: true, value: Math.round(v * 10_000) / 10_000 };
}

/** Items of a list cell, separated by 、 ； ; or new lines (never commas: 1,3-丙二醇 has one). */
export const listCell = (raw: unknown): string[] =>
  raw == null ? [] : [...new Set(String(raw).split(/[、；;\n]+/).map((s) => s.trim()).filter(Boolean))];

/** A district by its GB/T 2260 code, full name (璧山区) or short name (璧山). */
export function districtCell(raw: unknown, districts: { code: string; nameZh: string; shortZh?: string | null }[]): Cell<string> {
  const s = String(raw ?? '').trim();
  const d = districts.find((x) => x.code === s || x.nameZh === s || (x.shortZh && x.shortZh === s));
  return d ? { ok: true, value: d.code } : { ok: false, zh: `“${s}”不是重庆市的区县（可填名称或六位代码）`, en: 'not a district of Chongqing (give its name or six-digit code)' };
}

/** Designations as "专精特新:市级:2023；小巨人:国家级:2024" (the export writes them so). */
export function designationsCell(raw: unknown, kinds: Record<string, { zh: string; short: string }>, levels: Record<string, { zh: string }>): Cell<{ kind: string; level: string; year: number }[]> {
  const out = [];
  for (const item of listCell(raw)) {
    const [k, l, y] = item.split(/[:：]/).map((x) => x.trim());
    const kind = Object.entries(kinds).find(([code, n]) => code === k || n.zh === k || n.short === k)?.[0];
    const level = Object.entries(levels).find(([code, n]) => code === l || n.zh === l)?.[0];
    const year = Number(y);
    if (!kind || !level || !Number.isInteger(year)) return { ok: false, zh: `“${item}”应写作“认定类型:级别:年份”，如“专精特新:市级:2023”`, en: 'write each as kind:level:year, e.g. 专精特新:市级:2023' };
    out.push({ kind, level, year });
  }
  return { ok: true, value: out };
}
