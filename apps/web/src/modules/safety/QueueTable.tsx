import { Card, Empty, Input, Select, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi, dateOnly, one } from '../supervision/shared';
import { useListParams, useSearchBox } from '../supervision/WorkShared';
import type { Evaluation, Page } from './api';
import { EVALUATION_STATES, SUBJECT_KINDS, TRACKS } from './labels';
import { ClockBar, ConclusionTag, StateTag, SubjectTag, TrackTag } from './SafetyTags';

const FILTERS = ['view', 'state', 'track', 'subjectKind', 'overdue', 'q'] as const;

/**
 * 评价队列: every submitted evaluation with its clock (days used against the limit), open ones
 * soonest due first; the overdue switch lists those past their limit. The body opens one to act on it.
 */
export function QueueTable() {
  const lang = useLang();
  const navigate = useNavigate();
  const { filters, page, size, set, paging } = useListParams(FILTERS);
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const list = useApi<Page<Evaluation>>(`/api/safety/evaluations${qs({ state: filters.state, track: filters.track, subjectKind: filters.subjectKind, overdue: filters.overdue, q: filters.q, ...paging })}`);

  const columns: ColumnsType<Evaluation> = [
    { title: <Bi zh="申请" en="Application" />, key: 'title', render: (_, r) => <div><SubjectTag kind={r.subjectKind} /><Link to={`/safety/evaluations/${r.id}`} onClick={(e) => e.stopPropagation()}>{r.titleZh}</Link><div className="cell-sub mono">{r.code}</div></div> },
    { title: <Bi zh="申请单位" en="Applicant" />, dataIndex: 'applicantNameZh', width: 200 },
    { title: <Bi zh="状态" en="State" />, key: 'state', width: 190, render: (_, r) => (
      <div><StateTag state={r.state} /><TrackTag track={r.track} /><ConclusionTag conclusion={r.conclusion} />
        {r.trackRequested !== 'standard' && !r.trackDecision && <div className="cell-sub">{bi(lang, { zh: `申请${TRACKS[r.trackRequested]?.zh ?? ''}，待决定`, en: `${TRACKS[r.trackRequested]?.en ?? ''} asked for` })}</div>}
      </div>
    ) },
    { title: <Bi zh="评价时限" en="Clock" />, key: 'clock', width: 230, render: (_, r) => <ClockBar clock={r.clock} /> },
    { title: <Bi zh="评审意见" en="Reviews" />, key: 'reviews', width: 110, render: (_, r) => (r.reviewers && r.reviewers.live ? `${r.reviewers.submitted}/${r.reviewers.live}` : '—') },
    { title: <Bi zh="提交日期" en="Submitted" />, dataIndex: 'submittedAt', width: 110, render: (d: string | null) => dateOnly(d) },
  ];

  return (
    <Card className="panel">
      <div className="table-toolbar">
        <Input.Search allowClear placeholder={bi(lang, { zh: '名称、领域关键词', en: 'Title, field keywords' })} style={{ width: 220 }} value={search.typed} onChange={(e) => search.setTyped(e.target.value)} />
        <Select allowClear placeholder={bi(lang, { zh: '状态', en: 'State' })} style={{ width: 150 }} value={filters.state} onChange={(v) => set({ state: v })} data-testid="safety-queue-state"
          options={Object.entries(EVALUATION_STATES).filter(([k]) => k !== 'draft').map(([value, n]) => ({ value, label: one(lang, n) }))} />
        <Select allowClear placeholder={bi(lang, { zh: '通道', en: 'Track' })} style={{ width: 140 }} value={filters.track} onChange={(v) => set({ track: v })}
          options={Object.entries(TRACKS).map(([value, n]) => ({ value, label: one(lang, n) }))} />
        <Select allowClear placeholder={bi(lang, { zh: '评价对象', en: 'Subject' })} style={{ width: 140 }} value={filters.subjectKind} onChange={(v) => set({ subjectKind: v })}
          options={Object.entries(SUBJECT_KINDS).map(([value, n]) => ({ value, label: one(lang, n) }))} />
        <span><Switch size="small" checked={filters.overdue === 'true'} onChange={(on) => set({ overdue: on ? 'true' : undefined })} data-testid="safety-queue-overdue" /> <Bi zh="只看超期" en="Overdue only" /></span>
        <Typography.Text type="secondary" className="table-count">{lang === 'zh' ? `共 ${list.data?.total ?? 0} 项` : `${list.data?.total ?? 0} evaluations`}</Typography.Text>
      </div>
      <Table<Evaluation> rowKey="id" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} scroll={{ x: 1100 }} data-testid="safety-queue-table"
        onRow={(r) => ({ onClick: () => navigate(`/safety/evaluations/${r.id}`), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: size, total: list.data?.total ?? 0, onChange: (p, s) => set({ page: p === 1 ? undefined : p, size: s === 20 ? undefined : s }) }}
        locale={{ emptyText: <Empty description={list.error?.message ?? (filters.overdue ? bi(lang, { zh: '没有超期的评价', en: 'Nothing is overdue' }) : bi(lang, { zh: '暂无安全评价申请；申请单位提交后在此受理', en: 'No applications yet; they arrive here once applicants submit' }))} /> }} />
    </Card>
  );
}
