import { useState } from 'react';
import { Button, Card, Empty, List, Steps, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { bi, todayIso } from '../supervision/shared';
import type { EnterpriseProfile, Transformation } from './api';
import { TRANSFORMATION_CATEGORIES } from './labels';
import { LabelTag } from './tags';
import { TransformationModal } from './TransformationModal';

/** The milestones as steps: done ones finished, an overdue one in red, the next in progress. */
function MilestoneSteps({ p }: { p: Transformation }) {
  const lang = useLang();
  const today = todayIso();
  const next = p.milestones.findIndex((m) => !m.doneOn);
  return (
    <Steps size="small" orientation="horizontal" current={next < 0 ? p.milestones.length : next} style={{ marginTop: 12 }}
      items={p.milestones.map((m, i) => ({
        title: m.titleZh,
        status: m.doneOn ? 'finish' : m.dueOn < today ? 'error' : i === next ? 'process' : 'wait',
        content: m.doneOn ? (lang === 'zh' ? `${m.doneOn} 完成` : `done ${m.doneOn}`) : (lang === 'zh' ? `计划 ${m.dueOn}` : `due ${m.dueOn}`),
      }))} />
  );
}

/** 转型升级（两高两低）: the enterprise's programmes and their milestones; kept by its district or the task force. */
export function EnterpriseTransformations({ e, onChanged }: { e: EnterpriseProfile; onChanged: () => void }) {
  const lang = useLang();
  const [editing, setEditing] = useState<Transformation | 'new' | null>(null);
  const list = e.transformations ?? [];
  if (!list.length && !e.may.manage) return null;
  return (
    <Card className="panel" title={<Bi zh="转型升级（两高两低）" en="Transformation (两高两低)" />}
      extra={e.may.manage && <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}><Bi zh="新建计划" en="New programme" /></Button>}>
      {list.length ? (
        <List itemLayout="vertical" dataSource={list} renderItem={(p) => (
          <List.Item key={p.id} extra={e.may.manage && <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(p)}><Bi zh="更新" en="Update" /></Button>}>
            <List.Item.Meta title={<>{TRANSFORMATION_CATEGORIES[p.category] && <LabelTag label={TRANSFORMATION_CATEGORIES[p.category]} />}{p.goalZh}</>}
              description={lang === 'zh' ? `启动于 ${p.startedOn}` : `Started ${p.startedOn}`} />
            {p.milestones.length ? <MilestoneSteps p={p} /> : <Typography.Text type="secondary">{bi(lang, { zh: '尚未设置里程碑', en: 'No milestones yet' })}</Typography.Text>}
          </List.Item>
        )} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '该企业不在“两高两低”转型名单中。如需推动转型，可新建转型升级计划并设置里程碑。', en: 'Not on the 两高两低 list. Start a programme with milestones if it needs to transform.' })} />
      )}
      {editing && <TransformationModal enterpriseId={e.id} programme={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); onChanged(); }} />}
    </Card>
  );
}
