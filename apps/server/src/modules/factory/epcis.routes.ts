import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Paging } from '../../platform/http/schemas.js';
import { page } from '../supervision/http.js';
import type { FactoryServices } from './index.js';
import { CAPTURERS, FACTORY_READERS, SCOPES } from './http.js';
import { CAPTURE_LIMITS } from './epcis.capture.js';
import { epcisProblem, installNotFoundHandler, installProblemHandler } from './epcis.problems.js';
import { RESOURCES, type ResourceName } from './epcis.query.js';
import { MATCH_ROLES } from './model/epcis-params.js';

const EPCIS_VERSION = '2.0.0';
const CBV_VERSION = '2.0.0';
const QUERY = { allow: FACTORY_READERS, scope: SCOPES.query };
const CAPTURE = { allow: CAPTURERS, scope: SCOPES.capture };

/** What this repository announces (OPTIONS) and answers with, as the binding's headers. */
const SERVER_HEADERS = {
  'GS1-EPCIS-Version': EPCIS_VERSION, 'GS1-EPCIS-Min': EPCIS_VERSION, 'GS1-EPCIS-Max': EPCIS_VERSION,
  'GS1-CBV-Version': CBV_VERSION, 'GS1-CBV-Min': CBV_VERSION, 'GS1-CBV-Max': CBV_VERSION,
  'GS1-Vendor-Version': 'cq-biomfg', 'GS1-Extensions': '',
  'GS1-EPCIS-Capture-Limit': String(CAPTURE_LIMITS.events),
  'GS1-EPCIS-Capture-File-Size-Limit': String(CAPTURE_LIMITS.bytes),
  'GS1-EPCIS-Capture-Error-Behaviour': 'rollback',
};

const semver = (v: string) => v.split('.').map((x) => Number(x) || 0).concat([0, 0, 0]).slice(0, 3);
const compare = (a: string, b: string) => { const x = semver(a), y = semver(b); for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i]; return 0; };

/** A client that asks for a version this repository does not speak is told so (406), as the binding says. */
function checkVersions(req: FastifyRequest) {
  const h = req.headers;
  const want = (name: string, ours: string) => {
    const v = h[name.toLowerCase()];
    if (typeof v === 'string' && v.trim() && compare(v.trim(), ours) !== 0 && !(semver(v.trim())[0] === semver(ours)[0] && semver(v.trim())[1] === semver(ours)[1])) {
      throw epcisProblem('ImplementationException', `本库支持 ${name} ${ours}，请求为 ${v}（This repository speaks ${name} ${ours}; the request asks for ${v}）`, undefined, 406);
    }
  };
  want('GS1-EPCIS-Version', EPCIS_VERSION);
  want('GS1-CBV-Version', CBV_VERSION);
  const min = h['gs1-epcis-min'], max = h['gs1-epcis-max'];
  if ((typeof min === 'string' && compare(min, EPCIS_VERSION) > 0) || (typeof max === 'string' && compare(max, EPCIS_VERSION) < 0)) {
    throw epcisProblem('ImplementationException', `本库支持 EPCIS ${EPCIS_VERSION}（This repository speaks EPCIS ${EPCIS_VERSION}）`, undefined, 406);
  }
}

/** The page's Link header: the same request with the next page's token. */
function sendPage(req: FastifyRequest, reply: FastifyReply, body: unknown, next: { token: string; expires: string } | null) {
  if (next) {
    const url = new URL(req.url, 'http://repository.invalid');
    url.searchParams.set('nextPageToken', next.token);
    reply.header('link', `<${url.pathname}${url.search}>; rel="next"`).header('GS1-Next-Page-Token-Expires', next.expires);
  }
  return reply.header('content-type', 'application/json').send(body);
}

