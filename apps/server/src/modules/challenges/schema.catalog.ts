import type { Generated } from 'kysely';
import type { Timestamp } from '../../platform/db/schema.js';

/** The tech-need catalog's tables (migrations/0008_tech_needs.sql), merged into the application's DB type. */
export interface TechNeedTable {
  id: Generated<string>;
  code: string;
  titleZh: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    techNeed: TechNeedTable;
  }
}
