import { useState } from 'react';
import { Alert, Button, Modal, Progress, Result, Space, Table, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { ApiError, errorMessage } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { upload } from './api';
import { bi, useDownload } from './shared';

export interface ImportProblemRow { key: number; row: number | null; column: string; reasonZh: string; reasonEn: string }

const LINE = /^第\s*(\d+)\s*行「([^」]*)」：([\s\S]*)（row \d+, ([\s\S]*?): ([\s\S]*)）$/;

/**
 * The server's 422 details, one per problem: message "第 N 行「列」：原因（row N, column: reason）"
 * and path "/rows/N/key". Anything that does not read so is still listed, whole.
 */
export function importProblems(details: { path: string; message: string }[]): ImportProblemRow[] {
  return details.map((d, i) => {
    const m = LINE.exec(d.message.trim());
    const fromPath = /^\/rows\/(\d+)/.exec(d.path);
    const row = m ? Number(m[1]) : fromPath ? Number(fromPath[1]) : null;
    return {
      key: i,
      row: row || null, // row 0 is the file as a whole
      column: m ? m[2] : '',
      reasonZh: m ? m[3].trim() : d.message,
      reasonEn: m ? m[5].trim() : '',
    };
  });
}

type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy'; name: string }
  | { kind: 'done'; name: string; created: number; updated: number | null }
  | { kind: 'problems'; name: string; message: string; rows: ImportProblemRow[] }
  | { kind: 'failed'; name: string; message: string };

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
      if (e instanceof ApiError && e.status === 422 && e.details.length)
        setOutcome({ kind: 'problems', name: file.name, message: e.message, rows: importProblems(e.details) });
      else setOutcome({ kind: 'failed', name: file.name, message: errorMessage(e) });
    }
  };

  const close = () => {
    setOpen(false);
    setOutcome({ kind: 'idle' });
  };

  const columns: ColumnsType<ImportProblemRow> = [
    { title: <Bi zh="行" en="Row" />, dataIndex: 'row', width: 70, align: 'center', render: (r: number | null) => r ?? <Bi zh="文件" en="File" /> },
    { title: <Bi zh="列" en="Column" />, dataIndex: 'column', width: 150, render: (c: string) => c || '—' },
    { title: <Bi zh="原因" en="Reason" />, key: 'reason',
      render: (_, p) => (
        <div>
          <div>{lang === 'zh' || !p.reasonEn ? p.reasonZh : p.reasonEn}</div>
          {p.reasonEn && p.reasonEn !== p.reasonZh && <div className="cell-sub">{lang === 'zh' ? p.reasonEn : p.reasonZh}</div>}
        </div>
      ) },
  ];

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
        {outcome.kind === 'problems' && (
          <div data-testid="import-problems">
            <Alert type="error" showIcon className="panel-alert" title={<Bi zh="未导入任何数据" en="Nothing was imported" />}
              description={<>{outcome.message}<div className="cell-sub">{outcome.name} · {lang === 'zh' ? '请按下表逐条修改后重新导入。' : 'Correct each row below and import again.'}</div></>} />
            <Table<ImportProblemRow> size="small" rowKey="key" columns={columns} dataSource={outcome.rows} scroll={{ y: 360 }}
              pagination={outcome.rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false} />
            <div style={{ marginTop: 16, textAlign: 'right' }}>{again}</div>
          </div>
        )}
        {outcome.kind === 'failed' && (
          <Result status="error" title={<Bi zh="导入失败" en="Import failed" />} subTitle={outcome.message} extra={again} data-testid="import-failed" />
        )}
      </Modal>
    </>
  );
}
