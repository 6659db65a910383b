import { useMemo } from 'react';
import { Card, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/PageHeader';
import { LoadState } from '../../app/components/LoadState';
import { other, pick, useLang } from '../../app/i18n';
import { useActions, useTasks, type TaskListItem } from './api';
import { actionLabel, chineseNumeral, DOMAIN_NAMES, domainName } from './format';
import { DomainTags } from './DomainTags';

/** The 26 tasks: filter by action and domain, search by title; the filters live in the URL. */
export default function TasksPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const tasks = useTasks();
  const actions = useActions();
  const [params, setParams] = useSearchParams();
  const action = params.get('action') ? Number(params.get('action')) : undefined;
  const domain = params.get('domain') ?? undefined;
  const q = params.get('q') ?? '';

  const set = (key: string, value: string | number | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
    setParams(next, { replace: true });
  };

  const actionTitle = useMemo(() => new Map((actions.data ?? []).map((a) => [a.no, a])), [actions.data]);

  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return (tasks.data ?? []).filter((task) =>
      (!action || task.actionNo === action) &&
      (!domain || task.domains.includes(domain)) &&
      (!needle || task.titleZh.toLowerCase().includes(needle) || task.titleEn.toLowerCase().includes(needle) || String(task.no) === needle));
  }, [tasks.data, action, domain, q]);

  const columns: ColumnsType<TaskListItem> = [
    { title: t('plan.colNo'), dataIndex: 'no', width: 72, align: 'center', sorter: (a, b) => a.no - b.no, defaultSortOrder: 'ascend',
      render: (no: number) => <Tag className="task-no">{no}</Tag> },
    { title: t('plan.colTitle'), key: 'title',
      render: (_, task) => (
        <Link to={`/plan/tasks/${task.no}`} className="table-title-link">
          <span>{pick(lang, task, 'title')}</span>
          <span className="bi-aside">{other(lang, task, 'title')}</span>
        </Link>
      ) },
    { title: t('plan.colAction'), key: 'action', width: 300, responsive: ['md'],
      render: (_, task) => {
        const a = actionTitle.get(task.actionNo);
        return (
          <Space size={6}>
            <Tag className="action-tag">{actionLabel(lang, task.actionNo)}</Tag>
            <Typography.Text type="secondary" ellipsis={{ tooltip: true }} style={{ maxWidth: 200 }}>{a ? pick(lang, a, 'title') : ''}</Typography.Text>
          </Space>
        );
      } },
    { title: t('plan.colDomains'), key: 'domains', width: 280, responsive: ['lg'], render: (_, task) => <DomainTags domains={task.domains} compact /> },
    { title: t('plan.colBodies'), key: 'bodies', width: 110, align: 'right', sorter: (a, b) => a.bodies.length - b.bodies.length,
      render: (_, task) => task.bodies.length || <Typography.Text type="secondary">0</Typography.Text> },
  ];

  return (
    <>
      <PageHeader titleKey="nav.tasks" description={t('plan.tasksDescription')} />
      <Card className="panel">
        <div className="table-toolbar">
          <Input.Search allowClear placeholder={t('plan.searchTitle')} defaultValue={q} onSearch={(v) => set('q', v)}
            onChange={(e) => set('q', e.target.value)} style={{ width: 280 }} data-testid="task-search" />
          <Select allowClear placeholder={t('plan.filterAction')} value={action} onChange={(v) => set('action', v)} style={{ width: 300 }}
            options={(actions.data ?? []).map((a) => ({ value: a.no, label: `${lang === 'zh' ? chineseNumeral(a.no) : a.no}. ${pick(lang, a, 'title')}` }))} />
          <Select allowClear placeholder={t('plan.filterDomain')} value={domain} onChange={(v) => set('domain', v)} style={{ width: 240 }}
            options={Object.keys(DOMAIN_NAMES).map((d) => ({ value: d, label: domainName(lang, d) }))} />
          <Typography.Text type="secondary" className="table-count">{t('common.countOf', { count: rows.length, total: tasks.data?.length ?? 0 })}</Typography.Text>
        </div>
        <LoadState loading={tasks.loading && !tasks.data} error={tasks.error} reload={tasks.reload}>
          <Table<TaskListItem>
            rowKey="no"
            columns={columns}
            dataSource={rows}
            pagination={false}
            data-testid="tasks-table"
            locale={{ emptyText: <Empty description={t('plan.noTasksMatch')} /> }}
          />
        </LoadState>
      </Card>
    </>
  );
}
