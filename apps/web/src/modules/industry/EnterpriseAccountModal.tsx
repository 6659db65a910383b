import { useMemo } from 'react';
import { Alert, App as AntApp, Form, Modal, Select, Typography } from 'antd';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useApi, type ApiState } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import type { Organisation } from '../admin/api';
import { bi } from '../supervision/shared';
import type { EnterpriseProfile } from './api';

/** The platform's enterprise organisations (the accounts a record can be linked to); the list is the task force's, so others load nothing. */
export const useEnterpriseAccounts = (enabled: boolean) => useApi<Organisation[]>(enabled ? '/api/admin/organisations?kind=enterprise&limit=500' : null);

/**
 * 关联企业账号 (the task force's): the enterprise organisation whose users speak for this
 * record (edit its public fields, report its figures); none unlinks it. The server refuses an
 * account already linked to another record (409) or one that is not an enterprise (422),
 * beside the field.
 */
export function EnterpriseAccountModal({ enterprise, accounts, onClose, onSaved }: { enterprise: EnterpriseProfile; accounts: ApiState<Organisation[]>; onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ organisationId?: string }>();
  // The organisation with the record's credit code first: most likely the one.
  const options = useMemo(() => [...(accounts.data ?? [])]
    .sort((a, b) => Number(b.creditCode === enterprise.creditCode) - Number(a.creditCode === enterprise.creditCode) || a.nameZh.localeCompare(b.nameZh, 'zh-CN'))
    .map((o) => ({ value: o.id, label: o.creditCode ? `${o.nameZh} ${o.creditCode}` : o.nameZh, title: o.nameEn ?? o.nameZh })), [accounts.data, enterprise.creditCode]);

  const { submit, saving } = useFormSubmit(form, async (v) => {
    const organisationId = v.organisationId ?? null;
    await api.patch(`/api/industry/enterprises/${enterprise.id}`, { organisationId });
    message.success(organisationId ? bi(lang, { zh: '已关联企业账号', en: 'Account linked' }) : bi(lang, { zh: '已解除关联', en: 'Account unlinked' }));
    onSaved();
  });

  return (
    <Modal open width={600} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh={`关联企业账号 · ${enterprise.nameZh}`} en={`Link the account · ${enterprise.nameZh}`} />}
      okText={bi(lang, { zh: '保存', en: 'Save' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} okButtonProps={{ 'data-testid': 'account-form-submit' } as never}>
      <Typography.Paragraph type="secondary">
        {bi(lang, { zh: '关联后，该企业机构的用户可维护本企业公开信息并报送经营数据。一个企业账号只能关联一个企业档案；清空即解除关联。', en: 'Once linked, the organisation\'s users edit this record\'s public fields and report its figures. An account links to one record only; clear it to unlink.' })}
      </Typography.Paragraph>
      {accounts.error && <Alert type="error" showIcon className="panel-alert" title={accounts.error.message} />}
      <Form form={form} layout="vertical" className="modal-form" name="account" initialValues={{ organisationId: enterprise.organisationId ?? undefined }}>
        <Form.Item name="organisationId" label={<Bi zh="企业机构" en="Enterprise organisation" />}
          extra={bi(lang, { zh: '机构由管理员在“机构管理”中创建（类型：企业）', en: 'Administrators create organisations (kind: enterprise) under Organisations' })}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={options} loading={accounts.loading} data-testid="account-select"
            placeholder={bi(lang, { zh: '未关联', en: 'Not linked' })} notFoundContent={accounts.data && !accounts.data.length ? bi(lang, { zh: '平台上尚无企业机构', en: 'No enterprise organisations yet' }) : undefined} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
