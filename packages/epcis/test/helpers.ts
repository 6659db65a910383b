import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const STANDARD = new URL('../standard/', import.meta.url).pathname;

/** Every file under a folder of the shipped standard, as [relative path, text]. */
export function filesUnder(folder: string): [string, string][] {
  const root = join(STANDARD, folder);
  const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
  return walk(root).sort().map((f) => [relative(root, f), readFileSync(f, 'utf8')]);
}

export function example(path: string): Record<string, any> {
  return JSON.parse(readFileSync(join(STANDARD, 'examples', path), 'utf8'));
}

/** The GS1 check digit (mod 10, weights 3 and 1 from the right) of a digit string. */
export function checkDigit(digits: string): string {
  let sum = 0;
  for (let i = digits.length - 1, w = 3; i >= 0; i--, w = 4 - w) sum += Number(digits[i]) * w;
  return String((10 - (sum % 10)) % 10);
}
