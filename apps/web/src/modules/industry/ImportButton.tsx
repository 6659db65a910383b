import { useState } from 'react';
import { Button, Col, Modal, Progress, Result, Row, Space, Statistic, Steps, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Bi } from '../../app/components/Bi';
import { ImportProblems, importFailure, type ImportFailure } from '../../app/components/ImportProblems';
import { useLang } from '../../app/i18n';
import { bi, useDownload } from '../supervision/shared';
import type { ImportKind, ImportOutcome } from './api';
import { percentOf, streamImport, type ImportPhase, type ImportProgress } from '../../app/importStream';

const KINDS: Record<ImportKind, { zh: string; en: string; template: string }> = {
  enterprises: { zh: '企业名录', en: 'enterprises', template: '企业名录导入模板.xlsx' },
  figures: { zh: '企业年度经营数据', en: 'annual figures', template: '企业年度经营数据导入模板.xlsx' },
  leads: { zh: '招商线索', en: 'investment leads', template: '招商线索导入模板.xlsx' },
};

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

function BusyView({ name, progress }: { name: string; progress: ImportProgress }) {
  const lang = useLang();
  const current = PHASES.findIndex((p) => p.phase === progress.phase);
  const detail = progress.total > 0 && (progress.phase === 'validate' || progress.phase === 'write')
    ? (lang === 'zh' ? `${progress.phase === 'validate' ? '已校验' : '已写入'} ${progress.done} / ${progress.total} 行` : `${progress.done} of ${progress.total} rows ${progress.phase === 'validate' ? 'checked' : 'written'}`)
    : null;
  return (
    <div style={{ padding: '16px 4px' }} data-testid="import-busy" data-phase={progress.phase}>
      <Steps size="small" current={current < 0 ? PHASES.length : current} style={{ marginBottom: 20 }}
        items={PHASES.map((p) => ({ title: <Bi zh={p.zh} en={p.en} /> }))} />
      <Progress percent={percentOf(progress)} status="active" data-testid="import-progress" />
      <Typography.Text type="secondary">{name}{detail && ` · ${detail}`}</Typography.Text>
    </div>
  );
}

/**
 * Download the template, or import a filled one with a progress bar: every row is checked
 * first and nothing is written if any row has a problem; the problems are listed by row and column.
 */
export function ImportButton({ kind, onDone, testId = 'import' }: { kind: ImportKind; onDone?: () => void; testId?: string }) {
  const lang = useLang();
  const dl = useDownload();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const k = KINDS[kind];
  const templatePath = `/api/industry/templates/${kind}.xlsx`;

  const send = async (file: File) => {
    setOutcome({ kind: 'busy', name: file.name, progress: { phase: 'upload', done: 0, total: 0 } });
    try {
      const result = await streamImport<ImportOutcome>(`/api/industry/import/${kind}`, file, (progress) => setOutcome({ kind: 'busy', name: file.name, progress }));
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
        <Button icon={<DownloadOutlined />} loading={dl.busy} onClick={() => dl.run(templatePath, k.template)} data-testid={`${testId}-template`}>
          <Bi zh="下载模板" en="Template" />
        </Button>
        <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid={`${testId}-open`}><Bi zh="导入" en="Import" /></Button>
      </Space.Compact>
      <Modal open={open} onCancel={busy ? undefined : close} closable={!busy} width={outcome.kind === 'problems' ? 860 : 600} destroyOnHidden mask={{ closable: false }}
        title={<Bi zh={`导入${k.zh}`} en={`Import ${k.en}`} />}
        footer={<Button onClick={close} disabled={busy} data-testid={`${testId}-close`}><Bi zh="关闭" en="Close" /></Button>}>
        {outcome.kind === 'idle' && (
          <>
            <Typography.Paragraph type="secondary">
              {lang === 'zh'
                ? <>请使用<Typography.Link onClick={() => dl.run(templatePath, k.template)}>导入模板</Typography.Link>填写。系统先逐行校验，任何一行有误则整份文件都不写入；重复导入同一文件不会产生变化。</>
                : <>Fill in the <Typography.Link onClick={() => dl.run(templatePath, k.template)}>template</Typography.Link>. Every row is checked first; if any row has a problem, nothing is written. Importing the same file twice changes nothing.</>}
            </Typography.Paragraph>
            <Upload.Dragger accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" maxCount={1} multiple={false} showUploadList={false}
              beforeUpload={(file) => { void send(file); return false; }} data-testid={`${testId}-dragger`}>
              <p className="ant-upload-drag-icon"><InboxOutlined /></p>
              <p className="ant-upload-text"><Bi zh="点击或拖入 .xlsx 文件" en="Click or drop an .xlsx file" /></p>
              <p className="ant-upload-hint">{bi(lang, { zh: '一次一个文件', en: 'One file at a time' })}</p>
            </Upload.Dragger>
          </>
        )}
        {outcome.kind === 'busy' && <BusyView name={outcome.name} progress={outcome.progress} />}
        {outcome.kind === 'done' && (
          <Result status="success" data-testid={`${testId}-done`} title={<Bi zh="导入完成" en="Imported" />} subTitle={outcome.name}
            extra={
              <>
                <Row gutter={16} style={{ maxWidth: 420, margin: '0 auto 20px' }}>
                  <Col span={8}><Statistic title={<Bi zh="新建" en="Created" />} value={outcome.result.created} /></Col>
                  <Col span={8}><Statistic title={<Bi zh="更新" en="Updated" />} value={outcome.result.updated} /></Col>
                  <Col span={8}><Statistic title={<Bi zh="未变化" en="Unchanged" />} value={outcome.result.unchanged} /></Col>
                </Row>
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
