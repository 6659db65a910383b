import { Button, Empty, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import type { ApiState } from '../../app/useApi';
import { bi, dateOnly, one } from '../supervision/shared';
import { useDistrictNames } from '../supervision/WorkShared';
import type { LeadRow, Page } from './api';
import { money } from './format';
import { CLOCKS, LEAD_STAGE_ORDER, LEAD_STAGES, LEAD_STATUSES } from './labels';
import { ClockTag, LeadStageTag, LeadStatusTag } from './tags';

export const LEAD_FILTERS = ['stage', 'status', 'districtCode', 'clock', 'q', 'nodeCode'] as const;

/** The leads as a table with filters in the URL: stage, status, district, clock, node, search. */
export function LeadTable({ list, filters, set, page, size, taskForce, search }: {
  list: ApiState<Page<LeadRow>>; filters: Record<string, string | undefined>; set: (c: Record<string, string | number | undefined>) => void;
  page: number; size: number; taskForce: boolean; search: { typed: string; setTyped: (s: string) => void };
}) {
  const lang = useLang();
  const navigate = useNavigate();
  const districts = useDistrictNames();
  const filtered = LEAD_FILTERS.some((k) => filters[k]);

  const columns: ColumnsType<LeadRow> = [
    { title: <Bi zh="线索" en="Lead" />, key: 'target', width: 260, fixed: 'left',
      render: (_, l) => (
        <div>
          <Link to={`/industry/leads/${l.id}`} className="cell-main" onClick={(e) => e.stopPropagation()}>{l.targetNameZh}</Link>
          {l.districtsOnTarget > 1 && <Tag color="warning" style={{ marginLeft: 6 }}>{lang === 'zh' ? `${l.districtsOnTarget} 区县` : `${l.districtsOnTarget} districts`}</Tag>}
          <div className="cell-sub mono">{l.code}</div>
        </div>
      ) },
    { title: <Bi zh="负责区县" en="District" />, dataIndex: 'districtNameZh', width: 110 },
    { title: <Bi zh="环节" en="Node" />, dataIndex: 'chainNodeNameZh', width: 130, render: (v: string | null) => v ?? '—' },
    { title: <Bi zh="阶段" en="Stage" />, dataIndex: 'stage', width: 110, render: (s: LeadRow['stage']) => <LeadStageTag stage={s} /> },
    { title: <Bi zh="状态" en="Status" />, dataIndex: 'status', width: 100, render: (s: LeadRow['status']) => <LeadStatusTag status={s} /> },
    { title: <Bi zh="响应时钟" en="Clock" />, key: 'clock', width: 110, render: (_, l) => <ClockTag clock={l.clock} /> },
    { title: <Bi zh="签约 / 到位" en="Contracted / arrived" />, key: 'money', width: 160,
      render: (_, l) => (l.contractedWan ? <div>{money(lang, l.contractedWan)}<div className="cell-sub">{money(lang, l.arrivedWan)}</div></div> : '—') },
    { title: <Bi zh="下一步" en="Next action" />, key: 'next', width: 220,
      render: (_, l) => (l.nextActionZh ? <div>{l.nextActionZh}<div className="cell-sub">{dateOnly(l.nextActionOn)}</div></div> : '—') },
  ];

  return (
    <>
      <div className="table-toolbar">
        <Input.Search allowClear placeholder={bi(lang, { zh: '搜索企业或编号', en: 'Search company or code' })} value={search.typed}
          onChange={(e) => search.setTyped(e.target.value)} onSearch={(v) => set({ q: v.trim() || undefined })} style={{ width: 220 }} data-testid="leads-search" />
        <Select allowClear placeholder={bi(lang, { zh: '阶段', en: 'Stage' })} style={{ width: 130 }} value={filters.stage} onChange={(v?: string) => set({ stage: v })}
          options={LEAD_STAGE_ORDER.map((s) => ({ value: s, label: one(lang, LEAD_STAGES[s]) }))} />
        <Select allowClear placeholder={bi(lang, { zh: '状态', en: 'Status' })} style={{ width: 130 }} value={filters.status} onChange={(v?: string) => set({ status: v })}
          options={Object.entries(LEAD_STATUSES).map(([value, n]) => ({ value, label: one(lang, n) }))} />
        <Select allowClear placeholder={bi(lang, { zh: '响应时钟', en: 'Clock' })} style={{ width: 130 }} value={filters.clock} onChange={(v?: string) => set({ clock: v })}
          options={(['overdue', 'due', 'ok'] as const).map((c) => ({ value: c, label: <Tag color={CLOCKS[c].color}>{one(lang, CLOCKS[c])}</Tag> }))} data-testid="leads-clock" />
        {taskForce && (
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={bi(lang, { zh: '负责区县', en: 'District' })} style={{ width: 170 }}
            value={filters.districtCode} onChange={(v?: string) => set({ districtCode: v })} options={districts.options} popupMatchSelectWidth={240} />
        )}
        {filters.nodeCode && <Tag closable color="processing" onClose={() => set({ nodeCode: undefined })}>{lang === 'zh' ? '环节：' : 'Node: '}{filters.nodeCode}</Tag>}
        <Typography.Text type="secondary" className="table-count">{lang === 'zh' ? `共 ${list.data?.total ?? 0} 条` : `${list.data?.total ?? 0} leads`}</Typography.Text>
      </div>
      <Table<LeadRow> rowKey="id" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} scroll={{ x: 1250 }} data-testid="leads-table"
        onRow={(l) => ({ onClick: () => navigate(`/industry/leads/${l.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: page, pageSize: size, total: list.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100],
          onChange: (p, s) => set({ page: p === 1 ? undefined : p, size: s === 20 ? undefined : s }),
          showTotal: (total) => (lang === 'zh' ? `共 ${total} 条` : `${total} in all`),
        }}
        locale={{ emptyText: list.error ? <Empty description={list.error.message} /> : filtered
          ? <Empty description={bi(lang, { zh: '没有符合条件的线索，请调整筛选条件', en: 'No leads match; change the filters' })}>
              <Button onClick={() => { search.setTyped(''); set(Object.fromEntries(LEAD_FILTERS.map((k) => [k, undefined]))); }}><Bi zh="清除筛选" en="Clear filters" /></Button>
            </Empty>
          : <Empty description={bi(lang, { zh: '尚无招商线索', en: 'No leads yet' })} /> }} />
    </>
  );
}
