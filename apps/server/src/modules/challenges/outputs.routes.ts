import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, IsoDateString } from '../supervision/http.js';
import type { ChallengeServices } from './index.js';
import { OUTPUT_KINDS } from './model/labels.js';
import { OUTPUT_RECORDERS } from './http.js';

const Opt = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));

/** Outputs of an award: recorded by its lead organisation or the organisers; IP kinds link to the IP register. */
export async function outputRoutes(app: FastifyInstance, s: ChallengeServices) {
  const tags = ['challenges'];

  app.post('/api/challenges/awards/:id/outputs', {
    config: { access: { allow: OUTPUT_RECORDERS } },
    schema: {
      tags, summary: '登记成果产出（专利、标准、软著、植物新品种关联知识产权：已登记的，或按编号新建）Record an output (patents, standards, software copyrights, plant varieties link to an IP right: a registered one, or one made from the number)', params: IdParams,
      body: Type.Object({
        kind: Type.Union(Object.keys(OUTPUT_KINDS).map((k) => Type.Literal(k))), titleZh: Type.String({ maxLength: 300 }),
        ref: Opt(Type.String({ maxLength: 200, description: '编号或 DOI Number or DOI' })), outputOn: Opt(IsoDateString), ipRightId: Opt(Uuid), platformId: Opt(Uuid),
      }),
      response: { 201: AnyObject, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await s.outputs.record(req.ctx, (req.params as { id: string }).id, req.body as never)));

  app.delete('/api/challenges/outputs/:id', {
    config: { access: { allow: OUTPUT_RECORDERS } },
    schema: { tags, summary: '删除误登记的成果（知识产权仍保留在登记簿中）Remove an output recorded by mistake (the IP right stays in the register)', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.outputs.remove(req.ctx, (req.params as { id: string }).id));
}
