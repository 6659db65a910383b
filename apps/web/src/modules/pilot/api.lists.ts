/**
 * Shapes of the demand list, the achievement list, their matches and the editions of the three
 * pilot lists (apps/server/src/modules/pilot: lists, match, editions and the funnel of responses).
 * An item's keys depend on who reads it: the confidential ones (`detailZh`, a demand's
 * `budgetWan`) are present only when `detailOpen`; the review's (`reviewNoteZh`, `postedBy` …)
 * only for its owner and the task force. Absent, never null: the pages test with `in`.
 */

export type ItemKind = 'demand' | 'achievement';
export type ItemState = 'draft' | 'submitted' | 'published' | 'returned' | 'expired' | 'closed';
export type ListCode = 'atlas' | 'demands' | 'achievements';
export type SupplyKind = 'achievement' | 'capability';

export interface Page<T> { total: number; items: T[] }
export interface Reason { zh: string; en: string }

/** What the caller may do next (item pages and the owner's and task force's lists); the server checks again. */
export interface ItemMay { edit: boolean; submit: boolean; renew: boolean; close: boolean; review: boolean }

interface ItemCommon {
  id: string; code: string; organisationId: string; organisationNameZh: string; titleZh: string; domain: string; processes: string[];
  districtCode: string; districtNameZh: string | null; state: ItemState; publishedAt: string | null; expiresOn: string | null;
  detailOpen: boolean;
  detailZh?: string | null;
  /** The owner's and the task force's. */
  postedBy?: string | null; reviewNoteZh?: string | null; reviewedBy?: string | null; reviewedAt?: string | null; isDemo?: boolean; createdAt?: string; updatedAt?: string;
  may?: ItemMay;
}

export interface DemandItem extends ItemCommon {
  enterpriseId: string | null; problemZh: string; targetProductZh: string | null; organism: string; scaleL: number; deadline: string;
  biosafetyLevel: number; qualityGrade: string; trlNeeded: number | null; summaryZh: string;
  budgetWan?: number | null;
}

export interface AchievementItem extends ItemCommon {
  resultZh: string; trl: number; scaleReachedL: number | null; ipZh: string | null; organisms: string[]; partnerWantedZh: string | null;
}

export type ListItem = DemandItem | AchievementItem;

/** The fields an owner writes, as the server's POST and PATCH take them. */
export interface DemandInput {
  titleZh: string; problemZh: string; targetProductZh: string | null; processes: string[]; organism: string; scaleL: number;
  budgetWan: number | null; deadline: string; domain: string; districtCode: string; biosafetyLevel: number; qualityGrade: string;
  trlNeeded: number | null; summaryZh: string; detailZh: string | null;
}
export interface AchievementInput {
  titleZh: string; resultZh: string; detailZh: string | null; trl: number; scaleReachedL: number | null; ipZh: string | null;
  domain: string; processes: string[]; organisms: string[]; partnerWantedZh: string | null; districtCode: string;
}

/** GET /api/pilot/funnel?list=…: counts only; the matching rate is a share 0–1 (null with nothing posted). */
export interface Funnel {
  list: 'demands' | 'achievements'; edition: { id: string; number: number; titleZh: string } | null;
  posted: number; responded: number; negotiating: number; signed: number; done: number; matchingRate: number | null;
}

/** The other side of a match: public fields only. A capability's code is its platform's. */
export interface MatchCard { id: string; code: string; titleZh: string; districtCode: string; ownerZh: string; kind: SupplyKind | 'demand'; baseId?: string | null }

export interface MatchResult {
  rank: number; score: number; reasons: Reason[]; parts: Record<string, number>; sharedTerms: string[];
  supply?: MatchCard; demand?: MatchCard;
}

/** GET /api/pilot/demands/:id/matches?kind=… */
export interface DemandMatches {
  demand: { id: string; code: string; titleZh: string; state: string };
  kind: SupplyKind; poolSize: number; results: MatchResult[];
  excluded: { count: number; examples: { supply?: MatchCard; why: Reason[] }[] };
}

/** GET /api/pilot/achievements/:id/matches */
export interface AchievementMatches {
  achievement: { id: string; code: string; titleZh: string; state: string };
  poolSize: number; results: MatchResult[]; excluded: { count: number };
}

/** POST /api/pilot/matches/refresh */
export interface RematchResult { demands: number; achievements: number; capabilities: number; results: number; computedAt: string }

/** GET /api/pilot/matches/unserved */
export interface Unserved {
  computedAt: string | null; below: number; total: number;
  items: { id: string; code: string; titleZh: string; districtCode: string; bestAchievement: number | null; bestCapability: number | null }[];
}

/** POST /api/pilot/lists/expire */
export interface ExpireResult { demands: number; achievements: number }

export interface Edition {
  id: string; list: ListCode; number: number; titleZh: string; state: 'draft' | 'published'; publishedAt: string | null; publishedBy: string | null;
  createdAt: string; itemCount: number; listNameZh: string;
}

/** One item of an edition: its public snapshot as it was, with the item's id and print position. */
export type EditionItem = { itemId: string; position: number } & Record<string, unknown>;

export interface EditionDetail extends Edition { countsByDomain: Record<string, number>; items: EditionItem[] }

export type DiffItem = { itemKey: string } & Record<string, unknown>;
export interface EditionDiff {
  list: ListCode;
  from: { id: string; number: number; titleZh: string } | null;
  to: { id: string; number: number; titleZh: string };
  added: DiffItem[]; removed: DiffItem[];
  changed: { key: string; from: DiffItem; to: DiffItem; fields: { field: string; from: unknown; to: unknown }[] }[];
  unchanged: number;
}

/** Where an item of each kind lives, on the server and in the app. */
export const API_PATH: Record<ItemKind, string> = { demand: '/api/pilot/demands', achievement: '/api/pilot/achievements' };
export const PAGE_PATH: Record<ItemKind, string> = { demand: '/pilot/demands', achievement: '/pilot/achievements' };
