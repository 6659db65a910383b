import { BIT, CONFLICT_KINDS } from './conflicts.js';
import type { Application, AssignOptions, AssignResult, Assignment, Expert, RuledOut, Shortfall, Text } from './types.js';

/** Keywords compare after NFKC, trimming and lower case: "DNA合成" = "dna合成", full-width letters = half-width. */
export const normaliseField = (s: string) => s.normalize('NFKC').trim().toLowerCase();

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const EPS = 1e-12;

interface Candidate { e: number; fit: number }
interface Work {
  app: Application;
  /** Eligible experts (a field fit, no conflict) as pool indices, best fit first, ties by id; and their fits. */
  el: Int32Array;
  fit: Float64Array;
  conflictCounts: number[];
  noOverlap: number;
  chosen: Candidate[];
  /** Where the search for the next reviewer resumes in `eligible`. */
  next: number;
}

/**
 * Reviewers for each application: `perApplication` experts who share field keywords with it and
 * have no conflict of interest, best field fit first, no expert above their cap.
 *
 * How: an inverted index of keywords → available experts gives each application its candidates
 * with their weighted fit (a keyword weighs ln(1 + experts / experts having it), so a rare
 * speciality counts more than a broad one); only candidates are checked for conflicts, by integer
 * lookups (organisation and person ids interned once per call). Applications
 * are then served hardest first (fewest eligible experts, ties by id), in rounds (each application
 * its first reviewer, then each its second …), each time the best-fitting eligible expert under the
 * cap (equal fits: the less loaded, then by id). An application left
 * short because its eligible experts are full takes one from another application that can replace
 * them with a free eligible expert. Deterministic: the same input gives the same answer.
 */
