import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, ListOf, page, Paging, sendDocx, sendXlsx } from '../supervision/http.js';
import type { ChallengeServices } from './index.js';
import { NEED_FIELD_CODES } from './model/needs.js';
import { editionWorkbook } from './needs.excel.js';
import { PUBLIC, TASK_FORCE } from './http.js';

const ItemFilter = {
  field: Type.Optional(Type.Union(NEED_FIELD_CODES.map((c) => Type.Literal(c)))), domain: Type.Optional(Type.String({ maxLength: 20 })), q: Type.Optional(Type.String({ maxLength: 100 })),
};
type Id = { id: string };

/** Editions of the catalog: the draft, publication, reading, differences, Word and Excel. */
export async function catalogEditionRoutes(app: FastifyInstance, s: ChallengeServices) {
  const tags = ['challenges'];
  const editions = s.catalogEditions;
  const base = '/api/challenges/need-editions';

  app.get(base, {
    config: { access: PUBLIC },
    schema: { tags, summary: '需求目录各版次（最新在前；主管部门可见草稿）Editions of the need catalog, newest first (organisers see the draft)', querystring: Type.Object({ ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => editions.list(req.ctx, page(req.query as never)));

  app.get(`${base}/:id`, {
    config: { access: PUBLIC },
    schema: { tags, summary: '一个版次及其按领域的统计 One edition with its counts by field and domain', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => editions.get(req.ctx, (req.params as Id).id));

  app.get(`${base}/:id/items`, {
    config: { access: PUBLIC },
    schema: { tags, summary: '版次收录的需求（按技术领域、产业领域筛选，可中文检索）The edition\'s needs, by field and domain, with Chinese search', params: IdParams, querystring: Type.Object({ ...ItemFilter, ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => editions.items(req.ctx, (req.params as Id).id, { ...(req.query as object), ...page(req.query as never) }));

  app.get(`${base}/:id/diff`, {
    config: { access: PUBLIC },
    schema: { tags, summary: '与上一版（或指定版次）相比的新增、移出和变更（逐字段）Needs added, removed and changed field by field since the previous (or a named) edition', params: IdParams, querystring: Type.Object({ from: Type.Optional(Uuid) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => editions.diff(req.ctx, (req.params as Id).id, (req.query as { from?: string }).from));

  app.get(`${base}/:id/document.docx`, {
    config: { access: PUBLIC },
    schema: { tags, summary: '版次的 Word 文件（公文格式）The edition as a Word document (official layout)', params: IdParams },
  }, async (req, reply) => {
    const { buffer, fileName } = await editions.document(req.ctx, (req.params as Id).id);
    return sendDocx(reply, buffer, fileName);
  });

  app.get(`${base}/:id/export.xlsx`, {
    config: { access: PUBLIC },
    schema: { tags, summary: '导出版次的需求（按筛选条件，仅公开字段）Export the edition\'s needs as filtered (public fields only)', params: IdParams, querystring: Type.Object(ItemFilter) },
  }, async (req, reply) => {
    const { edition, items } = await editions.allItems(req.ctx, (req.params as Id).id, req.query as never);
    return sendXlsx(reply, await editionWorkbook(edition.titleZh, items), `${edition.titleZh}.xlsx`);
  });

  app.post(base, {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '起草新版次（同时只有一个草稿；从上一发布版滚动）Open the draft edition (one at a time), rolled from the last published one', response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await editions.open(req.ctx)));

  app.post(`${base}/:id/refresh`, {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '按当前目录更新草稿 Take the catalog as it is now into the draft', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => editions.refresh(req.ctx, (req.params as Id).id));

  app.post(`${base}/:id/publish`, {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '发布版次（按年编号，发布后不再变动）Publish the edition, numbered within its year; it is frozen', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => editions.publish(req.ctx, (req.params as Id).id));

  app.delete(`${base}/:id`, {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '删除草稿版次 Discard the draft edition', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => editions.discard(req.ctx, (req.params as Id).id));
}
