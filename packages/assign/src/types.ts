/** What the engine reads: experts (专家) and applications (申报) to a challenge, and what it answers. */

/** Words in both of the platform's languages. */
export interface Text { zh: string; en: string }

export interface Coworker {
  /** The person worked with (an applicant's person id), … */
  personId?: string;
  /** … or the organisation worked with. */
  organisationId?: string;
  kind: 'publication' | 'project';
  /** The paper's DOI or the project's number, as recorded in the platform. */
  ref?: string;
}

export interface Expert {
  id: string;
  organisationId: string;
  /** Field keywords (领域关键词), e.g. 发酵工程, 酶工程. */
  fields: string[];
  /** The most applications this expert reviews in one round; the round's cap when absent. */
  maxLoad?: number;
  /** False when the expert has said they cannot review this round. */
  available?: boolean;
  declaredConflicts?: { organisationIds?: string[]; personIds?: string[] };
  /** Joint publications and projects recorded in the platform. */
  coworkers?: Coworker[];
}

export interface Application {
  id: string;
  fields: string[];
  leadOrganisationId: string;
  memberOrganisationIds: string[];
  /** The people of the applying team (lead, members), as person ids. */
  peopleIds?: string[];
}

export type ConflictKind = 'sameOrganisation' | 'coApplicant' | 'declared' | 'jointPublication' | 'jointProject';

export interface Conflict {
  kind: ConflictKind;
  reason: Text;
  organisationId?: string;
  personId?: string;
  ref?: string;
}

export interface AssignOptions {
  /** Reviewers wanted per application. */
  perApplication: number;
  /** Cap on applications per expert (an expert's own `maxLoad` wins); default ceil(applications × N / available experts) + 1. */
  maxLoad?: number;
  /** Smallest field fit (0–1) that makes an expert a candidate; default: any shared keyword. */
  minFit?: number;
}

export interface Reviewer {
  expertId: string;
  /** Share of the application's field keywords the expert covers, each keyword weighted by its rarity among experts (0–1). */
  fit: number;
  /** The shared keywords, as the application spells them. */
  shared: string[];
}

/** Why an expert could not be given to an application: counts of experts, by cause. A conflicted expert counts under each kind it has. */
export interface RuledOut {
  sameOrganisation: number;
  coApplicant: number;
  declared: number;
  jointPublication: number;
  jointProject: number;
  /** Available experts sharing no keyword with the application (or below `minFit`). */
  noFieldOverlap: number;
  unavailable: number;
  /** Eligible experts who had reached their cap. */
  atCapacity: number;
}

export interface Shortfall {
  /** Reviewers still missing. */
  missing: number;
  /** Experts with a field fit and no conflict. */
  eligible: number;
  ruledOut: RuledOut;
  reason: Text;
}

export interface Assignment {
  applicationId: string;
  /** Best fit first. */
  reviewers: Reviewer[];
  shortfall?: Shortfall;
}

export interface AssignResult {
  /** In the order the applications were given. */
  assignments: Assignment[];
  /** Applications per expert, for the experts given any. */
  load: Map<string, number>;
  stats: {
    applications: number;
    experts: number;
    availableExperts: number;
    /** The round's cap on applications per expert. */
    maxLoad: number;
    /** Reviewer places filled. */
    assigned: number;
    meanFit: number;
    /** Applications with fewer than N reviewers, and the places missing. */
    shortfalls: number;
    missing: number;
    /** Expert–application pairs checked for conflicts (candidates sharing a keyword), and those ruled out. */
    candidatesChecked: number;
    conflicted: number;
    /** Reviewers moved to another application to fill a shortfall. */
    moves: number;
  };
}
