import { App as AntApp, Button, Empty, Popconfirm, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../app/api';
import { useLang } from '../../app/i18n';
import { tokenState, type ApiToken } from './api';
import { dateTime, useNames } from './format';

const STATE_COLOR = { active: 'success', revoked: 'default', expired: 'warning' } as const;

/** API tokens with their scopes and state; active ones can be revoked. */
export function TokenTable({ tokens, loading, showOwner = false, onChanged, emptyText }: {
  tokens: ApiToken[];
  loading: boolean;
  showOwner?: boolean;
  onChanged: () => void;
  emptyText: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const names = useNames();
  const { message } = AntApp.useApp();

  const revoke = async (tk: ApiToken) => {
    try {
      await api.del(`/api/tokens/${tk.id}`);
      message.success(t('tokens.revoked', { name: tk.name }));
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: ColumnsType<ApiToken> = [
    { title: t('tokens.name'), dataIndex: 'name', render: (v: string, tk) => <div><div className="cell-main">{v}</div><Typography.Text type="secondary" className="mono">{tk.prefix}…</Typography.Text></div> },
    ...(showOwner ? [{ title: t('tokens.owner'), dataIndex: 'username', width: 170, render: (v?: string) => <span className="mono">{v ?? '—'}</span> }] : []),
    { title: t('tokens.scopes'), dataIndex: 'scopes', render: (s: string[]) => <span className="tag-list">{s.map((x) => <Tag key={x} title={names.scope(x)} className="mono">{x}</Tag>)}</span> },
    { title: t('tokens.state'), key: 'state', width: 110, render: (_, tk) => { const s = tokenState(tk); return <Tag color={STATE_COLOR[s]}>{t(`tokens.state_${s}`)}</Tag>; } },
    { title: t('tokens.created'), dataIndex: 'createdAt', width: 170, responsive: ['lg'], render: (v: string) => dateTime(lang, v) },
    { title: t('tokens.expires'), dataIndex: 'expiresAt', width: 170, render: (v: string | null) => v ? dateTime(lang, v) : t('tokens.never') },
    { title: t('tokens.lastUsed'), dataIndex: 'lastUsedAt', width: 170, responsive: ['xl'], render: (v: string | null) => v ? dateTime(lang, v) : t('tokens.neverUsed') },
    { title: t('common.actions'), key: 'actions', width: 100,
      render: (_, tk) => tokenState(tk) === 'active' ? (
        <Popconfirm title={t('tokens.revokeConfirm', { name: tk.name })} description={t('tokens.revokeHint')} okText={t('tokens.revoke')}
          cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => revoke(tk)}>
          <Button size="small" type="link" danger>{t('tokens.revoke')}</Button>
        </Popconfirm>
      ) : <Typography.Text type="secondary">{tk.revokedAt ? dateTime(lang, tk.revokedAt) : '—'}</Typography.Text> },
  ];

  return (
    <Table<ApiToken> rowKey="id" columns={columns} dataSource={tokens} loading={loading} scroll={{ x: 900 }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: <Empty description={emptyText} /> }} />
  );
}
