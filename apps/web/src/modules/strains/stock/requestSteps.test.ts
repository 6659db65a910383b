import { describe, expect, it } from 'vitest';
import { requestSteps } from './requestSteps';

const r = (status: string, extra: Partial<{ needsOfficer: boolean; curatorDecidedAt: string | null; officerDecidedAt: string | null }> = {}) =>
  requestSteps({ status, needsOfficer: false, curatorDecidedAt: null, officerDecidedAt: null, ...extra });

describe('a request on its steps', () => {
  it('adds the officer’s step only when needed, and stops where a rejection or withdrawal came', () => {
    expect(r('submitted')).toEqual({ steps: ['submitted', 'curator', 'shipped', 'received'], current: 1, status: 'process' });
    expect(r('curatorApproved', { needsOfficer: true, curatorDecidedAt: 'x' })).toMatchObject({ steps: ['submitted', 'curator', 'officer', 'shipped', 'received'], current: 2 });
    expect(r('received')).toMatchObject({ current: 4, status: 'finish' });
    expect(r('rejected', { needsOfficer: true, curatorDecidedAt: 'x', officerDecidedAt: 'y' })).toMatchObject({ current: 2, status: 'error' });
    expect(r('withdrawn', { curatorDecidedAt: 'x' })).toMatchObject({ current: 2, status: 'error' });
  });
});
