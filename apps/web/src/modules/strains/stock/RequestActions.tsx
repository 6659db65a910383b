import { useState } from 'react';
import { App as AntApp, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space } from 'antd';
import { CarOutlined, CheckOutlined, CloseOutlined, InboxOutlined, RollbackOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { useLang } from '../../../app/i18n';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { bi, todayIso, type Named } from '../../supervision/shared';
import type { SharingRequest, StrainLots } from './api';
import { dateProps, notAfterToday, oneOf, required, requiredValue } from './forms';
import { LOT_METHODS } from './labels';

/** A step without a form (approve, receive, withdraw): confirmed, then sent; the server's refusal shown as it says it. */
function Quick({ r, path, confirm, done, label, icon, testId, primary, body, onDone }: {
  r: SharingRequest; path: string; confirm: Named; done: Named; label: Named; icon: React.ReactNode; testId: string; primary?: boolean; body?: object; onDone: () => void;
}) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await api.post(`/api/sharing-requests/${r.id}/${path}`, body ?? {});
      message.success(bi(lang, done));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
      onDone();
    }
  };
  return (
    <Popconfirm title={bi(lang, confirm)} onConfirm={run} okText={bi(lang, { zh: '确定', en: 'Yes' })} cancelText={bi(lang, { zh: '取消', en: 'No' })} okButtonProps={{ 'data-testid': `${testId}-ok` } as never}>
      <Button size="small" type={primary ? 'primary' : 'default'} icon={icon} loading={busy} data-testid={testId}>{bi(lang, label)}</Button>
    </Popconfirm>
  );
}

function RejectModal({ r, onClose, onDone }: { r: SharingRequest; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ reasonZh: string }>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/sharing-requests/${r.id}/reject`, { reasonZh: v.reasonZh.trim() });
    message.success(bi(lang, { zh: `已不予批准 ${r.code}`, en: `Rejected ${r.code}` }));
    onDone();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }} title={<Bi zh={`不予批准 ${r.code}`} en={`Reject ${r.code}`} />}
      okText={bi(lang, { zh: '不予批准', en: 'Reject' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} okButtonProps={{ danger: true, 'data-testid': 'strains-request-reject-ok' } as never}>
      <Form form={form} layout="vertical" className="modal-form">
        <Form.Item name="reasonZh" label={<Bi zh="理由（申请单位可见）" en="Reason (the requester reads it)" />} rules={required(lang, '请说明理由', 'Say why')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 3 }} data-testid="strains-request-reject-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 发运: from an active lot of this strain with enough vials; the stock leaves with the shipment. */
function ShipModal({ r, onClose, onDone }: { r: SharingRequest; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const lots = useApi<StrainLots>(`/api/strains/${r.strainId}/lots`);
  const [form] = Form.useForm<{ lotId: string; vials: number; carrierZh: string; trackingNo: string; shippedOn: string }>();
  const usable = (lots.data?.lots ?? []).filter((l) => l.status === 'active');
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/sharing-requests/${r.id}/ship`, { ...v, carrierZh: v.carrierZh.trim(), trackingNo: v.trackingNo.trim() });
    message.success(bi(lang, { zh: `已发运 ${r.code}，库存已扣减`, en: `Shipped ${r.code}; the stock is reduced` }));
    onDone();
  });
  return (
    <Modal open width={620} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }} title={<Bi zh={`发运 ${r.code}`} en={`Ship ${r.code}`} />}
      okText={bi(lang, { zh: '发运', en: 'Ship' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} okButtonProps={{ 'data-testid': 'strains-ship-ok' } as never}>
      <p className="cell-sub">{r.accession} {r.strainNameLatin} → {r.requesterNameZh} · {r.labCode} {r.labNameZh}</p>
      <Form form={form} layout="vertical" className="modal-form" initialValues={{ vials: r.vials, shippedOn: todayIso(), lotId: usable.length === 1 ? usable[0].id : undefined }}>
        <Form.Item name="lotId" label={<Bi zh="出库批次" en="From lot" />} rules={requiredValue(lang, '请选择批次', 'Choose the lot')}>
          <Select loading={lots.loading} data-testid="strains-ship-lot" notFoundContent={bi(lang, { zh: '此菌种没有在库批次 — 先制备批次', en: 'No active lot of this strain: prepare one first' })}
            options={usable.map((l) => ({ value: l.id, disabled: l.vialsOnHand < 1, label: `${l.code} · ${oneOf(lang, LOT_METHODS, l.method)} · ${lang === 'zh' ? `现存 ${l.vialsOnHand} 支` : `${l.vialsOnHand} vials`} · ${l.place ?? ''}` }))} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}><Form.Item name="vials" label={<Bi zh="数量（支）" en="Vials" />} rules={requiredValue(lang, '请填写', 'How many')}><InputNumber min={1} max={r.vials} precision={0} className="full-width" /></Form.Item></Col>
          <Col span={16}><Form.Item name="shippedOn" label={<Bi zh="发运日期" en="Shipped on" />} rules={requiredValue(lang, '请选择日期', 'Pick the date')} {...dateProps}><DatePicker className="full-width" disabledDate={notAfterToday} /></Form.Item></Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}><Form.Item name="carrierZh" label={<Bi zh="承运单位" en="Carrier" />} rules={required(lang, '请填写承运单位', 'Name the carrier')}><Input maxLength={100} data-testid="strains-ship-carrier" /></Form.Item></Col>
          <Col span={12}><Form.Item name="trackingNo" label={<Bi zh="运单号" en="Tracking number" />} rules={required(lang, '请填写运单号', 'Give the tracking number')}><Input maxLength={60} data-testid="strains-ship-tracking" /></Form.Item></Col>
        </Row>
      </Form>
    </Modal>
  );
}

