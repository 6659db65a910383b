import { useMemo } from 'react';
import { Badge, Button, Card, Empty, Segmented, Select, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CalendarOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi, dateTime, one } from '../supervision/shared';
import { useListParams } from '../supervision/WorkShared';
import { usePilotRoles } from './access';
import { useBaseOptions, type Booking, type Page } from './api.bases';
import { BookingStateTag, CategoryTag, yuanText } from './BaseTags';
import { BookingActions } from './BookingActions';
import { durationText, hoursBetween, slotText } from './BookingTime';
import { BOOKING_STATE_ORDER, BOOKING_STATES, type BookingState } from './labels.bases';

const FILTERS = ['view', 'state', 'baseId', 'equipmentId'] as const;

/** The state, and what became of it: the rejection's reason, the hours used. */
function Outcome({ b }: { b: Booking }) {
  const lang = useLang();
  return (
    <div>
      <BookingStateTag state={b.state} />
      {(b.state === 'rejected' || b.state === 'cancelled') && b.reasonZh && <div className="cell-sub" data-testid="pilot-booking-reason">{b.reasonZh}</div>}
      {b.state === 'completed' && b.usageHours != null && (
        <Tooltip title={b.usageNoteZh}>
          <div className="cell-sub">{lang === 'zh' ? `实际使用 ${b.usageHours} 小时` : `${b.usageHours} h used`}</div>
        </Tooltip>
      )}
      {b.state === 'checkedIn' && b.checkedInAt && <div className="cell-sub">{lang === 'zh' ? '签到 ' : 'In at '}{dateTime(b.checkedInAt)}</div>}
    </div>
  );
}

/**
 * 设备预约: my bookings (and my organisation's), and for a base's keepers the base's queue, to
 * approve, reject with a reason, check in, record the hours used, or cancel; each with its state.
 */
