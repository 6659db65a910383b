import { describe, expect, it } from 'vitest';
import {
  CONVERTED_STAGES, daysSince, daysText, GATE_RESULTS, nextProjectStage, allowedRequestActions, PROJECT_STAGE_CODES, PROJECT_STAGES, REQUEST_STATES, RESPONSE_OUTCOMES,
  RESPONSE_STAGES, responseProgress, SERVICE_CATEGORIES, SERVICE_KINDS, sharePct, START_STAGES, timeLeftText, timingRows,
} from './labels.deals';

type Names = Record<string, { zh: string; en: string; kind?: string }>;
// The server's own vocabulary file, read by the test runner only: the web app never imports the server.
const SERVER_LABELS = '../../../../server/src/modules/pilot/model/labels.ts';
const server = (await import(/* @vite-ignore */ new URL(SERVER_LABELS, import.meta.url).href)) as Record<string, Names> & { PROJECT_STAGE_CODES: string[] };

const names = (o: Record<string, { zh: string; en: string }>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, { zh: v.zh, en: v.en }]));

describe('the vocabularies', () => {
  it('name every stage, outcome, state and category as the server does, in its order', () => {
    expect(names(RESPONSE_STAGES)).toEqual(names(server.RESPONSE_STAGES));
    expect(names(RESPONSE_OUTCOMES)).toEqual(names(server.RESPONSE_OUTCOMES));
    expect(names(PROJECT_STAGES)).toEqual(names(server.PROJECT_STAGES));
    expect(PROJECT_STAGE_CODES).toEqual(server.PROJECT_STAGE_CODES);
    expect(names(GATE_RESULTS)).toEqual(names(server.GATE_RESULTS));
    expect(names(REQUEST_STATES)).toEqual(names(server.SERVICE_REQUEST_STATES));
    expect(names(SERVICE_KINDS)).toEqual(names(server.SERVICE_KINDS));
    expect(Object.fromEntries(Object.entries(SERVICE_CATEGORIES).map(([k, v]) => [k, [v.zh, v.en, v.kind]])))
      .toEqual(Object.fromEntries(Object.entries(server.SERVICE_CATEGORIES).map(([k, v]) => [k, [v.zh, v.en, v.kind]])));
  });

  it('start a project at research, proof of concept or pilot, and count incubation and beyond as "1 to 10"', () => {
    expect(START_STAGES).toEqual(['research', 'poc', 'pilot']);
    expect(CONVERTED_STAGES).toEqual(['incubation', 'park', 'cluster']);
    expect(nextProjectStage('pilot')).toBe('incubation');
    expect(nextProjectStage('cluster')).toBeNull();
    expect(nextProjectStage('nonsense')).toBeNull();
  });
});

describe('where a response stands on its steps', () => {
  const r = { acceptedAt: null, signedAt: null, doneAt: null };
  it('marks the live stage while it is open and finishes the bar when done', () => {
    expect(responseProgress({ ...r, stage: 'responded' })).toEqual({ current: 0, status: 'process' });
    expect(responseProgress({ ...r, stage: 'negotiating', acceptedAt: '2026-03-01T00:00:00Z' })).toEqual({ current: 1, status: 'process' });
    expect(responseProgress({ ...r, stage: 'done', acceptedAt: 'x', signedAt: 'y', doneAt: 'z' })).toEqual({ current: 3, status: 'finish' });
  });

  it('shows a closed response stopped where it got to', () => {
    expect(responseProgress({ ...r, stage: 'closed' })).toEqual({ current: 0, status: 'error' });
    expect(responseProgress({ ...r, stage: 'closed', acceptedAt: 'x', signedAt: 'y' })).toEqual({ current: 2, status: 'error' });
  });
});

describe('one-stop requests', () => {
  // Which actions a reader may take is the server's rule (each row's `may`, asserted in onestop.test.ts); the page only orders the buttons.
  it('offer the actions a row allows, in the order the buttons stand', () => {
    expect(allowedRequestActions({ accept: true, finish: false, reject: true, withdraw: false })).toEqual(['accept', 'reject']);
    expect(allowedRequestActions({ accept: false, finish: true, reject: true, withdraw: true })).toEqual(['finish', 'reject', 'withdraw']);
    expect(allowedRequestActions({ accept: false, finish: false, reject: false, withdraw: false })).toEqual([]);
  });

  it('say how long is left in days, in hours on the last day, and how late once overdue', () => {
    const now = new Date('2026-05-10T08:00:00Z');
    expect(timeLeftText('zh', '2026-05-13T09:00:00Z', now)).toBe('剩 3 天');
    expect(timeLeftText('en', '2026-05-13T09:00:00Z', now)).toBe('3 d left');
    expect(timeLeftText('zh', '2026-05-10T13:30:00Z', now)).toBe('剩 6 小时');
    expect(timeLeftText('en', '2026-05-08T07:00:00Z', now)).toBe('2 d late');
    expect(timeLeftText('zh', 'not a date', now)).toBe('');
  });

  it('put each category\'s median beside the days its route promises', () => {
    const rows = timingRows([
      { category: 'customs', zh: '海关通关', en: 'Customs clearance', kind: 'clearance', medianDays: 2.5, done: 4 },
      { category: 'environment', zh: '环境保护', en: 'Environmental approval', kind: 'approval', medianDays: 18, done: 2 },
      { category: 'legal', zh: '法律服务', en: 'Legal services', kind: 'business', medianDays: null, done: 0 },
    ], [{ category: 'customs', slaDays: 3 }, { category: 'environment', slaDays: 15 }, { category: 'legal', slaDays: 7 }]);
    expect(rows.map((r) => [r.category, r.slaDays, r.within])).toEqual([['customs', 3, true], ['environment', 15, false], ['legal', 7, null]]);
  });

  it('read shares and days for people, with a dash when there is nothing to measure', () => {
    expect(sharePct(0.875)).toBe('87.5%');
    expect(sharePct(null)).toBe('—');
    expect(daysText('zh', 2.46)).toBe('2.5 天');
    expect(daysText('en', 3)).toBe('3 d');
    expect(daysText('en', null)).toBe('—');
  });
});

describe('days at a stage', () => {
  it('counts calendar days since the stage began, never below zero', () => {
    expect(daysSince('2026-05-01', new Date(2026, 4, 11, 23, 30))).toBe(10);
    expect(daysSince('2026-05-11', new Date(2026, 4, 11, 0, 5))).toBe(0);
    expect(daysSince('2026-06-01', new Date(2026, 4, 11))).toBe(0);
  });
});
