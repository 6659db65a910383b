import { beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { testDatabases, useHarness, type Client } from '../../../test/harness.js';
import { systemCtx } from '../../../platform/context/ctx.js';
import { epcisDocument, expectProblem } from './epcis.fixture.js';

/**
 * The REST binding's edges: a path or method it does not serve answers with the binding's problem
 * document (404 NoSuchNameException, 405 with Allow), while the rest of the platform keeps its own
 * 404; and a location given as a GS1 Digital Link finds the events captured with its SGLN URN, and
 * the other way round, as capture stores both the same.
 */

const LD = { 'content-type': 'application/ld+json' };

/** The binding's problem document, its detail in Chinese with English beside it. */
function expectDetailedProblem(res: LightMyRequestResponse, status: number, type: string) {
  const p = expectProblem(res, status, type);
  expect(p.detail).toMatch(/[\u4e00-\u9fff].*（.+）$/);
  return p as { type: string; title: string; detail: string };
}

// GLN 9520123456788 (company prefix 9520123): its Digital Links and the SGLNs capture stores them as.
const DL = (ext?: string) => `https://id.gs1.org/414/9520123456788${ext ? `/254/${ext}` : ''}`;
const SGLN = (ext: string) => `urn:epc:id:sgln:9520123.45678.${ext}`;
const E = (n: number) => `urn:uuid:00000000-0000-4000-8000-0000000009${String(n).padStart(2, '0')}`;
const event = (n: number, readPoint: string, bizLocation: string) => ({
  type: 'ObjectEvent', eventID: E(n), eventTime: `2026-02-0${n}T08:00:00.000+08:00`, eventTimeZoneOffset: '+08:00', action: 'OBSERVE',
  epcList: [`urn:epc:id:sgtin:9520123.012345.${n}`], readPoint: { id: readPoint }, bizLocation: { id: bizLocation },
});
// Event 1 names its places by URN, event 2 by Digital Link; both are at the same business location (extension 0).
const DOC = epcisDocument([event(1, SGLN('1'), SGLN('0')), event(2, DL('2'), DL())]);

const ids = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
  return (res.json().epcisBody.queryResults.resultsBody.eventList as { eventID: string }[]).map((e) => e.eventID).sort();
};
const q = (name: string, value: string) => `/epcis/events?${name}=${encodeURIComponent(value)}`;

describe.each(testDatabases)('the EPCIS binding\'s edges, on $name', (kind) => {
  const h = useHarness(kind);
  let as: Client;

  beforeAll(async () => {
    const org = (await h.services.identity.createOrganisation(systemCtx('test'), { kind: 'enterprise', nameZh: '丁企业（EPCIS 绑定测试）', districtCode: '500120' })).id;
    await h.user('epcis-binding', ['enterprise'], org);
    as = await h.login('epcis-binding');
    const res = await as.request('POST', '/epcis/capture', JSON.stringify(DOC), LD);
    expect(res.statusCode, res.body).toBe(202);
  }, 120_000);

  describe('a path or method the binding does not serve', () => {
    it('answers an unknown path under /epcis with 404 NoSuchNameException, naming the path without its query', async () => {
      const p = expectDetailedProblem(await as.get('/epcis/nope?secret=1'), 404, 'NoSuchNameException');
      expect(p.detail).toContain('/epcis/nope');
      expect(p.detail).not.toContain('secret');
    });

    it('answers a served path with a method it lacks with 405 and the methods it has in Allow', async () => {
      for (const [method, url, allow] of [['DELETE', '/epcis/events', 'GET'], ['PUT', '/epcis/capture', 'OPTIONS, POST, GET'], ['POST', '/epcis/events', 'GET']] as const) {
        const res = await as.request(method, url, method === 'DELETE' ? undefined : '{}', { 'content-type': 'application/json' });
        expectDetailedProblem(res, 405, 'ImplementationException');
        expect(String(res.headers.allow).split(', ').sort(), `${method} ${url}`).toEqual(allow.split(', ').sort());
        expect(res.headers['gs1-epcis-version']).toBe('2.0.0');
      }
      // A path with a parameter is the same path whatever the value.
      const one = await as.delete(`/epcis/readPoints/${encodeURIComponent(SGLN('1'))}/events`);
      expectDetailedProblem(one, 405, 'ImplementationException');
      expect(one.headers.allow).toBe('GET');
    });

    it('keeps deny-by-default: a served path still asks an anonymous caller to sign in, an unknown one serves nothing', async () => {
      expectDetailedProblem(await h.anonymous.get('/epcis/events'), 401, 'SecurityException');
      // As the platform does outside /epcis: 404 without asking to sign in, since nothing is there.
      expectDetailedProblem(await h.anonymous.get('/epcis/nope'), 404, 'NoSuchNameException');
    });

    it('leaves the platform\'s own 404 outside /epcis', async () => {
      for (const res of [await as.get('/api/no-such-thing'), await as.get('/epcisnope'), await h.anonymous.delete('/api/meta')]) {
        expect(res.statusCode).toBe(404);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(Object.keys(res.json())).toEqual(['error']);
        expect(res.json().error.code).toBe('not_found');
      }
    });
  });

  describe('locations given as GS1 Digital Links', () => {
    it('EQ_readPoint finds events captured with the URN from the Digital Link, and the other way round', async () => {
      expect(ids(await as.get(q('EQ_readPoint', DL('1'))))).toEqual([E(1)]);
      expect(ids(await as.get(q('EQ_readPoint', SGLN('2'))))).toEqual([E(2)]);
      expect(ids(await as.get(q('EQ_readPoint', `${DL('1')}|${DL('2')}`)))).toEqual([E(1), E(2)]);
    });

    it('EQ_bizLocation reads the Digital Link as capture stored it, so both spellings find both events', async () => {
      expect(ids(await as.get(q('EQ_bizLocation', DL())))).toEqual([E(1), E(2)]);
      expect(ids(await as.get(q('EQ_bizLocation', SGLN('0'))))).toEqual([E(1), E(2)]);
    });

    // Waits for RESOURCES in epcis.query.ts to read the id with valueReaders.location (it takes it verbatim).
    it('the readPoints and bizLocations resources read their id the same way', async () => {
      expect((await as.get(`/epcis/readPoints/${encodeURIComponent(DL('1'))}`)).json()).toEqual(['events']);
      expect(ids(await as.get(`/epcis/readPoints/${encodeURIComponent(DL('1'))}/events`))).toEqual([E(1)]);
      expect(ids(await as.get(`/epcis/readPoints/${encodeURIComponent(SGLN('2'))}/events`))).toEqual([E(2)]);
      expect(ids(await as.get(`/epcis/bizLocations/${encodeURIComponent(DL())}/events`))).toEqual([E(1), E(2)]);
    });
  });
});
