import { useState } from 'react';
import { Breadcrumb, Button, Card, Descriptions, Empty, Result, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { DomainTags } from '../plan/DomainTags';
import { bi, one } from '../supervision/shared';
import { useDistrictNames } from '../supervision/WorkShared';
import { useIndustryRoles } from './access';
import { useParks, type ParkDetail, type ParkMember } from './api';
import { money } from './format';
import { ORIGINS, PARK_KINDS } from './labels';
import { ParkFormModal } from './ParkFormModal';
import { LabelTag } from './tags';

/** 园区详情: what the plan says of it, the parks inside a cluster, and its enterprises. */
export default function ParkPage() {
  const { id } = useParams<{ id: string }>();
  const lang = useLang();
  const { taskForce } = useIndustryRoles();
  const [editing, setEditing] = useState(false);
  const park = useApi<ParkDetail>(`/api/industry/parks/${id}`);
  const parks = useParks();
  const districts = useDistrictNames();
  const p = park.data;

  if (park.error instanceof ApiError && (park.error.status === 404 || park.error.status === 400)) {
    return <Result status="404" title={bi(lang, { zh: '园区不存在', en: 'Park not found' })} extra={<Link to="/industry/parks"><Bi zh="返回园区列表" en="Back to parks" /></Link>} />;
  }
  const inside = (parks.data ?? []).filter((x) => p && x.clusterId === p.id);
  const cluster = (parks.data ?? []).find((x) => p && x.id === p.clusterId);

  const columns: ColumnsType<ParkMember> = [
    { title: <Bi zh="企业" en="Enterprise" />, key: 'name', render: (_, e) => <div><Link to={`/industry/enterprises/${e.id}`} className="cell-main">{e.nameZh}</Link><div className="cell-sub mono">{e.creditCode}</div></div> },
    { title: <Bi zh="区县" en="District" />, dataIndex: 'districtCode', width: 110, render: (c: string) => districts.name(c) },
    { title: <Bi zh="领域" en="Domains" />, dataIndex: 'domains', width: 170, render: (d: string[]) => <DomainTags domains={d} compact /> },
    { title: <Bi zh="主要产品" en="Products" />, dataIndex: 'products', render: (x: string[]) => x.join('、') || '—' },
    { title: <Bi zh="来源" en="Origin" />, dataIndex: 'origin', width: 100, render: (o: ParkMember['origin']) => <LabelTag label={ORIGINS[o]} /> },
  ];

  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[
        { title: <Link to="/industry"><Bi zh="产业地图" en="Industry map" /></Link> },
        { title: <Link to="/industry/parks"><Bi zh="园区与集聚区" en="Parks and clusters" /></Link> },
        { title: p?.nameZh ?? '…' },
      ]} />
      <LoadState loading={park.loading && !p} error={park.error} reload={park.reload}>
        {p && (
          <>
            <PageHeader title={{ zh: p.nameZh, en: p.nameEn ?? p.nameZh }} tags={<Space>{PARK_KINDS[p.kind] && <LabelTag label={PARK_KINDS[p.kind]} />}<DomainTags domains={p.domains} /></Space>}
              extra={taskForce && <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="park-edit"><Bi zh="编辑" en="Edit" /></Button>} />
            <Card className="panel">
              <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} items={[
                { key: 'districts', label: <Bi zh="所在区县" en="Districts" />, children: p.districtCodes.map((c) => districts.name(c)).join('、') || '—' },
                { key: 'enterprises', label: <Bi zh="登记企业" en="Enterprises" />, children: lang === 'zh' ? `${p.enterprises} 家` : p.enterprises },
                ...(p.scaleWan !== undefined ? [{ key: 'scale', label: <Bi zh="已核实营收" en="Verified revenue" />, children: money(lang, p.scaleWan) }] : []),
                ...(cluster ? [{ key: 'cluster', label: <Bi zh="所属集聚区" en="Cluster" />, children: <Link to={`/industry/parks/${cluster.id}`}>{cluster.nameZh}</Link> }] : []),
                ...(inside.length ? [{ key: 'inside', label: <Bi zh="所含园区" en="Parks inside" />, span: 3, children: <Space wrap>{inside.map((x) => <Link key={x.id} to={`/industry/parks/${x.id}`}>{x.nameZh}</Link>)}</Space> }] : []),
                { key: 'focus', label: <Bi zh="发展方向" en="Focus" />, span: 3, children: p.focusZh ?? '—' },
                { key: 'source', label: <Bi zh="计划原句" en="In the plan" />, span: 3, children: p.sourceZh ? <Typography.Text type="secondary">“{p.sourceZh}”</Typography.Text> : '—' },
              ]} />
            </Card>
            <Card className="panel section" title={<Bi zh={`入园企业（${p.members.length}）`} en={`Enterprises (${p.members.length})`} />}>
              <Table<ParkMember> rowKey="id" size="small" columns={columns} dataSource={p.members} scroll={{ x: 860 }} data-testid="park-members"
                pagination={p.members.length > 50 ? { pageSize: 50 } : false}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={inside.length
                  ? bi(lang, { zh: '集聚区的企业登记在其所含园区中，请打开上方园区查看。', en: 'A cluster\'s enterprises sit in its parks above.' })
                  : bi(lang, { zh: '尚无企业登记在此园区。区县登记企业时可选择所在园区。', en: 'No enterprise on record here yet; districts choose the park when registering a firm.' })} /> }} />
            </Card>
            <Typography.Text type="secondary" className="cell-sub">{one(lang, { zh: '园区信息来自行动计划原文。', en: 'Park details come from the plan\'s text.' })}</Typography.Text>
            {editing && <ParkFormModal park={p} parks={parks.data ?? []} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); park.reload(); parks.reload(); }} />}
          </>
        )}
      </LoadState>
    </>
  );
}
