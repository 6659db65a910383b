import { Breadcrumb, Button, Card, Result, Space, Tabs } from 'antd';
import { FormOutlined, ProjectOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi } from '../supervision/shared';
import { runsChallenge, useChallengeRoles } from './access';
import type { ApplicationRow, ChallengeDetail, Page, Timeline } from './api';
import { AssignmentsPanel } from './AssignmentsPanel';
import { ChallengeActions } from './ChallengeActions';
import { countdown } from './ChallengeModel';
import { ChallengeOverview } from './ChallengeOverview';
import { ChallengeTimeline } from './ChallengeTimeline';
import { FormalCheckPanel } from './FormalCheckPanel';
import { NoticePanel } from './NoticePanel';
import { RankingPanel } from './RankingPanel';
import { ChallengeStatusTag, ModeTag } from './Tags';

const IN_REVIEW_OR_AFTER = ['review', 'notice', 'awarded', 'completed'];
const NOTICE_OR_AFTER = ['notice', 'awarded', 'completed'];

/**
 * 榜单详情: goals and acceptance indicators, eligibility, mode and funding, the timeline, and what
 * the caller may do — applicants apply (or open their application); the challenge's runners
 * publish, extend, move to review, make the formal check, assign reviewers, read the ranking with
 * the spread, propose awardees, answer objections and confirm the awards; everyone reads the notice.
 * `tab` opens a tab (the notifications link to /challenges/:id/review and /challenges/:id/notice).
 */
export default function ChallengePage({ tab: initialTab }: { tab?: string }) {
  const { id } = useParams<{ id: string }>();
  const lang = useLang();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const roles = useChallengeRoles();
  const challenge = useApi<ChallengeDetail>(`/api/challenges/${id}`);
  const timeline = useApi<Timeline>(`/api/challenges/${id}/timeline`);
  const c = challenge.data;
  const runs = !!c && runsChallenge(c);
  const open = !!c && c.status === 'open' && !countdown(c.deadline).closed;
  const mine = useApi<Page<ApplicationRow>>(c && roles.applicant && c.status !== 'draft' ? `/api/challenges/applications/mine${qs({ challengeId: c.id })}` : null);
  const myLead = mine.data?.items.find((a) => a.party === 'lead');
  const reload = () => { challenge.reload(); timeline.reload(); };

  if (challenge.error instanceof ApiError && [400, 404].includes(challenge.error.status)) {
    return <Result status="404" title={bi(lang, { zh: '榜单不存在或尚未发布', en: 'Challenge not found' })} subTitle={challenge.error.message}
      extra={<Link to="/challenges"><Button type="primary"><Bi zh="返回榜单" en="Back to challenges" /></Button></Link>} />;
  }

  const tabs = c ? [
    { key: 'overview', label: <Bi zh="榜单内容" en="Challenge" />, children: <ChallengeOverview c={c} /> },
    ...(roles.overseer && c.status !== 'draft' ? [{ key: 'applications', label: <span data-testid="tab-applications"><Bi zh="申报与形式审查" en="Applications" /></span>, children: <Card className="panel"><FormalCheckPanel c={c} runs={runs} onChanged={reload} /></Card> }] : []),
    ...(runs && IN_REVIEW_OR_AFTER.includes(c.status) ? [{ key: 'review', label: <span data-testid="tab-review"><Bi zh="评审分配" en="Reviewers" /></span>, children: <Card className="panel"><AssignmentsPanel c={c} onChanged={reload} /></Card> }] : []),
    ...((runs && IN_REVIEW_OR_AFTER.includes(c.status)) || (roles.overseer && NOTICE_OR_AFTER.includes(c.status))
      ? [{ key: 'ranking', label: <span data-testid="tab-ranking"><Bi zh="评审排名" en="Ranking" /></span>, children: <Card className="panel"><RankingPanel c={c} runs={runs} onChanged={reload} /></Card> }] : []),
    ...(NOTICE_OR_AFTER.includes(c.status) ? [{ key: 'notice', label: <span data-testid="tab-notice"><Bi zh="立项公示" en="Notice" /></span>, children: <Card className="panel"><NoticePanel c={c} runs={runs} onChanged={reload} /></Card> }] : []),
  ] : [];
  const wanted = params.get('tab') ?? initialTab ?? 'overview';
  const active = tabs.some((t) => t.key === wanted) ? wanted : 'overview';

  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[
        { title: <Link to="/challenges"><Bi zh="揭榜挂帅" en="Challenges" /></Link> },
        { title: c?.code ?? '…' },
      ]} />
      <LoadState loading={challenge.loading && !c} error={challenge.error} reload={challenge.reload} rows={10}>
        {c && (
          <>
            <PageHeader title={{ zh: c.titleZh, en: c.titleEn || c.titleZh }}
              tags={<Space size={[6, 6]} wrap><span className="mono">{c.code}</span><ChallengeStatusTag status={c.status} testId="challenge-status" /><ModeTag mode={c.mode} />
                <span className="cell-sub">{bi(lang, { zh: `已申报 ${c.applicationCount} 份`, en: `${c.applicationCount} applications` })}</span></Space>}
              extra={(
                <Space wrap>
                  {roles.applicant && open && (myLead
                    ? <Button icon={<FormOutlined />} onClick={() => navigate(`/challenges/applications/${myLead.id}`)} data-testid="challenge-my-application"><Bi zh={`我的申请 ${myLead.code}`} en={`My application ${myLead.code}`} /></Button>
                    : <Button type="primary" icon={<FormOutlined />} onClick={() => navigate(`/challenges/${c.id}/apply`)} data-testid="challenge-apply"><Bi zh="我要揭榜" en="Apply" /></Button>)}
                  {roles.overseer && ['awarded', 'completed'].includes(c.status) && (
                    <Button icon={<ProjectOutlined />} onClick={() => navigate(`/challenges/board?challengeId=${c.id}`)}><Bi zh="立项与节点看板" en="Award board" /></Button>
                  )}
                  {runs && <ChallengeActions c={c} onDone={reload} />}
                </Space>
              )} />
            {c.status === 'cancelled' && c.cancelReasonZh && (
              <Card className="panel"><Bi zh="取消理由" en="Cancelled because" />：{c.cancelReasonZh}</Card>
            )}
            <ChallengeTimeline timeline={timeline} />
            <Tabs className="section" activeKey={active} destroyOnHidden items={tabs} data-testid="challenge-tabs"
              onChange={(k) => setParams((p) => { const n = new URLSearchParams(p); if (k === 'overview') n.delete('tab'); else n.set('tab', k); return n; }, { replace: true })} />
          </>
        )}
      </LoadState>
    </>
  );
}
