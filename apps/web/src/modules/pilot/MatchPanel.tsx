import { useState } from 'react';
import { Alert, Card, Collapse, Empty, Progress, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined, StopOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi } from '../supervision/shared';
import { useDistrictNames } from '../supervision/WorkShared';
import type { AchievementMatches, DemandMatches, MatchCard, MatchResult, Reason, SupplyKind } from './api.lists';
import { MATCH_PARTS } from './labels.lists';
import { matchLink, reasonFits } from './ListModel';

const LIMIT = 10;

/** A score 0–100 as a bar, the parts behind it on hover. */
function MatchScore({ result }: { result: MatchResult }) {
  const lang = useLang();
  const tip = (
    <div>
      {Object.entries(MATCH_PARTS).filter(([k]) => k in result.parts).map(([k, p]) => (
        <div key={k}>{lang === 'zh' ? p.zh : p.en}（{p.weight}）：{Math.round(result.parts[k] * 100)}%</div>
      ))}
    </div>
  );
  return (
    <Tooltip title={tip}>
      <div className="pilot-match-score" tabIndex={0} aria-label={bi(lang, { zh: `匹配得分 ${result.score}`, en: `Score ${result.score}` })}>
        <span className="cell-sub">{bi(lang, { zh: '匹配得分', en: 'Score' })}</span>
        <Progress percent={result.score} size="small" format={(p) => (p ?? 0).toFixed(1)} data-testid="pilot-match-score"
          strokeColor={result.score >= 60 ? '#389e0d' : result.score >= 40 ? '#1d4f91' : '#d48806'} />
      </div>
    </Tooltip>
  );
}

/** A reason in the reader's language (Chinese first), the other on hover; what falls short in orange. */
export function ReasonTag({ reason }: { reason: Reason }) {
  const lang = useLang();
  const fits = reasonFits(reason);
  return (
    <Tooltip title={lang === 'zh' ? reason.en : reason.zh}>
      <Tag color={fits ? 'green' : 'orange'} icon={fits ? <CheckCircleOutlined /> : <ExclamationCircleOutlined />} data-testid="pilot-match-reason">
        {lang === 'zh' ? reason.zh : reason.en}
      </Tag>
    </Tooltip>
  );
}

/** The other side: its page when it has one (an achievement, a demand, a capability whose base the answer names), else plain. */
function CardTitle({ card }: { card?: MatchCard }) {
  const districts = useDistrictNames();
  if (!card) return <Typography.Text type="secondary">—</Typography.Text>;
  const to = matchLink(card);
  return (
    <div>
      {to ? <Link to={to} className="pilot-match-title" data-testid="pilot-match-link">{card.titleZh}</Link> : <span className="pilot-match-title">{card.titleZh}</span>}
      <div className="cell-sub"><span className="mono">{card.code}</span> · {card.ownerZh} · {districts.name(card.districtCode)}</div>
    </div>
  );
}

function MatchRows({ results, empty }: { results: MatchResult[]; empty: string }) {
  if (!results.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <div data-testid="pilot-match-list">
      {results.map((r) => {
        const card = r.supply ?? r.demand;
        return (
          <div key={card?.id ?? r.rank} className="pilot-match" data-testid={`pilot-match-${r.rank}`}>
            <div className="pilot-match-rank">{r.rank}</div>
            <div>
              <CardTitle card={card} />
              <div className="pilot-match-reasons">{r.reasons.map((x, i) => <ReasonTag key={i} reason={x} />)}</div>
            </div>
            <MatchScore result={r} />
          </div>
        );
      })}
    </div>
  );
}

/** The candidates a hard constraint ruled out (volume, biosafety level, quality system), with examples and why. */
function Excluded({ excluded }: { excluded: DemandMatches['excluded'] | AchievementMatches['excluded'] }) {
  const lang = useLang();
  if (!excluded.count) return null;
  const examples = 'examples' in excluded ? excluded.examples : [];
  const head = lang === 'zh' ? `另有 ${excluded.count} 项因硬性条件被排除` : `${excluded.count} more ruled out by hard constraints`;
  if (!examples.length) return <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}><StopOutlined /> {head}</Typography.Paragraph>;
  return (
    <Collapse size="small" style={{ marginTop: 12 }} data-testid="pilot-match-excluded" items={[{
      key: 'x', label: <span><StopOutlined /> {head}{lang === 'zh' ? '（规模、生物安全等级或质量体系不满足）' : ' (scale, biosafety level or quality system)'}</span>,
      children: (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          {examples.map((e, i) => (
            <div key={e.supply?.id ?? i}>
              <CardTitle card={e.supply} />
              <div className="pilot-match-reasons">{e.why.map((w, j) => (
                <Tooltip key={j} title={lang === 'zh' ? w.en : w.zh}><Tag color="red">{lang === 'zh' ? w.zh : w.en}</Tag></Tooltip>
              ))}</div>
            </div>
          ))}
          {excluded.count > examples.length && <Typography.Text type="secondary">{lang === 'zh' ? `仅列出前 ${examples.length} 项` : `The first ${examples.length} shown`}</Typography.Text>}
        </Space>
      ),
    }]} />
  );
}

