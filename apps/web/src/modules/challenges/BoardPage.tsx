import { useState } from 'react';
import { Button, Card, Checkbox, Col, Empty, Input, Progress, Row, Select, Space, Statistic, Table, Tabs, Tag, Tooltip } from 'antd';
import { AuditOutlined, FileExcelOutlined, MoneyCollectOutlined, SolutionOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi, ExportButton } from '../supervision/shared';
import { useListParams, useSearchBox } from '../supervision/WorkShared';
import { useChallengeRoles } from './access';
import type { Board, BoardItem, Ledger, LedgerRow, VerdictBoard } from './api';
import { activeTeams, groupByChallenge, paidProgress, type ChallengeGroup } from './BoardModel';
import { ContractModal, PaymentModal, VerdictModal } from './DeliveryModals';
import { AWARD_STATUSES, VERDICTS } from './labels';
import { AwardStatusTag, ModeTag, NameTag, wan } from './Tags';

const KEYS = ['challengeId', 'status', 'overdue', 'q', 'tab', 'year'] as const;

/**
 * 立项与节点看板 (organisers and overseers): awards by challenge with the next milestone, overdue
 * flags and paid against share; for parallel funding the teams side by side with their verdicts at
 * each review; the tranche ledger with its totals and Excel. Organisers record the contract, a
 * payment and a review's verdicts here; reports and acceptance on the award's page.
 */
export default function BoardPage() {
  const lang = useLang();
  const roles = useChallengeRoles();
  const { filters, set } = useListParams(KEYS);
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const filter = { challengeId: filters.challengeId, status: filters.status, overdue: filters.overdue === '1' ? true : undefined, q: filters.q };
  const board = useApi<Board>(`/api/challenges/board${qs(filter)}`);
  const tab = filters.tab === 'ledger' ? 'ledger' : 'awards';
  const groups = groupByChallenge(board.data?.items ?? []);
  const t = board.data?.totals;

  return (
    <>
      <PageHeader titleKey="nav.awardBoard"
        description={bi(lang, { zh: '已立项的揭榜项目：合同、下一节点、逾期、已拨付与资助额度；并行资助的各团队并列，逐次评估的结论；拨付台账。', en: 'Awarded challenges: contract, next milestone, overdue flags, paid against share; parallel teams side by side with their verdicts; the tranche ledger.' })}
        extra={<ExportButton path={`/api/challenges/board/export.xlsx${qs(filter)}`} fallbackName="立项与节点看板.xlsx" icon={<FileExcelOutlined />} testId="board-export" />} />
      <Row gutter={16} className="cq-figures">
        <Col xs={12} md={6}><Card><Statistic title={bi(lang, { zh: '立项', en: 'Awards' })} value={board.data?.total ?? 0} /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title={bi(lang, { zh: '实施中', en: 'Active' })} value={t?.active ?? 0} /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title={bi(lang, { zh: '有逾期节点', en: 'With overdue milestones' })} value={t?.overdue ?? 0} styles={{ content: { color: t?.overdue ? '#cf1322' : undefined } }} /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title={bi(lang, { zh: '已拨付 / 资助（万元）', en: 'Paid / shares (10k yuan)' })} value={`${t?.paidWan ?? 0} / ${t?.shareWan ?? 0}`} /></Card></Col>
      </Row>
      <Card className="panel section">
        <Tabs activeKey={tab} onChange={(k) => set({ tab: k === 'ledger' ? 'ledger' : undefined })} destroyOnHidden items={[
          {
            key: 'awards', label: <Bi zh="立项看板" en="Awards" />, children: (
              <>
                <Space wrap className="cq-filters">
                  <Input.Search allowClear style={{ width: 240 }} value={search.typed} onChange={(e) => search.setTyped(e.target.value)} placeholder={bi(lang, { zh: '搜索榜单', en: 'Search challenges' })} />
                  <Select allowClear style={{ width: 160 }} value={filters.status} onChange={(status) => set({ status })} placeholder={bi(lang, { zh: '立项状态', en: 'Status' })}
                    options={Object.entries(AWARD_STATUSES).map(([value, n]) => ({ value, label: bi(lang, n) }))} />
                  <Checkbox checked={filters.overdue === '1'} onChange={(e) => set({ overdue: e.target.checked ? '1' : undefined })}><Bi zh="只看逾期" en="Overdue only" /></Checkbox>
                  {filters.challengeId && <Tag closable onClose={() => set({ challengeId: undefined })}>{groups[0]?.challengeCode ?? bi(lang, { zh: '一个榜单', en: 'One challenge' })}</Tag>}
                </Space>
                <LoadState loading={board.loading && !board.data} error={board.error} reload={board.reload}>
                  {!groups.length && <Empty description={bi(lang, { zh: '暂无立项。公示期满确认立项后显示在这里。', en: 'No award yet. Awards appear once a notice is confirmed.' })} />}
                  {groups.map((g) => <ChallengeAwards key={g.challengeId} g={g} organiser={roles.organiser} onChanged={board.reload} />)}
                </LoadState>
              </>
            ),
          },
          { key: 'ledger', label: <span data-testid="board-tab-ledger"><Bi zh="拨付台账" en="Tranche ledger" /></span>, children: <LedgerTab challengeId={filters.challengeId} year={filters.year} setYear={(year) => set({ year })} /> },
        ]} />
      </Card>
    </>
  );
}

