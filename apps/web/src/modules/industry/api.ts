import { useApi } from '../../app/useApi';

/**
 * Shapes of the industry map API (apps/server/src/modules/industry). Amounts are in 万元 as the
 * server keeps them; fields that only some callers receive (figures, tiers, scale, leads) are optional.
 */
export type Domain = 'biochem' | 'biopharma' | 'bioagrifood' | 'bioenergy';
export type Origin = 'local' | 'attracted';
export type DesignationKind = 'srdi' | 'littleGiant' | 'singleChampion' | 'highTech' | 'chainLeader';
export type Level = 'national' | 'municipal';
export type Tier = '100' | '50' | null;
export type ChainStage = 'raw' | 'strain' | 'process' | 'product' | 'application';
export type Standing = 'gap' | 'weak' | 'extension' | 'solid';
export type FigureSource = 'selfReported' | 'districtVerified' | 'statistics';
export type FigureState = 'submitted' | 'verified' | 'rejected';
export type LeadStage = 'clue' | 'negotiating' | 'signed' | 'started' | 'funded' | 'producing';
export type LeadStatus = 'active' | 'joint' | 'withdrawn' | 'closed';
export type ClockState = 'ok' | 'due' | 'overdue' | 'stopped';
export type MapMeasure = 'count' | 'srdi' | 'scale';
export type ImportKind = 'enterprises' | 'figures' | 'leads';

export interface Reason { zh: string; en: string }
export interface Page<T> { total: number; items: T[] }

export interface Designation { kind: DesignationKind; level: Level; year: number }
export interface NodeRef { id: string; code: string; nameZh: string; nameEn: string; chainCode: string; stage: ChainStage }
export interface LatestFigure { year: number; revenueWan: number | null; outputValueWan: number | null; tier: Tier }

export interface Enterprise {
  id: string; creditCode: string; nameZh: string; nameEn: string | null; formerNames: string[]; districtCode: string; districtNameZh: string | null;
  parkId: string | null; parkNameZh?: string | null; domains: string[]; products: string[]; origin: Origin; landedOn: string | null;
  summaryZh: string | null; website: string | null; isDemo: boolean; updatedAt: string;
  designations: Designation[]; chainNodes: NodeRef[];
  /** Present (possibly null) only for those who may see this firm's figures. */
  latestFigure?: LatestFigure | null;
}

export interface Figure {
  id: string; enterpriseId: string; year: number; revenueWan: number | null; outputValueWan: number | null; rdSpendWan: number | null; employees: number | null;
  source: FigureSource; state: FigureState; rejectReason: string | null; verifiedAt: string | null; createdAt: string; updatedAt: string;
}
export interface FigureRow extends Figure { enterpriseNameZh: string; creditCode: string; districtCode: string; districtNameZh: string | null }

export interface Milestone { titleZh: string; dueOn: string; doneOn: string | null }
export interface Transformation { id: string; enterpriseId: string; category: string; goalZh: string; startedOn: string; milestones: Milestone[]; updatedAt: string }
export interface AuditEntry { id: number; at: string; actorName: string | null; action: string; summary: string }
export interface EnterpriseLead { id: string; code: string; targetNameZh: string; stage: LeadStage; status: LeadStatus; ownerDistrictCode: string; contractedWan: number | null; arrivedWan: number | null }
export interface EnterpriseInvestment { id: string; fundNameZh: string; amountWan: number; investedOn: string }
export interface EnterpriseMay { edit: boolean; manage: boolean; verify: boolean; submitFigures: boolean }

export interface EnterpriseProfile extends Enterprise {
  organisationId?: string | null;
  figures?: Figure[]; transformations?: Transformation[]; leads?: EnterpriseLead[]; history?: AuditEntry[]; investments?: EnterpriseInvestment[];
  may: EnterpriseMay;
}

export interface MapData { measure: MapMeasure; year: number | null; unitZh: string; items: { code: string; nameZh: string; nameEn: string; value: number }[] }

export interface Rollup {
  year: number | null; years: number[]; target: number; totalWan: number; totalYi: number; enterprises?: number; fromOutputValueWan: number;
  unverified: { figures: number; scaleWan: number };
  byDistrict: { districtCode: string; districtNameZh: string; scaleWan: number; enterprises: number }[];
  byDomain: { domain: string; scaleWan: number; enterprises: number }[];
  tiers: { t100: number; t100a: number; t50: number; t50a: number } | null;
  designations: { any: number; srdi: number; littleGiant: number };
  series: { year: number; scaleWan: number; scaleYi: number; enterprises: number }[];
}

export interface TargetRecord {
  id: string; creditCode: string; nameZh: string; districtCode: string; districtNameZh: string | null; origin: Origin;
  domains?: string[]; year?: number | null; revenueWan?: number | null; outputValueWan?: number | null; source?: FigureSource; kind?: DesignationKind; level?: Level;
}

