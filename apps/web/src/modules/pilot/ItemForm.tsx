import { useMemo, useRef } from 'react';
import { App as AntApp, Button, DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import { LockOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { DOMAIN_NAMES } from '../plan/format';
import { bi, one, useOrganisations } from '../supervision/shared';
import { useDistrictNames } from '../supervision/WorkShared';
import { usePilotRoles } from './access';
import { API_PATH, type ItemKind, type ListItem } from './api.lists';
import { KIND_NAMES, ORGANISM_CODES, ORGANISMS, PROCESS_NAMES, PROCESSES, QUALITY_GRADE_CODES, QUALITY_GRADES } from './labels.lists';
import { bodyOf, formValuesOf, type ItemFormValues } from './ListModel';

/** Who may own an item, as the server checks it: an enterprise posts demands; institutes, universities and enterprises post achievements. */
const OWNER_KINDS: Record<ItemKind, string[]> = { demand: ['enterprise'], achievement: ['enterprise', 'institute', 'university'] };

export type ItemFormMode = 'create' | 'edit' | 'renew';
type Intent = 'save' | 'submit';

const required = (lang: 'zh' | 'en', zh: string, en: string) => [{ required: true, whitespace: true, message: bi(lang, { zh, en }) }];

/** Dates are kept as YYYY-MM-DD in the form, as the server writes them; the picker works in dayjs. */
const dateProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

/**
 * 发布 / 修改 / 续期 a demand or an achievement: every field the server takes, the confidential
 * ones apart under a lock note; the server's 422 problems shown on their fields. Creating saves a
 * draft or submits it for review; editing (a draft or a returned item) saves or saves and submits;
 * renewing an expired item sends it, with any changes, back to review.
 */
export function ItemForm({ kind, mode, item, onDone, onCancel }: {
  kind: ItemKind; mode: ItemFormMode; item?: ListItem;
  onDone: (saved: ListItem, submitted: boolean) => void; onCancel?: () => void;
}) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const { taskForce } = usePilotRoles();
  const [form] = Form.useForm<ItemFormValues>();
  const districts = useDistrictNames();
  const orgs = useOrganisations(taskForce && mode === 'create');
  const intent = useRef<Intent>('save');
  const what = KIND_NAMES[kind];

  const orgOptions = useMemo(() => (orgs.data ?? []).filter((o) => OWNER_KINDS[kind].includes(o.kind))
    .map((o) => ({ value: o.id, label: o.nameZh, title: o.nameEn ?? o.nameZh })), [orgs.data, kind]);

  const initial = useMemo<ItemFormValues>(() => (item ? formValuesOf(item) : kind === 'demand'
    ? { organism: 'none', biosafetyLevel: 1, qualityGrade: 'none', processes: [] }
    : { processes: [], organisms: [] }), [item, kind]);

  const { submit, saving } = useFormSubmit(form, async (v) => {
    const body = bodyOf(kind, v);
    const submitting = mode === 'renew' || intent.current === 'submit';
    let saved: ListItem;
    if (mode === 'create') {
      saved = await api.post<ListItem>(API_PATH[kind], { ...body, ...(taskForce ? { organisationId: v.organisationId } : {}) });
      if (submitting) {
        try {
          saved = await api.post<ListItem>(`${API_PATH[kind]}/${saved.id}/submit`);
        } catch (e) {
          // The draft is kept: say so and open it, where it can be fixed and submitted again.
          message.warning(bi(lang, { zh: `已保存为草稿 ${saved.code}，但未能提交审核`, en: `Saved as draft ${saved.code}, but it could not be submitted` }));
          onDone(saved, false);
          throw e;
        }
      }
    } else if (mode === 'edit') {
      saved = await api.patch<ListItem>(`${API_PATH[kind]}/${item!.id}`, body);
      if (submitting) saved = await api.post<ListItem>(`${API_PATH[kind]}/${item!.id}/submit`);
    } else {
      saved = await api.post<ListItem>(`${API_PATH[kind]}/${item!.id}/renew`, body);
    }
    message.success(submitting
      ? bi(lang, { zh: `${what.zh} ${saved.code} 已提交，等待工作专班审核`, en: `${saved.code} submitted for the task force's review` })
      : bi(lang, { zh: `已保存${what.zh}草稿 ${saved.code}`, en: `Saved ${saved.code}` }));
    onDone(saved, submitting);
  });

  const send = (i: Intent) => { intent.current = i; void submit(); };

  const processOptions = PROCESS_NAMES.map((p) => ({ value: p, label: lang === 'zh' ? p : `${PROCESSES[p].en} ${p}` }));
  const organismOptions = (withNone: boolean) => ORGANISM_CODES.filter((o) => withNone || o !== 'none').map((o) => ({ value: o, label: one(lang, ORGANISMS[o]) }));
  const domainOptions = Object.entries(DOMAIN_NAMES).map(([value, n]) => ({ value, label: one(lang, n) }));

  const lockNote = (
    <div className="pilot-confidential-head">
      <LockOutlined />
      <span>{bi(lang, { zh: '保密信息 — 仅对您接受的对接方可见', en: 'Confidential — only parties you accept can read this' })}</span>
    </div>
  );

  return (
    <Form form={form} layout="vertical" name={`pilot-${kind}`} initialValues={initial} data-testid="pilot-item-form" scrollToFirstError>
      {taskForce && mode === 'create' && (
        <Form.Item name="organisationId" label={<Bi zh="发布机构（工作专班代为发布）" en="Posted for (the task force names the organisation)" />}
          rules={[{ required: true, message: bi(lang, { zh: '请选择发布机构', en: 'Choose the organisation' }) }]}
          extra={kind === 'demand' ? bi(lang, { zh: '生产需求由企业发布', en: 'An enterprise posts a demand' }) : bi(lang, { zh: '成果由高校院所或企业发布', en: 'An institute, university or enterprise posts an achievement' })}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={orgOptions} loading={orgs.loading} data-testid="pilot-form-organisation" />
        </Form.Item>
      )}

      <Form.Item name="titleZh" label={<Bi zh="标题" en="Title" />} rules={required(lang, '请填写标题', 'Give a title')}>
        <Input maxLength={200} showCount data-testid="pilot-form-title" />
      </Form.Item>
      <div className="pilot-form-grid">
        <Form.Item name="domain" label={<Bi zh="领域" en="Domain" />} rules={[{ required: true, message: bi(lang, { zh: '请选择领域', en: 'Choose a domain' }) }]}>
          <Select options={domainOptions} data-testid="pilot-form-domain" />
        </Form.Item>
        <Form.Item name="districtCode" label={<Bi zh="所在区县" en="District" />} rules={[{ required: true, message: bi(lang, { zh: '请选择区县', en: 'Choose a district' }) }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={districts.options} data-testid="pilot-form-district" />
        </Form.Item>
      </div>

      {kind === 'demand' ? (
        <>
          <Form.Item name="summaryZh" label={<Bi zh="公开摘要" en="Public summary" />} rules={required(lang, '请填写公开摘要', 'Write the public summary')}
            extra={bi(lang, { zh: '显示在公开清单中，任何人可见；请勿写入保密信息', en: 'Shown on the public list to everyone; keep confidential facts out of it' })}>
            <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 2, maxRows: 6 }} data-testid="pilot-form-summary" />
          </Form.Item>
          <Form.Item name="problemZh" label={<Bi zh="需解决的问题" en="Problem to solve" />} rules={required(lang, '请说明需解决的问题', 'Say what is to be solved')}>
            <Input.TextArea maxLength={4000} showCount autoSize={{ minRows: 3, maxRows: 10 }} data-testid="pilot-form-problem" />
          </Form.Item>
          <Form.Item name="targetProductZh" label={<Bi zh="目标产品" en="Target product" />}>
            <Input maxLength={200} data-testid="pilot-form-product" />
          </Form.Item>
          <Form.Item name="processes" label={<Bi zh="涉及的单元操作" en="Unit operations" />}>
            <Select mode="multiple" allowClear options={processOptions} data-testid="pilot-form-processes" />
          </Form.Item>
          <div className="pilot-form-grid">
            <Form.Item name="organism" label={<Bi zh="生物体类型" en="Organism" />}>
              <Select options={organismOptions(true)} data-testid="pilot-form-organism" />
            </Form.Item>
            <Form.Item name="scaleL" label={<Bi zh="规模（升）" en="Scale (L)" />} rules={[{ required: true, message: bi(lang, { zh: '请填写所需规模', en: 'Give the scale needed' }) }]}
              extra={bi(lang, { zh: '所需工作体积，1 m³ = 1000 升', en: 'Working volume needed; 1 m³ = 1000 L' })}>
              <InputNumber min={0.001} step={100} className="full-width" data-testid="pilot-form-scale" />
            </Form.Item>
          </div>
          <div className="pilot-form-grid-3">
            <Form.Item name="biosafetyLevel" label={<Bi zh="生物安全等级" en="Biosafety level" />}>
              <Select options={[1, 2, 3, 4].map((n) => ({ value: n, label: `BSL-${n}` }))} data-testid="pilot-form-bsl" />
            </Form.Item>
            <Form.Item name="qualityGrade" label={<Bi zh="质量体系" en="Quality system" />}>
              <Select options={QUALITY_GRADE_CODES.map((q) => ({ value: q, label: one(lang, QUALITY_GRADES[q]) }))} data-testid="pilot-form-quality" />
            </Form.Item>
            <Form.Item name="trlNeeded" label={<Bi zh="所需技术成熟度" en="TRL needed" />}>
              <Select allowClear options={[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ value: n, label: `TRL ${n}` }))} data-testid="pilot-form-trl" />
            </Form.Item>
          </div>
          <Form.Item name="deadline" label={<Bi zh="截止日期" en="Deadline" />} {...dateProps}
            rules={[{ required: true, message: bi(lang, { zh: '请选择截止日期', en: 'Choose the deadline' }) }]}
            extra={mode === 'renew'
              ? bi(lang, { zh: '续期须设定新的截止日期；发布后有效期 180 天，且不超过截止日期', en: 'Renewing needs a new deadline; a published demand stays 180 days, never past it' })
              : bi(lang, { zh: '发布后有效期 180 天，且不超过截止日期', en: 'Published for 180 days, never past the deadline' })}>
            <DatePicker className="full-width" disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} data-testid="pilot-form-deadline" />
          </Form.Item>
          <div className="pilot-confidential" data-testid="pilot-form-confidential">
            {lockNote}
            <Form.Item name="budgetWan" label={<Bi zh="预算（万元）" en="Budget (万元)" />}>
              <InputNumber min={0} step={10} className="full-width" data-testid="pilot-form-budget" />
            </Form.Item>
            <Form.Item name="detailZh" label={<Bi zh="保密详情" en="Confidential detail" />}>
              <Input.TextArea maxLength={20000} showCount autoSize={{ minRows: 3, maxRows: 12 }} data-testid="pilot-form-detail"
                placeholder={bi(lang, { zh: '工艺参数、质量指标、现有条件等', en: 'Process parameters, quality specs, what you have' })} />
            </Form.Item>
          </div>
        </>
      ) : (
        <>
          <Form.Item name="resultZh" label={<Bi zh="成果内容" en="Result" />} rules={required(lang, '请介绍成果内容', 'Describe the result')}
            extra={bi(lang, { zh: '显示在公开清单中，任何人可见', en: 'Shown on the public list to everyone' })}>
            <Input.TextArea maxLength={4000} showCount autoSize={{ minRows: 3, maxRows: 10 }} data-testid="pilot-form-result" />
          </Form.Item>
          <div className="pilot-form-grid">
            <Form.Item name="trl" label={<Bi zh="技术成熟度" en="TRL" />} rules={[{ required: true, message: bi(lang, { zh: '请选择技术成熟度（1–9 级）', en: 'Choose the TRL (1–9)' }) }]}>
              <Select options={[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ value: n, label: `TRL ${n}` }))} data-testid="pilot-form-trl" />
            </Form.Item>
            <Form.Item name="scaleReachedL" label={<Bi zh="已达规模（升）" en="Scale reached (L)" />}>
              <InputNumber min={0} step={100} className="full-width" data-testid="pilot-form-scale" />
            </Form.Item>
          </div>
          <Form.Item name="processes" label={<Bi zh="涉及的单元操作" en="Unit operations" />}>
            <Select mode="multiple" allowClear options={processOptions} data-testid="pilot-form-processes" />
          </Form.Item>
          <Form.Item name="organisms" label={<Bi zh="生物体类型" en="Organisms" />}>
            <Select mode="multiple" allowClear options={organismOptions(false)} data-testid="pilot-form-organisms" />
          </Form.Item>
          <Form.Item name="ipZh" label={<Bi zh="知识产权" en="IP held" />} extra={bi(lang, { zh: '专利、标准、软件著作权等', en: 'Patents, standards, software copyrights…' })}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 1, maxRows: 4 }} data-testid="pilot-form-ip" />
          </Form.Item>
          <Form.Item name="partnerWantedZh" label={<Bi zh="合作需求" en="Partner wanted" />} extra={bi(lang, { zh: '希望与什么样的企业或中试平台合作', en: 'What kind of enterprise or pilot platform you look for' })}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 1, maxRows: 4 }} data-testid="pilot-form-partner" />
          </Form.Item>
          <div className="pilot-confidential" data-testid="pilot-form-confidential">
            {lockNote}
            <Form.Item name="detailZh" label={<Bi zh="保密详情" en="Confidential detail" />}>
              <Input.TextArea maxLength={20000} showCount autoSize={{ minRows: 3, maxRows: 12 }} data-testid="pilot-form-detail"
                placeholder={bi(lang, { zh: '关键工艺、数据、转化条件等', en: 'Key process, data, terms of transfer' })} />
            </Form.Item>
          </div>
        </>
      )}

      <Typography.Paragraph type="secondary" className="small-note">
        {mode === 'renew'
          ? bi(lang, { zh: '续期后重新进入工作专班审核，通过后再次公开。', en: 'A renewed item goes back to the task force\'s review and is public again once published.' })
          : bi(lang, { zh: '提交后由工作专班审核，通过即公开发布；退回的可修改后重新提交。', en: 'The task force reviews what you submit and publishes it; a returned item can be edited and resubmitted.' })}
      </Typography.Paragraph>
      <div className="pilot-form-actions">
        {onCancel && <Button onClick={onCancel} disabled={saving}><Bi zh="取消" en="Cancel" /></Button>}
        {mode === 'renew' ? (
          <Button type="primary" icon={<SendOutlined />} loading={saving} onClick={() => send('submit')} data-testid="pilot-form-renew"><Bi zh="续期并提交审核" en="Renew and submit" /></Button>
        ) : (
          <>
            <Button icon={<SaveOutlined />} loading={saving && intent.current === 'save'} disabled={saving && intent.current !== 'save'} onClick={() => send('save')} data-testid="pilot-form-save">
              {mode === 'create' ? <Bi zh="保存草稿" en="Save draft" /> : <Bi zh="保存" en="Save" />}
            </Button>
            <Button type="primary" icon={<SendOutlined />} loading={saving && intent.current === 'submit'} disabled={saving && intent.current !== 'submit'} onClick={() => send('submit')} data-testid="pilot-form-submit">
              {mode === 'create' ? <Bi zh="提交审核" en="Submit for review" /> : <Bi zh="保存并提交审核" en="Save and submit" />}
            </Button>
          </>
        )}
      </div>
    </Form>
  );
}
