import type { Generated } from 'kysely';
import type { Timestamp } from '../../platform/db/schema.js';

/** The ip module's tables (migrations/0007_innovation.sql), merged into the application's DB type. */
export interface IpRightTable {
  id: Generated<string>;
  kind: 'patent' | 'standard' | 'softwareCopyright' | 'plantVariety';
  number: string;
  titleZh: string;
  titleEn: string | null;
  /** Patents: invention | utility | design; standards: national | industry | local | group. */
  subtype: string | null;
  /** Left out, the database sets it from the kind: a standard starts 'drafting', the others 'filed'. */
  status: Generated<string>;
  filedOn: string | null;
  /** Granted (patent, variety), published (standard) or registered (software copyright). */
  grantedOn: string | null;
  inventors: Generated<string[]>;
  abstractZh: string | null;
  tokens: Generated<string[]>;
  createdBy: string | null;
  isDemo: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface IpHolderTable {
  ipRightId: string;
  organisationId: string;
  position: number;
}

/** A right linked to an organisation, an enterprise record, a pilot achievement, a platform, a challenge or an award. */
export interface IpLinkTable {
  ipRightId: string;
  targetKind: 'organisation' | 'enterprise' | 'achievement' | 'platform' | 'challenge' | 'award';
  targetId: string;
  createdBy: string | null;
  createdAt: Timestamp;
}

export interface IpInfringementReportTable {
  id: Generated<string>;
  code: string;
  ipRightId: string;
  reporterId: string;
  reporterOrgId: string | null;
  infringerZh: string;
  descriptionZh: string;
  fileIds: Generated<string[]>;
  status: Generated<'received' | 'investigating' | 'resolved' | 'dismissed'>;
  outcomeZh: string | null;
  handledBy: string | null;
  isDemo: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface IpReportEventTable {
  id: Generated<string>;
  seq: Generated<number>;
  reportId: string;
  at: Timestamp;
  actorId: string | null;
  actorName: string;
  fromStatus: string | null;
  toStatus: string;
  noteZh: string | null;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    ipRight: IpRightTable;
    ipHolder: IpHolderTable;
    ipLink: IpLinkTable;
    ipInfringementReport: IpInfringementReportTable;
    ipReportEvent: IpReportEventTable;
  }
}
