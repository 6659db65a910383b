import { useState } from 'react';
import { Button, Modal, Progress, Result, Space, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Bi } from '../../app/components/Bi';
import { ImportProblems, importFailure, type ImportFailure } from '../../app/components/ImportProblems';
import { useLang } from '../../app/i18n';
import { upload } from './api';
import { bi, useDownload } from './shared';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy'; name: string }
  | { kind: 'done'; name: string; created: number; updated: number | null }
  | ImportFailure;

/** Download the template, or import a filled one: every row checked first, all written or none. */
export function ImportButton({ templatePath, importPath, templateName, onDone }: {
  templatePath: string; importPath: string; templateName: string; onDone?: () => void;
}) {
  const lang = useLang();
  const dl = useDownload();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const send = async (file: File) => {
    setOutcome({ kind: 'busy', name: file.name });
    try {
      const r = await upload<{ created?: number; updated?: number }>(importPath, file);
      setOutcome({ kind: 'done', name: file.name, created: r.created ?? 0, updated: r.updated ?? null });
      onDone?.();
    } catch (e) {
      setOutcome(importFailure(e, file.name));
    }
  };

  const close = () => {
    setOpen(false);
    setOutcome({ kind: 'idle' });
  };

  const again = <Button onClick={() => setOutcome({ kind: 'idle' })} data-testid="import-again"><Bi zh="重新选择文件" en="Choose another file" /></Button>;

  return (
    <>
      <Space.Compact>
        <Button icon={<DownloadOutlined />} loading={dl.busy} onClick={() => dl.run(templatePath, templateName)} data-testid="import-template">
          <Bi zh="下载模板" en="Template" />
        </Button>
        <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid="import-open"><Bi zh="导入" en="Import" /></Button>
      </Space.Compact>
      <Modal open={open} onCancel={close} width={outcome.kind === 'problems' ? 820 : 560} destroyOnHidden mask={{ closable: outcome.kind !== 'busy' }}
        title={<Bi zh="从 Excel 导入" en="Import from Excel" />}
        footer={<Button onClick={close} disabled={outcome.kind === 'busy'} data-testid="import-close"><Bi zh="关闭" en="Close" /></Button>}>
        {outcome.kind === 'idle' && (
          <>
            <Typography.Paragraph type="secondary">
              {lang === 'zh'
                ? <>请使用<Typography.Link onClick={() => dl.run(templatePath, templateName)}>导入模板</Typography.Link>填写。系统先校验全部行，任何一行有误则整份文件都不写入。</>
                : <>Fill in the <Typography.Link onClick={() => dl.run(templatePath, templateName)}>template</Typography.Link>. Every row is checked first; if any row has a problem, nothing in the file is written.</>}
            </Typography.Paragraph>
            <Upload.Dragger accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" maxCount={1} multiple={false} showUploadList={false}
              beforeUpload={(file) => { void send(file); return false; }} data-testid="import-dragger">
              <p className="ant-upload-drag-icon"><InboxOutlined /></p>
              <p className="ant-upload-text"><Bi zh="点击或拖入 .xlsx 文件" en="Click or drop an .xlsx file" /></p>
              <p className="ant-upload-hint">{bi(lang, { zh: '一次一个文件', en: 'One file at a time' })}</p>
            </Upload.Dragger>
          </>
        )}
        {outcome.kind === 'busy' && (
          <div style={{ padding: '24px 8px' }} data-testid="import-busy">
            <Typography.Paragraph><Bi zh="校验中…" en="Validating…" /> <Typography.Text type="secondary">{outcome.name}</Typography.Text></Typography.Paragraph>
            <Progress percent={100} status="active" showInfo={false} />
          </div>
        )}
        {outcome.kind === 'done' && (
          <Result status="success" data-testid="import-done"
            title={<Bi zh="导入成功" en="Imported" />}
            subTitle={lang === 'zh'
              ? `${outcome.name}：新建 ${outcome.created} 条${outcome.updated !== null ? `，更新 ${outcome.updated} 条` : ''}（${outcome.created} created${outcome.updated !== null ? `, ${outcome.updated} updated` : ''}）`
              : `${outcome.name}: ${outcome.created} created${outcome.updated !== null ? `, ${outcome.updated} updated` : ''}`}
            extra={again} />
        )}
        {outcome.kind === 'problems' && <ImportProblems name={outcome.name} message={outcome.message} rows={outcome.rows} again={again} testId="import" />}
        {outcome.kind === 'failed' && (
          <Result status="error" title={<Bi zh="导入失败" en="Import failed" />} subTitle={outcome.message} extra={again} data-testid="import-failed" />
        )}
      </Modal>
    </>
  );
}
