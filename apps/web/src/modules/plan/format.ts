import type { Lang } from '../../app/i18n';
import type { Target } from './api';

const NUMERALS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Action numbers as the plan writes them: 一 … 八. */
export const chineseNumeral = (n: number) => (n <= 10 ? NUMERALS[n] : n < 20 ? `十${NUMERALS[n - 10]}` : String(n));

export const actionLabel = (lang: Lang, no: number) => (lang === 'zh' ? `行动${chineseNumeral(no)}` : `Action ${no}`);

const SYMBOL: Record<string, string> = { gt: '>', gte: '≥', eq: '=', lt: '<', lte: '≤' };
export const comparatorSymbol = (c: string | null) => (c ? SYMBOL[c] ?? c : '');

const number = (lang: Lang, v: number) => v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');

/**
 * A quantity in the target's unit. In English, 亿元 (10⁸ yuan) reads as billions of yuan,
 * so that "1000 亿元" is "100 billion yuan" rather than "1000 100 million yuan".
 */
export function quantity(lang: Lang, value: number, unit: string | null, unitEn: string | null): string {
  if (lang === 'en' && unit === '亿元') return `${number(lang, value / 10)} billion yuan`;
  if (lang === 'en') return `${number(lang, value)}${unitEn ? ' ' + unitEn : ''}`;
  return `${number(lang, value)}${unit ? ' ' + unit : ''}`;
}

/** "> 1,000 亿元", "≥ 5 家"; null for a target without a number. */
export function goal(lang: Lang, t: Target): string | null {
  if (!t.quantified || t.value === null) return null;
  return `${comparatorSymbol(t.comparator)} ${quantity(lang, t.value, t.unit, t.unitEn)}`;
}

/** The share of the goal reached so far (0–100), when there is a measurement to compare. */
export function progress(t: Target): number | null {
  if (!t.measurement || t.value === null || t.value === 0) return null;
  return Math.max(0, Math.min(100, Math.round((t.measurement.value / t.value) * 100)));
}

export const DOMAIN_COLORS: Record<string, string> = {
  biochem: 'geekblue',
  biopharma: 'volcano',
  bioagrifood: 'green',
  bioenergy: 'cyan',
};

export const DOMAIN_HEX: Record<string, string> = {
  biochem: '#2f54eb',
  biopharma: '#d4380d',
  bioagrifood: '#389e0d',
  bioenergy: '#08979c',
};

/** The domains are named by /api/plan; this is the fallback while it loads. */
export const DOMAIN_NAMES: Record<string, { zh: string; en: string }> = {
  biochem: { zh: '生物化工与生物基材料', en: 'Biochemicals and bio-based materials' },
  biopharma: { zh: '生物药', en: 'Biopharmaceuticals' },
  bioagrifood: { zh: '生物农业与食品', en: 'Bio-agriculture and food' },
  bioenergy: { zh: '生物能源与环境', en: 'Bioenergy and environment' },
};

export const domainName = (lang: Lang, code: string) => DOMAIN_NAMES[code]?.[lang] ?? code;

/** Types of the bodies the plan names (body.type), in both languages. */
export const BODY_TYPES: Record<string, { zh: string; en: string }> = {
  university: { zh: '高校', en: 'Universities' },
  institute: { zh: '科研院所', en: 'Research institutes' },
  lab: { zh: '实验室', en: 'Laboratories' },
  centre: { zh: '中心', en: 'Centres' },
  platform: { zh: '平台', en: 'Platforms' },
  park: { zh: '园区与基地', en: 'Parks and bases' },
  cluster: { zh: '产业集群', en: 'Clusters' },
  alliance: { zh: '联盟', en: 'Alliances' },
  fund: { zh: '基金', en: 'Funds' },
  government: { zh: '政府部门', en: 'Government bodies' },
  programme: { zh: '计划与工程', en: 'Programmes' },
  forum: { zh: '论坛', en: 'Forums' },
  other: { zh: '其他', en: 'Other' },
};

export const bodyTypeName = (lang: Lang, type: string) => BODY_TYPES[type]?.[lang] ?? type;
