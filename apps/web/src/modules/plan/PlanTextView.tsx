import { useEffect, useMemo, useRef } from 'react';
import { highlightSpans, segments, splitLines } from './planText';

/**
 * The plan's full text, typeset by its own structure (parts, actions, numbered tasks), with
 * target sentences marked and, optionally, one task's paragraph set apart and scrolled to.
 */
export function PlanTextView({ text, sentences = [], taskNo, actionNo, search, maxHeight, onLines }: {
  text: string;
  sentences?: string[];
  taskNo?: number;
  /** The task's action: when its heading and the task fit in the box together, both are shown. */
  actionNo?: number;
  search?: string;
  /** With a height, the text scrolls inside its own box (the task page's panel). */
  maxHeight?: number;
  onLines?: (lines: ReturnType<typeof splitLines>) => void;
}) {
  const lines = useMemo(() => splitLines(text), [text]);
  const spans = useMemo(() => highlightSpans(text, sentences, search), [text, sentences, search]);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => onLines?.(lines), [lines, onLines]);

  useEffect(() => {
    if (!taskNo || !box.current) return;
    const el = box.current.querySelector<HTMLElement>(`[data-task="${taskNo}"]`);
    if (!el) return;
    if (!maxHeight) {
      el.scrollIntoView({ block: 'center' });
      return;
    }
    // Show the action's heading and target sentences above the task when they fit with it.
    const heading = actionNo ? box.current.querySelector<HTMLElement>(`#text-action-${actionNo}`) : null;
    const fromHeading = heading ? el.offsetTop + el.offsetHeight - heading.offsetTop : Infinity;
    box.current.scrollTop = Math.max(0, (heading && fromHeading <= maxHeight - 24 ? heading.offsetTop : el.offsetTop) - 12);
  }, [taskNo, actionNo, maxHeight, lines]);

  return (
    <div ref={box} className={maxHeight ? 'plan-text plan-text-scroll' : 'plan-text'} style={maxHeight ? { maxHeight } : undefined} data-testid="plan-text">
      {lines.map((line) => {
        if (!line.text.trim()) return null;
        const isTask = taskNo !== undefined && line.taskNo === taskNo;
        const content = segments(line, spans).map((s, i) =>
          s.kind ? <mark key={i} className={`mark-${s.kind}`}>{s.text}</mark> : <span key={i}>{s.text}</span>);
        const common = {
          id: line.taskNo ? `text-task-${line.taskNo}` : line.actionNo ? `text-action-${line.actionNo}` : line.safeguardNo ? `text-safeguard-${line.safeguardNo}` : line.kind === 'part' ? `text-part-${line.index}` : undefined,
          'data-task': line.taskNo,
        };
        if (line.kind === 'part') return <h3 key={line.index} {...common} className="plan-text-part">{content}</h3>;
        if (line.kind === 'action') return <h4 key={line.index} {...common} className="plan-text-action">{content}</h4>;
        return <p key={line.index} {...common} className={isTask ? 'plan-text-para plan-text-task-current' : 'plan-text-para'}>{content}</p>;
      })}
    </div>
  );
}
