import { SERVICE_REQUEST_STATES } from './labels.js';

/**
 * One-stop service requests (一站式服务, 绿色通道): the days a request gets, its clock, and how it
 * moves. Pure rules: no I/O.
 */
export type RequestState = keyof typeof SERVICE_REQUEST_STATES;
export type RequestAction = 'accept' | 'finish' | 'reject' | 'withdraw';
export type RequestClock = 'ok' | 'due' | 'overdue' | 'met' | 'missed';

const DAY_MS = 86_400_000;

/** The green channel halves the route's days, rounded up, and never below one day. */
export const slaDaysFor = (routeDays: number, greenChannel: boolean) => (greenChannel ? Math.max(1, Math.ceil(routeDays / 2)) : routeDays);

/** Calendar days from the moment of filing (not working days: the bodies publish their promises so). */
export const dueAtFor = (submittedAt: Date, days: number) => new Date(submittedAt.getTime() + days * DAY_MS);

/** Where each action takes a request, and from which states it may be taken. */
export const REQUEST_MOVES: Record<RequestAction, { from: readonly RequestState[]; to: RequestState; zh: string; en: string }> = {
  accept: { from: ['submitted'], to: 'accepted', zh: '受理', en: 'accept' },
  finish: { from: ['accepted'], to: 'done', zh: '办结', en: 'finish' },
  reject: { from: ['submitted', 'accepted'], to: 'rejected', zh: '不予受理', en: 'reject' },
  withdraw: { from: ['submitted', 'accepted'], to: 'withdrawn', zh: '撤回', en: 'withdraw' },
};

/** Why an action is refused in this state, naming the actions that are open, or null. */
export function requestMoveProblem(state: string, action: RequestAction): { zh: string; en: string } | null {
  const m = REQUEST_MOVES[action];
  if (m.from.includes(state as RequestState)) return null;
  const open = (Object.keys(REQUEST_MOVES) as RequestAction[]).filter((a) => REQUEST_MOVES[a].from.includes(state as RequestState));
  const s = SERVICE_REQUEST_STATES[state as RequestState] ?? { zh: state, en: state };
  return {
    zh: `申请「${s.zh}」，不能${m.zh}${open.length ? `（可：${open.map((a) => REQUEST_MOVES[a].zh).join('、')}）` : ''}`,
    en: `The request is ${s.en.toLowerCase()} and cannot ${m.en}${open.length ? ` (open: ${open.map((a) => REQUEST_MOVES[a].en).join(', ')})` : ''}`,
  };
}

/**
 * A request's clock. Open: ok, due (a day or less left) or overdue. Answered (done, or
 * rejected: a refusal is an answer too): met or missed against the due time. A withdrawn
 * request has no clock.
 */
export function requestClock(r: { state: string; dueAt: Date; doneAt: Date | null; updatedAt: Date }, now: Date): RequestClock | null {
  if (r.state === 'withdrawn') return null;
  if (r.state === 'done' || r.state === 'rejected') {
    const answeredAt = r.state === 'done' ? r.doneAt ?? r.updatedAt : r.updatedAt;
    return answeredAt.getTime() <= r.dueAt.getTime() ? 'met' : 'missed';
  }
  const left = r.dueAt.getTime() - now.getTime();
  return left < 0 ? 'overdue' : left <= DAY_MS ? 'due' : 'ok';
}
