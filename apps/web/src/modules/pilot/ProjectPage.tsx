import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Result, Row, Space, Steps, Tag, Typography } from 'antd';
import { AuditOutlined, StopOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { domainName } from '../plan/format';
import { bi, dateOnly, dateTime } from '../supervision/shared';
import { useDistrictNames } from '../supervision/WorkShared';
import type { ProjectDetail } from './api.deals';
import { CONVERTED_STAGES, daysSince, nextProjectStage, PROJECT_STAGE_CODES, PROJECT_STAGES } from './labels.deals';
import { ProjectGates } from './ProjectGates';
import { ProjectGateModal, ProjectStopModal } from './ProjectModals';
import { ProjectStageTag, ProjectStatusTag } from './ProjectTags';

/**
 * 中试项目详情: the stages 技术攻关 → … → 产业集群 with where the project stands; what it came
 * from (demand, achievement, response) and where it runs (base); its gate reviews as a timeline;
 * the task force or its base records a gate review or stops it.
 */
export default function ProjectPage() {
  const { id } = useParams<{ id: string }>();
  const lang = useLang();
  const project = useApi<ProjectDetail>(`/api/pilot/projects/${id}`);
  const districts = useDistrictNames();
  const [dialog, setDialog] = useState<'gate' | 'stop' | null>(null);
  const p = project.data;
  const done = () => { setDialog(null); project.reload(); };

  if (project.error instanceof ApiError && (project.error.status === 404 || project.error.status === 400)) {
    return <Result status="404" title={bi(lang, { zh: '中试项目不存在或无权查看', en: 'Pilot project not found' })} subTitle={project.error.message}
      extra={<Link to="/pilot/projects"><Button type="primary"><Bi zh="返回中试项目" en="Back to pilot projects" /></Button></Link>} />;
  }

  const current = p ? PROJECT_STAGE_CODES.indexOf(p.stage) : 0;
  const converted = !!p && CONVERTED_STAGES.includes(p.stage);
  // At 产业集群 there is no gate left to review.
  const mayReview = !!p?.may.review && !!p && !!nextProjectStage(p.stage);
  // The day each stage was entered, read from the passed gates (the current one from the project itself).
  const entered = new Map<string, string>();
  for (const g of p?.gates ?? []) if (g.result === 'pass') entered.set(g.toStage, g.reviewedOn);
  if (p) entered.set(p.stage, p.stageEnteredOn);

  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[
        { title: <Link to="/pilot"><Bi zh="中试" en="Pilots" /></Link> },
        { title: <Link to="/pilot/projects"><Bi zh="中试项目" en="Pilot projects" /></Link> },
        { title: p?.code ?? '…' },
      ]} />
      <LoadState loading={project.loading && !p} error={project.error} reload={project.reload} rows={10}>
        {p && (
          <>
            <PageHeader title={{ zh: p.nameZh, en: p.nameZh }}
              tags={<Space size={[6, 6]} wrap>
                <span className="mono">{p.code}</span><ProjectStageTag stage={p.stage} /><ProjectStatusTag status={p.status} />
                {converted && <Tag color="cyan" data-testid="pilot-project-converted">{bi(lang, { zh: '计入“从1到10”', en: 'Counts as "1 to 10"' })}</Tag>}
              </Space>}
              extra={(mayReview || p.may.stop) && (
                <Space wrap>
                  {mayReview && <Button type="primary" icon={<AuditOutlined />} onClick={() => setDialog('gate')} data-testid="pilot-project-gate"><Bi zh="关口评审" en="Gate review" /></Button>}
                  {p.may.stop && <Button danger icon={<StopOutlined />} onClick={() => setDialog('stop')} data-testid="pilot-project-stop"><Bi zh="终止项目" en="Stop" /></Button>}
                </Space>
              )} />

            {p.status === 'stopped' && (
              <Alert type="warning" showIcon className="panel-alert" data-testid="pilot-project-stopped"
                title={<Bi zh="项目已终止" en="Stopped" />} description={p.stoppedReasonZh ?? '—'} />
            )}

            <Card className="panel">
              <Steps size="small" current={current} status={p.status === 'stopped' ? 'error' : p.stage === 'cluster' ? 'finish' : 'process'} style={{ marginBottom: 20 }}
                data-testid="pilot-project-steps"
                items={PROJECT_STAGE_CODES.map((s) => ({
                  title: <Bi zh={PROJECT_STAGES[s].zh} en={PROJECT_STAGES[s].en} />,
                  content: entered.get(s),
                }))} />
              <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} items={[
                { key: 'demand', label: <Bi zh="来源生产需求" en="Demand" />, children: p.demandId ? <Link to={`/pilot/demands/${p.demandId}`} data-testid="pilot-project-demand-link"><span className="mono">{p.demandCode}</span> {p.demandTitleZh}</Link> : '—' },
                { key: 'achievement', label: <Bi zh="来源成果" en="Achievement" />, children: p.achievementId ? <Link to={`/pilot/achievements/${p.achievementId}`} data-testid="pilot-project-achievement-link"><span className="mono">{p.achievementCode}</span> {p.achievementTitleZh}</Link> : '—' },
                { key: 'base', label: <Bi zh="承接基地" en="Pilot base" />, children: p.baseId ? <Link to={`/pilot/bases/${p.baseId}`} data-testid="pilot-project-base-link">{p.baseNameZh ?? p.baseCode}</Link> : '—' },
                { key: 'response', label: <Bi zh="来源响应" en="Response" />, children: p.responseId ? <Link to={`/pilot/responses/${p.responseId}`} data-testid="pilot-project-response-link">{bi(lang, { zh: '查看洽谈', en: 'Open the response' })}</Link> : '—' },
                { key: 'lead', label: <Bi zh="牵头机构" en="Lead organisation" />, children: p.leadOrgNameZh ?? '—' },
                { key: 'district', label: <Bi zh="所在区县" en="District" />, children: districts.name(p.districtCode) ?? '—' },
                { key: 'domain', label: <Bi zh="领域" en="Domain" />, children: p.domain ? domainName(lang, p.domain) : '—' },
                { key: 'entered', label: <Bi zh="进入本阶段" en="At this stage since" />, children: `${dateOnly(p.stageEnteredOn)}（${lang === 'zh' ? `${daysSince(p.stageEnteredOn)} 天` : `${daysSince(p.stageEnteredOn)} d`}）` },
                { key: 'created', label: <Bi zh="登记时间" en="Recorded" />, children: dateTime(p.createdAt) },
              ]} />
              {p.summaryZh && (
                <>
                  <Typography.Title level={5} style={{ marginTop: 12 }}><Bi zh="项目简介" en="Summary" /></Typography.Title>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{p.summaryZh}</Typography.Paragraph>
                </>
              )}
            </Card>

            <Row gutter={[16, 16]} className="section">
              <Col span={24}>
                <Card className="panel" title={<Bi zh="关口评审记录" en="Gate reviews" />}
                  extra={mayReview && <Button size="small" onClick={() => setDialog('gate')} data-testid="pilot-project-gate-2"><Bi zh="记录评审" en="Record a review" /></Button>}>
                  <ProjectGates gates={p.gates} />
                </Card>
              </Col>
            </Row>

            {dialog === 'gate' && <ProjectGateModal project={p} onClose={() => setDialog(null)} onDone={done} />}
            {dialog === 'stop' && <ProjectStopModal project={p} onClose={() => setDialog(null)} onDone={done} />}
          </>
        )}
      </LoadState>
    </>
  );
}
