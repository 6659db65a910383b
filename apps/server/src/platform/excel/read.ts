import type ExcelJS from 'exceljs';
import { loadExcelJS } from './load.js';
import { EXAMPLE_MARK, type Column } from './columns.js';
import { isBlank, parseCell, rawOf, rawText, type Raw } from './parse.js';

/** One reason a spreadsheet cannot be imported as it is. */
export interface ImportProblem {
  /** 1-based Excel row; 0 when the problem is the file itself. */
  row: number;
  /** The column's Chinese header, or '' when the problem is not about one column. */
  column: string;
  columnKey?: string;
  reasonZh: string;
  reasonEn: string;
  /** The cell as it reads, when it holds something. */
  value?: string;
}

export interface ReadOptions {
  /** A sheet name, or a 0-based position in tab order. Default: the first visible sheet that is not instructions. */
  sheet?: string | number;
  /** More data rows than this and nothing is read: one problem says so. Default 5000. */
  maxRows?: number;
}

export interface ReadResult<Row> {
  /**
   * The rows that passed every check, with exactly the columns' keys (null when empty).
   * Each also carries its Excel row number as a non-enumerable `__row`, so callers can report
   * their own problems (unknown codes, duplicates) at the right row without it leaking into data.
   * Empty when the header itself has a problem.
   */
  rows: Row[];
  /** Every problem found, in row order. */
  problems: ImportProblem[];
}

const INSTRUCTIONS = /^\s*填写说明/;
const HEADER_SCAN = 10; // rows searched for the header, in case someone put a title above it
const VALUE_MAX = 100;

const fileProblem = (reasonZh: string, reasonEn: string): ImportProblem => ({ row: 0, column: '', reasonZh, reasonEn });
const NOT_XLSX = () => fileProblem('文件不是有效的 Excel (.xlsx) 文件', 'Not a valid Excel (.xlsx) file');

/**
 * Reads a list from a spreadsheet: finds the columns by header (Chinese, English or both;
 * any order; extra columns ignored), skips blank and example rows, and checks every cell of
 * every row, collecting all problems rather than stopping at the first. Never throws on bad input.
 */
export async function readSheet<Row = Record<string, unknown>>(
  data: Buffer | Uint8Array,
  columns: readonly Column[],
  options: ReadOptions = {},
): Promise<ReadResult<Row>> {
  const maxRows = options.maxRows ?? 5000;
  const wb = await load(data);
  if (!wb) return { rows: [], problems: [NOT_XLSX()] };
  const ws = pickSheet(wb, options.sheet);
  if (!('getRow' in ws)) return { rows: [], problems: [ws] };

  const head = findHeader(ws, columns);
  if (!head) {
    return {
      rows: [],
      problems: [{
        row: 1,
        column: '',
        reasonZh: `没有找到表头，第 1 行应为列名：${columns.map((c) => c.headerZh).join('、')}`,
        reasonEn: `No header row found; row 1 should name the columns: ${columns.map((c) => c.headerEn).join(', ')}`,
      }],
    };
  }

  const date1904 = !!wb.properties?.date1904;
  const problems: ImportProblem[] = [...head.problems];
  const rows: Row[] = [];
  let count = 0;
  for (let r = head.row + 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row || !row.hasValues || isExample(row)) continue;
    const raws = new Map<number, Raw>();
    for (const [col] of head.columns) raws.set(col, rawOf(row.findCell(col)?.value));
    if ([...raws.values()].every(isBlank)) continue;
    if (++count > maxRows) {
      return { rows: [], problems: [{ row: r, column: '', reasonZh: `数据超过 ${maxRows} 行，请分批导入`, reasonEn: `More than ${maxRows} data rows; import them in batches` }] };
    }

    const out: Record<string, unknown> = Object.fromEntries(columns.map((c) => [c.key, null]));
    let fine = true;
    for (const [col, c] of head.columns) {
      const raw = raws.get(col) ?? null;
      const p = parseCell(c, raw, date1904);
      if (p.ok) {
        out[c.key] = p.value;
        continue;
      }
      fine = false;
      const value = rawText(raw).trim();
      problems.push({ row: r, column: c.headerZh, columnKey: c.key, reasonZh: p.reasonZh, reasonEn: p.reasonEn, ...(value ? { value: value.slice(0, VALUE_MAX) } : {}) });
    }
    if (fine) {
      Object.defineProperty(out, '__row', { value: r, enumerable: false });
      rows.push(out as unknown as Row);
    }
  }
  return { rows: head.problems.length ? [] : rows, problems };
}

