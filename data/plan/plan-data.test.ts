import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPlanFiles, PLAN_DIR } from '../../apps/server/src/modules/plan/files.js';
import { EXPECTED, planProblems } from '../../apps/server/src/modules/plan/model.js';

const files = readPlanFiles();
const targets = files.actions.flatMap((a) => a.targets);
// The project's shared/ folder sits beside the repository on every machine (CI included).
const SEED = new URL('../../../shared/seed/action-plan-2024-2027.zh.txt', import.meta.url);

describe('the action plan as data', () => {
  it.skipIf(!existsSync(SEED))('keeps the seed\'s full text verbatim', () => {
    expect(files.source).toBe(readFileSync(SEED, 'utf8'));
  });

  it('has 8 actions, 26 tasks numbered 1–26, 3 safeguards, 4 domains, 4 things to build, 38 districts', () => {
    expect(files.actions).toHaveLength(EXPECTED.actions);
    expect(files.tasks.map((t) => t.no)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(files.plan.safeguards).toHaveLength(3);
    expect(files.plan.domains.map((d) => d.code)).toEqual(['biochem', 'biopharma', 'bioagrifood', 'bioenergy']);
    expect(files.plan.buildGoals).toHaveLength(4);
    expect(files.districts).toHaveLength(38);
  });

  it('breaks no rule of its own: every sentence, title, text, place, product and field is verbatim', () => {
    expect(planProblems(files)).toEqual([]);
  });

  it('quotes, for every target, a sentence that occurs verbatim in the source text', () => {
    for (const t of targets) expect(files.source, t.code).toContain(t.sourceSentence);
  });

  it('assigns tasks to actions as the outline does', () => {
    const outline = readFileSync(PLAN_DIR + 'outline.md', 'utf8');
    const rows = outline.split('\n').filter((l) => /^\| [一二三四五六七八] /.test(l));
    expect(rows).toHaveLength(8);
    rows.forEach((row, i) => {
      const taskCell = row.split('|')[3];
      const nos = [...taskCell.matchAll(/(?:^|·)\s*(\d+)\s/g)].map((m) => Number(m[1]));
      expect(files.actions[i].taskNos).toEqual(nos);
      expect(files.tasks.filter((t) => t.actionNo === i + 1).map((t) => t.no)).toEqual(nos);
    });
  });

  it('carries every number of the outline as a structured target', () => {
    const outline = readFileSync(PLAN_DIR + 'outline.md', 'utf8');
    const bold = [...outline.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]);
    // ≥ 3, > 1000 亿元, 5, > 100 亿元, ≥ 10, > 50 亿元, 50, 5, 1
    expect(bold).toHaveLength(9);
    const values = new Set(targets.flatMap((t) => [t.value, t.thresholdValue]).filter((v) => v != null));
    for (const b of bold) expect(values, b).toContain(Number(b.replace(/[^\d]/g, '')));
    const q = Object.fromEntries(targets.filter((t) => t.quantified).map((t) => [t.code, t]));
    expect(q.innovationPlatforms).toMatchObject({ comparator: 'gte', value: 3, year: 2027 });
    expect(q.industryScale).toMatchObject({ comparator: 'gt', value: 1000, unit: '亿元' });
    expect(q.leadingEnterprises100).toMatchObject({ value: 5, thresholdValue: 100, thresholdComparator: 'gt' });
    expect(q.largeEnterprises50).toMatchObject({ comparator: 'gte', value: 10, thresholdValue: 50 });
    expect(q.srdiEnterprises).toMatchObject({ value: 50 });
    expect(q.nationalTalents).toMatchObject({ value: 5, unit: '名' });
    expect(q.academicians).toMatchObject({ value: 1 });
    expect(Object.keys(q)).toHaveLength(7);
  });

  it('records the consultation window: 7 days from 26 July 2024', () => {
    expect(files.plan.consultation).toMatchObject({ opensOn: '2024-07-26', closesOn: '2024-08-01', days: 7 });
    expect(files.plan.statusZh).toBe('征求意见稿');
  });

  it('codes the 38 districts by GB/T 2260: 26 区, 8 县, 4 自治县', () => {
    const byType = (t: string) => files.districts.filter((d) => d.type === t).length;
    expect([byType('区'), byType('县'), byType('自治县')]).toEqual([26, 8, 4]);
    expect(new Set(files.districts.map((d) => d.code)).size).toBe(38);
    expect(files.districts.find((d) => d.code === '500120')?.nameZh).toBe('璧山区');
  });

  it('links every named body to exactly the tasks whose text names it', () => {
    for (const b of files.bodies)
      for (const no of b.taskNos) expect(files.tasks[no - 1].bodies, `${b.code} in task ${no}`).toContain(b.code);
    for (const t of files.tasks) for (const code of t.bodies) expect(files.bodies.find((b) => b.code === code)!.taskNos).toContain(t.no);
    expect(files.tasks[21].bodies.map((c) => files.bodies.find((b) => b.code === c)!.nameZh)).toContain('重庆市生物菌种资源库');
  });
});
