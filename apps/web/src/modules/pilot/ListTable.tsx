import { Button, Empty, Input, Select, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import type { ApiState } from '../../app/useApi';
import { DomainTags } from '../plan/DomainTags';
import { DOMAIN_NAMES } from '../plan/format';
import { bi, dateOnly, one } from '../supervision/shared';
import { useDistrictNames } from '../supervision/WorkShared';
import { PAGE_PATH, type AchievementItem, type DemandItem, type ItemKind, type ListItem, type Page } from './api.lists';
import { OrganismTags, ProcessTags } from './ItemTags';
import { KIND_NAMES, ORGANISM_CODES, ORGANISMS, PROCESS_NAMES, PROCESSES } from './labels.lists';
import { litres } from './ListModel';

/** The public filters, as the server's list and export take them. */
export const LIST_FILTERS = ['q', 'domain', 'districtCode', 'process', 'organism'] as const;

/** The first column: the title linking to the item, its code and who posted it. */
export function ItemTitleCell({ kind, item }: { kind: ItemKind; item: Pick<ListItem, 'id' | 'code' | 'titleZh' | 'organisationNameZh'> }) {
  return (
    <div>
      <Link to={`${PAGE_PATH[kind]}/${item.id}`} className="cell-main" onClick={(e) => e.stopPropagation()} data-testid="pilot-item-link">{item.titleZh}</Link>
      <div className="cell-sub"><span className="mono">{item.code}</span> · {item.organisationNameZh}</div>
    </div>
  );
}

/** 已发布清单: the published items with Chinese search and filters in the URL, and paging. */
export function ListTable({ kind, list, filters, set, page, size, search, canPost }: {
  kind: ItemKind; list: ApiState<Page<ListItem>>; filters: Record<string, string | undefined>; set: (c: Record<string, string | number | undefined>) => void;
  page: number; size: number; search: { typed: string; setTyped: (s: string) => void }; canPost: boolean;
}) {
  const lang = useLang();
  const navigate = useNavigate();
  const districts = useDistrictNames();
  const filtered = LIST_FILTERS.some((k) => filters[k]);
  const clear = () => { search.setTyped(''); set(Object.fromEntries(LIST_FILTERS.map((k) => [k, undefined]))); };
  const what = KIND_NAMES[kind];

  const common = {
    domain: { title: <Bi zh="领域" en="Domain" />, key: 'domain', width: 150, render: (_: unknown, i: ListItem) => <DomainTags domains={[i.domain]} /> },
    district: { title: <Bi zh="区县" en="District" />, key: 'district', width: 110, render: (_: unknown, i: ListItem) => districts.name(i.districtCode) ?? i.districtNameZh ?? '—' },
    processes: { title: <Bi zh="单元操作" en="Unit operations" />, key: 'processes', width: 200, render: (_: unknown, i: ListItem) => <ProcessTags processes={i.processes} max={3} /> },
    expires: {
      title: <Bi zh="有效期至" en="Valid until" />, key: 'expiresOn', width: 110,
      render: (_: unknown, i: ListItem) => <Tooltip title={`${bi(lang, { zh: '发布于', en: 'Published' })} ${dateOnly(i.publishedAt)}`}>{dateOnly(i.expiresOn)}</Tooltip>,
    },
  };

  const demandColumns: ColumnsType<DemandItem> = [
    { title: <Bi zh="生产需求" en="Demand" />, key: 'title', width: 300, fixed: 'left', render: (_, d) => <ItemTitleCell kind="demand" item={d} /> },
    common.domain, common.district, common.processes,
    { title: <Bi zh="生物体" en="Organism" />, key: 'organism', width: 110, render: (_, d) => <OrganismTags organisms={[d.organism]} /> },
    { title: <Bi zh="规模" en="Scale" />, dataIndex: 'scaleL', width: 90, align: 'right', render: (v: number) => litres(v) },
    { title: <Bi zh="截止日期" en="Deadline" />, dataIndex: 'deadline', width: 110, render: (v: string) => dateOnly(v) },
    common.expires,
  ];
  const achievementColumns: ColumnsType<AchievementItem> = [
    { title: <Bi zh="成果" en="Achievement" />, key: 'title', width: 300, fixed: 'left', render: (_, a) => <ItemTitleCell kind="achievement" item={a} /> },
    common.domain, common.district,
    { title: <Bi zh="成熟度" en="TRL" />, dataIndex: 'trl', width: 80, align: 'center', render: (v: number) => `TRL ${v}` },
    { title: <Bi zh="已达规模" en="Scale reached" />, dataIndex: 'scaleReachedL', width: 100, align: 'right', render: (v: number | null) => litres(v) },
    common.processes,
    { title: <Bi zh="生物体" en="Organisms" />, key: 'organisms', width: 140, render: (_, a) => <OrganismTags organisms={a.organisms} /> },
    common.expires,
  ];

  const empty = list.error ? <Empty description={list.error.message} /> : filtered ? (
    <Empty description={bi(lang, { zh: `没有符合条件的${what.zh}，请调整检索词或筛选条件`, en: `No ${what.plural.en.toLowerCase()} match; change the search or filters` })}>
      <Button onClick={clear} data-testid="pilot-list-clear"><Bi zh="清除筛选" en="Clear filters" /></Button>
    </Empty>
  ) : (
    <Empty description={kind === 'demand'
      ? bi(lang, { zh: '暂无已发布的生产需求 — 企业点击“发布需求”填写，经工作专班审核后公开', en: 'No published demands yet: an enterprise posts one with “Post a demand”; it is public once the task force has reviewed it' })
      : bi(lang, { zh: '暂无已发布的成果 — 高校院所和企业点击“发布成果”填写，经工作专班审核后公开', en: 'No published achievements yet: institutes and enterprises post one with “Post an achievement”; it is public once reviewed' })}>
      {canPost && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`${PAGE_PATH[kind]}/new`)}>
          {kind === 'demand' ? <Bi zh="发布需求" en="Post a demand" /> : <Bi zh="发布成果" en="Post an achievement" />}
        </Button>
      )}
    </Empty>
  );

  const pagination = {
    current: page, pageSize: size, total: list.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100],
    onChange: (p: number, s: number) => set({ page: p === 1 ? undefined : p, size: s === 20 ? undefined : s }),
    showTotal: (total: number) => (lang === 'zh' ? `共 ${total} 项` : `${total} in all`),
  };
  const onRow = (i: ListItem) => ({ onClick: () => navigate(`${PAGE_PATH[kind]}/${i.id}`), style: { cursor: 'pointer' }, 'data-testid': `pilot-row-${i.code}` }) as React.HTMLAttributes<HTMLElement>;

  return (
    <>
      <div className="table-toolbar">
        <Input.Search allowClear value={search.typed} onChange={(e) => search.setTyped(e.target.value)} onSearch={(v) => set({ q: v.trim() || undefined })} style={{ width: 260 }}
          placeholder={kind === 'demand' ? bi(lang, { zh: '中文检索：产品、工艺、问题', en: 'Search (Chinese): product, process, problem' }) : bi(lang, { zh: '中文检索：成果名称、内容', en: 'Search (Chinese): title, result' })}
          data-testid="pilot-list-search" />
        <Select allowClear placeholder={bi(lang, { zh: '领域', en: 'Domain' })} style={{ width: 170 }} value={filters.domain} onChange={(v?: string) => set({ domain: v })}
          options={Object.entries(DOMAIN_NAMES).map(([value, n]) => ({ value, label: one(lang, n) }))} popupMatchSelectWidth={260} data-testid="pilot-list-domain" />
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={bi(lang, { zh: '区县', en: 'District' })} style={{ width: 160 }}
          value={filters.districtCode} onChange={(v?: string) => set({ districtCode: v })} options={districts.options} popupMatchSelectWidth={240} data-testid="pilot-list-district" />
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={bi(lang, { zh: '单元操作', en: 'Unit operation' })} style={{ width: 160 }}
          value={filters.process} onChange={(v?: string) => set({ process: v })} popupMatchSelectWidth={240} data-testid="pilot-list-process"
          options={PROCESS_NAMES.map((p) => ({ value: p, label: lang === 'zh' ? p : `${PROCESSES[p].en} ${p}` }))} />
        <Select allowClear placeholder={bi(lang, { zh: '生物体', en: 'Organism' })} style={{ width: 140 }} value={filters.organism} onChange={(v?: string) => set({ organism: v })}
          options={ORGANISM_CODES.filter((o) => o !== 'none').map((o) => ({ value: o, label: one(lang, ORGANISMS[o]) }))} popupMatchSelectWidth={200} data-testid="pilot-list-organism" />
        <Typography.Text type="secondary" className="table-count">{lang === 'zh' ? `共 ${list.data?.total ?? 0} 项` : `${list.data?.total ?? 0} items`}</Typography.Text>
      </div>
      {kind === 'demand' ? (
        <Table<DemandItem> rowKey="id" columns={demandColumns} dataSource={(list.data?.items ?? []) as DemandItem[]} loading={list.loading} scroll={{ x: 1250 }}
          onRow={onRow} pagination={pagination} locale={{ emptyText: empty }} data-testid="pilot-list-table" />
      ) : (
        <Table<AchievementItem> rowKey="id" columns={achievementColumns} dataSource={(list.data?.items ?? []) as AchievementItem[]} loading={list.loading} scroll={{ x: 1250 }}
          onRow={onRow} pagination={pagination} locale={{ emptyText: empty }} data-testid="pilot-list-table" />
      )}
    </>
  );
}
