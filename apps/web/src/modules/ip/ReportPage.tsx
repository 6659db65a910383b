import { useState } from 'react';
import { Button, Card, Descriptions, Space, Tag, Timeline } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { LabelTag } from '../pilot/BaseTags';
import { bi, dateTime, one, useDownload } from '../supervision/shared';
import { fileSize } from '../supervision/WorkShared';
import type { ReportDetail } from './api';
import { IP_KINDS, REPORT_STATUSES } from './labels';
import { ReportMoveModal } from './ReportMoveModal';

/** One infringement report: the right, the infringer, the evidence, its history and (for the centre) the next moves. */
export default function ReportPage() {
  const { id } = useParams();
  const lang = useLang();
  const r = useApi<ReportDetail>(`/api/ip/reports/${id}`);
  const [to, setTo] = useState<string | null>(null);
  const { run, busy } = useDownload();
  const d = r.data;
  return (
    <LoadState loading={r.loading && !d} error={r.error} reload={r.reload}>
      {d && (
        <>
          <PageHeader title={{ zh: `侵权举报 ${d.code}`, en: `Infringement report ${d.code}` }}
            tags={<Space size={4}><LabelTag label={REPORT_STATUSES[d.status]} /><Tag>{bi(lang, { zh: `受理机构：${d.centreZh}`, en: 'Handled by the IP operations centre' })}</Tag></Space>}
            extra={d.may.moves.length > 0 && (
              <Space>{d.may.moves.map((m) => <Button key={m} danger={m === 'dismissed'} type={m === 'dismissed' ? 'default' : 'primary'} onClick={() => setTo(m)} data-testid={`ip-report-move-${m}`}>{one(lang, REPORT_STATUSES[m])}</Button>)}</Space>
            )} />
          <Card className="panel" title={<Bi zh="举报内容" en="Report" />}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={<Bi zh="知识产权" en="Right" />}><LabelTag label={IP_KINDS[d.rightKind]} /> <Link to={`/ip/${d.ipRightId}`}>{d.rightTitleZh}</Link> <span className="mono">{d.rightNumber}</span></Descriptions.Item>
              <Descriptions.Item label={<Bi zh="涉嫌侵权方" en="Alleged infringer" />}>{d.infringerZh}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="侵权情况" en="What happened" />}><div style={{ whiteSpace: 'pre-wrap' }}>{d.descriptionZh}</div></Descriptions.Item>
              <Descriptions.Item label={<Bi zh="举报人" en="Reporter" />}>{d.reporterName ? `${d.reporterName}${d.reporterOrgNameZh ? ` · ${d.reporterOrgNameZh}` : ''}` : bi(lang, { zh: '不向权利人公开', en: 'Not shown to holders' })}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="证据" en="Evidence" />}>
                {d.files.length ? <Space direction="vertical">{d.files.map((f) => (
                  <Button key={f.id} type="link" icon={<DownloadOutlined />} loading={busy} style={{ paddingLeft: 0 }} onClick={() => run(`/api/ip/reports/${d.id}/files/${f.id}`, f.name)}>{f.name} ({fileSize(f.sizeBytes)})</Button>
                ))}</Space> : '—'}
              </Descriptions.Item>
              {d.outcomeZh && <Descriptions.Item label={<Bi zh={d.status === 'dismissed' ? '不予受理理由' : '处理结果'} en={d.status === 'dismissed' ? 'Why dismissed' : 'Outcome'} />}>{d.outcomeZh}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card className="panel" title={<Bi zh="处理记录" en="History" />}>
            <Timeline data-testid="ip-report-history" items={d.events.map((e) => ({
              color: REPORT_STATUSES[e.toStatus]?.color === 'green' ? 'green' : e.toStatus === 'dismissed' ? 'gray' : 'blue',
              children: (
                <div>
                  <strong>{e.fromStatus ? `${one(lang, REPORT_STATUSES[e.fromStatus])} → ` : ''}{one(lang, REPORT_STATUSES[e.toStatus])}</strong>
                  <div className="cell-sub">{dateTime(e.at)} · {e.actorName}</div>
                  {e.noteZh && <div>{e.noteZh}</div>}
                </div>
              ),
            }))} />
          </Card>
          {to && <ReportMoveModal reportId={d.id} to={to} onClose={() => setTo(null)} onDone={() => { setTo(null); r.reload(); }} />}
        </>
      )}
    </LoadState>
  );
}
