import { useState } from 'react';
import { Alert, App as AntApp, Button, Empty, Input, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi, dateTime } from '../supervision/shared';
import type { ResponseMessage } from './api.deals';
import './ResponseThread.css';

const MAX = 4000;

/**
 * 洽谈留言: the conversation between the two organisations (the task force reads along), each
 * message with its author, organisation and time; a box to write while the response is not
 * closed, read-only afterwards.
 */
export function ResponseThread({ responseId, myOrgId, canTalk }: { responseId: string; myOrgId: string | null; canTalk: boolean }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const thread = useApi<ResponseMessage[]>(`/api/pilot/responses/${responseId}/messages`);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const send = async () => {
    if (!text.trim()) {
      setProblem(bi(lang, { zh: '请填写留言内容', en: 'Write something first' }));
      return;
    }
    setSending(true);
    setProblem(null);
    try {
      await api.post(`/api/pilot/responses/${responseId}/messages`, { textZh: text.trim() });
      setText('');
      thread.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSending(false);
    }
  };

  const messages = thread.data ?? [];
  return (
    <div data-testid="pilot-response-thread">
      <LoadState loading={thread.loading && !thread.data} error={thread.error} reload={thread.reload} rows={3}>
        {messages.length ? (
          <div className="response-thread" data-testid="pilot-response-messages">
            {messages.map((m) => (
              <div key={m.id} className={`response-message${m.orgId && m.orgId === myOrgId ? ' response-message-own' : ''}`} data-testid="pilot-response-message">
                <div className="response-message-head">
                  <Typography.Text strong>{m.authorName ?? '—'}</Typography.Text>
                  {m.orgNameZh && <span>{m.orgNameZh}</span>}
                  <span className="audit-when">{dateTime(m.at)}</span>
                </div>
                <div className="response-message-text">{m.textZh}</div>
              </div>
            ))}
          </div>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={canTalk
            ? bi(lang, { zh: '暂无留言 — 在下方写下第一条，双方与工作专班可见', en: 'No messages yet: write the first below; both parties and the task force read it' })
            : bi(lang, { zh: '暂无留言', en: 'No messages' })} />
        )}
      </LoadState>
      {canTalk ? (
        <div className="response-compose">
          <Input.TextArea value={text} onChange={(e) => { setText(e.target.value); setProblem(null); }} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={MAX} showCount
            status={problem ? 'error' : undefined} data-testid="pilot-response-message-input"
            placeholder={bi(lang, { zh: '写下留言，例如：下周二可安排现场考察', en: 'Write a message, e.g. we can visit the site next Tuesday' })}
            onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send(); }} />
          {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
          <Button type="primary" icon={<SendOutlined />} loading={sending} onClick={() => void send()} data-testid="pilot-response-message-send"><Bi zh="发送" en="Send" /></Button>
        </div>
      ) : (
        <Alert type="info" showIcon style={{ marginTop: 12 }} data-testid="pilot-response-thread-closed"
          title={bi(lang, { zh: '响应已关闭，留言只读', en: 'The response is closed; the thread is read-only' })} />
      )}
    </div>
  );
}
