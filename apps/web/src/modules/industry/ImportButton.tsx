import { ImportButton as Import } from '../../app/components/ImportButton';
import type { ImportKind } from './api';

const KINDS: Record<ImportKind, { zh: string; en: string; template: string }> = {
  enterprises: { zh: '企业名录', en: 'enterprises', template: '企业名录导入模板.xlsx' },
  figures: { zh: '企业年度经营数据', en: 'annual figures', template: '企业年度经营数据导入模板.xlsx' },
  leads: { zh: '招商线索', en: 'investment leads', template: '招商线索导入模板.xlsx' },
};

/** One of the industry imports (enterprises, figures, leads) through the shared import button. */
export function ImportButton({ kind, onDone, testId }: { kind: ImportKind; onDone?: () => void; testId?: string }) {
  const k = KINDS[kind];
  return (
    <Import importPath={`/api/industry/import/${kind}`} templatePath={`/api/industry/templates/${kind}.xlsx`} templateName={k.template}
      what={k} repeat={{ zh: '重复导入同一文件不会产生变化。', en: 'Importing the same file twice changes nothing.' }} onDone={onDone} testId={testId} />
  );
}
