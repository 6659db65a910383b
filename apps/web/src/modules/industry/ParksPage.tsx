import { useMemo, useState } from 'react';
import { Button, Card, Empty, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { DomainTags } from '../plan/DomainTags';
import { bi, one } from '../supervision/shared';
import { useDistrictNames } from '../supervision/WorkShared';
import { useIndustryRoles } from './access';
import { useParks, type Park } from './api';
import { ExportAndAdd } from './ExportAndAdd';
import { money } from './format';
import { PARK_KINDS } from './labels';
import { ParkFormModal } from './ParkFormModal';
import { LabelTag } from './tags';

type Row = Park & { children?: Row[] };

/** 园区与集聚区: the clusters the plan names with the parks inside them, and the enterprises on record in each; the task force adds and edits them. */
export default function ParksPage() {
  const lang = useLang();
  const { taskForce } = useIndustryRoles();
  const parks = useParks();
  const [editing, setEditing] = useState<Park | 'new' | null>(null);
  const districts = useDistrictNames();
  const list = parks.data ?? [];
  const showScale = list.some((p) => p.scaleWan !== undefined);
  // Clusters hold their parks as child rows; a park outside any cluster stands on its own.
  const rows = useMemo<Row[]>(() => {
    const byId = new Map(list.map((p) => [p.id, p]));
    return list.filter((p) => !p.clusterId || !byId.has(p.clusterId)).map((p) => {
      const children = list.filter((c) => c.clusterId === p.id);
      return children.length ? { ...p, children } : p;
    });
  }, [list]);

  const columns: ColumnsType<Row> = [
    { title: <Bi zh="名称" en="Name" />, key: 'name', width: 300,
      render: (_, p) => <div><Link to={`/industry/parks/${p.id}`} className="cell-main">{p.nameZh}</Link>{p.nameEn && <div className="cell-sub">{p.nameEn}</div>}</div> },
    { title: <Bi zh="类型" en="Kind" />, dataIndex: 'kind', width: 110, render: (k: string) => (PARK_KINDS[k] ? <LabelTag label={PARK_KINDS[k]} /> : k) },
    { title: <Bi zh="区县" en="Districts" />, dataIndex: 'districtCodes', width: 170, render: (d: string[]) => d.map((c) => districts.name(c)).join('、') || '—' },
    { title: <Bi zh="领域" en="Domains" />, dataIndex: 'domains', width: 180, render: (d: string[]) => <DomainTags domains={d} compact /> },
    { title: <Bi zh="方向" en="Focus" />, dataIndex: 'focusZh', render: (f: string | null) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: f }} style={{ margin: 0 }}>{f ?? '—'}</Typography.Paragraph> },
    { title: <Bi zh="企业" en="Firms" />, dataIndex: 'enterprises', width: 80, align: 'right',
      render: (n: number, p) => (n ? <Link to={`/industry/enterprises?parkId=${p.id}`}>{n}</Link> : 0) },
    ...(showScale ? [{ title: <Bi zh="已核实营收" en="Verified revenue" />, dataIndex: 'scaleWan', width: 130, align: 'right' as const, render: (v: number) => money(lang, v) }] : []),
    ...(taskForce ? [{
      title: <Bi zh="操作" en="Actions" />, key: 'actions', width: 100, fixed: 'right' as const,
      render: (_: unknown, p: Row) => (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(p)} data-testid={`park-edit-${p.code}`}>{one(lang, { zh: '编辑', en: 'Edit' })}</Button>
      ),
    }] : []),
  ];

  return (
    <>
      <PageHeader title={{ zh: '园区与集聚区', en: 'Parks and clusters' }}
        description={bi(lang, { zh: '行动计划点名的产业集聚区、园区和特色产业基地：重庆国际生物城、两江生命科技城、生物化工产业带等。', en: 'The clusters, parks and bases the plan names: Chongqing International Bio-City, Liangjiang Life Science City, the biochemical belt and more.' })}
        extra={<ExportAndAdd path="/api/industry/parks/export.xlsx" fallbackName="生物制造园区与集聚区.xlsx" testId="parks-export"
          add={taskForce && { zh: '新增园区', en: 'Add a park', testId: 'park-add', onClick: () => setEditing('new') }} />} />
      <Card className="panel">
        <LoadState loading={parks.loading && !parks.data} error={parks.error} reload={parks.reload}>
          <Table<Row> rowKey="id" columns={columns} dataSource={rows} pagination={false} scroll={{ x: taskForce ? 1250 : 1100 }} expandable={{ defaultExpandAllRows: true }} data-testid="parks-table"
            locale={{ emptyText: <Empty description={bi(lang, { zh: '尚未载入园区数据。服务器启动时会从 data/industry/parks.json 写入计划点名的园区。', en: 'No parks loaded; the server writes the plan\'s parks from data/industry/parks.json at start-up.' })} /> }} />
        </LoadState>
      </Card>
      {editing && (
        <ParkFormModal park={editing === 'new' ? undefined : editing} parks={list} onClose={() => setEditing(null)}
          onSaved={() => { setEditing(null); parks.reload(); }} />
      )}
    </>
  );
}
