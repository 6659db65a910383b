import type { Problem } from './types.js';

interface ProblemType { type: string; status: number; titleZh: string; titleEn: string }

/**
 * The exception types of the EPCIS 2.0 REST binding (gs1/EPCIS `REST Bindings/openapi.yaml` at 5dcaf307, `components/responses`),
 * with the HTTP status it answers each with. SecurityException is 401 before sign-in and 403
 * after; ImplementationException also answers 406, 415 and 501 (pass the status to `problem`).
 */
const BINDING = {
  ValidationException: { type: 'epcisException:ValidationException', status: 400, titleZh: '文档不符合 EPCIS 标准', titleEn: 'The document does not validate against the EPCIS standard' },
  QueryValidationException: { type: 'epcisException:QueryValidationException', status: 400, titleZh: '查询无效', titleEn: 'Invalid query' },
  QueryParameterException: { type: 'epcisException:QueryParameterException', status: 400, titleZh: '查询参数无效', titleEn: 'Invalid query parameter' },
  SubscriptionControlsException: { type: 'epcisException:SubscriptionControlsException', status: 400, titleZh: '订阅设置无效', titleEn: 'Invalid subscription controls' },
  SecurityException: { type: 'epcisException:SecurityException', status: 403, titleZh: '无权访问', titleEn: 'Not permitted' },
  NoSuchNameException: { type: 'epcisException:NoSuchNameException', status: 404, titleZh: '资源不存在', titleEn: 'Resource not found' },
  CaptureLimitExceededException: { type: 'epcisException:CaptureLimitExceededException', status: 413, titleZh: '超出采集上限', titleEn: 'Capture payload too large' },
  QueryTooLargeException: { type: 'epcisException:QueryTooLargeException', status: 413, titleZh: '查询结果过多', titleEn: 'The query result is too large' },
  QueryTooComplexException: { type: 'epcisException:QueryTooComplexException', status: 413, titleZh: '查询过于复杂', titleEn: 'The query is too complex' },
  URITooLongException: { type: 'epcisException:URITooLongException', status: 414, titleZh: 'URI 过长', titleEn: 'URI too long' },
  ImplementationException: { type: 'epcisException:ImplementationException', status: 500, titleZh: '服务端错误', titleEn: 'A server-side error occurred' },
} as const satisfies Record<string, ProblemType>;

export const PROBLEM_TYPES = BINDING;

export type ProblemTypeName = keyof typeof PROBLEM_TYPES;

/** The binding's type for an HTTP status the platform answers with. */
export function problemTypeForStatus(status: number): keyof typeof BINDING {
  if (status === 401 || status === 403) return 'SecurityException';
  if (status === 404) return 'NoSuchNameException';
  if (status === 413) return 'CaptureLimitExceededException';
  if (status === 414) return 'URITooLongException';
  if (status >= 400 && status < 500 && status !== 406 && status !== 415) return 'ValidationException';
  return 'ImplementationException';
}

/** A problem document of one of the binding's types; `detail` and messages are '中文（English）'. */
export function problem(type: ProblemTypeName, detail?: string, errors?: { path: string; message: string }[], status?: number): Problem {
  const t = PROBLEM_TYPES[type];
  const p: Problem = { type: t.type, title: `${t.titleZh}（${t.titleEn}）`, status: status ?? t.status };
  if (detail !== undefined) p.detail = detail;
  if (errors && errors.length) p.errors = errors;
  return p;
}
