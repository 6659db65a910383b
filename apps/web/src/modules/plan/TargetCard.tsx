import { Card, Progress, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, FileSearchOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { pick, useLang } from '../../app/i18n';
import type { Target } from './api';
import { actionLabel, goal, progress, quantity } from './format';

/** The source sentence a target was taken from, shown on hover. */
export function SourceTooltip({ target, children }: { target: Target; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Tooltip
      classNames={{ root: 'source-tooltip' }}
      title={<><div className="source-tooltip-label">{t('plan.sourceSentence')}</div>{target.sourceSentence}</>}
    >
      {children}
    </Tooltip>
  );
}

function Measured({ target }: { target: Target }) {
  const { t } = useTranslation();
  const lang = useLang();
  const m = target.measurement;
  if (!m) {
    return (
      <div className="target-measure target-measure-none">
        <ClockCircleOutlined /> {t('plan.notMeasured')}
        {lang === 'zh' && <span className="bi-aside">Not yet measured</span>}
      </div>
    );
  }
  const pct = progress(target);
  const body = (
    <div className="target-measure">
      <CheckCircleOutlined className="target-measure-icon" /> {t('plan.measured')}{' '}
      <b>{quantity(lang, m.value, target.unit, target.unitEn)}</b>
      <span className="target-asof">{t('plan.asOf', { date: m.asOf })}</span>
      {pct !== null && <Progress percent={pct} size="small" showInfo={false} strokeColor="#0b3b8c" />}
      <div className="target-basis">{lang === 'zh' ? m.basisZh : m.basisEn}</div>
    </div>
  );
  return m.drillDown?.startsWith('/') ? <Link to={m.drillDown}>{body}</Link> : body;
}

/** One 2027 target with a number: the indicator, the goal (≥ 5 家) and where it stands. */
export function TargetCard({ target }: { target: Target }) {
  const lang = useLang();
  const { t } = useTranslation();
  return (
    <Card className="target-card" size="small" data-testid="target-card">
      <div className="target-card-top">
        <Link to={`/plan/actions#action-${target.actionNo}`}><Tag className="action-tag">{actionLabel(lang, target.actionNo)}</Tag></Link>
        <SourceTooltip target={target}>
          <span className="target-source-hint" aria-label={t('plan.sourceSentence')}><FileSearchOutlined /> {t('plan.source')}</span>
        </SourceTooltip>
      </div>
      <SourceTooltip target={target}>
        <div className="target-indicator">{pick(lang, target, 'indicator')}</div>
      </SourceTooltip>
      <div className="target-goal">
        <span className="target-goal-value">{goal(lang, target)}</span>
        <span className="target-goal-year">{t('plan.byYear', { year: target.year })}</span>
      </div>
      <Measured target={target} />
    </Card>
  );
}

/** A target inside an action's card or a task page: the statement, its goal if any, the source on hover. */
export function TargetLine({ target }: { target: Target }) {
  const lang = useLang();
  const g = goal(lang, target);
  return (
    <SourceTooltip target={target}>
      <li className="target-line">
        <Typography.Text>{pick(lang, target, 'statement')}</Typography.Text>
        {g && <Tag color="blue" className="target-line-goal">{g}</Tag>}
      </li>
    </SourceTooltip>
  );
}
