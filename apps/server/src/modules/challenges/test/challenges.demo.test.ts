import { describe, expect, it } from 'vitest';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { loadDemo } from '../../../demo/load.js';
import { loadDemoNeeds } from '../../../demo/needs.js';
import { loadDemoChallenges } from '../../../demo/challenges.js';

describe.each(testDatabases)('the demo challenges, on $name', (kind) => {
  const h = useHarness(kind);
  it('loads once, a challenge in every status, through the services', async () => {
    // The demo loads the talent pool and the needs first, then the challenges through the services.
    expect((await loadDemo(h.database)).records).toBeGreaterThan(0);
    expect(await loadDemoNeeds(h.database)).toBe(0);
    expect(await loadDemoChallenges(h.database)).toBe(0);
    const rows = await h.database.db.selectFrom('challenge').select(['status']).where('isDemo', '=', true).execute();
    expect(rows.map((r) => r.status).sort()).toEqual(['awarded', 'cancelled', 'completed', 'draft', 'notice', 'open', 'open', 'review']);
  }, 300_000);
});
