import { App as AntApp, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import { api } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { useLang } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { bi, todayIso } from '../../supervision/shared';
import type { Lot } from './api';
import { dateProps, notAfterToday, optionsOf, required, requiredValue } from './forms';
import { MANUAL_MOVE_KINDS, MOVE_KINDS, VIABILITY_METHODS } from './labels';

/**
 * 登记出入库: a withdrawal for internal use, a discard or an adjustment (below zero takes out),
 * always with a reason. The server keeps the count from going below zero (409 on the vials).
 */
export function MoveModal({ lot, onClose, onDone }: { lot: Lot; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ kind: string; vials: number; reasonZh: string; movedOn: string }>();
  const kind = Form.useWatch('kind', form);
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const after = await api.post<Lot>(`/api/strain-lots/${lot.id}/moves`, { kind: v.kind, vials: v.vials, reasonZh: v.reasonZh.trim(), movedOn: v.movedOn });
    message.success(bi(lang, { zh: `已登记，批次 ${lot.code} 结存 ${after.vialsOnHand} 支`, en: `Recorded; ${lot.code} now holds ${after.vialsOnHand} vials` }));
    onDone();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh={`出入库：${lot.code}`} en={`Stock move: ${lot.code}`} />} okText={bi(lang, { zh: '登记', en: 'Record' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ 'data-testid': 'strains-move-ok' } as never}>
      <p className="cell-sub">{lot.subjectZh} · {lang === 'zh' ? `现存 ${lot.vialsOnHand} 支` : `${lot.vialsOnHand} vials on hand`}</p>
      <Form form={form} layout="vertical" className="modal-form" initialValues={{ kind: 'withdraw', movedOn: todayIso() }}>
        <Form.Item name="kind" label={<Bi zh="类型" en="Kind" />}>
          <Radio.Group optionType="button" options={optionsOf(lang, MOVE_KINDS, MANUAL_MOVE_KINDS)} data-testid="strains-move-kind" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="vials" label={<Bi zh={kind === 'adjust' ? '调整数量（负数为减少）' : '数量（支）'} en={kind === 'adjust' ? 'Change (below zero takes out)' : 'Vials'} />}
              rules={requiredValue(lang, '请填写数量', 'How many vials')}>
              <InputNumber precision={0} min={kind === 'adjust' ? undefined : 1} className="full-width" data-testid="strains-move-vials" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="movedOn" label={<Bi zh="日期" en="Date" />} {...dateProps}><DatePicker className="full-width" disabledDate={notAfterToday} /></Form.Item>
          </Col>
        </Row>
        <Form.Item name="reasonZh" label={<Bi zh={kind === 'withdraw' ? '用途' : '原因'} en={kind === 'withdraw' ? 'What for' : 'Why'} />} rules={required(lang, '请说明', 'Say why')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} data-testid="strains-move-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 记录活力检测: the result sets the next due date; a failure flags the lot; vials used leave the ledger. */
export function ViabilityModal({ lot, onClose, onDone }: { lot: Lot; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ testedOn: string; method: string; resultValue?: number; resultUnit?: string; passed: boolean; vialsUsed?: number; noteZh?: string }>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const r = await api.post<{ lot: { nextTestDue: string | null } }>(`/api/strain-lots/${lot.id}/viability-tests`, {
      testedOn: v.testedOn, method: v.method, resultValue: v.resultValue ?? null, resultUnit: v.resultUnit?.trim() || null, passed: v.passed, vialsUsed: v.vialsUsed ?? 0, noteZh: v.noteZh?.trim() || null,
    });
    message.success(bi(lang, { zh: `已记录；下次检测 ${r.lot.nextTestDue ?? '未设定'}`, en: `Recorded; next test ${r.lot.nextTestDue ?? 'not set'}` }));
    onDone();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh={`活力检测：${lot.code}`} en={`Viability test: ${lot.code}`} />} okText={bi(lang, { zh: '记录', en: 'Record' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ 'data-testid': 'strains-viability-ok' } as never}>
      <Form form={form} layout="vertical" className="modal-form" initialValues={{ testedOn: todayIso(), method: 'plateCount', passed: true, vialsUsed: 1 }}>
        <Row gutter={12}>
          <Col span={12}><Form.Item name="testedOn" label={<Bi zh="检测日期" en="Tested on" />} rules={requiredValue(lang, '请选择日期', 'Pick the date')} {...dateProps}><DatePicker className="full-width" disabledDate={notAfterToday} /></Form.Item></Col>
          <Col span={12}><Form.Item name="method" label={<Bi zh="方法" en="Method" />}><Select options={optionsOf(lang, VIABILITY_METHODS)} /></Form.Item></Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}><Form.Item name="resultValue" label={<Bi zh="结果" en="Result" />}><InputNumber min={0} className="full-width" data-testid="strains-viability-value" /></Form.Item></Col>
          <Col span={8}><Form.Item name="resultUnit" label={<Bi zh="单位" en="Unit" />}><Input maxLength={30} placeholder="CFU/mL · 存活率 %" data-testid="strains-viability-unit" /></Form.Item></Col>
          <Col span={8}><Form.Item name="vialsUsed" label={<Bi zh="消耗（支）" en="Vials used" />}><InputNumber min={0} precision={0} className="full-width" /></Form.Item></Col>
        </Row>
        <Form.Item name="passed" label={<Bi zh="结论" en="Verdict" />}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="strains-viability-passed"
            options={[{ value: true, label: bi(lang, { zh: '合格', en: 'Passed' }) }, { value: false, label: bi(lang, { zh: '不合格', en: 'Failed' }) }]} />
        </Form.Item>
        <Form.Item name="noteZh" label={<Bi zh="备注" en="Note" />}><Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} /></Form.Item>
      </Form>
    </Modal>
  );
}
