import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { chineseDate, officialDocumentDocx, type OfficialDocument } from './index.js';

const notice: OfficialDocument = {
  issuerZh: '重庆市高新技术产业工作专班',
  number: '渝生物专班〔2025〕3号',
  title: '关于2025年第三季度生物制造行动计划推进情况的通报',
  recipients: '各区县人民政府，市级有关部门：',
  paragraphs: [
    '为贯彻落实《重庆市生物制造产业高质量发展行动计划（2024—2027年）》，现将第三季度推进情况通报如下。',
    { heading: '一、总体进展', level: 1 },
    { heading: '（一）重点项目建设', level: 2 },
    '全市生物制造重点项目完成投资42.6亿元，同比增长18.3%。',
  ],
  signature: '重庆市高新技术产业工作专班',
  date: '2025-10-08',
  attachments: [
    {
      title: '2025年第三季度生物制造重点项目进展情况表',
      columns: ['序号', '项目名称', '所在区县', '完成投资（亿元）'],
      rows: [
        [1, '合成生物创新中心', '两江新区', 12.5],
        [2, '生物基材料产业园', '长寿区', 8.1],
        [3, '酶制剂扩产项目', '涪陵区', null],
      ],
    },
  ],
  footerZh: '重庆市高新技术产业工作专班办公室  2025年10月8日印发',
};

async function parts(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const read = (path: string) => zip.file(path)!.async('string');
  return { document: await read('word/document.xml'), core: await read('docProps/core.xml'), fontTable: await read('word/fontTable.xml') };
}

describe('chineseDate', () => {
  it('prints arabic numerals without leading zeros', () => {
    expect(chineseDate('2025-10-08')).toBe('2025年10月8日');
    expect(chineseDate('2026-01-01')).toBe('2026年1月1日');
  });

  it.each(['', '2025-13-01', '2025-02-30', '2025-1-8', '2025/10/08', '20251008', 'not a date'])('rejects %j', (bad) => {
    expect(() => chineseDate(bad)).toThrow();
  });
});

describe('officialDocumentDocx', () => {
  it('writes a docx package whose parts carry the document elements', async () => {
    const buffer = await officialDocumentDocx(notice);
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    const { document, core } = await parts(buffer);
    for (const s of [notice.title, notice.number, notice.issuerZh, '2025年10月8日', '附件：'])
      expect(document).toContain(s);
    expect(core).toContain(`<dc:title>${notice.title}</dc:title>`);
    expect(core).toContain(`<dc:creator>${notice.issuerZh}</dc:creator>`);
    expect(core).toContain('<dc:language>zh-CN</dc:language>');
  });

  it('lays the page out per GB/T 9704', async () => {
    const { document, fontTable } = await parts(await officialDocumentDocx(notice));
    expect(fontTable).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    // A4 with 37/35/28/26 mm margins, in twips.
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(document).toContain('w:eastAsia="方正小标宋简体"');
    expect(document).toContain('w:eastAsia="仿宋_GB2312"');
    expect(document).toContain('w:eastAsia="黑体"');
    expect(document).toContain('w:eastAsia="楷体_GB2312"');
    expect(document).toContain('<w:spacing w:line="579" w:lineRule="exact"/>');
    expect(document).toContain('<w:color w:val="FF0000"/>');
    expect(document).toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
  });

  it('is read back by mammoth, a standard .docx reader', async () => {
    const { value } = await mammoth.extractRawText({ buffer: await officialDocumentDocx(notice) });
    expect(value).toContain(notice.title);
    expect(value).toContain('全市生物制造重点项目完成投资42.6亿元');
    expect(value).toContain(notice.attachments![0].title);
    expect(value).toContain('合成生物创新中心');
    expect(value).toContain('12.5');
  });

  it('renders an attachment as a table with a repeating header row', async () => {
    const { document } = await parts(await officialDocumentDocx(notice));
    const tables: string[] = document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables).toHaveLength(1);
    const rows: string[] = tables[0].match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(1 + notice.attachments![0].rows.length);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[1]).not.toContain('<w:tblHeader/>');
    expect(rows[0]).toContain('<w:b/>');
  });

  it('numbers attachments only when there are several', async () => {
    const two = await officialDocumentDocx({ ...notice, attachments: [notice.attachments![0], { title: '第二个附件', columns: ['a'], rows: [['x']] }] });
    const { value } = await mammoth.extractRawText({ buffer: two });
    expect(value).toContain(`附件：1.${notice.attachments![0].title}`);
    expect(value).toContain('2.第二个附件');
    expect(value).toMatch(/^附件2$/m);
    const one = (await mammoth.extractRawText({ buffer: await officialDocumentDocx(notice) })).value;
    expect(one).toContain(`附件：${notice.attachments![0].title}`);
  });

  it('has no 附件 line without attachments', async () => {
    const buffer = await officialDocumentDocx({ ...notice, attachments: undefined });
    const { document } = await parts(buffer);
    expect(document).not.toContain('附件：');
    expect(document).not.toContain('<w:tbl>');
    expect((await mammoth.extractRawText({ buffer })).value).not.toContain('附件');
  });

  it('strips characters XML forbids and escapes markup', async () => {
    const nasty = '标题\u0001含\u0008控制\u000B字符\u001F与\uFFFE<标签> & "引号"\uD800';
    const buffer = await officialDocumentDocx({
      ...notice,
      title: nasty,
      paragraphs: [nasty, { heading: `一、${nasty}`, level: 1 }],
      attachments: [{ title: nasty, columns: [nasty], rows: [[nasty]] }],
      footerZh: nasty,
    });
    const { document, core } = await parts(buffer);
    for (const xml of [document, core]) {
      expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
      expect(xml).not.toMatch(/[\uD800-\uDFFF]/);
      expect(xml).not.toContain('<标签>');
    }
    expect(document).toContain('标题含控制字符与&lt;标签&gt; &amp;');
    expect(core).toContain('<dc:title>标题含控制字符与&lt;标签&gt; &amp; &quot;引号&quot;</dc:title>');
    expect((await mammoth.extractRawText({ buffer })).value).toContain('标题含控制字符与<标签> & "引号"');
  });

  it('rejects an impossible date, an empty title and a row wider than its header', async () => {
    await expect(officialDocumentDocx({ ...notice, date: '2025-02-30' })).rejects.toThrow(/2025-02-30/);
    await expect(officialDocumentDocx({ ...notice, title: ' \u0001 ' })).rejects.toThrow(/标题/);
    await expect(
      officialDocumentDocx({ ...notice, attachments: [{ title: 't', columns: ['a'], rows: [['x', 'y']] }] }),
    ).rejects.toThrow(/too many|多于/);
  });

  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
  it.skipIf(!soffice)('is opened by LibreOffice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'official-doc-'));
    try {
      const file = join(dir, 'notice.docx');
      writeFileSync(file, await officialDocumentDocx(notice));
      execFileSync(soffice!, ['--headless', '--convert-to', 'txt:Text', '--outdir', dir, file], { timeout: 120_000, stdio: 'ignore' });
      expect(readFileSync(join(dir, 'notice.txt'), 'utf8')).toContain(notice.title);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
