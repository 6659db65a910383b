import type { ReactNode } from 'react';
import { Alert, Button, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';

/** What a page shows while its data loads, or when loading failed (with the server's message). */
export function LoadState({ loading, error, reload, children, rows = 6 }: {
  loading: boolean;
  error?: Error;
  reload?: () => void;
  children: ReactNode;
  rows?: number;
}) {
  const { t } = useTranslation();
  if (error) {
    return (
      <Alert type="error" showIcon title={t('common.loadFailed')} description={error.message}
        action={reload && <Button size="small" onClick={reload}>{t('common.retry')}</Button>} />
    );
  }
  if (loading) return <Skeleton active paragraph={{ rows }} />;
  return <>{children}</>;
}
