import { useEffect, useMemo, useState } from 'react';
import { AutoComplete, Button, Card, Col, Descriptions, Empty, InputNumber, Row, Segmented, Space, Statistic, Table, Tabs, Tag, Typography, Alert } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileExcelOutlined, FileWordOutlined, NodeIndexOutlined, SearchOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { qs } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { useLang } from '../../../app/i18n';
import { PageHeader } from '../../../app/PageHeader';
import { useApi } from '../../../app/useApi';
import { bi, dateTime, ExportButton, one } from '../../supervision/shared';
import type { EpcChoice, Shipment, TraceEvent, TraceGraph, TraceNode } from './api';
import { BIZ_STEPS, DIRECTIONS, EVENT_TYPES, KIND_ORDER, NODE_KINDS } from './labels';
import { TraceGraphChart } from './TraceGraphChart';

type Direction = keyof typeof DIRECTIONS;
const word = (lang: 'zh' | 'en', table: Record<string, { zh: string; en: string }>, v: string | null) => (v ? (table[v] ? one(lang, table[v]) : v) : '—');
const partyText = (ps: { type: string; id: string }[]) => ps.map((p) => p.id.split(':').pop()).join('、') || '—';

/** Suggests EPCs the caller may trace as a lot number or part of an EPC is typed. */
function useEpcChoices(typed: string) {
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(t);
  }, [typed]);
  return useApi<{ items: EpcChoice[] }>(q.length >= 2 && !q.includes(':') ? `/api/factory/trace/epcs${qs({ q, limit: 12 })}` : null);
}

/**
 * 追溯与召回: enter a lot number or EPC (pick from the EPCs you may see), choose backward or
 * forward, and read the graph layered by depth, the affected lots, where they went, and the
 * events proving each link; the recall report downloads as Excel or Word. The query lives in the
 * URL, so a trace can be shared as a link.
 */
