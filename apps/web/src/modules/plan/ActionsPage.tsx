import { useEffect } from 'react';
import { Card, Col, Row, Typography } from 'antd';
import { useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/PageHeader';
import { LoadState } from '../../app/components/LoadState';
import { Bi } from '../../app/components/Bi';
import { other, pick, useLang } from '../../app/i18n';
import { useActions, usePlan } from './api';
import { ActionCard } from './ActionCard';

/** The eight actions in full: each one's introduction, 2027 targets and tasks; then the safeguards. */
export default function ActionsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const actions = useActions();
  const plan = usePlan();
  const { hash } = useLocation();

  useEffect(() => {
    if (hash && actions.data) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [hash, actions.data]);

  return (
    <>
      <PageHeader titleKey="nav.actions" description={t('plan.actionsDescription')} />
      <LoadState loading={actions.loading && !actions.data} error={actions.error} reload={actions.reload}>
        <Row gutter={[16, 16]}>
          {(actions.data ?? []).map((a) => (
            <Col key={a.no} xs={24} xl={12}><ActionCard action={a} showIntro /></Col>
          ))}
        </Row>
      </LoadState>
      {plan.data && (
        <section className="section">
          <Typography.Title level={4} className="section-title"><Bi k="plan.safeguardsTitle" /></Typography.Title>
          <Row gutter={[16, 16]}>
            {plan.data.safeguards.map((s) => (
              <Col key={s.no} xs={24} lg={8}>
                <Card className="panel safeguard-card" title={<span>{pick(lang, s, 'title')}<span className="bi-aside">{other(lang, s, 'title')}</span></span>}>
                  <Typography.Paragraph className="plan-prose">{s.textZh}</Typography.Paragraph>
                </Card>
              </Col>
            ))}
          </Row>
        </section>
      )}
    </>
  );
}
