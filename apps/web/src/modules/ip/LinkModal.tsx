import { useState } from 'react';
import { App as AntApp, Form, Modal, Select } from 'antd';
import { api, qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi, useOrganisations } from '../supervision/shared';
import { useIpRoles } from './access';
import { LINK_KINDS } from './labels';

interface Option { value: string; label: string }
type Named = { id: string; code?: string; nameZh?: string; titleZh?: string };
const toOptions = (items: Named[] | undefined): Option[] => (items ?? []).map((x) => ({ value: x.id, label: `${x.code ? `${x.code} ` : ''}${x.nameZh ?? x.titleZh ?? x.id}` }));

/**
 * Links a right to what it belongs to: a holder picks its own organisation, its enterprise record,
 * its achievements or a platform it hosts; the task force picks any. Challenges and awards are
 * linked by the challenges module when an output is recorded.
 */
export function LinkModal({ rightId, onClose, onDone }: { rightId: string; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const { user, taskForce } = useIpRoles();
  const [form] = Form.useForm<{ targetKind: string; targetId: string }>();
  const kind = Form.useWatch('targetKind', form) ?? 'platform';
  const [q, setQ] = useState('');
  const own = user?.organisationId ?? null;
  const orgs = useOrganisations(taskForce && kind === 'organisation');
  const platforms = useApi<{ items: Named[] }>(kind === 'platform' ? `/api/innovation/platforms${qs({ limit: 500, hostId: taskForce ? undefined : own })}` : null);
  const enterprises = useApi<{ items: Named[] }>(kind === 'enterprise' ? `/api/industry/enterprises${qs({ q: q || undefined, limit: 30 })}` : null);
  const achievements = useApi<{ items: Named[] }>(kind === 'achievement' ? `/api/pilot/achievements/${taskForce ? 'all' : 'mine'}?limit=200` : null);
  const options: Option[] = kind === 'organisation'
    ? (taskForce ? toOptions(orgs.data) : own ? [{ value: own, label: user?.organisationNameZh ?? own }] : [])
    : toOptions((kind === 'platform' ? platforms : kind === 'enterprise' ? enterprises : achievements).data?.items);

  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/ip/${rightId}/links`, v);
    message.success(bi(lang, { zh: '已关联', en: 'Linked' }));
    onDone();
  });

  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }} title={<Bi zh="添加关联" en="Add a link" />}
      okText={bi(lang, { zh: '关联', en: 'Link' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} okButtonProps={{ 'data-testid': 'ip-link-ok' } as never}>
      <Form form={form} layout="vertical" className="modal-form" name="ipLink" initialValues={{ targetKind: 'platform' }} onValuesChange={(c) => { if (c.targetKind) form.setFieldsValue({ targetId: undefined }); }}>
        <Form.Item name="targetKind" label={<Bi zh="关联对象" en="Link to" />} rules={[{ required: true }]}>
          <Select data-testid="ip-link-kind" options={['platform', 'enterprise', 'achievement', 'organisation'].map((k) => ({ value: k, label: bi(lang, LINK_KINDS[k]) }))} />
        </Form.Item>
        <Form.Item name="targetId" label={<Bi zh="选择" en="Choose" />} rules={[{ required: true }]}
          extra={kind === 'platform' && !taskForce ? bi(lang, { zh: '只列本机构依托的平台', en: 'Only platforms your organisation hosts' }) : undefined}>
          <Select showSearch={{ optionFilterProp: 'label', onSearch: kind === 'enterprise' ? setQ : undefined }} options={options} data-testid="ip-link-target"
            notFoundContent={bi(lang, { zh: '没有可关联的对象', en: 'Nothing to link' })} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
