import { Card, Steps, Typography } from 'antd';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { useLang } from '../../app/i18n';
import type { ApiState } from '../../app/useApi';
import type { Timeline } from './api';
import { timelineView } from './ChallengeModel';

/**
 * The challenge's timeline as the server knows it: published, deadline, formal check, review,
 * notice, award, milestones, acceptance — each with its day, or its planned day marked 计划.
 */
export function ChallengeTimeline({ timeline }: { timeline: ApiState<Timeline> }) {
  const lang = useLang();
  const t = timeline.data;
  return (
    <Card className="panel" title={<Bi zh="时间线" en="Timeline" />}>
      <LoadState loading={timeline.loading && !t} error={timeline.error} reload={timeline.reload} rows={2}>
        {t && (
          <Steps size="small" className="cq-timeline" data-testid="challenge-timeline" responsive
            items={timelineView(t.steps, t.status).map((s) => ({
              status: s.state,
              title: <span data-testid={`timeline-${s.key}`}><Bi zh={s.zh} en={s.en} /></span>,
              content: (
                <div className="cq-step-note">
                  {s.date && <div className="mono">{s.date}{s.planned && <Typography.Text type="secondary">{lang === 'zh' ? '（计划）' : ' (planned)'}</Typography.Text>}</div>}
                  {s.noteZh && <div>{s.noteZh}</div>}
                </div>
              ),
            }))} />
        )}
      </LoadState>
    </Card>
  );
}
