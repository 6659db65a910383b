import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_MARK, INSTRUCTIONS_SHEET, neutralise, readSheet, templateWorkbook, writeWorkbook, type Column } from './index.js';

const STATUS = [
  { value: 'monthly', zh: '按月', en: 'Monthly' },
  { value: 'quarterly', zh: '按季度', en: 'Quarterly' },
] as const;

const COLUMNS: Column[] = [
  { key: 'name', headerZh: '名称', headerEn: 'Name', type: 'string', required: true, maxLength: 50, example: '菌种资源库' },
  { key: 'count', headerZh: '数量', headerEn: 'Count', type: 'integer', min: 0, max: 1000, example: 12 },
  { key: 'amount', headerZh: '金额（亿元）', headerEn: 'Amount', type: 'number', max: 100, example: 1.5 },
  { key: 'due', headerZh: '截止日期', headerEn: 'Due date', type: 'date', required: true, example: '2025-12-31' },
  { key: 'status', headerZh: '频次', headerEn: 'Frequency', type: 'enum', values: STATUS, example: 'quarterly', noteZh: '按月或按季度' },
  { key: 'done', headerZh: '是否完成', headerEn: 'Done', type: 'boolean', example: false },
  { key: 'note', headerZh: '备注', headerEn: 'Note', type: 'string' },
];

const headerOf = (c: Column) => `${c.headerZh}\n${c.headerEn}`;

