import { useApi } from '../../app/useApi';

/** Shapes of the public plan API (apps/server/src/modules/plan/schemas.ts). */
export interface Named {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface Measurement {
  value: number;
  asOf: string;
  basisZh: string;
  basisEn: string;
  drillDown?: string;
}

export interface Target {
  code: string;
  actionNo: number;
  statementZh: string;
  statementEn: string;
  indicatorZh: string;
  indicatorEn: string;
  quantified: boolean;
  comparator: 'gt' | 'gte' | 'eq' | 'lt' | 'lte' | null;
  value: number | null;
  unit: string | null;
  unitEn: string | null;
  year: number;
  threshold: { value: number; unit: string; comparator: string } | null;
  sourceSentence: string;
  measurement: Measurement | null;
}

export interface Plan {
  code: string;
  version: number;
  titleZh: string;
  titleEn: string;
  publisherZh: string;
  publisherEn: string;
  status: string;
  statusZh: string;
  horizon: { from: number; to: number };
  publishedOn: string | null;
  consultation: { opensOn: string; closesOn: string; days: number; channelZh: string; email: string; contactName: string; phone: string; sourceSentence: string };
  preambleZh: string;
  generalRequirementZh: string;
  domains: Named[];
  buildGoals: Named[];
  safeguards: { no: number; titleZh: string; titleEn: string; textZh: string }[];
  counts: { actions: number; tasks: number; safeguards: number; targets: number; quantifiedTargets: number };
}

export interface TaskRef {
  no: number;
  titleZh: string;
  titleEn: string;
  domains: string[];
}

export interface Action {
  no: number;
  code: string;
  titleZh: string;
  titleEn: string;
  introZh: string;
  domains: string[];
  tasks: TaskRef[];
  targets: Target[];
}

export interface Place {
  name: string;
  kind?: string;
  districtCode?: string;
}

export interface Body {
  code: string;
  nameZh: string;
  nameEn: string;
  type: string;
  districtCode?: string | null;
  aliasesZh?: string[];
}

export interface TaskListItem {
  no: number;
  actionNo: number;
  titleZh: string;
  titleEn: string;
  domains: string[];
  places: Place[];
  products: string[];
  fields: string[];
  bodies: Body[];
}

/** An indicator a module measures for a task that has no plan figure of its own. */
export interface TaskIndicator {
  code: string;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
  measurement: Measurement | null;
}

export interface TaskDetail extends TaskListItem {
  textZh: string;
  action: { no: number; code: string; titleZh: string; titleEn: string; introZh: string };
  targets: Target[];
  indicators: TaskIndicator[];
  planVersion: number;
}

export interface District {
  code: string;
  nameZh: string;
  shortZh: string;
  nameEn: string;
  type: string;
}

export const usePlan = () => useApi<Plan>('/api/plan', { cached: true });
export const useActions = () => useApi<Action[]>('/api/plan/actions', { cached: true });
export const useTasks = () => useApi<TaskListItem[]>('/api/plan/tasks', { cached: true });
export const useTask = (no: number) => useApi<TaskDetail>(Number.isInteger(no) && no > 0 ? `/api/plan/tasks/${no}` : null, { cached: true });
export const useTargets = () => useApi<Target[]>('/api/plan/targets', { cached: true });
export const usePlanText = () => useApi<{ version: number; text: string }>('/api/plan/text', { cached: true });
export const useDistricts = () => useApi<District[]>('/api/districts', { cached: true });
