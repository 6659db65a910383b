import { useState } from 'react';
import { Button, Card, Empty, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi, dateTime } from '../supervision/shared';
import { useListParams } from '../supervision/WorkShared';
import type { Evaluation, Page } from './api';
import { ApplyModal } from './ApplyModal';
import { ClockBar, ConclusionTag, StateTag, SubjectTag, TrackTag } from './SafetyTags';

/** 我的申请: the caller's organisation's applications in every state, and the form to apply. */
export function MineTable() {
  const lang = useLang();
  const navigate = useNavigate();
  const { page, size, set, paging } = useListParams(['view']);
  const list = useApi<Page<Evaluation>>(`/api/safety/evaluations/mine${qs(paging)}`);
  const [applying, setApplying] = useState(false);

  const columns: ColumnsType<Evaluation> = [
    { title: <Bi zh="申请" en="Application" />, key: 'title', render: (_, r) => <div><SubjectTag kind={r.subjectKind} /><Link to={`/safety/evaluations/${r.id}`} onClick={(e) => e.stopPropagation()}>{r.titleZh}</Link><div className="cell-sub mono">{r.code}</div></div> },
    { title: <Bi zh="状态" en="State" />, key: 'state', width: 200, render: (_, r) => <div><StateTag state={r.state} /><TrackTag track={r.track} /><ConclusionTag conclusion={r.conclusion} />{r.certificateNo && <div className="cell-sub mono">{r.certificateNo}</div>}</div> },
    { title: <Bi zh="评价时限" en="Clock" />, key: 'clock', width: 230, render: (_, r) => <ClockBar clock={r.clock} /> },
    { title: <Bi zh="更新时间" en="Updated" />, dataIndex: 'updatedAt', width: 150, render: (d: string) => dateTime(d) },
  ];

  return (
    <Card className="panel">
      <div className="table-toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)} data-testid="safety-apply"><Bi zh="申请安全评价" en="Apply for evaluation" /></Button>
        <Typography.Text type="secondary" className="table-count">{lang === 'zh' ? `共 ${list.data?.total ?? 0} 项` : `${list.data?.total ?? 0} applications`}</Typography.Text>
      </div>
      <Table<Evaluation> rowKey="id" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} scroll={{ x: 900 }} data-testid="safety-mine-table"
        onRow={(r) => ({ onClick: () => navigate(`/safety/evaluations/${r.id}`), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: size, total: list.data?.total ?? 0, onChange: (p, s) => set({ page: p === 1 ? undefined : p, size: s === 20 ? undefined : s }) }}
        locale={{ emptyText: <Empty description={list.error?.message ?? bi(lang, { zh: '本单位尚无安全评价申请；点击“申请安全评价”填写申请并上传申报材料', en: 'No applications yet; choose “Apply for evaluation” and upload the dossier' })} /> }} />
      {applying && <ApplyModal onClose={() => setApplying(false)} onDone={(e) => { setApplying(false); navigate(`/safety/evaluations/${e.id}`); }} />}
    </Card>
  );
}
