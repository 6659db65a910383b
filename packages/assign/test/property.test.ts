import { describe, expect, it } from 'vitest';
import { assign, conflictsOf, type Application, type Expert } from '../src/index.js';

/** A small seeded generator, so a failure can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIELDS = ['DNA/RNA 底层技术', '超高通量筛选', '蛋白质与细胞设计', '新材料合成', '发酵工程', '合成生物学', '酶工程', '生物医药', '代谢工程', '分离纯化', '生物基材料', '细胞培养'];

function generate(seed: number, apps: number, experts: number, orgs: number) {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const some = <T>(xs: readonly T[], k: number) => [...new Set(Array.from({ length: k }, () => pick(xs)))];
  const orgIds = Array.from({ length: orgs }, (_, i) => `ORG${i}`);
  const people = Array.from({ length: 400 }, (_, i) => `P${i}`);
  const ex: Expert[] = Array.from({ length: experts }, (_, i) => ({
    id: `E${i}`, organisationId: pick(orgIds), fields: some(FIELDS, 1 + Math.floor(r() * 4)),
    maxLoad: r() < 0.1 ? Math.floor(r() * 3) : undefined, available: r() > 0.05,
    declaredConflicts: r() < 0.3 ? { organisationIds: some(orgIds, 2), personIds: some(people, 2) } : undefined,
    coworkers: r() < 0.5 ? Array.from({ length: 1 + Math.floor(r() * 3) }, () => (r() < 0.7 ? { personId: pick(people), kind: 'publication' as const } : { organisationId: pick(orgIds), kind: 'project' as const })) : undefined,
  }));
  const ap: Application[] = Array.from({ length: apps }, (_, i) => ({
    id: `A${i}`, fields: some(FIELDS, 1 + Math.floor(r() * 3)), leadOrganisationId: pick(orgIds), memberOrganisationIds: some(orgIds, Math.floor(r() * 4)),
    peopleIds: [...some(people, 2 + Math.floor(r() * 4)), ...(r() < 0.2 ? [`E${Math.floor(r() * experts)}`] : [])],
  }));
  return { ex, ap };
}

describe('assignment on generated rounds', () => {
  for (const [seed, apps, experts, orgs, n] of [[1, 300, 200, 25, 3], [2, 500, 120, 10, 5], [3, 200, 2000, 60, 7]] as const) {
    it(`seed ${seed}: ${apps} applications, ${experts} experts, ${n} each — no conflict, no cap exceeded, every shortfall real`, () => {
      const { ex, ap } = generate(seed, apps, experts, orgs);
      const byId = new Map(ex.map((e) => [e.id, e]));
      const r = assign(ap, ex, { perApplication: n });
      const count = new Map<string, number>();
      for (const [i, a] of r.assignments.entries()) {
        expect(a.applicationId).toBe(ap[i].id);
        expect(new Set(a.reviewers.map((x) => x.expertId)).size).toBe(a.reviewers.length);
        expect(a.reviewers.length).toBeLessThanOrEqual(n);
        for (const x of a.reviewers) {
          const e = byId.get(x.expertId)!;
          expect(conflictsOf(e, ap[i]), `${x.expertId} on ${a.applicationId}`).toEqual([]);
          expect(e.available).not.toBe(false);
          expect(x.shared.length).toBeGreaterThan(0);
          expect(x.fit).toBeGreaterThan(0);
          count.set(x.expertId, (count.get(x.expertId) ?? 0) + 1);
        }
        if (a.reviewers.length < n) {
          expect(a.shortfall!.missing).toBe(n - a.reviewers.length);
          // Short only if every eligible expert not chosen is full.
          const eligible = ex.filter((e) => e.available !== false && e.fields.some((f) => ap[i].fields.includes(f)) && conflictsOf(e, ap[i]).length === 0);
          expect(a.shortfall!.eligible).toBe(eligible.length);
          const chosen = new Set(a.reviewers.map((x) => x.expertId));
          for (const e of eligible) if (!chosen.has(e.id)) expect(r.load.get(e.id) ?? 0).toBe(e.maxLoad ?? r.stats.maxLoad);
        } else expect(a.shortfall).toBeUndefined();
      }
      expect(count).toEqual(r.load);
      for (const [id, k] of count) expect(k).toBeLessThanOrEqual(byId.get(id)!.maxLoad ?? r.stats.maxLoad);
      expect(r.stats.assigned).toBe([...count.values()].reduce((a, b) => a + b, 0));
      expect(assign(ap, ex, { perApplication: n })).toEqual(r);
    });
  }
});
