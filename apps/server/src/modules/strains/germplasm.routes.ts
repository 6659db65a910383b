import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams } from '../../platform/http/schemas.js';
import { AnyObject, ListOf, page, Paging } from '../supervision/http.js';
import type { StrainServices } from './index.js';
import { CURATORS, PUBLIC } from './http.js';
import { GermplasmFields, GermplasmQuery } from './strains.schemas.js';

type Id = { id: string };

/** Germplasm: the public list and sites, and the curators' records. */
export async function germplasmRoutes(app: FastifyInstance, s: StrainServices) {
  const tags = ['strains'];
  const g = s.germplasm;

  app.get('/api/germplasm', {
    config: { access: PUBLIC },
    schema: { tags, summary: '种质资源（受限记录不含坐标）Germplasm records; restricted ones without coordinates', querystring: Type.Object({ ...GermplasmQuery.properties, ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => g.list(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/germplasm/sites', {
    config: { access: PUBLIC },
    schema: { tags, summary: '种质资源采集地（每地一点，受限记录不定位）Collection sites, one point each; restricted records place no point', querystring: GermplasmQuery, response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => g.sites(req.ctx, req.query as never));

  app.get('/api/germplasm/:id', {
    config: { access: PUBLIC },
    schema: { tags, summary: '种质资源详情 One germplasm record', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => g.get(req.ctx, (req.params as Id).id));

  app.post('/api/germplasm', {
    config: { access: { allow: CURATORS } },
    schema: { tags, summary: '登记种质资源 Record germplasm', body: Type.Object(GermplasmFields), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await g.create(req.ctx, req.body as never)));

  app.patch('/api/germplasm/:id', {
    config: { access: { allow: CURATORS } },
    schema: { tags, summary: '修改种质资源 Edit germplasm', params: IdParams, body: Type.Partial(Type.Object(GermplasmFields)), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => g.update(req.ctx, (req.params as Id).id, req.body as never));

  app.delete('/api/germplasm/:id', {
    config: { access: { allow: CURATORS } },
    schema: { tags, summary: '注销种质资源（编号保留）Withdraw germplasm (its code is kept)', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => g.remove(req.ctx, (req.params as Id).id));
}
