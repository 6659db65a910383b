import { useEffect, useRef, useState } from 'react';
import { App as AntApp, Breadcrumb, Button, Card, Checkbox, Col, DatePicker, Divider, Form, Input, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { DOMAIN_NAMES } from '../plan/format';
import { bi } from '../supervision/shared';
import { useDebounced } from '../supervision/WorkShared';
import { NEED_FIELDS } from './catalog/labels';
import type { ChallengeDetail, Page } from './api';
import {
  challengeBody, challengeFormProblems, challengeFormValues, formFields, newChallengeValues, rubricWeightSum, valuesFromNeed, type ChallengeFormValues, type NeedSeed,
} from './ChallengeModel';
import { COMPARATOR_NAMES, COMPARATORS, MODES } from './labels';

/** The deadline is kept as an ISO instant in the form; the picker works in dayjs. */
const instantProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null) => (d ? d.toISOString() : null),
};

/**
 * 发布榜单 / 修改榜单 (organisers): every field the server takes, from a catalog need (its title,
 * field, goals, indicators, mode and funding fill the form) or from scratch; the measurable
 * indicators and the rubric as lists (weights shown against 100); parallel funding asks for two
 * teams or more. The form checks the server's rules before sending and shows the server's 422 on
 * its fields. Save the draft, or save and publish.
 */
