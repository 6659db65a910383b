import type { Lang } from '../../app/i18n';

/**
 * The vocabularies of responses, pilot projects and one-stop services in both languages, as the
 * server names them (apps/server/src/modules/pilot/model/labels.ts, responses.ts, projects.ts,
 * onestop.ts), with the colours the pages show them in; and the small pure rules the pages share.
 */
export interface Label { zh: string; en: string; color?: string }

// ---- Responses (对接洽谈) ------------------------------------------------------------------------

export type ResponseStage = 'responded' | 'negotiating' | 'signed' | 'done' | 'closed';
export type FlowStage = Exclude<ResponseStage, 'closed'>;
export type ResponseOutcome = 'contract' | 'pilotProject' | 'noDeal';
export type TargetKind = 'demand' | 'achievement';
export type ResponseSide = 'owner' | 'responder';

/** 响应 → 洽谈 → 签约 → 完成, or closed with a reason. */
export const RESPONSE_STAGES: Record<ResponseStage, Label> = {
  responded: { zh: '响应', en: 'Responded', color: 'blue' },
  negotiating: { zh: '洽谈', en: 'Negotiating', color: 'geekblue' },
  signed: { zh: '签约', en: 'Signed', color: 'purple' },
  done: { zh: '完成', en: 'Done', color: 'green' },
  closed: { zh: '已关闭', en: 'Closed', color: 'default' },
};
export const RESPONSE_FLOW: readonly FlowStage[] = ['responded', 'negotiating', 'signed', 'done'];
export const RESPONSE_STAGE_CODES = Object.keys(RESPONSE_STAGES) as ResponseStage[];

export const RESPONSE_OUTCOMES: Record<ResponseOutcome, Label> = {
  contract: { zh: '签订合同', en: 'Contract', color: 'green' },
  pilotProject: { zh: '转为中试项目', en: 'Pilot project', color: 'cyan' },
  noDeal: { zh: '未成交', en: 'No deal', color: 'default' },
};

export const TARGET_KINDS: Record<TargetKind, Label & { path: string }> = {
  demand: { zh: '生产需求', en: 'Demand', color: 'orange', path: '/pilot/demands' },
  achievement: { zh: '成果', en: 'Achievement', color: 'cyan', path: '/pilot/achievements' },
};

export const SIDES: Record<ResponseSide, Label> = {
  owner: { zh: '我方为发布方', en: 'We posted the item', color: 'gold' },
  responder: { zh: '我方为响应方', en: 'We responded', color: 'blue' },
};

/**
 * Where a response stands on the 响应 → 洽谈 → 签约 → 完成 bar: the stage it reached (a closed one
 * keeps the moments it passed, so the bar shows how far it got) and whether the bar is live,
 * finished or stopped.
 */
export function responseProgress(r: { stage: string; acceptedAt: string | null; signedAt: string | null; doneAt: string | null }): { current: number; status: 'process' | 'finish' | 'error' } {
  const reached: FlowStage = r.doneAt ? 'done' : r.signedAt ? 'signed' : r.acceptedAt ? 'negotiating' : 'responded';
  const current = r.stage === 'closed' ? RESPONSE_FLOW.indexOf(reached) : Math.max(0, RESPONSE_FLOW.indexOf(r.stage as FlowStage));
  return { current, status: r.stage === 'closed' ? 'error' : r.stage === 'done' ? 'finish' : 'process' };
}

// ---- Pilot projects ---------------------------------------------------------------------------

export type ProjectStage = 'research' | 'poc' | 'pilot' | 'incubation' | 'park' | 'cluster';
export type GateResult = 'pass' | 'fail' | 'rework';

