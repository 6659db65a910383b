import { useState } from 'react';
import { Alert, Card, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { Bi } from '../../../app/components/Bi';
import { useLang } from '../../../app/i18n';
import { bi } from '../../supervision/shared';
import { captureDocument, ProblemError, type CaptureJob, type EpcisProblem } from './api';

/**
 * Capture by hand: an EPCISDocument file goes to POST /epcis/capture as it is; the answer is the
 * job (events given and newly stored) or the problem with each error at its JSON path.
 */
export function CapturePanel({ onCaptured }: { onCaptured: () => void }) {
  const lang = useLang();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ file: string; job?: CaptureJob; problem?: EpcisProblem; message?: string } | null>(null);

  const send = async (file: File) => {
    setBusy(true);
    setResult(null);
    try {
      const job = await captureDocument(await file.text(), file.name);
      setResult({ file: file.name, job });
      onCaptured();
    } catch (e) {
      if (e instanceof ProblemError) setResult({ file: file.name, problem: e.problem });
      else setResult({ file: file.name, message: (e as Error).message });
      onCaptured();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="panel" title={<Bi zh="上传 EPCIS 文档" en="Capture an EPCIS document" />} data-testid="epcis-capture-panel">
      <Upload.Dragger accept=".json,.jsonld,application/json,application/ld+json" multiple={false} showUploadList={false} disabled={busy}
        beforeUpload={(file) => { void send(file); return false; }} data-testid="epcis-capture-upload">
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p className="ant-upload-text">{bi(lang, { zh: '点击或拖入 EPCISDocument 文件（.json / .jsonld）', en: 'Click or drop an EPCISDocument file (.json / .jsonld)' })}</p>
        <p className="ant-upload-hint">{bi(lang, { zh: '整份文档按 EPCIS 2.0 标准校验，全部保存或全部拒绝；已有的事件 ID 不重复保存。系统对接请用 API 令牌调用 POST /epcis/capture。', en: 'The whole document is validated against EPCIS 2.0 and stored whole or refused whole; eventIDs already stored are not stored twice. Systems use POST /epcis/capture with an API token.' })}</p>
      </Upload.Dragger>
      {busy && <Alert style={{ marginTop: 12 }} type="info" showIcon title={bi(lang, { zh: '正在校验并保存…', en: 'Validating and storing…' })} />}
      {result?.job && (
        <Alert style={{ marginTop: 12 }} type="success" showIcon data-testid="epcis-capture-result"
          title={bi(lang, { zh: `${result.file}：已采集，新增 ${result.job.storedCount} 条 / 共 ${result.job.eventCount} 条事件`, en: `${result.file}: captured, ${result.job.storedCount} new of ${result.job.eventCount} events` })}
          description={result.job.storedCount < result.job.eventCount ? bi(lang, { zh: '其余事件此前已采集（相同事件 ID），未重复保存。', en: 'The others were captured before (same eventID) and are not stored twice.' }) : undefined} />
      )}
      {result?.problem && (
        <Alert style={{ marginTop: 12 }} type="error" showIcon data-testid="epcis-capture-problem"
          title={`${result.file}：${result.problem.title}`}
          description={
            <>
              {result.problem.detail && <Typography.Paragraph style={{ marginBottom: 8 }}>{result.problem.detail}</Typography.Paragraph>}
              {!!result.problem.errors?.length && (
                <Table size="small" rowKey={(r) => `${r.path}:${r.message}`} pagination={false} dataSource={result.problem.errors}
                  columns={[
                    { title: <Bi zh="位置" en="Path" />, dataIndex: 'path', width: 280, render: (p: string) => <span className="mono">{p || '/'}</span> },
                    { title: <Bi zh="问题" en="Problem" />, dataIndex: 'message' },
                  ]} />
              )}
              <Typography.Text type="secondary">{bi(lang, { zh: '没有保存任何事件，请修正后重新上传。', en: 'No event was stored; correct the document and upload it again.' })}</Typography.Text>
            </>
          } />
      )}
      {result?.message && <Alert style={{ marginTop: 12 }} type="error" showIcon title={result.message} />}
    </Card>
  );
}
