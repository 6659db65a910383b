/** What a cell of a column holds; drives how it is written, described and parsed. */
export type CellType = 'string' | 'integer' | 'number' | 'date' | 'enum' | 'boolean';

export interface EnumValue {
  /** Stored value, e.g. 'quarterly'. */
  value: string;
  /** Label written to the sheet and offered in the template's drop-down, e.g. '按季度'. */
  zh: string;
  en?: string;
}

/** An enum column's values from a vocabulary of zh/en names ({ good: { zh: '合格', en: 'Good' } }). */
export const enumOf = (names: Record<string, { zh: string; en: string }>): EnumValue[] =>
  Object.entries(names).map(([value, n]) => ({ value, zh: n.zh, en: n.en }));

/**
 * One column of a list, shared by template, import and export so the three cannot drift.
 * `Row` documents which row type the column belongs to; `key` stays a plain string so a
 * `Column<Task>[]` can be passed wherever a `Column[]` is expected.
 */
export interface Column<Row = Record<string, unknown>> {
  /** Property name in the row object. */
  key: string;
  /** e.g. '截止日期' */
  headerZh: string;
  /** e.g. 'Due date' */
  headerEn: string;
  type: CellType;
  required?: boolean;
  /** Strings: most characters (code points, as PostgreSQL counts them). */
  maxLength?: number;
  /** Numbers and integers. */
  min?: number;
  max?: number;
  /** Enums: a cell may hold the value, the zh label or the en label; it is parsed to the value. */
  values?: readonly EnumValue[];
  /** Excel character units; measured from the header and content when absent. */
  width?: number;
  /** Shown in the template's example row. */
  example?: unknown;
  /** Shown as the header cell's note in the template and in its instructions. */
  noteZh?: string;
}

/** The header cell as written: Chinese first, English on the line below. */
export const headerText = (c: Pick<Column, 'headerZh' | 'headerEn'>): string =>
  c.headerEn ? `${c.headerZh}\n${c.headerEn}` : c.headerZh;

/** Names of the cell types for people, as the instructions sheet and problems show them. */
export const TYPE_NAMES: Record<CellType, { zh: string; en: string }> = {
  string: { zh: '文本', en: 'Text' },
  integer: { zh: '整数', en: 'Integer' },
  number: { zh: '数字', en: 'Number' },
  date: { zh: '日期', en: 'Date' },
  enum: { zh: '选项', en: 'Choice' },
  boolean: { zh: '是/否', en: 'Yes/No' },
};

/**
 * Marks the template's example row. The reader skips any row with a cell starting with it,
 * wherever the user moved the column, and it is text no real value begins with.
 */
export const EXAMPLE_MARK = '【示例】';

/** The template's second sheet; the reader never takes a sheet whose name starts with 填写说明. */
export const INSTRUCTIONS_SHEET = '填写说明 Instructions';

const range = (c: Column): string | undefined => {
  if (c.min !== undefined && c.max !== undefined) return `${c.min}–${c.max}`;
  if (c.min !== undefined) return `≥ ${c.min}`;
  if (c.max !== undefined) return `≤ ${c.max}`;
  return undefined;
};

/** "整数（1–26）" / "Integer (1–26)": the type with its limits, for the instructions sheet. */
export function describeType(c: Column): { zh: string; en: string } {
  const name = TYPE_NAMES[c.type];
  let limit: { zh: string; en: string } | undefined;
  if (c.type === 'string' && c.maxLength !== undefined) limit = { zh: `不超过 ${c.maxLength} 字`, en: `at most ${c.maxLength} characters` };
  else if (c.type === 'date') limit = { zh: 'YYYY-MM-DD', en: 'YYYY-MM-DD' };
  else if (c.type === 'integer' || c.type === 'number') {
    const r = range(c);
    if (r) limit = { zh: r, en: r };
  }
  return limit ? { zh: `${name.zh}（${limit.zh}）`, en: `${name.en} (${limit.en})` } : name;
}