export interface Chain { code: string; domain: string; nameZh: string; nameEn: string; sortOrder: number; nodes: number }
export interface ChainNode {
  id: string; code: string; nameZh: string; nameEn: string; stage: ChainStage; role: 'core' | 'extension'; sourceZh: string | null; sortOrder: number;
  enterprises: number; standing: Standing; standingZh: string; actionZh: string; reason: Reason | null; scaleWan?: number; activeLeads?: number;
}
export interface ChainGraph extends Omit<Chain, 'nodes'> { nodes: ChainNode[]; edges: { from: string; to: string }[] }
export interface InvestmentTarget extends Omit<ChainNode, 'sourceZh' | 'sortOrder' | 'scaleWan'> { chainCode: string; chainNameZh: string; domain: string }

export interface Park {
  id: string; code: string; kind: 'cluster' | 'park' | 'base'; kindZh: string; nameZh: string; nameEn: string | null; districtCodes: string[]; focusZh: string | null;
  domains: string[]; clusterId: string | null; sourceZh: string | null; enterprises: number; scaleWan?: number; parks: string[];
}
export interface ParkMember { id: string; nameZh: string; creditCode: string; districtCode: string; domains: string[]; products: string[]; origin: Origin }
export interface ParkDetail extends Park { members: ParkMember[] }

export interface Clock { state: ClockState; dueAt: string | null; daysLeft: number | null }
export interface Lead {
  id: string; code: string; targetNameZh: string; targetCreditCode: string | null; targetKey: string; chainNodeId: string | null; ownerDistrictCode: string;
  stage: LeadStage; stageEnteredOn: string; status: LeadStatus; primaryLeadId: string | null; contractedWan: number | null; arrivedWan: number | null;
  expectedRevenueWan: number | null; nextActionZh: string | null; nextActionOn: string | null; firstResponseAt: string | null; lastActivityAt: string;
  eventId: string | null; enterpriseId: string | null; closedReason: string | null; isDemo: boolean; createdAt: string; updatedAt: string; clock: Clock;
}
export interface LeadRow extends Lead { chainNodeCode: string | null; chainNodeNameZh: string | null; districtNameZh: string | null; eventNameZh: string | null; districtsOnTarget: number }
export interface LeadActivity { id: string; kind: 'note' | 'stage' | 'coordination' | 'close'; textZh: string; stage: LeadStage | null; at: string; byName: string | null }
export interface LeadDetail extends Lead {
  chainNode: { code: string; nameZh: string } | null; activities: LeadActivity[];
  overlap: { id: string; code: string; ownerDistrictCode: string; districtNameZh: string; stage: LeadStage; status: LeadStatus; primaryLeadId: string | null }[];
  may: { manage: boolean; coordinate: boolean };
}
export interface Pipeline {
  stages: { stage: LeadStage; zh: string; en: string; leads: number; targets: number }[];
  signedProjects: number; signedReports: number; contractedWan: number; arrivedWan: number; clocks: Record<'ok' | 'due' | 'overdue', number>; isSigned: LeadStage[];
}
export interface Overlap {
  targetKey: string; targetNameZh: string; districts: string[];
  leads: { id: string; code: string; targetNameZh: string; ownerDistrictCode: string; districtNameZh: string; stage: LeadStage; status: LeadStatus; createdAt: string; contractedWan: number | null }[];
}
export interface InvestEvent { id: string; nameZh: string; heldOn: string | null; placeZh: string | null; organiserZh: string | null; leads: number }
/** A stage's response clock: the days allowed (线索: until the first response; the others: between follow-ups). */
export interface LeadClock { stage: LeadStage; days: number; zh: string; en: string }

export interface Fund {
  id: string; code: string; nameZh: string; kind: string; sizeWan: number | null; managerZh: string | null; focusZh: string | null; domains: string[];
  districtCode: string | null; districtNameZh: string | null; sourceZh: string | null; investedWan: number; investments: number;
}
export interface FundInvestment {
  id: string; fundId: string; enterpriseId: string | null; leadId: string | null; amountWan: number; investedOn: string; noteZh: string | null;
  enterpriseNameZh: string | null; leadCode: string | null; leadTargetNameZh: string | null;
}
export interface FundDetail extends Omit<Fund, 'districtNameZh' | 'investedWan' | 'investments'> { investments: FundInvestment[] }
export interface FundSummary {
  totalWan: number; investments: number;
  byDomain: { domain: string; amountWan: number; investments: number }[];
  byDistrict: { districtCode: string; districtNameZh: string | null; amountWan: number; investments: number }[];
}

export interface SearchResult {
  tokens: string[]; total: number; enterprises: Enterprise[];
  nodes: { id: string; code: string; nameZh: string; nameEn: string; stage: ChainStage; chainCode: string; chainNameZh: string }[];
  products: { nameZh: string; enterprises: number }[];
}

export type { ImportOutcome } from '../../app/components/ImportButton';

export const useChains = () => useApi<Chain[]>('/api/industry/chains', { cached: true });
export const useParks = () => useApi<Park[]>('/api/industry/parks');
export const useEvents = (enabled = true) => useApi<InvestEvent[]>(enabled ? '/api/industry/events' : null);
export const useLeadClocks = () => useApi<LeadClock[]>('/api/industry/leads/clocks');