async function load(data: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

/** A workbook built cell by cell, as a user's Excel would save it. */
async function sheet(rows: unknown[][], name = 'Sheet1'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  rows.forEach((r, i) => r.forEach((v, j) => { if (v !== undefined) ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue; }));
  return (await wb.xlsx.writeBuffer()) as unknown as Buffer;
}

describe('neutralise', () => {
  it('prefixes text that would start a formula and strips characters XML cannot hold', () => {
    for (const s of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(s)).toBe(`'${s}`);
    expect(neutralise('a=b')).toBe('a=b');
    expect(neutralise('重庆')).toBe('重庆');
    expect(neutralise('a\u0000b\u0008c\u000Bd\u000Ce\u001Ff\nx')).toBe('abcdef\nx');
    expect(neutralise('\u0001=1')).toBe("'=1");
    const d = new Date();
    expect(neutralise(-2)).toBe(-2);
    expect(neutralise(d)).toBe(d);
    expect(neutralise(true)).toBe(true);
  });
});

describe('writeWorkbook', () => {
  it('round-trips strings, integers, numbers, dates, enums and booleans', async () => {
    const rows = [
      { name: '重庆生物制造 Chongqing', count: 12, amount: 1.25, due: '2025-03-31', status: 'quarterly', done: true, note: null, extra: 'ignored' },
      { name: '第二行\n换行', count: 0, amount: -3.5, due: new Date('2025-12-31T00:00:00+08:00'), status: 'monthly', done: false, note: '-负号开头' },
    ];
    const data = await writeWorkbook([{ name: '清单', titleZh: '测试清单', columns: COLUMNS, rows }]);
    const { rows: back, problems } = await readSheet(data, COLUMNS);
    expect(problems).toEqual([]);
    expect(back).toEqual([
      { name: '重庆生物制造 Chongqing', count: 12, amount: 1.25, due: '2025-03-31', status: 'quarterly', done: true, note: null },
      { name: '第二行\n换行', count: 0, amount: -3.5, due: '2025-12-31', status: 'monthly', done: false, note: '-负号开头' },
    ]);
    expect(Object.keys(back[0])).toEqual(COLUMNS.map((c) => c.key));
    expect((back[1] as { __row?: number }).__row).toBe(3);

    const ws = (await load(data)).getWorksheet('清单')!;
    expect(ws.getRow(1).values).toEqual([undefined, ...COLUMNS.map(headerOf)]);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').alignment?.wrapText).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getCell('D2').value).toEqual(new Date(Date.UTC(2025, 2, 31)));
    expect(ws.getCell('D2').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('E2').value).toBe('按季度');
    expect(ws.getCell('F2').value).toBe('是');
    expect(ws.getCell('F3').value).toBe('否');
    expect(ws.getCell('G3').value).toBe("'-负号开头");
    expect(ws.getColumn(1).width).toBeGreaterThan(8);
  });

  it('joins arrays, shows timestamps in Chongqing time and cleans sheet names', async () => {
    const cols: Column[] = [
      { key: 'tags', headerZh: '标签', headerEn: 'Tags', type: 'string' },
      { key: 'at', headerZh: '时间', headerEn: 'At', type: 'string' },
    ];
    const data = await writeWorkbook([
      { name: 'a[b]:c*d?e/f\\g 一个很长很长很长很长很长很长的工作表名称', columns: cols, rows: [{ tags: ['菌种', '=发酵'], at: new Date('2025-03-31T16:30:00Z') }] },
      { name: 'a[b]:c*d?e/f\\g 一个很长很长很长很长很长很长的工作表名称', columns: cols, rows: [] },
      { name: "it's", columns: cols, rows: [] },
    ]);
    const wb = await load(data);
    const [first, second] = wb.worksheets;
    expect(first.name).not.toMatch(/[[\]:*?/\\]/);
    expect(first.name.length).toBeLessThanOrEqual(31);
    expect(second.name).not.toBe(first.name);
    expect(second.name.length).toBeLessThanOrEqual(31);
    expect(wb.worksheets[2].name).toBe('it’s'); // an apostrophe would break quoted sheet references
    expect(first.getCell('A2').value).toBe('菌种、=发酵');
    expect(first.getCell('B2').value).toBe('2025-04-01 00:30');
  });

  it('never writes a formula: text that would start one gets an apostrophe', async () => {
    const cols: Column[] = [
      { key: 'a', headerZh: '甲', headerEn: 'A', type: 'string' },
      { key: 'b', headerZh: '乙', headerEn: 'B', type: 'string' },
      { key: 'c', headerZh: '丙', headerEn: 'C', type: 'string' },
      { key: 'd', headerZh: '丁', headerEn: 'D', type: 'string' },
    ];
    const evil = { a: '=HYPERLINK("http://x")', b: '+1', c: '-2', d: '@SUM(A1)' };
    const data = await writeWorkbook([{ name: 'x', columns: cols, rows: [evil, { a: '\u0000=1', b: '\tcmd', c: '\r2', d: 'plain' }] }]);

    const ws = (await load(data)).worksheets[0];
    for (const col of ['A', 'B', 'C', 'D']) {
      const cell = ws.getCell(`${col}2`);
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      expect(cell.formula).toBeFalsy();
      expect(String(cell.value).startsWith("'")).toBe(true);
    }
    expect(ws.getCell('A2').value).toBe('\'=HYPERLINK("http://x")');
    expect(ws.getCell('A3').value).toBe("'=1");
    expect(ws.getCell('D3').value).toBe('plain');

    const zip = await JSZip.loadAsync(data);
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/.*\.xml$/.test(f));
    expect(sheets.length).toBeGreaterThan(0);
    for (const f of sheets) expect(await zip.file(f)!.async('string')).not.toMatch(/<f[\s>]/);
    expect(await zip.file('xl/sharedStrings.xml')!.async('string')).toContain('<t>&apos;=HYPERLINK(&quot;http://x&quot;)</t>');

    // Imported again, the values come back as they were.
    const { rows } = await readSheet(data, cols);
    expect(rows[0]).toEqual(evil);
  });
});

