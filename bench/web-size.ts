/**
 * How much JavaScript the web app's first load fetches, gzipped, and how much there is in
 * all. Reads the Vite manifest of a built app (apps/web/dist/.vite/manifest.json): the
 * first load is the entry chunk and everything it imports statically, followed through
 * `imports` recursively (never `dynamicImports`: those are the lazy pages and ECharts).
 *
 *   npm run build -w apps/web && node --import tsx bench/web-size.ts [distDir]
 *
 * Prints a table and exits non-zero when the first load exceeds the budget.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const FIRST_LOAD_BUDGET_BYTES = 300 * 1024;

interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export interface ChunkSize {
  file: string;
  name: string;
  rawBytes: number;
  gzipBytes: number;
  firstLoad: boolean;
}

export interface WebSize {
  firstLoadGzipBytes: number;
  totalGzipBytes: number;
  firstLoadRawBytes: number;
  totalRawBytes: number;
  budgetBytes: number;
  chunks: ChunkSize[];
}

function readManifest(distDir: string): Record<string, ManifestChunk> {
  for (const path of [join(distDir, '.vite', 'manifest.json'), join(distDir, 'manifest.json')]) {
    if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>;
  }
  throw new Error(`No Vite manifest in ${distDir} (build the web app first: npm run build -w apps/web)`);
}

function listJs(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) return e.name === '.vite' ? [] : listJs(dir, rel);
    return /\.m?js$/.test(e.name) ? [rel] : [];
  });
}

const gzipSize = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

/** Sizes of a built web app: first-load JS (entry + static imports) and all JS, gzipped at level 9. */
export function measureWebSize(distDir: string): WebSize {
  const manifest = readManifest(distDir);
  const entries = Object.entries(manifest).filter(([, c]) => c.isEntry);
  if (entries.length === 0) throw new Error('The manifest names no entry chunk');

  const firstLoad = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || firstLoad.has(chunk.file)) return;
    firstLoad.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key] of entries) visit(key);

  const names = new Map(Object.values(manifest).map((c) => [c.file, c.name ?? c.src ?? c.file]));
  const chunks = listJs(distDir).map((file): ChunkSize => {
    const bytes = readFileSync(join(distDir, file));
    return { file, name: names.get(file) ?? file, rawBytes: bytes.length, gzipBytes: gzipSize(bytes), firstLoad: firstLoad.has(file) };
  }).sort((a, b) => Number(b.firstLoad) - Number(a.firstLoad) || b.gzipBytes - a.gzipBytes);

  const sum = (list: ChunkSize[], k: 'rawBytes' | 'gzipBytes') => list.reduce((n, c) => n + c[k], 0);
  const first = chunks.filter((c) => c.firstLoad);
  return {
    firstLoadGzipBytes: sum(first, 'gzipBytes'),
    totalGzipBytes: sum(chunks, 'gzipBytes'),
    firstLoadRawBytes: sum(first, 'rawBytes'),
    totalRawBytes: sum(chunks, 'rawBytes'),
    budgetBytes: FIRST_LOAD_BUDGET_BYTES,
    chunks,
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function formatWebSize(size: WebSize, topLazy = 12): string {
  const rows: string[][] = [['chunk', 'load', 'raw', 'gzip']];
  const lazy = size.chunks.filter((c) => !c.firstLoad);
  for (const c of size.chunks.filter((x) => x.firstLoad)) rows.push([c.file, 'first', kb(c.rawBytes), kb(c.gzipBytes)]);
  for (const c of lazy.slice(0, topLazy)) rows.push([c.file, 'lazy', kb(c.rawBytes), kb(c.gzipBytes)]);
  if (lazy.length > topLazy) {
    const rest = lazy.slice(topLazy);
    rows.push([`… ${rest.length} more lazy chunks`, 'lazy', kb(rest.reduce((n, c) => n + c.rawBytes, 0)), kb(rest.reduce((n, c) => n + c.gzipBytes, 0))]);
  }
  rows.push(['first-load JS', '', kb(size.firstLoadRawBytes), kb(size.firstLoadGzipBytes)]);
  rows.push(['all JS', '', kb(size.totalRawBytes), kb(size.totalGzipBytes)]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((cell, i) => (i >= 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const body = rows.map(line);
  return [body[0], rule, ...body.slice(1, -2), rule, ...body.slice(-2)].join('\n');
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const distDir = resolve(process.argv[2] ?? fileURLToPath(new URL('../apps/web/dist', import.meta.url)));
  const size = measureWebSize(distDir);
  console.log(`web size · ${distDir}\n`);
  console.log(formatWebSize(size));
  const ok = size.firstLoadGzipBytes <= size.budgetBytes;
  console.log(`\nfirst load ${kb(size.firstLoadGzipBytes)} gzipped · budget ${kb(size.budgetBytes)} · ${ok ? 'within budget' : 'OVER BUDGET'}`);
  if (!ok) process.exitCode = 1;
}