export function assign(applications: readonly Application[], experts: readonly Expert[], options: AssignOptions): AssignResult {
  const n = options.perApplication;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`perApplication must be a positive integer, got ${n}`);
  const minFit = options.minFit ?? 0;

  // Experts in id order, so every scan below breaks ties by id.
  const sorted = [...experts].sort((a, b) => byId(a.id, b.id));
  const pool = sorted.filter((x) => x.available !== false);
  const unavailable = sorted.length - pool.length;
  const E = pool.length;
  const roundCap = options.maxLoad ?? (E ? Math.ceil((applications.length * n) / E) + 1 : 0);
  const cap = Int32Array.from(pool, (x) => x.maxLoad ?? roundCap);

  // Inverted index: keyword → available experts having it (ascending index = ascending id).
  const index = new Map<string, number[]>();
  const expertKeys: Set<string>[] = pool.map((x, i) => {
    const keys = new Set(x.fields.map(normaliseField).filter(Boolean));
    for (const k of keys) {
      const list = index.get(k);
      if (list) list.push(i);
      else index.set(k, [i]);
    }
    return keys;
  });
  const weight = (k: string) => Math.log(1 + E / Math.max(1, index.get(k)?.length ?? 0));

  const check = compileConflicts(pool);
  const acc = new Float64Array(E);
  let candidatesChecked = 0;
  let conflicted = 0;
  const works: Work[] = applications.map((app) => {
    const keys = [...new Set(app.fields.map(normaliseField).filter(Boolean))];
    const total = keys.reduce((a, k) => a + weight(k), 0);
    const touched: number[] = [];
    for (const k of keys) {
      const list = index.get(k);
      if (!list) continue;
      const w = weight(k);
      for (const i of list) {
        if (acc[i] === 0) touched.push(i);
        acc[i] += w;
      }
    }
    const stamp = check.mark(app);
    const conflictCounts = CONFLICT_KINDS.map(() => 0);
    const eligible: number[] = [];
    let lowFit = 0;
    for (const i of touched) {
      if (acc[i] / total < minFit) { lowFit++; acc[i] = 0; continue; }
      candidatesChecked++;
      const mask = check.mask(i, stamp);
      if (mask) {
        conflicted++;
        acc[i] = 0;
        for (let j = 0; j < CONFLICT_KINDS.length; j++) if (mask & BIT[CONFLICT_KINDS[j]]) conflictCounts[j]++;
      } else eligible.push(i);
    }
    const { el, fit } = rankEligible(eligible, acc, total);
    for (const i of eligible) acc[i] = 0;
    return { app, el, fit, conflictCounts, noOverlap: E - touched.length + lowFit, chosen: [], next: 0 };
  });

  const load = new Int32Array(E);
  const assignedTo: Work[][] = pool.map(() => []);
  const hasRoom = (i: number) => load[i] < cap[i];
  const has = (w: Work, e: number) => w.chosen.some((c) => c.e === e);
  const order = [...works].sort((a, b) => a.el.length - b.el.length || byId(a.app.id, b.app.id));

  // Rounds: every application gets its first reviewer before any gets its second, so places
  // missing for want of experts spread over applications instead of leaving one with none.
  const pick = (w: Work): boolean => {
    const { el, fit } = w;
    let s = w.next;
    // Full experts stay full and chosen ones stay chosen: skip them for good.
    while (s < el.length && (!hasRoom(el[s]) || has(w, el[s]))) s++;
    w.next = s;
    if (s >= el.length) return false;
    // Among equal fits, the less loaded, then by id.
    let best = s;
    for (let t = s + 1; t < el.length && Math.abs(fit[t] - fit[s]) < EPS; t++) {
      if (load[el[t]] < load[el[best]] && hasRoom(el[t]) && !has(w, el[t])) best = t;
    }
    const e = el[best];
    w.chosen.push({ e, fit: fit[best] });
    load[e]++;
    assignedTo[e].push(w);
    return true;
  };
  for (let round = 0; round < n; round++) {
    let any = false;
    for (const w of order) if (w.chosen.length === round && pick(w)) any = true;
    if (!any) break;
  }

  // Fill shortfalls: take a full expert from an application that can replace them with a free one.
  let moves = 0;
  for (const w of order) {
    for (let k = 0; k < w.el.length && w.chosen.length < n; k++) {
      const e = w.el[k];
      if (hasRoom(e) || has(w, e)) continue;
      for (const other of assignedTo[e]) {
        const j = other.el.findIndex((x) => x !== e && hasRoom(x) && !has(other, x));
        if (j < 0) continue;
        const spare = other.el[j];
        other.chosen[other.chosen.findIndex((c) => c.e === e)] = { e: spare, fit: other.fit[j] };
        load[spare]++;
        assignedTo[spare].push(other);
        assignedTo[e][assignedTo[e].indexOf(other)] = w;
        w.chosen.push({ e, fit: w.fit[k] });
        moves++;
        break;
      }
    }
  }

  let assigned = 0;
  let fitSum = 0;
  let shortfalls = 0;
  let missing = 0;
  const assignments: Assignment[] = works.map((w) => {
    const appKeys = new Map(w.app.fields.map((f) => [normaliseField(f), f] as const));
    const reviewers = [...w.chosen]
      .sort((a, b) => b.fit - a.fit || a.e - b.e)
      .map((c) => {
        const mine = expertKeys[c.e];
        return { expertId: pool[c.e].id, fit: Math.round(c.fit * 10_000) / 10_000, shared: [...appKeys].filter(([k]) => mine.has(k)).map(([, f]) => f) };
      });
    assigned += reviewers.length;
    fitSum += w.chosen.reduce((a, c) => a + c.fit, 0);
    const out: Assignment = { applicationId: w.app.id, reviewers };
    if (reviewers.length < n) {
      shortfalls++;
      missing += n - reviewers.length;
      const atCapacity = [...w.el].filter((e) => !has(w, e) && !hasRoom(e)).length;
      const [sameOrganisation, coApplicant, declared, jointPublication, jointProject] = w.conflictCounts;
      out.shortfall = shortfallOf(n - reviewers.length, w.el.length, { sameOrganisation, coApplicant, declared, jointPublication, jointProject, noFieldOverlap: w.noOverlap, unavailable, atCapacity });
    }
    return out;
  });

  const loads = new Map<string, number>();
  pool.forEach((x, i) => { if (load[i]) loads.set(x.id, load[i]); });
  return {
    assignments,
    load: loads,
    stats: {
      applications: applications.length, experts: experts.length, availableExperts: E, maxLoad: roundCap,
      assigned, meanFit: assigned ? fitSum / assigned : 0, shortfalls, missing, candidatesChecked, conflicted, moves,
    },
  };
}

const ID_SPAN = 2 ** 20;
const FIT_SCALE = 2 ** 32;

/**
 * Eligible experts best fit first, ties by id (lower index). Fits are kept to 2⁻³² (equal below
 * that); with fewer than 2²⁰ experts, fit and index pack into one exact double, so the sort is the
 * typed array's own numeric sort rather than a comparator (several times faster on 500 × 1,000).
 */
function rankEligible(eligible: number[], acc: Float64Array, total: number): { el: Int32Array; fit: Float64Array } {
  const m = eligible.length;
  const q = (i: number) => Math.round((acc[i] / total) * FIT_SCALE);
  const el = new Int32Array(m);
  const fit = new Float64Array(m);
  if (acc.length <= ID_SPAN) {
    const keys = new Float64Array(m);
    for (let k = 0; k < m; k++) keys[k] = (FIT_SCALE - q(eligible[k])) * ID_SPAN + eligible[k];
    keys.sort();
    for (let k = 0; k < m; k++) {
      const hi = Math.floor(keys[k] / ID_SPAN);
      el[k] = keys[k] - hi * ID_SPAN;
      fit[k] = (FIT_SCALE - hi) / FIT_SCALE;
    }
  } else {
    const sorted = [...eligible].sort((x, y) => q(y) - q(x) || x - y);
    for (let k = 0; k < m; k++) { el[k] = sorted[k]; fit[k] = q(sorted[k]) / FIT_SCALE; }
  }
  return { el, fit };
}

