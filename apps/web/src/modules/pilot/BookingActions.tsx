import { useState } from 'react';
import { App as AntApp, Button, Form, Input, InputNumber, Modal, Popconfirm, Space } from 'antd';
import { CheckOutlined, CloseOutlined, FieldTimeOutlined, LoginOutlined, StopOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi, type Named } from '../supervision/shared';
import type { Booking } from './api.bases';
import { hoursBetween, slotText } from './BookingTime';

type Dialog = 'reject' | 'usage' | 'cancel' | null;

/** A move without a form (approve, check in): confirmed, then sent; the server's refusal shown as it says it. */
function QuickMove({ booking, path, confirm, done, label, icon, testId, primary, onDone }: {
  booking: Booking; path: string; confirm: Named; done: Named; label: Named; icon: React.ReactNode; testId: string; primary?: boolean; onDone: () => void;
}) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await api.post(`/api/pilot/bookings/${booking.id}/${path}`);
      message.success(bi(lang, done));
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
      onDone();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm title={bi(lang, confirm)} onConfirm={run} okText={bi(lang, { zh: '确定', en: 'Yes' })} cancelText={bi(lang, { zh: '取消', en: 'No' })}
      okButtonProps={{ 'data-testid': `${testId}-ok` } as never}>
      <Button size="small" type={primary ? 'primary' : 'default'} icon={icon} loading={busy} data-testid={testId}>{bi(lang, label)}</Button>
    </Popconfirm>
  );
}

