import { useCallback, useEffect, useMemo, useState } from 'react';
import { Progress, Tag, Tooltip, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useApi } from '../../app/useApi';
import { useLang, type Lang } from '../../app/i18n';
import { useDistricts, useTasks } from '../plan/api';
import type { Indicator, ReportState } from './api';
import { bi, one, useOrganisations, type Named } from './shared';

/** Names and helpers the work point, report and indicator pages share (what every supervision page shares is in ./shared). */

export const REPORT_STATE_NAMES: Record<ReportState, Named & { color: string }> = {
  draft: { zh: '草稿', en: 'Draft', color: 'default' },
  submitted: { zh: '已报送', en: 'Submitted', color: 'processing' },
  returned: { zh: '已退回', en: 'Returned', color: 'error' },
  accepted: { zh: '已审核通过', en: 'Accepted', color: 'success' },
};

export const FREQUENCY_NAMES: Record<string, Named> = { monthly: { zh: '按月', en: 'Monthly' }, quarterly: { zh: '按季度', en: 'Quarterly' } };
export const KIND_NAMES: Record<string, Named> = { work: { zh: '工作事项', en: 'Work item' }, project: { zh: '项目', en: 'Project' } };

export function NamedTag({ name, color, testId }: { name: Named; color?: string; testId?: string }) {
  const lang = useLang();
  return (
    <Tooltip title={lang === 'zh' ? name.en : name.zh}>
      <Tag color={color} data-testid={testId}>{one(lang, name)}</Tag>
    </Tooltip>
  );
}

export function ReportStateTag({ state }: { state: ReportState | null }) {
  if (!state) return <NamedTag name={{ zh: '未填报', en: 'Not reported' }} />;
  const s = REPORT_STATE_NAMES[state];
  return <span data-state={state}><NamedTag name={s} color={s.color} /></span>;
}

export const LateTag = ({ late }: { late: boolean }) => (late ? <NamedTag name={{ zh: '逾期', en: 'Late' }} color="red" /> : null);

export const fileSize = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

export function useDebounced<T>(value: T, ms = 300): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/**
 * A list page's filters and page in the URL, so that going back from a detail page returns
 * to the same filtered page. Changing a filter returns to page 1.
 */
export function useListParams(keys: readonly string[]) {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined])) as Record<string, string | undefined>, [params, keys]);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const size = Math.min(200, Math.max(10, Number(params.get('size')) || 20));
  const set = useCallback((changes: Record<string, string | number | undefined | null>) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v === undefined || v === null || v === '') next.delete(k);
        else next.set(k, String(v));
      }
      if (!('page' in changes)) next.delete('page');
      return next;
    }, { replace: true });
  }, [setParams]);
  return { filters, page, size, set, paging: { limit: size, offset: (page - 1) * size } };
}

/** Search as one types, once typing pauses; the URL keeps the settled text. */
export function useSearchBox(value: string | undefined, onSettle: (q: string | undefined) => void) {
  const [typed, setTyped] = useState(value ?? '');
  const settled = useDebounced(typed.trim(), 350);
  useEffect(() => {
    // Only the settled text triggers: the URL value changing (e.g. on back) must not re-apply stale typing.
    if ((value ?? '') !== settled) onSettle(settled || undefined);
  }, [settled]); // eslint-disable-line react-hooks/exhaustive-deps
  return { typed, setTyped };
}

export function useTaskOptions() {
  const tasks = useTasks();
  const lang = useLang();
  const options = useMemo(() => (tasks.data ?? []).map((t) => ({ value: t.no, label: `${t.no}. ${lang === 'zh' ? t.titleZh : t.titleEn}`, title: t.titleZh })), [tasks.data, lang]);
  const title = useCallback((no: number) => tasks.data?.find((t) => t.no === no), [tasks.data]);
  return { options, title, loading: tasks.loading };
}

/** Owner options: the task force's organisations list without enterprises and banks; others never ask for it. */
export function useOrganisationOptions(enabled: boolean) {
  const orgs = useOrganisations(enabled);
  return useMemo(() => (orgs.data ?? [])
    .filter((o) => o.kind !== 'enterprise' && o.kind !== 'bank')
    .map((o) => ({ value: o.id, label: o.nameZh, title: o.nameEn ?? o.nameZh })), [orgs.data]);
}

export function useDistrictNames() {
  const districts = useDistricts();
  const lang = useLang();
  const byCode = useMemo(() => new Map((districts.data ?? []).map((d) => [d.code, d])), [districts.data]);
  const name = useCallback((code: string | null | undefined) => {
    if (!code) return null;
    const d = byCode.get(code);
    return d ? (lang === 'zh' ? d.nameZh : d.nameEn) : code;
  }, [byCode, lang]);
  const options = useMemo(() => (districts.data ?? []).map((d) => ({ value: d.code, label: `${d.nameZh} ${d.code}` })), [districts.data]);
  return { name, options };
}

export const useIndicators = () => useApi<Indicator[]>('/api/indicators', { cached: true });

/**
 * Progress with the share the schedule expects by now marked on the bar, so that "behind"
 * is visible without reading numbers; the figures are in the tooltip.
 */
export function WorkProgress({ pct, expected, width = 150, behind }: { pct: number; expected?: number | null; width?: number | string; behind?: boolean }) {
  const lang = useLang();
  const p = Math.max(0, Math.min(100, pct));
  const e = expected === null || expected === undefined ? null : Math.max(0, Math.min(100, expected));
  const late = behind ?? (e !== null && p < e - 0.5);
  const tip = e === null
    ? bi(lang, { zh: `完成 ${fmtPct(p)}%`, en: `${fmtPct(p)}% done` })
    : lang === 'zh' ? `完成 ${fmtPct(p)}%，按进度此时应达 ${fmtPct(e)}%（${fmtPct(p)}% done; ${fmtPct(e)}% expected by now）`
      : `${fmtPct(p)}% done; ${fmtPct(e)}% expected by now（完成 ${fmtPct(p)}%，应达 ${fmtPct(e)}%）`;
  return (
    <Tooltip title={tip}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, width }} tabIndex={0} aria-label={tip}>
        <div style={{ position: 'relative', flex: 1, minWidth: 40 }}>
          <Progress percent={p} showInfo={false} size="small" strokeColor={late ? '#d48806' : undefined} />
          {e !== null && (
            <span aria-hidden style={{ position: 'absolute', top: 1, bottom: 1, left: `calc(${e}% - 1px)`, width: 2, background: '#1f1f1f', opacity: 0.65, borderRadius: 1 }} />
          )}
        </div>
        <Typography.Text style={{ fontSize: 12, minWidth: 34, textAlign: 'right' }}>{fmtPct(p)}%</Typography.Text>
      </div>
    </Tooltip>
  );
}

/** A work point's owner in the current language (the Chinese name when there is no English one), or a dash. */
export const ownerName = (lang: Lang, w: { ownerNameZh: string | null; ownerNameEn: string | null }) => (lang === 'en' && w.ownerNameEn ? w.ownerNameEn : w.ownerNameZh) ?? '—';

export const fmtPct = (n: number) => (Math.round(n * 10) / 10).toString();
export const fmtNum = (n: number | null | undefined, lang: Lang = 'zh') => (n === null || n === undefined ? '—' : n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 }));
