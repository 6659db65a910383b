import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Table types as Kysely sees them (camelCase; the SQL is snake_case through CamelCasePlugin). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T extends object | null = object> = JSONColumnType<T, T | string, T | string>;

export interface OrganisationTable {
  id: Generated<string>;
  kind: string;
  nameZh: string;
  nameEn: string | null;
  districtCode: string | null;
  creditCode: string | null;
  isDemo: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface AppUserTable {
  id: Generated<string>;
  username: string;
  displayName: string;
  email: string | null;
  organisationId: string | null;
  roles: string[];
  passwordHash: string;
  failedLogins: Generated<number>;
  lockedUntil: Date | null;
  disabled: Generated<boolean>;
  lastLoginAt: Date | null;
  isDemo: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface UserSessionTable {
  idHash: string;
  userId: string;
  csrfToken: string;
  createdAt: Timestamp;
  expiresAt: Date;
  lastSeenAt: Timestamp;
  ip: string | null;
  userAgent: string | null;
}

export interface ApiTokenTable {
  id: Generated<string>;
  userId: string;
  name: string;
  prefix: string;
  tokenHash: string;
  scopes: string[];
  createdBy: string | null;
  createdAt: Timestamp;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string | null;
  before: Json | null;
  after: Json | null;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  checksum: string;
  appliedAt: Timestamp;
}

export interface DistrictTable {
  code: string;
  nameZh: string;
  shortZh: string;
  nameEn: string;
  type: string;
}

export interface BodyTable {
  code: string;
  nameZh: string;
  nameEn: string;
  type: string;
  districtCode: string | null;
  aliasesZh: string[];
}

export interface PlanVersionTable {
  id: Generated<number>;
  code: string;
  version: number;
  checksum: string;
  titleZh: string;
  titleEn: string;
  publisherZh: string;
  publisherEn: string;
  status: string;
  statusZh: string;
  horizonFrom: number;
  horizonTo: number;
  publishedOn: string | null;
  document: Json<Record<string, unknown>>;
  sourceText: string;
  createdAt: Timestamp;
}

export interface PlanDomainTable {
  planVersionId: number;
  code: string;
  ordinal: number;
  nameZh: string;
  nameEn: string;
}

export interface PlanActionTable {
  planVersionId: number;
  no: number;
  code: string;
  titleZh: string;
  titleEn: string;
  introZh: string;
  domains: string[];
}

export interface PlanTaskTable {
  planVersionId: number;
  no: number;
  actionNo: number;
  titleZh: string;
  titleEn: string;
  textZh: string;
  domains: string[];
  places: Json<Array<{ name: string; kind?: string; districtCode?: string }>>;
  products: string[];
  fields: string[];
}

export interface PlanTaskBodyTable {
  planVersionId: number;
  taskNo: number;
  bodyCode: string;
}

export interface PlanTargetTable {
  planVersionId: number;
  code: string;
  actionNo: number;
  ordinal: number;
  statementZh: string;
  statementEn: string;
  indicatorZh: string;
  indicatorEn: string;
  quantified: boolean;
  comparator: string | null;
  value: number | null;
  unit: string | null;
  unitEn: string | null;
  year: number;
  threshold: Json<Record<string, unknown>> | null;
  sourceSentence: string;
}

export interface PlanSafeguardTable {
  planVersionId: number;
  no: number;
  titleZh: string;
  titleEn: string;
  textZh: string;
}

export interface DB {
  organisation: OrganisationTable;
  appUser: AppUserTable;
  userSession: UserSessionTable;
  apiToken: ApiTokenTable;
  auditLog: AuditLogTable;
  schemaMigration: SchemaMigrationTable;
  district: DistrictTable;
  body: BodyTable;
  planVersion: PlanVersionTable;
  planDomain: PlanDomainTable;
  planAction: PlanActionTable;
  planTask: PlanTaskTable;
  planTaskBody: PlanTaskBodyTable;
  planTarget: PlanTargetTable;
  planSafeguard: PlanSafeguardTable;
}
