/**
 * Pure helpers that read the plan's full text: where its headings and numbered tasks are,
 * and which spans to highlight. Kept apart from the view so the rules are easy to follow.
 */

export type LineKind = 'part' | 'action' | 'task' | 'para';

export interface Line {
  index: number;
  start: number;
  end: number;
  text: string;
  kind: LineKind;
  /** The task number for a numbered paragraph ("22.建设生物菌种资源库。…"). */
  taskNo?: number;
  /** The action number for an action heading ("(七)实施生物资源保护利用行动"). */
  actionNo?: number;
  /** The same kind of heading under 保障措施 numbers a safeguard instead. */
  safeguardNo?: number;
}

export interface Span {
  start: number;
  end: number;
  kind: 'target' | 'search';
}

const CN = '一二三四五六七八九十';
const cnValue = (s: string) => (s.length === 1 ? CN.indexOf(s) + 1 : s === '十' ? 10 : 10 + CN.indexOf(s[1]) + 1);

export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  let part = 0;
  text.split('\n').forEach((raw, index) => {
    const end = start + raw.length;
    const trimmed = raw.trim();
    let kind: LineKind = 'para';
    let taskNo: number | undefined;
    let actionNo: number | undefined;
    let safeguardNo: number | undefined;
    const task = /^(\d{1,2})[.．、]/.exec(trimmed);
    const action = /^[(（]([一二三四五六七八九十]{1,2})[)）]/.exec(trimmed);
    const partHead = /^([一二三四五六七八九十]{1,2})、/.exec(trimmed);
    if (partHead) {
      kind = 'part';
      part = cnValue(partHead[1]);
    } else if (action) {
      // Parts: 一、总体要求 · 二、重点任务 (the actions) · 三、保障措施 (the safeguards).
      kind = 'action';
      if (part === 3) safeguardNo = cnValue(action[1]);
      else actionNo = cnValue(action[1]);
    } else if (task) {
      kind = 'task';
      taskNo = Number(task[1]);
    }
    out.push({ index, start, end, text: raw, kind, taskNo, actionNo, safeguardNo });
    start = end + 1;
  });
  return out;
}

export function findAll(text: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) out.push(i);
  return out;
}

/** Spans of the target sentences (first occurrence of each) and of a search term (every one). */
export function highlightSpans(text: string, sentences: string[], search?: string): Span[] {
  const spans: Span[] = [];
  for (const s of new Set(sentences)) {
    const i = text.indexOf(s);
    if (s && i !== -1) spans.push({ start: i, end: i + s.length, kind: 'target' });
  }
  const q = search?.trim();
  if (q) for (const i of findAll(text, q)) spans.push({ start: i, end: i + q.length, kind: 'search' });
  return spans;
}

/**
 * Cuts one line into pieces, each plain or marked. Overlapping spans are resolved in favour
 * of the one that starts first (search hits inside a target sentence are cut at its edge).
 */
export function segments(line: Line, spans: Span[]): { text: string; kind?: Span['kind'] }[] {
  const inLine = spans
    .filter((s) => s.end > line.start && s.start < line.end)
    .map((s) => ({ ...s, start: Math.max(s.start, line.start), end: Math.min(s.end, line.end) }))
    .sort((a, b) => a.start - b.start || (a.kind === 'target' ? -1 : 1));
  const out: { text: string; kind?: Span['kind'] }[] = [];
  let at = line.start;
  for (const s of inLine) {
    if (s.start < at) continue;
    if (s.start > at) out.push({ text: line.text.slice(at - line.start, s.start - line.start) });
    out.push({ text: line.text.slice(s.start - line.start, s.end - line.start), kind: s.kind });
    at = s.end;
  }
  if (at < line.end) out.push({ text: line.text.slice(at - line.start) });
  return out;
}
