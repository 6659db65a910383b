import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventHash, eventPreHash } from '../src/index.js';
import { constrainDigitalLink, epcUriToDigitalLink } from '../src/digitalLink.js';

type Json = Record<string, any>;

/** The reference test vectors (see hash-vectors/README.md): a JSON document, its pre-hash strings and hashes, one line per event. */
const VECTORS = new URL('./hash-vectors/', import.meta.url).pathname;
const lines = (file: string) => readFileSync(join(VECTORS, file), 'utf8').split('\n').filter((l) => l !== '');

const documents = readdirSync(VECTORS).filter((f) => /\.jsonld?$/.test(f)).sort();

describe('CBV 2.0 event hash: the reference implementation\'s test vectors', () => {
  it('ships vectors', () => expect(documents.length).toBeGreaterThan(0));
  for (const file of documents) {
    const base = file.replace(/\.jsonld?$/, '');
    const doc: Json = JSON.parse(readFileSync(join(VECTORS, file), 'utf8'));
    const events: Json[] = doc.epcisBody.eventList;
    const prehashes = lines(`${base}.prehashes`);
    const hashes = lines(`${base}.hashes`);
    it(`${base}: one reference line per event`, () => {
      expect(prehashes).toHaveLength(events.length);
      expect(hashes).toHaveLength(events.length);
    });
    events.forEach((event, i) => {
      it(`${base} event ${i + 1} (${event.type}): pre-hash string and hash`, () => {
        expect(eventPreHash(event, doc['@context'])).toBe(prehashes[i]);
        expect(eventHash(event, doc['@context'])).toBe(hashes[i]);
      });
    });
  }
});

describe('CBV 2.0 event hash: the same event written differently, and different events', () => {
  const doc: Json = JSON.parse(readFileSync(join(VECTORS, 'epcisDocWithVariousEventTypes.jsonld'), 'utf8'));
  const context = doc['@context'];
  const [first, second] = doc.epcisBody.eventList as Json[];
  const hash = eventHash(first, context);

  it('keys in another order, list items in another order', () => {
    const reordered = Object.fromEntries(Object.entries(first).reverse());
    reordered.destinationList = [...first.destinationList].reverse().map((d: Json) => Object.fromEntries(Object.entries(d).reverse()));
    reordered.bizTransactionList = [...first.bizTransactionList].reverse();
    expect(eventHash(reordered, context)).toBe(hash);
  });

  it('EPCs and locations as Digital Links (any resolver, with query string) instead of URNs', () => {
    const asLinks = {
      ...first,
      epcList: ['https://example.com/00/052000011111111461?linkType=all'],
      readPoint: { id: 'https://id.gs1.org/414/5200001999012' },
      sourceList: [{ type: 'possessing_party', source: 'https://resolver.example.org/party/5200001000008' }],
    };
    expect(eventHash(asLinks, context)).toBe(hash);
  });

  it('CBV values as URNs or Web URIs instead of bare words, the time in another offset, a recordTime and an eventID', () => {
    const rewritten = {
      ...first,
      bizStep: 'urn:epcglobal:cbv:bizstep:departing',
      eventTime: '2019-10-21T10:00:30Z',
      recordTime: '2030-01-01T00:00:00.000Z',
      eventID: 'urn:uuid:00000000-0000-4000-8000-000000000000',
      bizTransactionList: first.bizTransactionList.map((b: Json) => ({ ...b, type: `https://ref.gs1.org/cbv/BTT-${b.type}` })),
    };
    expect(eventHash(rewritten, context)).toBe(hash);
  });

  it('different events, different hashes', () => {
    expect(eventHash(second, context)).not.toBe(hash);
    expect(eventHash({ ...first, action: 'ADD' }, context)).not.toBe(hash);
    expect(eventHash({ ...first, epcList: ['urn:epc:id:sscc:5200001.0111111147'] }, context)).not.toBe(hash);
    expect(eventHash({ ...first, 'example:note': 'x' }, context)).not.toBe(hash);
  });
});

describe('EPC URIs as constrained canonical Digital Links', () => {
  it('converts each scheme, with its check digit', () => {
    expect(epcUriToDigitalLink('urn:epc:id:sgtin:0614141.107346.2017')).toBe('https://id.gs1.org/01/10614141073464/21/2017');
    expect(epcUriToDigitalLink('urn:epc:id:sscc:0614141.1234567890')).toBe('https://id.gs1.org/00/106141412345678908');
    expect(epcUriToDigitalLink('urn:epc:id:sgln:0614141.07346.1234')).toBe('https://id.gs1.org/414/0614141073467/254/1234');
    expect(epcUriToDigitalLink('urn:epc:id:sgln:0614141.07346.0')).toBe('https://id.gs1.org/414/0614141073467');
    expect(epcUriToDigitalLink('urn:epc:class:lgtin:4012345.012345.998877')).toBe('https://id.gs1.org/01/04012345123456/10/998877');
    expect(epcUriToDigitalLink('urn:epc:idpat:sgtin:4012345.066666.*')).toBe('https://id.gs1.org/01/04012345666663');
    expect(epcUriToDigitalLink('urn:epc:id:sgtin:0614141.107346.A!B')).toBe('https://id.gs1.org/01/10614141073464/21/A%21B');
    expect(epcUriToDigitalLink('urn:epc:id:sgtin:0614141.10734.2017')).toBeNull();
  });
  it('constrains Digital Links: id.gs1.org, AIs for short names, no query, padded GTIN, no lot beside a serial', () => {
    expect(constrainDigitalLink('https://brand.example.com/gtin/614141073464/lot/L1/ser/7?x=1')).toBe('https://id.gs1.org/01/00614141073464/21/7');
    expect(constrainDigitalLink('https://www.ncbi.nlm.nih.gov/taxonomy/1126011')).toBeNull();
  });
});
