import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { tokensOf } from '../../platform/search/segmenter.js';
import { notFound } from '../../platform/http/errors.js';
import { publicSummary, restrictionReasons } from './model/restriction.js';
import { LIST_FIELDS, STRAIN_FIELDS, type StrainInput } from './model/strain-input.js';
import type { StrainStatus, StrainTable } from './schema.js';

type Q = Kysely<DB> | Transaction<DB>;

/** A stored strain with its depositor organisation's name. */
export type StrainRow = Selectable<StrainTable> & { depositorOrganisationNameZh: string | null };

export const strainRows = (q: Q) => q.selectFrom('strain as s').leftJoin('organisation as o', 'o.id', 's.depositorOrganisationId')
  .selectAll('s').select('o.nameZh as depositorOrganisationNameZh');

export const loadStrain = async (q: Q, id: string) => (await strainRows(q).where('s.id', '=', id).executeTakeFirst()) as StrainRow | undefined;

export const strainNotFound = () => notFound('菌种不存在', 'Strain not found');

/** The strain's full name as collections write it: Bacillus subtilis subsp. spizizenii CQ-01. */
export const scientificName = (s: { genus: string; species: string | null; subspecies: string | null }) =>
  [s.genus, s.species, s.subspecies ? `subsp. ${s.subspecies}` : null].filter(Boolean).join(' ');

/**
 * Search words. A restricted strain is found only by what its public summary shows, so that a
 * search never confirms a hidden detail (its isolation place, products, genes).
 */
export function strainTokens(s: Partial<StrainInput> & { accession?: string | null; depositNo?: string }, restricted: boolean) {
  const open = [s.accession, s.genus, s.species, s.subspecies, s.strainDesignation, s.nameZh, ...(s.applicationsZh ?? [])];
  const more = restricted ? [] : [s.depositNo, ...(s.otherNumbers ?? []), ...(s.products ?? []), ...(s.enzymes ?? []), ...(s.tolerances ?? []), s.isolationSourceZh, s.isolationPlaceZh, s.mediumZh];
  return tokensOf(...open, ...more);
}

/** Column values of the strain's fields; lists deduplicated, text trimmed (empty text is null). */
export function strainColumns(f: Partial<StrainInput>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of STRAIN_FIELDS) {
    if (!(k in f)) continue;
    let v: unknown = f[k];
    if (typeof v === 'string') v = v.trim() || null;
    if ((LIST_FIELDS as readonly string[]).includes(k)) v = [...new Set(((v as string[] | null) ?? []).map((x) => x.trim()).filter(Boolean))];
    out[k] = v === undefined ? null : v;
  }
  if ('lineage' in out) out.lineage = JSON.stringify(out.lineage ?? {});
  if ('literature' in out) out.literature = JSON.stringify(out.literature ?? []);
  return out;
}

/** The strain's fields as input (for merging a patch over the stored record). */
export const inputOf = (row: StrainRow): StrainInput =>
  Object.fromEntries(STRAIN_FIELDS.map((k) => [k, (row as Record<string, unknown>)[k] ?? null])) as unknown as StrainInput;

export type StrainView = 'full' | 'summary';
/** A strain as a caller reads it; the summary has only the public fields. */
export type StrainOut = { id: string; accession: string | null; status: StrainStatus; restricted: boolean; view: StrainView; [k: string]: unknown };

/** What a caller reads of one strain: everything, or the public summary and the reasons it is restricted. */
export function presentStrain(row: StrainRow, view: StrainView): StrainOut {
  const reasons = restrictionReasons(row);
  if (view === 'summary') return { ...publicSummary(row), id: row.id, accession: row.accession, status: row.status, restricted: row.restricted, scientificName: scientificName(row), restrictionReasons: reasons, view };
  const { tokens: _t, ...rest } = row;
  return { ...rest, scientificName: scientificName(row), restrictionReasons: reasons, view };
}
