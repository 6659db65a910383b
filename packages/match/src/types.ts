/** What the engine reads: a demand (生产需求), and a supply — an achievement (成果) or a pilot capability (中试能力). */
export type Domain = 'biochem' | 'biopharma' | 'bioagrifood' | 'bioenergy';
export type QualityGrade = 'GMP' | 'GLP' | 'none';

export interface Demand {
  id: string;
  title: string;
  text: string;
  domain: Domain | string;
  processes: string[];
  organism: string;
  /** Working volume needed, litres. */
  scaleL: number;
  biosafetyLevel: number;
  qualityGrade: QualityGrade;
  districtCode?: string | null;
  trlNeeded?: number | null;
}

export interface Supply {
  id: string;
  kind: 'achievement' | 'capability';
  title: string;
  text: string;
  domain?: string | null;
  domains?: string[];
  processes: string[];
  organisms: string[];
  /** Capabilities: the working volumes a line covers, litres. */
  volumeMinL?: number | null;
  volumeMaxL?: number | null;
  /** Achievements: the largest scale reached, litres. */
  scaleReachedL?: number | null;
  trl?: number | null;
  /** Capabilities: the highest biosafety level the site may work at. */
  biosafetyLevel?: number | null;
  qualityGrade?: QualityGrade | null;
  districtCode?: string | null;
}

/** Words of a text for matching (the platform passes jieba in search mode with the plan's terms). */
export type Tokenize = (text: string) => string[];

export interface Reason { zh: string; en: string }

export interface Ranked {
  supplyId: string;
  demandId: string;
  /** 0–100. */
  score: number;
  /** Why, in words: what fits, and what does not. */
  reasons: Reason[];
  /** The parts of the score, each 0–1, for the evaluation and the UI. */
  parts: Record<string, number>;
  sharedTerms: string[];
}

/** A pair ruled out by a hard constraint, with the constraint in words. */
export interface Excluded { supplyId: string; demandId: string; why: Reason[] }
