import { Space, Table, Tag } from 'antd';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { LabelTag } from '../pilot/BaseTags';
import { bi, one } from '../supervision/shared';
import type { Finding, ReviewSummary, SummaryAspect } from './api';
import { ASPECTS, ASSESSMENTS, CONCLUSIONS, label } from './labels';

/**
 * The reviewers' findings summarised: per aspect, how many found each assessment (and, for the
 * body, the reasons given); per recommendation, how many. The applicant's summary has no reasons.
 */
export function SummaryTable({ summary }: { summary: ReviewSummary }) {
  const lang = useLang();
  const withNotes = summary.aspects.some((a) => a.notes);
  return (
    <>
      <Space wrap className="panel-alert" data-testid="safety-summary-recommendations">
        <Bi zh={`评审专家 ${summary.reviewers} 位，建议：`} en={`${summary.reviewers} reviewer(s) recommend:`} />
        {Object.entries(summary.recommendations).map(([k, n]) => <Tag key={k} color={CONCLUSIONS[k]?.color}>{one(lang, label(CONCLUSIONS, k))} {n}</Tag>)}
      </Space>
      <Table<SummaryAspect> rowKey="aspect" size="small" pagination={false} dataSource={summary.aspects} data-testid="safety-summary"
        columns={[
          { title: <Bi zh="评价要点" en="Aspect" />, key: 'aspect', width: 200, render: (_, a) => one(lang, a) },
          ...Object.keys(ASSESSMENTS).map((k) => ({ title: one(lang, ASSESSMENTS[k]), key: k, width: 110, render: (_: unknown, a: SummaryAspect) => a.counts[k] || '—' })),
          ...(withNotes ? [{ title: <Bi zh="依据" en="Reasons" />, key: 'notes', render: (_: unknown, a: SummaryAspect) => (a.notes ?? []).map((n, i) => <div key={i} className="cell-sub">{n.expertNameZh}：{n.noteZh}</div>) }] : []),
        ]} />
      {summary.conditions?.length ? <div className="cell-sub">{bi(lang, { zh: '评审专家提出的条件：', en: 'Conditions the reviewers state: ' })}{summary.conditions.map((c) => `${c.expertNameZh}：${c.conditionsZh}`).join('；')}</div> : null}
    </>
  );
}

/** One reviewer's findings, aspect by aspect. */
export function FindingsList({ findings }: { findings: Finding[] }) {
  const lang = useLang();
  return (
    <div>
      {findings.map((f) => (
        <div key={f.aspect}><strong>{one(lang, label(ASPECTS, f.aspect))}</strong> <LabelTag label={label(ASSESSMENTS, f.assessment)} />{f.noteZh && <span className="cell-sub">{f.noteZh}</span>}</div>
      ))}
    </div>
  );
}
