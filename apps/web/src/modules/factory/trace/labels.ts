/** Words and colours of the trace pages (the server's NODE_KINDS, with a colour each). */
export type NodeKind = 'strain' | 'material' | 'batch' | 'product' | 'container' | 'shipment';

export const NODE_KINDS: Record<NodeKind, { zh: string; en: string; color: string }> = {
  strain: { zh: '菌种', en: 'Strain accession', color: '#8e44ad' },
  material: { zh: '物料批次', en: 'Material lot', color: '#7f8c8d' },
  batch: { zh: '生产批次', en: 'Batch', color: '#2f7d5b' },
  product: { zh: '产品批次', en: 'Product lot', color: '#d35400' },
  container: { zh: '包装/物流单元', en: 'Container', color: '#2471a3' },
  shipment: { zh: '发运/收货', en: 'Shipment', color: '#c0392b' },
};
export const KIND_ORDER: NodeKind[] = ['strain', 'material', 'batch', 'product', 'container', 'shipment'];

export const DIRECTIONS = {
  backward: { zh: '逆向溯源', en: 'Backward', hintZh: '从产品批次追到全部原料批次、菌种和生产批次', hintEn: 'From a product lot to every input lot, strain and batch' },
  forward: { zh: '正向追踪（召回）', en: 'Forward (recall)', hintZh: '从原料批次追到全部产品批次和发运去向', hintEn: 'From an input lot to every product lot and shipment' },
} as const;

export const EVENT_TYPES: Record<string, { zh: string; en: string }> = {
  ObjectEvent: { zh: '对象事件', en: 'Object' },
  AggregationEvent: { zh: '聚合事件', en: 'Aggregation' },
  TransactionEvent: { zh: '交易事件', en: 'Transaction' },
  TransformationEvent: { zh: '转化事件', en: 'Transformation' },
  AssociationEvent: { zh: '关联事件', en: 'Association' },
};

export const BIZ_STEPS: Record<string, { zh: string; en: string }> = {
  commissioning: { zh: '投产/赋码', en: 'Commissioning' },
  receiving: { zh: '收货', en: 'Receiving' },
  shipping: { zh: '发货', en: 'Shipping' },
  packing: { zh: '装箱/码垛', en: 'Packing' },
  unpacking: { zh: '拆箱', en: 'Unpacking' },
  inspecting: { zh: '检验', en: 'Inspecting' },
  departing: { zh: '离开', en: 'Departing' },
  arriving: { zh: '到达', en: 'Arriving' },
};
