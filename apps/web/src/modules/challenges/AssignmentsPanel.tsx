import { useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input, List, Modal, Popconfirm, Select, Space, Table, Tag, Tooltip } from 'antd';
import { SwapOutlined, TeamOutlined, UserAddOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { api, errorMessage, qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi } from '../supervision/shared';
import { useDebounced } from '../supervision/WorkShared';
import type { AssignmentRow, Assignments, AutoAssignResult, ChallengeDetail, Page, Reviewer } from './api';
import { ASSIGNMENT_STATUSES } from './labels';
import { NameTag } from './Tags';

/**
 * 评审分配: each eligible application with its reviewers (names: the organisers see them), their
 * state and the places missing. Automatic assignment by field keywords avoiding conflicts of
 * interest (a second run fills only what is missing) shows the shortfalls with the engine's
 * reasons; an organiser adds one expert by hand (a conflict answers 409 naming it), replaces a
 * reviewer who declined or removes one who has not submitted.
 */
export function AssignmentsPanel({ c, onChanged }: { c: ChallengeDetail; onChanged: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const list = useApi<Assignments>(`/api/challenges/${c.id}/assignments`);
  const [result, setResult] = useState<AutoAssignResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [adding, setAdding] = useState<AssignmentRow | null>(null);
  const [replacing, setReplacing] = useState<Reviewer | null>(null);
  const open = c.status === 'review';
  const reload = () => { list.reload(); onChanged(); };

  const auto = async () => {
    setBusy(true);
    try {
      const r = await api.post<AutoAssignResult>(`/api/challenges/${c.id}/assignments/auto`);
      setResult(r);
      message.success(bi(lang, { zh: `已分配 ${r.assigned} 人次`, en: `${r.assigned} reviewer places assigned` }));
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const unassign = async (r: Reviewer) => {
    try {
      await api.post(`/api/challenges/assignments/${r.id}/unassign`, { reasonZh: null });
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const missing = (list.data?.items ?? []).reduce((s, a) => s + a.missing, 0);
  return (
    <LoadState loading={list.loading && !list.data} error={list.error} reload={list.reload}>
      <Space wrap className="cq-filters">
        {open && <Button type="primary" icon={<TeamOutlined />} loading={busy} onClick={auto} data-testid="assign-auto"><Bi zh="自动分配评审专家" en="Assign reviewers" /></Button>}
        <span>{bi(lang, { zh: `每份申报 ${list.data?.reviewersPerApplication ?? '—'} 位专家`, en: `${list.data?.reviewersPerApplication ?? '—'} reviewers per application` })}</span>
        {missing > 0 && <Tag color="red" data-testid="assign-missing">{bi(lang, { zh: `缺 ${missing} 人次`, en: `${missing} places missing` })}</Tag>}
      </Space>
      {result && result.shortfalls.length > 0 && (
        <Alert type="warning" showIcon closable className="panel-alert" data-testid="assign-shortfalls" onClose={() => setResult(null)}
          title={bi(lang, { zh: `${result.shortfalls.length} 份申报专家不足`, en: `${result.shortfalls.length} applications are short of reviewers` })}
          description={<List size="small" dataSource={result.shortfalls} renderItem={(s) => (
            <List.Item><span className="mono">{s.code}</span>&nbsp;{bi(lang, { zh: `缺 ${s.missing} 位：${s.reasonZh}`, en: `${s.missing} missing: ${s.reasonEn}` })}</List.Item>
          )} />} />
      )}
      <Table<AssignmentRow> rowKey="id" size="middle" pagination={false} dataSource={list.data?.items ?? []} data-testid="assignments-table"
        locale={{ emptyText: bi(lang, { zh: '没有通过形式审查的申报', en: 'No application passed the formal check' }) }}
        columns={[
          { title: <Bi zh="申报" en="Application" />, key: 'app', width: 260, render: (_, a) => <div><div className="cell-main">{a.titleZh}</div><div className="cell-sub"><span className="mono">{a.code}</span> · {a.leadNameZh}</div></div> },
          { title: <Bi zh="评审专家" en="Reviewers" />, key: 'reviewers', render: (_, a) => (
            <Space size={[4, 4]} wrap>
              {a.reviewers.map((r) => (
                <Tooltip key={r.id} title={[r.expertOrganisationZh, r.expertTitleZh, r.shared?.length ? `${bi(lang, { zh: '匹配', en: 'Matched' })}: ${r.shared.join('、')}` : null, r.endReasonZh].filter(Boolean).join(' · ')}>
                  <span className="cq-reviewer">
                    {r.expertNameZh} <NameTag names={ASSIGNMENT_STATUSES} code={r.status} />
                    {open && !r.replacedBy && ['declined', 'conflict', 'assigned'].includes(r.status) && (
                      <Button size="small" type="link" icon={<SwapOutlined />} onClick={() => setReplacing(r)} aria-label="replace" />
                    )}
                    {open && r.status === 'assigned' && (
                      <Popconfirm title={bi(lang, { zh: '撤销该专家的评审？', en: 'Remove this reviewer?' })} onConfirm={() => unassign(r)}>
                        <Button size="small" type="link" danger icon={<UserDeleteOutlined />} aria-label="remove" />
                      </Popconfirm>
                    )}
                  </span>
                </Tooltip>
              ))}
            </Space>
          ) },
          { title: <Bi zh="进度" en="Progress" />, key: 'progress', width: 150, render: (_, a) => (
            <Space orientation="vertical" size={0}>
              <span>{bi(lang, { zh: `已提交 ${a.submitted}/${a.live}`, en: `${a.submitted}/${a.live} submitted` })}</span>
              {a.missing > 0 && <Tag color="red">{bi(lang, { zh: `缺 ${a.missing} 位`, en: `${a.missing} missing` })}</Tag>}
            </Space>
          ) },
          { title: '', key: 'act', width: 110, render: (_, a) => open && a.status === 'eligible' && (
            <Button size="small" icon={<UserAddOutlined />} onClick={() => setAdding(a)} data-testid={`assign-add-${a.code}`}><Bi zh="指定" en="Add" /></Button>
          ) },
        ]} />
      {adding && <ExpertModal title={{ zh: `为 ${adding.code} 指定评审专家`, en: `Assign a reviewer to ${adding.code}` }} fields={c.fields}
        send={(expertId) => api.post(`/api/challenges/applications/${adding.id}/assignments`, { expertId })} onClose={() => setAdding(null)} onDone={() => { setAdding(null); reload(); }} />}
      {replacing && <ExpertModal title={{ zh: `更换评审专家 ${replacing.expertNameZh}`, en: `Replace ${replacing.expertNameZh}` }} fields={c.fields} optional askReason={replacing.status === 'assigned'}
        send={(expertId, reasonZh) => api.post(`/api/challenges/assignments/${replacing.id}/replace`, { expertId: expertId ?? null, reasonZh: reasonZh ?? null })}
        onClose={() => setReplacing(null)} onDone={() => { setReplacing(null); reload(); }} />}
    </LoadState>
  );
}

interface ExpertOption { id: string; code: string; nameZh: string; organisationZh?: string | null; fields?: string[] }

/** Picks an expert from the directory (searched by name or field); the server checks conflicts and answers 409 naming them. */
function ExpertModal({ title, fields, send, onClose, onDone, optional, askReason }: {
  title: { zh: string; en: string }; fields: string[]; optional?: boolean; askReason?: boolean;
  send: (expertId: string | undefined, reasonZh?: string) => Promise<unknown>; onClose: () => void; onDone: () => void;
}) {
  const lang = useLang();
  const [form] = Form.useForm<{ expertId?: string; reasonZh?: string }>();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 300);
  const experts = useApi<Page<ExpertOption>>(`/api/talent/experts${qs({ q: q || undefined, field: q ? undefined : fields[0], available: true, limit: 30 })}`);
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await send(v.expertId, v.reasonZh?.trim() || undefined);
    onDone();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden title={<Bi zh={title.zh} en={title.en} />}>
      <Form form={form} layout="vertical">
        <Form.Item name="expertId" label={<Bi zh="专家" en="Expert" />} extra={optional ? bi(lang, { zh: '留空则自动选取最合适的专家', en: 'Leave empty to let the engine pick the best one' }) : undefined}
          rules={optional ? [] : [{ required: true, message: bi(lang, { zh: '请选择专家', en: 'Pick an expert' }) }]}>
          <Select allowClear showSearch={{ filterOption: false, onSearch: setTyped }} loading={experts.loading} data-testid="assign-expert"
            placeholder={bi(lang, { zh: '输入姓名或领域查找', en: 'Type a name or field' })}
            options={(experts.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.nameZh}（${e.code}）${e.organisationZh ? ` · ${e.organisationZh}` : ''}` }))} />
        </Form.Item>
        {askReason && (
          <Form.Item name="reasonZh" label={<Bi zh="更换理由" en="Reason" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '须说明理由', en: 'Give the reason' }) }]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
