import { App as AntApp, Empty, Space, Timeline, Typography } from 'antd';
import { ArrowRightOutlined, PaperClipOutlined } from '@ant-design/icons';
import { errorMessage } from '../../app/api';
import { useLang } from '../../app/i18n';
import { download } from '../supervision/api';
import { bi, dateTime, one } from '../supervision/shared';
import type { Gate } from './api.deals';
import { GATE_RESULTS, PROJECT_STAGES } from './labels.deals';
import { GateResultTag } from './ProjectTags';
import './ProjectBoard.css';

/**
 * 关口评审记录: each review as a step of the project's history: the gate (from → to), its result,
 * who reviewed and when, the evidence and its file (downloadable by its organisation and the
 * task force).
 */
export function ProjectGates({ gates }: { gates: Gate[] }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  if (!gates.length) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} data-testid="pilot-gates-empty"
      description={bi(lang, { zh: '暂无关口评审 — 评审通过后项目进入下一阶段', en: 'No gate reviews yet: a passed review moves the project to its next stage' })} />;
  }
  return (
    <Timeline data-testid="pilot-gates" items={gates.map((g) => ({
      key: g.id, color: GATE_RESULTS[g.result]?.dot ?? 'gray',
      content: (
        <div data-result={g.result} data-testid="pilot-gate">
          <Space size={6} wrap>
            <Typography.Text strong>{one(lang, PROJECT_STAGES[g.fromStage])} <ArrowRightOutlined /> {one(lang, PROJECT_STAGES[g.toStage])}</Typography.Text>
            <GateResultTag result={g.result} />
          </Space>
          <div className="cell-sub">{g.reviewedOn} · {g.reviewerNameZh}</div>
          <div className="project-gate-evidence">{g.evidenceZh}</div>
          {g.noteZh && <div className="cell-sub">{bi(lang, { zh: '备注', en: 'Note' })}：{g.noteZh}</div>}
          {g.evidenceFileId && (
            <Typography.Link data-testid="pilot-gate-file-link"
              onClick={() => download(`/api/files/${g.evidenceFileId}`, g.evidenceFileName ?? 'evidence').catch((e: unknown) => message.error(errorMessage(e)))}>
              <PaperClipOutlined /> {g.evidenceFileName ?? bi(lang, { zh: '佐证材料', en: 'Evidence file' })}
            </Typography.Link>
          )}
          <div className="audit-when">{bi(lang, { zh: '记录于', en: 'Recorded' })} {dateTime(g.createdAt)}</div>
        </div>
      ),
    }))} />
  );
}
