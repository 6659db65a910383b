import { useState } from 'react';
import { Alert, Button, Form, Input, List, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone, FileExcelOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api, qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi, dateTime, ExportButton } from '../supervision/shared';
import type { ApplicationDetail, ApplicationRow, ChallengeDetail, Page } from './api';
import { APPLICATION_STATUSES } from './labels';
import { ApplicationStatusTag, wan } from './Tags';

/**
 * 申报与形式审查: every application of the challenge (organisers and overseers), its status and
 * consortium; the challenge's runners export them and, once it is in review, mark each submitted
 * one eligible or ineligible against its checklist.
 */
export function FormalCheckPanel({ c, runs, onChanged }: { c: ChallengeDetail; runs: boolean; onChanged: () => void }) {
  const lang = useLang();
  const [status, setStatus] = useState<string>();
  const [checking, setChecking] = useState<string | null>(null);
  const list = useApi<Page<ApplicationRow>>(`/api/challenges/${c.id}/applications${qs({ status, limit: 200 })}`);
  const waiting = (list.data?.items ?? []).filter((a) => a.status === 'submitted').length;
  return (
    <>
      <Space wrap className="cq-filters">
        <Select allowClear style={{ width: 200 }} value={status} onChange={setStatus} placeholder={bi(lang, { zh: '状态', en: 'Status' })}
          options={Object.entries(APPLICATION_STATUSES).map(([value, n]) => ({ value, label: bi(lang, n) }))} />
        {runs && <ExportButton path={`/api/challenges/${c.id}/applications/export.xlsx`} fallbackName={`${c.code}-揭榜申请.xlsx`} icon={<FileExcelOutlined />} testId="applications-export" />}
        {c.status === 'review' && waiting > 0 && <Tag color="processing">{bi(lang, { zh: `待形式审查 ${waiting} 份`, en: `${waiting} awaiting the formal check` })}</Tag>}
      </Space>
      <Table<ApplicationRow> rowKey="id" size="middle" loading={list.loading} dataSource={list.data?.items ?? []} pagination={false} data-testid="formal-check-table"
        locale={{ emptyText: bi(lang, { zh: '还没有申报', en: 'No application yet' }) }}
        columns={[
          { title: <Bi zh="申报" en="Application" />, key: 'title', render: (_, a) => <div><Link to={`/challenges/applications/${a.id}`} className="cell-main">{a.titleZh}</Link><div className="cell-sub mono">{a.code}</div></div> },
          { title: <Bi zh="牵头单位" en="Lead" />, dataIndex: 'leadNameZh' },
          { title: <Bi zh="成员单位" en="Members" />, dataIndex: 'memberNamesZh', render: (x) => x || '—' },
          { title: <Bi zh="申请经费" en="Budget" />, dataIndex: 'budgetWan', width: 120, render: wan },
          { title: <Bi zh="提交时间" en="Submitted" />, dataIndex: 'submittedAt', width: 150, render: dateTime },
          { title: <Bi zh="状态" en="Status" />, dataIndex: 'status', width: 150, render: (s, a) => <span data-testid={`formal-status-${a.code}`}><ApplicationStatusTag status={s} /></span> },
          { title: '', key: 'act', width: 120, render: (_, a) => runs && c.status === 'review' && a.status === 'submitted' && (
            <Button size="small" type="primary" onClick={() => setChecking(a.id)} data-testid={`formal-check-${a.code}`}><Bi zh="形式审查" en="Check" /></Button>
          ) },
        ]} />
      {checking && <FormalCheckModal id={checking} onClose={() => setChecking(null)} onDone={() => { setChecking(null); list.reload(); onChanged(); }} />}
    </>
  );
}

function FormalCheckModal({ id, onClose, onDone }: { id: string; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const a = useApi<ApplicationDetail>(`/api/challenges/applications/${id}`);
  const [form] = Form.useForm<{ decision: 'eligible' | 'ineligible'; noteZh?: string }>();
  const decision = Form.useWatch('decision', form);
  const broken = (a.data?.checklist ?? []).some((x) => !x.ok);
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/challenges/applications/${id}/formal-check`, { decision: v.decision, noteZh: v.noteZh?.trim() || null });
    onDone();
  });
  return (
    <Modal open width={720} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden okButtonProps={{ 'data-testid': 'formal-check-ok' } as never}
      title={<Bi zh={`形式审查 ${a.data?.code ?? ''}`} en={`Formal check ${a.data?.code ?? ''}`} />}>
      <LoadState loading={a.loading && !a.data} error={a.error} reload={a.reload}>
        {a.data && (
          <>
            <List size="small" bordered className="cq-checklist" dataSource={a.data.checklist} data-testid="formal-checklist" renderItem={(x) => (
              <List.Item>
                <Space align="start">
                  {x.ok ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />}
                  <div><strong>{lang === 'zh' ? x.zh : x.en}</strong><div className="cell-sub">{x.detailZh}</div></div>
                </Space>
              </List.Item>
            )} />
            {broken && <Alert type="warning" showIcon className="panel-alert" title={bi(lang, { zh: '检查清单有未通过项：判定通过须说明理由', en: 'The checklist finds a problem: passing it needs a reason' })} />}
            <Form form={form} layout="vertical" style={{ marginTop: 12 }} initialValues={{ decision: broken ? 'ineligible' : 'eligible' }}>
              <Form.Item name="decision" label={<Bi zh="结论" en="Decision" />} rules={[{ required: true }]}>
                <Radio.Group data-testid="formal-decision" options={[
                  { value: 'eligible', label: bi(lang, { zh: '通过', en: 'Eligible' }) },
                  { value: 'ineligible', label: bi(lang, { zh: '不通过', en: 'Ineligible' }) },
                ]} />
              </Form.Item>
              <Form.Item name="noteZh" label={<Bi zh="意见（不通过时必填，将告知申报单位）" en="Note (required when ineligible; the lead is told)" />}
                rules={[{ required: decision === 'ineligible' || broken, whitespace: true, message: bi(lang, { zh: '请说明理由', en: 'Give the reason' }) }]}>
                <Input.TextArea rows={3} maxLength={2000} data-testid="formal-note" />
              </Form.Item>
            </Form>
          </>
        )}
      </LoadState>
    </Modal>
  );
}
