import { useMemo, useState } from 'react';
import { Button, Card, Empty, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined } from '@ant-design/icons';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { bi, dateTime, one } from '../supervision/shared';
import type { EnterpriseProfile, Figure } from './api';
import { AXIS_LABEL, EChart } from './charts';
import { FigureReportModal } from './FigureReportModal';
import { FigureVerifyButtons } from './FigureVerifyButtons';
import { money, num, yi } from './format';
import { FigureSourceTag, FigureStateTag } from './tags';

/** A year-by-year chart: revenue and output value as bars (亿元), R&D spend as a line (万元). */
function FiguresChart({ figures }: { figures: Figure[] }) {
  const lang = useLang();
  const option = useMemo(() => {
    const names = {
      revenue: one(lang, { zh: '营业收入（亿元）', en: 'Revenue (亿元)' }),
      output: one(lang, { zh: '产值（亿元）', en: 'Output value (亿元)' }),
      rd: one(lang, { zh: '研发投入（万元）', en: 'R&D (万元)' }),
    };
    return {
      grid: { left: 56, right: 64, top: 44, bottom: 28 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: figures.map((f) => String(f.year)), axisLabel: AXIS_LABEL },
      yAxis: [
        { type: 'value', name: '亿元', axisLabel: AXIS_LABEL, splitLine: { lineStyle: { color: '#eef1f6' } } },
        { type: 'value', name: '万元', axisLabel: AXIS_LABEL, splitLine: { show: false } },
      ],
      series: [
        { name: names.revenue, type: 'bar', barMaxWidth: 32, data: figures.map((f) => (f.revenueWan === null ? null : yi(f.revenueWan))), itemStyle: { color: '#1d4f91', borderRadius: [3, 3, 0, 0] } },
        { name: names.output, type: 'bar', barMaxWidth: 32, data: figures.map((f) => (f.outputValueWan === null ? null : yi(f.outputValueWan))), itemStyle: { color: '#97c5e0', borderRadius: [3, 3, 0, 0] } },
        { name: names.rd, type: 'line', yAxisIndex: 1, data: figures.map((f) => f.rdSpendWan), itemStyle: { color: '#d4a017' }, symbolSize: 8 },
      ],
    };
  }, [figures, lang]);
  return <EChart option={option} height={260} testId="enterprise-figures-chart" ariaLabel={bi(lang, { zh: '逐年经营数据', en: 'Figures by year' })} />;
}

/** 经营数据: the chart, the table with source and state, verification for the district, and the report form. */
export function EnterpriseFigures({ e, onChanged }: { e: EnterpriseProfile; onChanged: () => void }) {
  const lang = useLang();
  const [reporting, setReporting] = useState(false);
  const figures = e.figures ?? [];
  const own = e.may.submitFigures && !e.may.manage;

  const columns: ColumnsType<Figure> = [
    { title: <Bi zh="年度" en="Year" />, dataIndex: 'year', width: 70 },
    { title: <Bi zh="营业收入" en="Revenue" />, dataIndex: 'revenueWan', align: 'right', render: (v: number | null) => money(lang, v) },
    { title: <Bi zh="产值" en="Output value" />, dataIndex: 'outputValueWan', align: 'right', render: (v: number | null) => money(lang, v) },
    { title: <Bi zh="研发投入" en="R&D" />, dataIndex: 'rdSpendWan', align: 'right', render: (v: number | null) => money(lang, v) },
    { title: <Bi zh="从业人数" en="Employees" />, dataIndex: 'employees', align: 'right', render: (v: number | null) => (v === null ? '—' : num(lang, v)) },
    { title: <Bi zh="来源" en="Source" />, dataIndex: 'source', render: (s: Figure['source']) => <FigureSourceTag source={s} /> },
    { title: <Bi zh="状态" en="State" />, key: 'state', width: 150,
      render: (_, f) => (
        <div>
          <FigureStateTag state={f.state} />
          {f.state === 'rejected' && f.rejectReason && <Tooltip title={f.rejectReason}><div className="cell-sub" style={{ maxWidth: 200 }}>{f.rejectReason}</div></Tooltip>}
          {f.verifiedAt && <div className="cell-sub nowrap">{dateTime(f.verifiedAt)}</div>}
        </div>
      ) },
    ...(e.may.verify ? [{
      title: <Bi zh="核实" en="Verify" />, key: 'verify', width: 130,
      render: (_: unknown, f: Figure) => (f.state === 'submitted' ? <FigureVerifyButtons figure={f} onDone={onChanged} /> : null),
    }] : []),
  ];

  return (
    <Card className="panel" title={<Bi zh="经营数据" en="Figures" />} data-testid="enterprise-figures"
      extra={e.may.submitFigures && <Button icon={<EditOutlined />} onClick={() => setReporting(true)} data-testid="figure-report"><Bi zh="报送经营数据" en="Report figures" /></Button>}>
      {figures.length ? (
        <>
          <FiguresChart figures={figures} />
          <Table<Figure> rowKey="id" size="small" columns={columns} dataSource={[...figures].reverse()} pagination={false} scroll={{ x: 900 }} style={{ marginTop: 12 }} />
          <Typography.Text type="secondary" className="cell-sub">{bi(lang, { zh: '只有已核实的数据计入产业规模与企业分档。', en: 'Only verified figures count toward the scale and the revenue tiers.' })}</Typography.Text>
        </>
      ) : (
        <Empty description={e.may.submitFigures
          ? bi(lang, { zh: '尚未报送经营数据。请按年度报送营业收入、产值、研发投入与从业人数。', en: 'No figures yet. Report revenue, output value, R&D and employees by year.' })
          : bi(lang, { zh: '尚未报送经营数据', en: 'No figures yet' })}>
          {e.may.submitFigures && <Button type="primary" onClick={() => setReporting(true)}><Bi zh="报送经营数据" en="Report figures" /></Button>}
        </Empty>
      )}
      {reporting && <FigureReportModal enterpriseId={e.id} figures={figures} own={own} onClose={() => setReporting(false)} onSaved={() => { setReporting(false); onChanged(); }} />}
    </Card>
  );
}
