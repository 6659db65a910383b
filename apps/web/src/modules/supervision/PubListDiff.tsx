import { useMemo, useState } from 'react';
import { Alert, Card, Col, Drawer, Empty, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { ArrowRightOutlined, SwapOutlined } from '@ant-design/icons';
import { qs } from '../../app/api';
import { useApi } from '../../app/useApi';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { useDistricts } from '../plan/api';
import type { Edition, EditionDiff, ListItem, ListKind } from './api';
import { ExportButton } from './shared';

const GREEN = '#389e0d';
const RED = '#cf1322';
const ORANGE = '#d46b08';

type Changed = EditionDiff['changed'][number];

/** Two editions of one list side by side: what was added, removed and changed, field by field. */
export function PubListDiff({ kind, kindZh, editions, defaultTo, onClose }: {
  kind: ListKind; kindZh: string; editions: Edition[]; defaultTo?: number; onClose: () => void;
}) {
  const sorted = useMemo(() => [...editions].sort((a, b) => b.editionNo - a.editionNo), [editions]);
  const to0 = defaultTo ?? sorted[0]?.editionNo;
  const [to, setTo] = useState<number | undefined>(to0);
  const [from, setFrom] = useState<number | undefined>(sorted.find((e) => to0 !== undefined && e.editionNo < to0)?.editionNo);
  const ready = from !== undefined && to !== undefined && from !== to;
  const diff = useApi<EditionDiff>(ready ? `/api/major-lists/${kind}/diff${qs({ from, to })}` : null);
  const districts = useDistricts();
  const districtName = useMemo(() => new Map((districts.data ?? []).map((d) => [d.code, d.nameZh])), [districts.data]);

  const options = sorted.map((e) => ({ value: e.editionNo, label: `第 ${e.editionNo} 版${e.status === 'draft' ? '（草稿）' : ''} · ${e.titleZh}` }));

  /** Field values as people read them: names for ids and codes, a dash for nothing. */
  const show = (c: Changed, field: string, side: 'from' | 'to', value: unknown) => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'ownerOrganisationId') return c[side].ownerNameZh ?? String(value);
    if (field === 'districtCode') return districtName.get(String(value)) ?? String(value);
    return String(value);
  };

  const itemColumns = (colour: string, label: string) => [
    { title: <Bi zh="变化" en="Change" />, key: 'change', width: 80, render: () => <Tag color={colour}>{label}</Tag> },
    { title: <Bi zh="编号" en="Key" />, dataIndex: 'itemKey', width: 90, render: (v: string) => <span className="mono">{v}</span> },
    { title: <Bi zh="名称" en="Name" />, dataIndex: 'nameZh' },
    { title: <Bi zh="责任单位" en="Owner" />, dataIndex: 'ownerNameZh', width: 200, render: (v: string | null) => v ?? '—' },
    { title: <Bi zh="金额（亿元）" en="Amount" />, dataIndex: 'amountYiYuan', width: 110, align: 'right' as const, render: (v: number | null) => v ?? '—' },
  ];

  const d = diff.data;
  return (
    <Drawer open size={980} onClose={onClose} destroyOnHidden
      title={<Bi zh={`版本对比 · ${kindZh}`} en="Compare editions" />}
      extra={ready && <ExportButton path={`/api/major-lists/${kind}/diff.xlsx${qs({ from, to })}`} fallbackName={`${kindZh}-第${from}版与第${to}版对比.xlsx`} zh="导出对比" en="Export diff" testId="list-diff-export" />}>
      <Space wrap size={12} style={{ marginBottom: 20 }}>
        <Bi zh="从" en="From" />
        <Select style={{ width: 320 }} value={from} onChange={setFrom} options={options} placeholder="选择版本 Edition" data-testid="list-diff-from" />
        <SwapOutlined aria-hidden />
        <Bi zh="到" en="To" />
        <Select style={{ width: 320 }} value={to} onChange={setTo} options={options} placeholder="选择版本 Edition" data-testid="list-diff-to" />
      </Space>
      {sorted.length < 2 && <Alert type="info" showIcon title="本清单只有一个版本，新建版本后即可对比（Only one edition so far: start a new one to compare）" />}
      {from !== undefined && from === to && <Alert type="warning" showIcon title="请选择两个不同的版本（Choose two different editions）" />}
      {ready && (
        <LoadState loading={diff.loading && !d} error={diff.error} reload={diff.reload}>
          {d && (
            <>
              <Row gutter={12} style={{ marginBottom: 20 }}>
                <Col span={6}><Card size="small"><Statistic title={<Bi zh="新增" en="Added" />} value={d.added.length} styles={{ content: { color: GREEN } }} /></Card></Col>
                <Col span={6}><Card size="small"><Statistic title={<Bi zh="移出" en="Removed" />} value={d.removed.length} styles={{ content: { color: RED } }} /></Card></Col>
                <Col span={6}><Card size="small"><Statistic title={<Bi zh="调整" en="Changed" />} value={d.changed.length} styles={{ content: { color: ORANGE } }} /></Card></Col>
                <Col span={6}><Card size="small"><Statistic title={<Bi zh="未变" en="Unchanged" />} value={d.unchanged} /></Card></Col>
              </Row>
              {!d.added.length && !d.removed.length && !d.changed.length && <Empty description="两个版本内容相同（The two editions are the same）" />}
              {d.added.length > 0 && (
                <Section title={<Bi zh={`新增事项（${d.added.length}）`} en="Added" />} colour={GREEN}>
                  <Table<ListItem> size="small" rowKey="id" pagination={false} dataSource={d.added} columns={itemColumns('green', '新增')} data-testid="list-diff-added" />
                </Section>
              )}
              {d.removed.length > 0 && (
                <Section title={<Bi zh={`移出事项（${d.removed.length}）`} en="Removed" />} colour={RED}>
                  <Table<ListItem> size="small" rowKey="id" pagination={false} dataSource={d.removed} columns={itemColumns('red', '移出')} data-testid="list-diff-removed" />
                </Section>
              )}
              {d.changed.length > 0 && (
                <Section title={<Bi zh={`调整事项（${d.changed.length}）`} en="Changed" />} colour={ORANGE}>
                  <Table<Changed> size="small" rowKey="key" pagination={false} dataSource={d.changed} data-testid="list-diff-changed"
                    columns={[
                      { title: <Bi zh="变化" en="Change" />, key: 'change', width: 80, render: () => <Tag color="orange">调整</Tag> },
                      { title: <Bi zh="编号" en="Key" />, dataIndex: 'key', width: 90, render: (v: string) => <span className="mono">{v}</span> },
                      { title: <Bi zh="名称" en="Name" />, key: 'name', width: 220, render: (_, c) => c.to.nameZh },
                      { title: <Bi zh="变更内容" en="What changed" />, key: 'fields',
                        render: (_, c) => (
                          <Space orientation="vertical" size={4}>
                            {c.fields.map((f) => (
                              <div key={f.field}>
                                <Typography.Text strong>{f.nameZh}：</Typography.Text>
                                <Typography.Text delete type="secondary">{show(c, f.field, 'from', f.from)}</Typography.Text>
                                <ArrowRightOutlined style={{ margin: '0 6px', color: ORANGE }} aria-label="改为 to" />
                                <Typography.Text style={{ color: ORANGE }}>{show(c, f.field, 'to', f.to)}</Typography.Text>
                              </div>
                            ))}
                          </Space>
                        ) },
                    ]} />
                </Section>
              )}
            </>
          )}
        </LoadState>
      )}
    </Drawer>
  );
}

function Section({ title, colour, children }: { title: React.ReactNode; colour: string; children: React.ReactNode }) {
  return (
    <div style={{ marginBottom: 24, borderLeft: `3px solid ${colour}`, paddingLeft: 12 }}>
      <Typography.Title level={5} style={{ color: colour, marginTop: 0 }}>{title}</Typography.Title>
      {children}
    </div>
  );
}
