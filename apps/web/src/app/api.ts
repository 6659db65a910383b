/**
 * The one way the web app talks to the server: JSON over fetch, the session cookie, the
 * CSRF token on writes, and the server's error body turned into an ApiError whose message
 * is the server's own "中文（English）" text, ready for message.error or an Alert.
 */

export interface ErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
const unauthorizedListeners = new Set<() => void>();

/** Kept in memory only: the session sets it after sign-in and after /api/auth/me. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** For requests that cannot go through request() (multipart uploads). */
export const currentCsrfToken = () => csrfToken;

/** Called when a request that carried the session is refused with 401 (the session ended). */
export function onUnauthorized(listener: () => void) {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (WRITES.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network_error', '无法连接服务器（Cannot reach the server）');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string; details?: ErrorDetail[] } } | undefined)?.error;
    if (res.status === 401 && csrfToken && path !== '/api/auth/login') unauthorizedListeners.forEach((l) => l());
    throw new ApiError(res.status, e?.code ?? 'http_error', e?.message ?? `请求失败（Request failed: HTTP ${res.status}）`, e?.details ?? []);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};

/** Builds a query string from the defined, non-empty values. */
export function qs(params: Record<string, string | number | boolean | undefined | null>) {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  const out = s.toString();
  return out ? `?${out}` : '';
}

/**
 * Maps the server's field details ("/username", "/roles/0") onto form fields, so
 * that a 409 or 422 shows beside the field it is about.
 */
export function fieldErrors(err: unknown): { name: string; errors: string[] }[] {
  if (!(err instanceof ApiError)) return [];
  const byField = new Map<string, string[]>();
  for (const d of err.details) {
    const name = d.path.replace(/^\//, '').split('/')[0];
    if (!name) continue;
    byField.set(name, [...(byField.get(name) ?? []), d.message]);
  }
  return [...byField].map(([name, errors]) => ({ name, errors }));
}

export const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));
