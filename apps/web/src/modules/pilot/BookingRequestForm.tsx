import { useEffect, useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, TimePicker, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { api, ApiError, errorMessage } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { bi, one } from '../supervision/shared';
import type { Booking, CalendarSlot, HourlyPrices } from './api.bases';
import { HourlyPriceList, yuanText } from './BaseTags';
import { addDays, cqInstant, cqToday, durationText, hoursBetween, overlapsAny, slotText } from './BookingTime';
import { BOOKING_STATES, USER_CATEGORIES } from './labels.bases';

interface Values { date: Dayjs; fromTime: Dayjs; endDate?: Dayjs | null; toTime: Dayjs; purposeZh: string }

/** A slot picked on the calendar, handed to the form. */
export interface PickedSlot { date: string; hour: number; seq: number }

/** The server speaks of /from, /to and /purposeZh; the form's fields are the date and the two times. */
const FIELD_OF: Record<string, keyof Values> = { from: 'fromTime', to: 'toTime', purposeZh: 'purposeZh' };

/** The [from, to) instants the form describes, or null while incomplete. */
export function slotOf(v: Partial<Values>): { from: string; to: string } | null {
  if (!v.date || !v.fromTime || !v.toTime) return null;
  const start = v.date.format('YYYY-MM-DD');
  const end = (v.endDate ?? v.date).format('YYYY-MM-DD');
  return { from: cqInstant(start, v.fromTime.format('HH:mm')), to: cqInstant(end, v.toTime.format('HH:mm')) };
}

/**
 * 预约申请: a date with from and to times (an end date for runs past midnight) and the purpose.
 * The answer carries the price the server computed for the caller's category; a clash is the
 * server's 409, shown as it says it and on the start time.
 */
export function BookingRequestForm({ equipmentId, prices, slots, picked, onSlot, onBooked }: {
  equipmentId: string; prices: HourlyPrices; slots: CalendarSlot[]; picked: PickedSlot | null;
  onSlot: (s: { from: string; to: string } | null) => void; onBooked: () => void;
}) {
  const lang = useLang();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<{ status: number; message: string } | null>(null);
  const [booked, setBooked] = useState<Booking | null>(null);
  const values = Form.useWatch([], form) as Partial<Values> | undefined;
  const slot = values ? slotOf(values) : null;
  const hours = slot ? hoursBetween(slot.from, slot.to) : 0;
  const clashes = slot && hours > 0 ? overlapsAny(new Date(slot.from), new Date(slot.to), slots) : false;

  useEffect(() => {
    onSlot(slot && hours > 0 ? slot : null);
  }, [slot?.from, slot?.to]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!picked) return;
    const start = dayjs(`${picked.date}T${String(picked.hour).padStart(2, '0')}:00`);
    const end = start.add(1, 'hour');
    form.setFieldsValue({ date: dayjs(picked.date), fromTime: start, endDate: picked.hour === 23 ? dayjs(addDays(picked.date, 1)) : null, toTime: end });
    form.setFields([{ name: 'fromTime', errors: [] }, { name: 'toTime', errors: [] }]);
    setRefusal(null);
    setBooked(null);
  }, [picked, form]);

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const s = slotOf(v)!;
    setSaving(true);
    setRefusal(null);
    try {
      const b = await api.post<Booking>(`/api/pilot/equipment/${equipmentId}/bookings`, { from: s.from, to: s.to, purposeZh: v.purposeZh.trim() });
      setBooked(b);
      form.resetFields();
      onBooked();
    } catch (e) {
      if (e instanceof ApiError) {
        const byField = new Map<keyof Values, string[]>();
        for (const d of e.details) {
          const f = FIELD_OF[d.path.replace(/^\//, '').split('/')[0]];
          if (f) byField.set(f, [...(byField.get(f) ?? []), d.message]);
        }
        form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
        setRefusal({ status: e.status, message: e.message });
        // A clash means the calendar on screen is behind: draw the slot that was taken meanwhile.
        if (e.status === 409) onBooked();
      } else {
        setRefusal({ status: 0, message: errorMessage(e) });
      }
    } finally {
      setSaving(false);
    }
  };

  const today = dayjs(cqToday());
  return (
    <div data-testid="pilot-booking-request">
      {booked && (
        <Alert type="success" showIcon closable onClose={() => setBooked(null)} className="panel-alert" data-testid="pilot-booking-result"
          title={lang === 'zh' ? `已提交预约 ${booked.code}，等待基地审批` : `Booking ${booked.code} requested; the base will decide`}
          description={
            <div className="pb-booking-answer">
              <div>{slotText(booked.from, booked.to)} · {durationText(hoursBetween(booked.from, booked.to), lang)}</div>
              <div>
                {lang === 'zh' ? '费用：' : 'Price: '}<b data-testid="pilot-booking-price">{yuanText(lang, booked.priceYuan)}</b>
                <span className="cell-sub">（{lang === 'zh' ? `按${USER_CATEGORIES[booked.userCategory].zh}价` : `${USER_CATEGORIES[booked.userCategory].en} rate`}）</span>
              </div>
              <div>{lang === 'zh' ? '状态：' : 'State: '}{one(lang, BOOKING_STATES[booked.state])}</div>
              <Link to="/pilot/bookings?view=mine" data-testid="pilot-booking-mine-link"><Bi zh="查看我的预约" en="My bookings" /></Link>
            </div>
          } />
      )}
      {refusal && (
        <Alert type="error" showIcon closable onClose={() => setRefusal(null)} className="panel-alert" data-testid="pilot-booking-refusal" data-status={refusal.status}
          title={refusal.status === 409 ? bi(lang, { zh: '未能预约：时段冲突或设备不可用', en: 'Not booked: the slot clashes or the item is unavailable' }) : bi(lang, { zh: '未能预约', en: 'Not booked' })}
          description={refusal.message} />
      )}
      <Form form={form} layout="vertical" className="modal-form" data-testid="pilot-booking-form" requiredMark={false}>
        <div className="pb-form-grid">
          <Form.Item name="date" label={<Bi zh="开始日期" en="Start date" />} rules={[{ required: true, message: bi(lang, { zh: '请选择日期', en: 'Pick a date' }) }]}>
            <DatePicker className="full-width" disabledDate={(d) => d.isBefore(today, 'day')} data-testid="pilot-booking-date" />
          </Form.Item>
          <Form.Item name="fromTime" label={<Bi zh="开始时间" en="From" />} rules={[{ required: true, message: bi(lang, { zh: '请选择开始时间', en: 'Pick the start' }) }]}>
            <TimePicker className="full-width" format="HH:mm" minuteStep={15} needConfirm={false} data-testid="pilot-booking-from" />
          </Form.Item>
          <Form.Item name="endDate" label={<Bi zh="结束日期" en="End date" />} extra={bi(lang, { zh: '跨天使用时填写', en: 'For runs past midnight' })}>
            <DatePicker className="full-width" allowClear disabledDate={(d) => d.isBefore(today, 'day')} placeholder={bi(lang, { zh: '同开始日期', en: 'Same day' })} data-testid="pilot-booking-end-date" />
          </Form.Item>
          <Form.Item name="toTime" label={<Bi zh="结束时间" en="To" />} rules={[{ required: true, message: bi(lang, { zh: '请选择结束时间', en: 'Pick the end' }) }]}>
            <TimePicker className="full-width" format="HH:mm" minuteStep={15} needConfirm={false} data-testid="pilot-booking-to" />
          </Form.Item>
        </div>
        <Form.Item name="purposeZh" label={<Bi zh="用途" en="Purpose" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请说明用途', en: 'Say what it is for' }) }]}>
          <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2, maxRows: 5 }} data-testid="pilot-booking-purpose"
            placeholder={bi(lang, { zh: '如 1,3-丙二醇发酵工艺放大验证', en: 'e.g. scale-up run of a fermentation process' })} />
        </Form.Item>
        {slot && (
          <div className="pb-booking-preview" data-testid="pilot-booking-preview">
            {hours > 0
              ? <Typography.Text>{slotText(slot.from, slot.to)} · {durationText(hours, lang)}</Typography.Text>
              : <Typography.Text type="danger">{bi(lang, { zh: '结束须晚于开始', en: 'The end comes after the start' })}</Typography.Text>}
            {clashes && <div><Typography.Text type="warning">{bi(lang, { zh: '该时段与日历上已占用的时段重叠，提交将被拒绝', en: 'This overlaps a busy slot on the calendar; the request will be refused' })}</Typography.Text></div>}
          </div>
        )}
        <div className="pb-booking-prices">
          <Typography.Text type="secondary">{bi(lang, { zh: '按您的机构类别计价（元/小时）：', en: 'Priced by your organisation\'s category (yuan per hour):' })}</Typography.Text>
          <HourlyPriceList prices={prices} />
        </div>
        <Button type="primary" icon={<SendOutlined />} loading={saving} onClick={submit} block data-testid="pilot-booking-submit">
          <Bi zh="提交预约申请" en="Request this slot" />
        </Button>
      </Form>
    </div>
  );
}