function DemandMatchTab({ demandId, kind }: { demandId: string; kind: SupplyKind }) {
  const lang = useLang();
  const m = useApi<DemandMatches>(`/api/pilot/demands/${demandId}/matches${qs({ kind, limit: LIMIT })}`);
  const what = kind === 'achievement' ? { zh: '成果', en: 'achievements' } : { zh: '中试能力', en: 'pilot capabilities' };
  return (
    <LoadState loading={m.loading && !m.data} error={m.error} reload={m.reload} rows={5}>
      {m.data && (
        <>
          <Typography.Paragraph type="secondary" className="small-note">
            {lang === 'zh'
              ? `在 ${m.data.poolSize} 项已发布的${what.zh}中按关键词、工艺、规模、领域、宿主、成熟度和距离打分，列出前 ${LIMIT} 项。`
              : `Scored against ${m.data.poolSize} published ${what.en} on key terms, processes, scale, domain, organism, readiness and distance; the best ${LIMIT} shown.`}
          </Typography.Paragraph>
          <MatchRows results={m.data.results}
            empty={m.data.poolSize
              ? bi(lang, { zh: `没有合适的${what.zh}`, en: `No ${what.en} fit` })
              : bi(lang, { zh: `尚无已发布的${what.zh}可供匹配`, en: `No published ${what.en} to match yet` })} />
          <Excluded excluded={m.data.excluded} />
        </>
      )}
    </LoadState>
  );
}

/**
 * 匹配结果: for a demand's owner and the task force, the best achievements and pilot capabilities
 * (two tabs), each with its score and the reasons in words, and the candidates hard constraints
 * ruled out; for an achievement's owner, the demands it may serve. Only published items on the
 * other side take part, and only their public text.
 */
export function MatchPanel({ kind, itemId }: { kind: 'demand' | 'achievement'; itemId: string }) {
  const [tab, setTab] = useState<SupplyKind>('achievement');
  return (
    <Card className="panel" data-testid="pilot-matches"
      title={kind === 'demand' ? <Bi zh="匹配推荐" en="Matches" /> : <Bi zh="可服务的生产需求" en="Demands it may serve" />}
      extra={<span className="cell-sub"><Bi zh="仅发布方和工作专班可见" en="Only you and the task force see this" /></span>}>
      {kind === 'demand' ? (
        <Tabs activeKey={tab} onChange={(k) => setTab(k as SupplyKind)} destroyOnHidden items={[
          { key: 'achievement', label: <span data-testid="pilot-match-tab-achievement"><Bi zh="成果" en="Achievements" /></span>, children: <DemandMatchTab demandId={itemId} kind="achievement" /> },
          { key: 'capability', label: <span data-testid="pilot-match-tab-capability"><Bi zh="中试能力" en="Capabilities" /></span>, children: <DemandMatchTab demandId={itemId} kind="capability" /> },
        ]} />
      ) : <AchievementMatchList achievementId={itemId} />}
    </Card>
  );
}

function AchievementMatchList({ achievementId }: { achievementId: string }) {
  const lang = useLang();
  const m = useApi<AchievementMatches>(`/api/pilot/achievements/${achievementId}/matches${qs({ limit: LIMIT })}`);
  return (
    <LoadState loading={m.loading && !m.data} error={m.error} reload={m.reload} rows={5}>
      {m.data && (
        <>
          <Typography.Paragraph type="secondary" className="small-note">
            {lang === 'zh' ? `在 ${m.data.poolSize} 项已发布的生产需求中匹配，列出前 ${LIMIT} 项。` : `Matched against ${m.data.poolSize} published demands; the best ${LIMIT} shown.`}
          </Typography.Paragraph>
          {m.data.poolSize === 0 && <Alert type="info" showIcon className="panel-alert" title={bi(lang, { zh: '尚无已发布的生产需求可供匹配', en: 'No published demands to match yet' })} />}
          {m.data.poolSize > 0 && <MatchRows results={m.data.results} empty={bi(lang, { zh: '没有合适的生产需求', en: 'No demands fit' })} />}
          <Excluded excluded={m.data.excluded} />
        </>
      )}
    </LoadState>
  );
}
