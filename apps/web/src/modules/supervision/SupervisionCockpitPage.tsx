import { useCallback } from 'react';
import { Alert, Button, Card, Col, Progress, Row, Segmented, Space, Statistic, Typography } from 'antd';
import { FileExcelOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import type { Colour, Rollup } from './api';
import { ColourTag, COLOURS } from './ColourTag';
import { CockpitActionTable } from './CockpitActionTable';
import { CockpitCalendar } from './CockpitCalendar';
import { CockpitUnitRates } from './CockpitUnitRates';
import { bi, ExportButton, one, useRoles } from './shared';

const YEARS = [2024, 2025, 2026, 2027];
const ORDER: Colour[] = ['red', 'yellow', 'blue', 'green', 'closed'];

function ColourCard({ colour, count, to }: { colour: Colour; count: number; to: string }) {
  const lang = useLang();
  const c = COLOURS[colour];
  return (
    <Link to={to} data-testid={`rollup-count-${colour}`} aria-label={bi(lang, { zh: `${c.zh} ${count} 项`, en: `${c.en}: ${count}` })}>
      <Card className="panel" size="small" hoverable style={{ borderTop: `3px solid ${c.hex}`, height: '100%' }}>
        <Statistic title={<ColourTag colour={colour} />} value={count} styles={{ content: { color: count && colour !== 'closed' ? c.hex : undefined, fontWeight: 600 } }}
          suffix={<span style={{ fontSize: 13, color: 'var(--ink-3)' }}>{lang === 'zh' ? '项' : ''}</span>} />
      </Card>
    </Link>
  );
}

/**
 * 督办总览: the task force's view of the whole plan (a unit's or district's of its own items):
 * colours and progress rolled up by action and task, on-time reporting, and the deadlines ahead.
 */
export default function SupervisionCockpitPage() {
  const lang = useLang();
  const navigate = useNavigate();
  const { taskForce } = useRoles();
  const [params, setParams] = useSearchParams();
  const year = YEARS.includes(Number(params.get('year'))) ? Number(params.get('year')) : undefined;
  const quarter = params.get('quarter') ?? undefined;
  const rollup = useApi<Rollup>(`/api/supervision/rollup${qs({ year })}`);
  const r = rollup.data;
  const total = r ? ORDER.reduce((n, c) => n + r.counts[c], 0) : 0;

  const setParam = useCallback((k: string, v: string | number | undefined) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    if (v === undefined) next.delete(k);
    else next.set(k, String(v));
    return next;
  }, { replace: true }), [setParams]);

  return (
    <>
      <PageHeader title={{ zh: '督办总览', en: 'Supervision overview' }}
        description={taskForce
          ? bi(lang, { zh: '全市行动计划落实情况：红黄蓝绿状态、加权进度、按时报送率和时限日历。', en: 'How the plan is being carried out: status colours, weighted progress, on-time reporting and deadlines.' })
          : bi(lang, { zh: '本单位承担事项的落实情况：状态、进度、按时报送率和时限日历。', en: 'Your organisation\'s items: status, progress, on-time reporting and deadlines.' })}
        extra={
          <Space wrap>
            <Segmented<string> value={year ? String(year) : 'all'} onChange={(v) => setParam('year', v === 'all' ? undefined : v)} data-testid="rollup-year"
              options={[{ value: 'all', label: bi(lang, { zh: '全部', en: 'All' }) }, ...YEARS.map((y) => ({ value: String(y), label: String(y) }))]} />
            <ExportButton path={`/api/work-points/export.xlsx${qs({ year })}`} fallbackName={year ? `${year}年工作要点.xlsx` : '年度工作要点.xlsx'}
              icon={<FileExcelOutlined />} testId="rollup-export" />
            <Button icon={<ReloadOutlined />} onClick={rollup.reload} aria-label={bi(lang, { zh: '刷新', en: 'Refresh' })} />
          </Space>
        } />

      {!taskForce && (
        <Alert type="info" showIcon className="panel-alert" title={bi(lang, { zh: '此处仅统计本单位（区县）承担或属地的事项。', en: 'Only the items your organisation owns (or in your district) are counted here.' })}
          action={<Button size="small" icon={<InboxOutlined />} onClick={() => navigate('/supervision/inbox')}><Bi zh="我的待办" en="My inbox" /></Button>} />
      )}

      <LoadState loading={rollup.loading && !r} error={rollup.error} reload={rollup.reload} rows={4}>
        {r && (
          <Row gutter={[16, 16]} data-testid="rollup-totals">
            <Col xs={24} lg={8}>
              <Card className="panel" size="small" style={{ height: '100%' }}>
                <Space align="center" size={20}>
                  <Progress type="circle" size={96} percent={r.progressPct} format={(p) => `${p}%`} strokeColor={r.colour === 'none' ? undefined : COLOURS[r.colour].hex} data-testid="rollup-progress" />
                  <div>
                    <Typography.Text type="secondary"><Bi zh="总体加权进度" en="Overall progress" /></Typography.Text>
                    <div style={{ margin: '6px 0' }}><ColourTag colour={r.colour} /></div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {lang === 'zh' ? `${r.year ? `${r.year} 年` : '全部年度'} · 工作要点 ${total} 项` : `${r.year ?? 'All years'} · ${total} work points`}
                      <br />{lang === 'zh' ? `数据截至 ${r.asOf}` : `As of ${r.asOf}`}
                    </Typography.Text>
                  </div>
                </Space>
              </Card>
            </Col>
            <Col xs={24} lg={16}>
              <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(120px, 1fr))', gap: 16, height: '100%' }}>
                {ORDER.map((c) => <ColourCard key={c} colour={c} count={r.counts[c]} to={`/supervision/work-points${qs({ colour: c, year })}`} />)}
              </div>
            </Col>
          </Row>
        )}
      </LoadState>

      <section className="section">
        <div className="section-head">
          <Typography.Title level={4} className="section-title"><Bi zh="各专项行动推进情况" en="Progress by action" /></Typography.Title>
          {r && (
            <Typography.Text type="secondary">
              {lang === 'zh'
                ? `临期 ${r.settings.nearDays} 天内标蓝；进度落后计划超过 ${r.settings.paceTolerancePct} 个百分点标黄；逾期标红。`
                : `Blue within ${r.settings.nearDays} days of a deadline; yellow when more than ${r.settings.paceTolerancePct} points behind pace; red when overdue.`}
              {taskForce && <> <Link to="/supervision/settings">{one(lang, { zh: '调整', en: 'Change' })}</Link></>}
            </Typography.Text>
          )}
        </div>
        <Card className="panel">
          <LoadState loading={rollup.loading && !r} error={rollup.error} reload={rollup.reload}>
            {r && <CockpitActionTable actions={r.actions} year={year} />}
          </LoadState>
        </Card>
      </section>

      <section className="section">
        <CockpitUnitRates quarter={quarter} onQuarter={(q) => setParam('quarter', q)} asOf={r?.asOf} taskForce={taskForce} />
      </section>

      <section className="section">
        <CockpitCalendar />
      </section>
    </>
  );
}
