import { createHash } from 'node:crypto';

/**
 * The action plan as data: the shapes of the files in data/plan/ and the rules they must
 * keep. Pure: no I/O, so the same rules check the files in tests and before a seed.
 */

export interface Target {
  code: string;
  statementZh: string;
  statementEn: string;
  indicatorZh: string;
  indicatorEn: string;
  quantified: boolean;
  comparator: 'gt' | 'gte' | 'eq' | 'lt' | 'lte' | null;
  value: number | null;
  unit: string | null;
  unitEn?: string | null;
  year: number;
  sourceSentence: string;
  thresholdValue?: number;
  thresholdUnit?: string;
  thresholdComparator?: string;
}

export interface Action {
  no: number;
  code: string;
  titleZh: string;
  titleEn: string;
  introZh: string;
  domains: string[];
  taskNos: number[];
  targets: Target[];
}

export interface Place {
  name: string;
  kind?: string;
  districtCode?: string;
}

export interface Task {
  no: number;
  actionNo: number;
  titleZh: string;
  titleEn: string;
  textZh: string;
  domains: string[];
  places: Place[];
  bodies: string[];
  products: string[];
  fields: string[];
}

export interface Body {
  code: string;
  nameZh: string;
  nameEn: string;
  type: string;
  districtCode?: string;
  aliasesZh?: string[];
  taskNos: number[];
  mentionedIn?: string[];
}

export interface District {
  code: string;
  nameZh: string;
  shortZh: string;
  nameEn: string;
  type: '区' | '县' | '自治县';
}

export interface PlanDocument {
  code: string;
  titleZh: string;
  titleEn: string;
  publisherZh: string;
  publisherEn: string;
  status: string;
  statusZh: string;
  horizon: { from: number; to: number };
  publishedOn: string;
  consultation: { opensOn: string; closesOn: string; days: number; channelZh: string; email: string; contactName: string; phone: string; sourceSentence: string };
  preambleZh: string;
  generalRequirementZh: string;
  domains: Array<{ code: string; nameZh: string; nameEn: string }>;
  buildGoals: Array<{ code: string; nameZh: string; nameEn: string }>;
  safeguards: Array<{ no: number; titleZh: string; titleEn: string; text: string }>;
}

export interface PlanFiles {
  plan: PlanDocument;
  actions: Action[];
  tasks: Task[];
  bodies: Body[];
  districts: District[];
  source: string;
}

/** The shape the plan's text promises: 8 actions, 26 tasks numbered in order, 3 safeguards. */
export const EXPECTED = { actions: 8, tasks: 26, safeguards: 3, domains: 4, buildGoals: 4, districts: 38 };

/** Checksum of what makes a plan version; districts are reference data, not part of a version. */
export function planChecksum(f: PlanFiles): string {
  const h = createHash('sha256');
  for (const part of [f.plan, f.actions, f.tasks, f.bodies]) h.update(JSON.stringify(part)).update('\n');
  return h.update(f.source).digest('hex');
}

/** Everything wrong with a set of plan files, in words; empty when the files can be seeded. */
export function planProblems(f: PlanFiles): string[] {
  const out: string[] = [];
  const verbatim = (what: string, s: string | undefined, within = f.source) => {
    if (!s || !within.includes(s)) out.push(`${what} is not verbatim in the text: ${JSON.stringify(s?.slice(0, 40))}`);
  };
  if (f.actions.length !== EXPECTED.actions) out.push(`expected ${EXPECTED.actions} actions, found ${f.actions.length}`);
  if (f.tasks.length !== EXPECTED.tasks) out.push(`expected ${EXPECTED.tasks} tasks, found ${f.tasks.length}`);
  if (f.plan.safeguards.length !== EXPECTED.safeguards) out.push(`expected ${EXPECTED.safeguards} safeguards, found ${f.plan.safeguards.length}`);
  if (f.plan.domains.length !== EXPECTED.domains) out.push(`expected ${EXPECTED.domains} domains`);
  if (f.districts.length !== EXPECTED.districts) out.push(`expected ${EXPECTED.districts} districts, found ${f.districts.length}`);
  f.tasks.forEach((t, i) => { if (t.no !== i + 1) out.push(`task ${i + 1} is numbered ${t.no}`); });
  verbatim('plan title', f.plan.titleZh);
  verbatim('consultation sentence', f.plan.consultation.sourceSentence);
  for (const s of f.plan.safeguards) verbatim(`safeguard ${s.no}`, s.text);

  const codes = new Set<string>();
  const bodyCodes = new Set(f.bodies.map((b) => b.code));
  const districtCodes = new Set(f.districts.map((d) => d.code));
  for (const a of f.actions) {
    verbatim(`action ${a.no} title`, a.titleZh);
    verbatim(`action ${a.no} intro`, a.introZh);
    for (const t of a.taskNos) if (f.tasks.find((x) => x.no === t)?.actionNo !== a.no) out.push(`task ${t} does not belong to action ${a.no}`);
    for (const t of a.targets) {
      if (codes.has(t.code)) out.push(`target code ${t.code} is used twice`);
      codes.add(t.code);
      verbatim(`target ${t.code} source sentence`, t.sourceSentence);
      if (t.quantified !== (t.value !== null)) out.push(`target ${t.code}: quantified targets have a value, others none`);
      if (t.quantified && (!t.comparator || !t.unit)) out.push(`target ${t.code}: a quantified target needs a comparator and a unit`);
    }
  }
  for (const t of f.tasks) {
    verbatim(`task ${t.no} title`, t.titleZh);
    verbatim(`task ${t.no} text`, t.textZh);
    if (!f.actions.some((a) => a.no === t.actionNo)) out.push(`task ${t.no} names unknown action ${t.actionNo}`);
    for (const b of t.bodies) if (!bodyCodes.has(b)) out.push(`task ${t.no} names unknown body ${b}`);
    for (const p of t.places) {
      verbatim(`task ${t.no} place`, p.name, t.textZh);
      if (p.districtCode && !districtCodes.has(p.districtCode)) out.push(`task ${t.no} place ${p.name} has unknown district ${p.districtCode}`);
    }
    for (const p of t.products) verbatim(`task ${t.no} product`, p, t.textZh);
    for (const x of t.fields) verbatim(`task ${t.no} field`, x, t.textZh);
  }
  for (const b of f.bodies) {
    verbatim(`body ${b.code}`, b.nameZh);
    if (b.districtCode && !districtCodes.has(b.districtCode)) out.push(`body ${b.code} has unknown district ${b.districtCode}`);
  }
  return out;
}

export interface TargetComparison { comparator: string | null; value: number | null }

/** Whether a measured value meets a target: 1000 亿 with 'gt' needs more than 1000. */
export function meets(target: TargetComparison, measured: number): boolean | null {
  if (target.value === null || !target.comparator) return null;
  switch (target.comparator) {
    case 'gt': return measured > target.value;
    case 'gte': return measured >= target.value;
    case 'eq': return measured === target.value;
    case 'lt': return measured < target.value;
    case 'lte': return measured <= target.value;
    default: return null;
  }
}

export const COMPARATOR_TEXT: Record<string, { zh: string; en: string }> = {
  gt: { zh: '超过', en: 'more than' },
  gte: { zh: '不少于', en: 'at least' },
  eq: { zh: '等于', en: 'exactly' },
  lt: { zh: '少于', en: 'less than' },
  lte: { zh: '不超过', en: 'at most' },
};
