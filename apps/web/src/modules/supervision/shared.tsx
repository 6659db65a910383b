import { useState, type ReactNode } from 'react';
import { App as AntApp, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { errorMessage } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import type { Lang } from '../../app/i18n';
import { useSession } from '../../app/session';
import { useApi } from '../../app/useApi';
import type { Organisation } from '../admin/api';
import { download } from './api';

/**
 * What every supervision page shares, whichever part it belongs to (work points and reports,
 * published records, the cockpit): bilingual labels, dates, downloads, the organisations list.
 */

/** Who the caller is to supervision: the task force (admins included) and the owning units and districts. */
export function useRoles() {
  const { user, hasRole } = useSession();
  return { user, taskForce: hasRole('admin', 'taskforce'), owner: hasRole('unit', 'district') };
}
export const useTaskForce = () => useRoles().taskForce;

/** A label pair for tags, options and plain strings; `color` where it is shown as a tag. */
export interface Named { zh: string; en: string; color?: string }

/** A short text in the current language with the other after it, for places that take a plain string. */
export const bi = (lang: Lang, n: Named) => (lang === 'zh' ? `${n.zh} ${n.en}` : `${n.en} ${n.zh}`);
/** The text in the current language only. */
export const one = (lang: Lang, n: Named) => (lang === 'zh' ? n.zh : n.en);

const pad = (n: number) => String(n).padStart(2, '0');

/** Today in the browser's calendar, as the server writes dates (YYYY-MM-DD). */
export function todayIso() {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A date or a timestamp as YYYY-MM-DD, or a dash. */
export function dateOnly(v: string | null | undefined) {
  if (!v) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? v : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** 2025-07-15T08:03:00Z → 2025-07-15 16:03 in the browser's time, or a dash. */
export function dateTime(v: string | null | undefined) {
  if (!v) return '—';
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return v;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Downloads a server-built file and says so when it fails. */
export function useDownload() {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (path: string, name: string) => {
    setBusy(true);
    try {
      await download(path, name);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { run, busy };
}

/**
 * Downloads a server-built file, with a spinner and the server's message on failure.
 * `icon`: true for the download arrow, false for none, or the icon to show.
 */
export function ExportButton({ path, fallbackName, testId, zh = '导出 Excel', en = 'Export', icon = true, size, type }: {
  path: string; fallbackName: string; testId?: string; zh?: string; en?: string; icon?: boolean | ReactNode; size?: 'small' | 'middle'; type?: 'default' | 'link' | 'primary';
}) {
  const { run, busy } = useDownload();
  return (
    <Button icon={icon === true ? <DownloadOutlined /> : icon === false ? undefined : icon} loading={busy} onClick={() => run(path, fallbackName)} data-testid={testId} size={size} type={type}>
      <Bi zh={zh} en={en} />
    </Button>
  );
}

/** The organisations list; the endpoint is the task force's, so others load nothing. */
export function useOrganisations(enabled: boolean) {
  return useApi<Organisation[]>(enabled ? '/api/admin/organisations?limit=500' : null, { cached: true });
}
