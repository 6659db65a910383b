import { Alert, Table } from 'antd';
import { ApiError, errorMessage } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { fastaProblems, type FastaProblemRow } from './model';

/**
 * What the server said was wrong with a FASTA (422: each record's problem with its line and
 * position; 409: a sequence the strain already has; 413: a record over the cap), and that
 * nothing was saved.
 */
export function FastaProblems({ error, testId = 'fasta-problems' }: { error: unknown; testId?: string }) {
  const rows = error instanceof ApiError ? fastaProblems(error.details) : [];
  return (
    <div data-testid={testId}>
      <Alert type="error" showIcon className="panel-alert" title={errorMessage(error)}
        description={error instanceof ApiError && [409, 413, 422].includes(error.status) ? <Bi zh="未保存任何序列，请按下表修改后重试。" en="Nothing was saved; correct what is listed and try again." /> : undefined} />
      {rows.length > 0 && (
        <Table<FastaProblemRow> size="small" rowKey="key" dataSource={rows} pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          style={{ marginTop: 8 }} data-testid={`${testId}-table`}
          columns={[
            { title: <Bi zh="记录" en="Record" />, dataIndex: 'record', width: 80, align: 'center', render: (r: number | null) => (r === null ? '—' : r === 0 ? <Bi zh="首行前" en="Before" /> : `#${r}`) },
            { title: <Bi zh="问题（行、列、位置）" en="Problem (line, column, position)" />, dataIndex: 'message' },
          ]} />
      )}
    </div>
  );
}
