import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { DateTime, errorResponses, Nullable, Paging } from '../http/schemas.js';
import type { AuditService } from './service.js';

export const AuditEntrySchema = Type.Object({
  id: Type.Integer(), at: DateTime, actorName: Type.String(), action: Type.String(), entityType: Type.String(),
  entityId: Type.String(), summary: Nullable(Type.String()), before: Type.Unknown(), after: Type.Unknown(), requestId: Nullable(Type.String()),
}, { $id: 'AuditEntry' });

export async function auditRoutes(app: FastifyInstance, { audit }: { audit: AuditService }) {
  app.addSchema(AuditEntrySchema);
  app.get('/api/audit', {
    config: { access: { allow: ['admin', 'taskforce'] } },
    schema: {
      tags: ['audit'], summary: '审计日志 Audit trail',
      querystring: Type.Object({
        entityType: Type.Optional(Type.String({ maxLength: 50 })), entityId: Type.Optional(Type.String({ maxLength: 100 })),
        actorName: Type.Optional(Type.String({ maxLength: 100 })), action: Type.Optional(Type.String({ maxLength: 100 })), ...Paging,
      }),
      response: { 200: Type.Array(Type.Ref('AuditEntry')), ...errorResponses },
    },
  }, (req) => audit.list(req.ctx, req.query as never));
}
