import { Card, Tag, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { other, pick, useLang } from '../../app/i18n';
import type { Action } from './api';
import { chineseNumeral } from './format';
import { TargetLine } from './TargetCard';

/** One of the eight actions: its number (一 … 八), title, 2027 targets and tasks, each task a link. */
export function ActionCard({ action, showIntro = false }: { action: Action; showIntro?: boolean }) {
  const lang = useLang();
  const { t } = useTranslation();
  return (
    <Card className="action-card" data-testid="action-card" id={`action-${action.no}`}
      title={
        <div className="action-card-title">
          <span className="action-no" aria-label={t('plan.actionNo', { no: action.no })}>{lang === 'zh' ? chineseNumeral(action.no) : action.no}</span>
          <span className="action-title-text">
            <span className="action-title-main">{pick(lang, action, 'title')}</span>
            <span className="action-title-aside">{other(lang, action, 'title')}</span>
          </span>
        </div>
      }
    >
      {showIntro && <Typography.Paragraph className="action-intro">{action.introZh}</Typography.Paragraph>}
      <div className="action-section-label">{t('plan.targets2027')}</div>
      <ul className="target-lines">
        {action.targets.map((tg) => <TargetLine key={tg.code} target={tg} />)}
      </ul>
      <div className="action-section-label">{t('plan.tasksCount', { count: action.tasks.length })}</div>
      <ol className="task-links">
        {action.tasks.map((task) => (
          <li key={task.no}>
            <Link to={`/plan/tasks/${task.no}`} className="task-link" data-testid={`task-link-${task.no}`}>
              <Tag className="task-no">{task.no}</Tag>
              <span className="task-link-title">{pick(lang, task, 'title')}</span>
              <RightOutlined className="task-link-arrow" />
            </Link>
          </li>
        ))}
      </ol>
    </Card>
  );
}
