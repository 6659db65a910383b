import { useMemo, useState } from 'react';
import { Badge, Button, Calendar, Card, Col, Empty, List, Row, Space, Spin, Tag, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
// Registers the Chinese week and month names the calendar asks for under the zh_CN locale; the default stays as it is.
import 'dayjs/locale/zh-cn';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import type { CalendarEvent } from './api';
import { CALENDAR_KINDS } from './CockpitShared';
import { bi, one } from './shared';

const ISO = 'YYYY-MM-DD';
/** Lines shown in a day's cell; the rest are counted and listed when the day is picked. */
const PER_CELL = 3;

/**
 * 时限日历: the deadlines of the month shown (and the spill-over days of the grid), one badge
 * per deadline, coloured by kind; picking a day lists its deadlines with links.
 */
export function CockpitCalendar() {
  const lang = useLang();
  const [day, setDay] = useState<Dayjs>(() => dayjs());
  const month = day.format('YYYY-MM');
  // The grid shows up to a week either side of the month; well within the server's 92 days.
  const range = useMemo(() => {
    const m = dayjs(`${month}-01`);
    return { from: m.subtract(7, 'day').format(ISO), to: m.endOf('month').add(14, 'day').format(ISO) };
  }, [month]);
  const cal = useApi<{ from: string; to: string; events: CalendarEvent[] }>(`/api/supervision/calendar${qs(range)}`);

  const byDate = useMemo(() => {
    const m = new Map<string, CalendarEvent[]>();
    for (const e of cal.data?.events ?? []) m.set(e.date, [...(m.get(e.date) ?? []), e]);
    return m;
  }, [cal.data]);
  const inMonth = useMemo(() => (cal.data?.events ?? []).filter((e) => e.date.startsWith(month)), [cal.data, month]);
  const picked = byDate.get(day.format(ISO)) ?? [];

  const cell = (d: Dayjs) => {
    const events = byDate.get(d.format(ISO));
    if (!events?.length) return null;
    return (
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, fontSize: 12, lineHeight: 1.6 }} data-testid={`calendar-day-${d.format(ISO)}`}>
        {events.slice(0, PER_CELL).map((e, i) => (
          <li key={i} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            <Badge color={CALENDAR_KINDS[e.kind].hex} text={<span style={{ fontSize: 12 }}>{e.titleZh}</span>} />
          </li>
        ))}
        {events.length > PER_CELL && <li style={{ color: 'var(--ink-3)' }}>{lang === 'zh' ? `另有 ${events.length - PER_CELL} 项…` : `${events.length - PER_CELL} more…`}</li>}
      </ul>
    );
  };

  const header = (
    <div className="table-toolbar" style={{ padding: '0 4px' }}>
      <Space>
        <Button size="small" icon={<LeftOutlined />} onClick={() => setDay((d) => d.subtract(1, 'month').startOf('month'))} aria-label={bi(lang, { zh: '上个月', en: 'Previous month' })} data-testid="calendar-prev" />
        <Typography.Text strong style={{ minWidth: 110, textAlign: 'center', display: 'inline-block' }}>
          {lang === 'zh' ? day.format('YYYY年M月') : day.format('MMMM YYYY')}
        </Typography.Text>
        <Button size="small" icon={<RightOutlined />} onClick={() => setDay((d) => d.add(1, 'month').startOf('month'))} aria-label={bi(lang, { zh: '下个月', en: 'Next month' })} data-testid="calendar-next" />
        <Button size="small" onClick={() => setDay(dayjs())}><Bi zh="今天" en="Today" /></Button>
        {cal.loading && <Spin size="small" />}
      </Space>
      <Space wrap size={[12, 4]} className="table-count">
        {(Object.keys(CALENDAR_KINDS) as CalendarEvent['kind'][]).map((k) => (
          <Badge key={k} color={CALENDAR_KINDS[k].hex} text={`${one(lang, CALENDAR_KINDS[k])} ${inMonth.filter((e) => e.kind === k).length}`} />
        ))}
      </Space>
    </div>
  );

  return (
    <Card className="panel" title={<Bi zh="时限日历" en="Deadline calendar" />}>
      {cal.error && <Typography.Text type="danger" style={{ display: 'block', marginBottom: 8 }}>{cal.error.message}</Typography.Text>}
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={16}>
          <Calendar
            value={day}
            onChange={setDay}
            headerRender={() => header}
            cellRender={(d, info) => (info.type === 'date' ? cell(d) : null)}
            data-testid="deadline-calendar"
          />
        </Col>
        <Col xs={24} xl={8}>
          <Typography.Title level={5} style={{ marginTop: 4 }}>
            {lang === 'zh' ? `${day.format('M月D日')} 的时限` : `Due on ${day.format('D MMM YYYY')}`}
            <Tag className="count-tag">{picked.length}</Tag>
          </Typography.Title>
          <List<CalendarEvent>
            dataSource={picked}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '当日没有到期事项；点击日历中的日期查看', en: 'Nothing is due this day; pick another date' })} /> }}
            renderItem={(e, i) => (
              <List.Item key={i} data-testid={`calendar-event-${e.kind}`}>
                <List.Item.Meta
                  avatar={<Badge color={CALENDAR_KINDS[e.kind].hex} />}
                  title={<Link to={e.link}>{e.titleZh}</Link>}
                  description={<Space size={6} wrap><Tag color={CALENDAR_KINDS[e.kind].color}>{one(lang, CALENDAR_KINDS[e.kind])}</Tag><span>{e.ownerNameZh}</span></Space>}
                />
              </List.Item>
            )}
          />
        </Col>
      </Row>
    </Card>
  );
}
