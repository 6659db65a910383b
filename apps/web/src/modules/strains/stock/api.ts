/** The answers of the stock part's routes, as the pages read them. */
export interface Page<T> { total: number; items: T[] }

export interface Flags { low: boolean; testDue: boolean; testOverdue: boolean; failed: boolean }

export interface Lot {
  id: string; code: string; strainId: string | null; germplasmId: string | null; method: string; passage: number | null; preparedOn: string;
  vialsPrepared: number; vialsOnHand: number; alertLevel: number; viabilityIntervalMonths: number | null; nextTestDue: string | null;
  locationId: string | null; rack: string | null; box: string | null; position: string | null; status: string; viabilityFailed: boolean; noteZh: string | null;
  accession: string | null; genus: string | null; species: string | null; strainDesignation: string | null; strainNameZh: string | null; restricted: boolean | null;
  germplasmCode: string | null; germplasmNameZh: string | null; locationCode: string | null; locationNameZh: string | null;
  subjectZh: string; place: string | null; flags: Flags;
}

export interface Move {
  id: string; lotId: string; kind: string; delta: number; balanceAfter: number; reasonZh: string | null; movedOn: string; createdAt: string;
  movedByName?: string | null; sharingRequestId: string | null; sharingRequestCode?: string | null; lotCode?: string;
}

export interface ViabilityTest {
  id: string; testedOn: string; method: string; resultValue: number | null; resultUnit: string | null; passed: boolean; vialsUsed: number; noteZh: string | null; testedByName: string | null;
}

export interface LotDetail extends Lot { moves: Move[]; viabilityTests: ViabilityTest[] }

export interface StorageLocation {
  id: string; code: string; nameZh: string; nameEn: string | null; kind: string; temperatureC: number | null; roomZh: string | null;
  status: 'inUse' | 'retired'; noteZh: string | null; activeLots: number; vialsOnHand: number;
}

export interface LocationView extends StorageLocation {
  racks: { rack: string | null; boxes: { box: string | null; lots: { id: string; code: string; position: string | null; method: string; vialsOnHand: number; alertLevel: number; viabilityFailed: boolean; accession: string | null; genus: string | null; species: string | null; germplasmCode: string | null; germplasmNameZh: string | null }[] }[] }[];
}

export interface UnstockedStrain { id: string; accession: string | null; genus: string; species: string | null; strainDesignation: string | null; nameZh: string | null; restricted: boolean }

export interface Alerts {
  asOf: string; dueBy: string; days: number;
  counts: { low: number; due: number; overdue: number; failed: number; unstocked: number };
  low: Lot[]; due: Lot[]; overdue: Lot[]; failed: Lot[]; unstocked: UnstockedStrain[];
}

export interface StrainLots { vialsOnHand: number; lots: Lot[]; moves: Move[] }

export interface Clause { zh: string; en: string }
export interface Mta { version: string; conditions: string[]; titleZh: string; titleEn: string; clauses: Clause[] }
export interface Reason { code: string; zh: string; en: string }

export interface Terms {
  strain: { id: string; accession: string | null; genus: string; species: string | null; strainDesignation: string | null; nameZh: string | null; hazardClass: number | null; biosafetyLevel: number; restricted: boolean };
  organisationId: string | null;
  labs: { id: string; code: string; nameZh: string; biosafetyLevel: number; effectiveLevel: number; certificateExpiresOn: string | null; sufficient: boolean }[];
  mta: Mta; needsOfficer: boolean; officerReasons: Reason[];
  /** For curators: the organisations they may file for. */
  requesters: { id: string; nameZh: string; kind: string }[];
}

export type SharingAction = 'approve' | 'reject' | 'ship' | 'receive' | 'withdraw';

export interface SharingRequest {
  id: string; code: string; strainId: string; status: string; statusZh: string; statusEn: string; step: 'curator' | 'officer' | 'shipment' | 'receipt' | null;
  requesterOrganisationId: string; requesterNameZh: string; requesterUserName: string | null; purposeZh: string; vials: number;
  accession: string | null; strainNameLatin: string; strainNameZh: string | null; hazardClass: number | null; strainBiosafetyLevel: number; restricted: boolean;
  labId: string; labCode: string; labNameZh: string; labLevel: number; labEffectiveLevel: number; labSufficient: boolean; labCertificateExpiresOn: string | null;
  mtaVersion: string; mtaAcceptedAt: string; mtaConditionNames: Reason[]; needsOfficer: boolean; officerReasons: Reason[];
  curatorName: string | null; curatorDecidedAt: string | null; curatorNoteZh: string | null; officerName: string | null; officerDecidedAt: string | null; officerNoteZh: string | null;
  rejectedReasonZh: string | null; withdrawnAt: string | null; lotId: string | null; lotCode: string | null; shippedVials: number | null; carrierZh: string | null;
  trackingNo: string | null; shippedOn: string | null; receivedAt: string | null; createdAt: string;
  may: Record<SharingAction, boolean>;
}

export interface SharingRequestDetail extends SharingRequest { mta: Mta }
