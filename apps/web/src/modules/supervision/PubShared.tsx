import type { ReactNode } from 'react';
import { App as AntApp, Button, Result, Tag } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ApiError, errorMessage } from '../../app/api';
import { useLang } from '../../app/i18n';
import { Bi } from '../../app/components/Bi';
import type { Organisation } from '../admin/api';
import { one, type Named } from './shared';

/** Helpers shared by the published-record pages (lists, inspections, notices, consultations); what every supervision page shares is in ./shared. */

export const orgOptions = (orgs: Organisation[] | undefined) =>
  (orgs ?? []).map((o) => ({ value: o.id, label: o.nameZh }));

/** Select's search over the visible label, so typing 科技 finds 市科技局. */
export const labelFilter = (input: string, option?: { label?: ReactNode }) =>
  String(option?.label ?? '').toLowerCase().includes(input.trim().toLowerCase());

/** 2026-11-29 → 2026年11月29日, as official documents write dates. */
export const chineseDate = (iso: string) => iso.replace(/^(\d{4})-0?(\d+)-0?(\d+).*$/, '$1年$2月$3日');

/** What antd's DatePicker hands back; typed by use so the page needs no date library of its own. */
export interface PickedDate { format: (f: string) => string }
export const isoOf = (d: PickedDate | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

export function NamedTag({ n, testId }: { n: Named | undefined; testId?: string }) {
  const lang = useLang();
  if (!n) return null;
  return <Tag color={n.color} data-testid={testId}>{one(lang, n)}</Tag>;
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
