import { ImportButton } from '../../../app/components/ImportButton';
import { Bi } from '../../../app/components/Bi';
import { NEEDS } from './api';

/** 导入技术需求: every row is checked first; imported needs wait for review. */
export function ImportNeeds({ onDone }: { onDone: () => void }) {
  return (
    <ImportButton importPath={`${NEEDS}/import`} templatePath={`${NEEDS}/template.xlsx`} templateName="技术需求导入模板.xlsx"
      what={{ zh: '技术需求', en: 'needs' }} repeat={{ zh: '导入的需求进入「待审核」。', en: 'Imported needs wait for review.' }} onDone={onDone} testId="need-import"
      doneTitle={(r) => <Bi zh={`已导入 ${r.created} 项需求，待审核`} en={`${r.created} needs imported for review`} />} />
  );
}
