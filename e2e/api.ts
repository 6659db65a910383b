/** What the browser tests share for setting up and checking through the API: a signed-in session, users. */
import { baseURL } from './browser';

/** A signed-in API session for setup and checks: the session cookie and the CSRF token on writes. */
export async function apiSession(username: string, password: string) {
  const res = await fetch(`${baseURL()}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`Signing in ${username} failed: HTTP ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('cqb_sid='));
  if (!cookie) throw new Error(`Signing in ${username} set no cqb_sid cookie`);
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseURL()}${path}`, {
      method,
      headers: { cookie, accept: 'application/json', 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} → HTTP ${r.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown = {}) => call<T>('POST', path, body),
    put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
    patch: <T>(path: string, body: unknown) => call<T>('PATCH', path, body),
  };
}

export type ApiSession = Awaited<ReturnType<typeof apiSession>>;

/** Creates a task force user (role taskforce, in the first task force organisation) through the administrator's session. */
export async function addTaskForceUser(admin: ApiSession, user: { username: string; password: string; displayName: string }) {
  const taskForces = await admin.get<{ id: string }[]>('/api/admin/organisations?kind=taskForce');
  if (!taskForces.length) throw new Error('There is no task force organisation to put the user in');
  await admin.post('/api/admin/users', { ...user, roles: ['taskforce'], organisationId: taskForces[0].id });
}
