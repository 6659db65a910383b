import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_TYPES } from '../src/index.js';
import { STANDARD } from './helpers.js';

/** The REST binding's OpenAPI document as GS1 publishes it (see standard/README.md). */
const OPENAPI = readFileSync(join(STANDARD, 'rest-bindings', 'openapi.yaml'), 'utf8');

describe('the REST binding\'s OpenAPI document', () => {
  it('names every problem type the engine answers with', () => {
    const types = [...new Set(Object.values(PROBLEM_TYPES).map((t) => t.type))];
    const missing = types.filter((t) => !OPENAPI.includes(t) || !OPENAPI.includes(t.replace(/^epcisException:/, '')));
    expect(missing).toEqual([]);
  });

  it('pages /events by perPage and nextPageToken and leaves the query language to its query schema', () => {
    // The binding's own parameters; the EQ_/GE_/MATCH_ family is defined by query-schema.json, which it points to.
    for (const p of ['perPage', 'nextPageToken', 'eventType', 'GE_eventTime', 'EQ_bizStep']) expect(OPENAPI).toMatch(new RegExp(`\\b${p}\\b`));
    expect(OPENAPI).toContain('query-schema.json');
  });
});
