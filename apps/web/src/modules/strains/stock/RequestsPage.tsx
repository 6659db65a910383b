import { Badge, Card, Empty, Input, Steps, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { qs } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { useLang } from '../../../app/i18n';
import { PageHeader } from '../../../app/PageHeader';
import { useApi } from '../../../app/useApi';
import { bi, dateTime } from '../../supervision/shared';
import { useListParams, useSearchBox } from '../../supervision/WorkShared';
import { useStockRoles } from './access';
import type { Page, SharingRequest } from './api';
import { SHARING_STEPS } from './labels';
import { RequestActions } from './RequestActions';
import { requestSteps } from './requestSteps';
import { RequestStrainModal } from './RequestStrainModal';
import { LevelCompare, OfficerReasons, RequestStatusTag } from './StockTags';

const FILTERS = ['view', 'q', 'strainId'] as const;
type View = 'all' | keyof typeof SHARING_STEPS;

/**
 * 共享申请: a requester's organisation's requests with their steps; for curators and officers the
 * queue by whose step it waits for (review, the officer's approval, shipment), each row showing why
 * the officer is needed and the lab's level against the strain's, with the decisions at hand.
 * `?strainId=` opens the request form for that strain.
 */
export default function RequestsPage() {
  const lang = useLang();
  const navigate = useNavigate();
  const { curator } = useStockRoles();
  const { filters, page, size, set, paging } = useListParams(FILTERS);
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const view = (filters.view ?? (curator ? 'curator' : 'all')) as View;
  const list = useApi<Page<SharingRequest>>(`/api/sharing-requests${qs({ step: view === 'all' ? undefined : view, q: filters.q, ...paging })}`);
  const counts = {
    curator: useApi<Page<SharingRequest>>(curator ? '/api/sharing-requests?step=curator&limit=1' : null),
    officer: useApi<Page<SharingRequest>>(curator ? '/api/sharing-requests?step=officer&limit=1' : null),
    shipment: useApi<Page<SharingRequest>>(curator ? '/api/sharing-requests?step=shipment&limit=1' : null),
  };
  const reload = () => { list.reload(); counts.curator.reload(); counts.officer.reload(); counts.shipment.reload(); };

  const columns: ColumnsType<SharingRequest> = [
    { title: <Bi zh="申请" en="Request" />, key: 'code', width: 150, fixed: 'left', render: (_, r) => <div><Link to={`/strains/requests/${r.id}`} className="mono cell-main" data-testid={`strains-request-link-${r.code}`}>{r.code}</Link><div className="cell-sub">{dateTime(r.createdAt)}</div></div> },
    { title: <Bi zh="状态" en="Status" />, key: 'status', width: 260, render: (_, r) => {
      const p = requestSteps(r);
      return <div><RequestStatusTag status={r.status} /><Steps size="small" progressDot current={p.current} status={p.status} className="strains-mini-steps" items={p.steps.map((s) => ({ key: s }))} /></div>;
    } },
    { title: <Bi zh="菌种" en="Strain" />, key: 'strain', width: 220, render: (_, r) => <div><span className="mono">{r.accession}</span> <i>{r.strainNameLatin}</i><div className="cell-sub">{r.strainNameZh}</div></div> },
    { title: <Bi zh="申请单位 / 实验室" en="Requester / lab" />, key: 'who', width: 260,
      render: (_, r) => <div>{r.requesterNameZh}<div className="cell-sub"><span className="mono">{r.labCode}</span> <LevelCompare lab={r.labEffectiveLevel} strain={r.strainBiosafetyLevel} registered={r.labLevel} /></div></div> },
    { title: <Bi zh="生物安全审批" en="Officer" />, key: 'officer', width: 200, render: (_, r) => <OfficerReasons reasons={r.officerReasons} /> },
    { title: <Bi zh="用途 / 数量" en="Purpose / vials" />, key: 'purpose', width: 220, render: (_, r) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: r.purposeZh }} style={{ margin: 0 }}>{r.purposeZh} · {r.vials}</Typography.Paragraph> },
    { title: <Bi zh="操作" en="Actions" />, key: 'actions', width: 240, fixed: 'right', render: (_, r) => <RequestActions r={r} onDone={reload} /> },
  ];

  const tabs: { key: View; n?: number }[] = curator
    ? [{ key: 'curator', n: counts.curator.data?.total }, { key: 'officer', n: counts.officer.data?.total }, { key: 'shipment', n: counts.shipment.data?.total }, { key: 'all' }]
    : [];
  const empty = filters.q
    ? <Empty description={bi(lang, { zh: '没有符合条件的申请', en: 'No requests match' })} />
    : curator
      ? <Empty description={bi(lang, { zh: '此处暂无待办申请', en: 'Nothing waits here' })} />
      : <Empty description={bi(lang, { zh: '本单位尚无共享申请 — 在菌种目录中打开菌种，点击“申请此菌种”', en: 'No requests yet: open a strain in the catalogue and choose “Request this strain”' })} />;

  return (
    <>
      <PageHeader title={{ zh: '菌种共享申请', en: 'Strain sharing requests' }}
        description={bi(lang, {
          zh: '申请须接受材料转移协议；管理员审核；第一、二类病原微生物或须在三级及以上实验室操作的，还须生物安全负责人（另一人）审批；接收实验室等级在每一步都须满足要求；发运时同步扣减库存。',
          en: 'A request accepts the MTA; a curator reviews it; a class 1–2 pathogen, or a strain of BSL-3 or above, also needs the biosafety officer (another person); the receiving lab must reach the strain’s level at every step; shipping takes the vials out of stock at once.',
        })} />
      <Card className="panel">
        {tabs.length > 0 && (
          <Tabs activeKey={view} onChange={(k) => set({ view: k })} data-testid="strains-requests-tabs"
            items={tabs.map((t) => ({ key: t.key, label: <span data-testid={`strains-requests-tab-${t.key}`}>{t.key === 'all' ? bi(lang, { zh: '全部', en: 'All' }) : bi(lang, SHARING_STEPS[t.key])}{(t.n ?? 0) > 0 && <Badge count={t.n} size="small" style={{ marginLeft: 6 }} />}</span> }))} />
        )}
        <div className="table-toolbar">
          <Input.Search allowClear placeholder={bi(lang, { zh: '申请号、保藏编号、单位', en: 'Code, accession, organisation' })} style={{ width: 260 }} value={search.typed} onChange={(e) => search.setTyped(e.target.value)} />
          <Typography.Text type="secondary" className="table-count">{lang === 'zh' ? `共 ${list.data?.total ?? 0} 条` : `${list.data?.total ?? 0} requests`}</Typography.Text>
        </div>
        <Table<SharingRequest> rowKey="id" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} scroll={{ x: 1560 }} locale={{ emptyText: empty }} data-testid="strains-requests-table"
          onRow={(r) => ({ 'data-testid': `strains-request-row-${r.code}`, 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
          pagination={{ current: page, pageSize: size, total: list.data?.total ?? 0, showSizeChanger: true, onChange: (p, s) => set({ page: p === 1 ? undefined : p, size: s === 20 ? undefined : s }) }} />
      </Card>
      {filters.strainId && <RequestStrainModal strainId={filters.strainId} onClose={() => set({ strainId: undefined })} onDone={(r) => navigate(`/strains/requests/${r.id}`)} />}
    </>
  );
}
