import { Button, Space } from 'antd';
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { Bi } from '../../app/components/Bi';
import { ExportButton } from '../supervision/shared';

/** A list page's header actions: its Excel export for everyone and, for those who may (`add` given), the button that adds one. */
export function ExportAndAdd({ path, fallbackName, testId, add }: {
  path: string; fallbackName: string; testId: string;
  add?: { zh: string; en: string; testId: string; onClick: () => void } | false;
}) {
  return (
    <Space wrap>
      <ExportButton path={path} fallbackName={fallbackName} icon={<FileExcelOutlined />} testId={testId} />
      {add && <Button type="primary" icon={<PlusOutlined />} onClick={add.onClick} data-testid={add.testId}><Bi zh={add.zh} en={add.en} /></Button>}
    </Space>
  );
}
