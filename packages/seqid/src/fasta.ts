import { MASK_OF } from './alphabet.js';

/** A line of IUPAC nucleotide codes only, in either case. */
const CLEAN_LINE = /^[ACGTURYSWKMBDHVNacgturyswkmbdhvn]*$/;

export interface FastaRecord { id: string; description: string; sequence: string; line: number }
/**
 * One thing wrong in a FASTA text. `record` is 1-based (0: text before the first header);
 * `line` and `column` are 1-based in the text; `position` is 1-based in the record's sequence
 * (null when the problem is not at a base).
 */
export interface FastaProblem {
  record: number; id: string | null; line: number; column: number; position: number | null; zh: string; en: string;
}
export interface ParseOptions { maxRecords?: number; maxLength?: number; maxProblems?: number }

/** After this many problems the text is plainly not what was meant; more would only flood the answer. */
const DEFAULT_MAX_PROBLEMS = 100;

/**
 * Reads FASTA: '>' headers (id = first word, description = the rest), sequence lines of any width,
 * \n, \r\n or \r line endings, any case, IUPAC codes; U is read as T; spaces and tabs inside lines
 * are ignored; '-' and '.' (aligned FASTA) are removed; blank lines are skipped. Every record read
 * is returned (without the characters that were wrong) together with the problems found (reading
 * stops after `maxProblems`).
 */
export function parseFasta(text: string, opts: ParseOptions = {}): { records: FastaRecord[]; problems: FastaProblem[] } {
  const maxRecords = opts.maxRecords ?? Infinity, maxLength = opts.maxLength ?? Infinity;
  const maxProblems = opts.maxProblems ?? DEFAULT_MAX_PROBLEMS;
  const records: FastaRecord[] = [], problems: FastaProblem[] = [];
  const seen = new Set<string>();
  let current: { id: string; description: string; line: number; parts: string[]; length: number; bad: number; tooLong: boolean } | null = null;
  let recordNo = 0, strayReported = false;
  const problem = (p: Omit<FastaProblem, 'record' | 'id'>) => {
    if (problems.length < maxProblems) problems.push({ record: recordNo, id: current?.id || null, ...p });
  };
  const where = (line: number, column: number, position: number | null) => ({
    zh: `第 ${recordNo} 条记录${current?.id ? `（${current.id}）` : ''}第 ${line} 行第 ${column} 列${position === null ? '' : `（序列第 ${position} 位）`}`,
    en: `record ${recordNo}${current?.id ? ` (${current.id})` : ''}, line ${line}, column ${column}${position === null ? '' : `, sequence position ${position}`}`,
  });
  const close = () => {
    if (!current) return;
    if (current.length === 0 && current.bad === 0) {
      const w = where(current.line, 1, null);
      problem({ line: current.line, column: 1, position: null, zh: `${w.zh}：序列为空`, en: `${cap(w.en)}: the sequence is empty` });
    }
    records.push({ id: current.id, description: current.description, sequence: current.parts.join(''), line: current.line });
    current = null;
  };

  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r\n|\r|\n/);
  for (let li = 0; li < lines.length && problems.length < maxProblems; li++) {
    const raw = lines[li], lineNo = li + 1;
    if (raw.charCodeAt(0) === 62 /* > */) {
      close();
      recordNo++;
      if (recordNo > maxRecords) {
        problem({ line: lineNo, column: 1, position: null, zh: `第 ${lineNo} 行：记录超过 ${maxRecords} 条上限`, en: `Line ${lineNo}: more than ${maxRecords} records` });
        break;
      }
      const header = raw.slice(1).trim();
      const space = header.search(/\s/);
      const id = space < 0 ? header : header.slice(0, space);
      current = { id, description: space < 0 ? '' : header.slice(space + 1).trim(), line: lineNo, parts: [], length: 0, bad: 0, tooLong: false };
      if (!id) {
        const w = where(lineNo, 1, null);
        problem({ line: lineNo, column: 1, position: null, zh: `${w.zh}：标题行缺少序列名`, en: `${cap(w.en)}: the header has no id` });
      } else if (seen.has(id)) {
        const w = where(lineNo, 2, null);
        problem({ line: lineNo, column: 2, position: null, zh: `${w.zh}：序列名“${id}”重复`, en: `${cap(w.en)}: the id '${id}' is used twice` });
      }
      seen.add(id);
      continue;
    }
    if (!current) {
      if (raw.trim() && !strayReported) {
        strayReported = true;
        const column = raw.search(/\S/) + 1;
        problem({ line: lineNo, column, position: null, zh: `第 ${lineNo} 行：第一个“>”标题行之前有文本`, en: `Line ${lineNo}: text before the first '>' header` });
      }
      continue;
    }
    const rec = current;
    // Most lines are clean nucleotides: take them whole (a genome may come as one 15 Mbp line, and
    // copying it character by character costs seconds). Anything else is read character by character.
    if (CLEAN_LINE.test(raw) && rec.length + raw.length <= maxLength) {
      if (raw) {
        const upper = raw.toUpperCase().replace(/U/g, 'T');
        rec.parts.push(upper);
        rec.length += upper.length;
      }
      continue;
    }
    let kept = '';
    for (let c = 0; c < raw.length; c++) {
      const code = raw.charCodeAt(c);
      if (code === 32 || code === 9 || code === 45 /* - */ || code === 46 /* . */) continue;
      if (code < 128 && MASK_OF[code] !== 0) {
        if (rec.length + kept.length >= maxLength) {
          if (!rec.tooLong) {
            rec.tooLong = true;
            const w = where(lineNo, c + 1, maxLength + 1);
            problem({ line: lineNo, column: c + 1, position: maxLength + 1, zh: `${w.zh}：序列超过 ${maxLength} bp 上限`, en: `${cap(w.en)}: the sequence is longer than ${maxLength} bp` });
          }
          continue;
        }
        kept += raw[c];
        continue;
      }
      // A wrong character still takes a place, so the positions named are those the writer sees.
      const ch = String.fromCodePoint(raw.codePointAt(c)!), position = rec.length + kept.length + ++rec.bad;
      const w = where(lineNo, c + 1, position);
      problem({ line: lineNo, column: c + 1, position, zh: `${w.zh}：字符“${ch}”不是 IUPAC 核苷酸代码`, en: `${cap(w.en)}: '${ch}' is not an IUPAC nucleotide code` });
      if (ch.length === 2) c++;
    }
    if (kept) {
      const upper = kept.toUpperCase().replace(/U/g, 'T');
      rec.parts.push(upper);
      rec.length += upper.length;
    }
  }
  close();
  return { records, problems };
}

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

/** FASTA text, `width` bases per line (0: the whole sequence on one line). */
export function formatFasta(records: Array<{ id: string; description?: string; sequence: string }>, width = 70): string {
  const out: string[] = [];
  for (const r of records) {
    out.push(`>${r.id}${r.description ? ' ' + r.description : ''}\n`);
    const w = width > 0 ? width : Math.max(1, r.sequence.length);
    for (let i = 0; i < r.sequence.length; i += w) out.push(r.sequence.slice(i, i + w), '\n');
  }
  return out.join('');
}
