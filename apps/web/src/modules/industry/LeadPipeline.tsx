import { useMemo } from 'react';
import { Card, Col, Row, Statistic, Tooltip } from 'antd';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { useLang } from '../../app/i18n';
import type { ApiState } from '../../app/useApi';
import { bi, one } from '../supervision/shared';
import type { ClockState, Pipeline } from './api';
import { EChart } from './charts';
import { num, yi } from './format';
import { CLOCKS } from './labels';

const FUNNEL = ['#143a84', '#1d4f91', '#2f62c0', '#3a7bd5', '#5fa8d3', '#97c5e0'];

/** 招商漏斗: leads by stage, signed projects counted once per company, money contracted and arrived, and the clocks. */
export function LeadPipeline({ pipeline, onClock }: { pipeline: ApiState<Pipeline>; onClock: (c: ClockState) => void }) {
  const lang = useLang();
  const p = pipeline.data;
  // A funnel reads as "how far leads got": each stage counts the leads at it or beyond.
  const option = useMemo(() => {
    if (!p) return null;
    const reached = p.stages.map((_, i) => p.stages.slice(i).reduce((n, s) => n + s.leads, 0));
    return {
      tooltip: { trigger: 'item', formatter: (x: { name: string; dataIndex: number }) => {
        const s = p.stages[x.dataIndex];
        return `<b>${x.name}</b><br/>${lang === 'zh'
          ? `已到此阶段及以后 ${reached[x.dataIndex]} 条<br/>当前处于此阶段 ${s.leads} 条（目标企业 ${s.targets} 家）`
          : `${reached[x.dataIndex]} reached this stage or beyond<br/>${s.leads} at this stage now (${s.targets} companies)`}`;
      } },
      series: [{
        type: 'funnel', sort: 'none', left: 16, right: 16, top: 8, bottom: 8, minSize: '14%', gap: 3,
        label: { show: true, position: 'inside', color: '#fff', formatter: (x: { name: string; dataIndex: number }) => `${x.name}  ${reached[x.dataIndex]}（${p.stages[x.dataIndex].leads}）` },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        data: p.stages.map((s, i) => ({ name: one(lang, s), value: reached[i], itemStyle: { color: FUNNEL[i] } })),
      }],
    };
  }, [p, lang]);

  const clock = (c: 'overdue' | 'due' | 'ok', accent: string) => (
    <Tooltip title={bi(lang, { zh: '点击查看这些线索', en: 'Click to list them' })}>
      <Card size="small" className="panel figure-card" hoverable onClick={() => onClock(c)} data-testid={`pipeline-clock-${c}`} style={{ borderTop: `3px solid ${accent}` }}>
        <Statistic title={one(lang, CLOCKS[c])} value={p?.clocks[c] ?? 0} styles={{ content: { color: p?.clocks[c] && c !== 'ok' ? accent : undefined, fontWeight: 600 } }} />
      </Card>
    </Tooltip>
  );

  return (
    <LoadState loading={pipeline.loading && !p} error={pipeline.error} reload={pipeline.reload} rows={5}>
      {p && option && (
        <Row gutter={[16, 16]} data-testid="lead-pipeline">
          <Col xs={24} lg={10}>
            <Card className="panel" size="small" title={<Bi zh="招商漏斗" en="Pipeline" />}
              extra={<span className="cell-sub">{bi(lang, { zh: '累计到达（当前）', en: 'Reached (now)' })}</span>}>
              <EChart option={option} height={250} ariaLabel={bi(lang, { zh: '各阶段招商线索数', en: 'Leads by stage' })} testId="lead-funnel" />
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <div className="figure-grid figure-grid-3">
              <Card size="small" className="panel figure-card" data-testid="pipeline-signed" style={{ borderTop: '3px solid #1d4f91' }}>
                <Statistic title={<Bi zh="签约项目" en="Signed projects" />} value={p.signedProjects} suffix={lang === 'zh' ? '个' : undefined} styles={{ content: { fontWeight: 600 } }} />
                <div className="cell-sub">{lang === 'zh' ? `同一企业只计一次（报送 ${p.signedReports} 条）` : `Each company once (${p.signedReports} reports)`}</div>
              </Card>
              <Card size="small" className="panel figure-card" style={{ borderTop: '3px solid #3a7bd5' }}>
                <Statistic title={<Bi zh="签约金额" en="Contracted" />} value={lang === 'zh' ? yi(p.contractedWan) : p.contractedWan / 100_000} precision={2}
                  suffix={lang === 'zh' ? '亿元' : 'bn yuan'} styles={{ content: { fontWeight: 600 } }} />
                <div className="cell-sub">{`${num(lang, p.contractedWan)} 万元`}</div>
              </Card>
              <Card size="small" className="panel figure-card" style={{ borderTop: '3px solid #389e0d' }}>
                <Statistic title={<Bi zh="到位资金" en="Arrived" />} value={lang === 'zh' ? yi(p.arrivedWan) : p.arrivedWan / 100_000} precision={2}
                  suffix={lang === 'zh' ? '亿元' : 'bn yuan'} styles={{ content: { fontWeight: 600 } }} />
                <div className="cell-sub">{p.contractedWan ? (lang === 'zh' ? `到位率 ${Math.round((p.arrivedWan / p.contractedWan) * 100)}%` : `${Math.round((p.arrivedWan / p.contractedWan) * 100)}% of contracted`) : '—'}</div>
              </Card>
              {clock('overdue', '#cf1322')}
              {clock('due', '#fa8c16')}
              {clock('ok', '#389e0d')}
            </div>
          </Col>
        </Row>
      )}
    </LoadState>
  );
}
