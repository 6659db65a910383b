import { describe, expect, it } from 'vitest';
import { funnelOf, reachedStage, responseMoveProblem } from './responses.js';
import { gateProblem, nextProjectStage, stageAfterGate } from './projects.js';
import { dueAtFor, requestClock, requestMoveProblem, slaDaysFor } from './onestop.js';

describe('responses', () => {
  it('move forward one stage at a time, naming the stages that are open', () => {
    expect(responseMoveProblem('negotiating', 'signed', 'responder')).toBeNull();
    expect(responseMoveProblem('signed', 'done', 'owner')).toBeNull();
    const skip = responseMoveProblem('negotiating', 'done', 'owner')!;
    expect(skip).toMatchObject({ status: 409, allowed: ['signed', 'closed'] });
    expect(skip.zh).toContain('签约');
    expect(responseMoveProblem('responded', 'signed', 'owner')).toMatchObject({ status: 409, allowed: ['negotiating', 'closed'] });
    expect(responseMoveProblem('signed', 'negotiating', 'owner')?.status).toBe(409);
    expect(responseMoveProblem('done', 'closed', 'owner')).toMatchObject({ status: 409, allowed: [] });
    expect(responseMoveProblem('closed', 'negotiating', 'owner')).toMatchObject({ status: 409, allowed: [] });
  });

  it('open negotiation only by the owner\'s acceptance, and close at any open stage', () => {
    expect(responseMoveProblem('responded', 'negotiating', 'owner')).toBeNull();
    expect(responseMoveProblem('responded', 'negotiating', 'responder')?.status).toBe(403);
    for (const s of ['responded', 'negotiating', 'signed']) expect(responseMoveProblem(s, 'closed', 'responder')).toBeNull();
  });

  it('remember how far a closed one got', () => {
    const t = new Date();
    expect(reachedStage({ acceptedAt: null, signedAt: null, doneAt: null })).toBe('responded');
    expect(reachedStage({ acceptedAt: t, signedAt: null, doneAt: null })).toBe('negotiating');
    expect(reachedStage({ acceptedAt: t, signedAt: t, doneAt: null })).toBe('signed');
    expect(reachedStage({ acceptedAt: t, signedAt: t, doneAt: t })).toBe('done');
  });

  it('count each item once, at its furthest stage, cumulatively, with the matching rate', () => {
    expect(funnelOf({ none: 4, responded: 3, negotiating: 1, signed: 1, done: 1 }))
      .toEqual({ posted: 10, responded: 6, negotiating: 3, signed: 2, done: 1, matchingRate: 0.3 });
    expect(funnelOf({ none: 2, responded: 1 })).toMatchObject({ posted: 3, responded: 1, negotiating: 0, matchingRate: 0 });
    expect(funnelOf({ none: 1, negotiating: 2 }).matchingRate).toBe(0.6667);
    expect(funnelOf({}).matchingRate).toBeNull();
  });
});

describe('pilot projects', () => {
  it('move one stage at a time, only through a passed gate', () => {
    expect(nextProjectStage('research')).toBe('poc');
    expect(nextProjectStage('park')).toBe('cluster');
    expect(nextProjectStage('cluster')).toBeNull();
    expect(stageAfterGate('pilot', 'pass')).toBe('incubation');
    expect(stageAfterGate('pilot', 'fail')).toBe('pilot');
    expect(stageAfterGate('pilot', 'rework')).toBe('pilot');
  });

  it('refuse a gate towards any stage but the next, at the last stage, or on a stopped project', () => {
    expect(gateProblem({ stage: 'pilot', status: 'active' })).toBeNull();
    expect(gateProblem({ stage: 'pilot', status: 'active' }, 'incubation')).toBeNull();
    expect(gateProblem({ stage: 'pilot', status: 'active' }, 'park')?.zh).toContain('企业孵化');
    expect(gateProblem({ stage: 'pilot', status: 'active' }, 'poc')).not.toBeNull();
    expect(gateProblem({ stage: 'cluster', status: 'active' })?.en).toContain('last stage');
    expect(gateProblem({ stage: 'poc', status: 'stopped' })?.en).toContain('stopped');
  });
});

describe('one-stop requests', () => {
  it('halve the days on the green channel, rounding up, never below one', () => {
    expect(slaDaysFor(10, false)).toBe(10);
    expect(slaDaysFor(10, true)).toBe(5);
    expect(slaDaysFor(15, true)).toBe(8);
    expect(slaDaysFor(3, true)).toBe(2);
    expect(slaDaysFor(1, true)).toBe(1);
    expect(dueAtFor(new Date('2026-03-01T00:00:00Z'), 3).toISOString()).toBe('2026-03-04T00:00:00.000Z');
  });

  it('run a clock: ok, due in the last day, overdue; met or missed once answered; none when withdrawn', () => {
    const dueAt = new Date('2026-03-10T00:00:00Z');
    const at = (state: string, now: string, doneAt: string | null = null, updatedAt = now) =>
      requestClock({ state, dueAt, doneAt: doneAt ? new Date(doneAt) : null, updatedAt: new Date(updatedAt) }, new Date(now));
    expect(at('submitted', '2026-03-08T00:00:00Z')).toBe('ok');
    expect(at('accepted', '2026-03-09T00:00:00Z')).toBe('due');
    expect(at('accepted', '2026-03-10T00:00:01Z')).toBe('overdue');
    expect(at('done', '2026-03-20T00:00:00Z', '2026-03-09T12:00:00Z')).toBe('met');
    expect(at('done', '2026-03-20T00:00:00Z', '2026-03-11T00:00:00Z')).toBe('missed');
    expect(at('rejected', '2026-03-20T00:00:00Z', null, '2026-03-12T00:00:00Z')).toBe('missed');
    expect(at('withdrawn', '2026-03-20T00:00:00Z')).toBeNull();
  });

  it('accept, then finish; reject or withdraw before it is done; naming what is open', () => {
    expect(requestMoveProblem('submitted', 'accept')).toBeNull();
    expect(requestMoveProblem('accepted', 'finish')).toBeNull();
    expect(requestMoveProblem('submitted', 'finish')?.zh).toContain('受理');
    expect(requestMoveProblem('accepted', 'withdraw')).toBeNull();
    expect(requestMoveProblem('done', 'withdraw')).not.toBeNull();
    expect(requestMoveProblem('rejected', 'accept')).not.toBeNull();
  });
});
