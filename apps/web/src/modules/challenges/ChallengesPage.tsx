import { Button, Card, Empty, Input, Select, Space, Table, Tabs } from 'antd';
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi, ExportButton } from '../supervision/shared';
import { useListParams, useSearchBox } from '../supervision/WorkShared';
import { useChallengeRoles } from './access';
import type { ChallengePublic, Page } from './api';
import { CHALLENGE_STATUSES, MODES } from './labels';
import { ChallengeStatusTag, Countdown, FieldTags, ModeTag, wan } from './Tags';

const KEYS = ['q', 'mode', 'field', 'status', 'tab'] as const;

/**
 * 揭榜挂帅榜单: the open challenges for everyone (mode, funding, deadline with the time left, field
 * keywords, the number of applications), searched and filtered in the URL; organisers export
 * them and draft a new one; organisers and overseers also see every challenge in every status.
 */
export default function ChallengesPage() {
  const lang = useLang();
  const navigate = useNavigate();
  const roles = useChallengeRoles();
  const { filters, page, size, set, paging } = useListParams(KEYS);
  const tab = roles.overseer && filters.tab === 'all' ? 'all' : 'open';
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const filter = { q: filters.q, mode: filters.mode, field: filters.field };
  const list = useApi<Page<ChallengePublic & { mayRun?: boolean }>>(tab === 'open'
    ? `/api/challenges/open${qs({ ...filter, ...paging })}`
    : `/api/challenges${qs({ ...filter, status: filters.status, ...paging })}`);

  const table = (
    <>
      <Space wrap className="cq-filters">
        <Input.Search allowClear value={search.typed} onChange={(e) => search.setTyped(e.target.value)} style={{ width: 260 }}
          placeholder={bi(lang, { zh: '搜索榜单名称、目标、指标', en: 'Search titles, goals, indicators' })} data-testid="challenges-search" />
        <Select allowClear style={{ width: 200 }} value={filters.mode} onChange={(mode) => set({ mode })} data-testid="challenges-mode"
          placeholder={bi(lang, { zh: '方式', en: 'Mode' })} options={Object.entries(MODES).map(([value, n]) => ({ value, label: bi(lang, n) }))} />
        <Input allowClear style={{ width: 180 }} defaultValue={filters.field} onPressEnter={(e) => set({ field: (e.target as HTMLInputElement).value.trim() || undefined })}
          onChange={(e) => !e.target.value && set({ field: undefined })} placeholder={bi(lang, { zh: '领域关键词（回车）', en: 'Field keyword (Enter)' })} data-testid="challenges-field" />
        {tab === 'all' && (
          <Select allowClear style={{ width: 160 }} value={filters.status} onChange={(status) => set({ status })}
            placeholder={bi(lang, { zh: '状态', en: 'Status' })} options={Object.entries(CHALLENGE_STATUSES).map(([value, n]) => ({ value, label: bi(lang, n) }))} />
        )}
      </Space>
      <Table<ChallengePublic> rowKey="id" size="middle" loading={list.loading} dataSource={list.data?.items ?? []} data-testid="challenges-table" scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty description={tab === 'open'
          ? bi(lang, { zh: '暂无揭榜中的榜单。组织单位可从技术需求目录发榜。', en: 'No challenge is open now. Organisers post them from the technology-need catalog.' })
          : bi(lang, { zh: '没有符合条件的榜单', en: 'No challenge matches' })} /> }}
        pagination={{ current: page, pageSize: size, total: list.data?.total ?? 0, showSizeChanger: true, onChange: (p, s) => set({ page: p, size: s }) }}
        columns={[
          { title: <Bi zh="榜单" en="Challenge" />, key: 'title', render: (_, c) => (
            <div><Link to={`/challenges/${c.id}`} className="cell-main" data-testid={`challenge-link-${c.code}`}>{c.titleZh}</Link>
              <div className="cell-sub"><span className="mono">{c.code}</span>{c.organiserNameZh ? ` · ${c.organiserNameZh}` : ''}</div></div>
          ) },
          { title: <Bi zh="方式" en="Mode" />, key: 'mode', width: 150, render: (_, c) => <Space size={4} orientation="vertical"><ModeTag mode={c.mode} />{tab === 'all' && <ChallengeStatusTag status={c.status} />}</Space> },
          { title: <Bi zh="支持经费" en="Funding" />, key: 'funding', width: 150, render: (_, c) => <div>{wan(c.fundingWan)}<div className="cell-sub">{c.mode === 'parallel' ? bi(lang, { zh: `资助 ${c.maxTeams} 个团队`, en: `${c.maxTeams} teams` }) : bi(lang, { zh: `实施期 ${c.durationMonths} 个月`, en: `${c.durationMonths} months` })}</div></div> },
          { title: <Bi zh="截止时间" en="Deadline" />, key: 'deadline', width: 250, render: (_, c) => <Countdown deadline={c.deadline} /> },
          { title: <Bi zh="领域关键词" en="Fields" />, key: 'fields', render: (_, c) => <FieldTags fields={c.fields} /> },
          { title: <Bi zh="申报数" en="Applications" />, dataIndex: 'applicationCount', width: 100, align: 'right' },
        ]} />
    </>
  );

  return (
    <>
      <PageHeader titleKey="nav.challengeList"
        description={bi(lang, { zh: '从技术需求目录发布的榜单：揭榜挂帅（一个团队）或并行资助（多个团队，中期评估择优）。截止时间以服务器时间为准。', en: 'Challenges posted from the technology-need catalog: a single award, or parallel funding of several teams with a mid-term review. The server\'s clock decides the deadline.' })}
        extra={(
          <Space wrap>
            {roles.overseer && <ExportButton path={`/api/challenges/open/export.xlsx${qs(filter)}`} fallbackName="揭榜挂帅榜单.xlsx" icon={<FileExcelOutlined />} testId="challenges-export" />}
            {roles.organiser && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/challenges/new')} data-testid="challenges-new"><Bi zh="发布榜单" en="New challenge" /></Button>}
          </Space>
        )} />
      <Card className="panel">
        {roles.overseer ? (
          <Tabs activeKey={tab} onChange={(k) => set({ tab: k === 'all' ? 'all' : undefined, status: undefined })} destroyOnHidden items={[
            { key: 'open', label: <Bi zh="揭榜中" en="Open" />, children: table },
            { key: 'all', label: <span data-testid="challenges-tab-all"><Bi zh="全部榜单" en="All challenges" /></span>, children: table },
          ]} />
        ) : table}
      </Card>
    </>
  );
}
