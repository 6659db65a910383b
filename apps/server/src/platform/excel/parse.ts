import type { Column } from './columns.js';
import { isoFromSerial, isoFromText, isoOf } from './dates.js';
import { unneutralise } from './safe.js';

/**
 * What a cell holds once ExcelJS's shapes are unwrapped: rich text joined, a formula replaced by
 * its cached result, a hyperlink by its text. A formula nobody calculated has no value to take.
 */
export type Raw = string | number | boolean | Date | null | { error: string } | { uncalculated: true };

export type Parsed = { ok: true; value: unknown } | { ok: false; reasonZh: string; reasonEn: string };

/** `v` is an ExcelJS cell value (or a formula's result). */
export function rawOf(v: unknown): Raw {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v !== 'object') return String(v);
  if ('formula' in v || 'sharedFormula' in v || 'result' in v) {
    const result = (v as { result?: unknown }).result;
    return result === undefined ? { uncalculated: true } : rawOf(result);
  }
  if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r: { text?: unknown }) => String(r.text ?? '')).join('');
  // A hyperlink's text may itself be rich text.
  if ('hyperlink' in v) return rawOf((v as { text?: unknown }).text);
  if ('error' in v) return { error: String(v.error) };
  if ('text' in v) return rawOf(v.text);
  return null;
}

/** The cell as a person would quote it in a problem report. */
export function rawText(raw: Raw): string {
  if (raw === null) return '';
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? '' : dateTimeText(raw);
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  if (typeof raw === 'number') return numberText(raw);
  if (typeof raw === 'string') return raw;
  return 'error' in raw ? raw.error : '';
}

/** Blank for the purpose of skipping empty rows. */
export const isBlank = (raw: Raw): boolean =>
  raw === null || (typeof raw === 'string' && raw.trim() === '') || (typeof raw === 'object' && 'uncalculated' in raw);

// Excel keeps 15 significant digits; more are binary noise (0.30000000000000004).
const numberText = (n: number) => String(Number(n.toPrecision(15)));

// Worksheet dates are floating (no zone): ExcelJS gives them as UTC, so UTC parts are the cell's.
const dateTimeText = (d: Date) => {
  const iso = d.toISOString();
  return iso.slice(11, 19) === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
};

/** Full-width digits and letters (typed with a Chinese input method) read as their ASCII forms. */
const norm = (s: string) => unneutralise(s.normalize('NFKC').trim()).trim();

const ok = (value: unknown): Parsed => ({ ok: true, value });
const bad = (reasonZh: string, reasonEn: string): Parsed => ({ ok: false, reasonZh, reasonEn });

const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function numberOf(raw: Raw): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  let s = norm(raw);
  if (THOUSANDS.test(s)) s = s.replace(/,/g, '');
  return DECIMAL.test(s) ? Number(s) : null;
}

function inRange(c: Column, n: number): Parsed {
  if (c.min !== undefined && n < c.min) return bad(`不能小于 ${c.min}`, `Must be at least ${c.min}`);
  if (c.max !== undefined && n > c.max) return bad(`不能大于 ${c.max}`, `Must be at most ${c.max}`);
  return ok(n);
}

function parseString(c: Column, raw: Raw): Parsed {
  let s: string;
  if (typeof raw === 'number') {
    // An 18-digit ID number typed into a General cell has already lost its last digits.
    if (Number.isInteger(raw) && Math.abs(raw) >= 1e15) {
      return bad('数字位数过多，Excel 已丢失精度，请将单元格设为文本后重新填写', 'Too many digits for Excel to keep; format the cell as text and type it again');
    }
    s = numberText(raw);
  } else {
    s = unneutralise(rawText(raw).trim()).trim();
  }
  if (!s) return ok(null);
  const length = [...s].length;
  if (c.maxLength !== undefined && length > c.maxLength) {
    return bad(`超过 ${c.maxLength} 字（现有 ${length} 字）`, `Longer than ${c.maxLength} characters (${length})`);
  }
  return ok(s);
}

