import { describe, expect, it } from 'vitest';
import { canonicalEpc, addCompanyPrefixes, companyPrefixOf, validateDocument } from '../src/index.js';
import { checkDigit, example } from './helpers.js';

const withCheck = (d: string) => d + checkDigit(d);

describe('GS1 Digital Link → EPC URN', () => {
  it.each([
    ['https://id.gs1.org/01/10614141073464/21/2017', 'urn:epc:id:sgtin:0614141.107346.2017'],
    ['https://id.gs1.org/01/04012345123456/10/998877', 'urn:epc:class:lgtin:4012345.012345.998877'],
    ['https://id.gs1.org/01/04012345987652', 'urn:epc:idpat:sgtin:4012345.098765.*'],
    ['https://example.com/some/path/01/00614141777778/10/987?linkType=all', 'urn:epc:class:lgtin:0614141.077777.987'],
    [`https://id.gs1.org/00/${withCheck('10614141123456789')}`, 'urn:epc:id:sscc:0614141.1123456789'],
    [`https://id.gs1.org/414/${withCheck('061414100777')}`, 'urn:epc:id:sgln:0614141.00777.0'],
    [`https://id.gs1.org/414/${withCheck('061414100777')}/254/12`, 'urn:epc:id:sgln:0614141.00777.12'],
    [`https://id.gs1.org/8003/0${withCheck('401234555555')}987`, 'urn:epc:id:grai:4012345.55555.987'],
    ['https://id.gs1.org/8004/401234512345', 'urn:epc:id:giai:4012345.12345'],
    [`https://id.gs1.org/8018/${withCheck('06141410000010253')}`, 'urn:epc:id:gsrn:0614141.0000010253'],
    [`https://id.gs1.org/253/${withCheck('061414112345')}400`, 'urn:epc:id:gdti:0614141.12345.400'],
    [`https://id.gs1.org/417/${withCheck('401234500225')}`, 'urn:epc:id:pgln:4012345.00225'],
    ['https://id.gs1.org/01/04012345123456/10/A%2FB', 'urn:epc:class:lgtin:4012345.012345.A%2FB'],
  ])('%s → %s', (link, urn) => expect(canonicalEpc(link)).toBe(urn));

  it.each([
    ['urn:epc:id:sgtin:0614141.107346.2017'], ['https://example.com/not/a/link'], ['http://transaction.acme.com/po/12345678'],
    ['https://id.gs1.org/01/123/21/1'], ['urn:uuid:374d95fc-9457-4a51-bd6a-0bba133845a8'],
  ])('leaves %s as written', (uri) => expect(canonicalEpc(uri)).toBe(uri));

  it('uses a registered company prefix for its length', () => {
    const gtin = withCheck('0695123456789'.slice(0, 13));
    expect(canonicalEpc(`https://id.gs1.org/01/${gtin}/10/L1`)).toBe('urn:epc:class:lgtin:6951234.056789.L1');
    addCompanyPrefixes([companyPrefixOf('urn:epc:id:sgln:69512345.0001.0')!]);
    expect(canonicalEpc(`https://id.gs1.org/01/${gtin}/10/L1`)).toBe('urn:epc:class:lgtin:69512345.06789.L1');
  });

  it('the standard\'s Digital Link examples name the same lots as their URN twins', () => {
    const lots = (path: string, role: string) => {
      const r = validateDocument(example(path));
      return r.ok ? r.events[0].epcs.filter((e) => e.role === role) : [];
    };
    expect(lots('WithDigitalLinkID/Example_9.6.3-AggregationEventWithDigitalLink.jsonld', 'childQuantity'))
      .toEqual(lots('Example_9.6.3-AggregationEvent.jsonld', 'childQuantity'));
    expect(lots('WithDigitalLinkID/Example_9.6.4-TransformationEventWithDigitalLink.jsonld', 'inputQuantity'))
      .toEqual(lots('Example_9.6.4-TransformationEvent.jsonld', 'inputQuantity'));
    expect(lots('WithDigitalLinkID/Example_9.6.1-ObjectEventWithDigitalLink.jsonld', 'epc').map((e) => e.epc))
      .toEqual(['urn:epc:id:sgtin:0614141.712345.2017', 'urn:epc:id:sgtin:0614141.712345.2018']);
  });
});
