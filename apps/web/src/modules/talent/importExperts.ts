import { streamImport, type ImportProgress } from '../../app/importStream';

export interface ImportOutcome { created: number; updated: number; unchanged: number }

/** The expert import, streamed like every import (app/importStream.ts): one JSON line per step, then the result or the error. */
export const streamExpertImport = (file: File, onProgress: (p: ImportProgress) => void) =>
  streamImport<ImportOutcome>('/api/talent/experts/import', file, onProgress);
