import { writeWorkbook, type Column } from '../../platform/excel/index.js';
import { chineseDate, officialDocumentDocx } from '../../platform/reports/index.js';
import { NODE_KINDS } from './model/trace-kinds.js';
import type { Party, TraceGraph } from './trace.graph.js';

/**
 * The recall report (召回报告) of a trace, in Excel and Word: the lots affected, where they went
 * (shipments: to whom, where, when, how much) and the events proving each link. Both files are
 * made from the same rows, so they cannot disagree.
 */

const ISSUER = '重庆市生物制造产业行动计划运行平台';
const DIRECTION = { backward: { zh: '逆向追溯（溯源）', en: 'backward trace' }, forward: { zh: '正向追踪（召回）', en: 'forward trace' } } as const;

const shanghai = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
const partyText = (ps: Party[]) => ps.map((p) => `${p.id}${p.type ? `（${p.type}）` : ''}`).join('；');

export function recallRows(g: TraceGraph) {
  const eventById = new Map(g.events.map((e) => [e.eventId, e]));
  const lots = g.nodes.filter((n) => n.kind !== 'shipment').sort((a, b) => a.depth - b.depth || a.label.localeCompare(b.label)).map((n) => ({
    epc: n.epc, label: n.label, kind: NODE_KINDS[n.kind].zh, depth: n.depth, organisation: n.organisation?.nameZh ?? '', factory: n.factory?.nameZh ?? '',
    link: n.link ? `${n.link.kind === 'batch' ? '批次' : '菌种'} ${n.link.code}` : '', events: n.eventIds.length,
  }));
  const shipments = g.shipments.map((s) => ({
    time: shanghai(s.time), step: s.bizStep ?? s.eventType, label: s.label, epc: s.epc, quantity: s.quantity, uom: s.uom ?? '',
    to: partyText(s.destinations), from: partyText(s.sources), where: s.bizLocation ?? s.readPoint ?? '', organisation: s.organisationNameZh ?? '', eventId: s.eventId,
  }));
  const links = g.edges.map((e) => {
    const ev = eventById.get(e.eventId);
    return {
      from: e.from, to: e.to, eventId: e.eventId, time: shanghai(e.time), type: e.eventType, bizStep: e.bizStep ?? '', readPoint: ev?.readPoint ?? '',
      organisation: ev?.organisationNameZh ?? '', quantity: e.quantity, uom: e.uom ?? '',
    };
  });
  return { lots, shipments, links };
}

const LOT_COLUMNS: Column[] = [
  { key: 'label', headerZh: '批号/标识', headerEn: 'Lot / identifier', type: 'string', width: 24 },
  { key: 'kind', headerZh: '类别', headerEn: 'Kind', type: 'string' },
  { key: 'depth', headerZh: '层级', headerEn: 'Depth', type: 'integer' },
  { key: 'organisation', headerZh: '所在机构', headerEn: 'Organisation', type: 'string', width: 26 },
  { key: 'factory', headerZh: '所在工厂', headerEn: 'Factory', type: 'string', width: 22 },
  { key: 'link', headerZh: '关联记录', headerEn: 'Linked record', type: 'string' },
  { key: 'epc', headerZh: 'EPC', headerEn: 'EPC', type: 'string', width: 48 },
];
const SHIPMENT_COLUMNS: Column[] = [
  { key: 'time', headerZh: '时间', headerEn: 'Time', type: 'string', width: 17 },
  { key: 'step', headerZh: '业务步骤', headerEn: 'Business step', type: 'string' },
  { key: 'label', headerZh: '批号/标识', headerEn: 'Lot / identifier', type: 'string', width: 22 },
  { key: 'quantity', headerZh: '数量', headerEn: 'Quantity', type: 'number' },
  { key: 'uom', headerZh: '单位', headerEn: 'Unit', type: 'string' },
  { key: 'to', headerZh: '收货方/目的地', headerEn: 'To', type: 'string', width: 40 },
  { key: 'from', headerZh: '发货方/起运地', headerEn: 'From', type: 'string', width: 40 },
  { key: 'where', headerZh: '地点', headerEn: 'Location', type: 'string', width: 36 },
  { key: 'organisation', headerZh: '记录机构', headerEn: 'Recorded by', type: 'string', width: 26 },
  { key: 'eventId', headerZh: '事件标识', headerEn: 'Event ID', type: 'string', width: 40 },
];
const LINK_COLUMNS: Column[] = [
  { key: 'from', headerZh: '来自', headerEn: 'From', type: 'string', width: 44 },
  { key: 'to', headerZh: '进入', headerEn: 'Into', type: 'string', width: 44 },
  { key: 'time', headerZh: '时间', headerEn: 'Time', type: 'string', width: 17 },
  { key: 'type', headerZh: '事件类型', headerEn: 'Event type', type: 'string', width: 20 },
  { key: 'bizStep', headerZh: '业务步骤', headerEn: 'Business step', type: 'string' },
  { key: 'readPoint', headerZh: '读取点', headerEn: 'Read point', type: 'string', width: 36 },
  { key: 'quantity', headerZh: '数量', headerEn: 'Quantity', type: 'number' },
  { key: 'uom', headerZh: '单位', headerEn: 'Unit', type: 'string' },
  { key: 'organisation', headerZh: '记录机构', headerEn: 'Recorded by', type: 'string', width: 26 },
  { key: 'eventId', headerZh: '事件标识', headerEn: 'Event ID', type: 'string', width: 40 },
];

