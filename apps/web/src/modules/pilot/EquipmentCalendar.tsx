import { useEffect, useMemo, useRef } from 'react';
import { Button, Calendar, Segmented, Space, Spin, Tooltip, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useLang } from '../../app/i18n';
import { bi, one } from '../supervision/shared';
import type { CalendarSlot } from './api.bases';
import { addDays, clock, cqToday, dayBlocks, dayStart, MINUTES_PER_DAY, nextMonthStart, slotText, weekOf, type DayBlock } from './BookingTime';
import { BOOKING_STATES, USER_CATEGORIES } from './labels.bases';

export type CalendarView = 'week' | 'month';

/** Pixels per hour in the week grid. */
const HOUR_PX = 30;
const WEEKDAYS_ZH = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The requester, its organisation and the base's keepers get who and why; everyone else the bare slot. */
const detailed = (s: CalendarSlot) => s.code !== undefined;

/** What a slot says: who and why to those who may know; to everyone else only that the time is taken. */
function SlotDetail({ slot }: { slot: CalendarSlot }) {
  const lang = useLang();
  const state = BOOKING_STATES[slot.state];
  return (
    <div className="pb-slot-detail">
      <div><b>{slotText(slot.from, slot.to)}</b></div>
      <div>{one(lang, state)}{slot.code ? ` · ${slot.code}` : ''}{slot.mine ? ` · ${bi(lang, { zh: '我的预约', en: 'mine' })}` : ''}</div>
      {detailed(slot) ? (
        <>
          <div>{slot.organisationNameZh ?? '—'}{slot.bookedByName ? ` · ${slot.bookedByName}` : ''}</div>
          {slot.userCategory && <div>{one(lang, USER_CATEGORIES[slot.userCategory])}{slot.priceYuan != null ? ` · ${slot.priceYuan} ${lang === 'zh' ? '元' : 'yuan'}` : ''}</div>}
          {slot.purposeZh && <div>{lang === 'zh' ? '用途：' : 'Purpose: '}{slot.purposeZh}</div>}
        </>
      ) : <div style={{ opacity: 0.75 }}>{bi(lang, { zh: '该时段已被占用', en: 'This time is taken' })}</div>}
    </div>
  );
}

function Block({ b, compact }: { b: DayBlock<CalendarSlot>; compact?: boolean }) {
  const lang = useLang();
  const s = b.slot;
  const top = (b.startMin / 60) * HOUR_PX;
  const height = Math.max(14, ((b.endMin - b.startMin) / 60) * HOUR_PX - 2);
  const who = detailed(s) ? (s.organisationNameZh ?? s.bookedByName ?? '—') : bi(lang, { zh: '已占用', en: 'Busy' });
  return (
    <Tooltip title={<SlotDetail slot={s} />}>
      <div className={`pb-slot pb-slot-${s.state}${s.mine ? ' pb-slot-mine' : ''}${b.fromBefore ? ' pb-slot-cont-before' : ''}${b.runsOn ? ' pb-slot-cont-after' : ''}`}
        style={{ top, height }} onClick={(e) => e.stopPropagation()} data-testid="pilot-calendar-slot" data-state={s.state} data-mine={s.mine ? 'true' : undefined}>
        <span className="pb-slot-time">{clock(b.startMin)}–{clock(b.endMin)}</span>
        {!compact && height > 28 && <span className="pb-slot-who">{who}</span>}
      </div>
    </Tooltip>
  );
}

/**
 * A week grid of Chongqing days (00:00–24:00, scrolled to the working day), or a month; busy
 * slots drawn by state. Where the reader may book, a click on a free hour picks it for the form.
 */