/** 技术攻关 → 概念验证 → 中试熟化 → 企业孵化 → 园区运营 → 产业集群. */
export const PROJECT_STAGES: Record<ProjectStage, Label & { hex: string }> = {
  research: { zh: '技术攻关', en: 'Research', color: 'default', hex: '#8c8c8c' },
  poc: { zh: '概念验证', en: 'Proof of concept', color: 'blue', hex: '#3a7bd5' },
  pilot: { zh: '中试熟化', en: 'Pilot maturation', color: 'geekblue', hex: '#1d4f91' },
  incubation: { zh: '企业孵化', en: 'Incubation', color: 'cyan', hex: '#08979c' },
  park: { zh: '园区运营', en: 'Park operation', color: 'green', hex: '#389e0d' },
  cluster: { zh: '产业集群', en: 'Cluster', color: 'gold', hex: '#d48806' },
};
export const PROJECT_STAGE_CODES = Object.keys(PROJECT_STAGES) as ProjectStage[];
/** Where a recorded project may start; later stages need a passed gate. */
export const START_STAGES: readonly ProjectStage[] = ['research', 'poc', 'pilot'];
/** Reached only through a passed 中试熟化 gate: the plan's "1 to 10" conversions. */
export const CONVERTED_STAGES: readonly ProjectStage[] = ['incubation', 'park', 'cluster'];

export const PROJECT_STATUSES: Record<'active' | 'stopped', Label> = {
  active: { zh: '进行中', en: 'Active', color: 'processing' },
  stopped: { zh: '已终止', en: 'Stopped', color: 'default' },
};

export const GATE_RESULTS: Record<GateResult, Label & { dot: string }> = {
  pass: { zh: '通过', en: 'Pass', color: 'success', dot: 'green' },
  fail: { zh: '不通过', en: 'Fail', color: 'error', dot: 'red' },
  rework: { zh: '整改后再审', en: 'Rework', color: 'warning', dot: 'orange' },
};
export const GATE_RESULT_CODES = Object.keys(GATE_RESULTS) as GateResult[];

export const nextProjectStage = (stage: string): ProjectStage | null => {
  const i = PROJECT_STAGE_CODES.indexOf(stage as ProjectStage);
  return i >= 0 && i < PROJECT_STAGE_CODES.length - 1 ? PROJECT_STAGE_CODES[i + 1] : null;
};

/** Whole calendar days since a date (YYYY-MM-DD) in the browser's calendar, for "at this stage for N days". */
export function daysSince(iso: string, now = new Date()): number {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const start = Date.UTC(y, m - 1, d);
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Number.isNaN(start) ? 0 : Math.max(0, Math.round((today - start) / 86_400_000));
}

// ---- One-stop services (一站式服务) -------------------------------------------------------------

export type ServiceKind = 'approval' | 'business' | 'clearance';
export type RequestState = 'submitted' | 'accepted' | 'done' | 'rejected' | 'withdrawn';
export type RequestClock = 'ok' | 'due' | 'overdue' | 'met' | 'missed';
export type RequestAction = 'accept' | 'finish' | 'reject' | 'withdraw';

export const SERVICE_CATEGORIES: Record<string, Label & { kind: ServiceKind }> = {
  siteSelection: { zh: '规划选址', en: 'Site selection', kind: 'approval' },
  projectLand: { zh: '项目用地', en: 'Project land', kind: 'approval' },
  environment: { zh: '环境保护', en: 'Environmental approval', kind: 'approval' },
  emergency: { zh: '应急管理', en: 'Emergency management', kind: 'approval' },
  businessTax: { zh: '工商财税', en: 'Registration, finance and tax', kind: 'business' },
  legal: { zh: '法律服务', en: 'Legal services', kind: 'business' },
  brand: { zh: '品牌建设', en: 'Branding', kind: 'business' },
  market: { zh: '市场拓展', en: 'Market development', kind: 'business' },
  customs: { zh: '海关通关', en: 'Customs clearance', kind: 'clearance' },
  drugAdmin: { zh: '药监审批', en: 'Drug administration', kind: 'clearance' },
  inspection: { zh: '药检/食检', en: 'Drug and food testing', kind: 'clearance' },
  logistics: { zh: '物流', en: 'Logistics', kind: 'clearance' },
  warehousing: { zh: '仓储', en: 'Warehousing', kind: 'clearance' },
};

export const SERVICE_KINDS: Record<ServiceKind, Label & { hex: string }> = {
  approval: { zh: '审批服务', en: 'Approvals', color: 'blue', hex: '#1d4f91' },
  business: { zh: '商务服务', en: 'Business services', color: 'purple', hex: '#722ed1' },
  clearance: { zh: '进出口通关', en: 'Import/export clearance', color: 'cyan', hex: '#08979c' },
};

