import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { badRequest } from '../http/errors.js';
import { chineseDate } from '../dates.js';

export { chineseDate };

/**
 * A notice or other official document of the task force, laid out as GB/T 9704-2012
 * (党政机关公文格式) prescribes, as far as WordprocessingML can express it.
 */
export interface OfficialDocument {
  /** 发文机关, printed in red as the 发文机关标志. */
  issuerZh: string;
  /** 发文字号, e.g. 渝生物专班〔2025〕3号. */
  number: string;
  /** 标题. A newline marks where a long title should break. */
  title: string;
  /** 主送机关; a full-width colon is added when missing. */
  recipients?: string;
  /** 正文. Headings are printed as given, so they carry their own 一、 / （一） ordinal. */
  paragraphs: (string | OfficialHeading)[];
  /** 发文机关署名. */
  signature: string;
  /** 成文日期, YYYY-MM-DD. */
  date: string;
  attachments?: OfficialAttachment[];
  /** 版记: 印发机关 and 印发日期, separated by two or more spaces. */
  footerZh?: string;
}

export interface OfficialHeading {
  heading: string;
  level: 1 | 2;
}

export interface OfficialAttachment {
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
}

// GB/T 9704-2012 names Founder and GB2312-era fonts; readers without them substitute, and
// the eastAsia slot is what makes Word pick them for Chinese text at all.
const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  hei: '黑体',
  kai: '楷体_GB2312',
  song: '宋体',
} as const;

/** Alternates for machines without the standard's faces: Windows since Vista ships 仿宋 and 楷体, not the _GB2312 ones. */
const FALLBACK: Record<string, string> = {
  [FONT.title]: '宋体',
  [FONT.body]: '仿宋',
  [FONT.hei]: 'SimHei',
  [FONT.kai]: '楷体',
  [FONT.song]: 'SimSun',
};

const RED = 'FF0000';
const SIZE = { title: 44, body: 32, pageNumber: 28, note: 28, table: 24 } as const; // half-points: 二号, 三号, 四号, 四号, 小四
/** 22 lines on a 225 mm type area: 28.95 pt, the line pitch of the standard's 版心. */
const LINE = 579;
const CHAR = 320; // one 三号 character, in twips
const CHAR_4 = 280; // one 四号 character, in twips
// docx's convertMillimetersToTwip floors, which would make A4 a twip short of Word's 11906 × 16838.
const mm = (v: number) => Math.round((v * 1440) / 25.4);
const TYPE_AREA_WIDTH = mm(210 - 28 - 26);

const exact = (lines = 1) => ({ line: LINE * lines, lineRule: LineRuleType.EXACT });

const fontOf = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' });

// XML 1.0 forbids most C0 controls and unpaired surrogates; C1 controls are legal but
// "discouraged" and render as boxes, so they go too.
const UNSAFE_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function clean(s: string): string {
  return String(s).replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(UNSAFE_XML, '');
}

function required(value: string | undefined, path: string, zh: string): string {
  const v = clean(value ?? '').trim();
  if (!v) throw badRequest(`${zh}不能为空`, `${path} must not be empty`, [{ path: `/${path}`, message: 'required' }]);
  return v;
}

/** Widths in 三号 characters: CJK is full-width, Latin and digits in the GB2312 faces are half. */
function widthInChars(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! > 0xff ? 1 : 0.5;
  return w;
}

/** Newlines become line breaks inside the paragraph rather than literal characters Word would show as spaces. */
function runs(text: string, style: Omit<IRunOptions, 'text' | 'children' | 'break'>): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ ...style, text: line, break: i ? 1 : undefined }));
}

const bodyRun = { font: fontOf(FONT.body), size: SIZE.body };

function cellText(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return clean(v);
}

