import { useState } from 'react';
import { Alert, Button, Card, Col, Row, Tabs, Typography } from 'antd';
import { FormOutlined } from '@ant-design/icons';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi } from '../supervision/shared';
import { useListParams } from '../supervision/WorkShared';
import { usePilotRoles } from './access';
import type { ServiceRoute, ServiceStats } from './api.deals';
import { ServiceChart } from './ServiceChart';
import { ServiceFigures } from './ServiceFigures';
import { ServiceRequestModal } from './ServiceRequestModal';
import { ServiceRequestTable, type RequestSide } from './ServiceRequestTable';
import { ServiceRoutes } from './ServiceRoutes';

const KEYS = ['tab', 'state', 'clock', 'category'] as const;

/**
 * 一站式服务: the public figures first (requests, done, median days and the share done in time,
 * per kind, and a chart of median days against the days promised per category), the routing
 * table (the task force changes bodies and days), then for parties a request form and their
 * requests, and for handlers their queue with each request's clock.
 */
export default function ServicesPage() {
  const lang = useLang();
  const navigate = useNavigate();
  const location = useLocation();
  const { user, party, handler, taskForce } = usePilotRoles();
  const stats = useApi<ServiceStats>('/api/pilot/services/stats');
  const routes = useApi<ServiceRoute[]>('/api/pilot/services/routes');
  const { filters, page, size, set } = useListParams(KEYS);
  const [filing, setFiling] = useState<{ category?: string } | null>(null);

  const sides: RequestSide[] = [...(party ? (['requester'] as RequestSide[]) : []), ...(handler ? (['handler'] as RequestSide[]) : [])];
  const side: RequestSide | undefined = sides.includes(filters.tab as RequestSide) ? (filters.tab as RequestSide) : sides[0];
  const routeList = routes.data ?? [];

  return (
    <>
      <PageHeader titleKey="nav.pilotServices"
        description={bi(lang, {
          zh: '规划选址、项目用地、环评、应急等审批服务，工商财税、法律、品牌、市场等商务服务，以及生物制造商品进出口通关，一站受理、限时办结；重点项目可走绿色通道，时限减半。',
          en: 'Approvals (site, land, environment, emergency), business services (registration and tax, legal, branding, markets) and import/export clearance for biomanufactured goods: one place to file, with days promised; priority projects take the green channel at half the days.',
        })}
        extra={party && <Button type="primary" icon={<FormOutlined />} onClick={() => setFiling({})} disabled={!routeList.length} data-testid="pilot-service-file"><Bi zh="提交申请" en="File a request" /></Button>} />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={11}>
          <Card className="panel" title={<Bi zh="办理情况" en="How requests are handled" />}>
            <LoadState loading={stats.loading && !stats.data} error={stats.error} reload={stats.reload} rows={5}>
              {stats.data && <ServiceFigures stats={stats.data} />}
            </LoadState>
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <Card className="panel" title={<Bi zh="各类服务办理用时中位数与承诺时限（天）" en="Median days per category against the days promised" />}>
            <LoadState loading={(stats.loading && !stats.data) || (routes.loading && !routes.data)} error={stats.error ?? routes.error} reload={() => { stats.reload(); routes.reload(); }} rows={6}>
              {stats.data && routes.data && <ServiceChart stats={stats.data} routes={routes.data} />}
            </LoadState>
          </Card>
        </Col>
      </Row>

      <section className="section">
        <div className="section-head">
          <Typography.Title level={4} className="section-title"><Bi zh="服务类别、承办机构与办理情况" en="Categories, responsible bodies and figures" /></Typography.Title>
        </div>
        <Card className="panel">
          <LoadState loading={routes.loading && !routes.data} error={routes.error} reload={routes.reload} rows={6}>
            <ServiceRoutes routes={routeList} stats={stats.data} canEdit={taskForce} onChanged={() => { routes.reload(); stats.reload(); }} />
          </LoadState>
        </Card>
      </section>

      <section className="section">
        <div className="section-head">
          <Typography.Title level={4} className="section-title"><Bi zh="服务申请" en="Requests" /></Typography.Title>
        </div>
        <Card className="panel">
          {!user ? (
            <Alert type="info" showIcon data-testid="pilot-services-signin"
              title={bi(lang, { zh: '登录后，企业、高校院所与中试基地可提交申请并查看办理进度；承办部门可在此办理。', en: 'Sign in: enterprises, institutes and pilot bases file requests and follow them; the responsible bodies handle them here.' })}
              action={<Link to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}><Button size="small" type="primary"><Bi zh="登录" en="Sign in" /></Button></Link>} />
          ) : !side ? (
            <Alert type="info" showIcon title={bi(lang, { zh: '您的账号不提交或办理一站式服务申请。', en: 'Your account neither files nor handles one-stop requests.' })} />
          ) : (
            <>
              <Tabs activeKey={side} onChange={(k) => set({ tab: k, state: undefined, clock: undefined, category: undefined })} data-testid="pilot-services-tabs"
                items={sides.map((s) => ({
                  key: s,
                  label: <span data-testid={`pilot-services-tab-${s}`}>{s === 'requester' ? <Bi zh="我的申请" en="My requests" /> : taskForce ? <Bi zh="全部申请" en="All requests" /> : <Bi zh="我的待办" en="My queue" />}</span>,
                }))} />
              <ServiceRequestTable key={side} side={side} routes={routeList} filters={filters} set={set} page={page} size={size}
                empty={side === 'requester'
                  ? <span>{bi(lang, { zh: '暂无申请 — 点击“提交申请”，选择服务类别即可，系统按类别转承办部门限时办理', en: 'No requests yet: press "File a request" and choose a category; it goes to the responsible body with its days' })}
                      {party && <Button type="link" size="small" onClick={() => setFiling({})}><Bi zh="提交申请" en="File a request" /></Button>}</span>
                  : bi(lang, { zh: '暂无待办 — 转给本单位的申请会出现在这里', en: 'Nothing in your queue: requests routed to your body appear here' })} />
            </>
          )}
        </Card>
      </section>

      {filing && routes.data && (
        <ServiceRequestModal routes={routes.data} initialCategory={filing.category} onClose={() => setFiling(null)}
          onDone={(r) => { setFiling(null); navigate(`/pilot/services/requests/${r.id}`); }} />
      )}
    </>
  );
}
