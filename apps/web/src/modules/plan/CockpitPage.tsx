import { lazy, Suspense, useMemo } from 'react';
import { Card, Col, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { CalendarOutlined, FileTextOutlined, FlagOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LoadState } from '../../app/components/LoadState';
import { Bi } from '../../app/components/Bi';
import { other, pick, useLang } from '../../app/i18n';
import { useActions, usePlan, useTasks } from './api';
import { ActionCard } from './ActionCard';
import { TargetCard } from './TargetCard';
import { DOMAIN_HEX } from './format';

// ECharts stays out of the cockpit's own chunk: the chart arrives after the figures.
const DomainChart = lazy(() => import('./DomainChart'));

function Stat({ value, label, to }: { value: number; label: string; to: string }) {
  return (
    <Link to={to} className="hero-stat">
      <span className="hero-stat-value">{value}</span>
      <span className="hero-stat-label">{label}</span>
    </Link>
  );
}

/** The home page: the plan, its 2027 targets, the eight actions with their tasks, the four domains. */
export default function CockpitPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const plan = usePlan();
  const actions = useActions();
  const tasks = useTasks();

  const quantified = useMemo(() => (actions.data ?? []).flatMap((a) => a.targets).filter((x) => x.quantified), [actions.data]);
  const p = plan.data;

  return (
    <div className="cockpit">
      <LoadState loading={plan.loading && !p} error={plan.error} reload={plan.reload} rows={3}>
        {p && (
          <section className="hero" data-testid="plan-hero">
            <div className="hero-text">
              <Space size={8} wrap className="hero-tags">
                <Tag color="orange" className="status-tag" data-testid="plan-status">{p.statusZh}{lang === 'en' ? ' · Draft for comment' : ''}</Tag>
                <Tag className="hero-tag">{t('plan.version', { version: p.version })}</Tag>
                <Tag className="hero-tag"><CalendarOutlined /> {p.horizon.from}—{p.horizon.to}</Tag>
              </Space>
              <Typography.Title level={2} className="hero-title">{pick(lang, p, 'title')}</Typography.Title>
              <div className="hero-subtitle">{other(lang, p, 'title')}</div>
              <div className="hero-meta">
                <span>{t('plan.publisherLine', { name: pick(lang, p, 'publisher') })}</span>
                <span>{t('plan.consultationLine', { from: p.consultation.opensOn, to: p.consultation.closesOn, days: p.consultation.days, email: p.consultation.email })}</span>
              </div>
              <Space className="hero-links" size={12} wrap>
                <Link to="/plan/text"><FileTextOutlined /> {t('plan.readText')}</Link>
                <Link to="/plan/targets"><FlagOutlined /> {t('plan.allTargets')}</Link>
              </Space>
            </div>
            <div className="hero-stats">
              <Stat value={p.counts.actions} label={t('plan.statActions')} to="/plan/actions" />
              <Stat value={p.counts.tasks} label={t('plan.statTasks')} to="/plan/tasks" />
              <Stat value={p.counts.targets} label={t('plan.statTargets', { quantified: p.counts.quantifiedTargets })} to="/plan/targets" />
              <Stat value={p.counts.safeguards} label={t('plan.statSafeguards')} to="/plan/text" />
            </div>
          </section>
        )}
      </LoadState>

      <section className="section">
        <div className="section-head">
          <Typography.Title level={4} className="section-title"><Bi k="plan.quantifiedTargetsTitle" /></Typography.Title>
          <Typography.Text type="secondary">{t('plan.quantifiedTargetsHint')}</Typography.Text>
        </div>
        <LoadState loading={actions.loading && !actions.data} error={actions.error} reload={actions.reload} rows={4}>
          <Row gutter={[16, 16]}>
            {quantified.map((target) => (
              <Col key={target.code} xs={24} sm={12} lg={8} xl={6}><TargetCard target={target} /></Col>
            ))}
          </Row>
        </LoadState>
      </section>

      <section className="section">
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card className="panel" title={<Bi k="plan.domainsTitle" />} extra={<Typography.Text type="secondary">{t('plan.domainsHint')}</Typography.Text>}>
              {p && tasks.data ? (
                <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
                  <DomainChart domains={p.domains} tasks={tasks.data} />
                </Suspense>
              ) : <Skeleton active paragraph={{ rows: 4 }} />}
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card className="panel" title={<Bi k="plan.buildGoalsTitle" />}>
              <ol className="goal-list">
                {(p?.buildGoals ?? []).map((g, i) => (
                  <li key={g.code}>
                    <span className="goal-dot" style={{ background: Object.values(DOMAIN_HEX)[i] }} />
                    <span className="goal-text">
                      <span>{pick(lang, g, 'name')}</span>
                      <span className="bi-aside goal-aside">{other(lang, g, 'name')}</span>
                    </span>
                  </li>
                ))}
              </ol>
            </Card>
          </Col>
        </Row>
      </section>

      <section className="section">
        <div className="section-head">
          <Typography.Title level={4} className="section-title"><Bi k="plan.actionsTitle" /></Typography.Title>
          <Link to="/plan/tasks">{t('plan.allTasksLink')}</Link>
        </div>
        <LoadState loading={actions.loading && !actions.data} error={actions.error} reload={actions.reload}>
          <Row gutter={[16, 16]} data-testid="actions-grid">
            {(actions.data ?? []).map((a) => (
              <Col key={a.no} xs={24} lg={12}><ActionCard action={a} /></Col>
            ))}
          </Row>
        </LoadState>
      </section>
    </div>
  );
}
