import type { Generated } from 'kysely';
import type { Timestamp } from '../../platform/db/schema.js';
import type { LocationKind, LotMethod, LotStatus, MoveKind, ViabilityMethod } from './model/stock.js';
import type { OfficerReason, SharingStatus } from './model/sharing.js';

/** The stock part's tables (migrations/0013_strain_stock.sql), merged into the application's DB type. */
export interface StorageLocationTable {
  id: Generated<string>;
  code: string;
  nameZh: string;
  nameEn: string | null;
  kind: LocationKind;
  temperatureC: number | null;
  roomZh: string | null;
  status: Generated<'inUse' | 'retired'>;
  noteZh: string | null;
  isDemo: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface StrainLotTable {
  id: Generated<string>;
  code: string;
  strainId: string | null;
  germplasmId: string | null;
  method: LotMethod;
  passage: number | null;
  preparedOn: string;
  vialsPrepared: number;
  vialsOnHand: number;
  alertLevel: Generated<number>;
  viabilityIntervalMonths: number | null;
  nextTestDue: string | null;
  locationId: string | null;
  rack: string | null;
  box: string | null;
  position: string | null;
  status: Generated<LotStatus>;
  viabilityFailed: Generated<boolean>;
  lowNotified: Generated<boolean>;
  noteZh: string | null;
  createdBy: string | null;
  isDemo: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ViabilityTestTable {
  id: Generated<string>;
  lotId: string;
  testedOn: string;
  method: ViabilityMethod;
  resultValue: number | null;
  resultUnit: string | null;
  passed: boolean;
  vialsUsed: Generated<number>;
  testedBy: string | null;
  noteZh: string | null;
  createdAt: Timestamp;
}

export interface StockMoveTable {
  id: Generated<string>;
  lotId: string;
  kind: MoveKind;
  delta: number;
  balanceAfter: number;
  reasonZh: string | null;
  sharingRequestId: string | null;
  viabilityTestId: string | null;
  movedOn: string;
  movedBy: string | null;
  createdAt: Timestamp;
}

export interface SharingRequestTable {
  id: Generated<string>;
  code: string;
  strainId: string;
  requesterOrganisationId: string;
  requesterUserId: string | null;
  labId: string;
  status: Generated<SharingStatus>;
  purposeZh: string;
  vials: number;
  mtaVersion: string;
  mtaConditions: Generated<string[]>;
  mtaAcceptedAt: Timestamp;
  needsOfficer: Generated<boolean>;
  needsOfficerReason: Generated<OfficerReason[]>;
  curatorId: string | null;
  curatorDecidedAt: Timestamp | null;
  curatorNoteZh: string | null;
  officerId: string | null;
  officerDecidedAt: Timestamp | null;
  officerNoteZh: string | null;
  rejectedBy: string | null;
  rejectedReasonZh: string | null;
  withdrawnAt: Timestamp | null;
  lotId: string | null;
  shippedVials: number | null;
  carrierZh: string | null;
  trackingNo: string | null;
  shippedOn: string | null;
  shippedBy: string | null;
  receivedAt: Timestamp | null;
  receivedBy: string | null;
  filedBy: string | null;
  isDemo: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    storageLocation: StorageLocationTable;
    strainLot: StrainLotTable;
    viabilityTest: ViabilityTestTable;
    stockMove: StockMoveTable;
    sharingRequest: SharingRequestTable;
  }
}
