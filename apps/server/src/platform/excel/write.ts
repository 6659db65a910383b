import type ExcelJS from 'exceljs';
import { loadExcelJS } from './load.js';
import { EXAMPLE_MARK, INSTRUCTIONS_SHEET, describeType, headerText, type Column } from './columns.js';
import { isIsoDate, isoFromUtc, shanghaiDate, shanghaiDateTime, utcMidnight } from './dates.js';
import { clip, neutralise, stripUnsafe } from './safe.js';

/** One worksheet of an export. */
export interface ExportSheet {
  name: string;
  /** Printed at the top of every page. Row 1 stays the header, so an export can be imported again. */
  titleZh?: string;
  columns: readonly Column[];
  /** Objects keyed by `Column.key`; interfaces are accepted as well as records. */
  rows: readonly object[];
}

export interface TemplateOptions {
  /** Module-specific lines shown first on the instructions sheet. */
  instructionsZh?: string[];
}

/** Template rows given drop-down lists: a template is filled in by hand, so a thousand is plenty. */
const TEMPLATE_ROWS = 1000;
const CELL_MAX = 32_767; // Excel's limit for the text of one cell
const LISTS_SHEET = '选项 Lists';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFB4C6E7' } };
const EXAMPLE_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: 'FF808080' } };

type Plain = string | number | Date | null;

/** Text for a cell: clean, never a formula, within Excel's length limit. */
const text = (s: string): string => clip(neutralise(s), CELL_MAX);

/** A value as the sheet shows it, before text is made safe. Only primitives and Dates: never a formula. */
function plain(c: Column, v: unknown): Plain {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map((x) => display(plain(c, x))).filter((s) => s !== '').join('、');
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    // Timestamps are shown as the day or time in Chongqing; a date column shows the day.
    return c.type === 'date' ? utcMidnight(shanghaiDate(v)) : shanghaiDateTime(v);
  }
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : String(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'object') {
    const s = typeof v === 'string' ? v : JSON.stringify(v);
    if (c.type === 'enum') return c.values?.find((e) => e.value === s)?.zh ?? s;
    if (c.type === 'date' && isIsoDate(s)) return utcMidnight(s);
    // numeric and bigint columns may arrive as strings from a driver
    if ((c.type === 'number' || c.type === 'integer') && /^-?\d+(\.\d+)?$/.test(s.trim())) return Number(s);
    return s;
  }
  return String(v);
}

const display = (p: Plain): string => (p === null ? '' : p instanceof Date ? isoFromUtc(p) : String(p));

function cellValue(c: Column, v: unknown): Plain {
  const p = plain(c, v);
  return typeof p === 'string' ? text(p) : p;
}

/** Columns of a CJK-heavy sheet: a Chinese character takes two widths. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
}

function measure(c: Column, rows: readonly object[]): number {
  if (c.width) return c.width;
  let w = Math.max(displayWidth(c.headerZh), displayWidth(c.headerEn));
  for (const row of rows.slice(0, 200)) {
    for (const line of display(plain(c, (row as Record<string, unknown>)[c.key])).split('\n')) w = Math.max(w, displayWidth(line));
  }
  return Math.min(60, Math.max(8, w + 2));
}

const NUM_FMT: Partial<Record<Column['type'], string>> = { date: 'yyyy-mm-dd', integer: '0', string: '@', enum: '@', boolean: '@' };

/** Hands out worksheet names Excel accepts, each once (case-insensitively, as Excel compares them). */
function sheetNamer() {
  const used = new Set<string>();
  return (wanted: string): string => {
    // Excel forbids []:*?/\ in a name; an apostrophe is allowed but breaks the quoted
    // references ExcelJS writes (print titles), so it becomes a typographic one.
    let base = stripUnsafe(wanted).replace(/[[\]:*?/\\]/g, '').replace(/'/g, '’').trim() || 'Sheet';
    if (base.toLowerCase() === 'history') base = 'History 1'; // reserved by Excel
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const name = clip(base, 31 - suffix.length).trim() + suffix;
      if (!used.has(name.toLowerCase())) {
        used.add(name.toLowerCase());
        return name;
      }
    }
  };
}

