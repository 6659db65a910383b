import type { Generated } from 'kysely';
import type { Timestamp } from '../../platform/db/schema.js';

/** The innovation module's tables (migrations/0007_innovation.sql), merged into the application's DB type. */
export interface InnovationPlatformTable {
  id: Generated<string>;
  code: string;
  nameZh: string;
  nameEn: string | null;
  kind: 'lab' | 'engineeringCentre' | 'technologyCentre' | 'proofOfConcept' | 'newRnd';
  level: 'national' | 'municipal' | 'incubating';
  fields: Generated<string[]>;
  domains: Generated<string[]>;
  recognisedOn: string | null;
  recognisedByZh: string | null;
  status: Generated<'building' | 'operating' | 'revoked'>;
  districtCode: string | null;
  summaryZh: string | null;
  contactZh: string | null;
  sourceZh: string | null;
  tokens: Generated<string[]>;
  isDemo: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface InnovationPlatformHostTable {
  platformId: string;
  organisationId: string;
  position: number;
}

export interface PlatformInstrumentTable {
  id: Generated<string>;
  platformId: string;
  nameZh: string;
  model: string | null;
  valueWan: number | null;
  openToShare: Generated<boolean>;
  bookingContactZh: string | null;
  noteZh: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    innovationPlatform: InnovationPlatformTable;
    innovationPlatformHost: InnovationPlatformHostTable;
    platformInstrument: PlatformInstrumentTable;
  }
}
