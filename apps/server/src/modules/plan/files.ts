import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PlanFiles } from './model.js';

/** data/plan at the repository root, reached the same way from src/ and from dist/. */
export const PLAN_DIR = fileURLToPath(new URL('../../../../../data/plan/', import.meta.url));

export function readPlanFiles(dir = PLAN_DIR): PlanFiles {
  const json = (name: string) => JSON.parse(readFileSync(dir + name, 'utf8'));
  return {
    plan: json('plan.json'),
    actions: json('actions.json'),
    tasks: json('tasks.json'),
    bodies: json('bodies.json'),
    districts: json('districts.json'),
    source: readFileSync(dir + 'source.zh.txt', 'utf8'),
  };
}
