import { describe, expect, it } from 'vitest';
import { validateDocument, PROBLEM_TYPES } from '../src/index.js';
import { example, filesUnder } from './helpers.js';

const VALIDATION = PROBLEM_TYPES.ValidationException;

describe('the standard\'s own examples', () => {
  const valid = filesUnder('examples');

  it('ships examples of all five event types, sensor data, error declarations and Digital Links', () => {
    const types = new Set(valid.flatMap(([, text]) => {
      const r = validateDocument(text);
      return r.ok ? r.events.map((e) => e.eventType) : [];
    }));
    expect([...types].sort()).toEqual(['AggregationEvent', 'AssociationEvent', 'ObjectEvent', 'TransactionEvent', 'TransformationEvent']);
    expect(valid.map(([p]) => p)).toEqual(expect.arrayContaining([expect.stringMatching(/^WithSensorData\//), expect.stringMatching(/^WithErrorDeclaration\//), expect.stringMatching(/^WithDigitalLinkID\//)]));
  });

  it.each(valid)('accepts %s', (_, text) => {
    const r = validateDocument(text);
    if (!r.ok) expect.fail(JSON.stringify(r.problem, null, 1));
    expect(r.events.length).toBe(countEvents(JSON.parse(text)));
    for (const e of r.events) expect(e.eventId).toMatch(/^(ni:|urn:)/);
  });

  it.each(filesUnder('excluded'))('refuses the pre-2.0 draft %s (isA instead of type)', (_, text) => {
    const r = validateDocument(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatchObject({ type: VALIDATION.type, status: 400, errors: [{ path: '/type' }] });
  });
});

function countEvents(doc: Record<string, any>): number {
  return (doc.epcisBody.eventList ?? doc.epcisBody.queryResults.resultsBody.eventList).length;
}

/** The 9.6.1 example with its first event changed; the change returns nothing to delete a field. */
function broken(change: (event: Record<string, any>, doc: Record<string, any>) => void, path = 'Example_9.6.1-ObjectEvent.jsonld') {
  const doc = example(path);
  change(doc.epcisBody.eventList[0], doc);
  return validateDocument(doc);
}

function refusedAt(r: ReturnType<typeof validateDocument>, pointer: string) {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.problem.type).toBe('epcisException:ValidationException');
  expect(r.problem.status).toBe(400);
  expect(r.problem.title).toMatch(/（.+）$/);
  expect(r.problem.errors?.map((e) => e.path)).toContain(pointer);
  for (const e of r.problem.errors ?? []) expect(e.message).toMatch(/[\u4e00-\u9fff].*（.+）/);
}

describe('broken variants are refused with the binding\'s ValidationException and a JSON pointer', () => {
  const first = '/epcisBody/eventList/0';
  it('a missing eventTime', () => refusedAt(broken((e) => { delete e.eventTime; }), `${first}/eventTime`));
  it('an eventTime without a time zone', () => refusedAt(broken((e) => { e.eventTime = '2005-04-03T20:33:31'; }), `${first}/eventTime`));
  it('an action outside ADD / OBSERVE / DELETE', () => refusedAt(broken((e) => { e.action = 'MOVE'; }), `${first}/action`));
  it('an unknown event type that is not a URI', () => refusedAt(broken((e) => { e.type = 'FooEvent'; }), `${first}/type`));
  it('an extension event type (a URI), which the repository does not store', () => refusedAt(broken((e) => { e.type = 'https://ns.example.com/epcis/MyEvent'; }), `${first}/type`));
  it('a wrong eventTimeZoneOffset', () => refusedAt(broken((e) => { e.eventTimeZoneOffset = '+15:00'; }), `${first}/eventTimeZoneOffset`));
  it('a quantity element without epcClass', () => refusedAt(broken((e) => { e.quantityList = [{ quantity: 3, uom: 'KGM' }]; }), `${first}/quantityList/0/epcClass`));
  it('an EPC that is not a URI', () => refusedAt(broken((e) => { e.epcList = ['0614141.107346.2017']; }), `${first}/epcList/0`));
  it('a field the event type does not have', () => refusedAt(broken((e) => { e.childEPCs = []; }), `${first}/childEPCs`));
  it('an unknown bizStep word', () => refusedAt(broken((e) => { e.bizStep = 'fermenting'; }), `${first}/bizStep`));
  it('a document without @context', () => refusedAt(broken((_, d) => { delete d['@context']; }), '/@context'));
  it('an AggregationEvent with action ADD and no parentID', () => refusedAt(broken((e) => { delete e.parentID; e.action = 'ADD'; }, 'Example_9.6.3-AggregationEvent.jsonld'), `${first}/parentID`));
  it('a TransformationEvent with no inputs and no outputs', () => refusedAt(broken((e) => { delete e.inputEPCList; delete e.inputQuantityList; delete e.outputEPCList; }, 'Example_9.6.4-TransformationEvent.jsonld'), first));
  it('a sensor element with no report', () => refusedAt(broken((e) => { e.sensorElementList[0].sensorReport = []; }, 'WithSensorData/SensorDataExample1.jsonld'), `${first}/sensorElementList/0/sensorReport`));
  it('a certificationInfo that is not a URI', () => refusedAt(broken((e) => { e.certificationInfo = 'ABC 123'; }, 'WithFullCombinationOfFields/aggregation_event_all_possible_fields.jsonld'), `${first}/certificationInfo`));
  it('malformed JSON', () => {
    const r = validateDocument('{"type": "EPCISDocument", ');
    refusedAt(r, '');
    if (!r.ok) expect(r.problem.detail).toMatch(/JSON/);
  });
  it.each([[[]], [42], [null], ['"text"']])('a document that is not an object (%j)', (input) => refusedAt(validateDocument(input), ''));
  it('an EPCISQueryDocument where an EPCISDocument is needed', () => {
    refusedAt(validateDocument(example('EPCISQueryDocument.jsonld'), { accept: ['EPCISDocument'] }), '/type');
    expect(validateDocument(example('EPCISQueryDocument.jsonld')).ok).toBe(true);
  });
  it('lists at most maxErrors errors', () => {
    const doc = example('Example_9.6.1-ObjectEvent.jsonld');
    for (const e of doc.epcisBody.eventList) { e.type = 'AggregationEvent'; e.action = 'ADD'; }
    const r = validateDocument(doc, { maxErrors: 1 });
    expect(!r.ok && r.problem.errors?.length).toBe(1);
  });
});
