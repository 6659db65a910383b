import { useState, type ReactNode } from 'react';
import { App as AntApp, Button, Result, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { ApiError, errorMessage } from '../../app/api';
import { useApi } from '../../app/useApi';
import { useSession } from '../../app/session';
import { useLang } from '../../app/i18n';
import { Bi } from '../../app/components/Bi';
import type { Organisation } from '../admin/api';
import { download } from './api';

/** Helpers shared by the published-record pages (lists, inspections, notices, consultations). */

export const useTaskForce = () => useSession().hasRole('admin', 'taskforce');

/** Organisations for owner pickers; the endpoint is the task force's, so others load nothing. */
export function useOrganisations(enabled: boolean) {
  return useApi<Organisation[]>(enabled ? '/api/admin/organisations?limit=500' : null, { cached: true });
}

export const orgOptions = (orgs: Organisation[] | undefined) =>
  (orgs ?? []).map((o) => ({ value: o.id, label: o.nameZh }));

/** Select's search over the visible label, so typing 科技 finds 市科技局. */
export const labelFilter = (input: string, option?: { label?: ReactNode }) =>
  String(option?.label ?? '').toLowerCase().includes(input.trim().toLowerCase());

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

export function dateTimeText(v: string | null | undefined) {
  if (!v) return '—';
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? v : `${dateOnly(v)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 2026-11-29 → 2026年11月29日, as official documents write dates. */
export const chineseDate = (iso: string) => iso.replace(/^(\d{4})-0?(\d+)-0?(\d+).*$/, '$1年$2月$3日');

/** What antd's DatePicker hands back; typed by use so the page needs no date library of its own. */
export interface PickedDate { format: (f: string) => string }
export const isoOf = (d: PickedDate | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** A label pair for tags and options. */
export interface Named { zh: string; en: string; color?: string }
export function NamedTag({ n, testId }: { n: Named | undefined; testId?: string }) {
  const lang = useLang();
  if (!n) return null;
  return <Tag color={n.color} data-testid={testId}>{lang === 'zh' ? n.zh : n.en}</Tag>;
}
export const namedLabel = (lang: 'zh' | 'en', n: Named) => (lang === 'zh' ? `${n.zh} ${n.en}` : `${n.en} ${n.zh}`);

/** Downloads a server-built file, with a spinner and the server's message on failure. */
export function ExportButton({ path, fallbackName, testId, zh = '导出 Excel', en = 'Export', icon = true, size, type }: {
  path: string; fallbackName: string; testId?: string; zh?: string; en?: string; icon?: boolean; size?: 'small' | 'middle'; type?: 'default' | 'link' | 'primary';
}) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const go = async () => {
    setBusy(true);
    try {
      await download(path, fallbackName);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={icon ? <DownloadOutlined /> : undefined} loading={busy} onClick={go} data-testid={testId} size={size} type={type}>
      <Bi zh={zh} en={en} />
    </Button>
  );
}

/**
 * Runs one write: a toast for success, the server's message for failure. `confirm` asks first;
 * it resolves either way so that the confirm dialog closes.
 */
export function useAction() {
  const { message, modal } = AntApp.useApp();
  const run = async (fn: () => Promise<unknown>, ok?: string) => {
    try {
      await fn();
      if (ok) message.success(ok);
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
  };
  const confirm = (o: { title: ReactNode; content?: ReactNode; okText?: ReactNode; danger?: boolean; ok?: string; action: () => Promise<unknown>; after?: () => void; testId?: string }) =>
    modal.confirm({
      title: o.title, content: o.content, okText: o.okText, cancelText: '取消 Cancel', okButtonProps: { danger: o.danger, ...(o.testId ? { 'data-testid': o.testId } : {}) } as never,
      onOk: async () => {
        if (await run(o.action, o.ok)) o.after?.();
      },
    });
  return { run, confirm, message, modal };
}

/** A detail page whose record is missing (or hidden from this viewer) says so and offers the way back. */
export function MissingResult({ error, backTo, backZh, backEn }: { error: Error | undefined; backTo: string; backZh: string; backEn: string }) {
  const navigate = useNavigate();
  if (!(error instanceof ApiError && error.status === 404)) return null;
  return (
    <Result status="404" title={error.message}
      extra={<Button type="primary" onClick={() => navigate(backTo)}><Bi zh={backZh} en={backEn} /></Button>} />
  );
}
