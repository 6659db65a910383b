import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';

/** The standard's example documents shipped with the engine (packages/epcis/standard/examples). */
const standardDir = fileURLToPath(new URL('../../../../../../packages/epcis/standard/examples', import.meta.url));

export function standardExamples(): { name: string; doc: Record<string, unknown> }[] {
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : f.endsWith('.jsonld') || f.endsWith('.json') ? [join(dir, f)] : []));
  return walk(standardDir).sort().map((f) => ({ name: f.slice(standardDir.length + 1), doc: JSON.parse(readFileSync(f, 'utf8')) }));
}

export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

export const epcisDocument = (eventList: Record<string, unknown>[]) => ({
  '@context': [EPCIS_CONTEXT], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-01-10T00:00:00Z', epcisBody: { eventList },
});

/** A GTIN-14's check digit (GS1 General Specifications §7.9). */
export function gtin14(body13: string) {
  const sum = [...body13].reverse().reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return body13 + String((10 - (sum % 10)) % 10);
}

/** A response that is the REST binding's problem document: status, content type, type, a title in zh（en）. */
export function expectProblem(res: LightMyRequestResponse, status: number, type: string) {
  expect(res.statusCode, res.body.slice(0, 400)).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const p = res.json();
  expect(p).toMatchObject({ type: `epcisException:${type}`, status });
  expect(p.title).toMatch(/（.+）/);
  return p as { type: string; title: string; detail?: string; errors?: { path: string; message: string }[]; instance?: string };
}
