import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App as AntApp, Breadcrumb, Button, Card, Checkbox, Col, Descriptions, Form, Input, InputNumber, List, Popconfirm, Progress, Result, Row, Select, Space, Typography } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone, DeleteOutlined, PlusOutlined, RollbackOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, errorMessage, qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi, dateTime } from '../supervision/shared';
import { useChallengeRoles } from './access';
import type { ApplicationDetail, ApplicationRow, ChallengeDetail, Page } from './api';
import {
  applicationBody, applicationFormProblems, applicationFormValues, BUDGET_RULE, budgetStanding, emptyApplication, type ApplicationFormValues,
} from './ApplicationModel';
import { formFields } from './ChallengeModel';
import { FeedbackPanel } from './FeedbackPanel';
import { OrganisationPicker } from './OrganisationPicker';
import { ApplicationStatusTag, Countdown, wan } from './Tags';

const TRLS = Array.from({ length: 9 }, (_, i) => ({ value: i + 1, label: `TRL ${i + 1}` }));

/**
 * 揭榜申请: a new application (`/challenges/:id/apply`) or one already made
 * (`/challenges/applications/:id`). The lead's users fill the consortium (members with the limit
 * shown, the user-enterprise flag), the team, the plan, budget lines (their sum is the budget,
 * shown against the budget rule), milestones within the duration and the TRLs; the form checks
 * the server's rules before sending and shows the server's 409 and 422. Save a draft, submit,
 * withdraw. Members, organisers and overseers read it; the formal check's checklist and, once
 * decided, the feedback show below.
 */
export default function ApplicationPage() {
  const { id, challengeId } = useParams<{ id?: string; challengeId?: string }>();
  const lang = useLang();
  const app = useApi<ApplicationDetail>(id ? `/api/challenges/applications/${id}` : null);
  const cid = challengeId ?? app.data?.challengeId;
  const challenge = useApi<ChallengeDetail>(cid ? `/api/challenges/${cid}` : null);

  if (app.error instanceof ApiError && [400, 404].includes(app.error.status)) {
    return <Result status="404" title={bi(lang, { zh: '申请不存在或无权查看', en: 'Application not found' })} subTitle={app.error.message}
      extra={<Link to="/challenges/applications"><Button type="primary"><Bi zh="我的申请" en="My applications" /></Button></Link>} />;
  }
  const c = challenge.data;
  const a = app.data;
  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[
        { title: <Link to="/challenges"><Bi zh="揭榜挂帅" en="Challenges" /></Link> },
        { title: c ? <Link to={`/challenges/${c.id}`}>{c.code}</Link> : '…' },
        { title: a ? a.code : <Bi zh="申报" en="Apply" /> },
      ]} />
      <LoadState loading={(!!id && app.loading && !a) || (challenge.loading && !c)} error={app.error ?? challenge.error} reload={() => { app.reload(); challenge.reload(); }} rows={12}>
        {c && (!id || a) && <ApplicationEditor c={c} a={a ?? null} reload={app.reload} />}
      </LoadState>
    </>
  );
}

