import { useState } from 'react';
import { App as AntApp, Button, Popconfirm } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../app/api';
import { useLang } from '../../app/i18n';
import { bi, type Named } from '../supervision/shared';

/** Deletes a record of a base after a confirmation; the server's refusal (a platform responses name, equipment with bookings) is shown as it says it. */
export function BaseDeleteButton({ path, confirm, done, onDone, testId, label = false }: {
  path: string; confirm: Named; done: Named; onDone: () => void; testId?: string; label?: boolean;
}) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await api.del(path);
      message.success(bi(lang, done));
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span onClick={(e) => e.stopPropagation()}>
      <Popconfirm title={bi(lang, confirm)} onConfirm={run} okButtonProps={{ danger: true, 'data-testid': testId ? `${testId}-ok` : undefined } as never}
        okText={bi(lang, { zh: '删除', en: 'Delete' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}>
        <Button size="small" type="text" danger icon={<DeleteOutlined />} loading={busy} data-testid={testId} aria-label={bi(lang, { zh: '删除', en: 'Delete' })}>
          {label ? bi(lang, { zh: '删除', en: 'Delete' }) : null}
        </Button>
      </Popconfirm>
    </span>
  );
}
