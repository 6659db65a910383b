import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Jieba } from '@node-rs/jieba';

/**
 * Chinese search tokens: jieba in search mode (without HMM, so that an unknown name splits the
 * same way in a record and in a query), with the plan's own terms (products, chain
 * nodes, programmes) in the dictionary so that 1,3-丙二醇 yields 丙二醇. The dictionary takes
 * ~0.2 s to load, so it loads on first use, never at start-up.
 */
const PLAN_DICTIONARY = fileURLToPath(new URL('../../../../../data/industry/dictionary.txt', import.meta.url));
const SYNONYMS = fileURLToPath(new URL('../../../../../data/industry/synonyms.txt', import.meta.url));

let canonical: Map<string, string> | null = null;
/** Another way of writing a term → the term (data/industry/synonyms.txt). */
function canonicalOf(): Map<string, string> {
  if (!canonical) {
    canonical = new Map();
    for (const line of readFileSync(SYNONYMS, 'utf8').split('\n')) {
      const [head, ...others] = line.trim().split(/\s+/);
      if (!head || head.startsWith('#')) continue;
      for (const o of others) canonical.set(o.toLowerCase(), head);
    }
  }
  return canonical;
}

let jieba: Jieba | null = null;
const extraTerms = new Set<string>();

function instance(): Jieba {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    const { Jieba: J } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array };
    jieba = J.withDict(dict);
    jieba.loadDict(readFileSync(PLAN_DICTIONARY));
    if (extraTerms.size) jieba.loadDict(Buffer.from([...extraTerms].map((t) => `${t} 20 n`).join('\n')));
  }
  return jieba;
}

/** Adds terms (e.g. chain node names from the database) to the dictionary. */
export function addTerms(terms: Iterable<string>) {
  const fresh = [...terms].map((t) => t.trim()).filter((t) => t && !/\s/.test(t) && !extraTerms.has(t));
  if (!fresh.length) return;
  fresh.forEach((t) => extraTerms.add(t));
  jieba?.loadDict(Buffer.from(fresh.map((t) => `${t} 20 n`).join('\n')));
}

// Punctuation and spaces are not tokens; Latin words are folded to lower case.
const NOT_A_TOKEN = /^[\s\p{P}\p{S}]+$/u;

/** Distinct search-mode tokens of the given texts; a synonym brings its canonical term along. */
export function tokensOf(...texts: (string | null | undefined)[]): string[] {
  const j = instance();
  const synonyms = canonicalOf();
  const out = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const t of j.cutForSearch(text, false)) {
      const w = t.trim().toLowerCase();
      if (!w || NOT_A_TOKEN.test(w)) continue;
      out.add(w);
      const c = synonyms.get(w);
      if (c) out.add(c);
    }
  }
  return [...out];
}

/** Characters that carry no subject alone (function words, measure words). */
const FUNCTION_CHARS = new Set([...'的和与及在为等或对由将把被从以于了是有可并其中上下后前已需要个种次用该此各所经至到向而且但又也就都能会']);

/**
 * The words matching compares: search-mode tokens without numbers, single Latin letters (units
 * such as m, g, L) and single function characters — they would count as shared "key terms"
 * between any two texts. A single character with a subject of its own (酶, 菌, 酒) stays.
 */
export function contentWords(...texts: (string | null | undefined)[]): string[] {
  return tokensOf(...texts).filter((w) => !/^[\d.,%]+$/.test(w) && !/^[a-z]$/.test(w) && !(w.length === 1 && FUNCTION_CHARS.has(w)));
}

/**
 * Words nearly every company name carries: they do not narrow a search, and asking the index
 * for them costs the most. A query made only of them still uses them.
 */
const COMMON = new Set(['重庆', '重庆市', '有限', '公司', '有限公司', '责任', '有限责任', '股份', '股份有限', '集团', '控股']);

/**
 * The tokens a query must all match. A record holding a word holds its 2- and 3-character
 * parts too (search mode emits them), so a part of another query token adds nothing to the
 * match but costs an index lookup: 生物科技 needs only 生物科技, not 生物 (in nearly every name).
 */
export function queryTokens(q: string) {
  // A query's other ways of writing a term become the term, which every record with either holds.
  const synonyms = canonicalOf();
  const all = [...new Set(tokensOf(q.slice(0, 100)).map((t) => synonyms.get(t) ?? t))];
  const telling = all.filter((t) => !COMMON.has(t));
  const kept = telling.length ? telling : all;
  return kept.filter((t) => !(t.length <= 3 && kept.some((w) => w !== t && w.length > t.length && w.includes(t))));
}