function ApplicationEditor({ c, a, reload }: { c: ChallengeDetail; a: ApplicationDetail | null; reload: () => void }) {
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const { user } = useChallengeRoles();
  const [form] = Form.useForm<ApplicationFormValues>();
  const intent = useRef<'save' | 'submit'>('save');
  const editable = a ? a.may.edit : c.status === 'open';
  const leadName = a?.leadNameZh ?? user?.organisationNameZh ?? '—';
  const leadKind = a?.leadKind ?? null;
  const mine = useApi<Page<ApplicationRow>>(!a ? `/api/challenges/applications/mine${qs({ challengeId: c.id })}` : null);
  const existing = mine.data?.items.find((x) => x.party === 'lead');
  const values = Form.useWatch([], form) as ApplicationFormValues | undefined;
  const budget = budgetStanding(values ?? {}, c);
  const members = (values?.members ?? []).filter((m) => m?.organisationId);
  const [busy, setBusy] = useState(false);

  const initial = useMemo(() => (a ? applicationFormValues(a) : emptyApplication()), [a]);
  useEffect(() => form.setFieldsValue(initial), [initial, form]);

  const { submit, saving } = useFormSubmit(form, async () => {
    const v = form.getFieldsValue(true) as ApplicationFormValues;
    const submitting = intent.current === 'submit';
    const problems = applicationFormProblems(v, c, { leadKind, submitting });
    if (problems.length) {
      form.setFields(formFields(problems) as never);
      message.error(problems[0].message);
      return;
    }
    const body = applicationBody(v);
    const saved = a
      ? await api.patch<ApplicationDetail>(`/api/challenges/applications/${a.id}`, body)
      : await api.post<ApplicationDetail>(`/api/challenges/${c.id}/applications`, body);
    if (submitting) await api.post(`/api/challenges/applications/${saved.id}/submit`);
    message.success(bi(lang, submitting ? { zh: `已提交 ${saved.code}`, en: `Submitted ${saved.code}` } : { zh: `草稿已保存 ${saved.code}`, en: `Draft saved ${saved.code}` }));
    if (a) reload();
    else navigate(`/challenges/applications/${saved.id}`, { replace: true });
  });
  const send = (how: 'save' | 'submit') => { intent.current = how; void submit(); };

  const withdraw = async () => {
    setBusy(true);
    try {
      await api.post(`/api/challenges/applications/${a!.id}/withdraw`, { reasonZh: null });
      message.success(bi(lang, { zh: '已撤回', en: 'Withdrawn' }));
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={a ? { zh: a.titleZh, en: a.titleZh } : { zh: `揭榜申报：${c.titleZh}`, en: `Apply: ${c.titleEn || c.titleZh}` }}
        tags={a && <Space><span className="mono" data-testid="application-code">{a.code}</span><ApplicationStatusTag status={a.status} testId="application-status" /></Space>}
        description={<Space wrap><span>{c.code} {c.titleZh}</span><Countdown deadline={c.deadline} /></Space>}
        extra={a?.may.withdraw && (
          <Popconfirm title={bi(lang, { zh: '撤回后本单位不能再次申报此榜单，确认？', en: 'Withdrawn, it still counts as your one application. Withdraw?' })} onConfirm={withdraw}>
            <Button danger icon={<RollbackOutlined />} loading={busy} data-testid="application-withdraw"><Bi zh="撤回" en="Withdraw" /></Button>
          </Popconfirm>
        )} />

      {!a && existing && (
        <Alert type="warning" showIcon className="panel-alert" data-testid="application-existing"
          title={bi(lang, { zh: `本单位已牵头申报此榜单（${existing.code}），每个牵头单位限报一份`, en: `Your organisation already leads ${existing.code} on this challenge; one per lead` })}
          action={<Link to={`/challenges/applications/${existing.id}`}><Button size="small"><Bi zh="打开" en="Open" /></Button></Link>} />
      )}
      {a?.formalNoteZh && <Alert type={a.status === 'ineligible' ? 'error' : 'info'} showIcon className="panel-alert" title={<Bi zh="形式审查意见" en="Formal check" />} description={a.formalNoteZh} />}

      <Form form={form} layout="vertical" disabled={!editable} className="cq-form" initialValues={initial}>
        <Card className="panel" title={<Bi zh="项目" en="Project" />}>
          <Form.Item name="titleZh" label={<Bi zh="申请名称" en="Title" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '申请名称必填', en: 'The title is required' }) }]}>
            <Input maxLength={200} data-testid="application-title" />
          </Form.Item>
          <Form.Item name="planZh" label={<Bi zh="实施方案（技术路线、进度安排）" en="Plan (approach, schedule)" />}><Input.TextArea rows={6} maxLength={20000} data-testid="application-plan" /></Form.Item>
          <Row gutter={16}>
            <Col xs={12} md={6}><Form.Item name="currentTrl" label={<Bi zh="当前技术成熟度" en="Current TRL" />}><Select allowClear options={TRLS} data-testid="application-current-trl" /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item name="targetTrl" label={<Bi zh="目标技术成熟度" en="Target TRL" />}><Select allowClear options={TRLS} data-testid="application-target-trl" /></Form.Item></Col>
          </Row>
        </Card>

        <Card className="panel section" title={<Bi zh="联合体" en="Consortium" />}
          extra={<Typography.Text type={members.length > c.maxMembers ? 'danger' : 'secondary'} data-testid="application-member-limit">{bi(lang, { zh: `成员单位 ${members.length} / ${c.maxMembers} 家（不含牵头单位）`, en: `${members.length} of ${c.maxMembers} members besides the lead` })}</Typography.Text>}>
          <Descriptions size="small" column={1} items={[{ key: 'lead', label: <Bi zh="牵头单位" en="Lead" />, children: leadName }]} />
          <Form.Item name="leadUserEnterprise" valuePropName="checked"><Checkbox data-testid="application-lead-user"><Bi zh="牵头单位为应用企业" en="The lead is the user enterprise" /></Checkbox></Form.Item>
          {c.requiresUserEnterprise && <Alert type="info" showIcon className="panel-alert" title={bi(lang, { zh: '本榜单要求联合体中有应用企业', en: 'This challenge requires a user enterprise in the consortium' })} />}
          <Form.List name="members">
            {(rows, { add, remove }, { errors }) => (
              <>
                {rows.map((row) => (
                  <Row key={row.key} gutter={8}>
                    <Col xs={24} md={10}>
                      <Form.Item name={[row.name, 'organisationId']} rules={[{ required: true, message: bi(lang, { zh: '请选择机构', en: 'Pick the organisation' }) }]}>
                        <OrganisationPicker initialLabel={form.getFieldValue(['members', row.name, 'nameZh'])} testId={`member-org-${row.name}`}
                          onPicked={(o) => form.setFieldValue(['members', row.name], { ...form.getFieldValue(['members', row.name]), nameZh: o?.nameZh, kind: o?.kind })} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={8}><Form.Item name={[row.name, 'roleZh']}><Input placeholder={bi(lang, { zh: '分工', en: 'Role' })} maxLength={200} /></Form.Item></Col>
                    <Col xs={10} md={5}><Form.Item name={[row.name, 'userEnterprise']} valuePropName="checked"><Checkbox><Bi zh="应用企业" en="User enterprise" /></Checkbox></Form.Item></Col>
                    <Col xs={2} md={1}><Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label="remove" /></Col>
                  </Row>
                ))}
                <Form.ErrorList errors={errors} />
                <Button icon={<PlusOutlined />} onClick={() => add({ userEnterprise: false })} disabled={!editable || rows.length >= c.maxMembers} data-testid="application-add-member">
                  <Bi zh="添加成员单位" en="Add a member" />
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card className="panel section" title={<Bi zh="团队成员" en="Team" />}>
          <Form.List name="people">
            {(rows, { add, remove }, { errors }) => (
              <>
                {rows.map((row) => (
                  <Row key={row.key} gutter={8}>
                    <Col xs={12} md={6}><Form.Item name={[row.name, 'nameZh']}><Input placeholder={bi(lang, { zh: '姓名', en: 'Name' })} maxLength={60} data-testid={`person-name-${row.name}`} /></Form.Item></Col>
                    <Col xs={12} md={10}>
                      <Form.Item name={[row.name, 'organisationId']}>
                        <Select allowClear placeholder={bi(lang, { zh: '所在单位', en: 'Organisation' })} options={[
                          ...(a?.leadOrganisationId ?? user?.organisationId ? [{ value: (a?.leadOrganisationId ?? user?.organisationId)!, label: leadName }] : []),
                          ...members.map((m) => ({ value: m.organisationId!, label: m.nameZh ?? m.organisationId! })),
                        ]} />
                      </Form.Item>
                    </Col>
                    <Col xs={22} md={7}><Form.Item name={[row.name, 'roleZh']}><Input placeholder={bi(lang, { zh: '角色，如 项目负责人', en: 'Role, e.g. leader' })} maxLength={60} /></Form.Item></Col>
                    <Col xs={2} md={1}><Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label="remove" /></Col>
                  </Row>
                ))}
                <Form.ErrorList errors={errors} />
                <Button icon={<PlusOutlined />} onClick={() => add({})}><Bi zh="添加成员" en="Add a person" /></Button>
              </>
            )}
          </Form.List>
        </Card>

        <Row gutter={16} className="section">
          <Col xs={24} xl={12}>
            <Card className="panel" title={<Bi zh="经费预算" en="Budget" />}>
              <Form.Item name="budgetWan" label={<Bi zh="申请经费 = 各科目之和" en="Budget = the sum of the lines" />}>
                <div data-testid="application-budget">
                  <Typography.Text strong type={budget.over ? 'danger' : undefined}>{wan(budget.sum)}</Typography.Text>
                  <Typography.Text type="secondary">{bi(lang, { zh: ` / 上限 ${budget.cap} 万元`, en: ` of the cap ${budget.cap}` })}</Typography.Text>
                  <Progress percent={budget.share} size="small" status={budget.over ? 'exception' : 'normal'} showInfo={false} />
                </div>
              </Form.Item>
              <Typography.Paragraph type="secondary" className="cell-sub">{lang === 'zh' ? BUDGET_RULE.zh : BUDGET_RULE.en}</Typography.Paragraph>
              <Form.List name="budgetLines">
                {(rows, { add, remove }, { errors }) => (
                  <>
                    {rows.map((row) => (
                      <Row key={row.key} gutter={8}>
                        <Col span={13}><Form.Item name={[row.name, 'itemZh']}><Input placeholder={bi(lang, { zh: '科目，如 设备费', en: 'Line, e.g. equipment' })} maxLength={100} data-testid={`budget-item-${row.name}`} /></Form.Item></Col>
                        <Col span={9}><Form.Item name={[row.name, 'amountWan']}><InputNumber min={0} style={{ width: '100%' }} placeholder={bi(lang, { zh: '万元', en: '10k yuan' })} data-testid={`budget-amount-${row.name}`} /></Form.Item></Col>
                        <Col span={2}><Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label="remove" /></Col>
                      </Row>
                    ))}
                    <Form.ErrorList errors={errors} />
                    <Button icon={<PlusOutlined />} onClick={() => add({})}><Bi zh="添加科目" en="Add a line" /></Button>
                  </>
                )}
              </Form.List>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card className="panel" title={<Bi zh="里程碑" en="Milestones" />} extra={<span className="cell-sub">{bi(lang, { zh: `实施期 ${c.durationMonths} 个月`, en: `${c.durationMonths}-month duration` })}</span>}>
              <Form.List name="milestones">
                {(rows, { add, remove }, { errors }) => (
                  <>
                    {rows.map((row) => (
                      <Row key={row.key} gutter={8}>
                        <Col span={5}><Form.Item name={[row.name, 'month']}><InputNumber min={1} max={c.durationMonths} precision={0} style={{ width: '100%' }} placeholder={bi(lang, { zh: '第几月', en: 'Month' })} data-testid={`milestone-month-${row.name}`} /></Form.Item></Col>
                        <Col span={8}><Form.Item name={[row.name, 'titleZh']}><Input placeholder={bi(lang, { zh: '里程碑', en: 'Milestone' })} maxLength={200} data-testid={`milestone-title-${row.name}`} /></Form.Item></Col>
                        <Col span={9}><Form.Item name={[row.name, 'deliverableZh']}><Input placeholder={bi(lang, { zh: '交付物', en: 'Deliverable' })} maxLength={2000} /></Form.Item></Col>
                        <Col span={2}><Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label="remove" /></Col>
                      </Row>
                    ))}
                    <Form.ErrorList errors={errors} />
                    <Button icon={<PlusOutlined />} onClick={() => add({})}><Bi zh="添加里程碑" en="Add a milestone" /></Button>
                  </>
                )}
              </Form.List>
            </Card>
          </Col>
        </Row>
      </Form>

      {editable && (
        <Space className="section">
          <Button icon={<SaveOutlined />} loading={saving && intent.current === 'save'} onClick={() => send('save')} data-testid="application-save"><Bi zh="保存草稿" en="Save draft" /></Button>
          <Button type="primary" icon={<SendOutlined />} loading={saving && intent.current === 'submit'} onClick={() => send('submit')} data-testid="application-submit"><Bi zh="提交申报" en="Submit" /></Button>
        </Space>
      )}

      {a && (
        <Card className="panel section" title={<Bi zh="形式审查清单" en="Formal checklist" />} extra={a.formalCheckedAt && <span className="cell-sub">{dateTime(a.formalCheckedAt)}</span>}>
          <List size="small" dataSource={a.formalChecklist ?? a.checklist} renderItem={(x) => (
            <List.Item><Space align="start">{x.ok ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />}<div><strong>{lang === 'zh' ? x.zh : x.en}</strong><div className="cell-sub">{x.detailZh}</div></div></Space></List.Item>
          )} />
        </Card>
      )}
      {a && ['awarded', 'unsuccessful'].includes(a.status) && <Card className="panel section" title={<Bi zh="评审意见反馈" en="Review feedback" />}><FeedbackPanel applicationId={a.id} /></Card>}
    </>
  );
}
