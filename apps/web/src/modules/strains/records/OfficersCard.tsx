import { useState } from 'react';
import { App as AntApp, Button, Card, Empty, Form, Input, Modal, Popconfirm, Select, Table, Tag } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { api } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { useLang } from '../../../app/i18n';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { bi, dateOnly } from '../../supervision/shared';
import { requiredValue } from '../stock/forms';
import { useRecordsRoles } from './access';
import type { Candidate, Officer } from './api';

function AppointModal({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const candidates = useApi<{ items: Candidate[] }>('/api/biosafety-officers/candidates');
  const [form] = Form.useForm<{ userId: string; noteZh?: string }>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post('/api/biosafety-officers', { userId: v.userId, noteZh: v.noteZh?.trim() || null });
    message.success(bi(lang, { zh: '已任命', en: 'Appointed' }));
    onDone();
  });
  return (
    <Modal open title={<Bi zh="任命生物安全负责人" en="Appoint a biosafety officer" />} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      okText={bi(lang, { zh: '任命', en: 'Appoint' })} okButtonProps={{ 'data-testid': 'records-officer-ok' } as never}>
      <Form form={form} layout="vertical">
        <Form.Item name="userId" label={<Bi zh="菌种库管理员账号" en="Curator account" />} rules={requiredValue(lang, '请选择', 'Choose one')}>
          <Select loading={candidates.loading} showSearch={{ optionFilterProp: 'label' }} data-testid="records-officer-user"
            options={(candidates.data?.items ?? []).map((c) => ({ value: c.userId, label: `${c.displayName}（${c.username}）${c.organisationNameZh ? ` · ${c.organisationNameZh}` : ''}` }))} />
        </Form.Item>
        <Form.Item name="noteZh" label={<Bi zh="备注" en="Note" />}><Input /></Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 生物安全负责人: the officers the task force appointed; a sharing request of a class 1–2 strain,
 * or of BSL-3 or above, needs one of them (another person than the curator who approved).
 */
export function OfficersCard() {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const { taskForce } = useRecordsRoles();
  const officers = useApi<{ items: Officer[] }>('/api/biosafety-officers');
  const [appointing, setAppointing] = useState(false);
  const remove = async (o: Officer) => {
    try { await api.del(`/api/biosafety-officers/${o.userId}`); message.success(bi(lang, { zh: '已免去', en: 'Removed' })); officers.reload(); } catch (e) { message.error((e as Error).message); }
  };
  return (
    <Card className="panel" title={<Bi zh="生物安全负责人" en="Biosafety officers" />} data-testid="records-officers"
      extra={taskForce && <Button icon={<UserAddOutlined />} onClick={() => setAppointing(true)} data-testid="records-officer-appoint"><Bi zh="任命" en="Appoint" /></Button>}>
      <LoadState loading={officers.loading && !officers.data} error={officers.error} reload={officers.reload} rows={2}>
        <Table<Officer> rowKey="userId" size="small" pagination={false} dataSource={officers.data?.items ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, taskForce ? { zh: '尚未任命 — 点击“任命”，从菌种库管理员中选择', en: 'None yet: choose “Appoint” and pick a curator' } : { zh: '尚未任命', en: 'None appointed yet' })} /> }}
          columns={[
            { title: <Bi zh="姓名" en="Name" />, key: 'name', render: (_, o) => <div>{o.displayName} <span className="cell-sub">{o.username}</span>{!o.holdsCuratorRole && <Tag color="orange">{bi(lang, { zh: '已无管理员角色', en: 'No longer a curator' })}</Tag>}</div> },
            { title: <Bi zh="单位" en="Organisation" />, dataIndex: 'organisationNameZh', render: (v: string | null) => v ?? '—' },
            { title: <Bi zh="任命" en="Appointed" />, key: 'at', render: (_, o) => <div>{dateOnly(o.appointedAt)}<div className="cell-sub">{o.appointedByName} {o.noteZh}</div></div> },
            ...(taskForce ? [{ title: '', key: 'remove', width: 90, render: (_: unknown, o: Officer) => <Popconfirm title={bi(lang, { zh: '免去该负责人？', en: 'Remove this officer?' })} onConfirm={() => remove(o)}><Button size="small" danger><Bi zh="免去" en="Remove" /></Button></Popconfirm> }] : []),
          ]} />
      </LoadState>
      {appointing && <AppointModal onClose={() => setAppointing(false)} onDone={() => { setAppointing(false); officers.reload(); }} />}
    </Card>
  );
}
