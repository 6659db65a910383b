import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where each of Chongqing's 38 districts lies (the centroids of the map's boundary file, the one
 * the web app draws), for the matching engine's distance fit and for placing a base without
 * coordinates on the map.
 */
const FILE = fileURLToPath(new URL('../../../../../../data/pilot/district-centroids.json', import.meta.url));
let centroids: Map<string, [number, number]> | null = null;

export function districtCentroid(code: string): [number, number] | null {
  centroids ??= new Map(Object.entries(JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, { centroid: [number, number] }>).map(([k, v]) => [k, v.centroid]));
  return centroids.get(code) ?? null;
}

/** Great-circle kilometres between two districts' centroids; null when either is unknown. */
export function districtDistanceKm(a: string, b: string): number | null {
  const p = districtCentroid(a), q = districtCentroid(b);
  if (!p || !q) return null;
  const rad = Math.PI / 180;
  const h = Math.sin(((q[1] - p[1]) * rad) / 2) ** 2 + Math.cos(p[1] * rad) * Math.cos(q[1] * rad) * Math.sin(((q[0] - p[0]) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
