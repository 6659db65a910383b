import type { Timestamp } from '../../platform/db/schema.js';

/** The epcis part's own tables (migrations/0017_epcis.sql), merged into the application's DB type. */
export interface EpcisSecretTable {
  name: string;
  value: string;
}

export interface EpcisSiteTallyTable {
  organisationId: string;
  site: string;
  events: number;
  lastRecordTime: Timestamp;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    epcisSecret: EpcisSecretTable;
    epcisSiteTally: EpcisSiteTallyTable;
  }
}
