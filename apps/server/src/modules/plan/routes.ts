import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses } from '../../platform/http/schemas.js';
import type { PlanService } from './service.js';
import { ActionSchema, BodyFull, DistrictSchema, PlanSchema, TargetSchema, TaskDetail, TaskListItem, VersionSchema } from './schemas.js';

const read = { allow: 'public' as const, scope: 'plan:read' };
const VersionQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) });
type V = { version?: number };

/** The plan API: public reads of the plan, its actions, tasks, targets and reference data. */
export async function planRoutes(app: FastifyInstance, { plan }: { plan: PlanService }) {
  app.addSchema(TargetSchema);
  app.addSchema(BodyFull);
  const tags = ['plan'];

  app.get('/api/plan', {
    config: { access: read },
    schema: { tags, summary: '行动计划 The plan (latest version, or ?version=N)', querystring: VersionQuery, response: { 200: PlanSchema, ...errorResponses } },
  }, (req) => plan.plan((req.query as V).version));

  app.get('/api/plan/versions', {
    config: { access: read },
    schema: { tags, summary: '计划版本 Plan versions', response: { 200: Type.Array(VersionSchema), ...errorResponses } },
  }, () => plan.versions());

  app.get('/api/plan/text', {
    config: { access: read },
    schema: { tags, summary: '计划原文 The plan\'s full text', querystring: VersionQuery, response: { 200: Type.Object({ version: Type.Integer(), text: Type.String() }), ...errorResponses } },
  }, (req) => plan.text((req.query as V).version));

  app.get('/api/plan/actions', {
    config: { access: read },
    schema: { tags, summary: '八大行动 The 8 actions with targets and tasks', querystring: VersionQuery, response: { 200: Type.Array(ActionSchema), ...errorResponses } },
  }, (req) => plan.actions((req.query as V).version));

  app.get('/api/plan/tasks', {
    config: { access: read },
    schema: { tags, summary: '重点任务 The 26 tasks', querystring: VersionQuery, response: { 200: Type.Array(TaskListItem), ...errorResponses } },
  }, (req) => plan.tasks((req.query as V).version));

  app.get('/api/plan/tasks/:no', {
    config: { access: read },
    schema: {
      tags, summary: '任务详情 One task', querystring: VersionQuery,
      params: Type.Object({ no: Type.Integer({ minimum: 1, maximum: 99 }) }),
      response: { 200: TaskDetail, ...errorResponses },
    },
  }, (req) => plan.task((req.params as { no: number }).no, (req.query as V).version));

  app.get('/api/plan/targets', {
    config: { access: read },
    schema: { tags, summary: '2027 目标 Every target with its source sentence', querystring: VersionQuery, response: { 200: Type.Array(Type.Ref('Target')), ...errorResponses } },
  }, (req) => plan.targets((req.query as V).version));

  app.get('/api/districts', {
    config: { access: read },
    schema: { tags: ['reference'], summary: '区县 Chongqing\'s 38 districts (GB/T 2260)', response: { 200: Type.Array(DistrictSchema), ...errorResponses } },
  }, () => plan.districts());

  app.get('/api/bodies', {
    config: { access: read },
    schema: { tags: ['reference'], summary: '计划所列机构 Bodies the plan names', response: { 200: Type.Array(Type.Ref('Body')), ...errorResponses } },
  }, () => plan.bodies());
}
