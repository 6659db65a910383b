import { Tabs } from 'antd';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { bi } from '../supervision/shared';
import { useListParams } from '../supervision/WorkShared';
import { useSafetyRoles } from './access';
import { ConclusionsTable } from './ConclusionsTable';
import { MineTable } from './MineTable';
import { MyReviewsTable } from './MyReviewsTable';
import { QueueTable } from './QueueTable';

type View = 'queue' | 'mine' | 'reviews' | 'public';
const NAMES: Record<View, { zh: string; en: string }> = {
  queue: { zh: '评价队列', en: 'Queue' }, mine: { zh: '我的申请', en: 'My applications' }, reviews: { zh: '我的评审', en: 'My reviews' }, public: { zh: '公开结论', en: 'Public conclusions' },
};

/**
 * 安全评价 (task 25): the public conclusions for everyone; an applicant's own applications and the
 * form to apply; the body's queue with clocks (and districts', to read); an expert's assigned
 * evaluations. Each reader starts on its own tab.
 */
export default function EvaluationsPage() {
  const lang = useLang();
  const { overseer, applicant, reviewer } = useSafetyRoles();
  const { filters, set } = useListParams(['view']);
  const views: View[] = [...(overseer ? ['queue' as const] : []), ...(applicant ? ['mine' as const] : []), ...(reviewer ? ['reviews' as const] : []), 'public'];
  const view = (views.includes(filters.view as View) ? filters.view : views[0]) as View;
  return (
    <>
      <PageHeader title={{ zh: '生物制造安全评价', en: 'Biomanufacturing safety evaluation' }}
        description={bi(lang, {
          zh: '新核心菌种、原料和工艺过程的安全评价：申请单位提交申报材料，评价机构形式审查后受理并计时（常规 60 天、优先评估 40 天、绿色通道 20 天，补充材料期间不计），从专家库中回避利益冲突选派评审专家，依据评审意见作出结论；安全或附条件安全的发放证书编号，结论向社会公开。',
          en: 'Safety evaluation of new core strains, raw materials and processes: the applicant submits a dossier; the body checks and accepts it and the clock runs (60 days standard, 40 priority, 20 green channel; time with the applicant excluded); conflict-free experts review it; the body concludes; a safe or conditional conclusion takes a certificate number; conclusions are public.',
        })} />
      {views.length > 1 && (
        <Tabs activeKey={view} onChange={(k) => set({ view: k })} data-testid="safety-tabs"
          items={views.map((v) => ({ key: v, label: <span data-testid={`safety-tab-${v}`}>{bi(lang, NAMES[v])}</span> }))} />
      )}
      {view === 'queue' && <QueueTable />}
      {view === 'mine' && <MineTable />}
      {view === 'reviews' && <MyReviewsTable />}
      {view === 'public' && <ConclusionsTable />}
    </>
  );
}
