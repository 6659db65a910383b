import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Badge, Button, Card, Col, Descriptions, Empty, Row, Statistic, Tag, Typography } from 'antd';
import { ApiOutlined } from '@ant-design/icons';
import { Bi } from '../../../app/components/Bi';
import { EChart } from '../../../app/components/EChart';
import { LoadState } from '../../../app/components/LoadState';
import { useLang } from '../../../app/i18n';
import { PageHeader } from '../../../app/PageHeader';
import { useApi } from '../../../app/useApi';
import { bi, dateTime, one } from '../../supervision/shared';
import { vocabularies, type Factory, type Vocabularies } from './api';
import { FactoryModal } from './FactoryModal';
import { FACTORY_KINDS } from './labels';

/** How a factory's systems connect: where to post, which scopes a token needs, the MQTT topic. */
function ConnectPanel({ f }: { f: Factory }) {
  const lang = useLang();
  const c = f.connect!;
  const origin = window.location.origin;
  return (
    <Card className="panel" title={<span><ApiOutlined /> <Bi zh="接入方式" en="How to connect" /></span>} data-testid="factory-connect">
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={<Bi zh="1. API 令牌" en="1. API token" />}>
          {bi(lang, { zh: '由本企业的账号在“我的令牌”中创建，按用途勾选权限：', en: 'Create one under “My tokens” with an account of your organisation, with the scopes for its use:' })}
          <div style={{ marginTop: 6 }}>
            <Tag className="mono">{c.captureScope}</Tag><Bi zh="提交追溯事件" en="capture events" />{'  '}
            <Tag className="mono">{c.queryScope}</Tag><Bi zh="查询事件与追溯" en="query and trace" />{'  '}
            <Tag className="mono">{c.ingestScope}</Tag><Bi zh="上报批次与传感器数据" en="post batches and readings" />
          </div>
          <Link to={c.tokensPage}><Button size="small" style={{ marginTop: 8 }}><Bi zh="创建令牌" en="Create a token" /></Button></Link>
        </Descriptions.Item>
        <Descriptions.Item label={<Bi zh="2. EPCIS 采集" en="2. EPCIS capture" />}>
          <Typography.Paragraph copyable className="mono" style={{ marginBottom: 4 }} data-testid="factory-capture-url">{`POST ${origin}${c.captureUrl}`}</Typography.Paragraph>
          <Typography.Text type="secondary">{bi(lang, { zh: 'Content-Type: application/ld+json 或 application/json；Authorization: Bearer <令牌>；一个 EPCISDocument 全部成功或全部拒绝，答复 202 与任务地址（Location）。', en: 'Content-Type: application/ld+json or application/json; Authorization: Bearer <token>; one EPCISDocument is stored whole or refused whole; the answer is 202 with the job in Location.' })}</Typography.Text>
          {c.sitePrefix
            ? <div style={{ marginTop: 4 }}><Typography.Text type="secondary">{bi(lang, { zh: '读取点或业务位置以此开头的事件计入本厂：', en: 'Events whose read point or business location starts with this count for the factory:' })}</Typography.Text> <span className="mono">{c.sitePrefix}</span></div>
            : <Alert style={{ marginTop: 8 }} type="warning" showIcon title={bi(lang, { zh: '尚未填写厂区 SGLN：事件无法归入本厂。请点击“修改”填写。', en: 'No site SGLN yet: events cannot be counted for this factory. Choose “Edit” to add it.' })} />}
        </Descriptions.Item>
        <Descriptions.Item label={<Bi zh="3. EPCIS 查询" en="3. EPCIS query" />}>
          <Typography.Paragraph copyable className="mono" style={{ marginBottom: 0 }}>{`GET ${origin}${c.queryUrl}?EQ_bizStep=shipping&perPage=100`}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={<Bi zh="4. MQTT 传感器数据" en="4. MQTT sensor readings" />}>
          <Typography.Paragraph copyable className="mono" style={{ marginBottom: 0 }} data-testid="factory-mqtt-topic">{c.mqttTopic}</Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** Events at the site over the last 30 days, and by business step (CBV labels). */
function Figures({ f }: { f: Factory }) {
  const lang = useLang();
  const [vocab, setVocab] = useState<Vocabularies | null>(null);
  useEffect(() => { vocabularies().then(setVocab, () => setVocab(null)); }, []);
  const label = (code: string | null) => {
    if (!code) return bi(lang, { zh: '未注明', en: 'None' });
    const v = vocab?.bizSteps.find((b) => b.code === code);
    return v ? one(lang, v) : code;
  };
  const { byDay, byBizStep } = f.figures!;
  const days = Array.from({ length: 30 }, (_, i) => new Date(Date.now() - (29 - i) * 86400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }));
  const perDay = {
    tooltip: { trigger: 'axis' }, grid: { left: 40, right: 16, top: 16, bottom: 28 },
    xAxis: { type: 'category', data: days.map((d) => d.slice(5)) }, yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', barMaxWidth: 18, itemStyle: { color: '#1677ff' }, data: days.map((d) => byDay.find((x) => x.day === d)?.n ?? 0) }],
  };
  const steps = [...byBizStep].reverse();
  const perStep = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, grid: { left: 110, right: 24, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: steps.map((s) => label(s.bizStep)) },
    series: [{ type: 'bar', barMaxWidth: 18, itemStyle: { color: '#13a8a8' }, data: steps.map((s) => s.n) }],
  };
  return (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        <Card className="panel" size="small" title={<Bi zh="近 30 天采集的事件" en="Events captured, last 30 days" />}>
          {byDay.length ? <EChart option={perDay} height={220} testId="factory-events-by-day" ariaLabel="events per day" /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '近 30 天没有事件 — 按右侧“接入方式”上报', en: 'No events in 30 days: connect as shown' })} />}
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card className="panel" size="small" title={<Bi zh="按业务步骤" en="By business step" />}>
          {byBizStep.length ? <EChart option={perStep} height={220} testId="factory-events-by-step" ariaLabel="events by business step" /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
        </Card>
      </Col>
    </Row>
  );
}

