import { Alert, App as AntApp, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi, one } from '../supervision/shared';
import type { MoveBody, ResponseRow } from './api.deals';
import { PROJECT_STAGES, RESPONSE_OUTCOMES, START_STAGES, type ProjectStage, type ResponseOutcome } from './labels.deals';

/** The dialogs that move a response: decline or close with a reason, sign, complete with an outcome. */

type Done = (after?: { pilotProjectId?: string | null; pilotProjectCode?: string | null }) => void;

/** The owner declines (before acceptance) or either party closes: both need a reason. */
export function ResponseReasonModal({ response, action, onClose, onDone }: { response: Pick<ResponseRow, 'id' | 'code'>; action: 'decline' | 'close'; onClose: () => void; onDone: Done }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const declining = action === 'decline';
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/pilot/responses/${response.id}/${action}`, { reason: v.reason.trim() });
    message.success(bi(lang, declining ? { zh: `已谢绝响应 ${response.code}`, en: `Declined ${response.code}` } : { zh: `已关闭响应 ${response.code}`, en: `Closed ${response.code}` }));
    onDone();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={declining ? <Bi zh={`谢绝响应 ${response.code}`} en={`Decline ${response.code}`} /> : <Bi zh={`关闭响应 ${response.code}`} en={`Close ${response.code}`} />}
      okText={bi(lang, declining ? { zh: '谢绝', en: 'Decline' } : { zh: '关闭', en: 'Close' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ danger: true, 'data-testid': `pilot-response-${action}-ok` } as never}>
      <Form form={form} layout="vertical" className="modal-form" name={`response-${action}`}>
        <Form.Item name="reason" label={<Bi zh="理由（对方可见）" en="Reason (the other party reads it)" />}
          rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请说明理由', en: 'Say why' }) }, { max: 1000 }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount data-testid={`pilot-response-${action}-reason`}
            placeholder={bi(lang, declining ? { zh: '例如：所需规模超出贵方平台能力', en: 'e.g. the scale needed is beyond your platform' } : { zh: '例如：双方未就价格达成一致', en: 'e.g. no agreement on price' })} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Either party records the signing, with the contract amount if it is known. */
export function ResponseSignModal({ response, onClose, onDone }: { response: Pick<ResponseRow, 'id' | 'code' | 'contractWan'>; onClose: () => void; onDone: Done }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ contractWan?: number | null }>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const body: MoveBody = { stage: 'signed', contractWan: v.contractWan ?? null };
    await api.post(`/api/pilot/responses/${response.id}/stage`, body);
    message.success(bi(lang, { zh: `响应 ${response.code} 已签约`, en: `${response.code} signed` }));
    onDone();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh={`签约 ${response.code}`} en={`Record the signing of ${response.code}`} />}
      okText={bi(lang, { zh: '确认签约', en: 'Signed' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} okButtonProps={{ 'data-testid': 'pilot-response-sign-ok' } as never}>
      <Form form={form} layout="vertical" className="modal-form" name="response-sign" initialValues={{ contractWan: response.contractWan }}>
        <Form.Item name="contractWan" label={<Bi zh="合同金额（万元，可选）" en="Contract amount (10k yuan, optional)" />}>
          <InputNumber min={0} max={1e9} precision={2} className="full-width" data-testid="pilot-response-contract" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface CompleteValues { outcome: ResponseOutcome; outcomeNoteZh?: string; contractWan?: number | null; projectNameZh?: string; projectStage?: ProjectStage }

/**
 * Either party completes a signed response with its outcome: a contract, a pilot project (the
 * server records the project at once and the page links to it) or no deal, with a note.
 */
export function ResponseCompleteModal({ response, onClose, onDone }: { response: Pick<ResponseRow, 'id' | 'code' | 'contractWan' | 'itemTitleZh'>; onClose: () => void; onDone: Done }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<CompleteValues>();
  const outcome = Form.useWatch('outcome', form);
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const project = v.outcome === 'pilotProject';
    const body: MoveBody = {
      stage: 'done', outcome: v.outcome, outcomeNoteZh: v.outcomeNoteZh?.trim() || null,
      ...(v.outcome === 'contract' && v.contractWan !== undefined ? { contractWan: v.contractWan ?? null } : {}),
      ...(project ? { projectNameZh: v.projectNameZh?.trim() || null, projectStage: v.projectStage } : {}),
    };
    const r = await api.post<{ pilotProjectId: string | null; pilotProjectCode: string | null }>(`/api/pilot/responses/${response.id}/stage`, body);
    message.success(r.pilotProjectCode
      ? bi(lang, { zh: `已完成，并登记中试项目 ${r.pilotProjectCode}`, en: `Done; pilot project ${r.pilotProjectCode} recorded` })
      : bi(lang, { zh: `响应 ${response.code} 已完成`, en: `${response.code} done` }));
    onDone(r);
  });
  return (
    <Modal open width={640} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh={`完成 ${response.code}`} en={`Complete ${response.code}`} />}
      okText={bi(lang, { zh: '完成', en: 'Complete' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} okButtonProps={{ 'data-testid': 'pilot-response-complete-ok' } as never}>
      <Form form={form} layout="vertical" className="modal-form" name="response-complete"
        initialValues={{ outcome: 'contract', contractWan: response.contractWan, projectNameZh: response.itemTitleZh, projectStage: 'pilot' }}>
        <Form.Item name="outcome" label={<Bi zh="结果" en="Outcome" />} rules={[{ required: true, message: bi(lang, { zh: '请选择结果', en: 'Choose the outcome' }) }]}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="pilot-response-outcome"
            options={(Object.keys(RESPONSE_OUTCOMES) as ResponseOutcome[]).map((k) => ({ value: k, label: bi(lang, RESPONSE_OUTCOMES[k]) }))} />
        </Form.Item>
        {outcome === 'contract' && (
          <Form.Item name="contractWan" label={<Bi zh="合同金额（万元，可选）" en="Contract amount (10k yuan, optional)" />}>
            <InputNumber min={0} max={1e9} precision={2} className="full-width" />
          </Form.Item>
        )}
        {outcome === 'pilotProject' && (
          <>
            <Alert type="info" showIcon className="panel-alert" title={bi(lang, {
              zh: '将登记一个中试项目：需求方企业（或成果的响应方）牵头，所附平台的基地承接；之后经关口评审逐级推进。',
              en: 'A pilot project is recorded: led by the enterprise behind the demand (or the responder to an achievement), at the base of the platform offered; it moves on through gate reviews.',
            })} />
            <Form.Item name="projectNameZh" label={<Bi zh="项目名称" en="Project name" />} rules={[{ max: 200 }]}>
              <Input maxLength={200} data-testid="pilot-response-project-name" />
            </Form.Item>
            <Form.Item name="projectStage" label={<Bi zh="起始阶段" en="Starts at" />}>
              <Select data-testid="pilot-response-project-stage" options={START_STAGES.map((s) => ({ value: s, label: bi(lang, PROJECT_STAGES[s]) }))} />
            </Form.Item>
          </>
        )}
        <Form.Item name="outcomeNoteZh" label={<Bi zh="说明" en="Note" />} rules={[{ max: 2000 }]}
          extra={outcome === 'noDeal' ? one(lang, { zh: '请说明未能成交的原因，供清单复盘。', en: 'Say why no deal came of it; the lists learn from it.' }) : undefined}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="pilot-response-outcome-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
