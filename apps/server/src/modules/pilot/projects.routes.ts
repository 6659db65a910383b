import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, IsoDateString } from '../supervision/http.js';
import type { PilotServices } from './index.js';
import { BASE_KEEPERS, OVERSEERS, PARTIES, PUBLIC, readBy } from './http.js';
import { DOMAINS, PROJECT_STAGE_CODES } from './model/labels.js';
import { GATE_RESULT_CODES, START_STAGES } from './model/projects.js';

const Str = (max = 200) => Type.String({ maxLength: max });
const Opt = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));
const Literals = (xs: readonly string[]) => Type.Union(xs.map((x) => Type.Literal(x)));
/** Overseers and base keepers see every project, parties their own: the service tells which. */
export const PROJECT_READERS = [...new Set([...OVERSEERS, ...BASE_KEEPERS, ...PARTIES])];
type Id = { id: string };

/** Pilot projects: a board by stage, public counts, the project page, recording, gate reviews, stopping. */
export async function projectRoutes(app: FastifyInstance, s: PilotServices) {
  const tags = ['pilot'];

  app.get('/api/pilot/projects/board', {
    config: { access: readBy(PROJECT_READERS) },
    schema: {
      tags, summary: '中试项目看板：按阶段分组（专班、督查单位与基地见全部，参与方见本方）Project board by stage',
      querystring: Type.Object({ status: Type.Optional(Literals(['active', 'stopped', 'all'])), baseId: Type.Optional(Uuid), domain: Type.Optional(Literals(DOMAINS)), districtCode: Type.Optional(Str(6)) }),
      response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => s.projects.board(req.ctx, req.query as never));

  app.get('/api/pilot/projects/counts', {
    config: { access: PUBLIC },
    schema: { tags, summary: '各阶段中试项目数（公开，仅数量）Project counts by stage (public, counts only)', response: { 200: AnyObject, ...errorResponses } },
  }, () => s.projects.counts());

  app.get('/api/pilot/projects/:id', {
    config: { access: readBy(PROJECT_READERS) },
    schema: { tags, summary: '中试项目详情及关口评审记录 A project and its gate reviews', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.projects.get(req.ctx, (req.params as Id).id));

  app.post('/api/pilot/projects', {
    config: { access: { allow: BASE_KEEPERS } },
    schema: {
      tags, summary: '登记中试项目（专班，或基地为本基地）Record a pilot project',
      body: Type.Object({
        nameZh: Str(), demandId: Opt(Uuid), achievementId: Opt(Uuid), baseId: Opt(Uuid), leadOrgId: Opt(Uuid), districtCode: Opt(Str(6)),
        domain: Opt(Literals(DOMAINS)), stage: Type.Optional(Literals(START_STAGES)), summaryZh: Opt(Str(2000)),
      }),
      response: { 201: AnyObject, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await s.projects.create(req.ctx, req.body as never)));

  app.post('/api/pilot/projects/:id/gates', {
    config: { access: { allow: BASE_KEEPERS } },
    schema: {
      tags, summary: '关口评审：通过则进入下一阶段，不通过或整改则留在本阶段 Gate review (pass moves the project on)', params: IdParams,
      body: Type.Object({
        result: Literals(GATE_RESULT_CODES), reviewerNameZh: Str(), reviewedOn: IsoDateString, evidenceZh: Str(4000),
        evidenceFileId: Opt(Uuid), noteZh: Opt(Str(2000)), toStage: Opt(Literals(PROJECT_STAGE_CODES)),
      }),
      response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => s.projects.review(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/pilot/projects/:id/stop', {
    config: { access: { allow: BASE_KEEPERS } },
    schema: { tags, summary: '终止项目（须说明理由）Stop a project with a reason', params: IdParams, body: Type.Object({ reason: Str(1000) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.projects.stop(req.ctx, (req.params as Id).id, (req.body as { reason: string }).reason));
}
