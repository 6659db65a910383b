import { App as AntApp, Form, Input, Modal, Radio } from 'antd';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi, one } from '../supervision/shared';
import type { Evaluation } from './api';
import { CONCLUSIONS } from './labels';
import { SummaryTable } from './SummaryTable';

interface Values { conclusion: string; findingsZh: string; conditionsZh?: string }

/** 作出评价结论: the body's conclusion from the reviewers' findings summarised; safe or conditional takes a certificate number. */
export function ConcludeModal({ e, onClose, onDone }: { e: Evaluation; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const conclusion = Form.useWatch('conclusion', form);
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const r = await api.post<Evaluation>(`/api/safety/evaluations/${e.id}/conclude`, { conclusion: v.conclusion, findingsZh: v.findingsZh.trim(), conditionsZh: v.conclusion === 'safeWithConditions' ? v.conditionsZh?.trim() ?? '' : null });
    message.success(bi(lang, r.certificateNo ? { zh: `已作出结论，证书编号 ${r.certificateNo}`, en: `Concluded; certificate ${r.certificateNo}` } : { zh: '已作出结论', en: 'Concluded' }));
    onDone();
  });
  return (
    <Modal open width={820} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh={`作出评价结论 · ${e.code}`} en={`Conclude · ${e.code}`} />} okText={bi(lang, { zh: '作出结论', en: 'Conclude' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ 'data-testid': 'safety-conclude-ok' } as never}>
      {e.reviewSummary && <SummaryTable summary={e.reviewSummary} />}
      <Form form={form} layout="vertical" name="safetyConclude" style={{ marginTop: 16 }}>
        <Form.Item name="conclusion" label={<Bi zh="评价结论" en="Conclusion" />} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={Object.entries(CONCLUSIONS).map(([value, n]) => ({ value, label: one(lang, n) }))} data-testid="safety-conclude-conclusion" />
        </Form.Item>
        <Form.Item name="findingsZh" label={<Bi zh="评价意见（申请人可见）" en="Findings (the applicant reads them)" />} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={8000} data-testid="safety-conclude-findings" />
        </Form.Item>
        {conclusion === 'safeWithConditions' && (
          <Form.Item name="conditionsZh" label={<Bi zh="条件" en="Conditions" />} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={2} maxLength={4000} data-testid="safety-conclude-conditions" /></Form.Item>
        )}
      </Form>
    </Modal>
  );
}
