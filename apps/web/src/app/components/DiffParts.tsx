import type { ReactNode } from 'react';
import { Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { Bi } from './Bi';
import { ArrowRightOutlined } from '@ant-design/icons';
import { bi } from '../../modules/supervision/shared';
import { useLang } from '../i18n';

/** What an edition diff shows in one colour each, on every list that has editions. */
export const DIFF_COLOURS = { added: '#389e0d', removed: '#cf1322', changed: '#d46b08' } as const;

/** A part of a diff (added, removed, changed) under a coloured rule. */
export function DiffSection({ title, colour, children }: { title: ReactNode; colour: string; children: ReactNode }) {
  return (
    <div style={{ marginBottom: 24, borderLeft: `3px solid ${colour}`, paddingLeft: 12 }}>
      <Typography.Title level={5} style={{ color: colour, marginTop: 0 }}>{title}</Typography.Title>
      {children}
    </div>
  );
}

/** One item's changed fields: the name, the old value struck through, an arrow, the new value. */
export function FieldChanges({ changes }: { changes: { field: string; label: ReactNode; from: ReactNode; to: ReactNode }[] }) {
  const lang = useLang();
  return (
    <Space orientation="vertical" size={4}>
      {changes.map((f) => (
        <div key={f.field}>
          <Typography.Text strong>{f.label}：</Typography.Text>
          <Typography.Text delete type="secondary">{f.from}</Typography.Text>
          <ArrowRightOutlined style={{ margin: '0 6px', color: DIFF_COLOURS.changed }} aria-label={bi(lang, { zh: '改为', en: 'to' })} />
          <Typography.Text style={{ color: DIFF_COLOURS.changed }}>{f.to}</Typography.Text>
        </div>
      ))}
    </Space>
  );
}

/** The four counts at the top of a diff: added, removed, changed, unchanged. */
export function DiffCounts({ added, removed, changed, unchanged }: { added: number; removed: number; changed: number; unchanged: number }) {
  const cell = (zh: string, en: string, value: number, color?: string) => (
    <Col span={6}><Card size="small"><Statistic title={<Bi zh={zh} en={en} />} value={value} styles={color ? { content: { color } } : undefined} /></Card></Col>
  );
  return (
    <Row gutter={12} style={{ marginBottom: 20 }}>
      {cell('新增', 'Added', added, DIFF_COLOURS.added)}
      {cell('移出', 'Removed', removed, DIFF_COLOURS.removed)}
      {cell('变更', 'Changed', changed, DIFF_COLOURS.changed)}
      {cell('未变', 'Unchanged', unchanged)}
    </Row>
  );
}
