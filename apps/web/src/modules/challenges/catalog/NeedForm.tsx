import { useMemo, useRef } from 'react';
import { App as AntApp, Button, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined, LockOutlined, PlusOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { api } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { useLang } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { DOMAIN_NAMES } from '../../plan/format';
import { bi, one, useOrganisations } from '../../supervision/shared';
import { useCatalogRoles } from './access';
import { NEEDS, type Need } from './api';
import { MODES, NEED_FIELD_CODES, NEED_FIELDS } from './labels';
import { fromNeed, MAX_INDICATORS, needProblems, toBody, type NeedFormValues } from './NeedModel';

/** Who a need may be raised for, as the server checks it. */
const RAISER_KINDS = ['enterprise', 'institute', 'university', 'department', 'taskForce'];

type Intent = 'save' | 'submit';
const req = (lang: 'zh' | 'en', zh: string, en: string) => [{ required: true, whitespace: true, message: bi(lang, { zh, en }) }];

/**
 * 提出 / 修改 a technology need: every field the server takes, the same checks before sending
 * (model in NeedModel.ts) and the server's 422 problems on their fields. Creating saves a draft or
 * submits it; editing a draft or a returned need saves or saves and submits; an organiser revising
 * an accepted need only saves (the next edition takes the change).
 */
export function NeedForm({ need, onDone, onCancel }: { need?: Need; onDone: (saved: Need) => void; onCancel?: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const { taskForce } = useCatalogRoles();
  const [form] = Form.useForm<NeedFormValues>();
  const creating = !need;
  const orgs = useOrganisations(taskForce && creating);
  const intent = useRef<Intent>('save');
  const field = Form.useWatch('field', form);
  const orgOptions = useMemo(() => (orgs.data ?? []).filter((o) => RAISER_KINDS.includes(o.kind)).map((o) => ({ value: o.id, label: o.nameZh })), [orgs.data]);
  const initial = useMemo<Partial<NeedFormValues>>(() => (need ? fromNeed(need) : { indicators: [{ nameZh: '', unit: '' }], suggestedMode: 'single' }), [need]);
  const revising = need?.status === 'accepted';

  const { submit, saving } = useFormSubmit(form, async (v) => {
    const problems = needProblems(v);
    if (problems.length) {
      form.setFields(problems.map((p) => ({ name: p.path.split('/').map((x) => (/^\d+$/.test(x) ? Number(x) : x)) as never, errors: [bi(lang, p)] })));
      throw new Error(bi(lang, { zh: '请按提示修改后再提交', en: 'Correct the fields marked' }));
    }
    const body = toBody(v);
    const submitting = intent.current === 'submit';
    let saved = need ? await api.patch<Need>(`${NEEDS}/${need.id}`, body) : await api.post<Need>(NEEDS, body);
    if (submitting) saved = await api.post<Need>(`${NEEDS}/${saved.id}/submit`);
    message.success(submitting
      ? bi(lang, { zh: `技术需求 ${saved.code} 已提交，等待审核`, en: `Need ${saved.code} submitted for review` })
      : bi(lang, { zh: `已保存 ${saved.code}`, en: `Saved ${saved.code}` }));
    onDone(saved);
  });
  const send = (i: Intent) => { intent.current = i; void submit(); };

  return (
    <Form form={form} layout="vertical" initialValues={initial} data-testid="need-form" requiredMark>
      {taskForce && creating && (
        <Form.Item name="organisationId" label={<Bi zh="提出单位（代为提出）" en="Raised for" />} extra={bi(lang, { zh: '留空则以本账号所属机构提出', en: 'Empty: your own organisation' })}>
          <Select allowClear showSearch optionFilterProp="label" options={orgOptions} loading={orgs.loading} data-testid="need-form-org" />
        </Form.Item>
      )}
      <Form.Item name="titleZh" label={<Bi zh="需求名称" en="Title" />} rules={req(lang, '需求名称必填', 'The title is required')}>
        <Input maxLength={200} showCount data-testid="need-form-title" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="field" label={<Bi zh="技术领域" en="Technology field" />} rules={req(lang, '请选择技术领域', 'Choose a field')}>
            <Select options={NEED_FIELD_CODES.map((c) => ({ value: c, label: one(lang, NEED_FIELDS[c]) }))} data-testid="need-form-field" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="fieldOtherZh" label={<Bi zh="其他领域名称" en="Field (other)" />} hidden={field !== 'other'}
            rules={field === 'other' ? req(lang, '技术领域选「其他」时须写明具体领域', 'Name the field') : []}>
            <Input maxLength={100} data-testid="need-form-field-other" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="domain" label={<Bi zh="产业领域" en="Domain" />} rules={req(lang, '请选择产业领域', 'Choose a domain')}>
            <Select options={Object.entries(DOMAIN_NAMES).map(([value, n]) => ({ value, label: one(lang, n) }))} data-testid="need-form-domain" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="problemZh" label={<Bi zh="「卡脖子」问题" en="The problem" />} rules={req(lang, '须说明「卡脖子」问题', 'State the problem')}>
        <Input.TextArea maxLength={4000} showCount autoSize={{ minRows: 3 }} data-testid="need-form-problem" />
      </Form.Item>
      <Form.Item name="currentLevelZh" label={<Bi zh="国内外现状" en="Current level at home and abroad" />} rules={req(lang, '须说明国内外现状', 'State the current level')}>
        <Input.TextArea maxLength={4000} showCount autoSize={{ minRows: 3 }} data-testid="need-form-level" />
      </Form.Item>
      <Typography.Text strong><Bi zh="目标指标" en="Target indicators" /></Typography.Text>
      <Form.List name="indicators">
        {(fields, { add, remove }, { errors }) => (
          <div style={{ margin: '8px 0 16px' }}>
            {fields.map((f, i) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'nameZh']} rules={req(lang, '指标名称必填', 'Name it')}><Input placeholder={bi(lang, { zh: '指标名称', en: 'Indicator' })} style={{ width: 240 }} data-testid={`need-form-ind-name-${i}`} /></Form.Item>
                <Form.Item name={[f.name, 'targetValue']} rules={[{ required: true, message: bi(lang, { zh: '目标值必填', en: 'A value' }) }]}><InputNumber placeholder={bi(lang, { zh: '目标值', en: 'Value' })} style={{ width: 140 }} data-testid={`need-form-ind-value-${i}`} /></Form.Item>
                <Form.Item name={[f.name, 'unit']}><Input placeholder={bi(lang, { zh: '单位', en: 'Unit' })} style={{ width: 120 }} maxLength={30} data-testid={`need-form-ind-unit-${i}`} /></Form.Item>
                {fields.length > 1 && <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={bi(lang, { zh: '删除指标', en: 'Remove' })} />}
              </Space>
            ))}
            <Form.ErrorList errors={errors} />
            {fields.length < MAX_INDICATORS && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ nameZh: '', unit: '' })} data-testid="need-form-ind-add"><Bi zh="添加指标" en="Add an indicator" /></Button>
            )}
          </div>
        )}
      </Form.List>
      <Form.Item name="expectedOutcomeZh" label={<Bi zh="预期成果" en="Expected outcome" />} rules={req(lang, '须说明预期成果', 'State the expected outcome')}>
        <Input.TextArea maxLength={4000} showCount autoSize={{ minRows: 2 }} data-testid="need-form-outcome" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="suggestedMode" label={<Bi zh="建议组织方式" en="Suggested mode" />}>
            <Select allowClear options={Object.entries(MODES).map(([value, n]) => ({ value, label: one(lang, n) }))} data-testid="need-form-mode" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="fundingWan" label={<Bi zh="建议经费（万元）" en="Suggested funding (10k yuan)" />}>
            <InputNumber min={0} max={100000} style={{ width: '100%' }} data-testid="need-form-funding" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary"><LockOutlined /> {bi(lang, { zh: '联系人信息仅提出单位和主管部门可见，不在目录中公开。', en: 'The contact is seen by your organisation and the organisers only, never published.' })}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={8}><Form.Item name="contactNameZh" label={<Bi zh="联系人" en="Contact" />} rules={req(lang, '联系人必填', 'Name a contact')}><Input maxLength={50} data-testid="need-form-contact" /></Form.Item></Col>
        <Col xs={24} md={8}><Form.Item name="contactPhone" label={<Bi zh="联系电话" en="Phone" />}><Input maxLength={30} data-testid="need-form-phone" /></Form.Item></Col>
        <Col xs={24} md={8}><Form.Item name="contactEmail" label={<Bi zh="电子邮箱" en="E-mail" />}><Input maxLength={200} data-testid="need-form-email" /></Form.Item></Col>
      </Row>
      <Space wrap>
        {!revising && (
          <Button type="primary" icon={<SendOutlined />} loading={saving && intent.current === 'submit'} onClick={() => send('submit')} data-testid="need-form-submit">
            <Bi zh="保存并提交审核" en="Save and submit" />
          </Button>
        )}
        <Button icon={<SaveOutlined />} loading={saving && intent.current === 'save'} onClick={() => send('save')} data-testid="need-form-save">
          {revising ? <Bi zh="保存修订" en="Save the revision" /> : <Bi zh="保存草稿" en="Save as draft" />}
        </Button>
        {onCancel && <Button onClick={onCancel}><Bi zh="取消" en="Cancel" /></Button>}
      </Space>
    </Form>
  );
}
