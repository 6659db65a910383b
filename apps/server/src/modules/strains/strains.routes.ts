import type { FastifyInstance } from 'fastify';
import { errorResponses, IdParams } from '../../platform/http/schemas.js';
import { todayIn } from '../../platform/dates.js';
import { AnyObject, ListOf, page, sendXlsx } from '../supervision/http.js';
import type { StrainServices } from './index.js';
import { DEPOSITORS, PUBLIC, SIGNED_IN } from './http.js';
import { catalogueCsv, catalogueFileName, catalogueWorkbook } from './catalogue.export.js';
import { StrainListQuery, StrainPatchBody, StrainQuery } from './strains.schemas.js';

type Id = { id: string };

/** The public catalogue, its chart and exports, a strain's page and history, and edits. */
export async function strainsRoutes(app: FastifyInstance, s: StrainServices) {
  const tags = ['strains'];
  const strains = s.strains;

  app.get('/api/strains', {
    config: { access: PUBLIC },
    schema: { tags, summary: '菌种目录（已保藏菌种；受限菌种仅公开摘要；可筛选、检索、排序）The strain catalogue: accessioned strains, restricted ones as their public summary; filters, search, sorting', querystring: StrainListQuery, response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => strains.list(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/strains/stats', {
    config: { access: PUBLIC },
    schema: { tags, summary: '菌种目录按生物类别与危害程度的统计 Catalogue counts by organism kind and hazard class', querystring: StrainQuery, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => strains.stats(req.ctx, req.query as never));

  app.get('/api/strains/export.csv', {
    config: { access: PUBLIC },
    schema: { tags, summary: '导出菌种目录（Darwin Core / MCL CSV；受限菌种仅公开摘要）Export the catalogue as Darwin Core / MCL CSV; restricted strains as their public summary', querystring: StrainQuery },
  }, async (req, reply) => {
    const rows = await strains.catalogueRows(req.ctx, req.query as never);
    return reply.header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(catalogueFileName(todayIn(new Date()), 'csv'))}`).send(catalogueCsv(rows));
  });

  app.get('/api/strains/export.xlsx', {
    config: { access: PUBLIC },
    schema: { tags, summary: '导出菌种目录（Excel，列名为 Darwin Core 术语；受限菌种仅公开摘要）Export the catalogue as Excel with Darwin Core column names; restricted strains as their public summary', querystring: StrainQuery },
  }, async (req, reply) => sendXlsx(reply, await catalogueWorkbook(await strains.catalogueRows(req.ctx, req.query as never)), catalogueFileName(todayIn(new Date()), 'xlsx')));

  app.get('/api/strains/:id', {
    config: { access: PUBLIC },
    schema: { tags, summary: '菌种详情（有权限者见完整记录，其他人见受限菌种的公开摘要；view = full | summary）A strain: the full record for those with access, otherwise the public summary (view = full | summary)', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => strains.get(req.ctx, (req.params as Id).id));

  app.get('/api/strains/:id/history', {
    config: { access: SIGNED_IN },
    schema: { tags, summary: '菌种历史（保藏、接收、检测、决定与修改，取自审计记录）A strain\'s history: deposit, receipt, checks, decisions and edits from the audit log', params: IdParams, response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => strains.history(req.ctx, (req.params as Id).id));

  app.patch('/api/strains/:id', {
    config: { access: { allow: DEPOSITORS } },
    schema: { tags, summary: '修改菌种记录（管理员可改任何记录，保藏单位在提交状态下可改）Edit a strain record: curators any, the depositor while submitted', params: IdParams, body: StrainPatchBody, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => strains.update(req.ctx, (req.params as Id).id, req.body as never));
}
