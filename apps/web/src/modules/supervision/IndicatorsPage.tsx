import { useMemo, useState } from 'react';
import { App as AntApp, Button, Card, Empty, Input, Segmented, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CameraOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { useActions } from '../plan/api';
import { actionLabel } from '../plan/format';
import type { Indicator } from './api';
import { BehindTag, SourceTag, targetText, towardTarget, valueText } from './WorkIndicator';
import { WorkProgress } from './WorkShared';
import { bi, ExportButton, useRoles } from './shared';

type Show = 'all' | 'behind' | 'computed' | 'reported' | 'missing';

/** The indicators of the 2027 targets, by action: value, source, pace, and which are behind. */
export default function IndicatorsPage() {
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const { taskForce } = useRoles();
  // Not cached: this page is where values change, and it must show the latest.
  const list = useApi<Indicator[]>('/api/indicators');
  const actions = useActions();
  const [typed, setTyped] = useState('');
  const [show, setShow] = useState<Show>('all');
  const [snapping, setSnapping] = useState(false);

  const all = useMemo(() => list.data ?? [], [list.data]);
  const rows = useMemo(() => {
    const q = typed.trim().toLowerCase();
    return all.filter((i) =>
      (show === 'all' || (show === 'behind' && i.behind) || (show === 'missing' && i.value === null) || i.source === show) &&
      (!q || i.code.toLowerCase().includes(q) || i.indicatorZh.includes(q) || i.indicatorEn.toLowerCase().includes(q) || i.statementZh.includes(q)));
  }, [all, typed, show]);
  const groups = useMemo(() => {
    const m = new Map<number, Indicator[]>();
    for (const i of rows) m.set(i.actionNo, [...(m.get(i.actionNo) ?? []), i]);
    return [...m].sort(([a], [b]) => a - b);
  }, [rows]);

  const snapshot = async () => {
    setSnapping(true);
    try {
      const r = await api.post<{ recorded: number; asOf: string }>('/api/indicators/snapshot');
      message.success(bi(lang, { zh: `已记录 ${r.recorded} 项计算指标（${r.asOf}）`, en: `Recorded ${r.recorded} computed values (${r.asOf})` }));
      list.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSnapping(false);
    }
  };

  const columns: ColumnsType<Indicator> = [
    { title: <Bi zh="指标" en="Indicator" />, key: 'name', width: 340,
      render: (_, i) => (
        <div>
          <Link to={`/supervision/indicators/${encodeURIComponent(i.code)}`} className="cell-main" onClick={(e) => e.stopPropagation()}>{lang === 'zh' ? i.indicatorZh : i.indicatorEn}</Link>
          <span className="bi-aside">{lang === 'zh' ? i.indicatorEn : i.indicatorZh}</span>
          <div className="cell-sub">{i.statementZh}</div>
        </div>
      ) },
    { title: <Bi zh="2027 年目标" en="2027 target" />, key: 'target', width: 150, render: (_, i) => <span className="goal-cell">{targetText(lang, i)}</span> },
    { title: <Bi zh="当前值" en="Current" />, key: 'value', width: 160,
      render: (_, i) => (
        <Tooltip title={lang === 'zh' ? i.basisZh : i.basisEn}>
          <div>
            <Typography.Text strong={i.value !== null} type={i.value === null ? 'secondary' : undefined}>
              {i.value === null ? bi(lang, { zh: '尚未填报', en: 'Not yet reported' }) : valueText(lang, i, i.value)}
            </Typography.Text>
            {i.asOf && <div className="cell-sub">{lang === 'zh' ? `截至 ${i.asOf}` : `as of ${i.asOf}`}</div>}
          </div>
        </Tooltip>
      ) },
    { title: <Bi zh="来源" en="Source" />, dataIndex: 'source', width: 90, render: (s: Indicator['source']) => <SourceTag source={s} /> },
    { title: <Bi zh="进度" en="Toward target" />, key: 'progress', width: 170,
      render: (_, i) => {
        const p = towardTarget(i, i.value);
        return p === null ? <Typography.Text type="secondary">—</Typography.Text> : <WorkProgress pct={p} expected={towardTarget(i, i.expected)} behind={i.behind} />;
      } },
    { title: <Bi zh="进度判断" en="Pace" />, key: 'pace', width: 220,
      render: (_, i) => i.behind ? (
        <div>
          <BehindTag i={i} />
          {i.behindReason && <div className="cell-sub">{lang === 'zh' ? i.behindReason.zh : i.behindReason.en}</div>}
        </div>
      ) : i.expected === null ? (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {i.value === null ? bi(lang, { zh: '待填报', en: 'Awaiting a value' }) : bi(lang, { zh: '未设基线，暂不判断', en: 'No baseline set' })}
        </Typography.Text>
      ) : <Tag color="green">{lang === 'zh' ? '正常' : 'On pace'}</Tag> },
  ];

  const behind = all.filter((i) => i.behind).length;
  const missing = all.filter((i) => i.value === null).length;

  return (
    <>
      <PageHeader title={{ zh: '指标监测', en: 'Indicators' }}
        description={bi(lang, { zh: '2027 年各项目标的指标：当前值、数据来源、与进度线的比较。计算指标来自平台记录，填报指标须附证据。', en: 'Each 2027 target\'s indicator: value, source and pace. Computed ones come from platform records; reported ones carry evidence.' })}
        extra={<Space>
          <ExportButton path="/api/indicators/export.xlsx" fallbackName="目标指标.xlsx" testId="indicators-export" />
          {taskForce && (
            <Button icon={<CameraOutlined />} loading={snapping} onClick={() => void snapshot()} data-testid="indicator-snapshot">
              <Bi zh="记录今日计算值" en="Snapshot" />
            </Button>
          )}
        </Space>} />
      <LoadState loading={list.loading && !list.data} error={list.error} reload={list.reload}>
        <Card className="panel" style={{ marginBottom: 16 }}>
          <Space size={48} wrap>
            <Statistic title={<Bi zh="指标" en="Indicators" />} value={all.length} />
            <Statistic title={<Bi zh="计算" en="Computed" />} value={all.filter((i) => i.source === 'computed').length} />
            <Statistic title={<Bi zh="填报" en="Reported" />} value={all.filter((i) => i.source === 'reported').length} />
            <Statistic title={<Bi zh="滞后" en="Behind" />} value={behind} styles={{ content: { color: behind ? '#d48806' : undefined } }} />
            <Statistic title={<Bi zh="尚无数值" en="No value yet" />} value={missing} />
          </Space>
        </Card>
        <div className="table-toolbar">
          <Input.Search allowClear placeholder={bi(lang, { zh: '搜索指标', en: 'Search indicators' })} value={typed} onChange={(e) => setTyped(e.target.value)} style={{ width: 260 }} data-testid="indicators-search" />
          <Segmented<Show> value={show} onChange={setShow} options={[
            { value: 'all', label: bi(lang, { zh: '全部', en: 'All' }) },
            { value: 'behind', label: bi(lang, { zh: '滞后', en: 'Behind' }) },
            { value: 'computed', label: bi(lang, { zh: '计算', en: 'Computed' }) },
            { value: 'reported', label: bi(lang, { zh: '填报', en: 'Reported' }) },
            { value: 'missing', label: bi(lang, { zh: '尚无数值', en: 'No value' }) },
          ]} data-testid="indicators-show" />
          <Typography.Text type="secondary" className="table-count">{lang === 'zh' ? `共 ${rows.length} 项` : `${rows.length} indicators`}</Typography.Text>
        </div>
        {groups.length === 0 ? (
          <Card className="panel">
            <Empty description={all.length ? bi(lang, { zh: '没有符合条件的指标', en: 'No indicators match' }) : bi(lang, { zh: '尚无指标', en: 'No indicators' })}>
              {all.length > 0 && <Button onClick={() => { setTyped(''); setShow('all'); }}><Bi zh="清除筛选" en="Clear filters" /></Button>}
            </Empty>
          </Card>
        ) : groups.map(([no, items]) => {
          const a = actions.data?.find((x) => x.no === no);
          return (
            <Card key={no} className="panel" style={{ marginBottom: 16 }} id={`action-${no}`}
              title={<span><Tag color="blue" className="action-tag">{actionLabel(lang, no)}</Tag>{a ? (lang === 'zh' ? a.titleZh : a.titleEn) : ''}<Tag className="count-tag">{items.length}</Tag></span>}>
              <Table<Indicator> rowKey="code" size="middle" columns={columns} dataSource={items} pagination={false} scroll={{ x: 1130 }}
                onRow={(i) => ({ onClick: () => navigate(`/supervision/indicators/${encodeURIComponent(i.code)}`), style: { cursor: 'pointer' }, 'data-testid': `indicator-row-${i.code}` }) as React.HTMLAttributes<HTMLElement>} />
            </Card>
          );
        })}
      </LoadState>
    </>
  );
}
