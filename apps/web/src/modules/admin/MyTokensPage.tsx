import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, Modal, Select, Typography } from 'antd';
import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/PageHeader';
import { api } from '../../app/api';
import { useFormSubmit } from '../../app/useFormSubmit';
import { useApi } from '../../app/useApi';
import type { ApiToken } from './api';
import { useNames } from './format';
import { TokenTable } from './TokenTable';

interface Values {
  name: string;
  scopes: string[];
  expiresInDays: number | 0;
}

/** A signed-in user's own API tokens, for machines that call the API on their behalf. */
export default function MyTokensPage() {
  const { t } = useTranslation();
  const names = useNames();
  const tokens = useApi<ApiToken[]>('/api/tokens');
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<ApiToken | null>(null);
  const [form] = Form.useForm<Values>();

  const { submit: create, saving } = useFormSubmit(form, async (v) => {
    const tk = await api.post<ApiToken>('/api/tokens', { name: v.name.trim(), scopes: v.scopes, ...(v.expiresInDays ? { expiresInDays: v.expiresInDays } : {}) });
    setCreating(false);
    form.resetFields();
    setSecret(tk);
    tokens.reload();
  });

  return (
    <>
      <PageHeader titleKey="nav.myTokens" description={t('tokens.myDescription')}
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-token">{t('tokens.create')}</Button>} />
      <Card className="panel">
        <Alert type="info" showIcon className="panel-alert" title={t('tokens.howTo')}
          description={<code className="mono">curl -H "Authorization: Bearer &lt;token&gt;" {window.location.origin}/api/plan/targets</code>} />
        {tokens.error && <Alert type="error" showIcon title={tokens.error.message} className="panel-alert" />}
        <TokenTable tokens={tokens.data ?? []} loading={tokens.loading} onChanged={tokens.reload} emptyText={t('tokens.noneMine')} />
      </Card>

      <Modal open={creating} title={t('tokens.create')} okText={t('common.create')} cancelText={t('common.cancel')}
        onOk={create} confirmLoading={saving} onCancel={() => setCreating(false)} destroyOnHidden>
        <Form form={form} name="token" layout="vertical" className="modal-form" initialValues={{ scopes: [], expiresInDays: 90 }}>
          <Form.Item name="name" label={t('tokens.name')} extra={t('tokens.nameHint')} rules={[{ required: true, whitespace: true, message: t('tokens.nameRequired') }, { max: 100 }]}>
            <Input placeholder={t('tokens.namePlaceholder')} />
          </Form.Item>
          <Form.Item name="scopes" label={t('tokens.scopes')} rules={[{ required: true, type: 'array', min: 1, message: t('tokens.scopesRequired') }]}>
            <Checkbox.Group className="scope-options" options={Object.keys(names.meta?.scopes ?? {}).map((s) => ({
              value: s,
              label: <span><code className="mono">{s}</code> <Typography.Text type="secondary">{names.scope(s)}</Typography.Text></span>,
            }))} />
          </Form.Item>
          <Form.Item name="expiresInDays" label={t('tokens.expiresIn')}>
            <Select options={[
              { value: 30, label: t('tokens.days', { count: 30 }) },
              { value: 90, label: t('tokens.days', { count: 90 }) },
              { value: 365, label: t('tokens.days', { count: 365 }) },
              { value: 0, label: t('tokens.never') },
            ]} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal open={!!secret} title={<span><KeyOutlined /> {t('tokens.createdTitle', { name: secret?.name ?? '' })}</span>}
        onCancel={() => setSecret(null)} mask={{ closable: false }} width={640}
        footer={<Button type="primary" onClick={() => setSecret(null)}>{t('tokens.savedIt')}</Button>}>
        <Alert type="warning" showIcon className="panel-alert" title={t('tokens.onceTitle')} description={t('tokens.onceText')} />
        <Typography.Paragraph copyable={{ text: secret?.token ?? '', tooltips: [t('tokens.copy'), t('tokens.copied')] }} className="token-secret" data-testid="token-secret">
          <code>{secret?.token}</code>
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