const Text = Type.Union([Type.String(), Type.Array(Type.String())]);
const EventQueryString = Type.Object({
  eventType: Type.Optional(Text), GE_eventTime: Type.Optional(Text), LT_eventTime: Type.Optional(Text), GE_recordTime: Type.Optional(Text), LT_recordTime: Type.Optional(Text),
  EQ_action: Type.Optional(Text), EQ_bizStep: Type.Optional(Text), EQ_disposition: Type.Optional(Text), EQ_readPoint: Type.Optional(Text), EQ_bizLocation: Type.Optional(Text),
  ...Object.fromEntries(Object.keys(MATCH_ROLES).map((k) => [k, Type.Optional(Text)])),
  EQ_eventID: Type.Optional(Text), EQ_errorReason: Type.Optional(Text), EXISTS_errorDeclaration: Type.Optional(Text),
  perPage: Type.Optional(Text), nextPageToken: Type.Optional(Text),
}, { additionalProperties: true, description: '多个值用 | 分隔或重复参数；EQ_bizTransaction_{type} 亦可 · Several values: separate with | or repeat the parameter; EQ_bizTransaction_{type} too' });
const PagingQuery = Type.Object({ perPage: Type.Optional(Text), nextPageToken: Type.Optional(Text) }, { additionalProperties: true });
const Problem = { description: 'application/problem+json (RFC 9457)', ...Type.Object({ type: Type.String(), title: Type.String(), status: Type.Integer() }, { additionalProperties: true }) };
const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 406: Problem, 412: Problem, 413: Problem, 415: Problem };
const Any = Type.Object({}, { additionalProperties: true });

/**
 * The EPCIS 2.0 REST binding, in a plugin of its own registered with the prefix /epcis (its paths
 * are relative to it): every answer carries the binding's version headers and every failure is a
 * problem document (application/problem+json), the access gate's 401/403 and unknown paths and
 * methods included.
 */
