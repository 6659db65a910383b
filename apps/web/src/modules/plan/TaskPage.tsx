import { lazy, Suspense, useMemo } from 'react';
import { Breadcrumb, Button, Card, Col, Result, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { EnvironmentOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/PageHeader';
import { LoadState } from '../../app/components/LoadState';
import { Bi } from '../../app/components/Bi';
import { other, pick, useLang } from '../../app/i18n';
import { ApiError } from '../../app/api';
import { useDistricts, usePlanText, useTask, useTasks, type Body } from './api';
import { actionLabel, bodyTypeName, BODY_TYPES } from './format';
import { DomainTags } from './DomainTags';
import { TargetLine } from './TargetCard';
import { PlanTextView } from './PlanTextView';
import { TaskIndicators } from './TaskIndicators';

// Supervision of the task (owners, work points, reports …) for those who take part in it.
const TaskSupervisionPanel = lazy(() => import('../supervision/CockpitTaskSupervision').then((m) => ({ default: m.TaskSupervisionPanel })));

const TYPE_ORDER = Object.keys(BODY_TYPES);

function Section({ titleKey, count, children }: { titleKey: string; count?: number; children: React.ReactNode }) {
  return (
    <Card className="panel" size="small" title={<span><Bi k={titleKey} />{count !== undefined && <Tag className="count-tag">{count}</Tag>}</span>}>
      {children}
    </Card>
  );
}

/** One task: what the plan says, whom and where it names, the action's targets, and the task in the plan's own text. */
export default function TaskPage() {
  const { no: noParam } = useParams();
  const no = Number(noParam);
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const task = useTask(no);
  const all = useTasks();
  const text = usePlanText();
  const districts = useDistricts();

  const bodiesByType = useMemo(() => {
    const groups = new Map<string, Body[]>();
    for (const b of task.data?.bodies ?? []) groups.set(b.type, [...(groups.get(b.type) ?? []), b]);
    return [...groups].sort(([a], [b]) => TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b));
  }, [task.data]);

  const districtName = useMemo(() => new Map((districts.data ?? []).map((d) => [d.code, d])), [districts.data]);
  const sentences = useMemo(() => (task.data?.targets ?? []).map((x) => x.sourceSentence), [task.data]);

  if (!Number.isInteger(no) || no < 1 || (task.error instanceof ApiError && task.error.status === 404)) {
    return <Result status="404" title={t('plan.taskNotFound', { no: noParam })} extra={<Button type="primary" onClick={() => navigate('/plan/tasks')}>{t('plan.allTasksLink')}</Button>} />;
  }

  const d = task.data;
  const total = all.data?.length ?? 26;

  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[
        { title: <Link to="/plan/actions">{t('nav.plan')}</Link> },
        { title: <Link to="/plan/tasks">{t('nav.tasks')}</Link> },
        { title: t('plan.taskNo', { no }) },
      ]} />
      <LoadState loading={task.loading && !d} error={task.error} reload={task.reload}>
        {d && (
          <>
            <PageHeader
              title={{ zh: `${d.no}. ${d.titleZh}`, en: `${d.no}. ${d.titleEn}` }}
              tags={
                <Space size={[6, 6]} wrap>
                  <Link to={`/plan/actions#action-${d.action.no}`}>
                    <Tag color="blue" className="action-tag">{actionLabel(lang, d.action.no)} · {pick(lang, d.action, 'title')}</Tag>
                  </Link>
                  <DomainTags domains={d.domains} />
                </Space>
              }
              extra={
                <Space>
                  <Button icon={<LeftOutlined />} disabled={no <= 1} onClick={() => navigate(`/plan/tasks/${no - 1}`)}>{t('plan.prevTask')}</Button>
                  <Button disabled={no >= total} onClick={() => navigate(`/plan/tasks/${no + 1}`)}>{t('plan.nextTask')} <RightOutlined /></Button>
                </Space>
              }
            />
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={14}>
                <Space orientation="vertical" size={16} className="full-width">
                  <Section titleKey="plan.taskText">
                    <Typography.Paragraph className="plan-prose task-text" data-testid="task-text">{d.textZh}</Typography.Paragraph>
                    {lang === 'en' && <Typography.Text type="secondary">{t('plan.textOnlyZh')}</Typography.Text>}
                  </Section>
                  <Section titleKey="plan.actionTargets" count={d.targets.length}>
                    <Typography.Paragraph type="secondary" className="small-note">
                      {actionLabel(lang, d.action.no)} · {pick(lang, d.action, 'title')}
                      <span className="bi-aside">{other(lang, d.action, 'title')}</span>
                    </Typography.Paragraph>
                    <ul className="target-lines">{d.targets.map((x) => <TargetLine key={x.code} target={x} />)}</ul>
                  </Section>
                  <TaskIndicators indicators={d.indicators ?? []} />
                </Space>
              </Col>
              <Col xs={24} xl={10}>
                <Space orientation="vertical" size={16} className="full-width">
                  <Section titleKey="plan.bodies" count={d.bodies.length}>
                    {bodiesByType.length === 0 ? (
                      <Typography.Text type="secondary">{t('plan.noBodies')}</Typography.Text>
                    ) : bodiesByType.map(([type, list]) => (
                      <div key={type} className="body-group">
                        <div className="body-group-label">{bodyTypeName(lang, type)}</div>
                        <Space size={[6, 6]} wrap>
                          {list.map((b) => (
                            <Tooltip key={b.code} title={lang === 'zh' ? b.nameEn : b.nameZh}>
                              <Tag className="body-tag">{lang === 'zh' ? b.nameZh : b.nameEn}</Tag>
                            </Tooltip>
                          ))}
                        </Space>
                      </div>
                    ))}
                  </Section>
                  <Section titleKey="plan.places" count={d.places.length}>
                    {d.places.length === 0 ? (
                      <Typography.Text type="secondary">{t('plan.noPlaces')}</Typography.Text>
                    ) : (
                      <Space size={[6, 6]} wrap>
                        {d.places.map((p) => {
                          const district = p.districtCode ? districtName.get(p.districtCode) : undefined;
                          return (
                            <Tag key={p.name} icon={<EnvironmentOutlined />} className="place-tag" color={p.districtCode ? 'geekblue' : undefined}>
                              {lang === 'en' && district ? district.nameEn : district?.nameZh ?? p.name}
                              {p.districtCode ? <span className="place-code">{p.districtCode}</span> : <span className="place-code">{t('plan.region')}</span>}
                            </Tag>
                          );
                        })}
                      </Space>
                    )}
                  </Section>
                  <Section titleKey="plan.products" count={d.products.length}>
                    {d.products.length === 0 ? <Typography.Text type="secondary">{t('plan.noneNamed')}</Typography.Text> : (
                      <Space size={[6, 6]} wrap>{d.products.map((p) => <Tag key={p} color="green">{p}</Tag>)}</Space>
                    )}
                  </Section>
                  <Section titleKey="plan.fields" count={d.fields.length}>
                    {d.fields.length === 0 ? <Typography.Text type="secondary">{t('plan.noneNamed')}</Typography.Text> : (
                      <Space size={[6, 6]} wrap>{d.fields.map((f) => <Tag key={f} color="purple">{f}</Tag>)}</Space>
                    )}
                  </Section>
                </Space>
              </Col>
            </Row>
            <Card className="panel section" title={<Bi k="plan.inPlanText" />}
              extra={
                <Space size={16} className="highlight-legend">
                  <span><span className="legend-swatch legend-task" />{t('plan.legendTask')}</span>
                  <span><mark className="mark-target">{t('plan.legendTarget')}</mark></span>
                  <Link to={`/plan/text#text-task-${d.no}`}>{t('plan.openFullText')}</Link>
                </Space>
              }>
              <LoadState loading={text.loading && !text.data} error={text.error} reload={text.reload}>
                {text.data && <PlanTextView text={text.data.text} sentences={sentences} taskNo={d.no} actionNo={d.action.no} maxHeight={460} />}
              </LoadState>
            </Card>
            <Suspense fallback={null}><TaskSupervisionPanel taskNo={d.no} /></Suspense>
          </>
        )}
      </LoadState>
    </>
  );
}
