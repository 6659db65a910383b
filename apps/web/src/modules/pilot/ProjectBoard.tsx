import type { CSSProperties } from 'react';
import { Badge, Card, Empty, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useLang } from '../../app/i18n';
import { domainName } from '../plan/format';
import { bi, one } from '../supervision/shared';
import type { ProjectBoard as Board, ProjectRow } from './api.deals';
import { CONVERTED_STAGES, daysSince, PROJECT_STAGES } from './labels.deals';
import { ProjectStatusTag } from './ProjectTags';
import './ProjectBoard.css';

function ProjectCard({ p }: { p: ProjectRow }) {
  const lang = useLang();
  const days = daysSince(p.stageEnteredOn);
  return (
    <Link to={`/pilot/projects/${p.id}`} className="project-card-link" data-testid={`pilot-project-card-${p.code}`}>
      <Card size="small" hoverable className={`project-card${p.status === 'stopped' ? ' project-card-stopped' : ''}`}>
        <Typography.Text strong className="project-card-title">{p.nameZh}</Typography.Text>
        <div className="cell-sub"><span className="mono">{p.code}</span>{p.baseNameZh && ` · ${p.baseNameZh}`}</div>
        {p.leadOrgNameZh && <div className="cell-sub">{bi(lang, { zh: '牵头', en: 'Lead' })}：{p.leadOrgNameZh}</div>}
        <div style={{ marginTop: 6 }}>
          {p.domain && <Tag>{domainName(lang, p.domain)}</Tag>}
          {p.status === 'stopped' && <ProjectStatusTag status="stopped" />}
        </div>
        <Tooltip title={`${bi(lang, { zh: '进入本阶段', en: 'Entered the stage' })} ${p.stageEnteredOn}`}>
          <div className="cell-sub">{lang === 'zh' ? `本阶段 ${days} 天` : `${days} d at this stage`}</div>
        </Tooltip>
      </Card>
    </Link>
  );
}

/** 看板: one column per stage, 技术攻关 → 概念验证 → 中试熟化 → 企业孵化 → 园区运营 → 产业集群, with its count. */
export function ProjectBoard({ board }: { board: Board }) {
  const lang = useLang();
  return (
    <div className="project-board" data-testid="pilot-project-board">
      {board.stages.map((col) => {
        const label = PROJECT_STAGES[col.stage] ?? { zh: col.zh, en: col.en, hex: '#8c8c8c' };
        const converted = CONVERTED_STAGES.includes(col.stage);
        return (
          <div key={col.stage} className={`project-column${converted ? ' project-column-converted' : ''}`} data-stage={col.stage}
            style={{ '--stage-hex': label.hex } as CSSProperties}>
            <div className="project-column-head">
              <span>{one(lang, label)}<span className="bi-aside">{lang === 'zh' ? label.en : label.zh}</span></span>
              <Badge count={col.count} showZero color={col.count ? label.hex : '#d9d9d9'} data-testid={`pilot-project-column-count-${col.stage}`} />
            </div>
            <div className="project-column-body">
              {col.projects.length ? col.projects.map((p) => <ProjectCard key={p.id} p={p} />)
                : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '暂无', en: 'None' })} />}
            </div>
          </div>
        );
      })}
    </div>
  );
}