export async function epcisRestRoutes(app: FastifyInstance, s: FactoryServices) {
  installProblemHandler(app);
  app.addContentTypeParser('application/ld+json', { parseAs: 'string', bodyLimit: CAPTURE_LIMITS.bytes }, app.getDefaultJsonParser('error', 'error'));
  app.addHook('onRequest', async (req, reply) => {
    reply.header('GS1-EPCIS-Version', EPCIS_VERSION).header('GS1-CBV-Version', CBV_VERSION);
    checkVersions(req);
  });
  // After the version headers' hook, so that a 404 or 405 carries them too; before the routes it reads.
  installNotFoundHandler(app);
  const tags = ['epcis'];

  // The settings are told to the interface's own clients: the query side, and capturers for the capture limits.
  // '' is /epcis itself; '/' would add an '/epcis/' route besides.
  for (const url of ['', '/capture']) {
    app.options(url, {
      config: { access: url === '' ? QUERY : CAPTURE },
      schema: { tags, summary: 'EPCIS 服务设置（版本、采集上限）EPCIS server settings: versions, capture limits' },
    }, (_req, reply) => reply.headers({ ...SERVER_HEADERS, allow: url === '' ? 'OPTIONS' : 'OPTIONS, GET, POST' }).status(204).send());
  }

  app.post('/capture', {
    config: { access: CAPTURE },
    bodyLimit: CAPTURE_LIMITS.bytes,
    schema: {
      tags, summary: '采集 EPCIS 事件（EPCISDocument，JSON 或 JSON-LD；全部成功或全部拒绝）Capture EPCIS events: an EPCISDocument in JSON or JSON-LD, all or nothing',
      response: { 202: Any, ...problems },
    },
  }, async (req, reply) => {
    // Fastify also reads text/plain; the binding takes JSON and JSON-LD only.
    if (!/^application\/(ld\+)?json\s*(;|$)/i.test(String(req.headers['content-type'] ?? ''))) {
      throw epcisProblem('ImplementationException', '请以 application/json 或 application/ld+json 提交 EPCISDocument（Send the EPCISDocument as application/json or application/ld+json）', undefined, 415);
    }
    const job = await s.epcis.capture(req.ctx, req.body);
    return reply.status(202).header('location', `/epcis/capture/${job.captureID}`).headers({ 'GS1-EPCIS-Capture-Limit': SERVER_HEADERS['GS1-EPCIS-Capture-Limit'], 'GS1-EPCIS-Capture-File-Size-Limit': SERVER_HEADERS['GS1-EPCIS-Capture-File-Size-Limit'] }).send(job);
  });

  app.get('/capture', {
    config: { access: CAPTURE },
    schema: { tags, summary: '本机构的采集任务 My organisation\'s capture jobs', querystring: Type.Object(Paging), response: { 200: Any, ...problems } },
  }, (req) => s.epcis.jobs(req.ctx, page(req.query as never)));

  app.get('/capture/:captureID', {
    config: { access: CAPTURE },
    schema: { tags, summary: '采集任务（状态、条数、错误）A capture job: state, counts, errors', params: Type.Object({ captureID: Type.String({ maxLength: 100 }) }), response: { 200: Any, ...problems } },
  }, (req) => s.epcis.job(req.ctx, (req.params as { captureID: string }).captureID));

  app.get('/events', {
    config: { access: QUERY },
    schema: { tags, summary: '查询 EPCIS 事件（标准查询参数，Link 头翻页）Query EPCIS events with the standard parameters, paged by the Link header', querystring: EventQueryString, response: { 200: Any, ...problems } },
  }, async (req, reply) => {
    const r = await s.epcis.events(req.ctx, req.query as Record<string, unknown>);
    return sendPage(req, reply, r.document, r.next);
  });

  app.get('/events/:eventID', {
    config: { access: QUERY },
    schema: { tags, summary: '一条 EPCIS 事件 One EPCIS event', params: Type.Object({ eventID: Type.String({ maxLength: 500 }) }), response: { 200: Any, ...problems } },
  }, (req) => s.epcis.event(req.ctx, (req.params as { eventID: string }).eventID));

  app.get('/eventTypes', {
    config: { access: QUERY },
    schema: { tags, summary: '事件类型 The event types', querystring: PagingQuery, response: { 200: Any, ...problems } },
  }, () => s.epcis.eventTypes());

  const resourceEvents = (resource: ResourceName | 'eventTypes') => async (req: FastifyRequest, reply: FastifyReply) => {
    const r = await s.epcis.resourceEvents(req.ctx, resource, (req.params as { id: string }).id, req.query as Record<string, unknown>);
    return sendPage(req, reply, r.document, r.next);
  };

  const resourceOf = (resource: ResourceName | 'eventTypes') => (req: FastifyRequest) => s.epcis.resource(req.ctx, resource, (req.params as { id: string }).id);

  app.get('/eventTypes/:id', {
    config: { access: QUERY },
    schema: { tags, summary: '一种事件类型的子资源（events）The sub-resources of an event type: events', params: Type.Object({ id: Type.String({ maxLength: 100 }) }), response: { 200: Any, ...problems } },
  }, resourceOf('eventTypes'));

  app.get('/eventTypes/:id/events', {
    config: { access: QUERY },
    schema: { tags, summary: '某类型的事件 Events of one type', params: Type.Object({ id: Type.String({ maxLength: 100 }) }), querystring: EventQueryString, response: { 200: Any, ...problems } },
  }, resourceEvents('eventTypes'));

  const NAMES: Record<ResourceName, string> = {
    epcs: 'EPC（含批次等类级 EPC）EPCs, class-level ones (lots) included', bizSteps: '业务步骤 Business steps', bizLocations: '业务位置 Business locations',
    readPoints: '读取点 Read points', dispositions: '处置状态 Dispositions',
  };
  for (const resource of Object.keys(RESOURCES) as ResourceName[]) {
    app.get(`/${resource}`, {
      config: { access: QUERY },
      schema: { tags, summary: `${NAMES[resource]}（可见事件中出现的，分页）· the values in the events you see, paged`, querystring: PagingQuery, response: { 200: Any, ...problems } },
    }, async (req, reply) => {
      const r = await s.epcis.members(req.ctx, resource, req.query as Record<string, unknown>);
      return sendPage(req, reply, r.document, r.next);
    });
    app.get(`/${resource}/:id`, {
      config: { access: QUERY },
      schema: { tags, summary: `${NAMES[resource]}：一个值的子资源（events）· the sub-resources of one value: events`, params: Type.Object({ id: Type.String({ maxLength: 500 }) }), response: { 200: Any, ...problems } },
    }, resourceOf(resource));
    app.get(`/${resource}/:id/events`, {
      config: { access: QUERY },
      schema: { tags, summary: `${NAMES[resource]}：相关事件 · events naming one`, params: Type.Object({ id: Type.String({ maxLength: 500 }) }), querystring: EventQueryString, response: { 200: Any, ...problems } },
    }, resourceEvents(resource));
  }
}
