import { Button, Card, Space, Tabs } from 'antd';
import { AuditOutlined, FileExcelOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi, ExportButton } from '../supervision/shared';
import { useListParams, useSearchBox } from '../supervision/WorkShared';
import { usePilotRoles } from './access';
import { API_PATH, PAGE_PATH, type ItemKind, type ListItem, type Page } from './api.lists';
import { FunnelPanel } from './FunnelPanel';
import { KIND_NAMES, LISTS } from './labels.lists';
import { ListMine } from './ListMine';
import { LIST_FILTERS, ListTable } from './ListTable';

const KEYS = [...LIST_FILTERS, 'tab', 'state'] as const;

/**
 * 生产需求清单 / 成果供给清单: the public funnel of the list, then the published items with Chinese
 * search, filters, paging and the Excel export of the same filters; posters have a 我的 tab with
 * their items in every state and the review notes, and a button to post.
 */
export default function ListPage({ kind }: { kind: ItemKind }) {
  const lang = useLang();
  const navigate = useNavigate();
  const roles = usePilotRoles();
  const canPost = kind === 'demand' ? roles.demandPoster : roles.achievementPoster;
  const { filters, page, size, set, paging } = useListParams(KEYS);
  const tab = canPost && filters.tab === 'mine' ? 'mine' : 'published';
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const publicFilters = Object.fromEntries(LIST_FILTERS.map((k) => [k, filters[k]]));
  const list = useApi<Page<ListItem>>(tab === 'published' ? `${API_PATH[kind]}${qs({ ...publicFilters, ...paging })}` : null);
  const listCode = KIND_NAMES[kind].list;
  const title = LISTS[listCode];

  const switchTab = (k: string) => {
    search.setTyped('');
    set({ tab: k === 'mine' ? 'mine' : undefined, q: undefined, state: undefined, ...Object.fromEntries(LIST_FILTERS.map((f) => [f, undefined])) });
  };

  return (
    <>
      <PageHeader title={title}
        description={kind === 'demand'
          ? bi(lang, { zh: '企业发布的中试与产业化需求，经工作专班审核后公开，有效期 180 天（不超过截止日期）。公开的是摘要，保密详情只对发布方接受的对接方开放。', en: 'Enterprises\' pilot and scale-up needs, public after the task force\'s review for 180 days (never past the deadline). The summary is public; the confidential detail opens only to parties the poster accepts.' })
          : bi(lang, { zh: '高校院所和企业可供转化的科研成果，经工作专班审核后公开，有效期 180 天。保密详情只对发布方接受的对接方开放。', en: 'Research results offered for transfer by institutes and enterprises, public after review for 180 days. The confidential detail opens only to parties the poster accepts.' })}
        extra={(
          <Space wrap>
            <ExportButton path={`${API_PATH[kind]}/export.xlsx${qs(publicFilters)}`} fallbackName={`${title.zh}.xlsx`} icon={<FileExcelOutlined />} testId="pilot-list-export" />
            <Button icon={<HistoryOutlined />} onClick={() => navigate(`/pilot/editions?list=${listCode}`)} data-testid="pilot-list-editions"><Bi zh="历次版本" en="Editions" /></Button>
            {roles.taskForce && <Button icon={<AuditOutlined />} onClick={() => navigate('/pilot/review')} data-testid="pilot-list-review"><Bi zh="审核队列" en="Review queue" /></Button>}
            {canPost && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`${PAGE_PATH[kind]}/new`)} data-testid="pilot-list-post">
                {kind === 'demand' ? <Bi zh="发布需求" en="Post a demand" /> : <Bi zh="发布成果" en="Post an achievement" />}
              </Button>
            )}
          </Space>
        )} />

      <FunnelPanel list={listCode} />

      <section className="section">
        <Card className="panel">
          {canPost ? (
            <Tabs activeKey={tab} onChange={switchTab} destroyOnHidden data-testid="pilot-list-tabs" items={[
              { key: 'published', label: <span data-testid="pilot-tab-published"><Bi zh="已发布" en="Published" /></span>, children: <ListTable kind={kind} list={list} filters={filters} set={set} page={page} size={size} search={search} canPost={canPost} /> },
              { key: 'mine', label: <span data-testid="pilot-tab-mine"><Bi zh="我的" en="Mine" /></span>, children: <ListMine kind={kind} filters={filters} set={set} page={page} size={size} search={search} /> },
            ]} />
          ) : (
            <ListTable kind={kind} list={list} filters={filters} set={set} page={page} size={size} search={search} canPost={false} />
          )}
        </Card>
      </section>
    </>
  );
}
