import { useMemo, useState } from 'react';
import { Button, Card, Empty, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { useLang } from '../../app/i18n';
import { bi } from '../supervision/shared';
import { useEvents, type InvestEvent } from './api';
import { EventFormModal } from './EventFormModal';

/** Dated events first, the latest on top; those without a date (as the plan names them) after. */
const byDate = (a: InvestEvent, b: InvestEvent) => (a.heldOn && b.heldOn ? b.heldOn.localeCompare(a.heldOn) : a.heldOn ? -1 : b.heldOn ? 1 : a.nameZh.localeCompare(b.nameZh, 'zh-CN'));

/** 招商推介活动: the promotion events leads come from, with how many leads each brought; the task force adds them. */
export function LeadEvents({ canAdd }: { canAdd: boolean }) {
  const lang = useLang();
  const events = useEvents();
  const [adding, setAdding] = useState(false);
  const rows = useMemo(() => [...(events.data ?? [])].sort(byDate), [events.data]);

  const columns: ColumnsType<InvestEvent> = [
    { title: <Bi zh="活动名称" en="Event" />, dataIndex: 'nameZh', render: (n: string) => <span className="cell-main">{n}</span> },
    { title: <Bi zh="日期" en="Date" />, dataIndex: 'heldOn', width: 104, render: (d: string | null) => d ?? '—' },
    { title: <Bi zh="地点" en="Place" />, dataIndex: 'placeZh', width: 120, render: (p: string | null) => p ?? '—' },
    { title: <Bi zh="主办单位" en="Organiser" />, dataIndex: 'organiserZh', width: 140, render: (o: string | null) => o ?? '—' },
    { title: <Bi zh="线索" en="Leads" />, dataIndex: 'leads', width: 72, align: 'right' },
  ];

  return (
    <Card className="panel" title={<Bi zh="招商推介活动" en="Promotion events" />} data-testid="lead-events"
      extra={canAdd && <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="event-add"><Bi zh="新增活动" en="Add an event" /></Button>}>
      <LoadState loading={events.loading && !events.data} error={events.error} reload={events.reload} rows={3}>
        <Table<InvestEvent> rowKey="id" size="small" columns={columns} dataSource={rows} scroll={{ x: 560 }} data-testid="lead-events-table"
          pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '尚无招商推介活动。登记线索时可注明来源活动。', en: 'No events yet; a lead can name the event it came from.' })} /> }} />
      </LoadState>
      {adding && <EventFormModal onClose={() => setAdding(false)} onSaved={() => { setAdding(false); events.reload(); }} />}
    </Card>
  );
}
