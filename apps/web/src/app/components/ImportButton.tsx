import { useState } from 'react';
import { Button, Col, Modal, Progress, Result, Row, Space, Statistic, Steps, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Bi } from './Bi';
import { ImportProblems, importFailure, type ImportFailure } from './ImportProblems';
import { useLang } from '../i18n';
import { bi, useDownload } from '../../modules/supervision/shared';
import { percentOf, streamImport, type ImportPhase, type ImportProgress } from '../importStream';

/** What every streamed import answers: records created, updated and left as they were. */
export interface ImportOutcome { created: number; updated: number; unchanged: number }

type Words = { zh: string; en: string };

export interface ImportButtonProps {
  /** POST target of the file (answers NDJSON progress, then the outcome or the rows' problems). */
  importPath: string;
  templatePath: string;
  /** The downloaded template's file name. */
  templateName: string;
  /** What is imported, for the dialog's title: 导入{what.zh} / Import {what.en}. */
  what: Words;
  /** What a second import of the same rows does, said after "every row is checked first …". */
  repeat: Words;
  onDone?: () => void;
  testId?: string;
  /** The success line; the counts of created, updated and unchanged records by default. */
  doneTitle?: (r: ImportOutcome) => ReactNode;
}

const PHASES: { phase: ImportPhase; zh: string; en: string }[] = [
  { phase: 'upload', zh: '上传', en: 'Upload' },
  { phase: 'read', zh: '读取', en: 'Read' },
  { phase: 'validate', zh: '逐行校验', en: 'Check rows' },
  { phase: 'write', zh: '写入', en: 'Write' },
];

type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy'; name: string; progress: ImportProgress }
  | { kind: 'done'; name: string; result: ImportOutcome }
  | ImportFailure;

function BusyView({ name, progress, testId }: { name: string; progress: ImportProgress; testId: string }) {
  const lang = useLang();
  const current = PHASES.findIndex((p) => p.phase === progress.phase);
  const detail = progress.total > 0 && (progress.phase === 'validate' || progress.phase === 'write')
    ? (lang === 'zh' ? `${progress.phase === 'validate' ? '已校验' : '已写入'} ${progress.done} / ${progress.total} 行` : `${progress.done} of ${progress.total} rows ${progress.phase === 'validate' ? 'checked' : 'written'}`)
    : null;
  return (
    <div style={{ padding: '16px 4px' }} data-testid={`${testId}-busy`} data-phase={progress.phase}>
      <Steps size="small" current={current < 0 ? PHASES.length : current} style={{ marginBottom: 20 }}
        items={PHASES.map((p) => ({ title: <Bi zh={p.zh} en={p.en} /> }))} />
      <Progress percent={percentOf(progress)} status="active" data-testid={`${testId}-progress`} />
      <Typography.Text type="secondary">{name}{detail && ` · ${detail}`}</Typography.Text>
    </div>
  );
}

/**
 * Download the template, or import a filled one with a progress bar: every row is checked
 * first and nothing is written if any row has a problem; the problems are listed by row and column.
 * One button for every import (industry's three, experts, technology needs).
 */
export function ImportButton({ importPath, templatePath, templateName, what, repeat, onDone, testId = 'import', doneTitle }: ImportButtonProps) {
  const lang = useLang();
  const dl = useDownload();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const send = async (file: File) => {
    setOutcome({ kind: 'busy', name: file.name, progress: { phase: 'upload', done: 0, total: 0 } });
    try {
      const result = await streamImport<ImportOutcome>(importPath, file, (progress) => setOutcome({ kind: 'busy', name: file.name, progress }));
      setOutcome({ kind: 'done', name: file.name, result });
      onDone?.();
    } catch (e) {
      setOutcome(importFailure(e, file.name));
    }
  };

  const close = () => {
    setOpen(false);
    setOutcome({ kind: 'idle' });
  };

  const again = <Button onClick={() => setOutcome({ kind: 'idle' })} data-testid={`${testId}-again`}><Bi zh="重新选择文件" en="Choose another file" /></Button>;
  const busy = outcome.kind === 'busy';

  return (
    <>
      <Space.Compact>
        <Button icon={<DownloadOutlined />} loading={dl.busy} onClick={() => dl.run(templatePath, templateName)} data-testid={`${testId}-template`}>
          <Bi zh="下载模板" en="Template" />
        </Button>
        <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid={`${testId}-open`}><Bi zh="导入" en="Import" /></Button>
      </Space.Compact>
      <Modal open={open} onCancel={busy ? undefined : close} closable={!busy} width={outcome.kind === 'problems' ? 860 : 600} destroyOnHidden mask={{ closable: false }}
        title={<Bi zh={`导入${what.zh}`} en={`Import ${what.en}`} />}
        footer={<Button onClick={close} disabled={busy} data-testid={`${testId}-close`}><Bi zh="关闭" en="Close" /></Button>}>
        {outcome.kind === 'idle' && (
          <>
            <Typography.Paragraph type="secondary">
              {lang === 'zh'
                ? <>请使用<Typography.Link onClick={() => dl.run(templatePath, templateName)}>导入模板</Typography.Link>填写。系统先逐行校验，任何一行有误则整份文件都不写入；{repeat.zh}</>
                : <>Fill in the <Typography.Link onClick={() => dl.run(templatePath, templateName)}>template</Typography.Link>. Every row is checked first; if any row has a problem, nothing is written. {repeat.en}</>}
            </Typography.Paragraph>
            <Upload.Dragger accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" maxCount={1} multiple={false} showUploadList={false}
              beforeUpload={(file) => { void send(file); return false; }} data-testid={`${testId}-dragger`}>
              <p className="ant-upload-drag-icon"><InboxOutlined /></p>
              <p className="ant-upload-text"><Bi zh="点击或拖入 .xlsx 文件" en="Click or drop an .xlsx file" /></p>
              <p className="ant-upload-hint">{bi(lang, { zh: '一次一个文件', en: 'One file at a time' })}</p>
            </Upload.Dragger>
          </>
        )}
        {outcome.kind === 'busy' && <BusyView name={outcome.name} progress={outcome.progress} testId={testId} />}
        {outcome.kind === 'done' && (
          <Result status="success" data-testid={`${testId}-done`} title={doneTitle?.(outcome.result) ?? <Bi zh="导入完成" en="Imported" />} subTitle={outcome.name}
            extra={
              <>
                {!doneTitle && <Row gutter={16} style={{ maxWidth: 420, margin: '0 auto 20px' }}>
                  <Col span={8}><Statistic title={<Bi zh="新建" en="Created" />} value={outcome.result.created} /></Col>
                  <Col span={8}><Statistic title={<Bi zh="更新" en="Updated" />} value={outcome.result.updated} /></Col>
                  <Col span={8}><Statistic title={<Bi zh="未变化" en="Unchanged" />} value={outcome.result.unchanged} /></Col>
                </Row>}
                {again}
              </>
            } />
        )}
        {outcome.kind === 'problems' && <ImportProblems name={outcome.name} message={outcome.message} rows={outcome.rows} again={again} testId={testId} />}
        {outcome.kind === 'failed' && (
          <Result status="error" title={<Bi zh="导入失败" en="Import failed" />} subTitle={outcome.message} extra={again} data-testid={`${testId}-failed`} />
        )}
      </Modal>
    </>
  );
}
