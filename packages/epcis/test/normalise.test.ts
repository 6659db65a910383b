import { describe, expect, it } from 'vitest';
import { validateDocument, normaliseEvent, eventHash, cbvWord, cbvLabel, CBV, type NormalisedEvent } from '../src/index.js';
import { example } from './helpers.js';

function events(path: string): NormalisedEvent[] {
  const r = validateDocument(example(path));
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.events;
}

describe('normalisation of each event type', () => {
  it('ObjectEvent: CBV words, EPCs in their role, business transactions, the instant in UTC', () => {
    const [shipping, receiving] = events('Example_9.6.1-ObjectEvent.jsonld');
    expect(shipping).toMatchObject({
      eventId: 'ni:///sha-256;df7bb3c352fef055578554f09f5e2aa41782150ced7bd0b8af24dd3ccb30ba69?ver=CBV2.0',
      eventType: 'ObjectEvent', action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit',
      eventTime: '2005-04-04T02:33:31.116Z', eventTimeZoneOffset: '-06:00', readPoint: 'urn:epc:id:sgln:0614141.07346.1234', bizLocation: null, errorReason: null,
      epcs: [{ epc: 'urn:epc:id:sgtin:0614141.107346.2017', role: 'epc' }, { epc: 'urn:epc:id:sgtin:0614141.107346.2018', role: 'epc' }],
      bizTransactions: [{ type: 'po', value: 'http://transaction.acme.com/po/12345678' }],
    });
    expect(receiving.bizTransactions.map((b) => b.type)).toEqual(['po', 'desadv']);
    expect(receiving.event['example:myField']).toBe('Example of a vendor/user extension');
  });

  it('ObjectEvent with a quantity: the lot as a class-level EPC with quantity and unit', () => {
    const [e] = events('Example_9.6.2-ObjectEvent.jsonld');
    expect(e.epcs).toEqual([{ epc: 'urn:epc:class:lgtin:4012345.012345.998877', role: 'quantity', quantity: 200, uom: 'KGM' }]);
  });

  it('AggregationEvent: parent, children and child quantities', () => {
    const [e] = events('Example_9.6.3-AggregationEvent.jsonld');
    expect(e.epcs).toEqual([
      { epc: 'urn:epc:id:sscc:0614141.1234567890', role: 'parent' },
      { epc: 'urn:epc:id:sgtin:0614141.107346.2017', role: 'child' },
      { epc: 'urn:epc:id:sgtin:0614141.107346.2018', role: 'child' },
      { epc: 'urn:epc:idpat:sgtin:4012345.098765.*', role: 'childQuantity', quantity: 10 },
      { epc: 'urn:epc:class:lgtin:4012345.012345.998877', role: 'childQuantity', quantity: 200.5, uom: 'KGM' },
    ]);
  });

  it('TransformationEvent: inputs and outputs, instance and class level; no action', () => {
    const [e] = events('Example_9.6.4-TransformationEvent.jsonld');
    expect(e.action).toBeNull();
    expect(e.epcs.filter((x) => x.role === 'input').map((x) => x.epc)).toEqual(['urn:epc:id:sgtin:4012345.011122.25', 'urn:epc:id:sgtin:4000001.065432.99886655']);
    expect(e.epcs.filter((x) => x.role === 'inputQuantity')).toHaveLength(3);
    expect(e.epcs.filter((x) => x.role === 'output')).toHaveLength(4);
    const full = events('WithFullCombinationOfFields/transformation_event_all_possible_fields.jsonld')[0];
    expect(full.epcs.filter((x) => x.role === 'outputQuantity')).toHaveLength(3);
    expect(full.errorReason).toBe('incorrect_data');
  });

  it('AssociationEvent: the parent asset and its child', () => {
    const [e] = events('AssociationEvent/AssociationEvent-a.jsonld');
    expect(e).toMatchObject({ eventType: 'AssociationEvent', action: 'ADD', bizStep: 'assembling' });
    expect(e.epcs).toEqual([{ epc: 'urn:epc:id:grai:4012345.55555.987', role: 'parent' }, { epc: 'urn:epc:id:giai:4000001.12345', role: 'child' }]);
  });

  it('TransactionEvent: a transaction without a type, a type outside CBV kept as its URI, a bizStep outside CBV kept as its URI', () => {
    const [health, rail] = events('Example-TransactionEvents-2020_07_03y.jsonld');
    expect(health.bizTransactions).toEqual([{ type: '', value: 'urn:epc:id:gdti:95252084.0001.0003555480001000' }]);
    expect(health.bizStep).toBe('http://epcis.example.org/hc/bizstep/summarising_discharge');
    expect(rail.bizTransactions[0].type).toBe('urn:gs1:epcisapp:rail:btt:passage');
  });

  it('an error declaration gives its reason; a corrective event has none', () => {
    const [declared, corrective] = events('WithErrorDeclaration/ErrorDeclarationAndCorrectiveEvent.jsonld');
    expect(declared.errorReason).toBe('incorrect_data');
    expect(corrective.errorReason).toBeNull();
    expect(corrective.eventId).toBe('urn:uuid:404d95fc-9457-4a51-bd6a-0bba133845a8');
  });

  it('events of an EPCISQueryDocument are normalised alike', () => {
    expect(events('EPCISQueryDocument.jsonld').map((e) => e.bizStep)).toEqual(['shipping', 'receiving']);
  });

  it('a GLN Digital Link as readPoint becomes its SGLN', () => {
    const [e] = events('WithSensorData/SensorDataExample17.jsonld');
    expect(e.readPoint).toBe('urn:epc:id:sgln:9506000.13430.0');
    expect(e.bizStep).toBe('sensor_reporting');
  });
});

