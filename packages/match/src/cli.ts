import { readFileSync } from 'node:fs';
import { rankDemands, rankSupplies } from './engine.js';
import type { Demand, Supply, Tokenize } from './types.js';

/**
 * `npm run biomfg -- match --demands FILE --supplies FILE [--limit N] [--reverse]`: the engine
 * offline, JSON in (arrays of demands and supplies, the shapes in types.ts) and JSON out, so that
 * it can be evaluated against judgements or another ranker. --reverse ranks demands per supply.
 */
export const MATCH_USAGE = '  match --demands FILE --supplies FILE [--limit N] [--reverse]\n                   需求与成果/中试能力匹配，JSON 输入输出 Rank supplies per demand (or demands per supply), JSON in and out';

export interface CliIo { write(text: string): void; error(text: string): void }

export function runMatchCli(args: string[], tokenize: Tokenize, io: CliIo): number {
  const opt = (name: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
  const demandsFile = opt('demands'), suppliesFile = opt('supplies');
  const limit = opt('limit') === undefined ? 10 : Number(opt('limit'));
  if (!demandsFile || !suppliesFile || !(Number.isInteger(limit) && limit > 0)) {
    io.error(`用法 Usage: npm run biomfg --\n${MATCH_USAGE}\n`);
    return 2;
  }
  let demands: Demand[], supplies: Supply[];
  try {
    demands = JSON.parse(readFileSync(demandsFile, 'utf8'));
    supplies = JSON.parse(readFileSync(suppliesFile, 'utf8'));
    if (!Array.isArray(demands) || !Array.isArray(supplies)) throw new Error('each file holds a JSON array');
  } catch (e) {
    io.error(`无法读取输入 Cannot read the input: ${(e as Error).message}\n`);
    return 2;
  }
  const out = args.includes('--reverse')
    ? supplies.map((s) => ({ supplyId: s.id, ...rankDemands(s, demands, { tokenize, limit }) }))
    : demands.map((d) => ({ demandId: d.id, ...rankSupplies(d, supplies, { tokenize, limit }) }));
  io.write(JSON.stringify(out, null, 2) + '\n');
  return 0;
}
