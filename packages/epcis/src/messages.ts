import type { ErrorObject } from 'ajv';

/** An Ajv error as '中文（English）', naming what the schema wanted. */
export function schemaMessage(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': return `缺少必填字段 ${p.missingProperty}（required property missing: ${p.missingProperty}）`;
    case 'type': return `类型应为 ${p.type}（must be ${p.type}）`;
    case 'enum': return `取值不在标准允许的范围内：${(p.allowedValues as unknown[]).join(', ')}（must be one of the allowed values）`;
    case 'const': return `取值应为 ${String(p.allowedValue)}（must be ${String(p.allowedValue)}）`;
    case 'pattern': return `格式不符 ${p.pattern}（must match ${p.pattern}）`;
    case 'format':
      if (p.format === 'uri') return '应为 URI（must be a URI）';
      if (p.format === 'date-time') return '应为带时区的 ISO 8601 时间（must be an ISO 8601 date-time with a time zone）';
      return `格式应为 ${p.format}（must be a ${p.format}）`;
    case 'minItems': return `至少需要 ${p.limit} 项（must have at least ${p.limit} items）`;
    case 'uniqueItems': return '列表项不得重复（items must be unique）';
    case 'propertyNames': return `字段名 ${p.propertyName} 不是该事件类型的标准字段，扩展字段须为 URI 或带前缀（property ${p.propertyName} is not a field of this event type; extensions must be URIs or prefixed）`;
    case 'additionalProperties': return `不允许的字段 ${p.additionalProperty}（property not allowed: ${p.additionalProperty}）`;
    case 'not': return '此处不允许该字段（this field is not allowed here）';
    case 'anyOf': case 'oneOf': return '不符合标准允许的任何一种写法（matches none of the forms the standard allows）';
    default: return `${e.message ?? e.keyword}（${e.message ?? e.keyword}）`;
  }
}
