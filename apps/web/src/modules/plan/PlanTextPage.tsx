import { useCallback, useEffect, useState } from 'react';
import { Anchor, Card, Col, Input, Row, Typography } from 'antd';
import { useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/PageHeader';
import { LoadState } from '../../app/components/LoadState';
import { usePlan, usePlanText } from './api';
import { PlanTextView } from './PlanTextView';
import type { Line } from './planText';

/** The plan's full text as published, with a table of contents and find-in-text. */
export default function PlanTextPage() {
  const { t } = useTranslation();
  const text = usePlanText();
  const plan = usePlan();
  const { hash } = useLocation();
  const [search, setSearch] = useState('');
  const [lines, setLines] = useState<Line[]>([]);
  const onLines = useCallback((l: Line[]) => setLines(l), []);

  useEffect(() => {
    if (hash && text.data) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'center' });
  }, [hash, text.data]);

  const toc = lines
    .filter((l) => l.kind === 'part' || l.kind === 'action')
    .map((l) => {
      const id = l.actionNo ? `text-action-${l.actionNo}` : l.safeguardNo ? `text-safeguard-${l.safeguardNo}` : `text-part-${l.index}`;
      return { key: id, href: `#${id}`, title: l.text.trim(), className: l.kind === 'part' ? 'toc-part' : 'toc-action' };
    });
  const hits = search.trim() && text.data ? text.data.text.split(search.trim()).length - 1 : 0;

  return (
    <>
      <PageHeader titleKey="nav.planText"
        description={plan.data ? t('plan.textDescription', { version: text.data?.version ?? plan.data.version, status: plan.data.statusZh }) : undefined}
        extra={
          <div className="text-search">
            <Input.Search allowClear placeholder={t('plan.findInText')} onChange={(e) => setSearch(e.target.value)} style={{ width: 260 }} />
            {search.trim() && <Typography.Text type="secondary">{t('plan.hits', { count: hits })}</Typography.Text>}
          </div>
        } />
      <LoadState loading={text.loading && !text.data} error={text.error} reload={text.reload} rows={12}>
        <Row gutter={24}>
          <Col xs={0} lg={6}>
            <Anchor className="text-toc" offsetTop={84} items={toc} />
          </Col>
          <Col xs={24} lg={18}>
            <Card className="panel paper">
              {text.data && <PlanTextView text={text.data.text} search={search} onLines={onLines} />}
            </Card>
          </Col>
        </Row>
      </LoadState>
    </>
  );
}