/**
 * The conflict check of `collectConflicts` (conflicts.ts) compiled for speed: organisation and
 * person ids become integers, an application marks its organisations and people in two arrays,
 * and a candidate is checked by array lookups. Gives the same kinds as `conflictsOf` (the tests
 * compare the two on generated rounds); the words come from `conflictsOf`.
 */
function compileConflicts(pool: readonly Expert[]) {
  const orgs = new Map<string, number>();
  const people = new Map<string, number>();
  const intern = (m: Map<string, number>, s: string) => {
    let v = m.get(s);
    if (v === undefined) m.set(s, (v = m.size));
    return v;
  };
  const compiled = pool.map((x) => {
    const c = { org: intern(orgs, x.organisationId), self: intern(people, x.id), dOrgs: [] as number[], dPeople: [] as number[], cwOrgs: [] as number[], cwOrgBits: [] as number[], cwPeople: [] as number[], cwPeopleBits: [] as number[] };
    for (const o of x.declaredConflicts?.organisationIds ?? []) c.dOrgs.push(intern(orgs, o));
    for (const p of x.declaredConflicts?.personIds ?? []) c.dPeople.push(intern(people, p));
    for (const w of x.coworkers ?? []) {
      const bit = w.kind === 'publication' ? BIT.jointPublication : BIT.jointProject;
      if (w.personId !== undefined) { c.cwPeople.push(intern(people, w.personId)); c.cwPeopleBits.push(bit); }
      if (w.organisationId !== undefined) { c.cwOrgs.push(intern(orgs, w.organisationId)); c.cwOrgBits.push(bit); }
    }
    return c;
  });
  const orgMark = new Int32Array(orgs.size);
  const personMark = new Int32Array(people.size);
  let stamp = 0;
  let lead = -1;
  return {
    /** Marks an application's organisations and people; returns its stamp. */
    mark(app: Application): number {
      stamp++;
      lead = orgs.get(app.leadOrganisationId) ?? -1;
      if (lead >= 0) orgMark[lead] = stamp;
      for (const o of app.memberOrganisationIds) { const v = orgs.get(o); if (v !== undefined) orgMark[v] = stamp; }
      for (const p of app.peopleIds ?? []) { const v = people.get(p); if (v !== undefined) personMark[v] = stamp; }
      return stamp;
    },
    /** The conflict kinds (bits of BIT) between expert `i` and the application marked `st`. */
    mask(i: number, st: number): number {
      const c = compiled[i];
      let m = 0;
      if (c.org === lead) m |= BIT.sameOrganisation;
      else if (orgMark[c.org] === st) m |= BIT.coApplicant;
      if (personMark[c.self] === st) m |= BIT.coApplicant;
      for (const o of c.dOrgs) if (orgMark[o] === st) { m |= BIT.declared; break; }
      if (!(m & BIT.declared)) for (const p of c.dPeople) if (personMark[p] === st) { m |= BIT.declared; break; }
      for (let k = 0; k < c.cwPeople.length; k++) if (personMark[c.cwPeople[k]] === st) m |= c.cwPeopleBits[k];
      for (let k = 0; k < c.cwOrgs.length; k++) if (orgMark[c.cwOrgs[k]] === st) m |= c.cwOrgBits[k];
      return m;
    },
  };
}

const CAUSES: [keyof RuledOut, string, string][] = [
  ['sameOrganisation', '与申报单位同机构', 'same organisation as the lead applicant'],
  ['coApplicant', '属联合申报单位或申报团队', 'at a co-applicant organisation or in the team'],
  ['declared', '本人声明回避', 'declared a conflict'],
  ['jointPublication', '有合作论文', 'joint publication'],
  ['jointProject', '有合作项目', 'joint project'],
  ['noFieldOverlap', '领域不符', 'no field overlap'],
  ['unavailable', '本轮不可参评', 'unavailable this round'],
  ['atCapacity', '评审量已满', 'at their review cap'],
];

function shortfallOf(missing: number, eligible: number, ruledOut: RuledOut): Shortfall {
  const parts = CAUSES.filter(([k]) => ruledOut[k] > 0);
  const reason: Text = {
    zh: `缺 ${missing} 位评审专家：符合领域且无利益冲突的专家仅 ${eligible} 位${parts.length ? `；排除：${parts.map(([k, zh]) => `${zh} ${ruledOut[k]} 位`).join('、')}` : ''}`,
    en: `${missing} reviewer${missing === 1 ? '' : 's'} short: only ${eligible} expert${eligible === 1 ? '' : 's'} fit the fields without a conflict${parts.length ? `; ruled out: ${parts.map(([k, , en]) => `${en} ${ruledOut[k]}`).join(', ')}` : ''}`,
  };
  return { missing, eligible, ruledOut, reason };
}
