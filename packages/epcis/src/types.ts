/** What the repository stores of one event: the columns queries filter on, and the event itself. */
export type EpcisEventType = 'ObjectEvent' | 'AggregationEvent' | 'TransactionEvent' | 'TransformationEvent' | 'AssociationEvent';
export type EpcRole = 'epc' | 'parent' | 'child' | 'input' | 'output' | 'quantity' | 'childQuantity' | 'inputQuantity' | 'outputQuantity';

/** An EPC an event names, in its role; class-level EPCs carry their quantity. */
export interface EpcRef { epc: string; role: EpcRole; quantity?: number; uom?: string }

export interface NormalisedEvent {
  /** The event's eventID, or the standard's event hash (ni:///sha-256;…) when it has none. */
  eventId: string;
  eventType: EpcisEventType;
  action: 'ADD' | 'OBSERVE' | 'DELETE' | null;
  /** ISO 8601 instant. */
  eventTime: string;
  eventTimeZoneOffset: string;
  /** CBV values as bare words ('commissioning'), anything else as its full URI. */
  bizStep: string | null;
  disposition: string | null;
  readPoint: string | null;
  bizLocation: string | null;
  errorReason: string | null;
  epcs: EpcRef[];
  bizTransactions: { type: string; value: string }[];
  /** The event as captured (standard JSON), to be returned by queries. */
  event: Record<string, unknown>;
}

/** An RFC 9457 problem document, with the EPCIS exception type the REST binding names. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Where in the document, and what is wrong (JSON pointer + words). */
  errors?: { path: string; message: string }[];
}
