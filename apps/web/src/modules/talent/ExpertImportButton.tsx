import { ImportButton } from '../../app/components/ImportButton';

/** 导入专家: every row is checked first; the same expert code updates that expert. */
export function ExpertImportButton({ onDone }: { onDone: () => void }) {
  return (
    <ImportButton importPath="/api/talent/experts/import" templatePath="/api/talent/experts/template.xlsx" templateName="专家库导入模板.xlsx"
      what={{ zh: '专家', en: 'experts' }} repeat={{ zh: '专家编号相同即更新该专家。', en: 'The same expert code updates that expert.' }} onDone={onDone} testId="expert-import" />
  );
}