async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = '重庆市生物制造产业行动计划运行平台';
  wb.created = new Date();
  return wb;
}

/** A sheet of a list: header in both languages, then one row per object. */
function addListSheet(wb: ExcelJS.Workbook, name: string, columns: readonly Column[], rows: readonly object[], titleZh?: string) {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
    headerFooter: {
      // '&' starts a header/footer code, so a literal one is doubled.
      oddHeader: titleZh ? `&C&B${stripUnsafe(titleZh).replace(/&/g, '&&')}` : undefined,
      oddFooter: '&C第 &P 页，共 &N 页',
    },
  });

  // Column styles first: cells created afterwards inherit them, and so do cells a user
  // types into later (a text format keeps 18-digit ID numbers and '2025-03' from being converted).
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = measure(c, rows);
    const numFmt = NUM_FMT[c.type];
    if (numFmt) col.numFmt = numFmt;
    if (c.type === 'string') col.alignment = { vertical: 'top', wrapText: true };
  });

  const header = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text(headerText(c));
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = HEADER_FILL;
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  });
  header.height = columns.some((c) => c.headerEn) ? 34 : 20;

  rows.forEach((row, r) => {
    const line = ws.getRow(r + 2);
    columns.forEach((c, i) => {
      line.getCell(i + 1).value = cellValue(c, (row as Record<string, unknown>)[c.key]);
    });
  });

  if (columns.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };
  return ws;
}

/** Writes a workbook of lists, one worksheet per sheet. */
export async function writeWorkbook(sheets: readonly ExportSheet[]): Promise<Buffer> {
  const wb = await newWorkbook();
  const names = sheetNamer();
  if (sheets[0]?.titleZh) wb.title = stripUnsafe(sheets[0].titleZh);
  for (const s of sheets) addListSheet(wb, names(s.name), s.columns, s.rows, s.titleZh);
  return toBuffer(wb);
}

/**
 * The import template of a list: the header, one example row (skipped on import), drop-down
 * lists for choice and yes/no columns, and a sheet explaining every column.
 */
export async function templateWorkbook(name: string, columns: readonly Column[], options: TemplateOptions = {}): Promise<Buffer> {
  const wb = await newWorkbook();
  const names = sheetNamer();
  const ws = addListSheet(wb, names(name), columns, [{}]);

  const example = ws.getRow(2);
  columns.forEach((c, i) => {
    const cell = example.getCell(i + 1);
    const v = cellValue(c, c.example);
    cell.value = i === 0 ? text(`${EXAMPLE_MARK}${display(v)}`) : v;
    cell.font = EXAMPLE_FONT;
  });

  columns.forEach((c, i) => {
    const note = [c.required ? '必填 Required' : '', c.noteZh ?? ''].filter(Boolean).join('\n');
    if (note) header(ws, i).note = stripUnsafe(note);
  });

  // Before any lists sheet, so the instructions come second and the hidden lists last.
  addInstructions(wb, names(INSTRUCTIONS_SHEET), columns, options.instructionsZh ?? []);

  const lists = new ListSheet(wb, names);
  columns.forEach((c, i) => {
    const labels = c.type === 'enum' ? (c.values ?? []).map((v) => v.zh) : c.type === 'boolean' ? ['是', '否'] : [];
    if (!labels.length) return;
    const letter = ws.getColumn(i + 1).letter;
    addValidation(ws, `${letter}2:${letter}${TEMPLATE_ROWS}`, {
      type: 'list',
      allowBlank: true,
      formulae: [lists.formula(labels)],
      showErrorMessage: true,
      // A warning, not a stop: the reader also takes the English label or the stored value.
      errorStyle: 'warning',
      errorTitle: clip(c.headerZh, 32),
      error: clip(`请从下拉列表中选择：${labels.join('、')}`, 255),
    });
  });

  return toBuffer(wb);
}

