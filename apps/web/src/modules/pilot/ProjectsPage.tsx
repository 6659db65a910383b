import { useState } from 'react';
import { Alert, Button, Card, Segmented, Select, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useSession } from '../../app/session';
import { useApi } from '../../app/useApi';
import { DOMAIN_NAMES } from '../plan/format';
import { labelFilter } from '../supervision/PubShared';
import { bi, one } from '../supervision/shared';
import { useDistrictNames, useListParams } from '../supervision/WorkShared';
import { BASE_KEEPERS, OVERSEERS, usePilotRoles } from './access';
import { PROJECT_READERS, type BaseSummary, type Page, type ProjectBoard as Board, type ProjectCounts as Counts } from './api.deals';
import { ProjectBoard } from './ProjectBoard';
import { ProjectCounts } from './ProjectCounts';
import { ProjectFormModal } from './ProjectFormModal';

const FILTERS = ['status', 'domain', 'districtCode', 'baseId'] as const;

/**
 * 中试项目: the public counts by stage with the plan's "1 to 10" conversions, then, for those who
 * may see projects, the board by stage (the task force, overseers and bases see all, a party its
 * own); the task force and the bases record new projects.
 */
export default function ProjectsPage() {
  const lang = useLang();
  const navigate = useNavigate();
  const location = useLocation();
  const { hasRole } = useSession();
  const { user, baseKeeper, party } = usePilotRoles();
  const reader = hasRole(...PROJECT_READERS);
  const seesAll = hasRole(...OVERSEERS, ...BASE_KEEPERS);
  const { filters, set } = useListParams(FILTERS);
  const [adding, setAdding] = useState(false);
  const districts = useDistrictNames();

  const counts = useApi<Counts>('/api/pilot/projects/counts');
  const board = useApi<Board>(reader ? `/api/pilot/projects/board${qs({ status: filters.status, domain: filters.domain, districtCode: filters.districtCode, baseId: filters.baseId })}` : null);
  const bases = useApi<Page<BaseSummary>>(reader && seesAll ? '/api/pilot/bases?limit=500' : null, { cached: true });
  const status = filters.status === 'stopped' || filters.status === 'all' ? filters.status : 'active';
  const filtered = !!(filters.domain || filters.districtCode || filters.baseId || filters.status);

  return (
    <>
      <PageHeader titleKey="nav.pilotProjects"
        description={bi(lang, {
          zh: '从技术攻关、概念验证、中试熟化到企业孵化、园区运营、产业集群的全链条项目；每一步须经关口评审。',
          en: 'Projects along the chain from research, proof of concept and pilot maturation to incubation, park operation and cluster; each step through a gate review.',
        })}
        extra={baseKeeper && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="pilot-project-add"><Bi zh="登记项目" en="Record a project" /></Button>} />

      <Card className="panel" title={<Bi zh="各阶段项目数" en="Projects by stage" />}>
        <LoadState loading={counts.loading && !counts.data} error={counts.error} reload={counts.reload} rows={3}>
          {counts.data && <ProjectCounts counts={counts.data} />}
        </LoadState>
      </Card>

      <section className="section">
        <div className="section-head">
          <Typography.Title level={4} className="section-title"><Bi zh="项目看板" en="Project board" /></Typography.Title>
          {reader && (
            <Space wrap>
              <Segmented value={status} onChange={(v) => set({ status: v === 'active' ? undefined : v })} data-testid="pilot-projects-status" options={[
                { value: 'active', label: bi(lang, { zh: '进行中', en: 'Active' }) },
                { value: 'stopped', label: bi(lang, { zh: '已终止', en: 'Stopped' }) },
                { value: 'all', label: bi(lang, { zh: '全部', en: 'All' }) },
              ]} />
              <Select allowClear style={{ width: 200 }} value={filters.domain} onChange={(v) => set({ domain: v })} placeholder={bi(lang, { zh: '领域', en: 'Domain' })} data-testid="pilot-projects-domain"
                options={Object.entries(DOMAIN_NAMES).map(([value, n]) => ({ value, label: one(lang, n) }))} popupMatchSelectWidth={260} />
              <Select allowClear showSearch={{ filterOption: labelFilter }} style={{ width: 170 }} value={filters.districtCode} onChange={(v) => set({ districtCode: v })}
                placeholder={bi(lang, { zh: '区县', en: 'District' })} options={districts.options} data-testid="pilot-projects-district" />
              {seesAll && (
                <Select allowClear showSearch={{ filterOption: labelFilter }} style={{ width: 220 }} value={filters.baseId} onChange={(v) => set({ baseId: v })} loading={bases.loading}
                  placeholder={bi(lang, { zh: '中试基地', en: 'Pilot base' })} data-testid="pilot-projects-base" popupMatchSelectWidth={320}
                  options={(bases.data?.items ?? []).map((b) => ({ value: b.id, label: `${b.code} ${b.nameZh}` }))} />
              )}
            </Space>
          )}
        </div>
        <Card className="panel">
          {!reader ? (
            <Alert type="info" showIcon data-testid="pilot-projects-signin"
              title={user
                ? bi(lang, { zh: '项目看板向工作专班、督查单位、中试基地与项目参与方开放；上方为公开的各阶段项目数。', en: 'The board is open to the task force, overseers, pilot bases and the parties to projects; the counts above are public.' })
                : bi(lang, { zh: '登录后可查看项目看板；上方为公开的各阶段项目数。', en: 'Sign in to see the board; the counts above are public.' })}
              action={!user && <Link to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}><Button size="small" type="primary"><Bi zh="登录" en="Sign in" /></Button></Link>} />
          ) : (
            <LoadState loading={board.loading && !board.data} error={board.error} reload={board.reload}>
              {!seesAll && (
                <Alert type="info" showIcon className="panel-alert" title={bi(lang, { zh: '仅显示本机构参与的项目（牵头、需求或成果发布方、洽谈一方或承接基地）。', en: 'Only the projects your organisation takes part in (as lead, owner of the demand or achievement, party to the response, or base).' })} />
              )}
              {board.data && (board.data.total ? <ProjectBoard board={board.data} /> : (
                <Alert type="info" showIcon data-testid="pilot-projects-empty"
                  title={filtered
                    ? bi(lang, { zh: '没有符合筛选条件的项目', en: 'No project matches the filters' })
                    : bi(lang, { zh: '暂无中试项目 — 对接洽谈完成时选择“转为中试项目”，或由基地、工作专班直接登记', en: 'No pilot projects yet: complete a response as "pilot project", or a base or the task force records one' })}
                  action={!filtered && (
                    <Space orientation="vertical">
                      {baseKeeper && <Button size="small" type="primary" onClick={() => setAdding(true)}><Bi zh="登记项目" en="Record a project" /></Button>}
                      {party && <Button size="small" onClick={() => navigate('/pilot/responses')}><Bi zh="对接洽谈" en="Responses" /></Button>}
                    </Space>
                  )} />
              ))}
            </LoadState>
          )}
        </Card>
      </section>
      {adding && <ProjectFormModal onClose={() => setAdding(false)} onSaved={(p) => { setAdding(false); navigate(`/pilot/projects/${p.id}`); }} />}
    </>
  );
}
