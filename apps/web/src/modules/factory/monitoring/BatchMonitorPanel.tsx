import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Card, Col, Descriptions, Empty, List, Row, Segmented, Space, Tag, Typography } from 'antd';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { useLang } from '../../../app/i18n';
import { useApi } from '../../../app/useApi';
import { bi, dateTime, one } from '../../supervision/shared';
import type { Alarm, BatchScores, Contribution, ScorePoint, Statistic } from './api';
import { AlarmActions } from './AlarmActions';
import { ContributionChart } from './ContributionChart';
import { ScoreChart } from './ScoreChart';
import { ALARM_STATES, fmt, pct, STATISTICS } from './labels';

/** A point's contributions to one statistic, labelled, with each variable's share of the positive total. */
export function contributionsAt(s: NonNullable<BatchScores['model']>, p: ScorePoint, statistic: Statistic): Contribution[] {
  const values = statistic === 't2' ? p.t2c : p.spec;
  const positive = values.reduce((a, v) => a + Math.max(v, 0), 0);
  return s.variables.map((v, j) => ({ ...v, value: values[j], share: positive > 0 ? Math.max(values[j], 0) / positive : 0 }));
}

/**
 * The monitoring panel on a batch's page: T² and SPE of the batch against the model of its recipe
 * with their limits and the alarms marked; a point's contributions when one is clicked; the
 * batch's alarms, each with what contributed most, and (for the factory's operators) acknowledge
 * with a note.
 */
