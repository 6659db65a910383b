import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { qs } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { useLang } from '../../../app/i18n';
import { PageHeader } from '../../../app/PageHeader';
import { useApi } from '../../../app/useApi';
import { bi, dateTime } from '../../supervision/shared';
import { useFactoryRoles } from '../epcis/access';
import type { GoldenSummary, Page } from './api';
import { GoldenCreate } from './GoldenCreate';

/**
 * 黄金批次: the golden profiles of each recipe (one active per recipe and equipment), the batches
 * and phases each was made from; operators and overseers make a new one from good batches.
 */
export default function GoldenPage() {
  const lang = useLang();
  const roles = useFactoryRoles();
  const navigate = useNavigate();
  const [status, setStatus] = useState<string | undefined>('active');
  const list = useApi<Page<GoldenSummary>>(`/api/factory/golden${qs({ status })}`);
  const [creating, setCreating] = useState(false);
  const L = (zh: string, en: string) => bi(lang, { zh, en });
  const columns: ColumnsType<GoldenSummary> = [
    { title: <Bi zh="编号 / 名称" en="Code / name" />, key: 'code', render: (_, p) => <div className="cell-main"><Link to={`/factory/golden/${p.id}`} className="mono" data-testid={`golden-link-${p.code}`}>{p.code}</Link><div className="cell-sub">{p.nameZh}</div></div> },
    { title: <Bi zh="配方 / 设备" en="Recipe / equipment" />, key: 'recipe', render: (_, p) => <div className="cell-main">{p.recipe}<div className="cell-sub">{p.equipment ?? L('任意设备', 'Any equipment')}</div></div> },
    { title: <Bi zh="阶段" en="Phases" />, key: 'phases', render: (_, p) => <Space size={2} wrap>{p.phases.map((ph) => <Tag key={ph.name}>{lang === 'zh' ? ph.zh : ph.en} {ph.hours} h</Tag>)}</Space> },
    { title: <Bi zh="批次 / 变量" en="Batches / variables" />, key: 'n', width: 120, render: (_, p) => `${p.batchCount} / ${p.variableCount}` },
    { title: 'k', dataIndex: 'k', width: 60 },
    { title: <Bi zh="状态" en="Status" />, dataIndex: 'status', width: 90, render: (s: string) => <Tag color={s === 'active' ? 'green' : 'default'}>{s === 'active' ? L('现行', 'Active') : L('已停用', 'Retired')}</Tag> },
    { title: <Bi zh="建立" en="Created" />, dataIndex: 'createdAt', width: 150, render: (t: string) => dateTime(t) },
  ];
  return (
    <>
      <PageHeader title={{ zh: '黄金批次', en: 'Golden batches' }}
        description={L('同一配方的合格批次按阶段对齐（各阶段开始后的时间），求各变量的均值轨迹与带宽（均值 ± kσ）。运行中的批次在其页面与之对比。', 'Good batches of a recipe aligned by phase (time since each phase began): each variable’s mean trajectory with a band (mean ± kσ). A running batch is compared with it on its page.')}
        extra={roles.reader && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="golden-new"><Bi zh="建立黄金批次" en="Create a profile" /></Button>} />
      <section className="section">
        <Card className="panel">
          <div className="table-toolbar">
            <Select allowClear style={{ width: 140 }} value={status} onChange={setStatus} placeholder={L('状态', 'Status')} options={[{ value: 'active', label: L('现行', 'Active') }, { value: 'retired', label: L('已停用', 'Retired') }]} />
            <Typography.Text type="secondary" className="table-count">{lang === 'zh' ? `共 ${list.data?.total ?? 0} 个` : `${list.data?.total ?? 0} profiles`}</Typography.Text>
          </div>
          <LoadState loading={list.loading && !list.data} error={list.error} reload={list.reload}>
            <Table<GoldenSummary> rowKey="id" size="middle" columns={columns} dataSource={list.data?.items ?? []} pagination={false} data-testid="golden-table"
              locale={{ emptyText: <Empty description={L('尚无黄金批次 — 点击“建立黄金批次”，选择同一配方的合格批次', 'No golden profiles yet: choose “Create a profile” and pick good batches of one recipe')} /> }} />
          </LoadState>
        </Card>
      </section>
      {creating && <GoldenCreate onClose={() => setCreating(false)} onSaved={(p) => { setCreating(false); navigate(`/factory/golden/${p.id}`); }} />}
    </>
  );
}