export default function BookingsPage() {
  const lang = useLang();
  const navigate = useNavigate();
  const { baseKeeper, taskForce } = usePilotRoles();
  const { filters, page, size, set, paging } = useListParams(FILTERS);
  const view: 'mine' | 'queue' = baseKeeper && filters.view !== 'mine' ? 'queue' : 'mine';
  const state = filters.state as BookingState | undefined;
  const scope = view === 'mine' ? { mine: true } : { baseId: filters.baseId };
  const list = useApi<Page<Booking>>(`/api/pilot/bookings${qs({ ...scope, state, equipmentId: filters.equipmentId, ...paging })}`);
  const waiting = useApi<Page<Booking>>(baseKeeper ? `/api/pilot/bookings${qs({ state: 'requested', baseId: filters.baseId, limit: 1 })}` : null);
  const bases = useBaseOptions(taskForce && view === 'queue');
  const items = list.data?.items ?? [];
  const equipmentName = useMemo(() => items.find((b) => b.equipmentId === filters.equipmentId)?.equipmentNameZh ?? filters.equipmentId?.slice(0, 8), [items, filters.equipmentId]);
  const reload = () => { list.reload(); waiting.reload(); };

  const columns: ColumnsType<Booking> = [
    { title: <Bi zh="预约" en="Booking" />, key: 'code', width: 150, fixed: 'left',
      render: (_, b) => <div><span className="mono cell-main">{b.code}</span><div className="cell-sub">{dateTime(b.createdAt)}</div></div> },
    { title: <Bi zh="状态" en="State" />, key: 'state', width: 130, render: (_, b) => <Outcome b={b} /> },
    { title: <Bi zh="设备 / 基地" en="Item / base" />, key: 'equipment', width: 220,
      render: (_, b) => (
        <div>
          <Link to={`/pilot/equipment/${b.equipmentId}`} onClick={(e) => e.stopPropagation()} className="cell-main" data-testid="pilot-booking-equipment-link">{b.equipmentNameZh}</Link>
          <div className="cell-sub"><span className="mono">{b.equipmentCode}</span> · <Link to={`/pilot/bases/${b.baseId}`} onClick={(e) => e.stopPropagation()}>{b.baseNameZh}</Link></div>
        </div>
      ) },
    { title: <Bi zh="时段（重庆时间）" en="Slot (Chongqing time)" />, key: 'slot', width: 210,
      render: (_, b) => <div><span className="pb-nowrap">{slotText(b.from, b.to)}</span><div className="cell-sub">{durationText(hoursBetween(b.from, b.to), lang)}</div></div> },
    { title: <Bi zh="预约人" en="Requester" />, key: 'who', width: 190,
      render: (_, b) => <div>{b.organisationNameZh ?? '—'}<div className="cell-sub">{b.bookedByName ?? ''}</div></div> },
    { title: <Bi zh="类别 / 费用" en="Category / price" />, key: 'price', width: 140,
      render: (_, b) => <div><CategoryTag category={b.userCategory} /><div data-testid="pilot-booking-price-cell">{yuanText(lang, b.priceYuan)}</div></div> },
    { title: <Bi zh="用途" en="Purpose" />, dataIndex: 'purposeZh', width: 200,
      render: (p: string) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: p }} style={{ margin: 0 }}>{p}</Typography.Paragraph> },
    { title: <Bi zh="操作" en="Actions" />, key: 'actions', width: 230, fixed: 'right', render: (_, b) => <BookingActions booking={b} onDone={reload} /> },
  ];

  const stateOptions = [
    { value: '', label: bi(lang, { zh: '全部', en: 'All' }) },
    ...BOOKING_STATE_ORDER.map((s) => ({
      value: s,
      label: s === 'requested' && view === 'queue' && (waiting.data?.total ?? 0) > 0
        ? <span>{one(lang, BOOKING_STATES[s])} <Badge count={waiting.data?.total} size="small" /></span>
        : one(lang, BOOKING_STATES[s]),
    })),
  ];

  const empty = list.error ? <Empty description={list.error.message} />
    : state || filters.equipmentId || filters.baseId
      ? <Empty description={bi(lang, { zh: '没有符合条件的预约', en: 'No bookings match' })}>
          <Button onClick={() => set({ state: undefined, equipmentId: undefined, baseId: undefined })}><Bi zh="清除筛选" en="Clear filters" /></Button>
        </Empty>
      : view === 'mine'
        ? <Empty description={bi(lang, { zh: '暂无预约 — 在设备日历上选择时段即可申请', en: 'No bookings yet: pick a slot on an item\'s calendar' })}>
            <Button type="primary" icon={<CalendarOutlined />} onClick={() => navigate('/pilot/bases')}><Bi zh="去找设备" en="Find equipment" /></Button>
          </Empty>
        : <Empty description={bi(lang, { zh: '本基地暂无预约 — 设备设定价格并可预约后，企业和院所提交的申请会出现在这里', en: 'No bookings for your base yet: requests appear here once parties book its equipment' })} />;

  return (
    <>
      <PageHeader title={{ zh: '设备预约', en: 'Equipment bookings' }}
        description={bi(lang, {
          zh: '共享设备的预约：申请 → 基地批准（或驳回）→ 签到使用 → 记录使用时长后完成；签到前可取消。时间均为重庆时间。',
          en: 'Bookings of shared equipment: requested → approved (or rejected) by the base → checked in → complete once the hours used are recorded; cancellable before check-in. Times are Chongqing time.',
        })} />
      <Card className="panel">
        {baseKeeper && (
          <Tabs activeKey={view} onChange={(k) => set({ view: k === 'queue' ? undefined : k, state: undefined, baseId: undefined })} data-testid="pilot-bookings-tabs"
            items={[
              { key: 'queue', label: <span data-testid="pilot-bookings-tab-queue"><Bi zh={taskForce ? '全部预约' : '基地预约队列'} en={taskForce ? 'All bookings' : 'Base queue'} />{(waiting.data?.total ?? 0) > 0 && <Badge count={waiting.data?.total} size="small" style={{ marginLeft: 6 }} />}</span> },
              { key: 'mine', label: <span data-testid="pilot-bookings-tab-mine"><Bi zh="我的预约" en="My bookings" /></span> },
            ]} />
        )}
        <div className="table-toolbar">
          <Segmented<string> value={state ?? ''} onChange={(v) => set({ state: v || undefined })} options={stateOptions} data-testid="pilot-bookings-state" />
          {taskForce && view === 'queue' && (
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={bi(lang, { zh: '基地', en: 'Base' })} style={{ width: 220 }} value={filters.baseId}
              onChange={(v?: string) => set({ baseId: v })} loading={bases.loading} popupMatchSelectWidth={320} data-testid="pilot-bookings-base"
              options={(bases.data?.items ?? []).map((b) => ({ value: b.id, label: `${b.nameZh}（${b.code}）` }))} />
          )}
          {filters.equipmentId && (
            <Tag closable color="processing" onClose={() => set({ equipmentId: undefined })} data-testid="pilot-bookings-equipment-filter">
              {lang === 'zh' ? '设备：' : 'Item: '}{equipmentName}
            </Tag>
          )}
          <Typography.Text type="secondary" className="table-count">
            {lang === 'zh' ? `共 ${list.data?.total ?? 0} 条` : `${list.data?.total ?? 0} bookings`}
          </Typography.Text>
        </div>
        <Table<Booking>
          rowKey="id" columns={columns} dataSource={items} loading={list.loading} scroll={{ x: 1480 }}
          onRow={(b) => ({ 'data-testid': `pilot-booking-row-${b.code}`, 'data-state': b.state }) as React.HTMLAttributes<HTMLElement>}
          pagination={{
            current: page, pageSize: size, total: list.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100],
            onChange: (p, s) => set({ page: p === 1 ? undefined : p, size: s === 20 ? undefined : s }),
            showTotal: (total) => (lang === 'zh' ? `共 ${total} 条` : `${total} in all`),
          }}
          locale={{ emptyText: empty }}
          data-testid="pilot-bookings-table" />
      </Card>
    </>
  );
}
