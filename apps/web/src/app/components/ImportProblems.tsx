import type { ReactNode } from 'react';
import { Alert, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ApiError, errorMessage } from '../api';
import { useLang } from '../i18n';
import { Bi } from './Bi';

/** One problem of an Excel import, by the sheet's row (null: the file as a whole) and column. */
export interface ImportProblemRow { key: number; row: number | null; column: string; reasonZh: string; reasonEn: string }

const LINE = /^第\s*(\d+)\s*行「([^」]*)」：([\s\S]*)（row \d+, ([\s\S]*?): ([\s\S]*)）$/;

/** What an import that did not go through shows: its rows' problems (a 422 with details), or why it failed. */
export type ImportFailure =
  | { kind: 'problems'; name: string; message: string; rows: ImportProblemRow[] }
  | { kind: 'failed'; name: string; message: string };

export const importFailure = (e: unknown, name: string): ImportFailure =>
  e instanceof ApiError && e.status === 422 && e.details.length
    ? { kind: 'problems', name, message: e.message, rows: importProblems(e.details) }
    : { kind: 'failed', name, message: errorMessage(e) };

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

/**
 * What an import dialog shows when the server refused the file: nothing was written, the
 * server's message, and each row's problem by row and column, with `again` to choose another
 * file. `testId` names the block (`${testId}-problems`) and its table (`${testId}-problem-table`).
 */
export function ImportProblems({ name, message, rows, again, testId }: { name: string; message: string; rows: ImportProblemRow[]; again: ReactNode; testId: string }) {
  const lang = useLang();
  const columns: ColumnsType<ImportProblemRow> = [
    { title: <Bi zh="行" en="Row" />, dataIndex: 'row', width: 70, align: 'center', render: (r: number | null) => r ?? <Bi zh="文件" en="File" /> },
    { title: <Bi zh="列" en="Column" />, dataIndex: 'column', width: 160, render: (c: string) => c || '—' },
    { title: <Bi zh="原因" en="Reason" />, key: 'reason',
      render: (_, p) => (
        <div>
          <div>{lang === 'zh' || !p.reasonEn ? p.reasonZh : p.reasonEn}</div>
          {p.reasonEn && p.reasonEn !== p.reasonZh && <div className="cell-sub">{lang === 'zh' ? p.reasonEn : p.reasonZh}</div>}
        </div>
      ) },
  ];
  return (
    <div data-testid={`${testId}-problems`}>
      <Alert type="error" showIcon className="panel-alert" title={<Bi zh="未导入任何数据" en="Nothing was imported" />}
        description={<>{message}<div className="cell-sub">{name} · {lang === 'zh' ? '请按下表逐条修改后重新导入。' : 'Correct each row below and import again.'}</div></>} />
      <Table<ImportProblemRow> size="small" rowKey="key" columns={columns} dataSource={rows} scroll={{ y: 360 }}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false} data-testid={`${testId}-problem-table`} />
      <div style={{ marginTop: 16, textAlign: 'right' }}>{again}</div>
    </div>
  );
}
