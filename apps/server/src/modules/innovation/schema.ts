import type { Generated } from 'kysely';
import type { Timestamp } from '../../platform/db/schema.js';

/** The innovation module's tables (migrations/0007_innovation.sql), merged into the application's DB type. */
export interface InnovationPlatformTable {
  id: Generated<string>;
  code: string;
  nameZh: string;
  nameEn: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    innovationPlatform: InnovationPlatformTable;
  }
}