export function EquipmentCalendar({ view, anchor, slots, loading, onView, onAnchor, onPick, selection }: {
  view: CalendarView; anchor: string; slots: CalendarSlot[]; loading: boolean;
  onView: (v: CalendarView) => void; onAnchor: (date: string) => void;
  /** Given when the reader may book: a click on a free hour of a day. */
  onPick?: (date: string, hour: number) => void;
  /** The slot being requested, outlined on the grid. */
  selection?: { from: string; to: string } | null;
}) {
  const lang = useLang();
  const today = cqToday();
  const days = weekOf(anchor);
  const scroller = useRef<HTMLDivElement>(null);
  const nowMin = useMemo(() => (Date.now() - dayStart(today).getTime()) / 60_000, [today]);

  useEffect(() => {
    if (view === 'week' && scroller.current) scroller.current.scrollTop = 7 * HOUR_PX;
  }, [view]);

  const step = (n: number) => {
    if (view === 'week') onAnchor(addDays(anchor, 7 * n));
    else onAnchor(n > 0 ? nextMonthStart(anchor) : `${addDays(`${anchor.slice(0, 7)}-01`, -1).slice(0, 7)}-01`);
  };
  const label = view === 'week'
    ? `${days[0]} – ${days[6].slice(5)}`
    : lang === 'zh' ? `${anchor.slice(0, 4)} 年 ${Number(anchor.slice(5, 7))} 月` : dayjs(anchor).format('MMMM YYYY');

  const toolbar = (
    <div className="pb-calendar-toolbar">
      <Space wrap>
        <Button icon={<LeftOutlined />} onClick={() => step(-1)} aria-label={bi(lang, { zh: '上一页', en: 'Previous' })} data-testid="pilot-calendar-prev" />
        <Button onClick={() => onAnchor(today)} data-testid="pilot-calendar-today">{bi(lang, { zh: '今天', en: 'Today' })}</Button>
        <Button icon={<RightOutlined />} onClick={() => step(1)} aria-label={bi(lang, { zh: '下一页', en: 'Next' })} data-testid="pilot-calendar-next" />
        <Typography.Text strong data-testid="pilot-calendar-label">{label}</Typography.Text>
        {loading && <Spin size="small" />}
      </Space>
      <Space wrap>
        <span className="pb-calendar-legend">
          {(['requested', 'approved', 'checkedIn', 'completed'] as const).map((s) => (
            <span key={s} className={`pb-legend-swatch pb-slot-${s}`} title={lang === 'zh' ? BOOKING_STATES[s].en : BOOKING_STATES[s].zh}>{one(lang, BOOKING_STATES[s])}</span>
          ))}
        </span>
        <Segmented<CalendarView> value={view} onChange={onView} data-testid="pilot-calendar-view"
          options={[{ value: 'week', label: bi(lang, { zh: '周', en: 'Week' }) }, { value: 'month', label: bi(lang, { zh: '月', en: 'Month' }) }]} />
      </Space>
    </div>
  );

  if (view === 'month') {
    return (
      <div data-testid="pilot-calendar" data-view="month">
        {toolbar}
        <Calendar value={dayjs(anchor)} headerRender={() => null} className="pb-month"
          onSelect={(d, info) => { if (info.source === 'date') { onAnchor(d.format('YYYY-MM-DD')); onView('week'); } }}
          fullCellRender={(d, info) => {
            if (info.type !== 'date') return info.originNode;
            const date = d.format('YYYY-MM-DD');
            const blocks = dayBlocks(slots, date);
            const inMonth = date.slice(0, 7) === anchor.slice(0, 7);
            return (
              <div className={`pb-month-cell${inMonth ? '' : ' pb-month-cell-out'}${date === today ? ' pb-month-cell-today' : ''}${date < today ? ' pb-month-cell-past' : ''}`}
                data-date={date} data-busy={blocks.length || undefined}>
                <div className="pb-month-date">{d.date()}</div>
                {blocks.slice(0, 3).map((b, i) => (
                  <Tooltip key={i} title={<SlotDetail slot={b.slot} />}>
                    <div className={`pb-month-slot pb-slot-${b.slot.state}${b.slot.mine ? ' pb-slot-mine' : ''}`} data-testid="pilot-calendar-slot" data-state={b.slot.state}>
                      {clock(b.startMin)}–{clock(b.endMin)}
                    </div>
                  </Tooltip>
                ))}
                {blocks.length > 3 && <div className="cell-sub">+{blocks.length - 3}</div>}
              </div>
            );
          }} />
        <Typography.Text type="secondary" className="small-note">{bi(lang, { zh: '点击日期查看该周并选择时段', en: 'Click a day to open its week and pick a slot' })}</Typography.Text>
      </div>
    );
  }

  const selected = selection ? [selection] : [];
  return (
    <div data-testid="pilot-calendar" data-view="week">
      {toolbar}
      <div className="pb-week">
        <div className="pb-week-head">
          <div />
          {days.map((d, i) => (
            <div key={d} className={`pb-week-day${d === today ? ' pb-week-today' : ''}`} data-date={d}>
              {lang === 'zh' ? WEEKDAYS_ZH[i] : WEEKDAYS_EN[i]} <span className="cell-sub">{d.slice(5)}</span>
            </div>
          ))}
        </div>
        <div className="pb-week-body" ref={scroller}>
          <div className="pb-week-grid" style={{ height: 24 * HOUR_PX, ['--pb-hour' as string]: `${HOUR_PX}px` }}>
            <div className="pb-week-gutter">
              {Array.from({ length: 24 }, (_, h) => <div key={h} style={{ top: h * HOUR_PX }}>{clock(h * 60)}</div>)}
            </div>
            {days.map((d) => {
              const past = d < today ? MINUTES_PER_DAY : d === today ? Math.max(0, nowMin) : 0;
              return (
                <div key={d} className={`pb-week-col${onPick ? ' pb-week-col-pick' : ''}`} data-date={d} data-testid={`pilot-calendar-day-${d}`}
                  onClick={(e) => {
                    if (!onPick) return;
                    const y = e.clientY - e.currentTarget.getBoundingClientRect().top;
                    const hour = Math.min(23, Math.max(0, Math.floor(y / HOUR_PX)));
                    if ((hour + 1) * 60 <= past) return;
                    onPick(d, hour);
                  }}>
                  {past > 0 && <div className="pb-week-past" style={{ height: (Math.min(past, MINUTES_PER_DAY) / 60) * HOUR_PX }} />}
                  {dayBlocks(slots, d).map((b, i) => <Block key={`${b.slot.id ?? b.slot.from}-${i}`} b={b} />)}
                  {dayBlocks(selected, d).map((b, i) => (
                    <div key={`sel-${i}`} className="pb-week-selection" style={{ top: (b.startMin / 60) * HOUR_PX, height: ((b.endMin - b.startMin) / 60) * HOUR_PX }} />
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      <Typography.Text type="secondary" className="small-note">
        {onPick
          ? bi(lang, { zh: '时间为重庆时间。点击空闲时段即可填入右侧预约申请。', en: 'Chongqing time. Click a free hour to put it in the request form.' })
          : bi(lang, { zh: '时间为重庆时间。灰色为已过去的时段。', en: 'Chongqing time. Grey is past.' })}
      </Typography.Text>
    </div>
  );
}
