import { useMemo, useState } from 'react';
import { Card, DatePicker, Empty, Space, Statistic, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { EChart } from '../../app/components/EChart';
import { LoadState } from '../../app/components/LoadState';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi } from '../supervision/shared';
import type { BaseUtilisation as Report } from './api.bases';
import { addDays, cqToday } from './BookingTime';

const SERIES = [
  { key: 'availableHours', zh: '可用', en: 'Available', color: '#c9d3e0' },
  { key: 'bookedHours', zh: '已约', en: 'Booked', color: '#1d4f91' },
  { key: 'pendingHours', zh: '待批', en: 'Pending', color: '#fa8c16' },
  { key: 'usedHours', zh: '已用', en: 'Used', color: '#389e0d' },
] as const;

const pct = (r: number | null) => (r == null ? '—' : `${Math.round(r * 1000) / 10}%`);

/**
 * 设备利用率: per item, the hours available, booked (approved), pending and used in a window
 * the reader picks (the last 30 days to begin with). For the base's keepers and the overseers;
 * one the server refuses (a district's user looking at another district's base) sees nothing.
 */
export function BaseUtilisation({ baseId }: { baseId: string }) {
  const lang = useLang();
  const today = cqToday();
  const [range, setRange] = useState<[string, string]>([addDays(today, -30), today]);
  const report = useApi<Report>(`/api/pilot/bases/${baseId}/utilisation${qs({ from: range[0], to: addDays(range[1], 1) })}`);
  const r = report.data;

  const option = useMemo(() => {
    if (!r) return null;
    const items = [...r.items].reverse();
    return {
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: (ps: { dataIndex: number }[]) => {
          const i = items[ps[0]?.dataIndex ?? 0];
          if (!i) return '';
          return [`<b>${i.code}</b> ${i.nameZh.replace(/</g, '&lt;')}`,
            ...SERIES.map((s) => `${lang === 'zh' ? s.zh : s.en}：${i[s.key]} ${lang === 'zh' ? '小时' : 'h'}`),
            `${lang === 'zh' ? '预约率' : 'Booked'} ${pct(i.bookedRate)} · ${lang === 'zh' ? '使用率' : 'Used'} ${pct(i.usedRate)}`].join('<br/>');
        },
      },
      legend: { top: 0, data: SERIES.map((s) => (lang === 'zh' ? s.zh : s.en)) },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: lang === 'zh' ? '小时' : 'hours', axisLabel: { color: '#5b6b82' } },
      yAxis: { type: 'category', data: items.map((i) => `${i.code.split('-').pop()} ${i.nameZh}`), axisLabel: { color: '#5b6b82', width: 150, overflow: 'truncate' } },
      series: SERIES.map((s) => ({
        type: 'bar', name: lang === 'zh' ? s.zh : s.en, itemStyle: { color: s.color }, barMaxWidth: 14, data: items.map((i) => i[s.key]),
        // The rate beside the booked bar, which is short beside the round-the-clock hours available.
        ...(s.key === 'bookedHours' ? { label: { show: true, position: 'right', color: '#1d4f91', fontSize: 11, formatter: (p: { dataIndex: number }) => pct(items[p.dataIndex]?.bookedRate ?? null) } } : {}),
      })),
    };
  }, [r, lang]);

  if (report.error instanceof ApiError && report.error.status === 403) return null;

  return (
    <Card className="panel section" data-testid="pilot-utilisation"
      title={<Bi zh="设备利用率" en="Equipment utilisation" />}
      extra={
        <DatePicker.RangePicker allowClear={false} value={[dayjs(range[0]), dayjs(range[1])]} data-testid="pilot-utilisation-window"
          onChange={(v) => v?.[0] && v[1] && setRange([(v[0] as Dayjs).format('YYYY-MM-DD'), (v[1] as Dayjs).format('YYYY-MM-DD')])}
          presets={[
            { label: bi(lang, { zh: '近 30 天', en: 'Last 30 days' }), value: [dayjs(addDays(today, -30)), dayjs(today)] },
            { label: bi(lang, { zh: '本月', en: 'This month' }), value: [dayjs(today).startOf('month'), dayjs(today).endOf('month')] },
            { label: bi(lang, { zh: '未来 14 天', en: 'Next 14 days' }), value: [dayjs(today), dayjs(addDays(today, 13))] },
          ]} />
      }>
      <LoadState loading={report.loading && !r} error={report.error} reload={report.reload} rows={4}>
        {r && (r.items.length === 0
          ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '该基地尚无共享设备，无利用率可算', en: 'No shared equipment, so no utilisation yet' })} />
          : (
            <>
              <Space size={32} wrap className="pb-utilisation-figures">
                <Statistic title={<Bi zh="预约率" en="Booked" />} value={pct(r.total.bookedRate)} data-testid="pilot-utilisation-booked-rate" />
                <Statistic title={<Bi zh="使用率" en="Used" />} value={pct(r.total.usedRate)} data-testid="pilot-utilisation-used-rate" />
                <Statistic title={<Bi zh="已约 / 可用（小时）" en="Booked / available (h)" />} value={`${r.total.bookedHours} / ${r.total.availableHours}`} />
                <Statistic title={<Bi zh="待审批（小时）" en="Pending (h)" />} value={r.total.pendingHours} />
              </Space>
              <EChart option={option!} height={Math.max(200, 60 + r.items.length * 44)} testId="pilot-utilisation-chart"
                ariaLabel={bi(lang, { zh: `设备利用率：${r.items.length} 台设备`, en: `Utilisation of ${r.items.length} items` })} />
              <Typography.Text type="secondary" className="small-note">
                {bi(lang, { zh: '可用按全天候计（停用设备不计）；已约为基地已批准的时段；已用为完成后记录的使用时长。', en: 'Available counts round the clock (retired items not at all); booked is what the base approved; used is the hours recorded on completion.' })}
              </Typography.Text>
            </>
          ))}
      </LoadState>
    </Card>
  );
}
