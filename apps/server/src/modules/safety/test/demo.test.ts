import { describe, expect, it } from 'vitest';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { loadDemo } from '../../../demo/load.js';
import { loadDemoSafety } from '../../../demo/safety.js';

describe.each(testDatabases)('the demo safety evaluations, on $name', (kind) => {
  const h = useHarness(kind);
  it('loads once, evaluations in every state, the green channel one concluded with its certificate', async () => {
    // The demo loads the expert pool and the challenge demo's reviewers first, then the evaluations through the services.
    expect((await loadDemo(h.database)).records).toBeGreaterThan(0);
    expect(await loadDemoSafety(h.database)).toBe(0);
    const rows = await h.database.db.selectFrom('safetyEvaluation').select(['state', 'track', 'certificateNo', 'conclusion']).where('isDemo', '=', true).orderBy('code').execute();
    expect(rows.map((r) => r.state).sort()).toEqual(['concluded', 'concluded', 'draft', 'returned', 'review', 'review', 'submitted', 'supplementing']);
    expect(rows).toContainEqual({ state: 'concluded', track: 'greenChannel', certificateNo: 'SEC-2026-0001', conclusion: 'safe' });
    const reviews = await h.database.db.selectFrom('safetyReview').select('status').execute();
    expect(reviews.some((r) => r.status === 'submitted')).toBe(true);
  }, 300_000);
});
