import type { ErrorDetail } from '../../../app/api';
import type { Hit } from './api';

/**
 * The pure rules of the sequence pages: how a FASTA problem names its record, how lengths read,
 * what a hit is called.
 */

/** One problem the server found in a FASTA: its record (1-based; 0 before the first header, null for the whole text) and what is wrong. */
export interface FastaProblemRow { key: number; record: number | null; message: string }

/** The server's 422/409/413 details, whose paths read `/fasta/records/N` (or `/file/records/N`). */
export function fastaProblems(details: ErrorDetail[]): FastaProblemRow[] {
  return details.map((d, key) => {
    const m = /\/records\/(\d+)/.exec(d.path);
    return { key, record: m ? Number(m[1]) : null, message: d.message };
  });
}

/** 1465 → "1,465 bp"; 4 600 000 → "4.60 Mbp"; 52 000 → "52.0 kbp". */
export function bp(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(2)} Mbp`;
  if (n >= 10_000) return `${(n / 1000).toFixed(1)} kbp`;
  return `${n.toLocaleString('en')} bp`;
}

/** Bytes as MB with one decimal, or kB below a megabyte. */
export const mb = (n: number) => (n < 1024 * 1024 ? `${Math.round(n / 1024)} kB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

/** What a hit is: the strain's accession and name, or the reference set's record and its taxonomy. */
export function subjectOf(h: Hit): { title: string; sub: string; italic: string } {
  if (h.kind === 'strain') {
    const s = h.strain;
    return { title: s.accession ?? s.depositNo, italic: [s.genus, s.species].filter(Boolean).join(' '), sub: [s.nameZh, h.geneName ?? h.markerZh].filter(Boolean).join(' · ') };
  }
  const t = h.reference.taxonomy;
  return { title: h.reference.fastaId, italic: t.species ?? t.genus ?? '', sub: [h.reference.setName, t.family].filter(Boolean).join(' · ') };
}

/** The identity bar's colour follows the call (whose thresholds depend on the marker): species green, genus blue, otherwise red. */
export function identityStatus(level: 'species' | 'genus' | 'none'): 'success' | 'normal' | 'exception' {
  return level === 'species' ? 'success' : level === 'genus' ? 'normal' : 'exception';
}
