import { useEffect, useMemo, useState } from 'react';
import { Button, Card, Col, DatePicker, Empty, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { qs } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { useLang } from '../../../app/i18n';
import { PageHeader } from '../../../app/PageHeader';
import { useApi } from '../../../app/useApi';
import { bi, dateTime } from '../../supervision/shared';
import { useListParams } from '../../supervision/WorkShared';
import { useFactoryRoles } from './access';
import { epcisPage, eventsOf, vocabularies, type CaptureJob, type EpcisEvent, type Page, type Vocabularies } from './api';
import { CaptureJobs } from './CaptureJobs';
import { CapturePanel } from './CapturePanel';
import { cbvText, EventDrawer } from './EventDrawer';
import { EVENT_TYPE_COLOURS } from './labels';

const FILTERS = ['eventType', 'bizStep', 'disposition', 'from', 'to', 'epc', 'readPoint', 'bizLocation'] as const;
const PER_PAGE = 20;

/** The EPCs an event names, whatever its type: instance EPCs first, then class-level ones. */
const epcsOf = (e: EpcisEvent) => [
  ...(e.parentID ? [String(e.parentID)] : []),
  ...['epcList', 'childEPCs', 'inputEPCList', 'outputEPCList'].flatMap((k) => (Array.isArray(e[k]) ? e[k] as string[] : [])),
  ...['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'].flatMap((k) => (Array.isArray(e[k]) ? (e[k] as { epcClass: string }[]).map((q) => q.epcClass) : [])),
];

/**
 * EPCIS 事件: the events the caller may see, filtered as the standard query parameters (event type,
 * business step and disposition with their CBV labels, time range, an EPC or pattern), paged by
 * the repository's next-page token; an event's drawer; for capturers, uploading a document and the
 * organisation's capture jobs.
 */
export default function EventsPage() {
  const lang = useLang();
  const roles = useFactoryRoles();
  const { filters, set } = useListParams(FILTERS);
  const [vocab, setVocab] = useState<Vocabularies | null>(null);
  useEffect(() => { vocabularies().then(setVocab, () => setVocab(null)); }, []);
  const [epcTyped, setEpcTyped] = useState(filters.epc ?? '');
  const [tokens, setTokens] = useState<(string | null)[]>([null]);
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<{ loading: boolean; error?: Error; events: EpcisEvent[]; next: string | null }>({ loading: true, events: [], next: null });
  const [open, setOpen] = useState<EpcisEvent | null>(null);
  const jobs = useApi<Page<CaptureJob>>(roles.capturer ? '/epcis/capture?limit=8' : null);

  const query = useMemo(() => ({
    eventType: filters.eventType, EQ_bizStep: filters.bizStep, EQ_disposition: filters.disposition,
    GE_eventTime: filters.from ? dayjs(filters.from).startOf('day').toISOString() : undefined,
    LT_eventTime: filters.to ? dayjs(filters.to).add(1, 'day').startOf('day').toISOString() : undefined,
    MATCH_anyEPC: filters.epc && !filters.epc.includes(':class:') ? filters.epc : undefined,
    MATCH_anyEPCClass: filters.epc?.includes(':class:') ? filters.epc : undefined,
    EQ_readPoint: filters.readPoint, EQ_bizLocation: filters.bizLocation, perPage: PER_PAGE,
  }), [filters]);
  // A new filter starts again from the first page.
  useEffect(() => setTokens([null]), [query]);
  const token = tokens[tokens.length - 1];

  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    epcisPage<unknown>(`/epcis/events${qs({ ...query, nextPageToken: token })}`).then(
      ({ data, nextPageToken }) => live && setState({ loading: false, events: eventsOf(data), next: nextPageToken }),
      (error: Error) => live && setState({ loading: false, error, events: [], next: null }),
    );
    return () => { live = false; };
  }, [query, token, tick]);

  const options = (kind: 'bizSteps' | 'dispositions' | 'eventTypes') => (vocab?.[kind] ?? []).map((v) => ({ value: v.code, label: lang === 'zh' ? `${v.zh} ${v.code}` : `${v.en} (${v.zh})` }));
  const filtered = Object.values(filters).some(Boolean);

  const columns: ColumnsType<EpcisEvent> = [
    { title: <Bi zh="发生时间" en="Event time" />, dataIndex: 'eventTime', width: 160, render: (t: string) => dateTime(t) },
    { title: <Bi zh="类型" en="Type" />, dataIndex: 'type', width: 120, render: (t: string) => <Tag color={EVENT_TYPE_COLOURS[t]}>{cbvText(lang, vocab, 'eventTypes', t)}</Tag> },
    { title: <Bi zh="业务步骤" en="Business step" />, dataIndex: 'bizStep', width: 140, render: (b?: string) => cbvText(lang, vocab, 'bizSteps', b) },
    { title: <Bi zh="处置" en="Disposition" />, dataIndex: 'disposition', width: 120, render: (d?: string) => cbvText(lang, vocab, 'dispositions', d) },
    { title: <Bi zh="动作" en="Action" />, dataIndex: 'action', width: 80, render: (a?: string) => a ?? '—' },
    { title: <Bi zh="对象" en="What" />, key: 'what', render: (_, e) => { const all = epcsOf(e); return all.length ? <span className="mono">{all[0]}{all.length > 1 && <Typography.Text type="secondary"> +{all.length - 1}</Typography.Text>}</span> : '—'; } },
    { title: <Bi zh="地点" en="Where" />, key: 'where', width: 260, render: (_, e) => <span className="mono">{(e.bizLocation as { id?: string } | undefined)?.id ?? (e.readPoint as { id?: string } | undefined)?.id ?? '—'}</span> },
  ];

  return (
    <>
      <PageHeader title={{ zh: 'EPCIS 追溯事件', en: 'EPCIS events' }}
        description={bi(lang, { zh: '本企业的事件，以及贸易伙伴涉及本企业 EPC（本企业工厂登记的 GS1 厂商识别代码下的批次、货物）的事件（监管部门可见全部）。筛选条件即 EPCIS 2.0 标准查询参数。', en: 'Your organisation\'s events, and trading partners\' events that name your EPCs — lots and goods under the GS1 company prefixes of your registered factories (overseers see all). The filters are the EPCIS 2.0 standard query parameters.' })} />
      <section className="section">
        <Card className="panel">
          <div className="table-toolbar">
            <Select allowClear style={{ width: 170 }} placeholder={bi(lang, { zh: '事件类型', en: 'Event type' })} value={filters.eventType} onChange={(v) => set({ eventType: v })} options={options('eventTypes')} data-testid="epcis-filter-type" />
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 200 }} placeholder={bi(lang, { zh: '业务步骤', en: 'Business step' })} value={filters.bizStep} onChange={(v) => set({ bizStep: v })} options={options('bizSteps')} data-testid="epcis-filter-bizstep" />
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 180 }} placeholder={bi(lang, { zh: '处置状态', en: 'Disposition' })} value={filters.disposition} onChange={(v) => set({ disposition: v })} options={options('dispositions')} />
            <DatePicker.RangePicker value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
              onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })} />
            <Input.Search allowClear style={{ width: 340 }} className="mono" placeholder={bi(lang, { zh: 'EPC、批次或模式（可用数字链接）', en: 'EPC, lot or pattern (Digital Link too)' })}
              value={epcTyped} onChange={(e) => setEpcTyped(e.target.value)} onSearch={(v) => set({ epc: v.trim() || undefined })} data-testid="epcis-filter-epc" />
            {(filters.readPoint || filters.bizLocation) && <Tag closable onClose={() => set({ readPoint: undefined, bizLocation: undefined })} className="mono">{filters.bizLocation ?? filters.readPoint}</Tag>}
          </div>
          <LoadState loading={state.loading && !state.events.length && !state.error} error={state.error} reload={() => setTick((t) => t + 1)}>
            <Table<EpcisEvent> rowKey="eventID" size="middle" columns={columns} dataSource={state.events} loading={state.loading} pagination={false} scroll={{ x: 1100 }}
              onRow={(e) => ({ onClick: () => setOpen(e), style: { cursor: 'pointer' } })} data-testid="epcis-events-table"
              locale={{ emptyText: <Empty description={bi(lang, filtered ? { zh: '没有符合条件的事件 — 放宽筛选条件试试', en: 'No events match: widen the filters' } : roles.capturer ? { zh: '尚无事件 — 在下方上传 EPCIS 文档，或用 API 令牌接入', en: 'No events yet: upload an EPCIS document below, or connect with an API token' } : { zh: '尚无可见的事件', en: 'No events to show yet' })} /> }} />
            <Row justify="end" style={{ marginTop: 12 }}>
              <Col>
                <Space>
                  <Typography.Text type="secondary">{bi(lang, { zh: `第 ${tokens.length} 页，每页 ${PER_PAGE} 条`, en: `Page ${tokens.length}, ${PER_PAGE} per page` })}</Typography.Text>
                  <Button icon={<LeftOutlined />} disabled={tokens.length < 2} onClick={() => setTokens((t) => t.slice(0, -1))}><Bi zh="上一页" en="Previous" /></Button>
                  <Button icon={<RightOutlined />} disabled={!state.next} onClick={() => setTokens((t) => [...t, state.next])} data-testid="epcis-next-page"><Bi zh="下一页" en="Next" /></Button>
                </Space>
              </Col>
            </Row>
          </LoadState>
        </Card>
      </section>
      {roles.capturer && (
        <section className="section">
          <Row gutter={16}>
            <Col xs={24} xl={10}><CapturePanel onCaptured={() => { jobs.reload(); setTokens([null]); setTick((t) => t + 1); }} /></Col>
            <Col xs={24} xl={14}><CaptureJobs jobs={jobs} /></Col>
          </Row>
        </section>
      )}
      <EventDrawer event={open} vocab={vocab} onClose={() => setOpen(null)} />
    </>
  );
}
