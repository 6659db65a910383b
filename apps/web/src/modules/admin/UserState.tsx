import { Tag, Tooltip } from 'antd';
import { LockOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../app/i18n';
import type { User } from './api';
import { dateTime } from './format';

/** Whether an account can sign in: disabled by an administrator, locked after failures, or active. */
export function UserState({ user }: { user: User }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <span className="tag-list">
      {user.disabled && <Tag icon={<StopOutlined />} color="default">{t('admin.stateDisabled')}</Tag>}
      {user.locked && (
        <Tooltip title={t('admin.lockedUntil', { time: dateTime(lang, user.lockedUntil) })}>
          <Tag icon={<LockOutlined />} color="red">{t('admin.stateLocked')}</Tag>
        </Tooltip>
      )}
      {!user.disabled && !user.locked && <Tag icon={<CheckCircleOutlined />} color="success">{t('admin.stateActive')}</Tag>}
    </span>
  );
}
