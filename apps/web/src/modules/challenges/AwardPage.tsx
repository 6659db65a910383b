import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Progress, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { AuditOutlined, FileDoneOutlined, MoneyCollectOutlined, PlusOutlined, SolutionOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi, dateTime } from '../supervision/shared';
import type { AwardDetail, AwardMilestone, MilestoneReport } from './api';
import { paidProgress } from './BoardModel';
import { indicatorText } from './ChallengeModel';
import { ContractModal, dateProps, PaymentModal } from './DeliveryModals';
import { MILESTONE_STATUSES, OUTPUT_KINDS, VERDICTS } from './labels';
import { AwardStatusTag, NameTag, wan } from './Tags';

type Dialog = { kind: 'contract' | 'pay' | 'accept' | 'output' } | { kind: 'report'; m: AwardMilestone } | { kind: 'decide'; r: MilestoneReport } | null;

/**
 * 立项实施: one award's delivery for organisers, overseers and the team — contract, milestones with
 * their reports (the lead reports; organisers pass or send back), verdicts at reviews, payments
 * against what it may be paid, acceptance against each indicator, and outputs. Buttons follow `may`.
 */
export default function AwardPage() {
  const { id } = useParams<{ id: string }>();
  const lang = useLang();
  const award = useApi<AwardDetail>(`/api/challenges/awards/${id}`);
  const [dialog, setDialog] = useState<Dialog>(null);
  const a = award.data;
  const done = () => { setDialog(null); award.reload(); };
  const paid = a ? paidProgress(a.paidWan, a.payableWan) : null;
  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[{ title: <Link to="/challenges/board"><Bi zh="立项与节点看板" en="Award board" /></Link> }, { title: a?.code ?? '…' }]} />
      <LoadState loading={award.loading && !a} error={award.error} reload={award.reload} rows={12}>
        {a && (
          <>
            <PageHeader title={{ zh: a.applicationTitleZh, en: a.applicationTitleZh }}
              tags={<Space><span className="mono">{a.code}</span><AwardStatusTag status={a.status} /><Link to={`/challenges/${a.challengeId}`}>{a.challengeCode}</Link></Space>}
              extra={(
                <Space wrap>
                  {a.may.recordContract && <Button icon={<SolutionOutlined />} onClick={() => setDialog({ kind: 'contract' })}><Bi zh="登记合同" en="Contract" /></Button>}
                  {a.may.pay && <Button icon={<MoneyCollectOutlined />} onClick={() => setDialog({ kind: 'pay' })}><Bi zh="登记拨付" en="Payment" /></Button>}
                  {a.may.accept && <Button type="primary" icon={<FileDoneOutlined />} onClick={() => setDialog({ kind: 'accept' })}><Bi zh="验收" en="Acceptance" /></Button>}
                </Space>
              )} />
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={10}>
                <Card className="panel" title={<Bi zh="立项" en="Award" />}>
                  <Descriptions size="small" column={1} items={[
                    { key: 'lead', label: <Bi zh="承担单位" en="Lead" />, children: a.leadNameZh },
                    { key: 'members', label: <Bi zh="联合体" en="Consortium" />, children: a.memberNames.join('、') || '—' },
                    { key: 'mode', label: <Bi zh="方式" en="Mode" />, children: a.modeZh },
                    { key: 'share', label: <Bi zh="资助额度" en="Share" />, children: `${wan(a.shareWan)}${a.mergedInWan ? bi(lang, { zh: `（并入 ${a.mergedInWan}）`, en: ` (+${a.mergedInWan} merged in)` }) : ''}` },
                    { key: 'contract', label: <Bi zh="合同" en="Contract" />, children: a.contractNo ? `${a.contractNo}（${a.contractSignedOn}）` : bi(lang, { zh: '未登记', en: 'Not recorded' }) },
                    { key: 'paid', label: <Bi zh="已拨付" en="Paid" />, children: <div>{`${wan(a.paidWan)} / ${wan(a.payableWan)}`}<Progress size="small" percent={paid!.percent} status={paid!.status} /></div> },
                  ]} />
                </Card>
                <Card className="panel section" title={<Bi zh="拨付记录" en="Payments" />}>
                  <Table size="small" rowKey="id" pagination={false} dataSource={a.tranches} locale={{ emptyText: '—' }} columns={[
                    { title: <Bi zh="日期" en="Date" />, dataIndex: 'paidOn', width: 110 },
                    { title: <Bi zh="金额" en="Amount" />, dataIndex: 'amountWan', render: wan },
                    { title: <Bi zh="凭证" en="Voucher" />, dataIndex: 'voucherNo' },
                    { title: <Bi zh="节点" en="Milestone" />, dataIndex: 'milestoneTitleZh', render: (x) => x ?? '—' },
                  ]} />
                </Card>
                {a.verdicts.length > 0 && (
                  <Card className="panel section" title={<Bi zh="评估结论" en="Verdicts" />}>
                    <Table size="small" rowKey="reviewId" pagination={false} dataSource={a.verdicts} columns={[
                      { title: <Bi zh="评估" en="Review" />, key: 'r', render: (_, v) => <div>{v.titleZh}<div className="cell-sub">{v.heldOn}</div></div> },
                      { title: <Bi zh="结论" en="Verdict" />, key: 'v', render: (_, v) => <span><NameTag names={VERDICTS} code={v.verdict} />{v.mergeIntoCode && `→ ${v.mergeIntoCode}`}</span> },
                      { title: <Bi zh="理由" en="Reason" />, dataIndex: 'reasonZh', render: (x) => x ?? '—' },
                    ]} />
                  </Card>
                )}
              </Col>
              <Col xs={24} xl={14}>
                <Card className="panel" title={<Bi zh="节点与报告" en="Milestones and reports" />}>
                  <Table<AwardMilestone> size="small" rowKey="id" pagination={false} dataSource={a.milestones} locale={{ emptyText: bi(lang, { zh: '登记合同后按申报计划生成节点', en: 'Milestones are made from the plan when the contract is recorded' }) }}
                    expandable={{ rowExpandable: (m) => m.reports.length > 0, expandedRowRender: (m) => m.reports.map((r) => (
                      <div key={r.id} className="cq-report">
                        <div className="cell-sub">{dateTime(r.submittedAt)} {r.decision && <NameTag names={MILESTONE_STATUSES} code={r.decision} />}{r.decisionZh && ` ${r.decisionZh}`}</div>
                        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{r.textZh}</Typography.Paragraph>
                        {a.may.decideReports && !r.decision && <Button size="small" icon={<AuditOutlined />} onClick={() => setDialog({ kind: 'decide', r })}><Bi zh="审核报告" en="Review the report" /></Button>}
                      </div>
                    )) }}
                    columns={[
                      { title: <Bi zh="节点" en="Milestone" />, key: 't', render: (_, m) => <div>{m.titleZh}{m.isNext && <Tag color="blue" style={{ marginLeft: 6 }}>{bi(lang, { zh: '下一节点', en: 'Next' })}</Tag>}<div className="cell-sub">{m.deliverableZh}</div></div> },
                      { title: <Bi zh="到期" en="Due" />, key: 'due', width: 140, render: (_, m) => <span>{m.dueOn} {m.overdue && <Tag color="red">{bi(lang, { zh: '逾期', en: 'Overdue' })}</Tag>}</span> },
                      { title: <Bi zh="状态" en="Status" />, dataIndex: 'status', width: 110, render: (s) => <NameTag names={MILESTONE_STATUSES} code={s} /> },
                      { title: '', key: 'act', width: 110, render: (_, m) => a.may.report && ['pending', 'rework'].includes(m.status) && <Button size="small" onClick={() => setDialog({ kind: 'report', m })}><Bi zh="提交报告" en="Report" /></Button> },
                    ]} />
                </Card>
                <Card className="panel section" title={<Bi zh="验收" en="Acceptance" />}>
                  {a.acceptance ? (
                    <>
                      <Alert type={a.acceptance.conclusion === 'passed' ? 'success' : 'error'} showIcon className="panel-alert"
                        title={`${a.acceptance.heldOn} ${a.acceptance.conclusion === 'passed' ? bi(lang, { zh: '验收通过', en: 'Passed' }) : bi(lang, { zh: '验收未通过', en: 'Failed' })}`}
                        description={a.acceptance.exceptionZh ?? a.acceptance.noteZh ?? undefined} />
                      <Table size="small" rowKey={(r) => r.indicator.nameZh} pagination={false} dataSource={a.acceptance.results} columns={[
                        { title: <Bi zh="指标" en="Indicator" />, key: 'i', render: (_, r) => indicatorText(r.indicator) },
                        { title: <Bi zh="实际" en="Achieved" />, dataIndex: 'achievedValue', width: 100 },
                        { title: <Bi zh="达标" en="Met" />, dataIndex: 'met', width: 80, render: (m) => (m ? <Tag color="green">✓</Tag> : <Tag color="red">✗</Tag>) },
                        { title: <Bi zh="佐证" en="Evidence" />, dataIndex: 'evidenceZh' },
                      ]} />
                    </>
                  ) : <Typography.Text type="secondary">{a.indicators.map(indicatorText).join('；')}</Typography.Text>}
                </Card>
                <Card className="panel section" title={<Bi zh="成果产出" en="Outputs" />} extra={a.may.recordOutputs && <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'output' })}><Bi zh="登记成果" en="Record" /></Button>}>
                  <Table size="small" rowKey="id" pagination={false} dataSource={a.outputs} locale={{ emptyText: '—' }} columns={[
                    { title: <Bi zh="类型" en="Kind" />, dataIndex: 'kind', width: 120, render: (k) => <NameTag names={OUTPUT_KINDS} code={k} /> },
                    { title: <Bi zh="名称" en="Title" />, dataIndex: 'titleZh' },
                    { title: <Bi zh="编号" en="Number" />, dataIndex: 'ref', render: (x) => x ?? '—' },
                    { title: <Bi zh="日期" en="Date" />, dataIndex: 'outputOn', width: 110, render: (x) => x ?? '—' },
                  ]} />
                </Card>
              </Col>
            </Row>
            {dialog?.kind === 'contract' && <ContractModal award={a} onClose={() => setDialog(null)} onDone={done} />}
            {dialog?.kind === 'pay' && <PaymentModal award={a} milestones={a.milestones} onClose={() => setDialog(null)} onDone={done} />}
            {dialog?.kind === 'report' && <ReportModal a={a} m={dialog.m} onClose={() => setDialog(null)} onDone={done} />}
            {dialog?.kind === 'decide' && <DecideReportModal r={dialog.r} onClose={() => setDialog(null)} onDone={done} />}
            {dialog?.kind === 'accept' && <AcceptanceModal a={a} onClose={() => setDialog(null)} onDone={done} />}
            {dialog?.kind === 'output' && <OutputModal a={a} onClose={() => setDialog(null)} onDone={done} />}
          </>
        )}
      </LoadState>
    </>
  );
}