/** 工厂: its figures for everyone; for its organisation and overseers, its events by day and step, and how to connect. */
export default function FactoryPage() {
  const { id } = useParams();
  const lang = useLang();
  const f = useApi<Factory>(`/api/factory/factories/${id}`);
  const [editing, setEditing] = useState(false);
  const x = f.data;
  return (
    <LoadState loading={f.loading && !x} error={f.error} reload={f.reload}>
      {x && (
        <>
          <PageHeader title={{ zh: x.nameZh, en: x.nameEn ?? x.nameZh }}
            tags={<><Tag className="mono">{x.code}</Tag><Tag color={FACTORY_KINDS[x.kind]?.color}>{one(lang, FACTORY_KINDS[x.kind])}</Tag><Badge status={x.connected ? 'success' : 'default'} text={bi(lang, x.connected ? { zh: '已接入', en: 'Connected' } : { zh: '未接入', en: 'Not connected yet' })} /></>}
            description={`${x.organisationNameZh}${x.districtNameZh ? ` · ${x.districtNameZh}` : ''}${x.addressZh ? ` · ${x.addressZh}` : ''}`}
            extra={x.may.edit && <Button onClick={() => setEditing(true)} data-testid="factory-edit"><Bi zh="修改" en="Edit" /></Button>} />
          <section className="section">
            <Row gutter={16}>
              <Col xs={12} md={6}><Card className="panel"><Statistic title={<Bi zh="追溯事件" en="EPCIS events" />} value={x.eventCount} /></Card></Col>
              <Col xs={12} md={6}><Card className="panel"><Statistic title={<Bi zh="生产批次" en="Batches" />} value={x.batchCount} /></Card></Col>
              <Col xs={24} md={12}><Card className="panel"><Statistic title={<Bi zh="最近采集" en="Last capture" />} value={x.lastEventAt ? dateTime(x.lastEventAt) : '—'} /></Card></Col>
            </Row>
          </section>
          {x.figures && <section className="section"><Figures f={x} /></section>}
          {x.connect
            ? <section className="section"><ConnectPanel f={x} /></section>
            : <section className="section"><Alert type="info" showIcon title={bi(lang, { zh: '接入方式与事件统计仅对本企业和监管部门显示。', en: 'How to connect and the event figures are shown to the factory\'s organisation and overseers.' })} /></section>}
          {x.sgln && <Typography.Paragraph type="secondary"><Bi zh="厂区 SGLN" en="Site SGLN" />: <span className="mono">{x.sgln}</span>{'  '}<Link to={`/factory/events?bizLocation=${encodeURIComponent(x.sgln)}`}><Bi zh="查看本厂事件" en="Events here" /></Link></Typography.Paragraph>}
          {editing && <FactoryModal factory={x} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); f.reload(); }} />}
        </>
      )}
    </LoadState>
  );
}
