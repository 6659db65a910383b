import type { FastifyReply } from 'fastify';
import { Type, type TObject, type TProperties } from 'typebox';
import type { Role } from '../../platform/access/model.js';
import { AppError } from '../../platform/http/errors.js';

/** What the supervision routes share: who may call them, and how files and imports answer. */
export const TASK_FORCE: readonly Role[] = ['admin', 'taskforce'];
/** Those who take part in supervision: the task force, and the units and districts it supervises. */
export const PARTICIPANTS: readonly Role[] = ['admin', 'taskforce', 'unit', 'district'];
export const OWNERS: readonly Role[] = ['unit', 'district'];
export const SCOPE = 'supervision:read';

export const readBy = (roles: readonly Role[]) => ({ allow: roles, scope: SCOPE });

/** A documented object that also passes through fields it does not name. */
export const Open = <P extends TProperties>(props: P, description?: string): TObject<P> =>
  Type.Object(props, { additionalProperties: true, ...(description ? { description } : {}) });
export const AnyObject = Open({});
export const ListOf = (item: TObject) => Open({ total: Type.Optional(Type.Integer()), items: Type.Array(item) });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const sendXlsx = (reply: FastifyReply, data: Buffer, fileName: string) =>
  reply.header('content-type', XLSX).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`).send(data);

export const sendDocx = (reply: FastifyReply, data: Buffer, fileName: string) =>
  reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`).send(data);

export { importResult } from '../../platform/http/import-route.js';

export { Paging } from '../../platform/http/schemas.js';
export const page = (q: { limit?: number; offset?: number }) => ({ limit: q.limit ?? 50, offset: q.offset ?? 0 });
export const IsoDateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

/** A pace curve: [[time share 0–1, progress %], …]. */
export const PaceCurveSchema = Type.Array(Type.Tuple([Type.Number(), Type.Number()]), {
  minItems: 2, maxItems: 20, description: '[[时间比例 0–1, 进度 %], …] · [[time share 0–1, progress %], …]',
});
