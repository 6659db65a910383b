import { useMemo, useState } from 'react';
import { App as AntApp, Alert, Button, Collapse, Drawer, Empty, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { api, errorMessage, qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { LabelTag } from '../pilot/BaseTags';
import { bi } from '../supervision/shared';
import type { Evaluation, ExcludedExpert, Proposal, ProposedExpert } from './api';
import { EXCLUSION_KINDS, label } from './labels';

/** The proposal's query: N, and each field keyword as its own parameter. */
function proposalPath(id: string, n: number, fields: string[]) {
  const p = new URLSearchParams({ n: String(n) });
  for (const f of fields) p.append('fields', f);
  return `/api/safety/evaluations/${id}/reviewer-proposal?${p}`;
}

/** An expert from the directory, for a choice of the body's own. */
function ExpertPicker({ onPick }: { onPick: (e: { id: string; nameZh: string; organisationZh: string }) => void }) {
  const lang = useLang();
  const [options, setOptions] = useState<{ value: string; label: string; e: { id: string; nameZh: string; organisationZh: string } }[]>([]);
  const search = async (q: string) => {
    const found = await api.get<{ items: { id: string; nameZh: string; organisationZh: string; fields: string[] }[] }>(`/api/talent/experts${qs({ q: q.trim() || undefined, limit: 20 })}`).catch(() => ({ items: [] }));
    setOptions(found.items.map((e) => ({ value: e.id, label: `${e.nameZh} · ${e.organisationZh} · ${e.fields.join('、')}`, e })));
  };
  return (
    <Select showSearch filterOption={false} value={null} onSearch={search} onFocus={() => !options.length && search('')} style={{ width: 360 }}
      placeholder={bi(lang, { zh: '从专家库另选一位（逐一核查利益冲突）', en: 'Add an expert from the directory (checked for conflicts)' })}
      options={options} onChange={(v) => { const o = options.find((x) => x.value === v); if (o) onPick(o.e); }} data-testid="safety-assign-pick" />
  );
}

/**
 * 分配评审专家: the engine's proposal of N conflict-free experts by field keywords (keywords
 * editable), each with its fit and shared keywords; the experts ruled out and why; experts of the
 * body's own choice; the chosen ones assigned in one step (a conflict is refused naming it).
 */
export function AssignDrawer({ e, onClose, onDone }: { e: Evaluation; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [n, setN] = useState(3);
  const [fields, setFields] = useState<string[]>(e.fields);
  const p = useApi<Proposal>(proposalPath(e.id, n, fields));
  const [unchecked, setUnchecked] = useState<Set<string>>(new Set());
  const [extra, setExtra] = useState<{ id: string; nameZh: string; organisationZh: string }[]>([]);
  const [saving, setSaving] = useState(false);
  const chosen = useMemo(() => [...(p.data?.reviewers ?? []).map((r) => r.expertId).filter((id) => !unchecked.has(id)), ...extra.map((x) => x.id)], [p.data, unchecked, extra]);

  const save = async () => {
    setSaving(true);
    try {
      await api.post(`/api/safety/evaluations/${e.id}/reviewers`, { expertIds: [...new Set(chosen)], fields });
      message.success(bi(lang, { zh: `已分配评审专家 ${chosen.length} 位，并已通知`, en: `${chosen.length} reviewer(s) assigned and told` }));
      onDone();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer open width={820} onClose={onClose} destroyOnHidden title={<Bi zh={`分配评审专家 · ${e.code}`} en={`Assign reviewers · ${e.code}`} />}
      extra={<Button type="primary" loading={saving} disabled={!chosen.length} onClick={save} data-testid="safety-assign-ok"><Bi zh={`分配所选 ${chosen.length} 位`} en={`Assign ${chosen.length}`} /></Button>}>
      <Space wrap className="panel-alert">
        <span><Bi zh="人数" en="Reviewers" /> <InputNumber min={1} max={9} value={n} onChange={(v) => setN(v ?? 3)} /></span>
        <Select mode="tags" value={fields} onChange={setFields} style={{ minWidth: 360 }} maxCount={10} open={false} tokenSeparators={[',', '，', ' ']} data-testid="safety-assign-fields" />
      </Space>
      {p.data && p.data.live > 0 && <Alert type="info" showIcon className="panel-alert" title={bi(lang, { zh: `已有 ${p.data.live} 位评审专家，建议再补 ${p.data.need} 位`, en: `${p.data.live} already on it; ${p.data.need} more proposed` })} />}
      {p.data?.shortfall && <Alert type="warning" showIcon className="panel-alert" title={bi(lang, p.data.shortfall)} />}
      {p.error && <Alert type="error" showIcon className="panel-alert" title={p.error.message} />}
      <Table<ProposedExpert> rowKey="expertId" size="small" loading={p.loading} pagination={false} dataSource={p.data?.reviewers ?? []} data-testid="safety-assign-proposal"
        rowSelection={{ selectedRowKeys: (p.data?.reviewers ?? []).map((r) => r.expertId).filter((id) => !unchecked.has(id)), onChange: (keys) => setUnchecked(new Set((p.data?.reviewers ?? []).map((r) => r.expertId).filter((id) => !keys.includes(id)))) }}
        locale={{ emptyText: <Empty description={bi(lang, { zh: '没有符合领域且无利益冲突的专家；请调整领域关键词，或从专家库另选', en: 'No conflict-free expert fits these keywords; change them or pick from the directory' })} /> }}
        columns={[
          { title: <Bi zh="专家" en="Expert" />, key: 'name', render: (_, r) => <div>{r.nameZh} <span className="cell-sub">{r.titleZh}</span><div className="cell-sub">{r.organisationZh}</div></div> },
          { title: <Bi zh="匹配度" en="Fit" />, dataIndex: 'fit', width: 90, render: (f: number) => `${Math.round(f * 100)}%` },
          { title: <Bi zh="共同关键词" en="Shared keywords" />, dataIndex: 'shared', render: (s: string[]) => s.map((x) => <Tag key={x}>{x}</Tag>) },
        ]} />
      <Space wrap style={{ margin: '12px 0' }}>
        <ExpertPicker onPick={(x) => setExtra((xs) => (xs.some((y) => y.id === x.id) ? xs : [...xs, x]))} />
        {extra.map((x) => <Tag key={x.id} closable onClose={() => setExtra((xs) => xs.filter((y) => y.id !== x.id))}>{x.nameZh} · {x.organisationZh}</Tag>)}
      </Space>
      <Collapse size="small" items={[{
        key: 'excluded',
        label: bi(lang, { zh: `被排除的专家 ${p.data?.excluded.length ?? 0} 位（利益冲突、不可参评等）`, en: `${p.data?.excluded.length ?? 0} expert(s) ruled out (conflicts, unavailable …)` }),
        children: (
          <Table<ExcludedExpert> rowKey="id" size="small" pagination={false} dataSource={p.data?.excluded ?? []} data-testid="safety-assign-excluded"
            columns={[
              { title: <Bi zh="专家" en="Expert" />, key: 'name', width: 220, render: (_, r) => <div>{r.nameZh}<div className="cell-sub">{r.organisationZh}</div></div> },
              { title: <Bi zh="原因" en="Why" />, key: 'reasons', render: (_, r) => r.reasons.map((x, i) => <div key={i}><LabelTag label={label(EXCLUSION_KINDS, x.kind)} /><Typography.Text type="secondary">{lang === 'zh' ? x.zh : x.en}</Typography.Text></div>) },
            ]} />
        ),
      }]} />
    </Drawer>
  );
}
