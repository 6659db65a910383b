import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../platform/db/schema.js';

/** The strain bank's core tables (migrations/0012_strains.sql), merged into the application's DB type. */
export interface BiosafetyLabTable {
  id: Generated<string>;
  code: string;
  organisationId: string;
  nameZh: string;
  nameEn: string | null;
  biosafetyLevel: number;
  animal: Generated<boolean>;
  certificateNo: string | null;
  certifiedOn: string | null;
  certificateExpiresOn: string | null;
  addressZh: string | null;
  status: Generated<'operating' | 'building' | 'suspended' | 'closed'>;
  isDemo: Generated<boolean>;
  createdAt: Generated<Timestamp>;
  updatedAt: Generated<Timestamp>;
}

export interface BiosafetyOfficerTable {
  userId: string;
  appointedBy: string | null;
  appointedAt: Generated<Timestamp>;
  noteZh: string | null;
}

export interface StrainLineage { domain?: string; phylum?: string; class?: string; order?: string; family?: string }
export interface StrainLiterature { citation: string; doi?: string }

export type StrainStatus = 'submitted' | 'received' | 'checked' | 'accessioned' | 'rejected' | 'withdrawn';

export interface StrainTable {
  id: Generated<string>;
  accession: string | null;
  depositNo: string;
  status: Generated<StrainStatus>;
  organismKind: string;
  genus: string;
  species: string | null;
  subspecies: string | null;
  strainDesignation: string | null;
  nameZh: string | null;
  lineage: Json<StrainLineage>;
  typeStrain: Generated<boolean>;
  otherNumbers: Generated<string[]>;
  depositorOrganisationId: string | null;
  depositorUserId: string | null;
  depositorNameZh: string | null;
  historyZh: string | null;
  depositedOn: string | null;
  isolationSourceZh: string | null;
  isolationPlaceZh: string | null;
  isolationLat: number | null;
  isolationLon: number | null;
  isolationCountry: string | null;
  isolatedOn: string | null;
  mediumZh: string | null;
  growthTemperatureC: number | null;
  atmosphere: string | null;
  applicationsZh: Generated<string[]>;
  products: Generated<string[]>;
  enzymes: Generated<string[]>;
  tolerances: Generated<string[]>;
  keyGenes: Generated<string[]>;
  literature: Json<StrainLiterature[]>;
  hazardClass: number | null;
  biosafetyLevel: Generated<number>;
  gmo: Generated<boolean>;
  exportControl: Generated<boolean>;
  nagoyaAbs: Generated<boolean>;
  restrictionNoteZh: string | null;
  restricted: Generated<boolean>;
  receivedOn: string | null;
  receivedConditionZh: string | null;
  receivedMaterialZh: string | null;
  receivedBy: string | null;
  checkedAt: Timestamp | null;
  checkedBy: string | null;
  rejectedReasonZh: string | null;
  withdrawnReasonZh: string | null;
  withdrawnAt: Timestamp | null;
  accessionedAt: Timestamp | null;
  accessionedBy: string | null;
  tokens: Generated<string[]>;
  isDemo: Generated<boolean>;
  createdAt: Generated<Timestamp>;
  updatedAt: Generated<Timestamp>;
}

export interface GermplasmTable {
  id: Generated<string>;
  code: string;
  kind: 'plant' | 'animal' | 'insect' | 'microbe' | 'other';
  nameZh: string;
  latinName: string | null;
  varietyZh: string | null;
  siteZh: string | null;
  siteLat: number | null;
  siteLon: number | null;
  collectedOn: string | null;
  keeperOrganisationId: string | null;
  traitsZh: string | null;
  restricted: Generated<boolean>;
  status: Generated<'kept' | 'lost' | 'withdrawn'>;
  tokens: Generated<string[]>;
  isDemo: Generated<boolean>;
  createdAt: Generated<Timestamp>;
  updatedAt: Generated<Timestamp>;
}

export type StrainCheckKind = 'purity' | 'viability' | 'identity';

export interface StrainCheckTable {
  id: Generated<string>;
  strainId: string;
  kind: StrainCheckKind;
  passed: boolean;
  methodZh: string;
  resultZh: string;
  testedOn: string;
  testedBy: string;
  createdAt: Generated<Timestamp>;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    biosafetyLab: BiosafetyLabTable;
    biosafetyOfficer: BiosafetyOfficerTable;
    strain: StrainTable;
    germplasm: GermplasmTable;
    strainCheck: StrainCheckTable;
  }
}
