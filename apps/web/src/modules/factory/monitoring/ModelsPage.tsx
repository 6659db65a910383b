import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, Empty, Progress, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { qs } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { useLang } from '../../../app/i18n';
import { PageHeader } from '../../../app/PageHeader';
import { useApi } from '../../../app/useApi';
import { bi, dateTime, one } from '../../supervision/shared';
import { useListParams } from '../../supervision/WorkShared';
import { useFactoryRoles } from '../epcis/access';
import type { ModelSummary } from './api';
import { FitModelModal } from './FitModelModal';
import { fmt, MODEL_STATUSES, pct } from './labels';

const FILTERS = ['status'] as const;

/**
 * 监控模型: the PCA models of good batches, one active per recipe of an organisation, with their
 * components, explained variance and limits; operators fit one for their own batches, overseers
 * for any organisation's.
 */
export default function ModelsPage() {
  const lang = useLang();
  const navigate = useNavigate();
  const { reader } = useFactoryRoles();
  const { filters, set } = useListParams(FILTERS);
  const list = useApi<{ total: number; items: ModelSummary[] }>(`/api/factory/models${qs(filters)}`);
  const [fitting, setFitting] = useState(false);

  const columns: ColumnsType<ModelSummary> = [
    { title: <Bi zh="编号" en="Code" />, dataIndex: 'code', width: 130, render: (c: string, m) => <Link className="mono" to={`/factory/models/${m.id}`} data-testid={`model-link-${c}`}>{c}</Link> },
    { title: <Bi zh="模型 / 配方" en="Model / recipe" />, key: 'name', render: (_, m) => <div className="cell-main">{m.nameZh}<div className="cell-sub">{m.recipe} · {m.organisationNameZh}</div></div> },
    { title: <Bi zh="建模批次" en="Batches" />, dataIndex: 'batchCount', width: 90, align: 'right' },
    { title: <Bi zh="主成分 / 变量" en="PCs / variables" />, key: 'pc', width: 120, align: 'right', render: (_, m) => `${m.components} / ${m.variables.length}` },
    { title: <Bi zh="解释方差" en="Explained" />, dataIndex: 'explainedByModel', width: 150, render: (x: number) => <Progress percent={Math.round(x * 1000) / 10} size="small" format={() => pct(x)} /> },
    { title: <Bi zh="控制限 T² · SPE" en="Limits T² · SPE" />, key: 'lim', width: 150, render: (_, m) => `${fmt(m.t2Limit)} · ${fmt(m.speLimit)}` },
    { title: <Bi zh="状态" en="Status" />, dataIndex: 'status', width: 100, render: (s: string) => <Tag color={MODEL_STATUSES[s].color}>{one(lang, MODEL_STATUSES[s])}</Tag> },
    { title: <Bi zh="建立时间" en="Fitted" />, dataIndex: 'createdAt', width: 150, render: (t: string) => dateTime(t) },
  ];

  return (
    <>
      <PageHeader title={{ zh: '监控模型', en: 'Monitoring models' }}
        description={bi(lang, { zh: '以某配方的合格批次按阶段对齐，建立主成分模型，得到 Hotelling T² 与 SPE 控制限；该配方运行中的批次随读数到达实时评分。', en: 'Good batches of a recipe, aligned by phase, make a PCA model with Hotelling T² and SPE limits; the recipe’s running batches are scored as their readings arrive.' })}
        extra={reader && <Button type="primary" icon={<PlusOutlined />} onClick={() => setFitting(true)} data-testid="model-new"><Bi zh="建立模型" en="Fit a model" /></Button>} />
      <section className="section">
        <Card className="panel">
          <div className="table-toolbar">
            <Select allowClear style={{ width: 150 }} placeholder={bi(lang, { zh: '状态', en: 'Status' })} value={filters.status} onChange={(v) => set({ status: v })}
              options={Object.entries(MODEL_STATUSES).map(([value, n]) => ({ value, label: bi(lang, n) }))} />
            <Typography.Text type="secondary" className="table-count">{lang === 'zh' ? `共 ${list.data?.total ?? 0} 个` : `${list.data?.total ?? 0} models`}</Typography.Text>
          </div>
          <LoadState loading={list.loading && !list.data} error={list.error} reload={list.reload}>
            <Table<ModelSummary> rowKey="id" size="middle" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} scroll={{ x: 1100 }} pagination={false} data-testid="models-table"
              locale={{ emptyText: <Empty description={bi(lang, { zh: '尚无监控模型 — 点击“建立模型”，选择配方与其合格批次', en: 'No monitoring model yet: choose “Fit a model”, then a recipe and its good batches' })} /> }} />
          </LoadState>
        </Card>
      </section>
      {fitting && <FitModelModal onClose={() => setFitting(false)} onSaved={(m) => { setFitting(false); navigate(`/factory/models/${m.id}`); }} />}
    </>
  );
}
