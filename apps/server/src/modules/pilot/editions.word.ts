import { chineseDate, officialDocumentDocx, type OfficialAttachment } from '../../platform/reports/index.js';
import { DOMAIN_NAMES } from '../industry/model/labels.js';
import { BASE_TIERS, LISTS, ORGANISMS, QUALITY_GRADES } from './model/labels.js';
import { countsByDomain, type ListCode } from './model/lists.js';

/**
 * The Word document of an edition of 《中试图谱》, 《生产需求清单》 or 《成果供给清单》, laid out as
 * the task force's official documents are (GB/T 9704): issuer, title, an introduction with the
 * counts by domain, and the items as an attached table. It is made from the edition's snapshots,
 * which hold public fields only.
 */

export const ISSUER = '重庆市生物制造产业中试联盟';

export interface EditionForDocument { list: ListCode; number: number; titleZh: string; state: string; publishedOn: string | null }

type Snap = Record<string, unknown>;
const str = (v: unknown) => (v == null ? '' : String(v));
const names = (v: unknown, labels?: Record<string, { zh: string }>) => (Array.isArray(v) ? v.map((x) => labels?.[x]?.zh ?? String(x)).join('、') : '');
const label = (v: unknown, labels: Record<string, { zh: string }>) => (v == null ? '' : labels[String(v)]?.zh ?? String(v));
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const NOUN: Record<ListCode, { what: string; unit: string }> = {
  atlas: { what: '中试基地', unit: '个' },
  demands: { what: '生产需求', unit: '项' },
  achievements: { what: '成果', unit: '项' },
};

/** The table each list prints: the columns the alliance publishes, nothing confidential. */
const TABLES: Record<ListCode, { columns: string[]; row: (s: Snap) => (string | number | null)[] }> = {
  atlas: {
    columns: ['基地', '区县', '级别', '中试平台', '单元操作', '生物体类型', '工作体积（升）', '质量体系', '生物安全等级'],
    row: (s) => [
      str(s.nameZh), str(s.districtNameZh), label(s.tier, BASE_TIERS),
      ((s.platforms as { nameZh: string }[] | undefined) ?? []).map((p) => p.nameZh).join('、'),
      names(s.processes), names(s.organisms, ORGANISMS),
      s.volumeMinL == null ? '' : `${num(s.volumeMinL)}–${num(s.volumeMaxL)}`,
      names(s.qualityGrades, QUALITY_GRADES), s.biosafetyLevel == null ? '' : `BSL-${str(s.biosafetyLevel)}`,
    ],
  },
  demands: {
    columns: ['编号', '需求名称', '领域', '工艺环节', '生物体类型', '规模（升）', '截止日期', '需求摘要'],
    row: (s) => [str(s.code), str(s.titleZh), label(s.domain, DOMAIN_NAMES), names(s.processes), label(s.organism, ORGANISMS), num(s.scaleL), str(s.deadline), str(s.summaryZh)],
  },
  achievements: {
    columns: ['编号', '成果名称', '技术成熟度', '已达规模（升）', '知识产权', '合作需求'],
    row: (s) => [str(s.code), str(s.titleZh), s.trl == null ? '' : `TRL ${str(s.trl)}`, num(s.scaleReachedL), str(s.ipZh), str(s.partnerWantedZh)],
  },
};

/** The introduction: what the edition holds, by domain (and by tier for the atlas). */
export function introduction(e: EditionForDocument, items: Snap[]): string[] {
  const n = NOUN[e.list];
  const byDomain = countsByDomain(e.list, items);
  const domains = Object.entries(byDomain).map(([d, c]) => `${DOMAIN_NAMES[d as keyof typeof DOMAIN_NAMES].zh} ${c} ${n.unit}`).join('，');
  const out = [`为推动生物制造中试验证供需对接，${ISSUER}发布${e.titleZh}，共收录${e.list === 'atlas' ? '' : '经审核发布、在有效期内的'}${n.what} ${items.length} ${n.unit}。`];
  if (e.list === 'atlas') {
    const platforms = items.reduce((sum, s) => sum + ((s.platforms as unknown[] | undefined)?.length ?? 0), 0);
    const tiers = Object.entries(BASE_TIERS).reverse().map(([t, l]) => `${l.zh} ${items.filter((s) => s.tier === t).length} 个`).join('，');
    out.push(`各基地共有中试平台 ${platforms} 个；按级别分：${tiers}。`, `按领域分（一个基地可属多个领域）：${domains}。`);
    out.push('设备共享、中试服务预约和需求匹配请通过重庆市生物制造产业行动计划运行平台办理。');
  } else {
    out.push(`按领域分：${domains}。`);
    out.push(e.list === 'demands'
      ? '本清单仅列公开信息。有意承接的中试基地、高校院所和企业可通过平台提交响应，经需求方接受后查阅需求详情。'
      : '本清单仅列公开信息。有意合作转化的企业和中试基地可通过平台提交响应，经成果方接受后查阅成果详情。');
  }
  return out;
}

export async function editionDocx(e: EditionForDocument, items: Snap[], today: string): Promise<{ buffer: Buffer; fileName: string }> {
  const date = e.publishedOn ?? today;
  const table = TABLES[e.list];
  const attachment: OfficialAttachment = { title: `${LISTS[e.list].zh}（第${e.number}版）明细`, columns: table.columns, rows: items.map(table.row) };
  const buffer = await officialDocumentDocx({
    issuerZh: ISSUER,
    number: e.state === 'published' ? `${LISTS[e.list].zh}第${e.number}版` : '（草稿 · 未发布）',
    title: e.titleZh,
    paragraphs: introduction(e, items),
    signature: ISSUER,
    date,
    attachments: [attachment],
    footerZh: `${ISSUER}秘书处  ${chineseDate(date)}印发`,
  });
  return { buffer, fileName: `${e.titleZh}${e.state === 'published' ? '' : '（草稿）'}.docx` };
}
