import { useMemo, useState } from 'react';
import { Card, Empty, Input, Segmented, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/PageHeader';
import { LoadState } from '../../app/components/LoadState';
import { pick, useLang } from '../../app/i18n';
import { useActions, useTargets, type Target } from './api';
import { actionLabel, chineseNumeral, goal, quantity } from './format';

/** Every 2027 target with the sentence of the plan it was taken from. */
export default function TargetsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const targets = useTargets();
  const actions = useActions();
  const [action, setAction] = useState<number>();
  const [kind, setKind] = useState<'all' | 'quantified' | 'qualitative'>('all');
  const [q, setQ] = useState('');

  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return (targets.data ?? []).filter((x) =>
      (!action || x.actionNo === action) &&
      (kind === 'all' || (kind === 'quantified') === x.quantified) &&
      (!needle || [x.indicatorZh, x.indicatorEn, x.statementZh, x.statementEn, x.sourceSentence].some((s) => s.toLowerCase().includes(needle))));
  }, [targets.data, action, kind, q]);

  const columns: ColumnsType<Target> = [
    { title: t('plan.colAction'), dataIndex: 'actionNo', width: 96, sorter: (a, b) => a.actionNo - b.actionNo,
      render: (n: number) => <Link to={`/plan/actions#action-${n}`}><Tag className="action-tag">{actionLabel(lang, n)}</Tag></Link> },
    { title: t('plan.colIndicator'), key: 'indicator', width: 340,
      render: (_, x) => (
        <>
          <div className="cell-main">{pick(lang, x, 'indicator')}</div>
          <div className="cell-sub">{pick(lang, x, 'statement')}</div>
          {lang === 'zh' && <div className="bi-aside block">{x.indicatorEn}</div>}
        </>
      ) },
    { title: t('plan.colGoal'), key: 'goal', width: 140,
      render: (_, x) => goal(lang, x) ? <span className="goal-cell">{goal(lang, x)}</span> : <Tag>{t('plan.qualitative')}</Tag> },
    { title: t('plan.colMeasured'), key: 'measured', width: 130,
      render: (_, x) => x.measurement ? <span>{quantity(lang, x.measurement.value, x.unit, x.unitEn)}<div className="bi-aside block">{x.measurement.asOf}</div></span>
        : <Typography.Text type="secondary">{t('plan.notMeasured')}</Typography.Text> },
    { title: t('plan.sourceSentence'), dataIndex: 'sourceSentence',
      render: (s: string) => <Typography.Paragraph className="source-cell" ellipsis={{ rows: 2, expandable: 'collapsible', symbol: (open) => (open ? t('common.less') : t('common.more')) }}>{s}</Typography.Paragraph> },
  ];

  return (
    <>
      <PageHeader titleKey="nav.targets" description={t('plan.targetsDescription')} />
      <Card className="panel">
        <div className="table-toolbar">
          <Input.Search allowClear placeholder={t('plan.searchTargets')} onChange={(e) => setQ(e.target.value)} style={{ width: 280 }} />
          <Select allowClear placeholder={t('plan.filterAction')} value={action} onChange={setAction} style={{ width: 300 }}
            options={(actions.data ?? []).map((a) => ({ value: a.no, label: `${lang === 'zh' ? chineseNumeral(a.no) : a.no}. ${pick(lang, a, 'title')}` }))} />
          <Segmented value={kind} onChange={(v) => setKind(v as typeof kind)} options={[
            { value: 'all', label: t('common.all') },
            { value: 'quantified', label: t('plan.quantified') },
            { value: 'qualitative', label: t('plan.qualitative') },
          ]} />
          <Typography.Text type="secondary" className="table-count">{t('common.countOf', { count: rows.length, total: targets.data?.length ?? 0 })}</Typography.Text>
        </div>
        <LoadState loading={targets.loading && !targets.data} error={targets.error} reload={targets.reload}>
          <Table<Target> rowKey="code" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 1080 }}
            locale={{ emptyText: <Empty description={t('plan.noTargetsMatch')} /> }} />
        </LoadState>
      </Card>
    </>
  );
}