export default function TracePage() {
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const epc = params.get('epc') ?? '';
  const direction = (params.get('direction') === 'forward' ? 'forward' : 'backward') as Direction;
  const depth = params.get('depth') ?? '';
  const [typed, setTyped] = useState(epc);
  const [typedDepth, setTypedDepth] = useState<number | null>(depth ? Number(depth) : null);
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => setTyped(epc), [epc]);
  useEffect(() => setSelected(null), [epc, direction]);
  const choices = useEpcChoices(typed);
  const query = { epc, direction, depth: depth || undefined };
  const trace = useApi<TraceGraph>(epc ? `/api/factory/trace${qs(query)}` : null);
  const g = trace.data;

  const go = (next: { epc?: string; direction?: Direction }) => {
    const e = (next.epc ?? typed).trim();
    if (!e) return;
    setParams({ epc: e, direction: next.direction ?? direction, ...(typedDepth ? { depth: String(typedDepth) } : {}) });
  };

  const eventsById = useMemo(() => new Map((g?.events ?? []).map((e) => [e.eventId, e])), [g]);
  const node = g?.nodes.find((n) => n.id === selected) ?? null;
  const counts = useMemo(() => Object.fromEntries(KIND_ORDER.map((k) => [k, g?.nodes.filter((n) => n.kind === k).length ?? 0])), [g]);

  const lotColumns: ColumnsType<TraceNode> = [
    { title: <Bi zh="批号/标识" en="Lot / identifier" />, dataIndex: 'label', render: (v: string, n) => <a onClick={() => setSelected(n.id)}>{v}</a>, sorter: (a, b) => a.label.localeCompare(b.label) },
    {
      title: <Bi zh="类别" en="Kind" />, dataIndex: 'kind', render: (k: TraceNode['kind']) => <Tag color={NODE_KINDS[k].color}>{one(lang, NODE_KINDS[k])}</Tag>,
      filters: KIND_ORDER.filter((k) => k !== 'shipment').map((k) => ({ text: bi(lang, NODE_KINDS[k]), value: k })), onFilter: (v, n) => n.kind === v,
    },
    { title: <Bi zh="层级" en="Depth" />, dataIndex: 'depth', width: 80, sorter: (a, b) => a.depth - b.depth, defaultSortOrder: 'ascend' },
    { title: <Bi zh="所在机构" en="Organisation" />, render: (_, n) => n.organisation?.nameZh ?? '—' },
    { title: <Bi zh="所在工厂" en="Factory" />, render: (_, n) => n.factory?.nameZh ?? '—' },
    { title: <Bi zh="关联" en="Linked" />, render: (_, n) => <NodeLink node={n} /> },
    { title: 'EPC', dataIndex: 'epc', render: (v: string) => <Typography.Text type="secondary" copyable={{ text: v }} style={{ fontSize: 12 }}>{v}</Typography.Text> },
  ];
  const shipmentColumns: ColumnsType<Shipment> = [
    { title: <Bi zh="时间" en="Time" />, dataIndex: 'time', render: dateTime, sorter: (a, b) => a.time.localeCompare(b.time), defaultSortOrder: 'ascend', width: 150 },
    { title: <Bi zh="业务步骤" en="Step" />, dataIndex: 'bizStep', render: (v: string | null) => <Tag color={v === 'receiving' ? 'green' : 'volcano'}>{word(lang, BIZ_STEPS, v)}</Tag> },
    { title: <Bi zh="货物" en="Goods" />, dataIndex: 'label' },
    { title: <Bi zh="数量" en="Quantity" />, render: (_, s) => (s.quantity == null ? '—' : `${s.quantity} ${s.uom ?? ''}`) },
    { title: <Bi zh="收货方/目的地" en="To" />, render: (_, s) => partyText(s.destinations) },
    { title: <Bi zh="发货方/起运地" en="From" />, render: (_, s) => partyText(s.sources) },
    { title: <Bi zh="记录机构" en="Recorded by" />, dataIndex: 'organisationNameZh' },
  ];
  const eventColumns: ColumnsType<TraceEvent> = [
    { title: <Bi zh="时间" en="Time" />, dataIndex: 'time', render: dateTime, width: 150, sorter: (a, b) => a.time.localeCompare(b.time), defaultSortOrder: 'ascend' },
    { title: <Bi zh="事件类型" en="Type" />, dataIndex: 'eventType', render: (v: string) => word(lang, EVENT_TYPES, v) },
    { title: <Bi zh="业务步骤" en="Step" />, dataIndex: 'bizStep', render: (v: string | null) => word(lang, BIZ_STEPS, v) },
    { title: <Bi zh="读取点" en="Read point" />, dataIndex: 'readPoint', render: (v: string | null) => v?.split(':').pop() ?? '—' },
    { title: <Bi zh="记录机构" en="Recorded by" />, dataIndex: 'organisationNameZh' },
    { title: <Bi zh="事件标识" en="Event ID" />, dataIndex: 'eventId', render: (v: string) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{v}</Typography.Text> },
  ];

  return (
    <div>
      <PageHeader title={{ zh: '追溯与召回', en: 'Trace and recall' }}
        description={bi(lang, { zh: '按 GS1 EPCIS 事件逆向溯源或正向追踪，只使用您有权查看的事件', en: 'Backward or forward over GS1 EPCIS events, using only the events you may see' })}
        extra={g && (
          <Space>
            <ExportButton path={`/api/factory/trace/report.xlsx${qs(query)}`} fallbackName="trace-report.xlsx" zh="召回报告 Excel" en="Report (Excel)" icon={<FileExcelOutlined />} testId="trace-report-xlsx" />
            <ExportButton path={`/api/factory/trace/report.docx${qs(query)}`} fallbackName="trace-report.docx" zh="召回报告 Word" en="Report (Word)" icon={<FileWordOutlined />} testId="trace-report-docx" />
          </Space>
        )} />

      <Card className="panel" size="small">
        <Space wrap size="middle">
          <AutoComplete style={{ width: 460 }} value={typed} onChange={setTyped} onSelect={(v: string) => { setTyped(v); go({ epc: v }); }}
            options={(choices.data?.items ?? []).map((c) => ({ value: c.epc, label: <span data-testid="trace-choice"><b>{c.label}</b> <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.epc}</Typography.Text></span> }))}
            placeholder={bi(lang, { zh: '批号或 EPC，如 LYS-2026-1025-01', en: 'Lot number or EPC' })} data-testid="trace-epc" allowClear
            onKeyDown={(e) => { if (e.key === 'Enter' && !choices.data?.items.length) go({}); }} />
          <Segmented value={direction} onChange={(v) => { if (epc) go({ direction: v as Direction }); else setParams({ direction: v as string }); }} data-testid="trace-direction"
            options={(Object.keys(DIRECTIONS) as Direction[]).map((d) => ({ value: d, label: bi(lang, DIRECTIONS[d]) }))} />
          <InputNumber min={1} max={50} value={typedDepth} onChange={(v) => setTypedDepth(v)} placeholder={bi(lang, { zh: '层数（不限）', en: 'Depth (all)' })} style={{ width: 140 }} />
          <Button type="primary" icon={<SearchOutlined />} onClick={() => go({})} data-testid="trace-go"><Bi zh="追溯" en="Trace" /></Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{one(lang, { zh: DIRECTIONS[direction].hintZh, en: DIRECTIONS[direction].hintEn })}</Typography.Paragraph>
      </Card>

      {!epc ? (
        <Card className="panel">
          <Empty image={<NodeIndexOutlined style={{ fontSize: 56, color: '#bbb' }} />} data-testid="trace-empty"
            description={bi(lang, {
              zh: '输入产品批号、原料批号或 EPC（也可粘贴 GS1 数字链接），选择“逆向溯源”查来源，或“正向追踪”查某批原料进入了哪些产品、发往何处。',
              en: 'Enter a product lot, an input lot or an EPC (a GS1 Digital Link works too); go backward to find where it came from, or forward to find which products it went into and where they were shipped.',
            })} />
        </Card>
      ) : (
        <LoadState loading={trace.loading && !g} error={trace.error} reload={trace.reload} rows={8}>
          {g && (
            <>
              {(g.truncated || g.depthLimited) && (
                <Alert type="warning" showIcon style={{ marginTop: 12 }} title={bi(lang, g.truncated
                  ? { zh: '追溯范围达到上限，结果不完整', en: 'The trace reached its size limit; the result is incomplete' }
                  : { zh: '已按所设层数截止，更远的环节未列出', en: 'Stopped at the depth asked for; further links are not shown' })} />
              )}
              <Row gutter={12} style={{ marginTop: 12 }}>
                {KIND_ORDER.map((k) => (
                  <Col key={k} xs={12} md={4}>
                    <Card size="small" className="panel"><Statistic title={<Bi zh={NODE_KINDS[k].zh} en={NODE_KINDS[k].en} />} value={counts[k]} valueStyle={{ color: NODE_KINDS[k].color }} /></Card>
                  </Col>
                ))}
              </Row>
              <Row gutter={12} style={{ marginTop: 12 }}>
                <Col xs={24} xl={node ? 16 : 24}>
                  <Card className="panel" size="small" title={<Bi zh="追溯图（点击节点查看事件）" en="Trace graph (click a node for its events)" />}>
                    <TraceGraphChart graph={g} selected={selected} onSelect={setSelected} />
                  </Card>
                </Col>
                {node && (
                  <Col xs={24} xl={8}>
                    <Card className="panel" size="small" data-testid="trace-node" title={<span>{node.label} <Tag color={NODE_KINDS[node.kind].color}>{one(lang, NODE_KINDS[node.kind])}</Tag></span>}
                      extra={<Button size="small" type="link" onClick={() => setSelected(null)}><Bi zh="关闭" en="Close" /></Button>}>
                      <Descriptions column={1} size="small">
                        {node.epc && <Descriptions.Item label="EPC"><Typography.Text copyable style={{ fontSize: 12 }}>{node.epc}</Typography.Text></Descriptions.Item>}
                        <Descriptions.Item label={bi(lang, { zh: '所在机构', en: 'Organisation' })}>{node.organisation?.nameZh ?? '—'}</Descriptions.Item>
                        <Descriptions.Item label={bi(lang, { zh: '所在工厂', en: 'Factory' })}>{node.factory?.nameZh ?? '—'}</Descriptions.Item>
                        <Descriptions.Item label={bi(lang, { zh: '关联', en: 'Linked' })}><NodeLink node={node} /></Descriptions.Item>
                      </Descriptions>
                      {node.epc && node.epc !== g.start && (
                        <Space style={{ marginBottom: 8 }}>
                          <Button size="small" onClick={() => go({ epc: node.epc!, direction: 'backward' })}><Bi zh="从此溯源" en="Trace back" /></Button>
                          <Button size="small" onClick={() => go({ epc: node.epc!, direction: 'forward' })}><Bi zh="从此追踪" en="Trace forward" /></Button>
                        </Space>
                      )}
                      <Table<TraceEvent> size="small" rowKey="eventId" pagination={false} columns={eventColumns.slice(0, 4)}
                        dataSource={node.eventIds.map((id) => eventsById.get(id)).filter((e): e is TraceEvent => !!e)} />
                    </Card>
                  </Col>
                )}
              </Row>
              <Card className="panel" size="small" style={{ marginTop: 12 }}>
                <Tabs items={[
                  {
                    key: 'lots', label: <Bi zh={`受影响批次（${g.nodes.filter((n) => n.kind !== 'shipment').length}）`} en="Lots" />,
                    children: <Table<TraceNode> size="small" rowKey="id" columns={lotColumns} dataSource={g.nodes.filter((n) => n.kind !== 'shipment')} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="trace-lots" />,
                  },
                  {
                    key: 'shipments', label: <Bi zh={`去向（${g.shipments.length}）`} en="Shipments" />,
                    children: g.direction === 'forward'
                      ? <Table<Shipment> size="small" rowKey={(s) => `${s.eventId}-${s.epc}`} columns={shipmentColumns} dataSource={g.shipments} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="trace-shipments"
                          locale={{ emptyText: bi(lang, { zh: '这些批次还没有发运或收货记录', en: 'No shipping or receiving recorded for these lots' }) }} />
                      : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '去向在“正向追踪”中列出', en: 'Shipments are listed in a forward trace' })}>
                          <Button onClick={() => go({ direction: 'forward' })}><Bi zh="改为正向追踪" en="Trace forward" /></Button>
                        </Empty>,
                  },
                  {
                    key: 'events', label: <Bi zh={`证据事件（${g.events.length}）`} en="Events" />,
                    children: <Table<TraceEvent> size="small" rowKey="eventId" columns={eventColumns} dataSource={g.events} pagination={{ pageSize: 20, hideOnSinglePage: true }} />,
                  },
                ]} />
              </Card>
            </>
          )}
        </LoadState>
      )}
    </div>
  );
}

function NodeLink({ node }: { node: TraceNode }) {
  if (!node.link) return <>—</>;
  return node.link.kind === 'batch'
    ? <Link to={`/factory/batches/${node.link.id}`}><Bi zh={`批次 ${node.link.code}`} en="Batch" /></Link>
    : <Link to={`/strains/${node.link.id}`}><Bi zh={`菌种 ${node.link.code}`} en="Strain" /></Link>;
}
