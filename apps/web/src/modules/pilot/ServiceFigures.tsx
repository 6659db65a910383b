import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { one } from '../supervision/shared';
import type { ServiceStats } from './api.deals';
import { daysText, SERVICE_KINDS, sharePct } from './labels.deals';
import { ServiceKindTag } from './ServiceTags';

/**
 * The public figures first: requests, done, median days from filing to done, and the share done
 * within the days promised; then the same per kind (approvals, business services, clearance).
 */
export function ServiceFigures({ stats }: { stats: ServiceStats }) {
  const lang = useLang();
  const t = stats.total;
  const figures = [
    { key: 'requests', title: <Bi zh="受理申请" en="Requests" />, value: t.requests, suffix: lang === 'zh' ? '件' : undefined },
    { key: 'done', title: <Bi zh="已办结" en="Done" />, value: t.done, suffix: lang === 'zh' ? '件' : undefined },
    { key: 'median', title: <Bi zh="办理用时中位数" en="Median days" />, value: t.medianDays ?? '—', suffix: t.medianDays === null ? undefined : lang === 'zh' ? '天' : 'd' },
    { key: 'within', title: <Bi zh="按时办结率" en="Done within the days" />, value: t.withinSlaShare === null ? '—' : Math.round(t.withinSlaShare * 1000) / 10, suffix: t.withinSlaShare === null ? undefined : '%' },
  ];
  return (
    <div data-testid="pilot-services-figures">
      <Row gutter={[16, 16]}>
        {figures.map((f) => (
          <Col key={f.key} xs={12} lg={6}>
            <Card className="panel" size="small" data-testid={`pilot-services-figure-${f.key}`}>
              <Statistic title={f.title} value={f.value} suffix={f.suffix} styles={{ content: { fontWeight: 600, color: '#1d4f91' } }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Table size="small" rowKey="kind" pagination={false} dataSource={stats.kinds} style={{ marginTop: 16 }} data-testid="pilot-services-kinds"
        columns={[
          { title: <Bi zh="服务类型" en="Kind" />, dataIndex: 'kind', render: (k: string) => <ServiceKindTag kind={k} /> },
          { title: <Bi zh="申请" en="Requests" />, dataIndex: 'requests', align: 'right' },
          { title: <Bi zh="办结" en="Done" />, dataIndex: 'done', align: 'right' },
          { title: <Bi zh="用时中位数" en="Median" />, dataIndex: 'medianDays', align: 'right', render: (v: number | null) => daysText(lang, v) },
          { title: <Bi zh="按时办结率" en="Within the days" />, dataIndex: 'withinSlaShare', align: 'right', render: (v: number | null) => sharePct(v) },
        ]} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {one(lang, {
          zh: `统计不含已撤回的申请；用时自提交至办结，按自然日计。${Object.values(SERVICE_KINDS).map((k) => k.zh).join('、')}分别由对应部门承办。`,
          en: 'Withdrawn requests are not counted; days run from filing to done, in calendar days. Each kind is handled by its responsible bodies.',
        })}
      </Typography.Paragraph>
    </div>
  );
}
