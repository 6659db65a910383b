import { epcInfo } from './trace-epc.js';

/**
 * A trace node's kind, from its identifier and the roles it plays in the events the viewer sees.
 * Material flows strain → material lots → batch → … → product lot → container → shipment.
 */
export type NodeKind = 'strain' | 'material' | 'batch' | 'product' | 'container' | 'shipment';

export const NODE_KINDS: Record<NodeKind, { zh: string; en: string }> = {
  strain: { zh: '菌种', en: 'Strain accession' },
  material: { zh: '物料批次', en: 'Material lot' },
  batch: { zh: '生产批次', en: 'Batch' },
  product: { zh: '产品批次', en: 'Product lot' },
  container: { zh: '包装/物流单元', en: 'Container' },
  shipment: { zh: '发运', en: 'Shipment' },
};

/** Roles an EPC plays across the events that name it (epcis_event_epc.role, with the event type). */
export interface RolesSeen { producedByTransformation: boolean; consumedByTransformation: boolean; parentOfAggregation: boolean }

/**
 * A strain is a strain; a lot that is some batch's `lot_epc` is that batch; an SSCC, an asset or
 * anything that holds others is a container; a lot or item that a transformation produced and no
 * transformation consumed is a product lot; every other lot is a material lot (raw materials,
 * media, intermediates).
 */
export function nodeKind(epc: string, roles: RolesSeen, isBatchLot: boolean): NodeKind {
  const scheme = epcInfo(epc).scheme;
  if (scheme === 'strain') return 'strain';
  if (isBatchLot) return 'batch';
  if (scheme === 'container' || scheme === 'asset' || roles.parentOfAggregation) return 'container';
  if (roles.producedByTransformation && !roles.consumedByTransformation) return 'product';
  return 'material';
}

/** Business steps that move goods between parties or sites: a shipment in a forward trace. */
export const SHIPMENT_STEPS = ['shipping', 'receiving', 'departing', 'arriving'];
/** Of those, the ones that send goods away (the others take them in). */
export const OUTBOUND_STEPS = ['shipping', 'departing'];
