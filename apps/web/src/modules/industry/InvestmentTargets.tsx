import { useState } from 'react';
import { Card, Empty, Segmented, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi, one } from '../supervision/shared';
import type { InvestmentTarget } from './api';
import { CHAIN_STAGES } from './labels';
import { StandingTag } from './tags';

/** 招商目标: the gaps and weak nodes of the chains, where investment attraction should look. */
export function InvestmentTargets({ chainCode }: { chainCode: string }) {
  const lang = useLang();
  const [scope, setScope] = useState<'chain' | 'all'>('chain');
  const targets = useApi<InvestmentTarget[]>('/api/industry/chains/targets');
  const rows = (targets.data ?? []).filter((t) => scope === 'all' || t.chainCode === chainCode);
  const showLeads = rows.some((t) => t.activeLeads !== undefined);

  const columns: ColumnsType<InvestmentTarget> = [
    { title: <Bi zh="环节" en="Node" />, key: 'name', render: (_, t) => (
      <Link to={`/industry/chains/${t.chainCode}?node=${encodeURIComponent(t.code)}`} className="cell-main">{lang === 'zh' ? t.nameZh : t.nameEn}</Link>
    ) },
    ...(scope === 'all' ? [{ title: <Bi zh="产业链" en="Chain" />, dataIndex: 'chainNameZh' }] : []),
    { title: <Bi zh="位置" en="Stage" />, dataIndex: 'stage', width: 110, render: (s: InvestmentTarget['stage']) => one(lang, CHAIN_STAGES[s]) },
    { title: <Bi zh="研判" en="Standing" />, dataIndex: 'standing', width: 150, render: (s: InvestmentTarget['standing']) => <StandingTag standing={s} withAction /> },
    { title: <Bi zh="企业" en="Firms" />, dataIndex: 'enterprises', width: 70, align: 'right' },
    ...(showLeads ? [{ title: <Bi zh="在办线索" en="Leads" />, dataIndex: 'activeLeads', width: 90, align: 'right' as const }] : []),
    { title: <Bi zh="理由" en="Why" />, key: 'reason', render: (_, t) => (t.reason ? (lang === 'zh' ? t.reason.zh : t.reason.en) : '—') },
  ];

  return (
    <Card className="panel" data-testid="investment-targets"
      title={<Bi zh="招商目标：缺失与薄弱环节" en="Investment targets: gaps and weak nodes" />}
      extra={<Segmented<'chain' | 'all'> value={scope} onChange={setScope} options={[
        { value: 'chain', label: bi(lang, { zh: '本链', en: 'This chain' }) },
        { value: 'all', label: bi(lang, { zh: '全部四条链', en: 'All four chains' }) },
      ]} />}>
      <LoadState loading={targets.loading && !targets.data} error={targets.error} reload={targets.reload}>
        <Table<InvestmentTarget> rowKey="id" size="small" columns={columns} dataSource={rows} scroll={{ x: 760 }}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '本链没有缺失或薄弱环节', en: 'No gaps or weak nodes in this chain' })} /> }} />
        <Typography.Text type="secondary" className="cell-sub">{bi(lang, { zh: '区县招商可据此登记线索，并在线索中注明对应环节。', en: 'Districts record leads against these nodes.' })}</Typography.Text>
      </LoadState>
    </Card>
  );
}