describe('CBV values written any way', () => {
  const base = example('Example_9.6.1-ObjectEvent.jsonld').epcisBody.eventList[0];
  it.each([
    ['commissioning'], ['cbv:BizStep-commissioning'], ['urn:epcglobal:cbv:bizstep:commissioning'], ['https://ref.gs1.org/cbv/BizStep-commissioning'],
  ])('bizStep %s is the word commissioning', (written) => {
    expect(normaliseEvent({ ...base, bizStep: written }).bizStep).toBe('commissioning');
  });
  it('dispositions, error reasons and transaction types in their URN and Web URI forms', () => {
    expect(normaliseEvent({ ...base, disposition: 'urn:epcglobal:cbv:disp:in_progress' }).disposition).toBe('in_progress');
    expect(normaliseEvent({ ...base, disposition: 'cbv:Disp-recalled' }).disposition).toBe('recalled');
    expect(normaliseEvent({ ...base, errorDeclaration: { declarationTime: '2006-01-01T00:00:00Z', reason: 'urn:epcglobal:cbv:er:did_not_occur' } }).errorReason).toBe('did_not_occur');
    expect(normaliseEvent({ ...base, bizTransactionList: [{ type: 'urn:epcglobal:cbv:btt:prodorder', bizTransaction: 'urn:x:1' }] }).bizTransactions[0].type).toBe('prodorder');
  });
  it('a compact IRI outside CBV is expanded with the document\'s prefixes', () => {
    expect(normaliseEvent({ ...base, bizStep: 'example:fermenting' }, ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { example: 'http://ns.example.com/epcis/' }]).bizStep)
      .toBe('http://ns.example.com/epcis/fermenting');
  });
  it('labels every vocabulary in Chinese and English', () => {
    expect(cbvLabel('bizSteps', 'urn:epcglobal:cbv:bizstep:shipping')).toEqual({ code: 'shipping', zh: '发运', en: 'Shipping' });
    expect(cbvWord('measurementTypes', 'gs1:Temperature')).toBe('Temperature');
    expect(cbvWord('bizSteps', 'https://example.com/fermenting')).toBeNull();
    for (const list of Object.values(CBV)) for (const e of list) expect(e.zh && e.en && e.code).toBeTruthy();
    expect(CBV.bizSteps).toHaveLength(41);
    expect(CBV.dispositions).toHaveLength(33);
  });
});

describe('an event without an eventID gets its CBV 2.0 event hash as eventID', () => {
  const base = example('Example_9.6.1-ObjectEvent.jsonld').epcisBody.eventList[0];
  const { eventID: _omit, ...bare } = base;
  it('the same whatever the order of keys and EPCs, the way EPCs and CBV values are written, or the recordTime', () => {
    const id = normaliseEvent(bare).eventId;
    expect(id).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
    expect(id).toBe(eventHash(bare));
    const reordered = Object.fromEntries(Object.entries(bare).reverse());
    expect(normaliseEvent({ ...reordered, epcList: [...bare.epcList].reverse(), bizStep: 'urn:epcglobal:cbv:bizstep:shipping', recordTime: '2030-01-01T00:00:00Z' }).eventId).toBe(id);
    expect(normaliseEvent({ ...bare, eventTime: '2005-04-04T02:33:31.116Z' }).eventId).toBe(id);
    expect(normaliseEvent({ ...bare, epcList: ['urn:epc:id:sgtin:0614141.107346.2019'] }).eventId).not.toBe(id);
    expect(normaliseEvent(bare).event.eventID).toBe(id);
  });
});
