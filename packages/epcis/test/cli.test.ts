import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEpcisCli } from '../src/index.js';
import { STANDARD } from './helpers.js';

function run(args: string[]) {
  let out = '', err = '';
  const code = runEpcisCli(args, { write: (t) => { out += t; }, error: (t) => { err += t; } });
  return { code, out, err };
}

describe('biomfg epcis validate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'epcis-cli-'));
  const good = join(STANDARD, 'examples', 'Example_9.6.1-ObjectEvent.jsonld');
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ '@context': 'https://ref.gs1.org/standards/epcis/epcis-context.jsonld', type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2024-01-01T00:00:00Z', epcisBody: { eventList: [{ type: 'ObjectEvent', action: 'ADD', epcList: [], eventTimeZoneOffset: '+08:00' }] } }));

  it('exits 0 and counts the events when every file validates', () => {
    const r = run(['validate', good, join(STANDARD, 'examples', 'EPCISQueryDocument.jsonld')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Example_9\.6\.1-ObjectEvent\.jsonld: 通过 OK — EPCISDocument, 2 个事件 events/);
    expect(r.out).toMatch(/EPCISQueryDocument, 2 /);
  });

  it('exits 1 and prints the problem type, each pointer and message in Chinese and English', () => {
    const r = run(['validate', good, bad]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/bad\.json: 未通过 INVALID — epcisException:ValidationException \(400\)/);
    expect(r.out).toMatch(/\/epcisBody\/eventList\/0\/eventTime: 缺少必填字段 eventTime（required property missing: eventTime）/);
  });

  it('exits 1 for a file it cannot read or parse', () => {
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, '{ not json');
    expect(run(['validate', junk]).out).toMatch(/JSON/);
    expect(run(['validate', junk]).code).toBe(1);
    expect(run(['validate', join(dir, 'missing.json')]).code).toBe(1);
  });

  it('exits 2 with the usage line on bad usage', () => {
    for (const args of [[], ['validate'], ['check', good]]) {
      const r = run(args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/epcis validate FILE/);
    }
  });
});