describe('templateWorkbook', () => {
  it('has the header, a skipped example row, drop-downs and an instructions sheet', async () => {
    const data = await templateWorkbook('年度工作要点', COLUMNS, { instructionsZh: ['每行一个工作要点。'] });
    const wb = await load(data);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('年度工作要点');
    expect(ws.getRow(1).values).toEqual([undefined, ...COLUMNS.map(headerOf)]);

    const example = ws.getRow(2);
    expect(String(example.getCell(1).value)).toBe(`${EXAMPLE_MARK}菌种资源库`);
    expect(example.getCell(1).font).toMatchObject({ italic: true, color: { argb: 'FF808080' } });
    expect(example.getCell(4).value).toEqual(new Date(Date.UTC(2025, 11, 31)));
    expect(example.getCell(5).value).toBe('按季度');
    expect(example.getCell(6).value).toBe('否');

    expect(ws.getCell('E2').dataValidation).toMatchObject({ type: 'list', formulae: ['"按月,按季度"'] });
    expect(ws.getCell('E1000').dataValidation?.type).toBe('list');
    expect(ws.getCell('F500').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(ws.getCell('A2').dataValidation).toBeFalsy();
    const xml = await (await JSZip.loadAsync(data)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain('sqref="E2:E1000"');

    const note = ws.getCell('E1').note;
    expect(typeof note === 'string' ? note : JSON.stringify(note)).toContain('按月或按季度');

    const help = wb.getWorksheet(INSTRUCTIONS_SHEET)!;
    expect(help).toBeTruthy();
    const text: string[] = [];
    help.eachRow((row) => row.eachCell((cell) => text.push(String(cell.value))));
    const all = text.join('\n');
    expect(all).toContain('每行一个工作要点。');
    for (const c of COLUMNS) {
      expect(text).toContain(c.headerZh);
      expect(text).toContain(c.headerEn);
    }
    expect(all).toContain('按月、按季度');
    expect(all).toContain('必填');
    expect(all).toContain('整数（0–1000）');

    // The untouched template imports as nothing at all.
    expect(await readSheet(data, COLUMNS)).toEqual({ rows: [], problems: [] });
  });

  it('reads what a user fills in below the example row', async () => {
    const wb = await load(await templateWorkbook('清单', COLUMNS));
    wb.worksheets[0].getRow(3).values = ['新建项目', '7', undefined, '2025/3/5', '按月', '是'];
    const { rows, problems } = await readSheet((await wb.xlsx.writeBuffer()) as unknown as Buffer, COLUMNS);
    expect(problems).toEqual([]);
    expect(rows).toEqual([{ name: '新建项目', count: 7, amount: null, due: '2025-03-05', status: 'monthly', done: true, note: null }]);
    expect((rows[0] as { __row?: number }).__row).toBe(3);
  });

  it('puts long choice lists on a hidden sheet', async () => {
    const values = Array.from({ length: 60 }, (_, i) => ({ value: `v${i}`, zh: `选项第${i}号，较长` }));
    const data = await templateWorkbook('长列表', [{ key: 'k', headerZh: '选项', headerEn: 'Choice', type: 'enum', values }]);
    const wb = await load(data);
    const formula = String(wb.worksheets[0].getCell('A2').dataValidation?.formulae?.[0]);
    expect(formula).toMatch(/^'选项 Lists'!\$A\$1:\$A\$60$/);
    const lists = wb.getWorksheet('选项 Lists')!;
    expect(lists.state).toBe('veryHidden');
    expect(lists.getCell('A60').value).toBe('选项第59号，较长');
    expect(wb.worksheets[1].name).toBe(INSTRUCTIONS_SHEET);
    expect((await readSheet(data, [{ key: 'k', headerZh: '选项', headerEn: 'Choice', type: 'enum', values }])).problems).toEqual([]);
  });
});

describe('readSheet', () => {
  it('reports every problem of every row, with row, column and reason', async () => {
    const header = COLUMNS.map(headerOf);
    const data = await sheet([
      header,
      ['', 'abc', 'x', '2025-02-30', '不存在', 'maybe'],
      ['长'.repeat(60), 1.5, 1e6, '2025/3/5', 'Monthly', 'yes'],
      [],
      ['正常', 3, 2.5, '2025-03-31', '按季度', '否', '备注'],
      ['下限', -1, { formula: '1/0', result: { error: '#DIV/0!' } }, 45747, 'QUARTERLY', 0],
    ]);
    const { rows, problems } = await readSheet(data, COLUMNS);
    const brief = problems.map((p) => [p.row, p.column, p.columnKey, p.reasonZh]);
    expect(brief).toEqual([
      [2, '名称', 'name', '必填，不能为空'],
      [2, '数量', 'count', '应为整数'],
      [2, '金额（亿元）', 'amount', '应为数字'],
      [2, '截止日期', 'due', '不是有效日期，请填 YYYY-MM-DD（如 2025-03-31）'],
      [2, '频次', 'status', '应为以下之一：按月、按季度'],
      [2, '是否完成', 'done', '应填 是 或 否'],
      [3, '名称', 'name', '超过 50 字（现有 60 字）'],
      [3, '数量', 'count', '应为整数'],
      [3, '金额（亿元）', 'amount', '不能大于 100'],
      [6, '数量', 'count', '不能小于 0'],
      [6, '金额（亿元）', 'amount', '单元格是错误值 #DIV/0!'],
    ]);
    for (const p of problems) expect(p.reasonEn).toBeTruthy();
    expect(problems[1].value).toBe('abc');
    expect(problems[4].reasonEn).toBe('Must be one of: Monthly, Quarterly');
    expect(problems[0].value).toBeUndefined();
    expect(rows).toEqual([{ name: '正常', count: 3, amount: 2.5, due: '2025-03-31', status: 'quarterly', done: false, note: '备注' }]);
    expect((rows[0] as { __row?: number }).__row).toBe(5);
  });

  it('matches headers by Chinese, English or both, in any order, ignoring extra columns', async () => {
    const cols = COLUMNS.filter((c) => ['name', 'due', 'status'].includes(c.key));
    const expected = [{ name: '甲', due: '2025-03-31', status: 'monthly' }];
    const variants = [
      ['名称', '截止日期', '频次'],
      ['Name', 'due date', 'FREQUENCY'],
      ['频次 Frequency', '无关列', '截止日期\r\nDue  date', '* 名称\nName'],
    ];
    for (const header of variants) {
      const value = (h: string) => (/频次|freq/i.test(h) ? '按月' : /截止|due/i.test(h) ? '2025-03-31' : /名称|name/i.test(h) ? '甲' : '别管我');
      const { rows, problems } = await readSheet(await sheet([header, header.map(value)]), cols);
      expect(problems).toEqual([]);
      expect(rows).toEqual(expected);
    }
  });

  it('reports a missing required column at the header row', async () => {
    const { rows, problems } = await readSheet(await sheet([['名称', '频次'], ['甲', '按月']]), COLUMNS);
    expect(rows).toEqual([]);
    expect(problems).toEqual([{ row: 1, column: '截止日期', columnKey: 'due', reasonZh: '缺少必填列“截止日期”', reasonEn: 'Missing required column "Due date"' }]);
  });

  it('reports a sheet without a recognisable header', async () => {
    const { rows, problems } = await readSheet(await sheet([['什么', '都不是'], [1, 2]]), COLUMNS);
    expect(rows).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ row: 1, column: '' });
  });

  it('gives one problem, not an exception, for a file that is not an xlsx', async () => {
    const expected = [{ row: 0, column: '', reasonZh: '文件不是有效的 Excel (.xlsx) 文件', reasonEn: 'Not a valid Excel (.xlsx) file' }];
    const zip = new JSZip();
    zip.file('hello.txt', 'not a workbook');
    const notXlsx = await zip.generateAsync({ type: 'nodebuffer' });
    const garbage = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256));
    const brokenZip = Buffer.concat([Buffer.from('PK\u0003\u0004'), garbage]);
    for (const data of [garbage, Buffer.alloc(0), Buffer.from('名称,截止日期\n甲,2025-01-01'), notXlsx, brokenZip]) {
      expect(await readSheet(data, COLUMNS)).toEqual({ rows: [], problems: expected });
    }
  });

  it('accepts Excel serial dates and dates typed as text', async () => {
    const cols = [COLUMNS[3]];
    const data = await sheet([
      ['截止日期'],
      [45747],
      ['45747'],
      ['2025-03-31'],
      ['2025/3/31'],
      ['2025.3.31'],
      ['2025年3月31日'],
      [20250331],
      ['２０２５－０３－３１'],
      [new Date(Date.UTC(2025, 2, 31))],
      [{ formula: 'DATE(2025,3,31)', result: 45747 }],
      ['2025-03-31 14:00'],
    ]);
    const { rows, problems } = await readSheet(data, cols);
    expect(problems).toEqual([]);
    expect(rows).toEqual(Array.from({ length: 11 }, () => ({ due: '2025-03-31' })));
  });

  it('reads rich text, hyperlinks, formula results and numbers stored as text', async () => {
    const cols: Column[] = [
      { key: 'name', headerZh: '名称', headerEn: 'Name', type: 'string' },
      { key: 'link', headerZh: '链接', headerEn: 'Link', type: 'string' },
      { key: 'n', headerZh: '数量', headerEn: 'Count', type: 'integer' },
      { key: 'x', headerZh: '数值', headerEn: 'Value', type: 'number' },
      { key: 'code', headerZh: '代码', headerEn: 'Code', type: 'string' },
    ];
    const data = await sheet([
      [{ richText: [{ text: '名' }, { text: '称', font: { bold: true } }] }, '链接', '数量', '数值', '代码'],
      [{ richText: [{ text: '重庆' }, { text: '市', font: { bold: true } }] }, { text: '平台', hyperlink: 'https://example.org' }, '1,234', { formula: 'A1*2', result: 2.5 }, 500112],
      ['  两端空格  ', { formula: 'B1', result: '公式文本' }, '１２', ' 3.5 ', '\'=A1'],
      ['精度', '', { formula: 'X1', result: undefined }, 0.1 + 0.2, 110101199003071234],
    ]);
    const { rows, problems } = await readSheet(data, cols);
    expect(rows).toEqual([
      { name: '重庆市', link: '平台', n: 1234, x: 2.5, code: '500112' },
      { name: '两端空格', link: '公式文本', n: 12, x: 3.5, code: '=A1' },
    ]);
    expect(problems.map((p) => [p.row, p.columnKey])).toEqual([[4, 'n'], [4, 'code']]);
    expect(problems[0].reasonZh).toContain('公式没有保存计算结果');
    expect(problems[1].reasonZh).toContain('精度');
  });

  it('refuses more rows than maxRows with one problem', async () => {
    const data = await sheet([['名称', '截止日期'], ['a', '2025-01-01'], [], ['b', '2025-01-02'], ['c', '2025-01-03']]);
    expect(await readSheet(data, COLUMNS, { maxRows: 2 })).toEqual({
      rows: [],
      problems: [{ row: 5, column: '', reasonZh: '数据超过 2 行，请分批导入', reasonEn: 'More than 2 data rows; import them in batches' }],
    });
    expect((await readSheet(data, COLUMNS, { maxRows: 3 })).rows).toHaveLength(3);
  });

  it('skips an instructions sheet and hidden sheets, and reads a named sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('填写说明').addRow(['名称', '截止日期']);
    wb.addWorksheet('隐藏', { state: 'hidden' }).addRow(['名称', '截止日期']);
    const main = wb.addWorksheet('数据');
    main.addRow(['名称', '截止日期']);
    main.addRow(['甲', '2025-01-01']);
    const other = wb.addWorksheet('另一个');
    other.addRow(['名称', '截止日期']);
    other.addRow(['乙', '2025-02-01']);
    const data = (await wb.xlsx.writeBuffer()) as unknown as Buffer;
    const cols = [COLUMNS[0], COLUMNS[3]];
    expect((await readSheet(data, cols)).rows).toEqual([{ name: '甲', due: '2025-01-01' }]);
    expect((await readSheet(data, cols, { sheet: '另一个' })).rows).toEqual([{ name: '乙', due: '2025-02-01' }]);
    expect((await readSheet(data, cols, { sheet: 3 })).rows).toEqual([{ name: '乙', due: '2025-02-01' }]);
    expect((await readSheet(data, cols, { sheet: '没有' })).problems).toMatchObject([{ row: 0, reasonEn: 'No worksheet named "没有"' }]);
  });

  it('accepts a Uint8Array', async () => {
    const data = await sheet([['名称', '截止日期'], ['甲', '2025-01-01']]);
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    expect((await readSheet(bytes, [COLUMNS[0], COLUMNS[3]])).rows).toEqual([{ name: '甲', due: '2025-01-01' }]);
  });
});
