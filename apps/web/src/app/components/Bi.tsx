import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n';

/** A label in the current language with the other language beside it, quieter: 驾驶舱 Cockpit. */
export function Bi({ k, zh, en, className }: { k?: string; zh?: string; en?: string; className?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const z = zh ?? (k ? t(k, { lng: 'zh' }) : '');
  const e = en ?? (k ? t(k, { lng: 'en' }) : '');
  const [main, aside] = lang === 'zh' ? [z, e] : [e, z];
  return (
    <span className={className}>
      {main}
      {aside && aside !== main && <span className="bi-aside">{aside}</span>}
    </span>
  );
}
