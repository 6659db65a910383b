import { readFileSync } from 'node:fs';
import { validateDocument } from './validate.js';

/** `npm run biomfg -- epcis validate FILE…`: the engine offline, on files. */
export const EPCIS_USAGE = `  epcis validate FILE [FILE…]
                   按 EPCIS 2.0 标准校验文档 Validate EPCIS 2.0 documents (JSON / JSON-LD) offline`;

export interface CliIo { write(text: string): void; error(text: string): void }

/** Exit 0 when every file validates, 1 when one does not (or cannot be read), 2 on bad usage. */
export function runEpcisCli(args: string[], io: CliIo): number {
  const [command, ...files] = args;
  if (command !== 'validate' || files.length === 0) {
    io.error(`用法 Usage: npm run biomfg --\n${EPCIS_USAGE}\n`);
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    let text: string;
    try { text = readFileSync(file, 'utf8'); } catch (e) {
      io.error(`${file}: 无法读取（cannot read）: ${(e as Error).message}\n`);
      failed++;
      continue;
    }
    const r = validateDocument(text);
    if (r.ok) {
      io.write(`${file}: 通过 OK — ${r.kind}, ${r.events.length} 个事件 events\n`);
      continue;
    }
    failed++;
    const p = r.problem;
    io.write(`${file}: 未通过 INVALID — ${p.type} (${p.status})\n  ${p.title}\n  ${p.detail ?? ''}\n`);
    for (const e of p.errors ?? []) io.write(`  ${e.path || '/'}: ${e.message}\n`);
  }
  return failed ? 1 : 0;
}
