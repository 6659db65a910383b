import { Link } from 'react-router-dom';
import { Descriptions, Drawer, Empty, Tag, Timeline, Typography } from 'antd';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { useLang } from '../../../app/i18n';
import { useApi } from '../../../app/useApi';
import { bi, dateTime, one } from '../../supervision/shared';
import type { Alarm, BatchScores } from './api';
import { AlarmActions } from './AlarmActions';
import { ContributionChart } from './ContributionChart';
import { ScoreChart } from './ScoreChart';
import { ALARM_STATES, fmt, NOTE_KINDS, STATISTICS } from './labels';

/** One alarm: where and when, the statistic against its limit, every variable's contribution, its notes, and what can be done with it. */
export function AlarmDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const lang = useLang();
  const alarm = useApi<Alarm>(`/api/factory/alarms/${id}`);
  const a = alarm.data;
  return (
    <Drawer open width={640} onClose={onClose} title={a ? <span><span className="mono">{a.code}</span> <Tag color={ALARM_STATES[a.state].color}>{one(lang, ALARM_STATES[a.state])}</Tag></span> : <Bi zh="报警" en="Alarm" />}
      extra={a && <AlarmActions alarm={a} size="middle" onDone={() => { alarm.reload(); onChanged(); }} />} data-testid="alarm-drawer">
      <LoadState loading={alarm.loading && !a} error={alarm.error} reload={alarm.reload}>
        {a && (
          <>
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={<Bi zh="批次" en="Batch" />}><Link to={`/factory/batches/${a.batchId}`}>{a.batchCode}</Link> · {a.batchExternalId} · {a.recipe}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="工厂" en="Factory" />}>{a.factoryNameZh}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="统计量" en="Statistic" />}>{bi(lang, STATISTICS[a.statistic])}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="时刻" en="At" />}>{dateTime(a.at)}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="值 / 控制限" en="Value / limit" />}><b style={{ color: '#cf1322' }}>{fmt(a.value)}</b> / {fmt(a.limitValue)}（{(a.value / a.limitValue).toFixed(1)}×）</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="监控模型" en="Model" />}><Link to={`/factory/models/${a.modelId}`} className="mono">{a.modelCode}</Link></Descriptions.Item>
            </Descriptions>
            <AlarmTrend alarm={a} />
            <Typography.Title level={5} style={{ marginTop: 16 }}><Bi zh="各变量贡献" en="Each variable's contribution" /></Typography.Title>
            <ContributionChart contributions={a.contributions} testId="alarm-drawer-contrib" />
            <Typography.Title level={5} style={{ marginTop: 16 }}><Bi zh="处置记录" en="What was done" /></Typography.Title>
            {a.notes?.length ? (
              <Timeline items={a.notes.map((n) => ({
                color: n.kind === 'acknowledge' ? 'gold' : n.kind === 'close' ? 'gray' : 'blue',
                children: <div data-testid="alarm-note"><Tag>{one(lang, NOTE_KINDS[n.kind])}</Tag>{n.noteZh}<div className="cell-sub">{n.authorName ?? '—'} · {dateTime(n.createdAt)}</div></div>,
              }))} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '尚无处置记录：工厂生产人员确认报警时须写明原因与处置', en: 'Nothing recorded yet: the factory’s operators say what they found and did when they acknowledge' })} />
            )}
          </>
        )}
      </LoadState>
    </Drawer>
  );
}

/** The alarm's statistic over the batch so far, with its limit: what led up to the alarm and what followed. */
function AlarmTrend({ alarm }: { alarm: Alarm }) {
  const scores = useApi<BatchScores>(`/api/factory/batches/${alarm.batchId}/scores?modelId=${alarm.modelId}`);
  const s = scores.data;
  if (!s?.model || !s.points.length) return null;
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}><Bi zh="批次监控曲线" en="The batch's statistic" /></Typography.Title>
      <ScoreChart statistic={alarm.statistic} points={s.points} limit={alarm.statistic === 't2' ? s.model.t2Limit : s.model.speLimit} alarms={s.alarms} testId="alarm-drawer-trend" />
    </>
  );
}
