import { describe, expect, it } from 'vitest';
import { highlightSpans, segments, splitLines } from './planText';

const TEXT = [
  '二、重点任务',
  '(七)实施生物资源保护利用行动',
  '保护生物资源是有力举措。到2027年,重庆市生物菌种资源库高质量建成。',
  '22.建设生物菌种资源库。组建重庆市生物菌种资源库。',
  '三、保障措施',
  '(一)加强组织领导',
].join('\n');

describe('reading the plan text', () => {
  it('tells parts, actions, numbered tasks and safeguards apart', () => {
    const lines = splitLines(TEXT);
    expect(lines.map((l) => l.kind)).toEqual(['part', 'action', 'para', 'task', 'part', 'action']);
    expect(lines[1].actionNo).toBe(7);
    expect(lines[3].taskNo).toBe(22);
    expect(lines[5].actionNo).toBeUndefined();
    expect(lines[5].safeguardNo).toBe(1);
  });

  it('marks a target sentence inside its line and leaves the rest plain', () => {
    const lines = splitLines(TEXT);
    const spans = highlightSpans(TEXT, ['到2027年,重庆市生物菌种资源库高质量建成。']);
    expect(segments(lines[2], spans)).toEqual([
      { text: '保护生物资源是有力举措。' },
      { text: '到2027年,重庆市生物菌种资源库高质量建成。', kind: 'target' },
    ]);
  });

  it('marks every hit of a search, but never across a target sentence already marked', () => {
    const lines = splitLines(TEXT);
    const spans = highlightSpans(TEXT, ['到2027年,重庆市生物菌种资源库高质量建成。'], '菌种资源库');
    expect(segments(lines[3], spans).filter((s) => s.kind === 'search')).toHaveLength(2);
    expect(segments(lines[2], spans).filter((s) => s.kind).map((s) => s.kind)).toEqual(['target']);
  });
});