export default function ChallengeFormPage() {
  const { id } = useParams<{ id: string }>();
  const [params] = useSearchParams();
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ChallengeFormValues>();
  const existing = useApi<ChallengeDetail>(id ? `/api/challenges/${id}` : null);
  const [needTyped, setNeedTyped] = useState('');
  const needQ = useDebounced(needTyped.trim(), 300);
  const needs = useApi<Page<NeedSeed & { code: string }>>(!id ? `/api/challenges/needs/all${qs({ status: 'accepted', q: needQ || undefined, limit: 30 })}` : null);
  const intent = useRef<'save' | 'publish'>('save');
  const mode = Form.useWatch('mode', form);
  const rubric = Form.useWatch('rubric', form);
  const weightSum = rubricWeightSum(rubric);

  useEffect(() => {
    if (existing.data) form.setFieldsValue(challengeFormValues(existing.data));
  }, [existing.data, form]);

  const useNeed = async (needId: string | undefined) => {
    if (!needId) { form.setFieldValue('needId', null); return; }
    const n = await api.get<NeedSeed>(`/api/challenges/needs/${needId}`);
    form.setFieldsValue(valuesFromNeed(n, NEED_FIELDS));
  };
  useEffect(() => {
    const needId = params.get('needId');
    if (!id && needId) void useNeed(needId);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const { submit, saving } = useFormSubmit(form, async (v) => {
    const publishing = intent.current === 'publish';
    const all = { ...form.getFieldsValue(true), ...v } as ChallengeFormValues;
    const problems = challengeFormProblems(all, { now: new Date(), publishing });
    if (problems.length) {
      form.setFields(formFields(problems) as never);
      message.error(problems[0].message);
      return;
    }
    const body = challengeBody(all);
    const saved = id
      ? await api.patch<ChallengeDetail>(`/api/challenges/${id}`, body)
      : await api.post<ChallengeDetail>('/api/challenges', body);
    if (publishing) await api.post(`/api/challenges/${saved.id}/publish`);
    message.success(bi(lang, publishing ? { zh: '已发布', en: 'Published' } : { zh: '草稿已保存', en: 'Draft saved' }));
    navigate(`/challenges/${saved.id}`);
  });
  const send = (how: 'save' | 'publish') => { intent.current = how; void submit(); };

  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[
        { title: <Link to="/challenges"><Bi zh="揭榜挂帅" en="Challenges" /></Link> },
        { title: id ? existing.data?.code ?? '…' : <Bi zh="发布榜单" en="New challenge" /> },
      ]} />
      <PageHeader title={id ? { zh: '修改榜单', en: 'Edit the challenge' } : { zh: '发布榜单', en: 'New challenge' }}
        description={bi(lang, { zh: '从已入库的技术需求发榜，或直接填写。发布时截止时间须在将来；发布后不能修改，只能延长截止时间或取消。', en: 'Post from an accepted catalog need or from scratch. Publishing needs a deadline ahead; a published challenge is not edited, only extended or cancelled.' })} />
      <LoadState loading={!!id && existing.loading && !existing.data} error={existing.error} reload={existing.reload}>
        <Form form={form} layout="vertical" initialValues={newChallengeValues()} className="cq-form" scrollToFirstError>
          <Card className="panel" title={<Bi zh="榜单" en="The challenge" />}>
            {!id && (
              <Form.Item name="needId" label={<Bi zh="来源技术需求（可选）" en="From a catalog need (optional)" />} extra={bi(lang, { zh: '选择后以需求的名称、领域、目标、指标、方式和经费填入表单', en: 'Picking one fills the form with the need\'s title, field, goals, indicators, mode and funding' })}>
                <Select allowClear showSearch={{ filterOption: false, onSearch: setNeedTyped }} loading={needs.loading} onChange={(v) => useNeed(v)} data-testid="challenge-form-need"
                  placeholder={bi(lang, { zh: '输入名称查找已入库需求', en: 'Type to find an accepted need' })}
                  options={(needs.data?.items ?? []).map((n) => ({ value: n.id, label: `${n.code} ${n.titleZh}` }))} />
              </Form.Item>
            )}
            <Row gutter={16}>
              <Col xs={24} md={12}><Form.Item name="titleZh" label={<Bi zh="榜单名称" en="Title (Chinese)" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '榜单名称必填', en: 'The title is required' }) }]}><Input maxLength={200} data-testid="challenge-form-title" /></Form.Item></Col>
              <Col xs={24} md={12}><Form.Item name="titleEn" label={<Bi zh="英文名称" en="Title (English)" />}><Input maxLength={300} /></Form.Item></Col>
            </Row>
            <Form.Item name="summaryZh" label={<Bi zh="揭榜目标" en="Goals" />}><Input.TextArea rows={4} maxLength={4000} /></Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="fields" label={<Bi zh="领域关键词（专家按其匹配）" en="Field keywords (reviewers are matched on them)" />} rules={[{ required: true, type: 'array', min: 1, message: bi(lang, { zh: '至少一个关键词', en: 'At least one keyword' }) }]}>
                  <Select mode="tags" tokenSeparators={[',', '，', '、']} data-testid="challenge-form-fields" options={Object.values(NEED_FIELDS).filter((f) => f.zh !== '其他').map((f) => ({ value: f.zh, label: f.zh }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="domain" label={<Bi zh="产业领域" en="Domain" />}>
                  <Select allowClear options={Object.entries(DOMAIN_NAMES).map(([value, n]) => ({ value, label: lang === 'zh' ? n.zh : n.en }))} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="eligibilityZh" label={<Bi zh="申报条件" en="Eligibility" />}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
          </Card>

          <Card className="panel section" title={<Bi zh="方式、经费与期限" en="Mode, funding and dates" />}>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="mode" label={<Bi zh="方式" en="Mode" />}>
                  <Radio.Group optionType="button" data-testid="challenge-form-mode" onChange={(e) => form.setFieldValue('maxTeams', e.target.value === 'parallel' ? Math.max(2, form.getFieldValue('maxTeams') ?? 2) : 1)}
                    options={Object.entries(MODES).map(([value, n]) => ({ value, label: lang === 'zh' ? n.zh : n.en }))} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name="maxTeams" label={<Bi zh="资助团队数" en="Teams" />} dependencies={['mode']}
                  rules={[({ getFieldValue }) => ({ validator: (_, v) => (getFieldValue('mode') !== 'parallel' || (Number.isInteger(v) && v >= 2) ? Promise.resolve() : Promise.reject(new Error(bi(lang, { zh: '并行资助至少两个团队', en: 'Parallel funding: two teams or more' })))) })]}>
                  <InputNumber min={1} max={20} precision={0} disabled={mode !== 'parallel'} style={{ width: '100%' }} data-testid="challenge-form-teams" />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}><Form.Item name="fundingWan" label={<Bi zh="支持经费（万元）" en="Funding (10k yuan)" />} rules={[{ required: true, message: bi(lang, { zh: '必填', en: 'Required' }) }]}><InputNumber min={0} style={{ width: '100%' }} data-testid="challenge-form-funding" /></Form.Item></Col>
              <Col xs={12} md={6}><Form.Item name="durationMonths" label={<Bi zh="实施期（月）" en="Duration (months)" />} rules={[{ required: true, message: bi(lang, { zh: '必填', en: 'Required' }) }]}><InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
            </Row>
            <Row gutter={16}>
              <Col xs={24} md={8}><Form.Item name="deadline" label={<Bi zh="申报截止时间" en="Deadline" />} {...instantProps} rules={[{ required: true, message: bi(lang, { zh: '必填', en: 'Required' }) }]}><DatePicker showTime style={{ width: '100%' }} data-testid="challenge-form-deadline" /></Form.Item></Col>
              <Col xs={12} md={4}><Form.Item name="maxMembers" label={<Bi zh="成员单位上限" en="Most members" />}><InputNumber min={0} max={20} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
              <Col xs={12} md={4}><Form.Item name="reviewersPerApplication" label={<Bi zh="每份评审专家数" en="Reviewers each" />}><InputNumber min={1} max={15} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
              <Col xs={12} md={4}><Form.Item name="noticeDays" label={<Bi zh="公示天数" en="Notice days" />}><InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
              <Col xs={12} md={4}>
                <Form.Item name="requiresUserEnterprise" valuePropName="checked" label=" "><Checkbox><Bi zh="须有应用企业" en="User enterprise required" /></Checkbox></Form.Item>
                <Form.Item name="blind" valuePropName="checked" style={{ marginTop: -16 }}><Checkbox><Bi zh="双盲评审" en="Blind review" /></Checkbox></Form.Item>
              </Col>
            </Row>
          </Card>

          <Card className="panel section" title={<Bi zh="验收指标（至少一项，可量化）" en="Acceptance indicators (at least one, measurable)" />}>
            <Form.List name="indicators">
              {(rows, { add, remove }, { errors }) => (
                <>
                  {rows.map((row) => (
                    <Row key={row.key} gutter={8} align="top">
                      <Col xs={24} md={7}><Form.Item name={[row.name, 'nameZh']} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '指标名称必填', en: 'Name it' }) }]}><Input placeholder={bi(lang, { zh: '指标，如 产率', en: 'Indicator, e.g. titre' })} data-testid={`indicator-name-${row.name}`} /></Form.Item></Col>
                      <Col xs={8} md={3}><Form.Item name={[row.name, 'comparator']}><Select options={COMPARATORS.map((x) => ({ value: x, label: `${x} ${lang === 'zh' ? COMPARATOR_NAMES[x].zh : COMPARATOR_NAMES[x].en}` }))} /></Form.Item></Col>
                      <Col xs={8} md={3}><Form.Item name={[row.name, 'targetValue']} rules={[{ required: true, message: bi(lang, { zh: '目标值', en: 'Target' }) }]}><InputNumber style={{ width: '100%' }} placeholder={bi(lang, { zh: '目标值', en: 'Target' })} data-testid={`indicator-target-${row.name}`} /></Form.Item></Col>
                      <Col xs={8} md={3}><Form.Item name={[row.name, 'unit']}><Input placeholder={bi(lang, { zh: '单位', en: 'Unit' })} maxLength={40} /></Form.Item></Col>
                      <Col xs={22} md={7}><Form.Item name={[row.name, 'methodZh']}><Input placeholder={bi(lang, { zh: '考核方法', en: 'How it is measured' })} maxLength={1000} /></Form.Item></Col>
                      <Col xs={2} md={1}><Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label="remove" /></Col>
                    </Row>
                  ))}
                  <Form.ErrorList errors={errors} />
                  <Button icon={<PlusOutlined />} onClick={() => add({ comparator: '>=' })}><Bi zh="添加指标" en="Add an indicator" /></Button>
                </>
              )}
            </Form.List>
          </Card>

          <Card className="panel section" title={<Bi zh="评分细则" en="Scoring rubric" />}
            extra={<Typography.Text type={weightSum === 100 ? 'success' : 'danger'} data-testid="rubric-sum">{bi(lang, { zh: `权重合计 ${weightSum} / 100`, en: `Weights ${weightSum} of 100` })}</Typography.Text>}>
            <Form.List name="rubric">
              {(rows, { add, remove }, { errors }) => (
                <>
                  {rows.map((row) => (
                    <Row key={row.key} gutter={8}>
                      <Col xs={8} md={4}><Form.Item name={[row.name, 'key']} rules={[{ required: true, message: bi(lang, { zh: '标识', en: 'Key' }) }]}><Input placeholder="key" maxLength={40} /></Form.Item></Col>
                      <Col xs={16} md={7}><Form.Item name={[row.name, 'nameZh']} rules={[{ required: true, message: bi(lang, { zh: '名称', en: 'Name' }) }]}><Input placeholder={bi(lang, { zh: '评分项', en: 'Criterion' })} maxLength={100} /></Form.Item></Col>
                      <Col xs={24} md={6}><Form.Item name={[row.name, 'nameEn']}><Input placeholder="English" maxLength={200} /></Form.Item></Col>
                      <Col xs={10} md={3}><Form.Item name={[row.name, 'weight']}><InputNumber min={0} max={100} placeholder={lang === 'zh' ? '权重' : 'weight'} prefix={lang === 'zh' ? '权重' : 'wt'} style={{ width: '100%' }} /></Form.Item></Col>
                      <Col xs={10} md={3}><Form.Item name={[row.name, 'max']}><InputNumber min={1} prefix={lang === 'zh' ? '满分' : 'max'} style={{ width: '100%' }} /></Form.Item></Col>
                      <Col xs={4} md={1}><Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label="remove" /></Col>
                    </Row>
                  ))}
                  <Form.ErrorList errors={errors} />
                  <Button icon={<PlusOutlined />} onClick={() => add({ key: `c${rows.length + 1}`, weight: 0, max: 100 })}><Bi zh="添加评分项" en="Add a criterion" /></Button>
                </>
              )}
            </Form.List>
          </Card>

          <Divider />
          <Space>
            <Button icon={<SaveOutlined />} loading={saving && intent.current === 'save'} onClick={() => send('save')} data-testid="challenge-form-save"><Bi zh="保存草稿" en="Save draft" /></Button>
            <Button type="primary" icon={<SendOutlined />} loading={saving && intent.current === 'publish'} onClick={() => send('publish')} data-testid="challenge-form-publish"><Bi zh="保存并发布" en="Save and publish" /></Button>
          </Space>
        </Form>
      </LoadState>
    </>
  );
}
