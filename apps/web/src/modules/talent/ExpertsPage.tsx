import { useState } from 'react';
import { Button, Card, Empty, Input, Select, Space, Table, Tag } from 'antd';
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi, ExportButton } from '../supervision/shared';
import { useListParams, useSearchBox } from '../supervision/WorkShared';
import { useTalentRoles } from './access';
import type { ExpertRow, Page } from './api';
import { ExpertDrawer } from './ExpertDrawer';
import { ExpertFormModal } from './ExpertFormModal';
import { ExpertImportButton } from './ExpertImportButton';
import { COMMITTEE_ROLES, EXPERT_FIELDS } from './labels';

const FILTERS = ['q', 'field', 'organisation', 'available', 'committee'] as const;
const KEYS = [...FILTERS, 'open'] as const;

/**
 * 专家库: the directory with Chinese search and filters (field keyword, organisation,
 * availability, committee member), the Excel export of the same filters, the import with its
 * progress for the task force and units, and each expert in a drawer.
 */
export default function ExpertsPage() {
  const lang = useLang();
  const roles = useTalentRoles();
  const { filters, page, size, set, paging } = useListParams(KEYS);
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const [creating, setCreating] = useState(false);
  const query = Object.fromEntries(FILTERS.map((k) => [k, filters[k]]));
  const list = useApi<Page<ExpertRow>>(`/api/talent/experts${qs({ ...query, ...paging })}`);
  const yesNo = [{ value: 'true', label: bi(lang, { zh: '是', en: 'Yes' }) }, { value: 'false', label: bi(lang, { zh: '否', en: 'No' }) }];

  return (
    <>
      <PageHeader title={{ zh: '专家库', en: 'Expert directory' }}
        description={bi(lang, { zh: '生物制造领域专家：领域关键词、所在机构、可参加评审情况与专家委员会任职。评审分配按领域匹配并回避利益冲突。', en: 'Biomanufacturing experts: field keywords, organisation, availability and committee membership. Review assignment matches fields and avoids conflicts of interest.' })}
        extra={(
          <Space wrap>
            <ExportButton path={`/api/talent/experts/export.xlsx${qs(query)}`} fallbackName="专家库.xlsx" icon={<FileExcelOutlined />} testId="expert-export" />
            {roles.editor && <ExpertImportButton onDone={list.reload} />}
            {roles.editor && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="expert-new"><Bi zh="登记专家" en="Register" /></Button>}
          </Space>
        )} />
      <section className="section">
        <Card className="panel">
          <Space wrap style={{ marginBottom: 16 }}>
            <Input.Search allowClear value={search.typed} onChange={(e) => search.setTyped(e.target.value)} style={{ width: 260 }} data-testid="expert-search"
              placeholder={bi(lang, { zh: '姓名、机构、领域', en: 'Name, organisation, field' })} />
            <Select allowClear showSearch value={filters.field} onChange={(v) => set({ field: v })} style={{ width: 180 }} placeholder={bi(lang, { zh: '领域关键词', en: 'Field' })}
              options={EXPERT_FIELDS.map((f) => ({ value: f, label: f }))} data-testid="expert-field" />
            <Input allowClear defaultValue={filters.organisation} onPressEnter={(e) => set({ organisation: (e.target as HTMLInputElement).value || undefined })} onChange={(e) => !e.target.value && set({ organisation: undefined })}
              style={{ width: 200 }} placeholder={bi(lang, { zh: '所在机构（回车）', en: 'Organisation (Enter)' })} />
            <Select allowClear value={filters.available} onChange={(v) => set({ available: v })} style={{ width: 160 }} placeholder={bi(lang, { zh: '可参加评审', en: 'Available' })} options={yesNo} />
            <Select allowClear value={filters.committee} onChange={(v) => set({ committee: v })} style={{ width: 180 }} placeholder={bi(lang, { zh: '专家委员会委员', en: 'Committee member' })} options={yesNo} />
          </Space>
          <LoadState loading={list.loading && !list.data} error={list.error} reload={list.reload}>
            <Table<ExpertRow> rowKey="id" size="middle" dataSource={list.data?.items ?? []} loading={list.loading} data-testid="expert-table"
              onRow={(r) => ({ onClick: () => set({ open: r.id, page }), style: { cursor: 'pointer' } })}
              locale={{ emptyText: <Empty description={roles.editor ? bi(lang, { zh: '没有符合条件的专家。可登记专家，或下载模板批量导入。', en: 'No expert matches. Register one, or import many from the template.' }) : bi(lang, { zh: '没有符合条件的专家，请调整筛选条件。', en: 'No expert matches; change the filters.' })} /> }}
              pagination={{ current: page, pageSize: size, total: list.data?.total ?? 0, showSizeChanger: true, onChange: (p, s) => set({ page: p, size: s }) }}
              columns={[
                { title: <Bi zh="编号" en="Code" />, dataIndex: 'code', width: 110 },
                { title: <Bi zh="姓名" en="Name" />, dataIndex: 'nameZh', render: (v, r) => <Space>{v}{r.committeeRole && <Tag color={COMMITTEE_ROLES[r.committeeRole].color}>{bi(lang, COMMITTEE_ROLES[r.committeeRole])}</Tag>}</Space> },
                { title: <Bi zh="职称" en="Title" />, dataIndex: 'titleZh', render: (v) => v ?? '—' },
                { title: <Bi zh="所在机构" en="Organisation" />, dataIndex: 'organisationZh' },
                { title: <Bi zh="领域关键词" en="Fields" />, dataIndex: 'fields', render: (fs: string[]) => fs.map((f) => <Tag key={f}>{f}</Tag>) },
                { title: <Bi zh="可评审" en="Available" />, dataIndex: 'available', width: 90, render: (v: boolean) => (v ? <Tag color="green">{bi(lang, { zh: '是', en: 'Yes' })}</Tag> : <Tag>{bi(lang, { zh: '否', en: 'No' })}</Tag>) },
              ]} />
          </LoadState>
        </Card>
      </section>
      {filters.open && <ExpertDrawer id={filters.open} onClose={() => set({ open: undefined, page })} onChanged={list.reload} />}
      {creating && <ExpertFormModal onClose={() => setCreating(false)} onSaved={(e) => { setCreating(false); list.reload(); set({ open: e.id, page }); }} />}
    </>
  );
}
