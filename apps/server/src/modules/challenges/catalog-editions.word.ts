import { chineseDate, officialDocumentDocx, type OfficialAttachment } from '../../platform/reports/index.js';
import { DOMAIN_NAMES } from '../industry/model/labels.js';
import { ISSUER_ZH } from '../supervision/notices.service.js';
import { MODES, NEED_FIELDS } from './model/labels.js';
import { CATALOG_NAME, countsOf, fieldName } from './model/needs.js';

/**
 * The Word document of a catalog edition, laid out as the task force's official documents are
 * (GB/T 9704): issuer, number, title, an introduction with the counts by technology field and by
 * domain, and the needs as an attached table. Made from the edition's snapshots, which hold
 * public fields only: the raisers' contacts are never printed.
 */

export interface CatalogEditionForDocument {
  titleZh: string; status: string; year: number | null; number: number | null; publishedOn: string | null; basedOnTitleZh: string | null;
}

type Snap = Record<string, unknown>;
const str = (v: unknown) => (v == null ? '' : String(v));
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const indicatorsText = (v: unknown) => (Array.isArray(v) ? v.map((i: { nameZh?: string; targetValue?: number; unit?: string }) => `${str(i.nameZh)} ${str(i.targetValue)}${str(i.unit)}`).join('；') : '');

const COLUMNS = ['序号', '编号', '需求名称', '技术领域', '产业领域', '「卡脖子」问题', '国内外现状', '目标指标', '预期成果', '提出单位', '建议组织方式', '建议经费（万元）'];

export function needRow(s: Snap, i: number): (string | number | null)[] {
  return [
    i + 1, str(s.code), str(s.titleZh), fieldName(s.field, s.fieldOtherZh), DOMAIN_NAMES[s.domain as keyof typeof DOMAIN_NAMES]?.zh ?? str(s.domain),
    str(s.problemZh), str(s.currentLevelZh), indicatorsText(s.indicators), str(s.expectedOutcomeZh), str(s.organisationNameZh),
    s.suggestedMode ? MODES[s.suggestedMode as keyof typeof MODES]?.zh ?? str(s.suggestedMode) : '', num(s.fundingWan),
  ];
}

/** The introduction: what the edition holds, by technology field and by domain, and where it came from. */
export function introduction(e: CatalogEditionForDocument, items: Snap[]): string[] {
  const { byField, byDomain } = countsOf(items);
  const fields = Object.entries(byField).map(([f, c]) => `${NEED_FIELDS[f as keyof typeof NEED_FIELDS].zh} ${c} 项`).join('，');
  const domains = Object.entries(byDomain).map(([d, c]) => `${DOMAIN_NAMES[d as keyof typeof DOMAIN_NAMES].zh} ${c} 项`).join('，');
  const carried = items.filter((i) => i.origin === 'carried').length;
  return [
    `为贯彻落实重庆市生物制造产业发展行动计划，聚焦产业关键核心技术“卡脖子”问题，经企业、高校院所和主管部门征集、审核，现发布${e.titleZh}，共收录技术需求 ${items.length} 项。`,
    e.basedOnTitleZh ? `本版在${e.basedOnTitleZh}基础上滚动更新：沿用 ${carried} 项，新增 ${items.length - carried} 项，已撤回或已关闭的需求不再列入。` : '本版为首版目录。',
    `按技术领域分：${fields}。`,
    `按产业领域分：${domains}。`,
    '目录所列需求将以“揭榜挂帅”“并行资助”等方式组织攻关。有意承担的企业、高校院所和新型研发机构请关注平台发布的榜单，按要求申报。',
  ];
}

export async function catalogEditionDocx(e: CatalogEditionForDocument, items: Snap[], today: string): Promise<{ buffer: Buffer; fileName: string }> {
  const date = e.publishedOn ?? today;
  const published = e.status === 'published';
  const attachment: OfficialAttachment = { title: `${CATALOG_NAME}${published ? `（${e.year} 年第 ${e.number} 版）` : '（草稿）'}明细`, columns: COLUMNS, rows: items.map(needRow) };
  const buffer = await officialDocumentDocx({
    issuerZh: ISSUER_ZH,
    number: published ? `渝生物需求目录〔${e.year}〕${e.number}号` : '（草稿 · 未发布）',
    title: e.titleZh,
    recipients: '各区县人民政府，市级有关部门，有关企业、高校院所：',
    paragraphs: introduction(e, items),
    signature: ISSUER_ZH,
    date,
    attachments: [attachment],
    footerZh: `${ISSUER_ZH}办公室  ${chineseDate(date)}印发`,
  });
  return { buffer, fileName: `${e.titleZh}${published ? '' : '（草稿）'}.docx` };
}
