import { useState } from 'react';
import { App as AntApp, Button, Card, Empty, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { api, qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { LabelTag } from '../pilot/BaseTags';
import { bi, dateTime } from '../supervision/shared';
import type { Evaluation, Review } from './api';
import { AssignDrawer } from './AssignDrawer';
import { CONCLUSIONS, label, REVIEW_STATUSES } from './labels';
import { FindingsList } from './SummaryTable';

type Change = { review: Review; kind: 'replace' | 'remove' };

/**
 * The evaluation's reviewers for the body and overseers: who, how chosen, where each stands and
 * what each found; the body assigns more, replaces one (named, or the engine's next best) or
 * removes one who has not submitted.
 */
export function ReviewersPanel({ e, onDone }: { e: Evaluation; onDone: () => void }) {
  const lang = useLang();
  const [assigning, setAssigning] = useState(false);
  const [change, setChange] = useState<Change | null>(null);
  const may = e.may.includes('assign');
  const reviews = e.reviews ?? [];
  return (
    <Card className="panel" title={<Bi zh="评审专家" en="Reviewers" />}
      extra={may && <Button type="primary" onClick={() => setAssigning(true)} data-testid="safety-assign"><Bi zh="分配评审专家" en="Assign reviewers" /></Button>}>
      <Table<Review> rowKey="id" size="small" pagination={false} dataSource={reviews} data-testid="safety-reviewers"
        expandable={{ rowExpandable: (r) => !!r.findings, expandedRowRender: (r) => <div><FindingsList findings={r.findings ?? []} />{r.summaryZh && <p>{r.summaryZh}</p>}</div> }}
        locale={{ emptyText: <Empty description={may ? bi(lang, { zh: '尚未分配评审专家；点击“分配评审专家”查看系统建议', en: 'No reviewers yet; choose “Assign reviewers” for the proposal' }) : bi(lang, { zh: '尚未分配评审专家', en: 'No reviewers yet' })} /> }}
        columns={[
          { title: <Bi zh="专家" en="Expert" />, key: 'name', render: (_, r) => <div>{r.expertNameZh} <span className="cell-sub">{r.expertTitleZh}</span><div className="cell-sub">{r.expertOrganisationZh}</div></div> },
          { title: <Bi zh="来源" en="Chosen by" />, key: 'source', width: 150, render: (_, r) => <div>{r.source === 'proposal' ? bi(lang, { zh: '系统建议', en: 'Proposal' }) : bi(lang, { zh: '人工指定', en: 'Manual' })}<div>{r.shared.map((s) => <Tag key={s}>{s}</Tag>)}</div></div> },
          { title: <Bi zh="状态" en="Status" />, key: 'status', width: 200, render: (_, r) => <div><LabelTag label={label(REVIEW_STATUSES, r.status)} />{r.endReasonZh && <div className="cell-sub">{r.endReasonZh}</div>}</div> },
          { title: <Bi zh="建议" en="Recommendation" />, key: 'rec', width: 150, render: (_, r) => (r.recommendation ? <div><LabelTag label={label(CONCLUSIONS, r.recommendation)} /><div className="cell-sub">{dateTime(r.submittedAt)}</div></div> : '—') },
          ...(may ? [{ title: <Bi zh="操作" en="Actions" />, key: 'act', width: 170, render: (_: unknown, r: Review) => (
            <Space size={4}>
              {(r.status === 'assigned' || (r.status === 'declined' && !r.replacedBy)) && <Button size="small" onClick={() => setChange({ review: r, kind: 'replace' })} data-testid="safety-review-replace"><Bi zh="更换" en="Replace" /></Button>}
              {r.status === 'assigned' && <Button size="small" danger onClick={() => setChange({ review: r, kind: 'remove' })}><Bi zh="撤销" en="Remove" /></Button>}
            </Space>
          ) }] : []),
        ]} />
      {assigning && <AssignDrawer e={e} onClose={() => setAssigning(false)} onDone={() => { setAssigning(false); onDone(); }} />}
      {change && <ChangeModal change={change} onClose={() => setChange(null)} onDone={() => { setChange(null); onDone(); }} />}
    </Card>
  );
}

/** Replace (by the expert named, or the engine's next best) or remove a reviewer, with the reason. */
function ChangeModal({ change, onClose, onDone }: { change: Change; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ reasonZh?: string; expertId?: string }>();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const { review, kind } = change;
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/safety/reviews/${review.id}/${kind}`, kind === 'replace' ? { reasonZh: v.reasonZh?.trim() || null, expertId: v.expertId ?? null } : { reasonZh: v.reasonZh?.trim() ?? '' });
    message.success(bi(lang, kind === 'replace' ? { zh: '已更换评审专家并通知', en: 'Reviewer replaced; both told' } : { zh: '已撤销该评审', en: 'Reviewer removed' }));
    onDone();
  });
  const search = async (q: string) => {
    const found = await api.get<{ items: { id: string; nameZh: string; organisationZh: string }[] }>(`/api/talent/experts${qs({ q: q.trim() || undefined, limit: 20 })}`).catch(() => ({ items: [] }));
    setOptions(found.items.map((x) => ({ value: x.id, label: `${x.nameZh} · ${x.organisationZh}` })));
  };
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh={`${kind === 'replace' ? '更换' : '撤销'}评审专家 ${review.expertNameZh}`} en={`${kind === 'replace' ? 'Replace' : 'Remove'} ${review.expertNameZh}`} />}
      okText={bi(lang, { zh: '确定', en: 'OK' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} okButtonProps={{ 'data-testid': 'safety-change-ok', danger: kind === 'remove' } as never}>
      <Form form={form} layout="vertical" name="safetyReviewChange">
        <Form.Item name="reasonZh" label={<Bi zh="理由" en="Why" />} rules={[{ required: review.status === 'assigned', whitespace: true }]}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        {kind === 'replace' && (
          <Form.Item name="expertId" label={<Bi zh="替换为（不选则由系统选下一位无利益冲突的专家）" en="Replace with (blank: the engine's next conflict-free expert)" />}>
            <Select showSearch allowClear filterOption={false} onSearch={search} onFocus={() => !options.length && search('')} options={options} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
