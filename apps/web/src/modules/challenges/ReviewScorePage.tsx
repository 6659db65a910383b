import { useEffect, useRef, useState } from 'react';
import { Alert, App as AntApp, Breadcrumb, Button, Card, Col, Descriptions, Form, Input, InputNumber, Modal, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { SaveOutlined, SendOutlined, StopOutlined, WarningOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi } from '../supervision/shared';
import type { DeskDetail } from './api';
import { formFields, indicatorText } from './ChallengeModel';
import { ASSIGNMENT_STATUSES } from './labels';
import { aggregateRule, isWideSpread, partyName, scoredCount, scoreFormProblems, scoresBody, weightedTotal, type ScoreValues } from './ReviewModel';
import { NameTag, wan } from './Tags';

interface ScoreForm { scores: ScoreValues; criterionComments: Record<string, string>; commentZh?: string }

/**
 * One review: the challenge's goals and indicators, the application as the reviewer may read it
 * (blind: 申报单位 A, 成员 1 …), the rubric to score with the weighted total as one types, comments
 * per criterion and overall; save, submit (then locked), decline or declare a conflict. After
 * submitting, the panel's spread (other totals without names, the aggregate).
 */
export default function ReviewScorePage() {
  const { id } = useParams<{ id: string }>();
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const r = useApi<DeskDetail>(`/api/challenges/reviews/${id}`);
  const d = r.data;
  const [form] = Form.useForm<ScoreForm>();
  const final = useRef(false);
  const [dialog, setDialog] = useState<'decline' | 'conflict' | null>(null);
  const scores = (Form.useWatch('scores', form) ?? {}) as ScoreValues;
  const locked = !d || d.status !== 'assigned' || d.challenge.status !== 'review';

  useEffect(() => {
    if (d) form.setFieldsValue({ scores: d.scores ?? {}, criterionComments: d.criterionComments ?? {}, commentZh: d.commentZh ?? '' });
  }, [d, form]);

  const { submit, saving } = useFormSubmit(form, async () => {
    const v = form.getFieldsValue(true) as ScoreForm;
    const problems = scoreFormProblems(d!.rubric, v.scores ?? {}, v.commentZh, final.current);
    if (problems.length) {
      form.setFields(formFields(problems) as never);
      message.error(problems[0].message);
      return;
    }
    const body = { scores: scoresBody(d!.rubric, v.scores ?? {}), criterionComments: Object.fromEntries(Object.entries(v.criterionComments ?? {}).filter(([, x]) => x?.trim())), commentZh: v.commentZh?.trim() || null };
    if (final.current) await api.post(`/api/challenges/reviews/${id}/submit`, body);
    else await api.put(`/api/challenges/reviews/${id}/scores`, body);
    message.success(bi(lang, final.current ? { zh: '评分已提交', en: 'Scores submitted' } : { zh: '草稿已保存', en: 'Draft saved' }));
    r.reload();
  });
  const send = (isFinal: boolean) => { final.current = isFinal; void submit(); };

  const a = d?.application;
  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[{ title: <Link to="/challenges/review"><Bi zh="评审工作台" en="Review desk" /></Link> }, { title: a?.code ?? '…' }]} />
      <LoadState loading={r.loading && !d} error={r.error} reload={r.reload} rows={12}>
        {d && a && (
          <>
            <PageHeader title={{ zh: a.titleZh ?? a.code, en: a.titleZh ?? a.code }}
              tags={<Space><span className="mono">{a.code}</span><NameTag names={ASSIGNMENT_STATUSES} code={d.status} testId="review-status" />{a.blind && <Tag color="purple" data-testid="review-blind">{bi(lang, { zh: '双盲评审', en: 'Blind review' })}</Tag>}</Space>}
              description={`${d.challenge.code} ${d.challenge.titleZh}`}
              extra={!locked && (
                <Space>
                  <Button icon={<StopOutlined />} onClick={() => setDialog('decline')} data-testid="review-decline"><Bi zh="谢绝评审" en="Decline" /></Button>
                  <Button danger icon={<WarningOutlined />} onClick={() => setDialog('conflict')} data-testid="review-conflict"><Bi zh="声明利益冲突" en="Declare a conflict" /></Button>
                </Space>
              )} />
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <Card className="panel" title={<Bi zh="申报内容" en="The application" />} data-testid="review-application">
                  <Descriptions size="small" column={1} items={[
                    { key: 'lead', label: <Bi zh="牵头单位" en="Lead" />, children: <span data-testid="review-lead">{partyName(a.lead, lang)}</span> },
                    { key: 'members', label: <Bi zh="成员单位" en="Members" />, children: a.members.map((m) => `${partyName(m, lang)}${m.userEnterprise ? bi(lang, { zh: '（应用企业）', en: ' (user enterprise)' }) : ''}${m.roleZh ? ` · ${m.roleZh}` : ''}`).join('；') || '—' },
                    { key: 'people', label: <Bi zh="团队" en="Team" />, children: a.people.map((p) => `${partyName(p, lang)}（${p.organisation ? (lang === 'zh' ? p.organisation.zh : p.organisation.en) : p.organisationNameZh ?? '—'}${p.roleZh ? ` · ${p.roleZh}` : ''}）`).join('；') || '—' },
                    { key: 'budget', label: <Bi zh="申请经费" en="Budget" />, children: wan(a.budgetWan) },
                    { key: 'trl', label: <Bi zh="技术成熟度" en="TRL" />, children: `${a.currentTrl ?? '—'} → ${a.targetTrl ?? '—'}` },
                  ]} />
                  <Typography.Title level={5}><Bi zh="实施方案" en="Plan" /></Typography.Title>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.planZh || '—'}</Typography.Paragraph>
                  <Table size="small" rowKey="position" pagination={false} dataSource={a.milestones} columns={[
                    { title: <Bi zh="月" en="Month" />, dataIndex: 'month', width: 60 },
                    { title: <Bi zh="里程碑" en="Milestone" />, dataIndex: 'titleZh' },
                    { title: <Bi zh="交付物" en="Deliverable" />, dataIndex: 'deliverableZh', render: (x) => x || '—' },
                  ]} />
                  <Table size="small" rowKey="position" pagination={false} dataSource={a.budgetLines} style={{ marginTop: 12 }} columns={[
                    { title: <Bi zh="预算科目" en="Budget line" />, dataIndex: 'itemZh' },
                    { title: <Bi zh="金额" en="Amount" />, dataIndex: 'amountWan', width: 120, render: wan },
                  ]} />
                </Card>
                <Card className="panel section" title={<Bi zh="榜单目标与验收指标" en="Goals and indicators" />}>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.challenge.summaryZh || '—'}</Typography.Paragraph>
                  <ul>{d.challenge.indicators.map((i, k) => <li key={k}>{indicatorText(i)}</li>)}</ul>
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card className="panel" title={<Bi zh="评分" en="Scores" />}>
                  <Statistic className="cq-total" title={bi(lang, { zh: `加权总分（已评 ${scoredCount(d.rubric, scores)}/${d.rubric.length}）`, en: `Weighted total (${scoredCount(d.rubric, scores)}/${d.rubric.length} scored)` })}
                    value={locked && d.total !== null ? d.total : weightedTotal(d.rubric, scores)} precision={2} data-testid="review-total" />
                  <Form form={form} layout="vertical" disabled={locked}>
                    {d.rubric.map((c) => (
                      <Row key={c.key} gutter={8} align="top">
                        <Col span={10}>
                          <Form.Item name={['scores', c.key]} label={<span>{lang === 'zh' ? c.nameZh : c.nameEn}<span className="cell-sub">{bi(lang, { zh: ` 权重 ${c.weight}，满分 ${c.max}`, en: ` weight ${c.weight}, max ${c.max}` })}</span></span>}>
                            <InputNumber min={0} max={c.max} step={0.5} style={{ width: '100%' }} data-testid={`score-${c.key}`} />
                          </Form.Item>
                        </Col>
                        <Col span={14}><Form.Item name={['criterionComments', c.key]} label=" "><Input placeholder={bi(lang, { zh: '该项意见（可选）', en: 'Comment on it (optional)' })} maxLength={2000} /></Form.Item></Col>
                      </Row>
                    ))}
                    <Form.Item name="commentZh" label={<Bi zh="评审意见（提交必填，将匿名反馈给申报单位）" en="Comment (required to submit; sent to the applicant without your name)" />}>
                      <Input.TextArea rows={4} maxLength={4000} data-testid="review-comment" />
                    </Form.Item>
                  </Form>
                  {!locked && (
                    <Space>
                      <Button icon={<SaveOutlined />} loading={saving && !final.current} onClick={() => send(false)} data-testid="review-save"><Bi zh="保存草稿" en="Save draft" /></Button>
                      <Button type="primary" icon={<SendOutlined />} loading={saving && final.current} onClick={() => send(true)} data-testid="review-submit"><Bi zh="提交评分" en="Submit" /></Button>
                    </Space>
                  )}
                  {d.status === 'submitted' && <Alert type="success" showIcon className="panel-alert" title={bi(lang, { zh: '评分已提交并锁定', en: 'Submitted and locked' })} />}
                </Card>
                {d.panel && (
                  <Card className="panel section" title={<Bi zh="评分分布（不含姓名）" en="The panel's spread (no names)" />} data-testid="review-panel">
                    <Descriptions size="small" column={2} items={[
                      { key: 'others', label: <Bi zh="其他专家总分" en="Other totals" />, children: d.panel.others.length ? d.panel.others.join('、') : bi(lang, { zh: '尚无其他专家提交', en: 'No other reviewer has submitted' }) },
                      { key: 'score', label: <Bi zh="当前得分" en="Score so far" />, children: d.panel.score ?? '—' },
                      { key: 'rule', label: <Bi zh="规则" en="Rule" />, children: bi(lang, aggregateRule(d.panel)) },
                      { key: 'spread', label: <Bi zh="极差" en="Spread" />, children: d.panel.spread === null ? '—' : <Tag color={isWideSpread(d.panel.spread) ? 'red' : 'default'} data-testid="review-spread">{`${d.panel.min}–${d.panel.max}（${d.panel.spread}）`}</Tag> },
                    ]} />
                  </Card>
                )}
              </Col>
            </Row>
            {dialog && <EndModal id={id!} kind={dialog} onClose={() => setDialog(null)} onDone={() => { setDialog(null); navigate('/challenges/review'); }} />}
          </>
        )}
      </LoadState>
    </>
  );
}

function EndModal({ id, kind, onClose, onDone }: { id: string; kind: 'decline' | 'conflict'; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const field = kind === 'decline' ? 'reasonZh' : 'noteZh';
  const [form] = Form.useForm<Record<string, string>>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/challenges/reviews/${id}/${kind === 'decline' ? 'decline' : 'conflict'}`, { [field]: v[field] });
    onDone();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden
      title={kind === 'decline' ? <Bi zh="谢绝评审" en="Decline the review" /> : <Bi zh="声明利益冲突并回避" en="Declare a conflict of interest" />}>
      {kind === 'conflict' && <Typography.Paragraph type="secondary">{bi(lang, { zh: '声明将记入您的专家档案（与该申报牵头单位回避），以后的评审也不再分配。', en: 'The conflict is recorded on your expert record against the lead organisation; later reviews avoid it too.' })}</Typography.Paragraph>}
      <Form form={form} layout="vertical">
        <Form.Item name={field} label={kind === 'decline' ? <Bi zh="理由" en="Reason" /> : <Bi zh="冲突情况" en="The conflict" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '须说明', en: 'Required' }) }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
