import type { Generated } from 'kysely';
import type { Timestamp } from '../../platform/db/schema.js';

/** The ip module's tables (migrations/0007_innovation.sql), merged into the application's DB type. */
export interface IpRightTable {
  id: Generated<string>;
  kind: 'patent' | 'standard' | 'softwareCopyright' | 'plantVariety';
  number: string;
  titleZh: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    ipRight: IpRightTable;
  }
}