function ChallengeAwards({ g, organiser, onChanged }: { g: ChallengeGroup; organiser: boolean; onChanged: () => void }) {
  const lang = useLang();
  const [dialog, setDialog] = useState<{ kind: 'contract' | 'pay'; award: BoardItem } | { kind: 'verdict' } | null>(null);
  const parallel = g.mode === 'parallel';
  const verdicts = useApi<VerdictBoard>(parallel ? `/api/challenges/${g.challengeId}/delivery-reviews` : null);
  const active = activeTeams(g.awards);
  const done = () => { setDialog(null); onChanged(); verdicts.reload(); };
  return (
    <Card className="panel cq-board-group" size="small" data-testid={`board-group-${g.challengeCode}`}
      title={<Space wrap><Link to={`/challenges/${g.challengeId}`}><span className="mono">{g.challengeCode}</span> {g.challengeTitleZh}</Link><ModeTag mode={g.mode} />
        {g.overdue > 0 && <Tag color="red">{bi(lang, { zh: `${g.overdue} 个团队逾期`, en: `${g.overdue} teams overdue` })}</Tag>}</Space>}
      extra={organiser && parallel && active.length > 0 && <Button size="small" icon={<AuditOutlined />} onClick={() => setDialog({ kind: 'verdict' })} data-testid={`board-verdict-${g.challengeCode}`}><Bi zh="记录评估" en="Record a review" /></Button>}>
      <Table<BoardItem> rowKey="id" size="small" pagination={false} dataSource={g.awards} scroll={{ x: 1000 }} columns={[
        { title: <Bi zh="立项 / 承担单位" en="Award / team" />, key: 'who', render: (_, a) => <div><Link to={`/challenges/awards/${a.id}`} className="mono">{a.code}</Link> <AwardStatusTag status={a.status} /><div className="cell-sub">{a.leadNameZh}</div></div> },
        { title: <Bi zh="合同" en="Contract" />, key: 'contract', width: 160, render: (_, a) => (a.contractNo ? <div className="mono">{a.contractNo}<div className="cell-sub">{a.contractSignedOn}</div></div> : <Tag>{bi(lang, { zh: '未签', en: 'Not signed' })}</Tag>) },
        { title: <Bi zh="下一节点" en="Next milestone" />, key: 'next', render: (_, a) => (a.nextMilestone
          ? <div>{a.nextMilestone.titleZh}<div className="cell-sub">{a.nextMilestone.dueOn} {a.nextMilestone.overdue && <Tag color="red">{bi(lang, { zh: '逾期', en: 'Overdue' })}</Tag>}</div></div>
          : '—') },
        { title: <Bi zh="节点" en="Milestones" />, key: 'ms', width: 90, render: (_, a) => `${a.milestonesPassed}/${a.milestonesTotal}` },
        { title: <Bi zh="已拨付 / 可拨付" en="Paid / payable" />, key: 'paid', width: 220, render: (_, a) => {
          const p = paidProgress(a.paidWan, a.payableWan);
          return <Tooltip title={bi(lang, { zh: `资助 ${a.shareWan}，并入 ${a.mergedInWan}`, en: `share ${a.shareWan}, merged in ${a.mergedInWan}` })}><div>{`${wan(a.paidWan)} / ${wan(a.payableWan)}`}<Progress percent={p.percent} status={p.status} size="small" /></div></Tooltip>;
        } },
        { title: '', key: 'act', width: 200, render: (_, a) => organiser && (
          <Space size={4} wrap>
            {!['stopped', 'merged', 'failed', 'accepted'].includes(a.status) && <Button size="small" icon={<SolutionOutlined />} onClick={() => setDialog({ kind: 'contract', award: a })}><Bi zh="合同" en="Contract" /></Button>}
            {a.contractNo && ['active', 'accepted'].includes(a.status) && <Button size="small" icon={<MoneyCollectOutlined />} onClick={() => setDialog({ kind: 'pay', award: a })}><Bi zh="拨付" en="Pay" /></Button>}
          </Space>
        ) },
      ]} />
      {parallel && verdicts.data && verdicts.data.reviews.length > 0 && (
        <Table size="small" className="section" rowKey="id" pagination={false} dataSource={verdicts.data.reviews} data-testid={`board-verdicts-${g.challengeCode}`} columns={[
          { title: <Bi zh="评估" en="Review" />, key: 'r', width: 200, render: (_, r) => <div>{r.titleZh}<div className="cell-sub">{r.heldOn}</div></div> },
          ...verdicts.data.teams.map((t) => ({
            title: <div><span className="mono">{t.code}</span><div className="cell-sub">{t.leadNameZh}</div></div>, key: t.awardId,
            render: (_: unknown, r: VerdictBoard['reviews'][number]) => {
              const v = r.verdicts[t.awardId];
              return v ? <Tooltip title={v.reasonZh}><span><NameTag names={VERDICTS} code={v.verdict} />{v.mergeIntoCode && `→ ${v.mergeIntoCode}`}</span></Tooltip> : '—';
            },
          })),
        ]} />
      )}
      {dialog?.kind === 'contract' && <ContractModal award={dialog.award} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'pay' && <PaymentModal award={dialog.award} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'verdict' && <VerdictModal challengeId={g.challengeId} teams={active} onClose={() => setDialog(null)} onDone={done} />}
    </Card>
  );
}

