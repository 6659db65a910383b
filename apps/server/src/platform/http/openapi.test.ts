import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useHarness } from '../../test/harness.js';

/** The API documents itself: an OpenAPI 3 document generated from the route schemas, and a page to read it. */

type Operation = { summary?: string; tags?: string[]; responses?: Record<string, unknown>; parameters?: { in: string; name: string }[] };
type Doc = { openapi: string; info: { title: string; version: string; description?: string }; paths: Record<string, Record<string, Operation>>; components?: Record<string, unknown> };

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'options', 'head', 'trace'];
/** Fastify's /users/:id is OpenAPI's /users/{id}. */
const openApiPath = (url: string) => url.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
/** The platform's API, and the EPCIS 2.0 REST binding under /epcis (the standard's paths). */
const isDocumentedApi = (url: string) => (url.startsWith('/api/') && url !== '/api/docs' && !url.startsWith('/api/docs/')) || url === '/epcis' || url.startsWith('/epcis/');

describe.each(testDatabases)('the API document on $name', (kind) => {
  const h = useHarness(kind, { seed: false });
  let doc: Doc;

  beforeAll(async () => {
    const res = await h.anonymous.get('/api/docs/json');
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });

  it('is an OpenAPI 3 document with a title and a version, served to anyone at /api/docs/json', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(doc.info.description).toMatch(/[\u4e00-\u9fff]/);
  });

  it('lists every /api and /epcis route the application registered, under its method', () => {
    const expected = h.routes.filter((r) => isDocumentedApi(r.url)).map((r) => `${r.method.toLowerCase()} ${openApiPath(r.url)}`).sort();
    const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).filter((m) => METHODS.includes(m)).map((m) => `${m} ${path}`)).sort();
    expect(expected.length).toBeGreaterThan(10);
    expect(documented).toEqual(expected);
  });

  it('leaves out its own pages and the health checks', () => {
    expect(Object.keys(doc.paths).filter((p) => !isDocumentedApi(p))).toEqual([]);
  });

  it('gives every operation a summary, a tag and a success response', () => {
    const problems: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!METHODS.includes(method)) continue;
        if (!op.summary) problems.push(`${method} ${path}: no summary`);
        if (!op.tags?.length) problems.push(`${method} ${path}: no tag`);
        if (!Object.keys(op.responses ?? {}).some((code) => /^2\d\d$/.test(code))) problems.push(`${method} ${path}: no 2xx response`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('names every path parameter of a route', () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(item)) {
        if (!METHODS.includes(method)) continue;
        const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        expect(declared.sort(), `${method} ${path}`).toEqual([...names].sort());
      }
    }
  });

  it('describes the sign-in cookie and the bearer token', () => {
    expect(doc.components?.securitySchemes).toMatchObject({
      session: { type: 'apiKey', in: 'cookie', name: 'cqb_sid' },
      token: { type: 'http', scheme: 'bearer' },
    });
  });

  it('serves a page to read it at /api/docs, to anyone', async () => {
    const res = await h.anonymous.get('/api/docs');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('swagger-ui');
  });
});
