import { useState } from 'react';
import { App as AntApp, Button, Popconfirm, Space } from 'antd';
import { CheckOutlined, DeleteOutlined, PlusOutlined, SyncOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { bi } from '../supervision/shared';
import type { Edition, EditionDetail, ListCode } from './api.lists';
import { LISTS } from './labels.lists';

type Action = 'refresh' | 'publish' | 'discard' | 'open';

/** Runs one write at a time, with the server's message on failure. */
function useEditionAction() {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<Action | null>(null);
  const run = async <T,>(action: Action, call: () => Promise<T>, success: (r: T) => string) => {
    setBusy(action);
    try {
      const r = await call();
      message.success(success(r));
      return r;
    } catch (e) {
      message.error(errorMessage(e));
      return undefined;
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}

/** 起草新版本: the list's next edition as a draft holding what is on the list now (one draft per list). */
export function EditionOpenButton({ list, disabled, onOpened }: { list: ListCode; disabled?: boolean; onOpened: (e: EditionDetail) => void }) {
  const lang = useLang();
  const { busy, run } = useEditionAction();
  const open = async () => {
    const e = await run('open', () => api.post<EditionDetail>('/api/pilot/editions', { list }),
      (r) => bi(lang, { zh: `已起草${r.titleZh}，收录 ${r.itemCount} 条`, en: `Opened a draft with ${r.itemCount} items` }));
    if (e) onOpened(e);
  };
  return (
    <Popconfirm title={bi(lang, { zh: `按${LISTS[list].zh}当前内容起草新版本？`, en: `Open a draft of the ${LISTS[list].en.toLowerCase()} as it is now?` })}
      onConfirm={open} okText={bi(lang, { zh: '起草', en: 'Open' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} disabled={disabled}>
      <Button type="primary" icon={<PlusOutlined />} loading={busy === 'open'} disabled={disabled} data-testid="pilot-edition-open">
        <Bi zh="起草新版本" en="Open a draft" />
      </Button>
    </Popconfirm>
  );
}

/** A draft's life (the task force's): take the list again, publish it (frozen from then on), or discard it. */
export function EditionDraftActions({ edition, onChanged, onDiscarded }: { edition: Edition; onChanged: () => void; onDiscarded: () => void }) {
  const lang = useLang();
  const { busy, run } = useEditionAction();
  if (edition.state !== 'draft') return null;
  const path = `/api/pilot/editions/${edition.id}`;
  const then = (f: () => void) => (r: unknown) => { if (r !== undefined) f(); };
  return (
    <Space wrap onClick={(e) => e.stopPropagation()}>
      <Button icon={<SyncOutlined />} loading={busy === 'refresh'} data-testid="pilot-edition-refresh"
        onClick={() => run('refresh', () => api.post<EditionDetail>(`${path}/refresh`), (r) => bi(lang, { zh: `草稿已更新，现收录 ${r.itemCount} 条`, en: `Draft refreshed: ${r.itemCount} items` })).then(then(onChanged))}>
        <Bi zh="按当前清单更新" en="Refresh" />
      </Button>
      <Popconfirm title={bi(lang, { zh: '发布后该版本不再变动，确定发布？', en: 'A published edition is frozen. Publish it?' })} okText={bi(lang, { zh: '发布', en: 'Publish' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
        onConfirm={() => run('publish', () => api.post<EditionDetail>(`${path}/publish`), (r) => bi(lang, { zh: `已发布${r.titleZh}`, en: `Published edition ${r.number}` })).then(then(onChanged))}>
        <Button type="primary" icon={<CheckOutlined />} loading={busy === 'publish'} data-testid="pilot-edition-publish"><Bi zh="发布" en="Publish" /></Button>
      </Popconfirm>
      <Popconfirm title={bi(lang, { zh: '删除这份草稿？', en: 'Discard this draft?' })} okText={bi(lang, { zh: '删除', en: 'Discard' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} okButtonProps={{ danger: true }}
        onConfirm={() => run('discard', () => api.del(path), () => bi(lang, { zh: '草稿已删除', en: 'Draft discarded' })).then(then(onDiscarded))}>
        <Button danger icon={<DeleteOutlined />} loading={busy === 'discard'} data-testid="pilot-edition-discard"><Bi zh="删除草稿" en="Discard" /></Button>
      </Popconfirm>
    </Space>
  );
}
