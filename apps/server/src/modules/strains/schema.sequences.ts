import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../platform/db/schema.js';
import type { Marker, Taxonomy } from './model/sequences.js';

/** The sequences part's tables (migrations/0014_strain_sequences.sql), merged into the application's DB type. */
export interface StrainSequenceTable {
  id: Generated<string>;
  strainId: string;
  marker: Marker;
  geneName: string | null;
  fastaId: string;
  description: string | null;
  length: number;
  residues: string;
  sha256: string;
  sourceFileName: string | null;
  createdBy: string | null;
  createdAt: Timestamp;
}

export interface ReferenceSetTable {
  id: Generated<string>;
  nameZh: string;
  marker: Marker;
  source: string;
  licence: string;
  description: string | null;
  fileName: string | null;
  recordCount: Generated<number>;
  loadedBy: string | null;
  loadedAt: Timestamp;
}

export interface ReferenceSequenceTable {
  id: Generated<string>;
  setId: string;
  fastaId: string;
  description: string | null;
  taxonomy: Json<Taxonomy>;
  genus: string | null;
  species: string | null;
  length: number;
  residues: string;
}

export interface SeqIndexSegmentTable {
  no: number;
  bytes: Uint8Array;
  sequenceCount: Generated<number>;
  referenceCount: Generated<number>;
  referenceSetIds: Generated<string[]>;
  /** bigint: the drivers give it back as a string. */
  residueCount: Generated<string | number>;
  builtAt: Timestamp;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    strainSequence: StrainSequenceTable;
    referenceSet: ReferenceSetTable;
    referenceSequence: ReferenceSequenceTable;
    seqIndexSegment: SeqIndexSegmentTable;
  }
}
