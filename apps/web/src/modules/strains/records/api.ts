/** The answers of the records part's routes, as the pages read them (apps/server/src/modules/strains). */
export interface Page<T> { total: number; items: T[] }

export interface Reason { zh: string; en: string }

/** What every reader sees of a strain: its public summary. */
export interface StrainSummary {
  id: string; accession: string | null; genus: string; species: string | null; subspecies: string | null; strainDesignation: string | null; nameZh: string | null;
  organismKind: string; typeStrain: boolean; hazardClass: number | null; biosafetyLevel: number; gmo: boolean; exportControl: boolean; nagoyaAbs: boolean;
  restricted: boolean; restrictionNoteZh: string | null; status: string; applicationsZh: string[]; scientificName: string; restrictionReasons: Reason[];
  view: 'full' | 'summary';
}

export interface Lineage { domain?: string; phylum?: string; class?: string; order?: string; family?: string }

export interface StrainCheck { id: string; kind: string; passed: boolean; methodZh: string; resultZh: string; testedOn: string; createdAt: string; testedByName: string | null }

/** The full record, for those who see it. */
export interface StrainFull extends StrainSummary {
  depositNo: string; lineage: Lineage; otherNumbers: string[]; depositorOrganisationId: string | null; depositorOrganisationNameZh: string | null;
  depositorNameZh: string | null; historyZh: string | null; depositedOn: string | null; isolationSourceZh: string | null; isolationPlaceZh: string | null;
  isolationLat: number | null; isolationLon: number | null; isolationCountry: string | null; isolatedOn: string | null; mediumZh: string | null;
  growthTemperatureC: number | null; atmosphere: string | null; products: string[]; enzymes: string[]; tolerances: string[]; keyGenes: string[];
  literature: { citation: string; doi?: string }[]; receivedOn: string | null; receivedConditionZh: string | null; receivedMaterialZh: string | null;
  rejectedReasonZh: string | null; withdrawnReasonZh: string | null; accessionedAt: string | null; createdAt: string; updatedAt: string;
  checks?: StrainCheck[]; may?: Record<DepositAction, boolean>; depositor?: boolean;
}

export type Strain = StrainSummary | StrainFull;
export const isFull = (s: Strain): s is StrainFull => s.view === 'full';

export type DepositAction = 'edit' | 'receive' | 'recordCheck' | 'markChecked' | 'accession' | 'reject' | 'withdraw';

export interface HistoryItem { id: number; at: string; actorName: string; action: string; summary: string | null; before: Record<string, unknown> | null; after: Record<string, unknown> | null }

export interface StatsCell { organismKind: string; hazardClass: number | null; count: number }

export interface Germplasm {
  id: string; code: string; kind: string; nameZh: string; latinName: string | null; varietyZh: string | null; siteZh: string | null; siteLat: number | null; siteLon: number | null;
  collectedOn: string | null; keeperOrganisationId: string | null; keeperNameZh: string | null; traitsZh: string | null; restricted: boolean; status: string; coordinatesWithheld: boolean;
}
export interface Site { siteZh: string; lat: number | null; lon: number | null; count: number; kinds: Record<string, number>; names: string[] }

export interface Lab {
  id: string; code: string; organisationId: string; organisationNameZh: string; nameZh: string; nameEn: string | null; biosafetyLevel: number; animal: boolean;
  certificateNo: string | null; certifiedOn: string | null; certificateExpiresOn: string | null; addressZh: string | null; status: string; effectiveLevel: number; mayEdit: boolean;
}

export interface Officer { userId: string; username: string; displayName: string; organisationNameZh: string | null; appointedAt: string; appointedByName: string | null; noteZh: string | null; holdsCuratorRole: boolean }
export interface Candidate { userId: string; username: string; displayName: string; organisationNameZh: string | null }
