import { Tag, Tooltip } from 'antd';
import type { Lang } from '../../app/i18n';
import { useLang } from '../../app/i18n';
import { comparatorSymbol } from '../plan/format';
import type { Indicator } from './api';
import { fmtNum } from './WorkShared';

/** How indicators read on the list and detail pages: target, source, progress toward the goal. */

const higherIsBetter = (i: Pick<Indicator, 'comparator'>) => i.comparator !== 'lt' && i.comparator !== 'lte';
const clamp = (n: number) => Math.max(0, Math.min(100, n));

/**
 * Where `v` stands on the way to the target, 0–100. From the baseline when there is one
 * (so that a start above zero does not look like progress); otherwise from zero.
 */
export function towardTarget(i: Pick<Indicator, 'comparator' | 'targetValue' | 'baselineValue'>, v: number | null): number | null {
  if (v === null || i.targetValue === null) return null;
  const t = i.targetValue;
  if (i.baselineValue !== null && t !== i.baselineValue) return clamp(((v - i.baselineValue) / (t - i.baselineValue)) * 100);
  if (higherIsBetter(i)) return t > 0 ? clamp((v / t) * 100) : null;
  return v <= t ? 100 : v > 0 ? clamp((t / v) * 100) : null;
}

export function targetText(lang: Lang, i: Pick<Indicator, 'quantified' | 'comparator' | 'targetValue' | 'unit' | 'statementZh'>) {
  if (!i.quantified || i.targetValue === null) return lang === 'zh' ? '完成 100%（定性目标）' : '100% done (qualitative)';
  return `${comparatorSymbol(i.comparator)} ${fmtNum(i.targetValue, lang)}${i.unit ? ` ${i.unit}` : ''}`;
}

export const valueText = (lang: Lang, i: Pick<Indicator, 'unit'>, v: number | null) => (v === null ? '—' : `${fmtNum(v, lang)}${i.unit ? ` ${i.unit}` : ''}`);

export function SourceTag({ source }: { source: Indicator['source'] }) {
  const lang = useLang();
  const n = source === 'computed'
    ? { zh: '计算', en: 'Computed', tip: '由平台记录自动计算 Computed from platform records', color: 'geekblue' }
    : { zh: '填报', en: 'Reported', tip: '由责任单位填报并附证据 Reported with evidence', color: 'orange' };
  return <Tooltip title={n.tip}><Tag color={n.color} data-source={source}>{lang === 'zh' ? n.zh : n.en}</Tag></Tooltip>;
}

export function BehindTag({ i }: { i: Pick<Indicator, 'behind' | 'behindReason'> }) {
  const lang = useLang();
  if (!i.behind) return null;
  const r = i.behindReason;
  return (
    <Tooltip title={r ? (lang === 'zh' ? r.en : r.zh) : undefined}>
      <Tag color="gold" data-testid="indicator-behind">{lang === 'zh' ? '滞后' : 'Behind'}</Tag>
    </Tooltip>
  );
}
