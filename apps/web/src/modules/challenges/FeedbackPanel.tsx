import { Descriptions, Table, Tag, Typography } from 'antd';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi } from '../supervision/shared';
import type { Feedback } from './api';
import { aggregateRule, isWideSpread } from './ReviewModel';

/**
 * 评审意见反馈 (after the award): the application's score (trimmed mean or mean, with the rule),
 * its rank of those ranked, the spread, the mean per criterion, and each reviewer's scores and
 * comments — reviewers as 评审专家 1, 2 …, never by name.
 */
export function FeedbackPanel({ applicationId }: { applicationId: string }) {
  const lang = useLang();
  const f = useApi<Feedback>(`/api/challenges/applications/${applicationId}/feedback`);
  const d = f.data;
  return (
    <LoadState loading={f.loading && !d} error={f.error} reload={f.reload}>
      {d && (
        <div data-testid="feedback">
          <Descriptions size="small" column={{ xs: 1, md: 4 }} items={[
            { key: 'score', label: <Bi zh="得分" en="Score" />, children: <strong>{d.score ?? '—'}</strong> },
            { key: 'rank', label: <Bi zh="排名" en="Rank" />, children: d.rank ? `${d.rank} / ${d.ranked}` : '—' },
            { key: 'rule', label: <Bi zh="计分规则" en="Rule" />, children: bi(lang, aggregateRule(d)) },
            { key: 'spread', label: <Bi zh="极差" en="Spread" />, children: d.spread === null ? '—' : <Tag color={isWideSpread(d.spread) ? 'red' : 'default'}>{`${d.min}–${d.max}（${d.spread}）`}</Tag> },
          ]} />
          <Table size="small" rowKey="key" pagination={false} dataSource={d.rubric} columns={[
            { title: <Bi zh="评分项" en="Criterion" />, key: 'name', render: (_, c) => (lang === 'zh' ? c.nameZh : c.nameEn) },
            { title: <Bi zh="权重" en="Weight" />, dataIndex: 'weight', width: 70 },
            { title: <Bi zh="平均分" en="Mean" />, key: 'mean', width: 90, render: (_, c) => d.criterionMeans[c.key] ?? '—' },
            ...d.reviews.map((r, i) => ({ title: lang === 'zh' ? r.reviewer.zh : r.reviewer.en, key: `r${i}`, render: (_: unknown, c: { key: string }) => (
              <div>{r.scores?.[c.key] ?? '—'}{r.criterionComments?.[c.key] && <div className="cell-sub">{r.criterionComments[c.key]}</div>}</div>
            ) })),
          ]} />
          {d.reviews.map((r, i) => (
            <Typography.Paragraph key={i} style={{ marginTop: 8 }}>
              <strong>{lang === 'zh' ? r.reviewer.zh : r.reviewer.en}</strong>（{bi(lang, { zh: `总分 ${r.total ?? '—'}`, en: `total ${r.total ?? '—'}` })}）：{r.commentZh ?? '—'}
            </Typography.Paragraph>
          ))}
        </div>
      )}
    </LoadState>
  );
}
