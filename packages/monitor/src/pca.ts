import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

/**
 * Principal components of a centred and scaled data matrix (rows = observations), with the two
 * statistics of one observation and their per-variable contributions. The data must already be
 * centred and scaled (model.ts does it point by point along the batch trajectory).
 */
export interface Pca {
  /** Eigenvalues of the covariance matrix, largest first (all of them, kept and discarded). */
  eigenvalues: number[];
  /** Loadings: `loadings[j][a]` is variable j's weight in component a (only the kept components). */
  loadings: number[][];
  components: number;
  observations: number;
}

/**
 * The number of components, by the rule stated in the README: the eigenvalues above the average
 * eigenvalue (Kaiser–Guttman; on scaled data the average is ~1), at least one and leaving at
 * least one for the residual space.
 */
export function componentsByRule(eigenvalues: readonly number[]): number {
  const mean = eigenvalues.reduce((s, l) => s + l, 0) / eigenvalues.length;
  const above = eigenvalues.filter((l) => l > mean).length;
  return Math.min(Math.max(above, 1), Math.max(eigenvalues.length - 1, 1));
}

export function fitPca(rows: readonly (readonly number[])[], components?: number): Pca {
  const n = rows.length;
  if (n < 3) throw new RangeError('PCA needs at least 3 observations');
  const X = new Matrix(rows as number[][]);
  const cov = X.transpose().mmul(X).div(n - 1);
  const eig = new EigenvalueDecomposition(cov, { assumeSymmetric: true });
  const values = eig.realEigenvalues;
  const order = values.map((_, i) => i).sort((a, b) => values[b] - values[a]);
  const eigenvalues = order.map((i) => Math.max(values[i], 0));
  const A = components ?? componentsByRule(eigenvalues);
  const V = eig.eigenvectorMatrix;
  const loadings = Array.from({ length: X.columns }, (_, j) => order.slice(0, A).map((i) => V.get(j, i)));
  // A component's sign is arbitrary; fix it so that its largest loading is positive (stable charts).
  for (let a = 0; a < A; a++) {
    let big = 0;
    for (let j = 0; j < loadings.length; j++) if (Math.abs(loadings[j][a]) > Math.abs(big)) big = loadings[j][a];
    if (big < 0) for (const l of loadings) l[a] = -l[a];
  }
  return { eigenvalues, loadings, components: A, observations: n };
}

export interface Statistics {
  scores: number[];
  t2: number;
  spe: number;
  /** z − P·t: the part of the observation the model does not explain. */
  residual: number[];
}

export function statisticsOf(pca: Pca, z: readonly number[]): Statistics {
  const A = pca.components;
  const scores = new Array<number>(A).fill(0);
  for (let j = 0; j < z.length; j++) for (let a = 0; a < A; a++) scores[a] += z[j] * pca.loadings[j][a];
  let t2 = 0;
  for (let a = 0; a < A; a++) t2 += (scores[a] * scores[a]) / pca.eigenvalues[a];
  const residual = z.map((v, j) => { let r = v; for (let a = 0; a < A; a++) r -= pca.loadings[j][a] * scores[a]; return r; });
  const spe = residual.reduce((s, r) => s + r * r, 0);
  return { scores, t2, spe, residual };
}

/**
 * Per-variable contributions, each summing to its statistic. SPE: the squared residual. T²:
 * c_j = z_j Σ_a p_ja t_a / λ_a (the "complete decomposition" of Westerhuis, Gurden & Smilde
 * 2000), which may be negative for a variable that pulls the other way. (Reconstruction-based
 * contributions were tried: on the simulator's faults they smeared T² evenly over variables
 * whose components have near-equal eigenvalues, and named the faulty variable less often.)
 */
export function contributionsOf(pca: Pca, z: readonly number[], s: Statistics): { t2: number[]; spe: number[] } {
  const A = pca.components;
  const t2 = z.map((v, j) => { let c = 0; for (let a = 0; a < A; a++) c += (pca.loadings[j][a] * s.scores[a]) / pca.eigenvalues[a]; return v * c; });
  return { t2, spe: s.residual.map((r) => r * r) };
}
