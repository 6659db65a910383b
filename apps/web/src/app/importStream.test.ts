import { describe, expect, it } from 'vitest';
import { parseImportLine, percentOf, splitLines } from './importStream';

describe('the import stream', () => {
  it('reads progress, result and error lines', () => {
    expect(parseImportLine('{"progress":{"phase":"validate","done":10,"total":40}}')).toEqual({ kind: 'progress', progress: { phase: 'validate', done: 10, total: 40 } });
    expect(parseImportLine('{"result":{"created":2,"updated":1,"unchanged":0,"problems":[]}}')).toMatchObject({ kind: 'result', result: { created: 2, updated: 1 } });
    const e = parseImportLine('{"status":422,"error":{"code":"import_invalid","message":"文件有 1 处问题","details":[{"path":"/rows/5/creditCode","message":"校验位不正确"}]}}');
    expect(e).toEqual({ kind: 'error', status: 422, code: 'import_invalid', message: '文件有 1 处问题', details: [{ path: '/rows/5/creditCode', message: '校验位不正确' }] });
  });

  it('ignores blank and broken lines', () => {
    expect(parseImportLine('   ')).toBeNull();
    expect(parseImportLine('{"progr')).toBeNull();
  });

  it('keeps an unfinished line for the next chunk', () => {
    expect(splitLines('{"a":1}\n{"b":2}\n{"c"')).toEqual({ lines: ['{"a":1}', '{"b":2}'], rest: '{"c"' });
    expect(splitLines('{"a":1}\n')).toEqual({ lines: ['{"a":1}'], rest: '' });
  });

  it('moves the bar forward through the phases', () => {
    expect(percentOf({ phase: 'upload', done: 0, total: 0 })).toBe(0);
    expect(percentOf({ phase: 'validate', done: 0, total: 100 })).toBe(15);
    expect(percentOf({ phase: 'validate', done: 50, total: 100 })).toBe(35);
    expect(percentOf({ phase: 'write', done: 100, total: 100 })).toBe(99);
    expect(percentOf({ phase: 'done', done: 0, total: 0 })).toBe(100);
  });
});
