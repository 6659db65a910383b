import { useState } from 'react';
import { Button, Empty, Progress, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import type { RollupAction, RollupTask } from './api';
import { ColourTag, COLOURS } from './ColourTag';
import { ColourCountTags } from './CockpitShared';

const barColour = (c: RollupAction['colour']) => (c === 'none' ? undefined : COLOURS[c].hex);

function Title({ zh, en, to }: { zh: string; en: string; to?: string }) {
  const lang = useLang();
  const [main, aside] = lang === 'zh' ? [zh, en] : [en || zh, zh];
  return (
    <div className="table-title-link">
      {to ? <Link to={to} className="cell-main">{main}</Link> : <span className="cell-main">{main}</span>}
      {aside && aside !== main && <span className="bi-aside">{aside}</span>}
    </div>
  );
}

/** The eight actions with their colour and weighted progress; each opens onto its tasks. */
export function CockpitActionTable({ actions, year }: { actions: RollupAction[]; year?: number }) {
  const lang = useLang();
  const [open, setOpen] = useState<number[]>([]);
  const wpLink = (f: Record<string, string | number | undefined>) => `/supervision/work-points${qs({ ...f, year })}`;

  const taskColumns: ColumnsType<RollupTask> = [
    { title: <Bi zh="任务" en="Task" />, dataIndex: 'no', width: 70, align: 'center', render: (n: number) => <Tag className="task-no">{n}</Tag> },
    { title: <Bi zh="重点任务" en="Task" />, key: 'title', render: (_, t) => <Title zh={t.titleZh} en={t.titleEn} to={`/plan/tasks/${t.no}`} /> },
    { title: <Bi zh="状态" en="Status" />, key: 'colour', width: 110, render: (_, t) => <ColourTag colour={t.colour} reasons={t.reasons} /> },
    { title: <Bi zh="分布" en="Breakdown" />, key: 'counts', width: 240, render: (_, t) => <ColourCountTags counts={t.counts} href={(c) => wpLink({ taskNo: t.no, colour: c })} /> },
    { title: <Bi zh="加权进度" en="Weighted progress" />, dataIndex: 'progressPct', width: 190,
      render: (p: number, t) => (t.workPoints ? <Progress percent={p} size="small" strokeColor={barColour(t.colour)} /> : <Typography.Text type="secondary">—</Typography.Text>) },
    { title: <Bi zh="工作要点" en="Work points" />, dataIndex: 'workPoints', width: 110, align: 'right',
      render: (n: number, t) => (n ? <Link to={wpLink({ taskNo: t.no })}>{n}</Link> : <Typography.Text type="secondary">0</Typography.Text>) },
  ];

  const columns: ColumnsType<RollupAction> = [
    { title: <Bi zh="行动" en="Action" />, dataIndex: 'no', width: 70, align: 'center', render: (n: number) => <span className="action-no" style={{ width: 28, height: 28, fontSize: 14 }}>{n}</span> },
    { title: <Bi zh="专项行动" en="Action" />, key: 'title', render: (_, a) => <Title zh={a.titleZh} en={a.titleEn} /> },
    { title: <Bi zh="状态" en="Status" />, key: 'colour', width: 110, render: (_, a) => <ColourTag colour={a.colour} reasons={a.reasons} /> },
    { title: <Bi zh="分布" en="Breakdown" />, key: 'counts', width: 240, render: (_, a) => <ColourCountTags counts={a.counts} /> },
    { title: <Bi zh="加权进度" en="Weighted progress" />, dataIndex: 'progressPct', width: 190,
      render: (p: number, a) => (a.colour === 'none' ? <Typography.Text type="secondary">—</Typography.Text> : <Progress percent={p} size="small" strokeColor={barColour(a.colour)} />) },
    { title: <Bi zh="任务" en="Tasks" />, key: 'tasks', width: 110, align: 'right',
      render: (_, a) => `${a.tasks.filter((t) => t.workPoints).length} / ${a.tasks.length}` },
  ];

  const allOpen = open.length === actions.length && actions.length > 0;
  return (
    <>
      <div className="table-toolbar">
        <Typography.Text type="secondary">
          {lang === 'zh' ? '点击行动展开其重点任务；悬停状态标签可查看原因。' : 'Open an action to see its tasks; hover a status to see why.'}
        </Typography.Text>
        <Button size="small" className="table-count" onClick={() => setOpen(allOpen ? [] : actions.map((a) => a.no))} data-testid="rollup-expand-all">
          {allOpen ? <Bi zh="全部收起" en="Collapse all" /> : <Bi zh="全部展开" en="Expand all" />}
        </Button>
      </div>
      <Table<RollupAction>
        rowKey="no"
        size="middle"
        columns={columns}
        dataSource={actions}
        pagination={false}
        scroll={{ x: 980 }}
        expandable={{
          expandedRowKeys: open,
          onExpand: (expanded, a) => setOpen((o) => (expanded ? [...o, a.no] : o.filter((n) => n !== a.no))),
          expandRowByClick: true,
          expandedRowRender: (a) => (
            <Table<RollupTask> rowKey="no" size="small" columns={taskColumns} dataSource={a.tasks} pagination={false}
              onRow={(t) => ({ 'data-testid': `rollup-task-${t.no}` }) as React.HTMLAttributes<HTMLElement>}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={lang === 'zh' ? '该行动下暂无任务' : 'No tasks under this action'} /> }} />
          ),
        }}
        onRow={(a) => ({ 'data-testid': `rollup-action-${a.no}`, style: { cursor: 'pointer' } }) as React.HTMLAttributes<HTMLElement>}
        data-testid="rollup-actions"
      />
    </>
  );
}
