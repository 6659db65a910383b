import { lazy, Suspense, useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Card, Col, Descriptions, Empty, Row, Space, Steps, Tag, Typography } from 'antd';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { useLang } from '../../../app/i18n';
import { PageHeader } from '../../../app/PageHeader';
import { useSession } from '../../../app/session';
import { useApi } from '../../../app/useApi';
import { bi, dateTime, one } from '../../supervision/shared';
import { useFactoryRoles } from '../epcis/access';
import type { Batch, Comparison, Series } from './api';
import { BandChart } from './BandChart';
import { BatchActions } from './BatchActions';
import { BATCH_STATES, OUTCOMES, PHASES } from './labels';

const BatchMonitorPanel = lazy(() => import('../monitoring/BatchMonitorPanel'));
/** A running batch's page refreshes this often: the plant posts readings every few seconds. */
const POLL_MS = 5000;

/**
 * One batch: where it runs, what it makes and from which strain, its phases, and one chart per
 * variable — against its recipe's golden band when there is one (the points outside marked),
 * its raw series otherwise; refreshed while it runs. Below, the monitoring panel (T², SPE, alarms).
 */
export default function BatchPage() {
  const { id } = useParams<{ id: string }>();
  const lang = useLang();
  const roles = useFactoryRoles();
  const { user } = useSession();
  const batch = useApi<Batch>(`/api/factory/batches/${id}`);
  const comparison = useApi<Comparison>(`/api/factory/batches/${id}/golden-comparison`);
  const series = useApi<Series>(comparison.data && !comparison.data.profile ? `/api/factory/batches/${id}/series?points=400` : null);
  const b = batch.data;
  const running = b?.state === 'running';
  const reloads = [batch.reload, comparison.reload, series.reload];

  // The reloads are read through a ref: the interval restarts only when the batch or whether it runs changes.
  const latest = useRef(reloads);
  latest.current = reloads;
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => latest.current.forEach((r) => r()), POLL_MS);
    return () => clearInterval(t);
  }, [running, id]);

  const L = (zh: string, en: string) => bi(lang, { zh, en });
  const own = !!b && roles.operator && user?.organisationId === b.organisationId;
  const c = comparison.data;
  const phaseMarks = (b?.phases ?? []).map((p) => ({ x: Date.parse(p.startedAt), name: lang === 'zh' ? p.zh : p.en }));

  return (
    <LoadState loading={batch.loading && !b} error={batch.error} reload={batch.reload}>
      {b && <>
        <PageHeader title={{ zh: `批次 ${b.code}`, en: `Batch ${b.code}` }}
          description={`${b.factoryNameZh} · ${b.equipment} · ${b.recipe}`}
          tags={<Space size={4}><Tag color={BATCH_STATES[b.state].color} data-testid="batch-state">{one(lang, BATCH_STATES[b.state])}</Tag>{b.outcome && <Tag color={OUTCOMES[b.outcome].color} data-testid="batch-outcome">{one(lang, OUTCOMES[b.outcome])}</Tag>}</Space>}
          extra={<BatchActions batch={b} operator={own} judge={own || roles.overseer} onChanged={() => reloads.forEach((r) => r())} />} />
        <section className="section">
          <Card className="panel">
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={<Bi zh="工厂批次号" en="Factory batch no." />}><span className="mono" data-testid="batch-external-id">{b.externalId}</span></Descriptions.Item>
              <Descriptions.Item label={<Bi zh="工厂" en="Factory" />}><Link to={`/factory/factories/${b.factoryId}`}>{b.factoryNameZh}</Link></Descriptions.Item>
              <Descriptions.Item label={<Bi zh="设备" en="Equipment" />}>{b.equipment}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="工艺配方" en="Recipe" />}>{b.recipe}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="产品" en="Product" />}>{b.productZh ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="菌种" en="Strain" />}>{b.strainId ? <Link to={`/strains/${b.strainId}`} data-testid="batch-strain">{b.strainAccession}{b.strainNameZh ? ` ${b.strainNameZh}` : ''}</Link> : (b.strainAccession ?? '—')}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="开始" en="Started" />}>{b.startedAt ? dateTime(b.startedAt) : '—'}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="结束" en="Ended" />}>{b.endedAt ? dateTime(b.endedAt) : '—'}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="读数" en="Readings" />}>{(b.variables ?? []).reduce((n, v) => n + v.count, 0).toLocaleString()}（{(b.variables ?? []).length} {L('个变量', 'variables')}）</Descriptions.Item>
              {b.lotEpc && <Descriptions.Item label={<Bi zh="产出批次 EPC" en="Lot EPC" />} span={3}><Link className="mono" to={`/factory/trace?epc=${encodeURIComponent(b.lotEpc)}`}>{b.lotEpc}</Link></Descriptions.Item>}
              {b.outcomeNoteZh && <Descriptions.Item label={<Bi zh="结论说明" en="Outcome note" />} span={3}>{b.outcomeNoteZh}</Descriptions.Item>}
            </Descriptions>
            {b.phases.length > 0 && (
              <Steps size="small" style={{ marginTop: 16 }} current={running ? b.phases.length - 1 : b.phases.length} data-testid="batch-phases"
                items={b.phases.map((p) => ({ title: PHASES[p.name] ? one(lang, PHASES[p.name]) : p.name, description: dateTime(p.startedAt) }))} />
            )}
          </Card>
        </section>
        <section className="section">
          <Card className="panel" title={<Bi zh="传感器数据与黄金批次带宽" en="Sensor series against the golden band" />}
            extra={running && <Typography.Text type="secondary">{L(`每 ${POLL_MS / 1000} 秒刷新`, `Refreshes every ${POLL_MS / 1000} s`)}</Typography.Text>}>
            <LoadState loading={comparison.loading && !c} error={comparison.error} reload={comparison.reload}>
              {c?.profile
                ? <>
                  <Alert style={{ marginBottom: 12 }} type={c.outsideTotal ? 'warning' : 'success'} showIcon data-testid="batch-band-summary"
                    title={c.outsideTotal
                      ? L(`${c.outsideTotal} 个点超出黄金批次 ${c.profile.code} 的带宽（均值 ± ${c.profile.k}σ）`, `${c.outsideTotal} points outside golden profile ${c.profile.code}'s band (mean ± ${c.profile.k}σ)`)
                      : L(`全部在黄金批次 ${c.profile.code} 的带宽内（均值 ± ${c.profile.k}σ）`, `All within golden profile ${c.profile.code}'s band (mean ± ${c.profile.k}σ)`)}
                    action={<Link to={`/factory/golden/${c.profile.id}`}><Bi zh="查看黄金批次" en="Open profile" /></Link>} />
                  <Row gutter={[16, 16]}>
                    {c.variables.map((v) => (
                      <Col xs={24} xl={12} key={v.variable}>
                        <BandChart title={v} unit={v.unit} axis="time" x={c.at} mean={v.mean} lower={v.lower} upper={v.upper} value={v.value} outside={v.outside} phases={phaseMarks} testId={`band-${v.variable}`} />
                      </Col>
                    ))}
                  </Row>
                </>
                : <>
                  <Alert style={{ marginBottom: 12 }} type="info" showIcon title={L(`配方“${b.recipe}”尚无现行黄金批次：下方为原始数据（每桶均值与范围）。`, `Recipe “${b.recipe}” has no active golden profile: raw series below (each bucket's mean and range).`)}
                    action={<Link to="/factory/golden"><Bi zh="建立黄金批次" en="Create one" /></Link>} />
                  <LoadState loading={series.loading && !series.data} error={series.error} reload={series.reload}>
                    {(series.data?.variables ?? []).length === 0
                      ? <Empty description={L('尚无读数：工厂系统通过 HTTP 批量或 MQTT 上报后显示在这里', 'No readings yet: they show here once the plant posts them by HTTP or MQTT')} />
                      : <Row gutter={[16, 16]}>
                        {series.data!.variables.map((v) => (
                          <Col xs={24} xl={12} key={v.variable}>
                            <BandChart title={v} unit={v.unit} axis="time" x={[]} mean={[]} lower={[]} upper={[]} raw={v.points} phases={phaseMarks} testId={`series-${v.variable}`} />
                          </Col>
                        ))}
                      </Row>}
                  </LoadState>
                </>}
            </LoadState>
          </Card>
        </section>
        <section className="section">
          <Suspense><BatchMonitorPanel batchId={b.id} live={running} pollMs={POLL_MS} /></Suspense>
        </section>
      </>}
    </LoadState>
  );
}
