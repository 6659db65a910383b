import { Card, Empty, Table, Tag, Typography } from 'antd';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { useLang } from '../../../app/i18n';
import { bi, dateTime } from '../../supervision/shared';
import type { CaptureJob, Page } from './api';
import type { ApiState } from '../../../app/useApi';

/** The organisation's capture jobs, newest first: state, events given and newly stored, the first problem. */
export function CaptureJobs({ jobs }: { jobs: ApiState<Page<CaptureJob>> }) {
  const lang = useLang();
  return (
    <Card className="panel" title={<Bi zh="本企业的采集任务" en="My organisation's capture jobs" />}>
      <LoadState loading={jobs.loading && !jobs.data} error={jobs.error} reload={jobs.reload} rows={3}>
        <Table<CaptureJob> rowKey="captureID" size="small" tableLayout="fixed" scroll={{ x: 720 }} dataSource={jobs.data?.items ?? []} pagination={false} data-testid="epcis-jobs"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '还没有采集任务 — 上传文档或用令牌调用采集接口', en: 'No capture jobs yet: upload a document or call the capture interface with a token' })} /> }}
          columns={[
            { title: <Bi zh="时间" en="At" />, dataIndex: 'createdAt', width: 160, render: (t: string) => dateTime(t) },
            { title: <Bi zh="结果" en="Result" />, key: 'state', width: 110, render: (_, j) => j.success ? <Tag color="green">{bi(lang, { zh: '成功', en: 'Success' })}</Tag> : j.running ? <Tag color="blue">{bi(lang, { zh: '进行中', en: 'Running' })}</Tag> : <Tag color="red">{bi(lang, { zh: '被拒', en: 'Refused' })}</Tag> },
            { title: <Bi zh="新增/事件" en="New/events" />, key: 'n', width: 100, align: 'right', render: (_, j) => `${j.storedCount} / ${j.eventCount}` },
            { title: <Bi zh="来源" en="Via" />, key: 'via', width: 150, render: (_, j) => <>{j.via === 'token' ? <Tag>API</Tag> : <Tag>{bi(lang, { zh: '页面', en: 'Page' })}</Tag>}{j.submittedByName}</> },
            { title: <Bi zh="问题" en="Problem" />, key: 'problem', width: 200, ellipsis: true, render: (_, j) => j.errors[0] ? <Typography.Text type="danger" ellipsis={{ tooltip: j.errors[0].detail }}>{j.errors[0].title}{j.errors[0].errors?.length ? ` (${j.errors[0].errors.length})` : ''}</Typography.Text> : '—' },
          ]} />
      </LoadState>
    </Card>
  );
}
