import type { NodeKind } from './labels';

/** What GET /api/factory/trace answers (modules/factory/trace.graph.ts). */
export interface TraceNode {
  id: string; epc: string | null; kind: NodeKind; label: string; depth: number;
  organisation: { id: string; nameZh: string } | null;
  factory: { id: string; code: string; nameZh: string } | null;
  link: { kind: 'batch' | 'strain'; id: string; code: string } | null;
  eventIds: string[];
}
export interface TraceEdge { from: string; to: string; eventId: string; eventType: string; bizStep: string | null; time: string; quantity: number | null; uom: string | null }
export interface TraceEvent {
  eventId: string; eventType: string; action: string | null; bizStep: string | null; disposition: string | null; time: string;
  readPoint: string | null; bizLocation: string | null; organisationNameZh: string | null; epcs: string[];
}
export interface Party { type: string; id: string }
export interface Shipment {
  eventId: string; eventType: string; bizStep: string | null; time: string; epc: string; label: string; quantity: number | null; uom: string | null;
  sources: Party[]; destinations: Party[]; bizLocation: string | null; readPoint: string | null; organisationNameZh: string | null;
}
export interface TraceGraph {
  start: string; direction: 'backward' | 'forward'; maxDepth: number; truncated: boolean; depthLimited: boolean;
  nodes: TraceNode[]; edges: TraceEdge[]; events: TraceEvent[]; shipments: Shipment[];
}
export interface EpcChoice { epc: string; label: string; scheme: string; events: number; lastAt: string }