function ReportModal({ a, m, onClose, onDone }: { a: AwardDetail; m: AwardMilestone; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const [form] = Form.useForm<{ textZh: string; progress: Record<string, number | null> }>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const progress = Object.entries(v.progress ?? {}).filter(([, x]) => typeof x === 'number').map(([indicatorId, value]) => ({ indicatorId, value: value as number }));
    await api.post(`/api/challenges/milestones/${m.id}/reports`, { textZh: v.textZh, progress });
    onDone();
  });
  return (
    <Modal open width={640} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden title={<Bi zh={`节点报告：${m.titleZh}`} en={`Report: ${m.titleZh}`} />}>
      <Form form={form} layout="vertical">
        <Form.Item name="textZh" label={<Bi zh="报告内容" en="Report" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '必填', en: 'Required' }) }]}><Input.TextArea rows={6} maxLength={20000} /></Form.Item>
        {a.indicators.map((i) => (
          <Form.Item key={i.id} name={['progress', i.id]} label={indicatorText(i)}><InputNumber style={{ width: 200 }} placeholder={bi(lang, { zh: '当前达到值', en: 'Reached so far' })} /></Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

function DecideReportModal({ r, onClose, onDone }: { r: MilestoneReport; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const [form] = Form.useForm<{ decision: 'passed' | 'rework'; reasonZh?: string }>();
  const decision = Form.useWatch('decision', form);
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/challenges/milestone-reports/${r.id}/decision`, { decision: v.decision, reasonZh: v.reasonZh?.trim() || null });
    onDone();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden title={<Bi zh="审核节点报告" en="Review the report" />}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.textZh}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ decision: 'passed' }}>
        <Form.Item name="decision"><Radio.Group options={[{ value: 'passed', label: bi(lang, { zh: '通过', en: 'Passed' }) }, { value: 'rework', label: bi(lang, { zh: '需整改', en: 'Rework' }) }]} /></Form.Item>
        <Form.Item name="reasonZh" label={<Bi zh="意见" en="Note" />} rules={[{ required: decision === 'rework', whitespace: true, message: bi(lang, { zh: '需整改须说明理由', en: 'Say why' }) }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
      </Form>
    </Modal>
  );
}

function AcceptanceModal({ a, onClose, onDone }: { a: AwardDetail; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const [form] = Form.useForm<{ heldOn: string; results: { indicatorId: string; achievedValue?: number; evidenceZh?: string }[]; exceptionZh?: string; noteZh?: string }>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/challenges/awards/${a.id}/acceptance`, { ...v, exceptionZh: v.exceptionZh?.trim() || null, noteZh: v.noteZh?.trim() || null });
    onDone();
  });
  return (
    <Modal open width={760} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden title={<Bi zh="验收：逐项填写实际达到值" en="Acceptance: each indicator's achieved value" />}>
      <Form form={form} layout="vertical" initialValues={{ heldOn: new Date().toISOString().slice(0, 10), results: a.indicators.map((i) => ({ indicatorId: i.id })) }}>
        <Form.Item name="heldOn" label={<Bi zh="验收日期" en="Held on" />} {...dateProps} rules={[{ required: true }]}><DatePicker /></Form.Item>
        <Form.List name="results">
          {(rows) => rows.map((row, k) => (
            <Row key={row.key} gutter={8}>
              <Col span={9}><div style={{ paddingTop: 6 }}>{indicatorText(a.indicators[k])}</div></Col>
              <Col span={5}><Form.Item name={[row.name, 'achievedValue']} rules={[{ required: true, message: bi(lang, { zh: '必填', en: 'Required' }) }]}><InputNumber style={{ width: '100%' }} placeholder={bi(lang, { zh: '实际值', en: 'Achieved' })} /></Form.Item></Col>
              <Col span={10}><Form.Item name={[row.name, 'evidenceZh']} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '佐证必填', en: 'Evidence' }) }]}><Input placeholder={bi(lang, { zh: '佐证（检测报告编号等）', en: 'Evidence (test report no.)' })} maxLength={2000} /></Form.Item></Col>
            </Row>
          ))}
        </Form.List>
        <Form.Item name="exceptionZh" label={<Bi zh="例外说明（未全部达标仍通过时）" en="Exception (passing with an indicator unmet)" />}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Form.Item name="noteZh" label={<Bi zh="验收意见" en="Note" />}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      </Form>
    </Modal>
  );
}

function OutputModal({ a, onClose, onDone }: { a: AwardDetail; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const [form] = Form.useForm<{ kind: string; titleZh: string; ref?: string; outputOn?: string }>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/challenges/awards/${a.id}/outputs`, { kind: v.kind, titleZh: v.titleZh, ref: v.ref?.trim() || null, outputOn: v.outputOn ?? null });
    onDone();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden title={<Bi zh="登记成果产出" en="Record an output" />}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'product' }}>
        <Form.Item name="kind" label={<Bi zh="类型" en="Kind" />}><Select options={Object.entries(OUTPUT_KINDS).map(([value, n]) => ({ value, label: bi(lang, n) }))} /></Form.Item>
        <Form.Item name="titleZh" label={<Bi zh="名称" en="Title" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '必填', en: 'Required' }) }]}><Input maxLength={300} /></Form.Item>
        <Form.Item name="ref" label={<Bi zh="编号或 DOI（专利、标准等关联知识产权登记）" en="Number or DOI (patents, standards link to the IP register)" />}><Input maxLength={200} /></Form.Item>
        <Form.Item name="outputOn" label={<Bi zh="日期" en="Date" />} {...dateProps}><DatePicker /></Form.Item>
      </Form>
    </Modal>
  );
}
