import fQuantile from '@stdlib/stats-base-dists-f-quantile';
import chisqQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/**
 * Control limits of the two monitoring statistics at a confidence level (e.g. 0.99).
 *
 * Hotelling T² of a new observation, with A components fitted on n observations
 * (Jackson 1991; Tracy, Young & Mason 1992): T²_lim = A(n² − 1) / (n(n − A)) · F(α; A, n − A).
 */
export function t2Limit(components: number, observations: number, confidence: number): number {
  const A = components, n = observations;
  if (A < 1 || n <= A) throw new RangeError(`T² limit needs 1 ≤ A < n (A=${A}, n=${n})`);
  return ((A * (n * n - 1)) / (n * (n - A))) * fQuantile(confidence, A, n - A);
}

/** θ_i = Σ λ_j^i over the residual (discarded) eigenvalues. */
const thetas = (residualEigenvalues: readonly number[]) =>
  [1, 2, 3].map((i) => residualEigenvalues.reduce((s, l) => s + Math.max(l, 0) ** i, 0));

/**
 * SPE (Q) limit by Jackson & Mudholkar (1979):
 * Q = θ1 [ c_α √(2 θ2 h0²) / θ1 + 1 + θ2 h0 (h0 − 1) / θ1² ]^(1/h0), h0 = 1 − 2 θ1 θ3 / (3 θ2²).
 */
export function speLimitJacksonMudholkar(residualEigenvalues: readonly number[], confidence: number): number {
  const [t1, t2, t3] = thetas(residualEigenvalues);
  if (t1 <= 0) return 0;
  const h0 = 1 - (2 * t1 * t3) / (3 * t2 * t2);
  const c = normalQuantile(confidence, 0, 1);
  return t1 * ((c * Math.sqrt(2 * t2 * h0 * h0)) / t1 + 1 + (t2 * h0 * (h0 - 1)) / (t1 * t1)) ** (1 / h0);
}

/** SPE (Q) limit by Box (1954): Q ≈ g χ²(α; h), g = θ2 / θ1, h = θ1² / θ2. */
export function speLimitBox(residualEigenvalues: readonly number[], confidence: number): number {
  const [t1, t2] = thetas(residualEigenvalues);
  if (t1 <= 0) return 0;
  return (t2 / t1) * chisqQuantile(confidence, (t1 * t1) / t2);
}
