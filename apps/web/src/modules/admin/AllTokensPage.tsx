import { Alert, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/PageHeader';
import { useApi } from '../../app/useApi';
import type { ApiToken } from './api';
import { TokenTable } from './TokenTable';

/** Every API token on the platform, for an administrator to see and revoke. */
export default function AllTokensPage() {
  const { t } = useTranslation();
  const tokens = useApi<ApiToken[]>('/api/admin/tokens');
  return (
    <>
      <PageHeader titleKey="nav.allTokens" description={t('tokens.allDescription')} />
      <Card className="panel">
        {tokens.error && <Alert type="error" showIcon title={tokens.error.message} className="panel-alert" />}
        <TokenTable tokens={tokens.data ?? []} loading={tokens.loading} showOwner onChanged={tokens.reload} emptyText={t('tokens.noneAll')} />
      </Card>
    </>
  );
}
