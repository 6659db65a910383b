import { useState } from 'react';
import { Button, Card, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi, ExportButton, one } from '../supervision/shared';
import { fmtNum, useListParams, useSearchBox } from '../supervision/WorkShared';
import { useTalentRoles } from './access';
import type { Page, TalentRow } from './api';
import { options, SUPPORT_ITEMS, TALENT_KINDS, TALENT_PROGRAMMES, TALENT_STATUSES } from './labels';
import { TalentChart } from './TalentChart';
import { TalentFormModal } from './TalentFormModal';

const FILTERS = ['kind', 'programme', 'status', 'q'] as const;

/**
 * 高端人才与团队: the chart against the two targets, then the records with filters (the plan's
 * indicators drill down here with ?kind=…), each with its "一人一策" package; the task force and
 * units register and edit.
 */
export default function PeoplePage() {
  const lang = useLang();
  const roles = useTalentRoles();
  const { filters, page, size, set, paging } = useListParams(FILTERS);
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const query = Object.fromEntries(FILTERS.map((k) => [k, filters[k]]));
  const list = useApi<Page<TalentRow>>(roles.overseer ? `/api/talent/people${qs({ ...query, ...paging })}` : null);
  const [editing, setEditing] = useState<TalentRow | 'new' | null>(null);

  if (!roles.overseer) {
    return (
      <>
        <PageHeader title={{ zh: '高端人才', en: 'High-end talent' }} />
        <Empty description={bi(lang, { zh: '人才信息仅对工作专班、责任单位和区县开放。行动计划的人才指标可在“目标”页查看。', en: 'Talent records are for the task force, units and districts. The plan\'s talent targets are on the Targets page.' })} />
      </>
    );
  }
  const programmeName = (r: TalentRow) => (r.programme === 'other' ? r.programmeOtherZh ?? one(lang, TALENT_PROGRAMMES.other) : one(lang, TALENT_PROGRAMMES[r.programme]));

  return (
    <>
      <PageHeader title={{ zh: '高端人才', en: 'High-end talent' }}
        description={bi(lang, { zh: '依托渝跃行动、新重庆引才计划等引进的国家级人才、两院院士、头雁团队和其他高端人才，含一人一策支持。到 2027 年引育国家级人才 5 名、两院院士 1 名。', en: 'National-level talents, academicians, lead-goose teams and other high-end talent attracted under the city\'s programmes, with their support packages. Targets for 2027: 5 national-level talents and 1 academician.' })}
        extra={<Space wrap>
          <ExportButton path={`/api/talent/people/export.xlsx${qs({ kind: filters.kind, programme: filters.programme, status: filters.status, q: filters.q })}`} fallbackName="高端人才.xlsx" icon={<FileExcelOutlined />} testId="talent-export" />
          {roles.keeper && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="talent-new"><Bi zh="登记人才" en="Register" /></Button>}
        </Space>} />
      <section className="section"><TalentChart key={list.data ? list.data.total : 0} /></section>
      <section className="section">
        <Card className="panel">
          <Space wrap style={{ marginBottom: 16 }}>
            <Input.Search allowClear value={search.typed} onChange={(e) => search.setTyped(e.target.value)} style={{ width: 240 }} placeholder={bi(lang, { zh: '姓名、单位、领域', en: 'Name, organisation, field' })} />
            <Select allowClear value={filters.kind} onChange={(v) => set({ kind: v })} style={{ width: 180 }} placeholder={bi(lang, { zh: '类别', en: 'Kind' })} options={options(TALENT_KINDS, (l) => bi(lang, l))} data-testid="talent-kind" />
            <Select allowClear value={filters.programme} onChange={(v) => set({ programme: v })} style={{ width: 200 }} placeholder={bi(lang, { zh: '引才计划', en: 'Programme' })} options={options(TALENT_PROGRAMMES, (l) => bi(lang, l))} />
            <Select allowClear value={filters.status} onChange={(v) => set({ status: v })} style={{ width: 160 }} placeholder={bi(lang, { zh: '状态', en: 'Status' })} options={options(TALENT_STATUSES, (l) => bi(lang, l))} />
          </Space>
          <LoadState loading={list.loading && !list.data} error={list.error} reload={list.reload}>
            <Table<TalentRow> rowKey="id" size="middle" dataSource={list.data?.items ?? []} loading={list.loading} data-testid="talent-table"
              locale={{ emptyText: <Empty description={roles.keeper ? bi(lang, { zh: '暂无人才记录，点击“登记人才”添加。', en: 'No record yet; register one.' }) : bi(lang, { zh: '暂无人才记录', en: 'No record yet' })} /> }}
              pagination={{ current: page, pageSize: size, total: list.data?.total ?? 0, onChange: (p, s) => set({ page: p, size: s }) }}
              onRow={(r) => ({ onClick: () => roles.keeper && setEditing(r), style: roles.keeper ? { cursor: 'pointer' } : undefined })}
              expandable={{
                rowExpandable: (r) => r.support.length > 0,
                expandedRowRender: (r) => (
                  <Space direction="vertical" size={2}>
                    {r.support.map((s, i) => <Typography.Text key={i}>{bi(lang, SUPPORT_ITEMS[s.item])}{s.descriptionZh ? `：${s.descriptionZh}` : ''}{s.amountWan != null ? ` · ${fmtNum(s.amountWan, lang)} ${one(lang, { zh: '万元', en: '×10k yuan' })}` : ''}</Typography.Text>)}
                  </Space>
                ),
              }}
              columns={[
                { title: <Bi zh="编号" en="Code" />, dataIndex: 'code', width: 90 },
                { title: <Bi zh="姓名/团队" en="Name" />, dataIndex: 'nameZh' },
                { title: <Bi zh="类别" en="Kind" />, dataIndex: 'kind', render: (k) => <Tag color={TALENT_KINDS[k].color}>{bi(lang, TALENT_KINDS[k])}</Tag> },
                { title: <Bi zh="引才计划" en="Programme" />, render: (_, r) => programmeName(r) },
                { title: <Bi zh="引进单位" en="Organisation" />, dataIndex: 'organisationZh' },
                { title: <Bi zh="领域" en="Field" />, dataIndex: 'fieldZh' },
                { title: <Bi zh="到岗" en="Arrived" />, dataIndex: 'arrivalOn', width: 110, render: (v) => v ?? '—' },
                { title: <Bi zh="状态" en="Status" />, dataIndex: 'status', render: (s) => <Tag color={TALENT_STATUSES[s].color}>{bi(lang, TALENT_STATUSES[s])}</Tag> },
                { title: <Bi zh="支持（万元）" en="Support (10k)" />, dataIndex: 'supportTotalWan', align: 'right', render: (v: number) => (v ? fmtNum(v, lang) : '—') },
              ]} />
          </LoadState>
        </Card>
      </section>
      {editing && <TalentFormModal talent={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); list.reload(); }} />}
    </>
  );
}
