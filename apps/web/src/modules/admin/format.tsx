import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../app/i18n';
import type { Lang } from '../../app/i18n';
import { useMeta } from './api';

const pad = (n: number) => String(n).padStart(2, '0');

/** Local date and time as 2024-07-26 09:30 (the same in both languages, and it fits a table cell), or a dash. */
export function dateTime(_lang: Lang, value: string | null | undefined) {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const ROLE_COLORS: Record<string, string> = {
  admin: 'red', taskforce: 'volcano', unit: 'blue', district: 'cyan', enterprise: 'geekblue',
  institute: 'purple', pilotBase: 'green', curator: 'lime', expert: 'gold',
};

export function RoleTags({ roles }: { roles: string[] }) {
  const lang = useLang();
  const meta = useMeta();
  return (
    <span className="tag-list">
      {roles.map((r) => <Tag key={r} color={ROLE_COLORS[r]}>{meta.data?.roles[r]?.[lang] ?? r}</Tag>)}
    </span>
  );
}

export function DemoTag() {
  const { t } = useTranslation();
  return <Tag color="gold">{t('app.demoShort')}</Tag>;
}

export function useNames() {
  const lang = useLang();
  const meta = useMeta();
  return {
    meta: meta.data,
    role: (k: string) => meta.data?.roles[k]?.[lang] ?? k,
    kind: (k: string) => meta.data?.organisationKinds[k]?.[lang] ?? k,
    scope: (k: string) => meta.data?.scopes[k]?.[lang] ?? k,
  };
}