export const REQUEST_STATES: Record<RequestState, Label> = {
  submitted: { zh: '已提交', en: 'Submitted', color: 'blue' },
  accepted: { zh: '已受理', en: 'Accepted', color: 'processing' },
  done: { zh: '已办结', en: 'Done', color: 'success' },
  rejected: { zh: '不予受理', en: 'Rejected', color: 'error' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn', color: 'default' },
};
export const REQUEST_STATE_CODES = Object.keys(REQUEST_STATES) as RequestState[];

/** Open: ok, due (a day or less left), overdue; answered: met or missed against the due time. */
export const REQUEST_CLOCKS: Record<RequestClock, Label> = {
  ok: { zh: '办理中', en: 'On time', color: 'green' },
  due: { zh: '即将到期', en: 'Due soon', color: 'orange' },
  overdue: { zh: '已超时', en: 'Overdue', color: 'red' },
  met: { zh: '按时办结', en: 'Met', color: 'cyan' },
  missed: { zh: '超时办结', en: 'Missed', color: 'volcano' },
};
export const REQUEST_CLOCK_CODES = Object.keys(REQUEST_CLOCKS) as RequestClock[];

/** Each action's name and the state it leads to; whether a reader may take it is the server's `may`. */
export const REQUEST_MOVES: Record<RequestAction, { to: RequestState } & Label> = {
  accept: { to: 'accepted', zh: '受理', en: 'Accept' },
  finish: { to: 'done', zh: '办结', en: 'Finish' },
  reject: { to: 'rejected', zh: '不予受理', en: 'Reject' },
  withdraw: { to: 'withdrawn', zh: '撤回', en: 'Withdraw' },
};

/** The actions a row's `may` allows, in the order the buttons stand. */
export const allowedRequestActions = (may: Record<RequestAction, boolean>): RequestAction[] => (Object.keys(REQUEST_MOVES) as RequestAction[]).filter((a) => may[a]);

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The time an open request has left, or by how much it is late, for reading beside its clock:
 * whole days while there are days, hours in its last day.
 */
export function timeLeftText(lang: Lang, dueAt: string, now: Date): string {
  const ms = new Date(dueAt).getTime() - now.getTime();
  if (Number.isNaN(ms)) return '';
  const abs = Math.abs(ms);
  const n = abs >= DAY_MS ? Math.floor(abs / DAY_MS) : Math.max(1, Math.ceil(abs / HOUR_MS));
  const unit = abs >= DAY_MS ? (lang === 'zh' ? '天' : ' d') : (lang === 'zh' ? '小时' : ' h');
  if (ms >= 0) return lang === 'zh' ? `剩 ${n} ${unit}` : `${n}${unit} left`;
  return lang === 'zh' ? `超时 ${n} ${unit}` : `${n}${unit} late`;
}

export interface CategoryTiming { category: string; zh: string; en: string; kind: string | null; medianDays: number | null; slaDays: number | null; done: number }

/**
 * Rows for the median-days-against-days chart: each category's median handling days beside the
 * days its route promises, and whether the median is within them (null when nothing is done yet).
 */
export function timingRows(categories: { category: string; zh: string; en: string; kind: string | null; medianDays: number | null; done: number }[], routes: { category: string; slaDays: number }[]): (CategoryTiming & { within: boolean | null })[] {
  const days = new Map(routes.map((r) => [r.category, r.slaDays]));
  return categories.map((c) => {
    const slaDays = days.get(c.category) ?? null;
    return { ...c, slaDays, within: c.medianDays === null || slaDays === null ? null : c.medianDays <= slaDays };
  });
}

/** 0.875 → 87.5%; a dash when there is nothing to measure. */
export const sharePct = (share: number | null | undefined) => (share === null || share === undefined ? '—' : `${Math.round(share * 1000) / 10}%`);

/** 2.5 → 2.5 天 / 2.5 d; a dash when nothing is done yet. */
export const daysText = (lang: Lang, days: number | null | undefined) => (days === null || days === undefined ? '—' : lang === 'zh' ? `${Math.round(days * 10) / 10} 天` : `${Math.round(days * 10) / 10} d`);
