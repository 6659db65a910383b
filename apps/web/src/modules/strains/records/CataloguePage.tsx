import { Button, Card, Checkbox, Empty, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileExcelOutlined, FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { qs } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { useLang } from '../../../app/i18n';
import { PageHeader } from '../../../app/PageHeader';
import { useApi } from '../../../app/useApi';
import { bi, ExportButton, one } from '../../supervision/shared';
import { useListParams, useSearchBox } from '../../supervision/WorkShared';
import { useRecordsRoles } from './access';
import type { Page, Strain } from './api';
import { CatalogueChart } from './CatalogueChart';
import { HAZARD_CLASSES, ORGANISM_KINDS, STRAIN_STATUSES } from './labels';
import { HazardTag, RestrictionTags, StatusTag, StrainName } from './StrainTags';

/** The catalogue's filters, as the list, the chart and the exports take them. */
const FILTERS = ['q', 'kind', 'hazardClass', 'biosafetyLevel', 'typeStrain', 'restricted', 'use', 'status', 'sort'] as const;
const options = (lang: 'zh' | 'en', o: Record<string, { zh: string; en: string }>) => Object.entries(o).map(([value, n]) => ({ value, label: bi(lang, n) }));

/**
 * 菌种目录: accessioned strains with Chinese search, filters and sorting in the URL, the counts by
 * kind and hazard class, and the Darwin Core CSV / Excel exports of the same filters. A restricted
 * strain shows its public summary to those without access. Curators also filter by status.
 */
export default function CataloguePage() {
  const lang = useLang();
  const navigate = useNavigate();
  const roles = useRecordsRoles();
  const { filters, page, size, set, paging } = useListParams(FILTERS);
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const use = useSearchBox(filters.use, (u) => set({ use: u }));
  const query = Object.fromEntries(FILTERS.map((k) => [k, filters[k]])) as Record<string, string | undefined>;
  if (!roles.curator) delete query.status;
  const list = useApi<Page<Strain>>(`/api/strains${qs({ ...query, ...paging })}`);
  const filtered = FILTERS.some((k) => k !== 'sort' && filters[k]);

  const columns: ColumnsType<Strain> = [
    { title: <Bi zh="保藏编号" en="Accession" />, key: 'accession', width: 130, fixed: 'left', render: (_, s) => <Link to={`/strains/${s.id}`} className="mono cell-main" data-testid={`records-strain-link-${s.id}`}>{s.accession ?? '—'}</Link> },
    { title: <Bi zh="菌种" en="Strain" />, key: 'name', width: 300, render: (_, s) => <div><StrainName s={s} /><div className="cell-sub">{s.nameZh}</div></div> },
    { title: <Bi zh="类别" en="Kind" />, key: 'kind', width: 110, render: (_, s) => (ORGANISM_KINDS[s.organismKind] ? one(lang, ORGANISM_KINDS[s.organismKind]) : s.organismKind) },
    { title: <Bi zh="危害程度 / 等级" en="Hazard / BSL" />, key: 'hazard', width: 150, render: (_, s) => <HazardTag hazardClass={s.hazardClass} level={s.biosafetyLevel} /> },
    { title: <Bi zh="标记" en="Flags" />, key: 'flags', width: 190, render: (_, s) => <RestrictionTags s={s} /> },
    { title: <Bi zh="应用" en="Applications" />, key: 'apps', width: 220, render: (_, s) => s.applicationsZh.join('、') || '—' },
    ...(roles.curator && filters.status && filters.status !== 'accessioned' ? [{ title: <Bi zh="状态" en="Status" />, key: 'status', width: 110, render: (_: unknown, s: Strain) => <StatusTag status={s.status} /> }] : []),
  ];

  const empty = filtered
    ? <Empty description={bi(lang, { zh: '没有符合条件的菌种，请调整筛选条件', en: 'No strains match; change the filters' })}><Button onClick={() => { search.setTyped(''); use.setTyped(''); set(Object.fromEntries(FILTERS.map((k) => [k, undefined]))); }}><Bi zh="清除筛选" en="Clear filters" /></Button></Empty>
    : <Empty description={bi(lang, { zh: '目录中尚无已保藏菌种 — 企业、高校院所和中试基地可在“保藏申请”中提交菌种', en: 'No accessioned strains yet: enterprises, institutes and pilot bases submit strains under “Deposits”' })} />;

  return (
    <>
      <PageHeader title={{ zh: '菌种目录', en: 'Strain catalogue' }}
        description={bi(lang, {
          zh: '重庆市生物菌种资源库已保藏的菌种（CQMCC 编号），字段遵循微生物通用语言（MCL / WFCC）。受限菌种（第一、二类病原微生物、BSL-3 及以上、出口管制或管理员限制）对无权限者只显示公开摘要。',
          en: 'Strains accessioned in the Chongqing strain bank (CQMCC numbers), with the Microbial Common Language (MCL / WFCC) fields. A restricted strain (hazard class 1–2, BSL-3 or above, export control, or restricted by the curators) shows only its public summary to those without access.',
        })}
        extra={(
          <Space wrap>
            <ExportButton path={`/api/strains/export.csv${qs(query)}`} fallbackName="CQMCC-catalogue.csv" zh="导出 Darwin Core CSV" en="Darwin Core CSV" icon={<FileTextOutlined />} testId="records-export-csv" />
            <ExportButton path={`/api/strains/export.xlsx${qs(query)}`} fallbackName="CQMCC-catalogue.xlsx" icon={<FileExcelOutlined />} testId="records-export-xlsx" />
            {roles.depositor && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/strains/deposits?tab=submit')} data-testid="records-deposit-button"><Bi zh="提交保藏" en="Deposit a strain" /></Button>}
          </Space>
        )} />

      <section className="section records-catalogue">
        <CatalogueChart filters={Object.fromEntries(Object.entries(query).filter(([k]) => k !== 'sort'))} />
        <Card className="panel" style={{ marginTop: 16 }}>
          <div className="table-toolbar">
            <Input.Search allowClear placeholder={bi(lang, { zh: '中文名、学名、编号检索', en: 'Search names and numbers' })} style={{ width: 240 }} value={search.typed} onChange={(e) => search.setTyped(e.target.value)} data-testid="records-search" />
            <Select allowClear style={{ width: 150 }} placeholder={bi(lang, { zh: '生物类别', en: 'Kind' })} value={filters.kind} onChange={(v) => set({ kind: v })} options={options(lang, ORGANISM_KINDS)} data-testid="records-filter-kind" />
            <Select allowClear style={{ width: 150 }} placeholder={bi(lang, { zh: '危害程度', en: 'Hazard class' })} value={filters.hazardClass} onChange={(v) => set({ hazardClass: v })} options={options(lang, HAZARD_CLASSES)} />
            <Select allowClear style={{ width: 110 }} placeholder="BSL" value={filters.biosafetyLevel} onChange={(v) => set({ biosafetyLevel: v })} options={[1, 2, 3, 4].map((l) => ({ value: String(l), label: `BSL-${l}` }))} />
            <Select allowClear style={{ width: 130 }} placeholder={bi(lang, { zh: '受限', en: 'Restricted' })} value={filters.restricted} onChange={(v) => set({ restricted: v })}
              options={[{ value: 'true', label: bi(lang, { zh: '受限', en: 'Restricted' }) }, { value: 'false', label: bi(lang, { zh: '不受限', en: 'Open' }) }]} />
            <Checkbox checked={filters.typeStrain === 'true'} onChange={(e) => set({ typeStrain: e.target.checked ? 'true' : undefined })}><Bi zh="模式菌株" en="Type strains" /></Checkbox>
            <Input allowClear style={{ width: 180 }} placeholder={bi(lang, { zh: '应用或产物', en: 'Application or product' })} value={use.typed} onChange={(e) => use.setTyped(e.target.value)} />
            {roles.curator && <Select allowClear style={{ width: 140 }} placeholder={bi(lang, { zh: '状态', en: 'Status' })} value={filters.status} onChange={(v) => set({ status: v })} options={options(lang, STRAIN_STATUSES)} />}
            <Select style={{ width: 150 }} value={filters.sort ?? 'accession'} onChange={(v) => set({ sort: v === 'accession' ? undefined : v })}
              options={[['accession', '按编号', 'By accession'], ['name', '按学名', 'By name'], ['hazardClass', '按危害程度', 'By hazard class'], ['accessionedAt', '最新保藏', 'Newest']].map(([value, zh, en]) => ({ value, label: bi(lang, { zh, en }) }))} />
            <Typography.Text type="secondary" className="table-count">{lang === 'zh' ? `共 ${list.data?.total ?? 0} 株` : `${list.data?.total ?? 0} strains`}</Typography.Text>
          </div>
          <LoadState loading={list.loading && !list.data} error={list.error} reload={list.reload}>
            <Table<Strain> rowKey="id" size="middle" columns={columns} dataSource={list.data?.items ?? []} scroll={{ x: 1100 }} loading={list.loading} locale={{ emptyText: empty }}
              data-testid="records-catalogue-table"
              pagination={{ current: page, pageSize: size, total: list.data?.total ?? 0, showSizeChanger: true, onChange: (p, s) => set({ page: p, size: s }) }} />
          </LoadState>
        </Card>
      </section>
    </>
  );
}
