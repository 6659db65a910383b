import { Card, Empty, Segmented, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileExcelOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi, dateTime, ExportButton, one } from '../supervision/shared';
import { useDistrictNames, useListParams } from '../supervision/WorkShared';
import { useIndustryRoles } from './access';
import type { FigureRow, FigureState, Page } from './api';
import { FigureVerifyButtons } from './FigureVerifyButtons';
import { money, num } from './format';
import { ImportButton } from './ImportButton';
import { FIGURE_STATES } from './labels';
import { FigureSourceTag, FigureStateTag } from './tags';

const FILTERS = ['state', 'year', 'districtCode'] as const;
const STATES: (FigureState | 'all')[] = ['submitted', 'verified', 'rejected', 'all'];

/**
 * 经营数据核实: the figures enterprises report, awaiting their district's verification
 * (the task force sees every district's). Only verified figures count toward the targets.
 */
export default function FiguresPage() {
  const lang = useLang();
  const { manager, reader, allDistricts } = useIndustryRoles();
  const { filters, page, size, set, paging } = useListParams(FILTERS);
  const state = (filters.state ?? 'submitted') as FigureState | 'all';
  const districts = useDistrictNames();
  const list = useApi<Page<FigureRow>>(`/api/industry/figures${qs({ state: state === 'all' ? undefined : state, year: filters.year, districtCode: filters.districtCode, ...paging })}`);
  const thisYear = new Date().getFullYear();

  const columns: ColumnsType<FigureRow> = [
    { title: <Bi zh="企业" en="Enterprise" />, key: 'name', width: 260, fixed: 'left',
      render: (_, f) => <div><Link to={`/industry/enterprises/${f.enterpriseId}`} className="cell-main">{f.enterpriseNameZh}</Link><div className="cell-sub mono">{f.creditCode}</div></div> },
    { title: <Bi zh="区县" en="District" />, dataIndex: 'districtNameZh', width: 100 },
    { title: <Bi zh="年度" en="Year" />, dataIndex: 'year', width: 70 },
    { title: <Bi zh="营业收入" en="Revenue" />, dataIndex: 'revenueWan', width: 130, align: 'right', render: (v: number | null) => money(lang, v) },
    { title: <Bi zh="产值" en="Output value" />, dataIndex: 'outputValueWan', width: 130, align: 'right', render: (v: number | null) => money(lang, v) },
    { title: <Bi zh="研发投入" en="R&D" />, dataIndex: 'rdSpendWan', width: 120, align: 'right', render: (v: number | null) => money(lang, v) },
    { title: <Bi zh="从业人数" en="Employees" />, dataIndex: 'employees', width: 100, align: 'right', render: (v: number | null) => (v === null ? '—' : num(lang, v)) },
    { title: <Bi zh="来源" en="Source" />, dataIndex: 'source', width: 110, render: (s: FigureRow['source']) => <FigureSourceTag source={s} /> },
    { title: <Bi zh="状态" en="State" />, key: 'state', width: 160,
      render: (_, f) => <div><FigureStateTag state={f.state} />{f.rejectReason && <div className="cell-sub">{f.rejectReason}</div>}<div className="cell-sub">{dateTime(f.updatedAt)}</div></div> },
    ...(manager ? [{
      title: <Bi zh="核实" en="Verify" />, key: 'verify', width: 150, fixed: 'right' as const,
      render: (_: unknown, f: FigureRow) => (f.state === 'submitted' ? <FigureVerifyButtons figure={f} enterpriseName={f.enterpriseNameZh} onDone={list.reload} /> : null),
    }] : []),
  ];

  return (
    <>
      <PageHeader title={{ zh: '经营数据核实', en: 'Figures to verify' }}
        description={bi(lang, { zh: '企业自报的年度经营数据由所在区县核实或退回；区县与工作专班录入的数据视为已核实。只有已核实的数据计入产业规模与企业分档目标。', en: 'Districts verify or return what enterprises report; figures entered by districts or the task force count as verified. Only verified figures count toward the targets.' })}
        extra={
          <Space wrap>
            {reader && <ExportButton path={`/api/industry/figures/export.xlsx${qs({ year: filters.year })}`} fallbackName="企业年度经营数据.xlsx" icon={<FileExcelOutlined />} testId="figures-export" />}
            {manager && <ImportButton kind="figures" onDone={list.reload} testId="figure-import" />}
          </Space>
        } />
      <Card className="panel">
        <div className="table-toolbar">
          <Segmented<FigureState | 'all'> value={state} onChange={(v) => set({ state: v === 'submitted' ? undefined : v })} data-testid="figures-state"
            options={STATES.map((s) => ({ value: s, label: s === 'all' ? bi(lang, { zh: '全部', en: 'All' }) : one(lang, FIGURE_STATES[s]) }))} />
          <Select allowClear placeholder={bi(lang, { zh: '年度', en: 'Year' })} style={{ width: 120 }} value={filters.year ? Number(filters.year) : undefined}
            onChange={(v?: number) => set({ year: v })} options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: String(y) }))} />
          {allDistricts && (
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={bi(lang, { zh: '区县', en: 'District' })} style={{ width: 170 }}
              value={filters.districtCode} onChange={(v?: string) => set({ districtCode: v })} options={districts.options} popupMatchSelectWidth={240} />
          )}
          <Typography.Text type="secondary" className="table-count">{lang === 'zh' ? `共 ${list.data?.total ?? 0} 条` : `${list.data?.total ?? 0} records`}</Typography.Text>
        </div>
        <Table<FigureRow> rowKey="id" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} scroll={{ x: 1450 }} data-testid="figures-table"
          pagination={{
            current: page, pageSize: size, total: list.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100],
            onChange: (p, s) => set({ page: p === 1 ? undefined : p, size: s === 20 ? undefined : s }),
          }}
          locale={{ emptyText: list.error ? <Empty description={list.error.message} /> : state === 'submitted'
            ? <Empty description={bi(lang, { zh: '没有待核实的数据。企业报送后将出现在这里，由所在区县核实。', en: 'Nothing awaits verification. Reports appear here once enterprises submit them.' })} />
            : <Empty description={bi(lang, { zh: '没有符合条件的经营数据', en: 'No figures match' })} /> }} />
      </Card>
    </>
  );
}