/** The steps the caller may take on a request now, as the server's `may` says. */
export function RequestActions({ r, onDone }: { r: SharingRequest; onDone: () => void }) {
  const [dialog, setDialog] = useState<'reject' | 'ship' | null>(null);
  const close = () => { setDialog(null); onDone(); };
  const officerStep = r.status === 'curatorApproved';
  return (
    <Space wrap size={4}>
      {r.may.approve && (
        <Quick r={r} path="approve" primary icon={<CheckOutlined />} testId="strains-request-approve" onDone={onDone}
          label={officerStep ? { zh: '生物安全审批通过', en: 'Approve as officer' } : { zh: '审核通过', en: 'Approve' }}
          confirm={officerStep ? { zh: `以生物安全负责人身份批准 ${r.code}？`, en: `Approve ${r.code} as the biosafety officer?` } : { zh: `批准 ${r.code}？${r.needsOfficer ? '之后还须生物安全负责人审批' : ''}`, en: `Approve ${r.code}?${r.needsOfficer ? ' The officer decides next.' : ''}` }}
          done={{ zh: `已批准 ${r.code}`, en: `Approved ${r.code}` }} />
      )}
      {r.may.reject && <Button size="small" danger icon={<CloseOutlined />} onClick={() => setDialog('reject')} data-testid="strains-request-reject"><Bi zh="不予批准" en="Reject" /></Button>}
      {r.may.ship && <Button size="small" type="primary" icon={<CarOutlined />} onClick={() => setDialog('ship')} data-testid="strains-request-ship"><Bi zh="发运" en="Ship" /></Button>}
      {r.may.receive && (
        <Quick r={r} path="receive" primary icon={<InboxOutlined />} testId="strains-request-receive" onDone={onDone} label={{ zh: '确认签收', en: 'Confirm receipt' }}
          confirm={{ zh: `确认已收到 ${r.code} 的菌种？`, en: `Confirm the strain of ${r.code} arrived?` }} done={{ zh: '已确认签收', en: 'Receipt confirmed' }} />
      )}
      {r.may.withdraw && (
        <Quick r={r} path="withdraw" icon={<RollbackOutlined />} testId="strains-request-withdraw" onDone={onDone} label={{ zh: '撤回', en: 'Withdraw' }}
          confirm={{ zh: `撤回申请 ${r.code}？`, en: `Withdraw ${r.code}?` }} done={{ zh: '已撤回', en: 'Withdrawn' }} />
      )}
      {dialog === 'reject' && <RejectModal r={r} onClose={() => setDialog(null)} onDone={close} />}
      {dialog === 'ship' && <ShipModal r={r} onClose={() => setDialog(null)} onDone={close} />}
    </Space>
  );
}
