/**
 * Reviewer assignment (issue #6, engine only): 500 applications from 5,000 experts, N reviewers
 * each, with conflict checks (same organisation, co-applicant organisation or team member,
 * declared conflicts, joint publications and projects). Data generated from a fixed seed:
 * biomanufacturing field keywords in nine clusters (the four fields — DNA/RNA 底层技术,
 * 超高通量筛选, 蛋白质与细胞设计, 新材料合成 — and 发酵工程, 酶工程, 生物医药, agriculture and food,
 * energy and environment), 400 organisations (universities and institutes holding most experts,
 * enterprises), consortia of 1–5 organisations, declared conflicts and co-publication and
 * project records that point at applicants. Times `assign` only (data built outside the timing).
 *
 *   node --conditions=source --import tsx bench/assign.ts
 */
import { assign, type Application, type Expert } from '../packages/assign/src/index.js';
import { rng } from './random.js';

const CLUSTERS: string[][] = [
  ['DNA/RNA 底层技术', 'DNA合成', '基因编辑', 'mRNA', '核酸药物', '高通量测序', '基因组学', '生物信息学'],
  ['超高通量筛选', '微流控', '液滴筛选', '自动化实验平台', '生物传感器', '定向进化', '人工智能辅助设计'],
  ['蛋白质与细胞设计', '蛋白质工程', '细胞工厂', '底盘细胞', '代谢工程', '合成生物学', '人工智能辅助设计'],
  ['新材料合成', '生物基材料', '聚乳酸', 'PHA', '可降解塑料', '生物基尼龙', '医用材料', '合成生物学'],
  ['发酵工程', '菌种选育', '中试放大', '生物反应器', '过程控制', '分离纯化', '氨基酸', '代谢工程'],
  ['酶工程', '酶催化', '固定化酶', '生物催化', '定向进化', '蛋白质工程', '手性化学品'],
  ['生物医药', '抗体药物', '疫苗', '细胞培养', '细胞治疗', '重组蛋白', '核酸药物', 'GMP'],
  ['生物农业', '生物农药', '生物肥料', '食品发酵', '功能食品', '替代蛋白', '兽用疫苗', '发酵工程'],
  ['生物能源', '纤维素乙醇', '生物柴油', '沼气', '环境生物技术', '废水处理', '微生物组'],
];
/** How many experts and applications lean to each cluster (medicine and fermentation are the big ones). */
const CLUSTER_WEIGHT = [8, 6, 10, 8, 14, 8, 20, 14, 12];

export function generateRound(applications: number, experts: number, seed = 6) {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const weighted = (ws: number[]) => { let x = r() * ws.reduce((a, b) => a + b, 0); for (let i = 0; i < ws.length; i++) if ((x -= ws[i]) < 0) return i; return ws.length - 1; };
  const keywords = (k: number) => {
    const main = CLUSTERS[weighted(CLUSTER_WEIGHT)];
    const out = new Set<string>(r() < 0.6 ? [main[0]] : []);
    while (out.size < k) out.add(r() < 0.8 ? pick(main) : pick(pick(CLUSTERS)));
    return [...out];
  };
  const orgScale = experts / 5000;
  const institutes = Array.from({ length: Math.round(40 * orgScale) }, (_, i) => `ORG-U${String(i).padStart(3, '0')}`);
  const enterprises = Array.from({ length: Math.round(360 * orgScale) }, (_, i) => `ORG-C${String(i).padStart(3, '0')}`);
  const people = Array.from({ length: applications * 10 }, (_, i) => `P${String(i).padStart(6, '0')}`);
  // Zipf-like: a few universities hold many experts.
  const instituteOf = () => institutes[Math.floor(institutes.length * r() ** 2)];
  const anyOrg = () => (r() < 0.3 ? instituteOf() : pick(enterprises));

  const ex: Expert[] = Array.from({ length: experts }, (_, i) => {
    const e: Expert = { id: `EXP${String(i).padStart(5, '0')}`, organisationId: r() < 0.65 ? instituteOf() : pick(enterprises), fields: keywords(int(3, 6)) };
    if (r() < 0.08) e.available = false;
    if (r() < 0.1) e.maxLoad = int(1, 3);
    if (r() < 0.15) e.declaredConflicts = { organisationIds: Array.from({ length: int(0, 2) }, anyOrg), personIds: Array.from({ length: int(0, 3) }, () => pick(people)) };
    if (r() < 0.4) {
      e.coworkers = Array.from({ length: int(1, 5) }, (_, k) => {
        const kind = r() < 0.7 ? 'publication' as const : 'project' as const;
        const ref = kind === 'publication' ? `10.1016/j.biotech.${2019 + (k % 6)}.${int(1000, 9999)}` : `cstc${2020 + (k % 5)}jscx-${int(100, 999)}`;
        return r() < 0.8 ? { personId: pick(people), kind, ref } : { organisationId: anyOrg(), kind, ref };
      });
    }
    return e;
  });
  const byOrg = new Map<string, string[]>();
  for (const e of ex) byOrg.set(e.organisationId, [...(byOrg.get(e.organisationId) ?? []), e.id]);
  const ap: Application[] = Array.from({ length: applications }, (_, i) => {
    const lead = anyOrg();
    const members = [...new Set(Array.from({ length: int(0, 4) }, anyOrg))].filter((o) => o !== lead);
    const team = Array.from({ length: int(3, 8) }, () => pick(people));
    // Some teams include experts of their own organisations.
    if (r() < 0.2) { const own = byOrg.get(lead); if (own) team.push(pick(own)); }
    return { id: `APP${String(i).padStart(4, '0')}`, fields: keywords(int(2, 5)), leadOrganisationId: lead, memberOrganisationIds: members, peopleIds: team };
  });
  return { applications: ap, experts: ex };
}

