import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { hasRole } from '../../platform/access/model.js';
import { forbidden, notFound } from '../../platform/http/errors.js';
import { BATCH_STATES, OUTCOMES, phaseLabel } from './model/process-batches.js';
import type { FactoryViewer } from './viewer.js';
import type { BatchPhase } from './schema.js';

/** Reading batches as their pages and services need them, and who may act on one. */
export type Q = Kysely<DB> | Transaction<DB>;

export const batchRows = (q: Q) => q.selectFrom('factoryBatch as b')
  .innerJoin('factory as f', 'f.id', 'b.factoryId')
  .leftJoin('strain as s', 's.id', 'b.strainId')
  .selectAll('b')
  .select(['f.code as factoryCode', 'f.nameZh as factoryNameZh', 'f.organisationId', 's.genus as strainGenus', 's.species as strainSpecies']);

export type BatchRow = Awaited<ReturnType<ReturnType<typeof batchRows>['executeTakeFirstOrThrow']>>;

/** Overseers see every batch; others their organisation's factories' batches. */
export const visibleTo = <T extends ReturnType<typeof batchRows>>(q: T, v: FactoryViewer): T =>
  (v.overseer ? q : q.where('f.organisationId', '=', v.organisationId ?? '00000000-0000-0000-0000-000000000000')) as T;

/**
 * A batch's phases as stored. (schema.ts declares the column `Generated<Json<…>>`, which Kysely
 * does not unwrap to the array; read and write it through these two.)
 */
export const phasesOf = (r: { phases: unknown }) => (r.phases ?? []) as BatchPhase[];
export const phasesValue = (phases: BatchPhase[]) => JSON.stringify(phases) as never;

export const notFoundBatch = () => notFound('批次不存在', 'Batch not found');

export function presentBatch(r: BatchRow) {
  const phases = phasesOf(r).map((p) => ({ ...p, ...phaseLabel(p.name) }));
  return {
    ...r, phases, currentPhase: r.state === 'running' ? phases[phases.length - 1]?.name ?? null : null,
    stateZh: BATCH_STATES[r.state].zh, stateEn: BATCH_STATES[r.state].en,
    outcomeZh: r.outcome ? OUTCOMES[r.outcome].zh : null, outcomeEn: r.outcome ? OUTCOMES[r.outcome].en : null,
    strainNameZh: [r.strainGenus, r.strainSpecies].filter(Boolean).join(' ') || null,
  };
}

/** A batch the viewer sees, or 404 (another organisation's batch is not there for them). */
export async function loadBatch(q: Q, v: FactoryViewer, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFoundBatch();
  const r = await visibleTo(batchRows(q), v).where('b.id', '=', id).executeTakeFirst();
  if (!r) throw notFoundBatch();
  return r;
}

/**
 * Who runs a factory's batches: an operator (or its token) of the factory's organisation.
 * Overseers read every batch but do not run one; they may judge an outcome (`mayJudge`).
 */
export function requireOperatorOf(ctx: Ctx, organisationId: string) {
  const p = ctx.principal;
  if (!p || !hasRole(p, 'enterprise', 'pilotBase') || p.organisationId !== organisationId) throw forbidden('只有本单位工厂的生产人员可以操作此批次', 'Only the factory’s own operators may do this');
}

export function requireJudgeOf(ctx: Ctx, v: FactoryViewer, organisationId: string) {
  if (v.overseer) return;
  requireOperatorOf(ctx, organisationId);
}