const hairline: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function attachmentTable(a: OfficialAttachment, index: number): Table {
  const columns = a.columns.map(cellText);
  if (!columns.length)
    throw badRequest(`附件${index + 1}的表格没有列`, `Attachment ${index + 1} has a table with no columns`, [{ path: `/attachments/${index}/columns`, message: 'empty' }]);
  const colWidth = Math.floor(TYPE_AREA_WIDTH / columns.length);
  const widths = columns.map((_, i) => (i === columns.length - 1 ? TYPE_AREA_WIDTH - colWidth * (columns.length - 1) : colWidth));

  const cell = (text: string, i: number, opts: { header?: boolean; numeric?: boolean }) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      children: [
        new Paragraph({
          alignment: opts.header ? AlignmentType.CENTER : opts.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: runs(text, { font: fontOf(opts.header ? FONT.hei : FONT.body), size: SIZE.table, bold: opts.header }),
        }),
      ],
    });

  const header = new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c, i, { header: true })) });
  const body = a.rows.map((row, r) => {
    if (row.length > columns.length)
      throw badRequest(
        `附件${index + 1}第${r + 1}行有${row.length}列，多于表头的${columns.length}列`,
        `Attachment ${index + 1} row ${r + 1} has ${row.length} cells but only ${columns.length} columns`,
        [{ path: `/attachments/${index}/rows/${r}`, message: 'too many cells' }],
      );
    // Short rows are padded: a missing trailing value is blank, whereas extra values would be silently lost.
    return new TableRow({
      cantSplit: true,
      children: columns.map((_, i) => cell(cellText(row[i]), i, { numeric: typeof row[i] === 'number' })),
    });
  });

  return new Table({
    width: { size: TYPE_AREA_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    alignment: AlignmentType.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    borders: { top: hairline, bottom: hairline, left: hairline, right: hairline, insideHorizontal: hairline, insideVertical: hairline },
    rows: [header, ...body],
  });
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  // 4号半角宋体 between 一字线, 空一字 from the outside edge: right on odd pages, left on even.
  const font = fontOf(FONT.song);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: CHAR_4 } : { left: CHAR_4 },
        children: [new TextRun({ font, size: SIZE.pageNumber, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** docx has no option for dc:language, so the whole core part is written here instead. */
function coreXml(p: { title: string; creator: string; subject: string }): string {
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(p.title)}</dc:title>` +
    `<dc:subject>${escapeXml(p.subject)}</dc:subject>` +
    `<dc:creator>${escapeXml(p.creator)}</dc:creator>` +
    `<cp:lastModifiedBy>${escapeXml(p.creator)}</cp:lastModifiedBy>` +
    '<dc:language>zh-CN</dc:language>' +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** docx writes an empty font table; this one names the fallbacks and the GB2312 charset (86). */
function fontTableXml(): string {
  const fonts = Object.entries(FALLBACK)
    .map(([name, alt]) => `<w:font w:name="${escapeXml(name)}"><w:altName w:val="${escapeXml(alt)}"/><w:charset w:val="86"/></w:font>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`
  );
}

/**
 * Renders the document as .docx. Throws a 400 AppError when a required element is empty,
 * the date is not a real YYYY-MM-DD date, or an attachment row is wider than its header.
 */
export async function officialDocumentDocx(doc: OfficialDocument): Promise<Buffer> {
  const issuer = required(doc.issuerZh, 'issuerZh', '发文机关');
  const number = required(doc.number, 'number', '发文字号');
  const title = required(doc.title, 'title', '标题');
  const signature = required(doc.signature, 'signature', '发文机关署名');
  const date = chineseDate(doc.date);
  const attachments = doc.attachments ?? [];
  const children: (Paragraph | Table)[] = [];

  // 版头. The issuer shrinks to stay on one line across the 156 mm type area, up to 初号.
  const issuerPt = Math.max(26, Math.min(42, Math.floor(TYPE_AREA_WIDTH / 20 / Math.max(1, widthInChars(issuer)))));
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      // 上边缘至版心上边缘为35mm; auto spacing because an exact 28.95 pt line would clip 初号 glyphs.
      spacing: { before: mm(35), line: 240, lineRule: LineRuleType.AUTO },
      children: runs(issuer, { font: fontOf(FONT.title), size: issuerPt * 2, color: RED }),
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: LINE * 2, ...exact() },
      // 发文字号之下4mm处 the red 版头分隔线, as wide as the type area.
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } },
      children: runs(number, bodyRun),
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: LINE * 2, ...exact() },
      children: runs(title, { font: fontOf(FONT.title), size: SIZE.title }),
    }),
  );

  const recipients = clean(doc.recipients ?? '').trim();
  if (recipients)
    children.push(
      new Paragraph({
        spacing: { before: LINE, ...exact() },
        children: runs(/[:：]$/.test(recipients) ? recipients.replace(/:$/, '：') : `${recipients}：`, bodyRun),
      }),
    );

  for (const p of doc.paragraphs ?? []) {
    if (typeof p === 'string') {
      const text = clean(p).trim();
      if (!text) continue;
      children.push(
        new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: exact(), indent: { firstLine: CHAR * 2 }, children: runs(text, bodyRun) }),
      );
    } else {
      const text = clean(p.heading).trim();
      if (!text) continue;
      children.push(
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: exact(),
          indent: { firstLine: CHAR * 2 },
          keepNext: true,
          outlineLevel: p.level - 1,
          children: runs(text, { font: fontOf(p.level === 1 ? FONT.hei : FONT.kai), size: SIZE.body }),
        }),
      );
    }
  }

  // 附件说明: 左空二字 "附件：", numbers only when there is more than one, and wrapped
  // lines aligned under the first character of the attachment's name.
  const attachmentTitles = attachments.map((a, i) => required(a.title, `attachments/${i}/title`, `附件${i + 1}标题`).replace(/\n/g, ''));
  attachmentTitles.forEach((t, i) => {
    const ordinal = attachments.length > 1 ? `${i + 1}.` : '';
    const lead = i === 0 ? '附件：' : '';
    const hang = widthInChars(lead + ordinal) * CHAR;
    children.push(
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing: { before: i === 0 ? LINE : 0, ...exact() },
        indent: { left: CHAR * 2 + widthInChars('附件：') * CHAR + widthInChars(ordinal) * CHAR, hanging: hang },
        children: runs(`${lead}${ordinal}${t}`, bodyRun),
      }),
    );
  });

  // 署名 and 日期 for an unsealed document: the name 右空二字, the date's first character
  // two characters right of the name's; if the date is the longer, the name moves left.
  const sigWidth = widthInChars(signature);
  const dateWidth = widthInChars(date);
  const sigRight = Math.max(2, 4 + dateWidth - sigWidth);
  const dateRight = sigRight + sigWidth - dateWidth - 2;
  children.push(
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: LINE, ...exact() },
      indent: { right: Math.round(sigRight * CHAR) },
      keepNext: true,
      children: runs(signature, bodyRun),
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: exact(),
      indent: { right: Math.round(dateRight * CHAR) },
      children: runs(date, bodyRun),
    }),
  );

  // 附件 each start a page: "附件N" 3号黑体 top left, the title centred on the third line.
  attachments.forEach((a, i) => {
    children.push(
      new Paragraph({
        pageBreakBefore: true,
        spacing: exact(),
        keepNext: true,
        children: runs(attachments.length > 1 ? `附件${i + 1}` : '附件', { font: fontOf(FONT.hei), size: SIZE.body }),
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: LINE, after: Math.round(LINE / 2), ...exact() },
        keepNext: true,
        children: runs(attachmentTitles[i], { font: fontOf(FONT.title), size: SIZE.title }),
      }),
      attachmentTable(a, i),
    );
  });

  // 版记 closes the document, between thick (0.35 mm) rules, 印发机关 左空一字 and 印发日期 右空一字.
  const note = clean(doc.footerZh ?? '').replace(/\n/g, ' ').trim();
  if (note) {
    const thick: IBorderOptions = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 };
    const [, left, right] = /^(.*?\S)\s{2,}(\S.*)$/.exec(note) ?? [note, note, ''];
    const noteRun = { font: fontOf(FONT.body), size: SIZE.note };
    const parts: ParagraphChild[] = [new TextRun({ ...noteRun, text: left })];
    if (right) parts.push(new TextRun({ ...noteRun, children: [new Tab(), right] }));
    children.push(
      new Paragraph({
        spacing: { before: LINE * 2, ...exact() },
        indent: { left: CHAR_4 },
        tabStops: [{ type: TabStopType.RIGHT, position: TYPE_AREA_WIDTH - CHAR_4 }],
        border: { top: thick, bottom: thick },
        keepLines: true,
        children: parts,
      }),
    );
  }

  const document = new Document({
    title,
    creator: issuer,
    lastModifiedBy: issuer,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: fontOf(FONT.body), size: SIZE.body, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: {
              top: mm(37),
              bottom: mm(35),
              left: mm(28),
              right: mm(26),
              header: mm(15),
              // Puts the top of the 一字线 about 7 mm below the type area, as the standard asks.
              footer: mm(22),
            },
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });

  return Packer.toBuffer(document, false, [
    { path: 'word/fontTable.xml', data: fontTableXml() },
    { path: 'docProps/core.xml', data: coreXml({ title: title.replace(/\n/g, ''), creator: issuer, subject: number.replace(/\n/g, ' ') }) },
  ]);
}