export interface AssignRow {
  what: string; applications: number; experts: number; perApplication: number; runs: number;
  medianMs: number; p95Ms: number; maxMs: number;
  assigned: number; wanted: number; meanFit: number; shortfalls: number; missing: number; candidatesChecked: number; conflicted: number; moves: number; maxLoad: number; expertsUsed: number;
}

function measure(what: string, applications: number, experts: number, perApplication: number, runs: number, maxLoad?: number): AssignRow {
  const round = generateRound(applications, experts);
  for (let i = 0; i < 2; i++) assign(round.applications, round.experts, { perApplication, maxLoad }); // warm-up
  const times: number[] = [];
  let result = assign(round.applications, round.experts, { perApplication, maxLoad });
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = assign(round.applications, round.experts, { perApplication, maxLoad });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)];
  const s = result.stats;
  return {
    what, applications, experts, perApplication, runs, medianMs: q(0.5), p95Ms: q(0.95), maxMs: times[times.length - 1],
    assigned: s.assigned, wanted: applications * perApplication, meanFit: s.meanFit, shortfalls: s.shortfalls, missing: s.missing,
    candidatesChecked: s.candidatesChecked, conflicted: s.conflicted, moves: s.moves, maxLoad: s.maxLoad, expertsUsed: result.load.size,
  };
}

export function measureAssign(): AssignRow[] {
  return [
    measure('the issue\'s round', 500, 5000, 5, 21),
    measure('7 reviewers each', 500, 5000, 7, 21),
    measure('tight: 9 each, round cap 1 (own caps of 1–3 kept)', 500, 5000, 9, 21, 1),
    measure('4× larger', 2000, 20_000, 5, 7),
  ];
}

export function formatAssign(rows: AssignRow[]) {
  const n = (x: number) => x.toLocaleString('en-US');
  return [
    '| round | applications × experts, N | runs | median ms | p95 ms | max ms | places filled | mean field fit | applications short (places) | pairs checked for conflicts (conflicted) | moves | cap (experts used) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.what} | ${n(r.applications)} × ${n(r.experts)}, ${r.perApplication} | ${r.runs} | ${r.medianMs.toFixed(1)} | ${r.p95Ms.toFixed(1)} | ${r.maxMs.toFixed(1)} | ${n(r.assigned)} / ${n(r.wanted)} | ${r.meanFit.toFixed(3)} | ${r.shortfalls} (${r.missing}) | ${n(r.candidatesChecked)} (${n(r.conflicted)}) | ${r.moves} | ${r.maxLoad} (${n(r.expertsUsed)}) |`),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(formatAssign(measureAssign()));