const header = (ws: ExcelJS.Worksheet, i: number) => ws.getRow(1).getCell(i + 1);

// ExcelJS supports range validations (worksheet.dataValidations) but its typings omit them.
function addValidation(ws: ExcelJS.Worksheet, range: string, dv: ExcelJS.DataValidation) {
  (ws as unknown as { dataValidations: { add(range: string, dv: ExcelJS.DataValidation): void } }).dataValidations.add(range, dv);
}

/**
 * Drop-down lists. Excel takes a literal list only up to 255 characters and without commas
 * or quotes in the labels; longer lists go to a very hidden sheet and are referenced there.
 */
class ListSheet {
  private sheet: ExcelJS.Worksheet | undefined;
  private columns = 0;

  constructor(private wb: ExcelJS.Workbook, private names: (wanted: string) => string) {}

  formula(labels: string[]): string {
    const literal = labels.map((l) => stripUnsafe(l)).join(',');
    if (literal.length <= 250 && !labels.some((l) => /[,"]/.test(l))) return `"${literal}"`;
    this.sheet ??= this.wb.addWorksheet(this.names(LISTS_SHEET), { state: 'veryHidden' });
    const col = this.sheet.getColumn(++this.columns);
    labels.forEach((l, r) => {
      this.sheet!.getCell(r + 1, this.columns).value = text(l);
    });
    return `'${this.sheet.name}'!$${col.letter}$1:$${col.letter}$${labels.length}`;
  }
}

function addInstructions(wb: ExcelJS.Workbook, name: string, columns: readonly Column[], linesZh: string[]) {
  const ws = wb.addWorksheet(name);
  ws.getColumn(1).width = 18;
  ws.getColumn(2).width = 22;
  ws.getColumn(3).width = 24;
  ws.getColumn(4).width = 12;
  ws.getColumn(5).width = 30;
  ws.getColumn(6).width = 40;

  const title = ws.addRow([INSTRUCTIONS_SHEET]);
  title.font = { bold: true, size: 14 };
  const general = [
    ...linesZh,
    '第 1 行是表头，请勿修改；列的顺序可以调整，多余的列导入时会被忽略。 Keep row 1 (the header); columns may be reordered, extra columns are ignored.',
    `以“${EXAMPLE_MARK}”开头的行是示例，导入时自动跳过，可以删除。 Rows starting with ${EXAMPLE_MARK} are examples and are skipped on import.`,
    '日期填 YYYY-MM-DD（如 2025-03-31），也可使用 Excel 日期。 Dates as YYYY-MM-DD (e.g. 2025-03-31) or as Excel dates.',
    '有下拉列表的列请从列表中选择。 Where a column has a drop-down list, pick from it.',
    '导入时检查每一行，并逐行列出全部问题。 On import every row is checked and every problem is listed by row.',
  ];
  for (const line of general) ws.addRow([text(line)]);
  ws.addRow([]);

  const head = ws.addRow(['列名', 'Column', '类型 Type', '必填 Required', '可选值 Allowed values', '说明 Notes']);
  head.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  });
  for (const c of columns) {
    const type = describeType(c);
    const allowed = c.type === 'enum' ? (c.values ?? []).map((v) => v.zh).join('、') : c.type === 'boolean' ? '是、否' : '';
    const row = ws.addRow([c.headerZh, c.headerEn, `${type.zh}\n${type.en}`, c.required ? '必填' : '选填', allowed, c.noteZh ?? ''].map((s) => text(s)));
    row.alignment = { vertical: 'top', wrapText: true };
  }
}

// ExcelJS declares its own Buffer type; at run time writeBuffer returns a Node Buffer.
const toBuffer = async (wb: ExcelJS.Workbook): Promise<Buffer> => (await wb.xlsx.writeBuffer()) as unknown as Buffer;
