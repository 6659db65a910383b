import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';

// Ajv and ajv-formats are CommonJS with default-export typings that NodeNext cannot see through.
const require = createRequire(import.meta.url);

let compiled: ValidateFunction | null = null;

/**
 * The standard's JSON schema (standard/EPCIS-JSON-Schema.json, draft-07), compiled once on first
 * use. Formats are checked in full (`uri`, `date-time` with its time zone) as the schema means them.
 */
export function schemaValidator(): ValidateFunction {
  if (compiled) return compiled;
  const Ajv = require('ajv').default as typeof import('ajv').default;
  const addFormats = require('ajv-formats').default as typeof import('ajv-formats').default;
  const schema = JSON.parse(readFileSync(new URL('../standard/EPCIS-JSON-Schema.json', import.meta.url), 'utf8'));
  // inlineRefs off: this schema's if/then branches repeat the event definitions, and inlining
  // them doubles compile time for slower validation.
  const ajv = new Ajv({ allErrors: false, strict: false, validateFormats: true, inlineRefs: false });
  addFormats(ajv, ['uri', 'date-time']);
  compiled = ajv.compile(schema);
  return compiled;
}

export type SchemaError = ErrorObject;