function LedgerTab({ challengeId, year, setYear }: { challengeId?: string; year?: string; setYear: (y?: string) => void }) {
  const lang = useLang();
  const filter = { challengeId, year };
  const ledger = useApi<Ledger>(`/api/challenges/tranches${qs(filter)}`);
  const years = Array.from({ length: 6 }, (_, i) => String(new Date().getFullYear() - i));
  return (
    <LoadState loading={ledger.loading && !ledger.data} error={ledger.error} reload={ledger.reload}>
      <Space wrap className="cq-filters">
        <Select allowClear style={{ width: 140 }} value={year} onChange={setYear} placeholder={bi(lang, { zh: '年度', en: 'Year' })} options={years.map((y) => ({ value: y, label: y }))} />
        <ExportButton path={`/api/challenges/tranches/export.xlsx${qs(filter)}`} fallbackName="拨付台账.xlsx" icon={<FileExcelOutlined />} testId="ledger-export" />
        <span>{bi(lang, { zh: `合计 ${ledger.data?.totals.total ?? 0} 万元`, en: `Total ${ledger.data?.totals.total ?? 0} (10k yuan)` })}</span>
      </Space>
      <Table<LedgerRow> rowKey="id" size="small" dataSource={ledger.data?.items ?? []} data-testid="ledger-table" pagination={{ pageSize: 50 }}
        locale={{ emptyText: bi(lang, { zh: '暂无拨付记录', en: 'No payment recorded' }) }}
        columns={[
          { title: <Bi zh="拨付日期" en="Paid on" />, dataIndex: 'paidOn', width: 120 },
          { title: <Bi zh="立项" en="Award" />, key: 'award', render: (_, r) => <div><Link to={`/challenges/awards/${r.awardId}`} className="mono">{r.awardCode}</Link><div className="cell-sub">{r.leadNameZh}</div></div> },
          { title: <Bi zh="榜单" en="Challenge" />, key: 'c', render: (_, r) => <div className="mono">{r.challengeCode}</div> },
          { title: <Bi zh="金额" en="Amount" />, dataIndex: 'amountWan', width: 130, render: wan },
          { title: <Bi zh="凭证号" en="Voucher" />, dataIndex: 'voucherNo', width: 140 },
          { title: <Bi zh="节点" en="Milestone" />, dataIndex: 'milestoneTitleZh', render: (x) => x ?? '—' },
        ]} />
      <Table size="small" rowKey="key" pagination={false} dataSource={ledger.data?.totals.byAward ?? []} className="section" title={() => <Bi zh="按立项汇总" en="By award" />} columns={[
        { title: <Bi zh="立项" en="Award" />, key: 'a', render: (_, r) => <span><span className="mono">{r.awardCode}</span> {r.leadNameZh}</span> },
        { title: <Bi zh="笔数" en="Payments" />, dataIndex: 'count', width: 90 },
        { title: <Bi zh="已拨付 / 可拨付" en="Paid / payable" />, key: 'p', render: (_, r) => <div>{`${wan(r.amountWan)} / ${wan(r.payableWan)}`}<Progress size="small" percent={paidProgress(r.amountWan, r.payableWan ?? 0).percent} /></div> },
      ]} />
    </LoadState>
  );
}
