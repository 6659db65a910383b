import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Table types as Kysely sees them (camelCase; the SQL is snake_case through CamelCasePlugin). */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json<T extends object | null = object> = JSONColumnType<T, T | string, T | string>;

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

export interface TaskAssignmentTable {
  taskNo: number;
  organisationId: string;
  role: string;
  createdAt: Timestamp;
}

export interface TaskWeightTable {
  taskNo: number;
  weight: number;
}

export interface StoredFileTable {
  id: Generated<string>;
  name: string;
  mime: string;
  sizeBytes: number;
  sha256: string;
  content: Uint8Array;
  uploadedBy: string | null;
  organisationId: string | null;
  createdAt: Timestamp;
}

export interface WorkPointTable {
  id: Generated<string>;
  code: string;
  taskNo: number;
  year: number;
  kind: string;
  titleZh: string;
  deliverableZh: string;
  ownerOrganisationId: string;
  districtCode: string | null;
  investmentYiYuan: number | null;
  startsOn: string;
  dueOn: string;
  frequency: string;
  indicatorCode: string | null;
  weight: Generated<number>;
  paceCurve: Json<[number, number][]> | null;
  progressPct: Generated<number>;
  nextReportDeadline: string | null;
  closedAt: Date | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ProgressReportTable {
  id: Generated<string>;
  workPointId: string;
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  deadline: string;
  state: string;
  textZh: Generated<string>;
  progressPct: Generated<number>;
  figures: Json<Array<{ nameZh: string; value: number; unit?: string | null }>>;
  complete: Generated<boolean>;
  fileIds: Generated<string[]>;
  reviewComment: string | null;
  returnedCount: Generated<number>;
  firstSubmittedAt: Date | null;
  submittedAt: Date | null;
  acceptedAt: Date | null;
  createdBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ProgressReportEventTable {
  id: Generated<number>;
  reportId: string;
  action: string;
  comment: string | null;
  actorId: string | null;
  actorName: string;
  at: Timestamp;
}

export interface IndicatorSettingTable {
  targetCode: string;
  baselineValue: number | null;
  baselineOn: string | null;
  paceCurve: Json<[number, number][]> | null;
  updatedAt: Timestamp;
}

export interface IndicatorValueTable {
  id: Generated<number>;
  targetCode: string;
  value: number;
  asOf: string;
  source: string;
  evidenceZh: string | null;
  fileId: string | null;
  drillDown: string | null;
  recordedBy: string | null;
  organisationId: string | null;
  createdAt: Timestamp;
}

export interface MajorListEditionTable {
  id: Generated<string>;
  kind: string;
  editionNo: number;
  titleZh: string;
  status: string;
  noteZh: string | null;
  createdBy: string | null;
  createdAt: Timestamp;
  publishedAt: Date | null;
}

export interface MajorListItemTable {
  id: Generated<string>;
  editionId: string;
  itemKey: string;
  nameZh: string;
  ownerOrganisationId: string | null;
  taskNo: number | null;
  districtCode: string | null;
  amountYiYuan: number | null;
  startYear: number | null;
  endYear: number | null;
  progressZh: string | null;
  noteZh: string | null;
}

export interface InspectionTable {
  id: Generated<string>;
  code: string;
  kind: string;
  titleZh: string;
  scope: Json<{ taskNos: number[]; organisationIds: string[]; districtCodes: string[] }>;
  plannedOn: string;
  status: string;
  findingsZh: string | null;
  createdBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  closedAt: Date | null;
}

export interface RectificationTable {
  id: Generated<string>;
  inspectionId: string;
  descriptionZh: string;
  ownerOrganisationId: string;
  dueOn: string;
  status: string;
  evidenceZh: string | null;
  evidenceFileId: string | null;
  reviewComment: string | null;
  closedAt: Date | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface NoticeTable {
  id: Generated<string>;
  number: string | null;
  kind: string;
  periodLabel: string;
  titleZh: string;
  issuerZh: string;
  recipientsZh: string;
  paragraphs: Json<Array<string | { heading: string; level: 1 | 2 }>>;
  attachments: Json<Array<{ title: string; columns: string[]; rows: (string | number | null)[][] }>>;
  status: string;
  issuedOn: string | null;
  createdBy: string | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  publishedAt: Date | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface NotificationTable {
  id: Generated<string>;
  organisationId: string | null;
  userId: string | null;
  kind: string;
  titleZh: string;
  titleEn: string;
  link: string | null;
  dueOn: string | null;
  dedupeKey: string;
  createdAt: Timestamp;
  readAt: Date | null;
}

export interface MailOutboxTable {
  id: Generated<string>;
  notificationId: string | null;
  toAddress: string;
  subject: string;
  bodyText: string;
  status: string;
  error: string | null;
  createdAt: Timestamp;
  sentAt: Date | null;
}

export interface SupervisionSettingTable {
  key: string;
  value: Json<Record<string, unknown>>;
  updatedAt: Timestamp;
}

export interface ConsultationTable {
  id: Generated<string>;
  code: string;
  titleZh: string;
  summaryZh: string | null;
  draftText: string;
  opensOn: string;
  closesOn: string;
  planCode: string | null;
  planVersion: number | null;
  contact: Json<Record<string, string>> | null;
  status: string;
  createdBy: string | null;
  createdAt: Timestamp;
  publishedAt: Date | null;
}

export interface ConsultationCommentTable {
  id: Generated<string>;
  consultationId: string;
  authorName: string | null;
  organisationName: string | null;
  contact: string | null;
  sectionRef: string | null;
  body: string;
  ipHash: string | null;
  answerZh: string | null;
  disposition: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  createdAt: Timestamp;
}

// ── industry map (0004_industry.sql) ──
export interface IndustryChainTable { code: string; domain: string; nameZh: string; nameEn: string; sortOrder: Generated<number> }
export interface ChainNodeTable {
  id: Generated<string>; chainCode: string; code: string; nameZh: string; nameEn: string;
  stage: string; role: Generated<string>; sourceZh: string | null; tokens: Generated<string[]>; sortOrder: Generated<number>;
}
export interface ChainEdgeTable { fromNodeId: string; toNodeId: string }
export interface ParkTable {
  id: Generated<string>; code: string; kind: string; nameZh: string; nameEn: string | null; districtCodes: Generated<string[]>;
  focusZh: string | null; domains: Generated<string[]>; clusterId: string | null; sourceZh: string | null; createdAt: Timestamp; updatedAt: Timestamp;
}
export interface EnterpriseTable {
  id: Generated<string>; creditCode: string; nameZh: string; nameEn: string | null; formerNames: Generated<string[]>;
  districtCode: string; parkId: string | null; domains: Generated<string[]>; products: Generated<string[]>;
  origin: Generated<string>; landedOn: string | null; organisationId: string | null; summaryZh: string | null; website: string | null;
  tokens: Generated<string[]>; nameTokens: Generated<string[]>; isDemo: Generated<boolean>; createdAt: Timestamp; updatedAt: Timestamp;
}
export interface EnterpriseChainNodeTable { enterpriseId: string; nodeId: string }
export interface EnterpriseDesignationTable { enterpriseId: string; kind: string; level: string; year: number }
export interface TransformationProgrammeTable {
  id: Generated<string>; enterpriseId: string; category: string; goalZh: string; startedOn: string;
  milestones: Json<{ titleZh: string; dueOn: string; doneOn: string | null }[]>; createdAt: Timestamp; updatedAt: Timestamp;
}
export interface EnterpriseFigureTable {
  id: Generated<string>; enterpriseId: string; year: number; revenueWan: number | null; outputValueWan: number | null;
  rdSpendWan: number | null; employees: number | null; source: string; state: string; rejectReason: string | null;
  submittedBy: string | null; verifiedBy: string | null; verifiedAt: Date | null; createdAt: Timestamp; updatedAt: Timestamp;
}
export interface InvestEventTable { id: Generated<string>; nameZh: string; heldOn: string | null; placeZh: string | null; organiserZh: string | null; createdAt: Timestamp }
export interface LeadTable {
  id: Generated<string>; code: string; targetNameZh: string; targetCreditCode: string | null; targetKey: string;
  chainNodeId: string | null; ownerDistrictCode: string; coordinatorUserId: string | null; stage: string; stageEnteredOn: string;
  status: Generated<string>; primaryLeadId: string | null; contractedWan: number | null; arrivedWan: number | null;
  expectedRevenueWan: number | null; nextActionZh: string | null; nextActionOn: string | null; firstResponseAt: Date | null;
  lastActivityAt: Timestamp; eventId: string | null; enterpriseId: string | null; closedReason: string | null;
  isDemo: Generated<boolean>; createdBy: string | null; createdAt: Timestamp; updatedAt: Timestamp;
}
export interface LeadActivityTable { id: Generated<string>; leadId: string; kind: string; textZh: string; stage: string | null; at: Timestamp; byUserId: string | null }
export interface LeadClockTable { stage: string; days: number; updatedAt: Timestamp }
export interface FundTable {
  id: Generated<string>; code: string; nameZh: string; kind: string; sizeWan: number | null; managerZh: string | null; focusZh: string | null;
  domains: Generated<string[]>; districtCode: string | null; sourceZh: string | null; createdAt: Timestamp; updatedAt: Timestamp;
}
export interface FundInvestmentTable {
  id: Generated<string>; fundId: string; enterpriseId: string | null; leadId: string | null; amountWan: number; investedOn: string; noteZh: string | null; createdAt: Timestamp;
}

// Pilot-scale verification (migration 0005).
export interface PilotBaseTable {
  id: Generated<string>; code: string; nameZh: string; nameEn: string | null; operatorZh: string; organisationId: string | null;
  districtCode: string; addressZh: string | null; lng: number | null; lat: number | null; domains: Generated<string[]>;
  allianceMember: Generated<boolean>; tier: Generated<string>; recognisedOn: string | null; recognisedByZh: string | null;
  summaryZh: string | null; contactZh: string | null; tokens: Generated<string[]>; isDemo: Generated<boolean>; createdAt: Timestamp; updatedAt: Timestamp;
}
export interface PilotPlatformTable {
  id: Generated<string>; baseId: string; code: string; nameZh: string; nameEn: string | null; summaryZh: string | null;
  tokens: Generated<string[]>; createdAt: Timestamp; updatedAt: Timestamp;
}
export interface PilotCapabilityTable {
  id: Generated<string>; platformId: string; nameZh: string; processes: Generated<string[]>; organisms: Generated<string[]>;
  volumeMinL: number; volumeMaxL: number; qualityGrade: Generated<string>; biosafetyLevel: Generated<number>;
  descriptionZh: string | null; tokens: Generated<string[]>; createdAt: Timestamp; updatedAt: Timestamp;
}
export interface PilotServiceTable {
  id: Generated<string>; baseId: string; nameZh: string; descriptionZh: string | null; priceYuan: number | null;
  priceUnitZh: string | null; leadTimeDays: number | null; createdAt: Timestamp; updatedAt: Timestamp;
}
export interface EquipmentTable {
  id: Generated<string>; baseId: string; platformId: string | null; code: string; nameZh: string; typeZh: string; model: string | null;
  capacityZh: string | null; capacityL: number | null; status: Generated<string>; priceMemberYuan: number | null;
  priceEnterpriseYuan: number | null; priceInstituteYuan: number | null; createdAt: Timestamp; updatedAt: Timestamp;
}
export interface EquipmentBookingTable {
  id: Generated<string>; code: string; equipmentId: string; during: string; bookedBy: string; organisationId: string | null;
  userCategory: string; purposeZh: string; state: Generated<string>; priceYuan: number | null; decidedBy: string | null;
  decidedAt: Date | null; reasonZh: string | null; checkedInAt: Date | null; usageHours: number | null; usageNoteZh: string | null;
  completedAt: Date | null; createdAt: Timestamp; updatedAt: Timestamp;
}
export interface PilotDemandTable {
  id: Generated<string>; code: string; organisationId: string; enterpriseId: string | null; postedBy: string | null; titleZh: string;
  problemZh: string; targetProductZh: string | null; processes: Generated<string[]>; organism: Generated<string>; scaleL: number;
  budgetWan: number | null; deadline: string; domain: string; districtCode: string; biosafetyLevel: Generated<number>;
  qualityGrade: Generated<string>; trlNeeded: number | null; summaryZh: string; detailZh: string | null; state: Generated<string>;
  reviewNoteZh: string | null; reviewedBy: string | null; reviewedAt: Date | null; publishedAt: Date | null; expiresOn: string | null;
  tokens: Generated<string[]>; isDemo: Generated<boolean>; createdAt: Timestamp; updatedAt: Timestamp;
}
export interface PilotAchievementTable {
  id: Generated<string>; code: string; organisationId: string; postedBy: string | null; titleZh: string; resultZh: string;
  detailZh: string | null; trl: number; scaleReachedL: number | null; ipZh: string | null; domain: string; processes: Generated<string[]>;
  organisms: Generated<string[]>; partnerWantedZh: string | null; districtCode: string; state: Generated<string>;
  reviewNoteZh: string | null; reviewedBy: string | null; reviewedAt: Date | null; publishedAt: Date | null; expiresOn: string | null;
  tokens: Generated<string[]>; isDemo: Generated<boolean>; createdAt: Timestamp; updatedAt: Timestamp;
}
export interface PilotListEditionTable {
  id: Generated<string>; list: string; number: number; titleZh: string; state: Generated<string>; publishedAt: Date | null;
  publishedBy: string | null; createdAt: Timestamp;
}
export interface PilotListEditionItemTable { editionId: string; itemId: string; position: number; snapshot: Json<Record<string, unknown>> }
export interface PilotResponseTable {
  id: Generated<string>; code: string; targetKind: string; demandId: string | null; achievementId: string | null; platformId: string | null;
  ownerOrgId: string; responderOrgId: string; responderUserId: string | null; messageZh: string; stage: Generated<string>;
  acceptedAt: Date | null; acceptedBy: string | null; closedReasonZh: string | null; outcome: string | null; outcomeNoteZh: string | null;
  contractWan: number | null; pilotProjectId: string | null; signedAt: Date | null; doneAt: Date | null; createdAt: Timestamp; updatedAt: Timestamp;
}
export interface PilotResponseMessageTable { id: Generated<string>; responseId: string; authorId: string | null; orgId: string | null; textZh: string; at: Timestamp }
export interface PilotProjectTable {
  id: Generated<string>; code: string; nameZh: string; demandId: string | null; achievementId: string | null; baseId: string | null;
  responseId: string | null; leadOrgId: string | null; districtCode: string | null; domain: string | null; stage: Generated<string>;
  stageEnteredOn: string; status: Generated<string>; stoppedReasonZh: string | null; summaryZh: string | null; isDemo: Generated<boolean>;
  createdBy: string | null; createdAt: Timestamp; updatedAt: Timestamp;
}
export interface PilotProjectGateTable {
  id: Generated<string>; projectId: string; fromStage: string; toStage: string; result: string; reviewerId: string | null;
  reviewerNameZh: string; reviewedOn: string; evidenceZh: string; evidenceFileId: string | null; noteZh: string | null; createdAt: Timestamp;
}
export interface PilotMatchTable { demandId: string; supplyKind: string; rank: number; supplyId: string; score: number; computedAt: Timestamp }
export interface PilotPoolVersionTable { pool: string; version: number | string }
export interface ServiceRouteTable { category: string; kind: string; nameZh: string; nameEn: string; organisationId: string; slaDays: number; sortOrder: Generated<number> }
export interface ServiceRequestTable {
  id: Generated<string>; code: string; category: string; titleZh: string; detailZh: string; greenChannel: Generated<boolean>;
  requesterOrgId: string; requesterUserId: string | null; projectId: string | null; districtCode: string | null; handlerOrgId: string;
  state: Generated<string>; slaDays: number; dueAt: Date | string; acceptedAt: Date | null; doneAt: Date | null; outcomeZh: string | null;
  isDemo: Generated<boolean>; createdAt: Timestamp; updatedAt: Timestamp;
}
export interface ServiceRequestEventTable { id: Generated<string>; requestId: string; state: string; noteZh: string | null; byUserId: string | null; at: Timestamp }

export interface DB {
  pilotBase: PilotBaseTable;
  pilotPlatform: PilotPlatformTable;
  pilotCapability: PilotCapabilityTable;
  pilotService: PilotServiceTable;
  equipment: EquipmentTable;
  equipmentBooking: EquipmentBookingTable;
  pilotDemand: PilotDemandTable;
  pilotAchievement: PilotAchievementTable;
  pilotListEdition: PilotListEditionTable;
  pilotListEditionItem: PilotListEditionItemTable;
  pilotResponse: PilotResponseTable;
  pilotResponseMessage: PilotResponseMessageTable;
  pilotProject: PilotProjectTable;
  pilotProjectGate: PilotProjectGateTable;
  pilotMatch: PilotMatchTable;
  pilotPoolVersion: PilotPoolVersionTable;
  serviceRoute: ServiceRouteTable;
  serviceRequest: ServiceRequestTable;
  serviceRequestEvent: ServiceRequestEventTable;
  industryChain: IndustryChainTable;
  chainNode: ChainNodeTable;
  chainEdge: ChainEdgeTable;
  park: ParkTable;
  enterprise: EnterpriseTable;
  enterpriseChainNode: EnterpriseChainNodeTable;
  enterpriseDesignation: EnterpriseDesignationTable;
  transformationProgramme: TransformationProgrammeTable;
  enterpriseFigure: EnterpriseFigureTable;
  investEvent: InvestEventTable;
  investmentLead: LeadTable;
  investmentLeadActivity: LeadActivityTable;
  investmentLeadClock: LeadClockTable;
  fund: FundTable;
  fundInvestment: FundInvestmentTable;
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
  taskAssignment: TaskAssignmentTable;
  taskWeight: TaskWeightTable;
  storedFile: StoredFileTable;
  workPoint: WorkPointTable;
  progressReport: ProgressReportTable;
  progressReportEvent: ProgressReportEventTable;
  indicatorSetting: IndicatorSettingTable;
  indicatorValue: IndicatorValueTable;
  majorListEdition: MajorListEditionTable;
  majorListItem: MajorListItemTable;
  inspection: InspectionTable;
  rectification: RectificationTable;
  notice: NoticeTable;
  notification: NotificationTable;
  mailOutbox: MailOutboxTable;
  supervisionSetting: SupervisionSettingTable;
  consultation: ConsultationTable;
  consultationComment: ConsultationCommentTable;
}
