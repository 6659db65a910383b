import { Type, type Static, type TSchema } from 'typebox';

/** Shapes shared by many routes. */
export const ErrorSchema = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String({ description: '中文（English）' }),
    details: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })),
  }),
}, { $id: 'Error' });

export const errorResponses = {
  400: Type.Ref('Error'), 401: Type.Ref('Error'), 403: Type.Ref('Error'), 404: Type.Ref('Error'),
  409: Type.Ref('Error'), 413: Type.Ref('Error'), 422: Type.Ref('Error'), 429: Type.Ref('Error'),
};

/**
 * T or null. A simple type becomes type: [T, 'null'] rather than anyOf: with type coercion on,
 * Ajv would otherwise coerce null inside the first branch (null → 0, '' or [null]) and keep it.
 */
export const Nullable = <T extends TSchema>(t: T) => {
  const type = (t as { type?: unknown }).type;
  return typeof type === 'string' && type !== 'null'
    ? Type.Unsafe<Static<T> | null>({ ...t, type: [type, 'null'] })
    : Type.Union([t, Type.Null()]);
};
export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid });
export const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 })),
};
export const DateTime = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
