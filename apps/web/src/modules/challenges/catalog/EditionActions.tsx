import { useState } from 'react';
import { App as AntApp, Button, Popconfirm, Space } from 'antd';
import { CheckOutlined, DeleteOutlined, PlusOutlined, SyncOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { useLang } from '../../../app/i18n';
import { bi } from '../../supervision/shared';
import { EDITIONS, type Edition, type EditionDetail } from './api';

type Action = 'open' | 'refresh' | 'publish' | 'discard';

/**
 * The task force's edition buttons: open the next draft (rolled from the last published edition),
 * take the catalog again, publish (numbered within its year, frozen), or discard the draft.
 */
export function EditionActions({ draft, onChanged }: { draft: Edition | null; onChanged: (id: string | null) => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<Action | null>(null);
  const run = async <T,>(action: Action, call: () => Promise<T>, done: (r: T) => string, then: (r: T) => void) => {
    setBusy(action);
    try {
      const r = await call();
      message.success(done(r));
      then(r);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const no = bi(lang, { zh: '取消', en: 'Cancel' });
  if (!draft) {
    return (
      <Popconfirm title={bi(lang, { zh: '从上一发布版起草新版次：沿用其需求，加入此后入库的需求，去掉已撤回的？', en: 'Open the next draft from the last published edition?' })} okText={bi(lang, { zh: '起草', en: 'Open' })} cancelText={no}
        onConfirm={() => run('open', () => api.post<EditionDetail>(EDITIONS), (r) => bi(lang, { zh: `已起草：沿用 ${r.carried} 项，新增 ${r.added} 项`, en: `Draft opened: ${r.carried} carried, ${r.added} new` }), (r) => onChanged(r.id))}>
        <Button type="primary" icon={<PlusOutlined />} loading={busy === 'open'} data-testid="need-edition-open"><Bi zh="起草新版次" en="Open the next edition" /></Button>
      </Popconfirm>
    );
  }
  const path = `${EDITIONS}/${draft.id}`;
  return (
    <Space wrap>
      <Button icon={<SyncOutlined />} loading={busy === 'refresh'} data-testid="need-edition-refresh"
        onClick={() => run('refresh', () => api.post<EditionDetail>(`${path}/refresh`), (r) => bi(lang, { zh: `草稿已更新，现收录 ${r.itemCount} 项`, en: `Draft refreshed: ${r.itemCount} needs` }), () => onChanged(draft.id))}>
        <Bi zh="按当前目录更新" en="Refresh" />
      </Button>
      <Popconfirm title={bi(lang, { zh: '发布时按当前已入库需求定稿，发布后不再变动。确定发布？', en: 'Publishing takes the catalog as it is now and freezes it. Publish?' })} okText={bi(lang, { zh: '发布', en: 'Publish' })} cancelText={no}
        onConfirm={() => run('publish', () => api.post<EditionDetail>(`${path}/publish`), (r) => bi(lang, { zh: `已发布${r.titleZh}`, en: `Published ${r.year} edition ${r.number}` }), () => onChanged(draft.id))}>
        <Button type="primary" icon={<CheckOutlined />} loading={busy === 'publish'} data-testid="need-edition-publish"><Bi zh="发布" en="Publish" /></Button>
      </Popconfirm>
      <Popconfirm title={bi(lang, { zh: '删除这份草稿？', en: 'Discard this draft?' })} okText={bi(lang, { zh: '删除', en: 'Discard' })} cancelText={no} okButtonProps={{ danger: true }}
        onConfirm={() => run('discard', () => api.del(path), () => bi(lang, { zh: '草稿已删除', en: 'Draft discarded' }), () => onChanged(null))}>
        <Button danger icon={<DeleteOutlined />} loading={busy === 'discard'} data-testid="need-edition-discard"><Bi zh="删除草稿" en="Discard" /></Button>
      </Popconfirm>
    </Space>
  );
}