function parseInteger(c: Column, raw: Raw): Parsed {
  const n = numberOf(raw);
  // Allow the floating noise a calculated cell may carry (2.0000000000000004).
  const i = n === null ? NaN : Math.round(n);
  if (n === null || Math.abs(n - i) > 1e-9 || !Number.isSafeInteger(i)) return bad('应为整数', 'Must be a whole number');
  return inRange(c, i);
}

function parseNumber(c: Column, raw: Raw): Parsed {
  const n = numberOf(raw);
  return n === null ? bad('应为数字', 'Must be a number') : inRange(c, n);
}

function parseDate(raw: Raw, date1904: boolean): Parsed {
  let iso: string | null = null;
  if (raw instanceof Date) {
    iso = Number.isNaN(raw.getTime()) ? null : isoOf(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
  } else if (typeof raw === 'number' || typeof raw === 'string') {
    const s = typeof raw === 'string' ? norm(raw) : String(raw);
    iso = isoFromText(s);
    // A date cell that lost its format shows its serial number, as a number or as text.
    if (!iso && /^\d+(\.\d+)?$/.test(s)) iso = isoFromSerial(Number(s), date1904);
  }
  return iso ? ok(iso) : bad('不是有效日期，请填 YYYY-MM-DD（如 2025-03-31）', 'Not a valid date; use YYYY-MM-DD (e.g. 2025-03-31)');
}

const enumKey = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
const enumMaps = new WeakMap<Column, Map<string, string>>();

function parseEnum(c: Column, raw: Raw): Parsed {
  let map = enumMaps.get(c);
  if (!map) {
    map = new Map();
    for (const v of c.values ?? []) {
      for (const label of [v.zh, v.value, v.en]) if (label && !map.has(enumKey(label))) map.set(enumKey(label), v.value);
    }
    enumMaps.set(c, map);
  }
  const found = map.get(enumKey(unneutralise(rawText(raw).trim())));
  if (found !== undefined) return ok(found);
  const values = c.values ?? [];
  return bad(`应为以下之一：${values.map((v) => v.zh).join('、')}`, `Must be one of: ${values.map((v) => v.en ?? v.value).join(', ')}`);
}

const TRUE = new Set(['是', 'true', '1', 'yes', 'y']);
const FALSE = new Set(['否', 'false', '0', 'no', 'n']);

function parseBoolean(raw: Raw): Parsed {
  if (typeof raw === 'boolean') return ok(raw);
  const s = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? norm(raw).toLowerCase() : '';
  if (TRUE.has(s)) return ok(true);
  if (FALSE.has(s)) return ok(false);
  return bad('应填 是 或 否', 'Must be 是 or 否 (yes or no)');
}

/** One cell checked against its column: the parsed value, or why it cannot be taken. */
export function parseCell(c: Column, raw: Raw, date1904: boolean): Parsed {
  if (raw !== null && typeof raw === 'object' && !(raw instanceof Date)) {
    if ('error' in raw) return bad(`单元格是错误值 ${raw.error}`, `The cell holds the error ${raw.error}`);
    return bad('公式没有保存计算结果，请在 Excel 中打开并保存后再导入', 'The formula has no saved result; open and save the file in Excel, then import it');
  }
  const empty = raw === null || (typeof raw === 'string' && unneutralise(raw.trim()).trim() === '');
  if (empty) return c.required ? bad('必填，不能为空', 'Required') : ok(null);
  switch (c.type) {
    case 'string': {
      const p = parseString(c, raw);
      return p.ok && p.value === null && c.required ? bad('必填，不能为空', 'Required') : p;
    }
    case 'integer':
      return parseInteger(c, raw);
    case 'number':
      return parseNumber(c, raw);
    case 'date':
      return parseDate(raw, date1904);
    case 'enum':
      return parseEnum(c, raw);
    case 'boolean':
      return parseBoolean(raw);
  }
}
