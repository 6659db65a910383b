import { useState } from 'react';
import { Alert, App as AntApp, Breadcrumb, Button, Card, Col, Descriptions, Empty, Form, Input, Modal, Result, Row, Space, Steps, Timeline, Typography } from 'antd';
import { ArrowRightOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi, dateOnly, dateTime, one } from '../supervision/shared';
import { useDistrictNames } from '../supervision/WorkShared';
import { useEvents, type LeadActivity, type LeadDetail } from './api';
import { money } from './format';
import { LEAD_STAGE_ORDER, LEAD_STAGES } from './labels';
import { LeadActivityForm } from './LeadActivityForm';
import { LeadFormModal } from './LeadFormModal';
import { LeadStageModal } from './LeadStageModal';
import { ClockTag, LeadStageTag, LeadStatusTag } from './tags';

const ACTIVITY_COLOURS: Record<LeadActivity['kind'], string> = { note: 'blue', stage: 'green', coordination: 'purple', close: 'gray' };

function CloseModal({ lead, onClose, onDone }: { lead: LeadDetail; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/industry/leads/${lead.id}/close`, { reason: v.reason.trim() });
    message.success(bi(lang, { zh: `已关闭线索 ${lead.code}`, en: `Closed ${lead.code}` }));
    onDone();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh={`关闭线索 ${lead.code}`} en={`Close ${lead.code}`} />} okText={bi(lang, { zh: '关闭线索', en: 'Close the lead' })} okButtonProps={{ danger: true, 'data-testid': 'lead-close-ok' } as never}
      cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}>
      <Form form={form} layout="vertical" className="modal-form">
        <Form.Item name="reason" label={<Bi zh="关闭理由" en="Why" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请说明关闭理由', en: 'Say why' }) }]}>
          <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 3 }} placeholder={bi(lang, { zh: '例如：企业决定在外省落地', en: 'e.g. the company chose another province' })} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 线索详情: the target, its stage and clock, the overlap with other districts, follow-ups and what happened. */
export default function LeadPage() {
  const { id } = useParams<{ id: string }>();
  const lang = useLang();
  const lead = useApi<LeadDetail>(`/api/industry/leads/${id}`);
  const districts = useDistrictNames();
  const events = useEvents();
  const [dialog, setDialog] = useState<'edit' | 'stage' | 'close' | null>(null);
  const l = lead.data;
  const done = () => { setDialog(null); lead.reload(); };

  if (lead.error instanceof ApiError && (lead.error.status === 404 || lead.error.status === 400)) {
    return <Result status="404" title={bi(lang, { zh: '招商线索不存在', en: 'Lead not found' })} subTitle={lead.error.message}
      extra={<Link to="/industry/leads"><Button type="primary"><Bi zh="返回招商线索" en="Back to leads" /></Button></Link>} />;
  }

  const openLead = l && (l.status === 'active' || l.status === 'joint');
  const current = l ? LEAD_STAGE_ORDER.indexOf(l.stage) : 0;

  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[
        { title: <Link to="/industry"><Bi zh="产业地图" en="Industry map" /></Link> },
        { title: <Link to="/industry/leads"><Bi zh="招商线索" en="Leads" /></Link> },
        { title: l?.code ?? '…' },
      ]} />
      <LoadState loading={lead.loading && !l} error={lead.error} reload={lead.reload} rows={10}>
        {l && (
          <>
            <PageHeader title={{ zh: l.targetNameZh, en: l.targetNameZh }}
              tags={<Space size={[6, 6]} wrap><span className="mono">{l.code}</span><LeadStageTag stage={l.stage} /><LeadStatusTag status={l.status} /><ClockTag clock={l.clock} /></Space>}
              extra={l.may.manage && (
                <Space>
                  <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="lead-edit"><Bi zh="编辑" en="Edit" /></Button>
                  {openLead && l.stage !== 'producing' && <Button type="primary" icon={<ArrowRightOutlined />} onClick={() => setDialog('stage')} data-testid="lead-move"><Bi zh="推进阶段" en="Move forward" /></Button>}
                  {openLead && <Button danger icon={<StopOutlined />} onClick={() => setDialog('close')} data-testid="lead-close"><Bi zh="关闭" en="Close" /></Button>}
                </Space>
              )} />

            {l.overlap.length > 0 && (
              <Alert type="warning" showIcon className="panel-alert" data-testid="lead-overlap"
                title={lang === 'zh' ? `另有 ${l.overlap.length} 条线索在跟进同一企业` : `${l.overlap.length} other lead(s) chase the same company`}
                description={<Space orientation="vertical" size={2}>
                  {l.overlap.map((o) => (
                    <span key={o.id}><Link to={`/industry/leads/${o.id}`}><span className="mono">{o.code}</span></Link> · {o.districtNameZh} · {one(lang, LEAD_STAGES[o.stage])}{o.primaryLeadId === l.id ? ` · ${bi(lang, { zh: '由本线索主办', en: 'led by this lead' })}` : ''}</span>
                  ))}
                  <Typography.Text type="secondary">{l.may.coordinate
                    ? bi(lang, { zh: '请在招商线索页的“多区县同时跟进”中确定主办线索。', en: 'Decide who leads under "Companies chased by several districts" on the leads page.' })
                    : bi(lang, { zh: '工作专班将协调确定主办区县；签约项目只计一次。', en: 'The task force decides who leads; a signed project counts once.' })}</Typography.Text>
                </Space>} />
            )}
            {l.status === 'closed' && l.closedReason && <Alert type="info" showIcon className="panel-alert" title={<Bi zh="已关闭" en="Closed" />} description={l.closedReason} />}

            <Card className="panel">
              <Steps size="small" current={current} status={openLead ? 'process' : 'wait'} style={{ marginBottom: 20 }} data-testid="lead-steps"
                items={LEAD_STAGE_ORDER.map((s, i) => ({ title: <Bi zh={LEAD_STAGES[s].zh} en={LEAD_STAGES[s].en} />, content: i === current ? dateOnly(l.stageEnteredOn) : undefined }))} />
              <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} items={[
                { key: 'district', label: <Bi zh="负责区县" en="Owner district" />, children: districts.name(l.ownerDistrictCode) },
                { key: 'node', label: <Bi zh="产业链环节" en="Chain node" />, children: l.chainNode ? <Link to={`/industry/chains/${l.chainNode.code.split('.')[0]}?node=${encodeURIComponent(l.chainNode.code)}`}>{l.chainNode.nameZh}</Link> : '—' },
                { key: 'credit', label: <Bi zh="目标企业信用代码" en="Target credit code" />, children: l.targetCreditCode ? <span className="mono">{l.targetCreditCode}</span> : '—' },
                { key: 'expected', label: <Bi zh="预计营收" en="Expected revenue" />, children: money(lang, l.expectedRevenueWan) },
                { key: 'contracted', label: <Bi zh="签约金额" en="Contracted" />, children: money(lang, l.contractedWan) },
                { key: 'arrived', label: <Bi zh="到位资金" en="Arrived" />, children: money(lang, l.arrivedWan) },
                { key: 'next', label: <Bi zh="下一步" en="Next action" />, children: l.nextActionZh ? `${l.nextActionZh}${l.nextActionOn ? `（${l.nextActionOn}）` : ''}` : '—' },
                { key: 'event', label: <Bi zh="来源活动" en="Event" />, children: events.data?.find((e) => e.id === l.eventId)?.nameZh ?? '—' },
                { key: 'enterprise', label: <Bi zh="落地企业" en="Enterprise" />, children: l.enterpriseId ? <Link to={`/industry/enterprises/${l.enterpriseId}`}>{bi(lang, { zh: '查看企业档案', en: 'Profile' })}</Link> : '—' },
                { key: 'created', label: <Bi zh="登记时间" en="Recorded" />, children: dateTime(l.createdAt) },
                { key: 'activity', label: <Bi zh="最近跟进" en="Last activity" />, children: dateTime(l.lastActivityAt) },
              ]} />
            </Card>

            <Row gutter={[16, 16]} className="section">
              {l.may.manage && openLead && (
                <Col xs={24} xl={12}>
                  <Card className="panel" title={<Bi zh="记录跟进" en="Follow up" />}><LeadActivityForm leadId={l.id} onDone={lead.reload} /></Card>
                </Col>
              )}
              <Col xs={24} xl={l.may.manage && openLead ? 12 : 24}>
                <Card className="panel" title={<Bi zh="跟进记录" en="Activities" />}>
                  {l.activities.length ? (
                    <Timeline data-testid="lead-activities" items={l.activities.map((a) => ({
                      key: a.id, color: ACTIVITY_COLOURS[a.kind],
                      content: <div data-kind={a.kind}><div className="audit-when">{dateTime(a.at)}</div><div style={{ whiteSpace: 'pre-wrap' }}>{a.textZh}</div>{a.byName && <div className="cell-sub">{a.byName}</div>}</div>,
                    }))} />
                  ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '暂无跟进记录', en: 'No activity yet' })} />}
                </Card>
              </Col>
            </Row>
            {dialog === 'edit' && <LeadFormModal lead={l} onClose={() => setDialog(null)} onSaved={done} />}
            {dialog === 'stage' && <LeadStageModal lead={l} onClose={() => setDialog(null)} onDone={done} />}
            {dialog === 'close' && <CloseModal lead={l} onClose={() => setDialog(null)} onDone={done} />}
          </>
        )}
      </LoadState>
    </>
  );
}