function RejectModal({ booking, onClose, onDone }: { booking: Booking; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/pilot/bookings/${booking.id}/reject`, { reason: v.reason.trim() });
    message.success(bi(lang, { zh: `已驳回预约 ${booking.code}`, en: `Rejected ${booking.code}` }));
    onDone();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh={`驳回预约 ${booking.code}`} en={`Reject ${booking.code}`} />} okText={bi(lang, { zh: '驳回', en: 'Reject' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ danger: true, 'data-testid': 'pilot-booking-reject-ok' } as never}>
      <p className="cell-sub">{booking.equipmentNameZh} · {slotText(booking.from, booking.to)} · {booking.organisationNameZh ?? booking.bookedByName}</p>
      <Form form={form} layout="vertical" className="modal-form">
        <Form.Item name="reason" label={<Bi zh="驳回理由" en="Why" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '驳回须说明理由', en: 'Say why' }) }]}>
          <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 3 }} data-testid="pilot-booking-reject-reason"
            placeholder={bi(lang, { zh: '如 当日设备校准，请改约其他时段', en: 'e.g. calibration that day; please pick another slot' })} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function UsageModal({ booking, onClose, onDone }: { booking: Booking; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const slotHours = Math.round(hoursBetween(booking.from, booking.to) * 100) / 100;
  const [form] = Form.useForm<{ usageHours: number; noteZh?: string }>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/pilot/bookings/${booking.id}/usage`, { usageHours: v.usageHours, noteZh: v.noteZh?.trim() || null });
    message.success(bi(lang, { zh: `已记录使用 ${v.usageHours} 小时，预约 ${booking.code} 完成`, en: `Recorded ${v.usageHours} h; ${booking.code} is complete` }));
    onDone();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh={`记录使用：${booking.code}`} en={`Record usage of ${booking.code}`} />} okText={bi(lang, { zh: '记录并完成', en: 'Record and complete' })}
      cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} okButtonProps={{ 'data-testid': 'pilot-booking-usage-ok' } as never}>
      <p className="cell-sub">{booking.equipmentNameZh} · {slotText(booking.from, booking.to)}（{lang === 'zh' ? `预约 ${slotHours} 小时` : `${slotHours} h booked`}）</p>
      <Form form={form} layout="vertical" className="modal-form" initialValues={{ usageHours: slotHours }}>
        <Form.Item name="usageHours" label={<Bi zh="实际使用时长（小时）" en="Hours used" />} rules={[{ required: true, message: bi(lang, { zh: '请填写使用时长', en: 'Give the hours' }) }]}
          extra={bi(lang, { zh: `不超过预约时段的 ${slotHours} 小时`, en: `At most the slot's ${slotHours} hours` })}>
          <InputNumber<number> min={0} max={10_000} step={0.5} style={{ width: '100%' }} suffix={lang === 'zh' ? '小时' : 'h'} data-testid="pilot-booking-usage-hours" />
        </Form.Item>
        <Form.Item name="noteZh" label={<Bi zh="使用情况" en="Note" />}>
          <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 2 }} data-testid="pilot-booking-usage-note"
            placeholder={bi(lang, { zh: '如 补料分批发酵 7.5 小时，设备运行正常', en: 'e.g. fed-batch run, 7.5 h, no faults' })} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CancelModal({ booking, onClose, onDone }: { booking: Booking; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/pilot/bookings/${booking.id}/cancel`, { reason: v.reason?.trim() || null });
    message.success(bi(lang, { zh: `已取消预约 ${booking.code}`, en: `Cancelled ${booking.code}` }));
    onDone();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh={`取消预约 ${booking.code}`} en={`Cancel ${booking.code}`} />} okText={bi(lang, { zh: '取消预约', en: 'Cancel the booking' })}
      cancelText={bi(lang, { zh: '返回', en: 'Back' })} okButtonProps={{ danger: true, 'data-testid': 'pilot-booking-cancel-ok' } as never}>
      <p className="cell-sub">{booking.equipmentNameZh} · {slotText(booking.from, booking.to)}</p>
      <Form form={form} layout="vertical" className="modal-form">
        <Form.Item name="reason" label={<Bi zh="原因（可选）" en="Reason (optional)" />}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} data-testid="pilot-booking-cancel-reason" placeholder={bi(lang, { zh: '如 计划调整', en: 'e.g. plans changed' })} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * What the caller may do with a booking, as the server's `may` says: the base approves, rejects
 * with a reason, checks in and records the hours used; the requester (or the base) cancels
 * before check-in.
 */
export function BookingActions({ booking, onDone }: { booking: Booking; onDone: () => void }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const m = booking.may;
  const close = () => setDialog(null);
  const finish = () => { setDialog(null); onDone(); };
  if (!m.approve && !m.reject && !m.checkIn && !m.recordUsage && !m.cancel) return null;
  return (
    // Clicks (the confirmations' and the modals' too, which bubble through React's tree) stay out of the row.
    <span onClick={(e) => e.stopPropagation()}>
      <Space size={4} wrap>
        {m.approve && <QuickMove booking={booking} path="approve" primary icon={<CheckOutlined />} testId="pilot-booking-approve" onDone={onDone}
          label={{ zh: '批准', en: 'Approve' }} confirm={{ zh: `批准预约 ${booking.code}？`, en: `Approve ${booking.code}?` }} done={{ zh: `已批准 ${booking.code}`, en: `Approved ${booking.code}` }} />}
        {m.reject && <Button size="small" danger icon={<CloseOutlined />} onClick={() => setDialog('reject')} data-testid="pilot-booking-reject"><Bi zh="驳回" en="Reject" /></Button>}
        {m.checkIn && <QuickMove booking={booking} path="check-in" primary icon={<LoginOutlined />} testId="pilot-booking-check-in" onDone={onDone}
          label={{ zh: '签到', en: 'Check in' }} confirm={{ zh: `为 ${booking.code} 签到使用？`, en: `Check ${booking.code} in?` }} done={{ zh: `${booking.code} 已签到`, en: `${booking.code} checked in` }} />}
        {m.recordUsage && <Button size="small" type="primary" icon={<FieldTimeOutlined />} onClick={() => setDialog('usage')} data-testid="pilot-booking-usage"><Bi zh="记录使用" en="Record usage" /></Button>}
        {m.cancel && <Button size="small" icon={<StopOutlined />} onClick={() => setDialog('cancel')} data-testid="pilot-booking-cancel"><Bi zh="取消" en="Cancel" /></Button>}
      </Space>
      {dialog === 'reject' && <RejectModal booking={booking} onClose={close} onDone={finish} />}
      {dialog === 'usage' && <UsageModal booking={booking} onClose={close} onDone={finish} />}
      {dialog === 'cancel' && <CancelModal booking={booking} onClose={close} onDone={finish} />}
    </span>
  );
}