async function load(data: Buffer | Uint8Array): Promise<ExcelJS.Workbook | null> {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  // An xlsx is a zip; anything else (an old .xls, a CSV, a renamed PDF) is refused before parsing.
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) return null;
  try {
    const wb = new (await loadExcelJS()).Workbook();
    // ExcelJS declares its own Buffer type; a Node Buffer is what it reads.
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    return wb.worksheets.length ? wb : null;
  } catch {
    return null;
  }
}

function pickSheet(wb: ExcelJS.Workbook, which: string | number | undefined): ExcelJS.Worksheet | ImportProblem {
  const sheets = wb.worksheets;
  if (typeof which === 'string') {
    const want = which.trim().toLowerCase();
    return sheets.find((s) => s.name === which) ?? sheets.find((s) => s.name.trim().toLowerCase() === want)
      ?? fileProblem(`找不到工作表“${which}”`, `No worksheet named "${which}"`);
  }
  if (typeof which === 'number') {
    return sheets[which] ?? fileProblem(`找不到第 ${which + 1} 个工作表`, `No worksheet number ${which + 1}`);
  }
  const data = sheets.filter((s) => !INSTRUCTIONS.test(s.name));
  return data.find((s) => (s.state ?? 'visible') === 'visible') ?? data[0] ?? sheets[0];
}

/** Header text compared without spaces, line breaks, required-marks or case; full-width forms folded. */
const headerKey = (s: string) => s.normalize('NFKC').replace(/[\s*]/g, '').toLowerCase();

interface Header {
  row: number;
  /** Sheet column number → the column it holds. */
  columns: Map<number, Column>;
  problems: ImportProblem[];
}

function findHeader(ws: ExcelJS.Worksheet, columns: readonly Column[]): Header | null {
  const byAlias = new Map<string, Column>();
  for (const c of columns) {
    for (const alias of [c.headerZh, c.headerEn, c.headerZh + c.headerEn, c.headerEn + c.headerZh]) {
      const k = headerKey(alias);
      if (k && !byAlias.has(k)) byAlias.set(k, c);
    }
  }

  let best: { row: number; found: Map<number, Column>; repeated: Column[] } | null = null;
  for (let r = 1; r <= Math.min(HEADER_SCAN, ws.rowCount); r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    const found = new Map<number, Column>();
    const repeated: Column[] = [];
    const seen = new Set<Column>();
    row.eachCell((cell, col) => {
      const c = byAlias.get(headerKey(rawText(rawOf(cell.value))));
      if (!c) return;
      if (seen.has(c)) repeated.push(c);
      else found.set(col, c);
      seen.add(c);
    });
    if (found.size > (best?.found.size ?? 0)) best = { row: r, found, repeated };
  }
  if (!best) return null;

  const present = new Set(best.found.values());
  const problems: ImportProblem[] = [];
  for (const c of columns) {
    if (c.required && !present.has(c)) {
      problems.push({ row: best.row, column: c.headerZh, columnKey: c.key, reasonZh: `缺少必填列“${c.headerZh}”`, reasonEn: `Missing required column "${c.headerEn}"` });
    }
  }
  for (const c of new Set(best.repeated)) {
    problems.push({ row: best.row, column: c.headerZh, columnKey: c.key, reasonZh: `列“${c.headerZh}”出现了不止一次`, reasonEn: `Column "${c.headerEn}" appears more than once` });
  }
  return { row: best.row, columns: best.found, problems };
}

/** The template's example row: some cell starts with the example mark. */
function isExample(row: ExcelJS.Row): boolean {
  let example = false;
  row.eachCell((cell) => {
    if (!example) example = rawText(rawOf(cell.value)).trimStart().startsWith(EXAMPLE_MARK);
  });
  return example;
}
