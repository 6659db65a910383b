import { useState } from 'react';
import { Alert, Button, Card, Col, Row, Segmented, Space, Typography } from 'antd';
import { AppstoreOutlined, FileExcelOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi, ExportButton } from '../supervision/shared';
import { useListParams, useSearchBox } from '../supervision/WorkShared';
import { useIndustryRoles } from './access';
import type { LeadRow, Overlap, Page, Pipeline } from './api';
import { ImportButton } from './ImportButton';
import { LeadBoard } from './LeadBoard';
import { LeadClocks } from './LeadClocks';
import { LeadEvents } from './LeadEvents';
import { LeadFormModal } from './LeadFormModal';
import { LeadOverlaps } from './LeadOverlaps';
import { LeadPipeline } from './LeadPipeline';
import { LEAD_FILTERS, LeadTable } from './LeadTable';

/** The board shows every open lead at once; a district rarely has more. */
const BOARD_LIMIT = 500;
const KEYS = [...LEAD_FILTERS, 'view'] as const;

/**
 * 招商线索: the pipeline from 线索 to 投产 with its clocks, a board or a table of the leads,
 * the companies several districts chase, for the task force to coordinate, and the promotion
 * events and response clocks (both kept by the task force).
 */
export default function LeadsPage() {
  const lang = useLang();
  const navigate = useNavigate();
  const { taskForce } = useIndustryRoles();
  const { filters, page, size, set, paging } = useListParams(KEYS);
  const view = filters.view === 'table' ? 'table' : 'board';
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const [adding, setAdding] = useState(false);

  const pipeline = useApi<Pipeline>('/api/industry/leads/pipeline');
  const overlaps = useApi<Overlap[]>('/api/industry/leads/overlaps');
  const listFilters = Object.fromEntries(LEAD_FILTERS.map((k) => [k, filters[k]]));
  const table = useApi<Page<LeadRow>>(view === 'table' ? `/api/industry/leads${qs({ ...listFilters, ...paging })}` : null);
  const board = useApi<Page<LeadRow>>(view === 'board' ? `/api/industry/leads${qs({ status: 'open', limit: BOARD_LIMIT })}` : null);
  const open = board.data?.items ?? [];
  const boardCut = (board.data?.total ?? 0) > open.length;
  const reloadAll = () => { pipeline.reload(); overlaps.reload(); table.reload(); board.reload(); };

  return (
    <>
      <PageHeader title={{ zh: '招商线索', en: 'Investment leads' }}
        description={taskForce
          ? bi(lang, { zh: '全市招商项目从线索、在谈、签约、开工、到资到投产的全过程；多个区县跟进同一企业时由工作专班协调，签约项目只计一次。', en: 'Every investment project from clue to production; when several districts chase one company the task force decides, and a signed project counts once.' })
          : bi(lang, { zh: '本区县招商项目从线索到投产的全过程与响应时钟。', en: 'Your district\'s projects from clue to production, with their response clocks.' })}
        extra={
          <Space wrap>
            <ExportButton path="/api/industry/leads/export.xlsx" fallbackName="招商线索.xlsx" icon={<FileExcelOutlined />} testId="leads-export" />
            <ImportButton kind="leads" onDone={reloadAll} testId="lead-import" />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="lead-add"><Bi zh="登记线索" en="Record a lead" /></Button>
          </Space>
        } />

      <LeadPipeline pipeline={pipeline} onClock={(clock) => set({ view: 'table', clock })} />

      <section className="section">
        <LeadOverlaps overlaps={overlaps} canDecide={taskForce} onDecided={reloadAll} />
      </section>

      <section className="section">
        <div className="section-head">
          <Typography.Title level={4} className="section-title"><Bi zh="线索" en="Leads" /></Typography.Title>
          <Segmented value={view} onChange={(v) => set({ view: v === 'board' ? undefined : v })} data-testid="leads-view" options={[
            { value: 'board', icon: <AppstoreOutlined />, label: bi(lang, { zh: '看板', en: 'Board' }) },
            { value: 'table', icon: <UnorderedListOutlined />, label: bi(lang, { zh: '列表', en: 'Table' }) },
          ]} />
        </div>
        <Card className="panel">
          {view === 'board' ? (
            <LoadState loading={board.loading && !board.data} error={board.error} reload={board.reload}>
              {boardCut && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={bi(lang, { zh: `在办线索共 ${board.data?.total} 条，看板显示最近更新的 ${open.length} 条；请用表格按阶段、区县或时钟筛选查看全部。`, en: `${board.data?.total} open leads; the board shows the ${open.length} most recently updated. Use the table to filter by stage, district or clock.` })} />}
              {board.data && (open.length ? <LeadBoard leads={open} /> : (
                <Alert type="info" showIcon data-testid="leads-empty"
                  title={bi(lang, { zh: '尚无在办的招商线索。可逐条登记，或下载模板批量导入；产业链图谱中的缺失与薄弱环节是招商的方向。', en: 'No open leads yet. Record them one by one or import the template; the chains\' gaps and weak nodes show where to look.' })}
                  action={<Space orientation="vertical">
                    <Button size="small" type="primary" onClick={() => setAdding(true)}><Bi zh="登记线索" en="Record a lead" /></Button>
                    <Button size="small" onClick={() => navigate('/industry/chains')}><Bi zh="查看招商目标" en="Investment targets" /></Button>
                  </Space>} />
              ))}
            </LoadState>
          ) : (
            <LeadTable list={table} filters={filters} set={set} page={page} size={size} taskForce={taskForce} search={search} />
          )}
        </Card>
      </section>

      <Row gutter={[16, 16]} className="section">
        <Col xs={24} xl={15}><LeadEvents canAdd={taskForce} /></Col>
        <Col xs={24} xl={9}><LeadClocks canSet={taskForce} onChanged={reloadAll} /></Col>
      </Row>
      {adding && <LeadFormModal onClose={() => setAdding(false)} onSaved={(l) => { setAdding(false); navigate(`/industry/leads/${l.id}`); }} />}
    </>
  );
}
