import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseFasta, type FastaRecord } from './fasta.js';
import { SeqIndex, MIN_K, MAX_K } from './seq-index.js';
import { search } from './search.js';
import { callFor, type Marker } from './call.js';

/**
 * `npm run biomfg -- seq identify|index …`: the engine offline on FASTA files, JSON out, so that
 * it can be compared with BLAST (the hit fields carry BLAST's tabular names).
 */
export const SEQ_USAGE = `  seq identify --db REF.fasta[.gz]|INDEX --query Q.fasta[.gz] [--top N] [--k K] [--marker 16S|ITS|other]
                   序列鉴定，输出 JSON Identify sequences against references, JSON out
  seq index --db REF.fasta[.gz] --out FILE [--k K]
                   构建并保存序列索引 Build and save the index (usable as --db)`;

export interface CliIo { write(text: string): void; error(text: string): void }

export function runSeqCli(args: string[], io: CliIo): number {
  const [command] = args;
  const opt = (name: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
  const top = Number(opt('top') ?? 10), k = opt('k') === undefined ? undefined : Number(opt('k'));
  const marker = (opt('marker') ?? '16S') as Marker;
  const db = opt('db'), query = opt('query'), out = opt('out');
  const usable = (command === 'identify' && db && query) || (command === 'index' && db && out);
  if (!usable || !(Number.isInteger(top) && top > 0) || (k !== undefined && !(Number.isInteger(k) && k >= MIN_K && k <= MAX_K)) || !['16S', 'ITS', 'other'].includes(marker)) {
    io.error(`用法 Usage: npm run biomfg --\n${SEQ_USAGE}\n`);
    return 2;
  }
  let bytes: Buffer;
  try { bytes = readFileSync(db); } catch (e) { io.error(`无法读取 Cannot read ${db}: ${(e as Error).message}\n`); return 2; }

  const t = performance.now();
  let index: SeqIndex;
  let names = new Map<string, { genus: string | null; species: string | null }>();
  if (isIndex(bytes)) {
    try { index = SeqIndex.fromBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)); } catch (e) { io.error(`${db}: ${(e as Error).message}\n`); return 1; }
  } else {
    const refs = readRecords(db, bytes, io);
    if (!refs) return 1;
    index = new SeqIndex({ k });
    for (const r of refs) index.add(r.id, r.sequence);
    names = new Map(refs.map((r) => [r.id, namesOf(r)]));
    index.compact();
  }
  const buildMs = Math.round(performance.now() - t);

  if (command === 'index') {
    writeFileSync(out!, index.toBytes());
    io.write(JSON.stringify({ index: { references: index.size, k: index.k, buildMs, memoryBytes: index.memoryBytes(), file: out } }, null, 2) + '\n');
    return 0;
  }
  let qBytes: Buffer;
  try { qBytes = readFileSync(query!); } catch (e) { io.error(`无法读取 Cannot read ${query}: ${(e as Error).message}\n`); return 2; }
  const queries = readRecords(query!, qBytes, io);
  if (!queries) return 1;
  const result = {
    queries: queries.map((q) => ({
      id: q.id,
      hits: search(index, q.sequence, { top, groupOf: (key) => names.get(key)?.species ?? undefined }).map((h) => ({
        id: h.key, identity: h.identity, alignedLength: h.alignedLength, queryCoverage: h.queryCoverage,
        mismatches: h.mismatches, gaps: h.gaps, gapOpens: h.gapOpens,
        qstart: h.queryStart, qend: h.queryEnd, sstart: h.subjectStart, send: h.subjectEnd, score: h.score,
        call: callFor(h, marker, names.get(h.key)),
      })),
    })),
    index: { references: index.size, buildMs, memoryBytes: index.memoryBytes() },
  };
  io.write(JSON.stringify(result, null, 2) + '\n');
  return 0;
}

const isIndex = (b: Buffer) => b.length >= 4 && b.readUInt32LE(0) === 0x58495153;

/** A FASTA file, gzipped or not; its problems go to stderr and make it unreadable. */
function readRecords(file: string, bytes: Buffer, io: CliIo): FastaRecord[] | null {
  let text: string;
  try { text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8'); } catch (e) { io.error(`${file}: 无法解压 cannot gunzip: ${(e as Error).message}\n`); return null; }
  const { records, problems } = parseFasta(text);
  for (const p of problems) io.error(`${file}: ${p.zh} · ${p.en}\n`);
  if (!problems.length && !records.length) io.error(`${file}: 没有序列记录 · no FASTA records\n`);
  return problems.length || !records.length ? null : records;
}

/**
 * Names for the call, from the header: a SINTAX label (`tax=…,g:Bacillus,s:Bacillus_subtilis`)
 * or an NCBI-style description that starts with the binomial ("Bacillus subtilis strain 168 …").
 */
export function namesOf(r: { id: string; description: string }): { genus: string | null; species: string | null } {
  const header = `${r.id} ${r.description}`;
  const tax = /tax=([^;\s]*)/.exec(header)?.[1];
  if (tax) {
    const rank = (x: string) => new RegExp(`(?:^|,)${x}:([^,;]+)`).exec(tax)?.[1]?.replace(/_/g, ' ') ?? null;
    return { genus: rank('g'), species: rank('s') };
  }
  const m = /^([A-Z][a-z]+)(?: ([a-z][a-z-]+))?/.exec(r.description);
  if (!m) return { genus: null, species: null };
  return { genus: m[1], species: m[2] && m[2] !== 'sp' ? `${m[1]} ${m[2]}` : null };
}
