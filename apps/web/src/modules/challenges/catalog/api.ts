
/** The answers of /api/challenges/needs and /api/challenges/need-editions, as the pages read them. */

export const NEEDS = '/api/challenges/needs';
export const EDITIONS = '/api/challenges/need-editions';

export interface Indicator { nameZh: string; targetValue: number; unit: string }

/** A need's public fields: what anyone reads once a published edition holds it. */
export interface NeedPublic {
  id: string; code: string; titleZh: string; field: string; fieldOtherZh: string | null; domain: string;
  problemZh: string; currentLevelZh: string; indicators: Indicator[]; expectedOutcomeZh: string;
  organisationId: string; organisationNameZh: string; suggestedMode: string | null; fundingWan: number | null;
}
export interface NeedMay { edit: boolean; submit: boolean; review: boolean; withdraw: boolean }
/** The raiser's and organisers' view adds the contact, the status and the review: keys absent for anyone else. */
export interface Need extends NeedPublic {
  contactNameZh?: string; contactPhone?: string | null; contactEmail?: string | null;
  status?: string; reviewNoteZh?: string | null; reviewedAt?: string | null; submittedAt?: string | null; acceptedAt?: string | null;
  withdrawnNoteZh?: string | null; createdAt?: string; updatedAt?: string; may: NeedMay;
}
export interface NeedDetail extends Need {
  challenges: { id: string; code: string; titleZh: string; status: string; mode: string; fundingWan: number; deadline: string }[];
  editions: { id: string; titleZh: string; status: string; year: number | null; number: number | null; publishedAt: string | null }[];
}

export interface Page<T> { total: number; items: T[] }

export interface Edition {
  id: string; year: number | null; number: number | null; titleZh: string; status: 'draft' | 'published'; basedOnId: string | null;
  publishedAt: string | null; createdAt: string; itemCount: number;
}
export interface EditionDetail extends Edition {
  basedOn: { id: string; titleZh: string; year: number | null; number: number | null } | null;
  byField: Record<string, number>; byDomain: Record<string, number>; carried: number; added: number;
}
export type EditionItem = NeedPublic & { needId: string; origin: 'carried' | 'added'; position: number };

export interface FieldChange { field: string; from: unknown; to: unknown; labelZh: string; labelEn: string }
export interface EditionDiff {
  from: { id: string; titleZh: string; status: string; publishedAt: string | null } | null;
  to: { id: string; titleZh: string; status: string; publishedAt: string | null };
  added: (EditionItem & { needId: string })[];
  removed: (EditionItem & { needId: string; statusNow: string | null; statusNowZh: string | null })[];
  changed: { needId: string; code: string; titleZh: string; fields: FieldChange[] }[];
  unchanged: number;
}


