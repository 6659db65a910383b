import { Card, Empty, Input, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi, ExportButton, one } from '../supervision/shared';
import { useListParams, useSearchBox } from '../supervision/WorkShared';
import type { Page, PublicConclusion } from './api';
import { CONCLUSIONS, SUBJECT_KINDS } from './labels';
import { ConclusionTag, SubjectTag, TrackTag } from './SafetyTags';

const FILTERS = ['view', 'subjectKind', 'conclusion', 'q'] as const;

/** 安全评价结论公开: every concluded evaluation's subject, applicant, conclusion, certificate and date; filters, search, Excel. */
export function ConclusionsTable() {
  const lang = useLang();
  const navigate = useNavigate();
  const { filters, page, size, set, paging } = useListParams(FILTERS);
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const query = { subjectKind: filters.subjectKind, conclusion: filters.conclusion, q: filters.q };
  const list = useApi<Page<PublicConclusion>>(`/api/safety/conclusions${qs({ ...query, ...paging })}`);

  const columns: ColumnsType<PublicConclusion> = [
    { title: <Bi zh="评价对象" en="Subject" />, key: 'title', render: (_, r) => <div><SubjectTag kind={r.subjectKind} /><Link to={`/safety/evaluations/${r.id}`} onClick={(e) => e.stopPropagation()}>{r.titleZh}</Link><div className="cell-sub mono">{r.code}</div></div> },
    { title: <Bi zh="申请单位" en="Applicant" />, dataIndex: 'applicantNameZh', width: 240 },
    { title: <Bi zh="评价结论" en="Conclusion" />, key: 'conclusion', width: 170, render: (_, r) => <><ConclusionTag conclusion={r.conclusion} /><TrackTag track={r.track} /></> },
    { title: <Bi zh="证书编号" en="Certificate" />, dataIndex: 'certificateNo', width: 150, render: (c: string | null) => (c ? <span className="mono">{c}</span> : '—') },
    { title: <Bi zh="结论日期" en="Concluded" />, dataIndex: 'concludedOn', width: 120 },
  ];

  return (
    <Card className="panel">
      <div className="table-toolbar">
        <Input.Search allowClear placeholder={bi(lang, { zh: '名称、领域关键词', en: 'Title, field keywords' })} style={{ width: 240 }} value={search.typed} onChange={(e) => search.setTyped(e.target.value)} data-testid="safety-conclusions-search" />
        <Select allowClear placeholder={bi(lang, { zh: '评价对象', en: 'Subject' })} style={{ width: 160 }} value={filters.subjectKind} onChange={(v) => set({ subjectKind: v })}
          options={Object.entries(SUBJECT_KINDS).map(([value, n]) => ({ value, label: one(lang, n) }))} />
        <Select allowClear placeholder={bi(lang, { zh: '结论', en: 'Conclusion' })} style={{ width: 170 }} value={filters.conclusion} onChange={(v) => set({ conclusion: v })}
          options={Object.entries(CONCLUSIONS).map(([value, n]) => ({ value, label: one(lang, n) }))} />
        <ExportButton path={`/api/safety/conclusions/export.xlsx${qs(query)}`} fallbackName="安全评价结论.xlsx" testId="safety-conclusions-export" />
        <Typography.Text type="secondary" className="table-count">{lang === 'zh' ? `共 ${list.data?.total ?? 0} 项` : `${list.data?.total ?? 0} conclusions`}</Typography.Text>
      </div>
      <Table<PublicConclusion> rowKey="id" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} scroll={{ x: 900 }} data-testid="safety-conclusions-table"
        onRow={(r) => ({ onClick: () => navigate(`/safety/evaluations/${r.id}`), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: size, total: list.data?.total ?? 0, onChange: (p, s) => set({ page: p === 1 ? undefined : p, size: s === 20 ? undefined : s }) }}
        locale={{ emptyText: <Empty description={list.error?.message ?? (filters.q || filters.subjectKind || filters.conclusion
          ? bi(lang, { zh: '没有符合条件的评价结论', en: 'No conclusions match' })
          : bi(lang, { zh: '尚无公开的安全评价结论；评价机构作出结论后在此公开', en: 'No conclusions yet; they are published here once the evaluation body concludes' }))} /> }} />
    </Card>
  );
}
