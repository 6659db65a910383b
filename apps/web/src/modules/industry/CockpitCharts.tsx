import { useMemo } from 'react';
import { Card, Empty } from 'antd';
import { useNavigate } from 'react-router-dom';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { DOMAIN_HEX, domainName } from '../plan/format';
import { bi, one } from '../supervision/shared';
import type { Rollup } from './api';
import { AXIS_LABEL, EChart } from './charts';
import { money, num, yi } from './format';

/** The roll-up drawn: scale by year, by domain and the leading districts; each bar opens its records. */

const TOP_DISTRICTS = 10;

export function ScaleByYearChart({ r }: { r: Rollup }) {
  const lang = useLang();
  const navigate = useNavigate();
  const option = useMemo(() => ({
    grid: { left: 56, right: 48, top: 64, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [one(lang, { zh: '产业规模（亿元）', en: 'Scale (亿元)' }), one(lang, { zh: '企业数', en: 'Enterprises' })] },
    xAxis: { type: 'category', data: r.series.map((s) => String(s.year)), axisLabel: AXIS_LABEL },
    yAxis: [
      { type: 'value', name: '亿元', axisLabel: AXIS_LABEL, splitLine: { lineStyle: { color: '#eef1f6' } } },
      { type: 'value', name: lang === 'zh' ? '家' : 'firms', axisLabel: AXIS_LABEL, splitLine: { show: false }, minInterval: 1 },
    ],
    series: [
      { name: one(lang, { zh: '产业规模（亿元）', en: 'Scale (亿元)' }), type: 'bar', barMaxWidth: 44, data: r.series.map((s) => s.scaleYi),
        itemStyle: { color: '#1d4f91', borderRadius: [4, 4, 0, 0] }, label: { show: true, position: 'top', color: '#1d4f91', formatter: (p: { value: number }) => num(lang, p.value) } },
      { name: one(lang, { zh: '企业数', en: 'Enterprises' }), type: 'line', yAxisIndex: 1, data: r.series.map((s) => s.enterprises), itemStyle: { color: '#d4a017' }, symbolSize: 8 },
    ],
  }), [r, lang]);
  return (
    <Card className="panel" title={<Bi zh="产业规模逐年变化" en="Scale by year" />} size="small">
      {r.series.length
        ? <EChart option={option} height={280} ariaLabel={bi(lang, { zh: '逐年已核实产业规模与企业数', en: 'Verified scale and enterprises by year' })} testId="chart-scale-by-year"
            onClick={(p) => p.name && navigate(`/industry/targets/industryScale?year=${p.name}`)} />
        : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '尚无已核实的年度数据', en: 'No verified figures yet' })} />}
    </Card>
  );
}

export function ScaleByDomainChart({ r }: { r: Rollup }) {
  const lang = useLang();
  const navigate = useNavigate();
  const rows = useMemo(() => [...r.byDomain].reverse(), [r]);
  const option = useMemo(() => ({
    grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: (p: { dataIndex: number }) => {
      const d = rows[p.dataIndex];
      return `<b>${domainName(lang, d.domain)}</b><br/>${money(lang, d.scaleWan)} · ${lang === 'zh' ? `${d.enterprises} 家` : `${d.enterprises} firms`}`;
    } },
    xAxis: { type: 'value', axisLabel: AXIS_LABEL, splitLine: { lineStyle: { color: '#eef1f6' } } },
    yAxis: { type: 'category', data: rows.map((d) => (d.domain === 'unassigned' ? bi(lang, { zh: '未分领域', en: 'Unassigned' }) : domainName(lang, d.domain))), axisLabel: { ...AXIS_LABEL, width: 150, overflow: 'truncate' } },
    series: [{ type: 'bar', barMaxWidth: 26, data: rows.map((d) => ({ value: yi(d.scaleWan), itemStyle: { color: DOMAIN_HEX[d.domain] ?? '#8c8c8c', borderRadius: [0, 4, 4, 0] } })),
      label: { show: true, position: 'right', formatter: (p: { value: number }) => `${num(lang, p.value)}`, color: '#5b6b82' } }],
  }), [rows, lang]);
  return (
    <Card className="panel" title={<Bi zh="四大领域产业规模（亿元）" en="Scale by domain (亿元)" />} size="small">
      {rows.length
        ? <EChart option={option} height={240} testId="chart-scale-by-domain" ariaLabel={bi(lang, { zh: '各领域产业规模', en: 'Scale by domain' })}
            onClick={(p) => { const d = rows[p.dataIndex]; if (d && d.domain !== 'unassigned') navigate(`/industry/enterprises?domain=${d.domain}`); }} />
        : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '尚无已核实的数据', en: 'No verified figures yet' })} />}
    </Card>
  );
}

export function ScaleByDistrictChart({ r }: { r: Rollup }) {
  const lang = useLang();
  const navigate = useNavigate();
  const rows = useMemo(() => r.byDistrict.slice(0, TOP_DISTRICTS).reverse(), [r]);
  const option = useMemo(() => ({
    grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: (p: { dataIndex: number }) => {
      const d = rows[p.dataIndex];
      return `<b>${d.districtNameZh}</b><br/>${money(lang, d.scaleWan)} · ${lang === 'zh' ? `${d.enterprises} 家` : `${d.enterprises} firms`}`;
    } },
    xAxis: { type: 'value', axisLabel: AXIS_LABEL, splitLine: { lineStyle: { color: '#eef1f6' } } },
    yAxis: { type: 'category', data: rows.map((d) => d.districtNameZh), axisLabel: AXIS_LABEL },
    series: [{ type: 'bar', barMaxWidth: 20, data: rows.map((d) => yi(d.scaleWan)), itemStyle: { color: '#3a7bd5', borderRadius: [0, 4, 4, 0] },
      label: { show: true, position: 'right', formatter: (p: { value: number }) => `${num(lang, p.value)}`, color: '#5b6b82' } }],
  }), [rows, lang]);
  return (
    <Card className="panel" size="small"
      title={<Bi zh={`规模前 ${TOP_DISTRICTS} 位区县（亿元）`} en={`Top ${TOP_DISTRICTS} districts (亿元)`} />}>
      {rows.length
        ? <EChart option={option} height={Math.max(200, rows.length * 30 + 24)} testId="chart-scale-by-district" ariaLabel={bi(lang, { zh: '产业规模居前的区县', en: 'Leading districts by scale' })}
            onClick={(p) => { const d = rows[p.dataIndex]; if (d) navigate(`/industry/enterprises?districtCode=${d.districtCode}`); }} />
        : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '尚无已核实的数据', en: 'No verified figures yet' })} />}
    </Card>
  );
}
