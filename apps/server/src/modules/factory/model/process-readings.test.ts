import { describe, expect, it } from 'vitest';
import { parseBody, parseMessage, topicParts } from './process-readings.js';

/** The reading rules that need no database: what is refused before anything is written. */
describe('process readings', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const at = '2026-05-31T10:00:00+08:00';

  it('refuses a batch number holding a control character as malformed, instead of handing the database a NUL', () => {
    const r = parseBody({ readings: [{ batch: 'B-1\u0000', variable: 'pH', at, value: 7 }, { batch: 'B-1', variable: 'pH', at, value: 7 }] }, now);
    expect(r.rejected.map((x) => [x.path, x.reason])).toEqual([['/readings/0', 'malformed']]);
    expect(r.readings.map((x) => x.batch)).toEqual(['B-1']);
  });

  it('reads a topic only when it is a batch\'s readings topic without control characters', () => {
    expect(topicParts('cqb/factories/FAC-0001/batches/B-1/readings')).toEqual({ factory: 'FAC-0001', batch: 'B-1' });
    expect(topicParts('cqb/factories/FAC-0001/batches/B\u00001/readings')).toBeNull();
    expect(topicParts('cqb/factories/FAC-0001/batches/B-1')).toBeNull();
  });

  it('takes a message as one reading, a list or a series, and a message that is not JSON as one malformed', () => {
    expect(parseMessage('B-1', JSON.stringify({ variable: 'pH', at, value: 7 }), now).readings).toHaveLength(1);
    expect(parseMessage('B-1', JSON.stringify({ variable: 'temperature', points: [[at, 30], [at, 'x']] }), now).rejected.map((x) => x.reason)).toEqual(['badValue']);
    expect(parseMessage('B-1', '{not json', now).rejected.map((x) => x.reason)).toEqual(['malformed']);
  });
});
