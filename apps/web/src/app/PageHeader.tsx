import { useEffect, type ReactNode } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from './i18n';

/**
 * A page's title in the current language with the other language beside it
 * (驾驶舱 Cockpit), an optional description and actions on the right.
 */
export function PageHeader({ titleKey, title, extra, description, tags }: {
  titleKey?: string;
  title?: { zh: string; en: string };
  extra?: ReactNode;
  description?: ReactNode;
  tags?: ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const zhText = title?.zh ?? (titleKey ? t(titleKey, { lng: 'zh' }) : '');
  const enText = title?.en ?? (titleKey ? t(titleKey, { lng: 'en' }) : '');
  const [main, aside] = lang === 'zh' ? [zhText, enText] : [enText, zhText];
  const appName = t('app.name');

  useEffect(() => {
    document.title = main ? `${main} · ${appName}` : appName;
  }, [main, appName]);

  return (
    <div className="page-header">
      <div className="page-header-main">
        <Typography.Title level={3} className="page-title">
          {main}
          {aside && aside !== main && <span className="page-title-aside">{aside}</span>}
        </Typography.Title>
        {tags && <div className="page-header-tags">{tags}</div>}
        {description && <Typography.Paragraph type="secondary" className="page-description">{description}</Typography.Paragraph>}
      </div>
      {extra && <div className="page-header-extra">{extra}</div>}
    </div>
  );
}