export default function BatchMonitorPanel({ batchId, live = false, pollMs = 5_000 }: { batchId: string; live?: boolean; pollMs?: number }) {
  const lang = useLang();
  const scores = useApi<BatchScores>(`/api/factory/batches/${batchId}/scores`);
  // A running batch is scored as its readings arrive: while it runs, new points and alarms come in without a reload.
  const reload = useRef(scores.reload);
  reload.current = scores.reload;
  useEffect(() => {
    if (!live) return;
    const t = setInterval(() => reload.current(), pollMs);
    return () => clearInterval(t);
  }, [live, pollMs, batchId]);
  const [picked, setPicked] = useState<{ point: number; statistic: Statistic } | null>(null);
  const s = scores.data;
  const model = s?.model ?? null;
  const point = useMemo(() => (picked && s ? s.points.find((p) => p.point === picked.point) ?? null : null), [picked, s]);
  const open = (s?.alarms ?? []).filter((a) => a.state !== 'closed');

  return (
    <Card className="panel" data-testid="batch-monitor" title={<Bi zh="多变量过程监控" en="Multivariate process monitoring" />}
      extra={model && <Link to={`/factory/models/${model.id}`}><span className="mono">{model.code}</span></Link>}>
      <LoadState loading={scores.loading && !s} error={scores.error} reload={scores.reload} rows={4}>
        {s && !model && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} data-testid="batch-monitor-empty"
            description={<span>{bi(lang, { zh: '该配方尚无在用的监控模型：在“监控模型”页以本配方的合格批次建立模型后，运行中的批次将实时评分。', en: 'No active monitoring model for this recipe yet: fit one on its good batches under “Monitoring models”, and running batches are scored live.' })} <Link to="/factory/models"><Bi zh="去建立" en="Fit a model" /></Link></span>} />
        )}
        {s && model && (
          <>
            <Descriptions size="small" column={{ xs: 1, md: 4 }} style={{ marginBottom: 12 }}>
              <Descriptions.Item label={<Bi zh="模型" en="Model" />}>{model.nameZh}{model.status === 'retired' && <Tag style={{ marginLeft: 6 }}>{bi(lang, { zh: '已停用', en: 'Retired' })}</Tag>}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="主成分" en="Components" />}>{model.components}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="控制限（置信水平）" en="Limits (confidence)" />}>T² {fmt(model.t2Limit)} · SPE {fmt(model.speLimit)}（{pct(model.confidence)}）</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="报警规则" en="Alarm rule" />}>{bi(lang, { zh: `连续 ${model.consecutive} 点超限`, en: `${model.consecutive} points in a row above` })}</Descriptions.Item>
            </Descriptions>
            {s.points.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '尚无评分：批次运行并上报读数后，每个对齐网格点到齐即评分', en: 'No scores yet: as the running batch reports readings, each grid point is scored once its values are in' })} />
            ) : (
              <Row gutter={[16, 8]}>
                {(['t2', 'spe'] as const).map((st) => (
                  <Col xs={24} lg={12} key={st}>
                    <ScoreChart statistic={st} points={s.points} limit={st === 't2' ? model.t2Limit : model.speLimit} alarms={s.alarms}
                      selected={picked?.statistic === st ? picked.point : null} onSelect={(p) => setPicked({ point: p.point, statistic: st })} testId={`score-chart-${st}`} />
                  </Col>
                ))}
              </Row>
            )}
            {point && picked && (
              <Card size="small" type="inner" style={{ marginTop: 8 }} title={<Bi zh={`${dateTime(point.at)} 的 ${one('zh', STATISTICS[picked.statistic])} 贡献`} en={`${one('en', STATISTICS[picked.statistic])} contributions at ${dateTime(point.at)}`} />}
                extra={<Typography.Link onClick={() => setPicked(null)}><Bi zh="收起" en="Hide" /></Typography.Link>}>
                <ContributionChart contributions={contributionsAt(model, point, picked.statistic)} testId="point-contributions" />
              </Card>
            )}
            {s.points.length > 0 && !point && <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{bi(lang, { zh: '点击曲线上的点，查看该时刻各变量的贡献。', en: 'Click a point of a chart to see what each variable contributed then.' })}</Typography.Paragraph>}
            <Typography.Title level={5} style={{ marginTop: 16 }}><Bi zh="报警" en="Alarms" /></Typography.Title>
            {s.alarms.length === 0 ? (
              <Alert type="success" showIcon message={bi(lang, { zh: '本批次未触发报警', en: 'No alarm on this batch' })} data-testid="batch-no-alarm" />
            ) : (
              <>
                {open.length === 0 && <Alert type="info" showIcon style={{ marginBottom: 8 }} message={bi(lang, { zh: '所有报警均已关闭', en: 'Every alarm is closed' })} />}
                <List itemLayout="vertical" dataSource={s.alarms} data-testid="batch-alarms" renderItem={(a: Alarm) => (
                  <List.Item key={a.id} data-testid={`batch-alarm-${a.code}`}>
                    <Row gutter={16}>
                      <Col xs={24} md={10}>
                        <Space direction="vertical" size={4}>
                          <Space wrap><span className="mono">{a.code}</span><Tag color={ALARM_STATES[a.state].color}>{one(lang, ALARM_STATES[a.state])}</Tag><Tag color={STATISTICS[a.statistic].color}>{one(lang, STATISTICS[a.statistic])}</Tag></Space>
                          <span>{dateTime(a.at)} · {bi(lang, { zh: `值 ${fmt(a.value)}，控制限 ${fmt(a.limitValue)}`, en: `value ${fmt(a.value)}, limit ${fmt(a.limitValue)}` })}</span>
                          <span>{bi(lang, { zh: '主要贡献：', en: 'Top contributors: ' })}<b>{a.contributions.slice(0, 3).map((c) => `${lang === 'zh' ? c.zh : c.en} ${pct(c.share)}`).join('、')}</b></span>
                          {a.ackNoteZh && <Typography.Text type="secondary">{a.acknowledgedByName} · {a.ackNoteZh}</Typography.Text>}
                          <AlarmActions alarm={a} onDone={() => scores.reload()} />
                        </Space>
                      </Col>
                      <Col xs={24} md={14}><ContributionChart contributions={a.contributions} height={200} testId={`alarm-contrib-${a.code}`} /></Col>
                    </Row>
                  </List.Item>
                )} />
              </>
            )}
          </>
        )}
      </LoadState>
    </Card>
  );
}
