import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { SafetyEvaluationPauseTable, SafetyEvaluationTable } from './schema.js';

type Q = Kysely<DB> | Transaction<DB>;

export type EvaluationRow = Selectable<SafetyEvaluationTable> & {
  applicantNameZh: string;
  strainAccession: string | null;
  strainNameZh: string | null;
};
export type PauseRow = Selectable<SafetyEvaluationPauseTable>;

/** A strain as the bank names it: its Chinese name, else genus, species and strain designation. */
const strainName = (s: { nameZh: string | null; genus: string | null; species: string | null; strainDesignation: string | null }) =>
  s.nameZh ?? (s.genus ? [s.genus, s.species ?? 'sp.', s.strainDesignation].filter(Boolean).join(' ') : null);

/** Evaluations with the applicant's name and the linked strain's accession and name (a link only). */
export const evaluationQuery = (q: Q) => q.selectFrom('safetyEvaluation as e')
  .innerJoin('organisation as o', 'o.id', 'e.applicantOrganisationId')
  .leftJoin('strain as s', 's.id', 'e.strainId')
  .selectAll('e')
  .select(['o.nameZh as applicantNameZh', 's.accession as strainAccession', 's.nameZh as strainZh', 's.genus', 's.species', 's.strainDesignation']);

export function toRow(r: Awaited<ReturnType<ReturnType<typeof evaluationQuery>['execute']>>[number]): EvaluationRow {
  const { strainZh, genus, species, strainDesignation, ...e } = r;
  return { ...e, strainNameZh: e.strainId ? strainName({ nameZh: strainZh, genus, species, strainDesignation }) : null } as EvaluationRow;
}

export async function loadEvaluation(q: Q, id: string): Promise<EvaluationRow | undefined> {
  const r = await evaluationQuery(q).where('e.id', '=', id).executeTakeFirst();
  return r && toRow(r);
}

/** The pauses of these evaluations, oldest first, by evaluation. */
export async function pausesOf(q: Q, ids: readonly string[]): Promise<Map<string, PauseRow[]>> {
  const out = new Map<string, PauseRow[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows = await q.selectFrom('safetyEvaluationPause').selectAll().where('evaluationId', 'in', [...ids]).orderBy('startedOn').orderBy('id').execute();
  for (const p of rows) out.get(p.evaluationId)!.push(p);
  return out;
}

/** Live and past reviewers of an evaluation, with the expert's name, in the order they were assigned. */
export const reviewsOf = (q: Q, evaluationId: string) => q.selectFrom('safetyReview as r').innerJoin('expert as x', 'x.id', 'r.expertId')
  .selectAll('r').select(['x.nameZh as expertNameZh', 'x.code as expertCode', 'x.organisationZh as expertOrganisationZh', 'x.titleZh as expertTitleZh', 'x.userId as expertUserId'])
  .where('r.evaluationId', '=', evaluationId).orderBy('r.assignedAt').orderBy('r.id').execute();
export type ReviewRow = Awaited<ReturnType<typeof reviewsOf>>[number];
