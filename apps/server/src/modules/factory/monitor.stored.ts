import type { MonitorModel } from '@cq-biomfg/monitor';
import type { MonitorModelParams, MonitorModelTable } from './schema.monitoring.js';
import type { Q } from './batches.store.js';

/**
 * A monitoring model between the database and packages/monitor. JSON has no NaN: the grid points
 * that too few good batches reached are stored as null and read back as NaN.
 */
type StoredModel = Pick<MonitorModelTable, 'variables' | 'components' | 'confidence' | 't2Limit' | 'speLimit' | 'consecutive' | 'batchIds'> & { params: MonitorModelParams };

const nanOf = (rows: (number | null)[][]) => rows.map((r) => r.map((v) => (v === null ? NaN : v)));

export function modelOf(row: StoredModel): MonitorModel {
  const p = row.params;
  return {
    variables: row.variables,
    grid: p.grid,
    mean: nanOf(p.mean),
    scale: nanOf(p.scale),
    pca: { eigenvalues: p.eigenvalues, loadings: p.loadings, components: row.components, observations: p.observations },
    explained: p.explained,
    batches: row.batchIds.length,
    limits: { confidence: row.confidence, t2: row.t2Limit, spe: row.speLimit, speMethod: p.speMethod },
    rule: { consecutive: row.consecutive },
    trainingExceedance: p.trainingExceedance,
  };
}

export function paramsOf(m: MonitorModel): MonitorModelParams {
  return {
    grid: m.grid, mean: m.mean, scale: m.scale, eigenvalues: m.pca.eigenvalues, loadings: m.pca.loadings,
    explained: m.explained, observations: m.pca.observations, speMethod: m.limits.speMethod, trainingExceedance: m.trainingExceedance,
  };
}

/** The active model of an organisation's recipe, with everything scoring needs. */
export function activeModel(q: Q, organisationId: string, recipe: string) {
  return q.selectFrom('monitorModel').selectAll().where('organisationId', '=', organisationId).where('recipe', '=', recipe).where('status', '=', 'active').executeTakeFirst();
}
