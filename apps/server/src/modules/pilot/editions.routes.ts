import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, ListOf, page, Paging, sendDocx } from '../supervision/http.js';
import type { PilotServices } from './index.js';
import { LIST_CODES } from './model/labels.js';
import { PUBLIC, TASK_FORCE } from './http.js';

const List = Type.Union(LIST_CODES.map((l) => Type.Literal(l)), { description: 'atlas 中试图谱 · demands 生产需求清单 · achievements 成果供给清单' });
type Id = { id: string };

/** Editions of the atlas, the demand list and the achievement list: drafts, publication, reading, differences, Word. */
export async function editionRoutes(app: FastifyInstance, s: PilotServices) {
  const tags = ['pilot'];
  const editions = s.editions;

  app.get('/api/pilot/editions', {
    config: { access: PUBLIC },
    schema: { tags, summary: '清单各版本（中试图谱、生产需求清单、成果供给清单）Editions of the pilot lists', querystring: Type.Object({ list: Type.Optional(List), ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => editions.list(req.ctx, { ...(req.query as { list?: string }), ...page(req.query as never) }));

  app.get('/api/pilot/editions/:id', {
    config: { access: PUBLIC },
    schema: { tags, summary: '一个版本及其条目 One edition with its items', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => editions.get(req.ctx, (req.params as Id).id));

  app.get('/api/pilot/editions/:id/diff', {
    config: { access: PUBLIC },
    schema: { tags, summary: '与上一版（或指定版本）相比的新增、移出和变更 Items added, removed and changed since the previous (or a named) edition', params: IdParams, querystring: Type.Object({ from: Type.Optional(Uuid) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => editions.diff(req.ctx, (req.params as Id).id, (req.query as { from?: string }).from));

  app.get('/api/pilot/editions/:id/document.docx', {
    config: { access: PUBLIC },
    schema: { tags, summary: '版本的 Word 文件 The edition as a Word document', params: IdParams },
  }, async (req, reply) => {
    const { buffer, fileName } = await editions.document(req.ctx, (req.params as Id).id);
    return sendDocx(reply, buffer, fileName);
  });

  app.post('/api/pilot/editions', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '起草新版本（每个清单只有一个草稿）Open a draft edition (one per list)', body: Type.Object({ list: List }), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await editions.open(req.ctx, req.body as { list: string })));

  app.post('/api/pilot/editions/:id/refresh', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '按当前清单更新草稿 Take the list as it is now into the draft', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => editions.refresh(req.ctx, (req.params as Id).id));

  app.post('/api/pilot/editions/:id/publish', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '发布版本（发布后不再变动）Publish an edition; it is frozen', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => editions.publish(req.ctx, (req.params as Id).id));

  app.delete('/api/pilot/editions/:id', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '删除草稿版本 Discard a draft edition', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => editions.discard(req.ctx, (req.params as Id).id));
}
