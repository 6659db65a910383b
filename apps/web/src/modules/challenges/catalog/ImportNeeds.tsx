import { useState } from 'react';
import { Button, Modal, Progress, Result, Space, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Bi } from '../../../app/components/Bi';
import { ImportProblems, importFailure, type ImportFailure } from '../../../app/components/ImportProblems';
import { useLang } from '../../../app/i18n';
import { percentOf, type ImportProgress } from '../../../app/importStream';
import { bi, useDownload } from '../../supervision/shared';
import { NEEDS, streamNeedImport, type ImportOutcome } from './api';

type Outcome = { kind: 'idle' } | { kind: 'busy'; name: string; progress: ImportProgress } | { kind: 'done'; name: string; result: ImportOutcome } | ImportFailure;

/**
 * 导入技术需求: the template, and a filled one sent with a progress bar. Every row is checked
 * first; any problem and nothing is written, each listed by row and column. Imported needs wait
 * for review.
 */
export function ImportNeeds({ onDone }: { onDone: () => void }) {
  const lang = useLang();
  const dl = useDownload();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const template = () => dl.run(`${NEEDS}/template.xlsx`, '技术需求导入模板.xlsx');
  const send = async (file: File) => {
    setOutcome({ kind: 'busy', name: file.name, progress: { phase: 'upload', done: 0, total: 0 } });
    try {
      const result = await streamNeedImport(file, (progress) => setOutcome({ kind: 'busy', name: file.name, progress }));
      setOutcome({ kind: 'done', name: file.name, result });
      onDone();
    } catch (e) {
      setOutcome(importFailure(e, file.name));
    }
  };
  const close = () => { setOpen(false); setOutcome({ kind: 'idle' }); };
  const again = <Button onClick={() => setOutcome({ kind: 'idle' })} data-testid="need-import-again"><Bi zh="重新选择文件" en="Choose another file" /></Button>;
  const busy = outcome.kind === 'busy';
  return (
    <>
      <Space.Compact>
        <Button icon={<DownloadOutlined />} loading={dl.busy} onClick={template} data-testid="need-import-template"><Bi zh="下载模板" en="Template" /></Button>
        <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid="need-import-open"><Bi zh="导入" en="Import" /></Button>
      </Space.Compact>
      <Modal open={open} onCancel={busy ? undefined : close} closable={!busy} width={outcome.kind === 'problems' ? 860 : 600} destroyOnHidden mask={{ closable: false }}
        title={<Bi zh="导入技术需求" en="Import needs" />} footer={<Button onClick={close} disabled={busy}><Bi zh="关闭" en="Close" /></Button>}>
        {outcome.kind === 'idle' && (
          <>
            <Typography.Paragraph type="secondary">
              {bi(lang, { zh: '请按导入模板填写。系统先逐行校验，任何一行有误则整份文件都不写入；导入的需求进入「待审核」。', en: 'Fill in the template. Every row is checked first; if any has a problem nothing is written. Imported needs wait for review.' })}
            </Typography.Paragraph>
            <Upload.Dragger accept=".xlsx" maxCount={1} showUploadList={false} beforeUpload={(file) => { void send(file); return false; }} data-testid="need-import-dragger">
              <p className="ant-upload-drag-icon"><InboxOutlined /></p>
              <p className="ant-upload-text"><Bi zh="点击或拖入 .xlsx 文件" en="Click or drop an .xlsx file" /></p>
            </Upload.Dragger>
          </>
        )}
        {outcome.kind === 'busy' && (
          <div data-testid="need-import-busy" data-phase={outcome.progress.phase} style={{ padding: '16px 4px' }}>
            <Progress percent={percentOf(outcome.progress)} status="active" />
            <Typography.Text type="secondary">{outcome.name}{outcome.progress.total > 0 ? ` · ${outcome.progress.done} / ${outcome.progress.total}` : ''}</Typography.Text>
          </div>
        )}
        {outcome.kind === 'done' && (
          <Result status="success" data-testid="need-import-done" title={<Bi zh={`已导入 ${outcome.result.created} 项需求，待审核`} en={`${outcome.result.created} needs imported for review`} />} subTitle={outcome.name} extra={again} />
        )}
        {outcome.kind === 'problems' && <ImportProblems name={outcome.name} message={outcome.message} rows={outcome.rows} again={again} testId="need-import" />}
        {outcome.kind === 'failed' && <Result status="error" title={<Bi zh="导入失败" en="Import failed" />} subTitle={outcome.message} extra={again} />}
      </Modal>
    </>
  );
}
