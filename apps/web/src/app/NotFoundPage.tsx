import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

export default function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result status="404" title={t('common.notFoundTitle')} subTitle={t('common.notFoundText')}
      extra={<Button type="primary" onClick={() => navigate('/')}>{t('auth.backToCockpit')}</Button>} />
  );
}
