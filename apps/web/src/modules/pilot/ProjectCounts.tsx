import { Alert, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import type { CSSProperties } from 'react';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { bi, one } from '../supervision/shared';
import type { ProjectCounts as Counts } from './api.deals';
import { CONVERTED_STAGES, PROJECT_STAGES } from './labels.deals';
import './ProjectBoard.css';

/**
 * The public counts by stage, 技术攻关 → … → 产业集群, and the plan's "1 to 10" conversions: the
 * projects at 企业孵化 and beyond, which got there only through a passed 中试熟化 gate.
 */
export function ProjectCounts({ counts }: { counts: Counts }) {
  const lang = useLang();
  return (
    <div data-testid="pilot-project-counts">
      <div className="project-counts">
        {counts.stages.map((s, i) => {
          const label = PROJECT_STAGES[s.stage] ?? { zh: s.zh, en: s.en, hex: '#8c8c8c' };
          const converted = CONVERTED_STAGES.includes(s.stage);
          return (
            <div key={s.stage} className={`project-count${converted ? ' project-count-converted' : ''}`} style={{ '--stage-hex': label.hex } as CSSProperties}
              data-stage={s.stage} data-testid={`pilot-project-count-${s.stage}`}>
              <Typography.Text type="secondary"><Bi zh={label.zh} en={label.en} /></Typography.Text>
              <div className="project-count-value">{s.count}</div>
              {i < counts.stages.length - 1 && <RightOutlined className="project-count-arrow" aria-hidden />}
            </div>
          );
        })}
      </div>
      <div className="project-onetoten" data-testid="pilot-project-onetoten">
        <span className="project-onetoten-value">{counts.oneToTen}</span>
        <div>
          <Typography.Text strong><Bi zh="“从1到10”转化项目" en={'"1 to 10" conversions'} /></Typography.Text>
          <div className="cell-sub">{bi(lang, {
            zh: '处于企业孵化、园区运营、产业集群阶段的项目计入行动计划“从1到10”转化数：须通过中试熟化关口评审方可进入，之后终止的仍计入。',
            en: 'Projects at incubation, park operation or cluster count toward the plan\'s "1 to 10" conversions: they got there only through a passed pilot-maturation gate, and still count if stopped later.',
          })}</div>
        </div>
      </div>
      {counts.stopped > 0 && (
        <Alert type="info" showIcon style={{ marginTop: 12 }} title={one(lang, { zh: `已终止项目 ${counts.stopped} 个：终止于企业孵化之前的不计入上方各阶段数字`, en: `${counts.stopped} project(s) stopped; those stopped before incubation are not counted above` })} />
      )}
    </div>
  );
}
