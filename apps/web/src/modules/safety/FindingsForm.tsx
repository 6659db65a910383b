import { useState } from 'react';
import { App as AntApp, Button, Card, Descriptions, Form, Input, Modal, Radio, Space } from 'antd';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { LabelTag } from '../pilot/BaseTags';
import { bi, dateTime, one } from '../supervision/shared';
import type { Evaluation, Review } from './api';
import { ASPECTS, ASSESSMENTS, CONCLUSIONS, label } from './labels';
import { FindingsList } from './SummaryTable';

interface Values { findings: Record<string, { assessment?: string; noteZh?: string }>; recommendation?: string; conditionsZh?: string; summaryZh?: string }

/**
 * The reviewer's findings (评审意见): every aspect the subject asks for, assessed with the reason
 * for any risk, a recommendation and a summary; locked once submitted. A reviewer may decline
 * with the reason instead.
 */
export function FindingsForm({ e, review, onDone }: { e: Evaluation; review: Review; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [declining, setDeclining] = useState(false);
  const rec = Form.useWatch('recommendation', form);
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/safety/reviews/${review.id}/submit`, {
      findings: e.aspects.map((aspect) => ({ aspect, assessment: v.findings?.[aspect]?.assessment, noteZh: v.findings?.[aspect]?.noteZh?.trim() || null })),
      recommendation: v.recommendation, conditionsZh: v.recommendation === 'safeWithConditions' ? v.conditionsZh?.trim() || null : null, summaryZh: v.summaryZh?.trim() ?? '',
    });
    message.success(bi(lang, { zh: '评审意见已提交', en: 'Findings submitted' }));
    onDone();
  });

  if (review.status !== 'assigned') {
    return (
      <Card className="panel" title={<Bi zh="我的评审意见" en="My findings" />}>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={<Bi zh="提交时间" en="Submitted" />}>{review.submittedAt ? dateTime(review.submittedAt) : "—"}</Descriptions.Item>
          <Descriptions.Item label={<Bi zh="逐项评估" en="Findings" />}><FindingsList findings={review.findings ?? []} /></Descriptions.Item>
          <Descriptions.Item label={<Bi zh="建议" en="Recommendation" />}>{review.recommendation && <LabelTag label={label(CONCLUSIONS, review.recommendation)} />}{review.conditionsZh}</Descriptions.Item>
          <Descriptions.Item label={<Bi zh="综合意见" en="Summary" />}>{review.summaryZh}</Descriptions.Item>
        </Descriptions>
      </Card>
    );
  }
  const open = e.state === 'review';
  return (
    <Card className="panel" title={<Bi zh="我的评审意见" en="My findings" />}
      extra={<Button danger onClick={() => setDeclining(true)} data-testid="safety-review-decline"><Bi zh="谢绝评审" en="Decline" /></Button>}>
      {!open && <p className="cell-sub">{bi(lang, { zh: '该申请当前不在专家评审阶段（可能正在补充材料），暂不能提交。', en: 'Not under review now (it may be with the applicant); submit later.' })}</p>}
      <Form form={form} layout="vertical" name="safetyFindings" disabled={!open}>
        {e.aspects.map((aspect) => (
          <Card key={aspect} size="small" className="panel-alert" title={one(lang, label(ASPECTS, aspect))}>
            <Form.Item name={['findings', aspect, 'assessment']} rules={[{ required: true, message: bi(lang, { zh: '请评估此项', en: 'Assess this aspect' }) }]}>
              <Radio.Group options={Object.entries(ASSESSMENTS).map(([value, n]) => ({ value, label: one(lang, n) }))} data-testid={`safety-finding-${aspect}`} />
            </Form.Item>
            <Form.Item name={['findings', aspect, 'noteZh']} style={{ marginBottom: 0 }}>
              <Input.TextArea rows={1} maxLength={4000} placeholder={bi(lang, { zh: '依据（风险可控或不可接受时必填）', en: 'Why (required for a controllable or unacceptable risk)' })} />
            </Form.Item>
          </Card>
        ))}
        <Form.Item name="recommendation" label={<Bi zh="评审建议" en="Recommendation" />} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={Object.entries(CONCLUSIONS).map(([value, n]) => ({ value, label: one(lang, n) }))} data-testid="safety-review-recommendation" />
        </Form.Item>
        {rec === 'safeWithConditions' && (
          <Form.Item name="conditionsZh" label={<Bi zh="条件" en="Conditions" />} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={2} maxLength={4000} /></Form.Item>
        )}
        <Form.Item name="summaryZh" label={<Bi zh="综合意见" en="Summary" />} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={3} maxLength={8000} data-testid="safety-review-summary" /></Form.Item>
        <Space><Button type="primary" loading={saving} onClick={submit} data-testid="safety-review-submit"><Bi zh="提交评审意见" en="Submit findings" /></Button></Space>
      </Form>
      {declining && <DeclineModal reviewId={review.id} onClose={() => setDeclining(false)} onDone={() => { setDeclining(false); onDone(); }} />}
    </Card>
  );
}

function DeclineModal({ reviewId, onClose, onDone }: { reviewId: string; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const [form] = Form.useForm<{ reasonZh: string }>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/safety/reviews/${reviewId}/decline`, { reasonZh: v.reasonZh.trim() });
    onDone();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden title={<Bi zh="谢绝评审" en="Decline the review" />}
      okText={bi(lang, { zh: '谢绝', en: 'Decline' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} okButtonProps={{ danger: true }}>
      <Form form={form} layout="vertical" name="safetyDecline">
        <Form.Item name="reasonZh" label={<Bi zh="理由（如存在利益冲突、时间冲突）" en="Why (a conflict of interest, no time)" />} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
      </Form>
    </Modal>
  );
}
