import { useState } from 'react';
import { Empty, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { qs } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { useLang } from '../../../app/i18n';
import { useApi } from '../../../app/useApi';
import { DomainTags } from '../../plan/DomainTags';
import { DOMAIN_NAMES } from '../../plan/format';
import { bi, dateTime, ExportButton, one } from '../../supervision/shared';
import { NEEDS, type Need, type Page } from './api';
import { NEED_FIELD_CODES, NEED_FIELDS, NEED_STATUSES } from './labels';
import { NeedFieldTag, NeedStatusTag } from './NeedTags';
import { NeedDecisions } from './ReviewActions';

/**
 * Needs in every status, for their raisers (`mine`) or the organisers (`all`, the review queue
 * at status=submitted): filters, Chinese search, paging, Excel export; a returned need shows the
 * reason; each row's buttons follow its `may`.
 */
export function NeedTable({ scope, initialStatus, raiserOf, testId }: { scope: 'mine' | 'all'; initialStatus?: string; raiserOf: (n: Need) => boolean; testId: string }) {
  const lang = useLang();
  const [f, setF] = useState<{ status?: string; field?: string; domain?: string; q?: string }>({ status: initialStatus });
  const [typed, setTyped] = useState('');
  const [page, setPage] = useState({ n: 1, size: 20 });
  const query = qs({ ...f, limit: page.size, offset: (page.n - 1) * page.size });
  const list = useApi<Page<Need>>(`${NEEDS}/${scope}${query}`);
  const set = (c: Partial<typeof f>) => { setF({ ...f, ...c }); setPage({ ...page, n: 1 }); };

  const columns: ColumnsType<Need> = [
    {
      title: <Bi zh="技术需求" en="Need" />, key: 'title', width: 300, fixed: 'left',
      render: (_, n) => <div><Link to={`/challenges/needs/${n.id}`} className="cell-main">{n.titleZh}</Link><div className="cell-sub"><span className="mono">{n.code}</span> · {n.organisationNameZh}</div></div>,
    },
    { title: <Bi zh="技术领域" en="Field" />, key: 'field', width: 170, render: (_, n) => <NeedFieldTag field={n.field} other={n.fieldOtherZh} /> },
    { title: <Bi zh="产业领域" en="Domain" />, key: 'domain', width: 160, render: (_, n) => <DomainTags domains={[n.domain]} /> },
    { title: <Bi zh="状态" en="Status" />, key: 'status', width: 100, render: (_, n) => <NeedStatusTag status={n.status} /> },
    {
      title: <Bi zh="审核意见" en="Review note" />, key: 'note', width: 260,
      render: (_, n) => (n.status === 'returned' && n.reviewNoteZh
        ? <Typography.Text type="danger" data-testid="need-row-returned">{lang === 'zh' ? '退回：' : 'Returned: '}{n.reviewNoteZh}</Typography.Text>
        : n.reviewNoteZh ?? (n.status === 'submitted' ? <Typography.Text type="secondary">{bi(lang, { zh: '等待审核', en: 'Awaiting review' })}</Typography.Text> : '—')),
    },
    { title: <Bi zh="更新时间" en="Updated" />, dataIndex: 'updatedAt', width: 140, render: (v?: string) => dateTime(v) },
    { title: <Bi zh="操作" en="Action" />, key: 'act', width: 220, render: (_, n) => <NeedDecisions need={n} raiser={raiserOf(n)} size="small" onDone={list.reload} /> },
  ];

  return (
    <div data-testid={testId}>
      <div className="table-toolbar">
        <Space wrap>
          <Select allowClear placeholder={bi(lang, { zh: '状态', en: 'Status' })} style={{ width: 130 }} value={f.status} onChange={(v) => set({ status: v })}
            options={Object.entries(NEED_STATUSES).map(([value, n]) => ({ value, label: one(lang, n) }))} data-testid={`${testId}-status`} />
          <Select allowClear placeholder={bi(lang, { zh: '技术领域', en: 'Field' })} style={{ width: 190 }} value={f.field} onChange={(v) => set({ field: v })}
            options={NEED_FIELD_CODES.map((value) => ({ value, label: one(lang, NEED_FIELDS[value]) }))} />
          <Select allowClear placeholder={bi(lang, { zh: '产业领域', en: 'Domain' })} style={{ width: 190 }} value={f.domain} onChange={(v) => set({ domain: v })}
            options={Object.entries(DOMAIN_NAMES).map(([value, n]) => ({ value, label: one(lang, n) }))} />
          <Input.Search allowClear value={typed} onChange={(e) => setTyped(e.target.value)} onSearch={(q) => set({ q: q.trim() || undefined })} style={{ width: 240 }}
            placeholder={bi(lang, { zh: '检索名称、问题、指标', en: 'Search' })} />
        </Space>
        <ExportButton path={`${NEEDS}/export.xlsx${qs({ status: f.status, field: f.field, domain: f.domain, q: f.q })}`} fallbackName="技术需求.xlsx" testId={`${testId}-export`} />
      </div>
      <Table<Need> rowKey="id" size="middle" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} scroll={{ x: 1300 }}
        pagination={{ current: page.n, pageSize: page.size, total: list.data?.total ?? 0, showSizeChanger: true, onChange: (n, size) => setPage({ n, size }), showTotal: (t) => (lang === 'zh' ? `共 ${t} 项` : `${t} in all`) }}
        locale={{ emptyText: <Empty description={scope === 'mine'
          ? bi(lang, { zh: '还没有技术需求：点击「提出需求」填写，或下载模板批量导入', en: 'No needs yet: raise one, or import a filled template' })
          : bi(lang, { zh: '没有符合条件的需求', en: 'No need matches' })} /> }} />
    </div>
  );
}