const title = (g: TraceGraph, startLabel: string) => `${startLabel} ${DIRECTION[g.direction].zh}报告`;
const fileName = (g: TraceGraph, startLabel: string, ext: string) => `${startLabel.replace(/[\\/:*?"<>|\s]+/g, '_')}-${g.direction === 'forward' ? '召回报告' : '溯源报告'}.${ext}`;

export async function recallWorkbook(g: TraceGraph, startLabel: string) {
  const r = recallRows(g);
  const buffer = await writeWorkbook([
    { name: '受影响批次 Lots', titleZh: title(g, startLabel), columns: LOT_COLUMNS, rows: r.lots },
    { name: '去向 Shipments', titleZh: `${title(g, startLabel)}：去向`, columns: SHIPMENT_COLUMNS, rows: r.shipments },
    { name: '证据事件 Events', titleZh: `${title(g, startLabel)}：证据事件`, columns: LINK_COLUMNS, rows: r.links },
  ]);
  return { buffer, fileName: fileName(g, startLabel, 'xlsx') };
}

export async function recallDocx(g: TraceGraph, startLabel: string, today: string, requester: string) {
  const r = recallRows(g);
  const products = g.nodes.filter((n) => n.kind === 'product').length;
  const parties = new Set(g.shipments.flatMap((s) => s.destinations.map((d) => d.id)));
  const paragraphs = [
    `按${requester}要求，对 ${startLabel}（${g.start}）作${DIRECTION[g.direction].zh}，依据平台 EPCIS 事件库中其有权查看的事件生成本报告。`,
    `共涉及批次与标识 ${r.lots.length} 个，其中产品批次 ${products} 个；证据事件 ${new Set(r.links.map((l) => l.eventId)).size} 个。`
      + (g.direction === 'forward' ? `发运与收货记录 ${r.shipments.length} 条，涉及收货方/目的地 ${parties.size} 个。` : ''),
    ...(g.truncated || g.depthLimited ? ['注意：追溯范围达到平台上限，结果可能不完整，请缩小范围后复核。'] : []),
    '附件一列出受影响批次，附件二列出去向，附件三列出证明每一环节的事件（事件标识、时间、类型、业务步骤、读取点）。',
  ];
  const buffer = await officialDocumentDocx({
    issuerZh: ISSUER, number: `追溯报告 ${today}`, title: title(g, startLabel), paragraphs, signature: ISSUER, date: today,
    attachments: [
      { title: '受影响批次', columns: ['批号/标识', '类别', '层级', '所在机构', '所在工厂', 'EPC'], rows: r.lots.map((l) => [l.label, l.kind, l.depth, l.organisation, l.factory, l.epc]) },
      { title: '去向', columns: ['时间', '业务步骤', '批号/标识', '数量', '收货方/目的地', '地点'], rows: r.shipments.map((s) => [s.time, s.step, s.label, s.quantity == null ? '' : `${s.quantity} ${s.uom}`, s.to, s.where]) },
      { title: '证据事件', columns: ['时间', '事件类型', '业务步骤', '来自', '进入', '读取点', '事件标识'], rows: r.links.map((l) => [l.time, l.type, l.bizStep, l.from, l.to, l.readPoint, l.eventId]) },
    ],
    footerZh: `${ISSUER}  ${chineseDate(today)}生成`,
  });
  return { buffer, fileName: fileName(g, startLabel, 'docx') };
}
