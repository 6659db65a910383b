import { useState } from 'react';
import { Button, Modal, Progress, Result, Space, Statistic, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Bi } from '../../app/components/Bi';
import { ImportProblems, importFailure, type ImportFailure } from '../../app/components/ImportProblems';
import { useLang } from '../../app/i18n';
import { bi, useDownload } from '../supervision/shared';
import { percentOf, type ImportProgress } from '../../app/importStream';
import { streamExpertImport, type ImportOutcome } from './importExperts';

const TEMPLATE = '/api/talent/experts/template.xlsx';
const PHASE_NAMES: Record<string, { zh: string; en: string }> = {
  upload: { zh: '上传', en: 'Uploading' }, read: { zh: '读取', en: 'Reading' }, validate: { zh: '逐行校验', en: 'Checking rows' }, write: { zh: '写入', en: 'Writing' }, done: { zh: '完成', en: 'Done' },
};

type Outcome = { kind: 'idle' } | { kind: 'busy'; name: string; progress: ImportProgress } | { kind: 'done'; name: string; result: ImportOutcome } | ImportFailure;

/**
 * 导入专家: the template, then a filled file with a progress bar. Every row is checked first and
 * nothing is written if any row has a problem (listed by row and column); the same expert code
 * updates that expert.
 */
export function ExpertImportButton({ onDone }: { onDone: () => void }) {
  const lang = useLang();
  const dl = useDownload();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const busy = outcome.kind === 'busy';

  const send = async (file: File) => {
    setOutcome({ kind: 'busy', name: file.name, progress: { phase: 'upload', done: 0, total: 0 } });
    try {
      const result = await streamExpertImport(file, (progress) => setOutcome({ kind: 'busy', name: file.name, progress }));
      setOutcome({ kind: 'done', name: file.name, result });
      onDone();
    } catch (e) {
      setOutcome(importFailure(e, file.name));
    }
  };
  const close = () => { setOpen(false); setOutcome({ kind: 'idle' }); };
  const again = <Button onClick={() => setOutcome({ kind: 'idle' })} data-testid="expert-import-again"><Bi zh="重新选择文件" en="Choose another file" /></Button>;

  return (
    <>
      <Space.Compact>
        <Button icon={<DownloadOutlined />} loading={dl.busy} onClick={() => dl.run(TEMPLATE, '专家库导入模板.xlsx')} data-testid="expert-import-template"><Bi zh="下载模板" en="Template" /></Button>
        <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid="expert-import-open"><Bi zh="导入" en="Import" /></Button>
      </Space.Compact>
      <Modal open={open} onCancel={busy ? undefined : close} closable={!busy} width={outcome.kind === 'problems' ? 860 : 600} destroyOnHidden mask={{ closable: false }}
        title={<Bi zh="导入专家" en="Import experts" />} footer={<Button onClick={close} disabled={busy}><Bi zh="关闭" en="Close" /></Button>}>
        {outcome.kind === 'idle' && (
          <>
            <Typography.Paragraph type="secondary">
              {bi(lang, { zh: '请使用导入模板填写。先逐行校验，任何一行有误则整份文件都不写入；专家编号相同即更新该专家。', en: 'Fill in the template. Every row is checked first; if any has a problem nothing is written. The same expert code updates that expert.' })}
            </Typography.Paragraph>
            <Upload.Dragger accept=".xlsx" maxCount={1} showUploadList={false} beforeUpload={(file) => { void send(file); return false; }} data-testid="expert-import-dragger">
              <p className="ant-upload-drag-icon"><InboxOutlined /></p>
              <p className="ant-upload-text"><Bi zh="点击或拖入 .xlsx 文件" en="Click or drop an .xlsx file" /></p>
            </Upload.Dragger>
          </>
        )}
        {outcome.kind === 'busy' && (
          <div style={{ padding: '16px 4px' }} data-testid="expert-import-busy">
            <Progress percent={percentOf(outcome.progress)} status="active" />
            <Typography.Text type="secondary">
              {outcome.name} · {bi(lang, PHASE_NAMES[outcome.progress.phase])}{outcome.progress.total > 0 ? ` ${outcome.progress.done} / ${outcome.progress.total}` : ''}
            </Typography.Text>
          </div>
        )}
        {outcome.kind === 'done' && (
          <Result status="success" title={<Bi zh="导入完成" en="Imported" />} subTitle={outcome.name} data-testid="expert-import-done"
            extra={<><Space size="large" style={{ marginBottom: 16 }}>
              <Statistic title={<Bi zh="新建" en="Created" />} value={outcome.result.created} />
              <Statistic title={<Bi zh="更新" en="Updated" />} value={outcome.result.updated} />
              <Statistic title={<Bi zh="未变化" en="Unchanged" />} value={outcome.result.unchanged} />
            </Space><div>{again}</div></>} />
        )}
        {outcome.kind === 'problems' && <ImportProblems name={outcome.name} message={outcome.message} rows={outcome.rows} again={again} testId="expert-import" />}
        {outcome.kind === 'failed' && <Result status="error" title={<Bi zh="导入失败" en="Import failed" />} subTitle={outcome.message} extra={again} />}
      </Modal>
    </>
  );
}
