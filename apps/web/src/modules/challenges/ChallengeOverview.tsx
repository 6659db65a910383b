import { Card, Col, Descriptions, Row, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { domainName } from '../plan/format';
import { bi, dateTime } from '../supervision/shared';
import type { ChallengeDetail } from './api';
import { budgetCap } from './ApplicationModel';
import { indicatorText } from './ChallengeModel';
import { COMPARATOR_NAMES, type RubricCriterion } from './labels';
import { Countdown, FieldTags, ModeTag, wan } from './Tags';

/** What a challenge asks for: goals, measurable acceptance indicators, eligibility, mode and funding, how it is reviewed. */
export function ChallengeOverview({ c }: { c: ChallengeDetail }) {
  const lang = useLang();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card className="panel" title={<Bi zh="揭榜目标" en="Goals" />}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="challenge-goals">{c.summaryZh || '—'}</Typography.Paragraph>
          <Typography.Title level={5}><Bi zh="验收指标（可量化）" en="Acceptance indicators" /></Typography.Title>
          <Table size="small" rowKey={(i) => i.id ?? i.nameZh} pagination={false} dataSource={c.indicators} data-testid="challenge-indicators" columns={[
            { title: <Bi zh="指标" en="Indicator" />, dataIndex: 'nameZh' },
            { title: <Bi zh="要求" en="Target" />, key: 'target', render: (_, i) => <span title={bi(lang, COMPARATOR_NAMES[i.comparator])}>{indicatorText({ ...i, nameZh: '' }).trim()}</span> },
            { title: <Bi zh="考核方法" en="Method" />, dataIndex: 'methodZh', render: (x) => x || '—' },
          ]} />
          <Typography.Title level={5} style={{ marginTop: 16 }}><Bi zh="申报条件" en="Eligibility" /></Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.eligibilityZh || '—'}</Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card className="panel" title={<Bi zh="方式与经费" en="Mode and funding" />}>
          <Descriptions size="small" column={1} items={[
            { key: 'mode', label: <Bi zh="方式" en="Mode" />, children: <ModeTag mode={c.mode} /> },
            { key: 'funding', label: <Bi zh="支持经费" en="Funding" />, children: wan(c.fundingWan) },
            { key: 'teams', label: <Bi zh="资助团队数" en="Teams funded" />, children: c.maxTeams },
            { key: 'cap', label: <Bi zh="每个团队申请上限" en="Most one team may ask" />, children: wan(budgetCap(c)) },
            { key: 'duration', label: <Bi zh="实施期" en="Duration" />, children: bi(lang, { zh: `${c.durationMonths} 个月`, en: `${c.durationMonths} months` }) },
            { key: 'deadline', label: <Bi zh="申报截止" en="Deadline" />, children: <Countdown deadline={c.deadline} testId="challenge-countdown" /> },
            { key: 'members', label: <Bi zh="联合体成员上限" en="Most consortium members" />, children: bi(lang, { zh: `${c.maxMembers} 家（不含牵头单位）`, en: `${c.maxMembers} besides the lead` }) },
            { key: 'user', label: <Bi zh="须有应用企业" en="User enterprise required" />, children: c.requiresUserEnterprise ? <Tag color="orange">{bi(lang, { zh: '是', en: 'Yes' })}</Tag> : bi(lang, { zh: '否', en: 'No' }) },
            { key: 'fields', label: <Bi zh="领域关键词" en="Fields" />, children: <FieldTags fields={c.fields} /> },
            { key: 'domain', label: <Bi zh="领域" en="Domain" />, children: c.domain ? domainName(lang, c.domain) : '—' },
            { key: 'review', label: <Bi zh="评审方式" en="Review" />, children: bi(lang, c.blind ? { zh: `双盲评审，公示 ${c.noticeDays} 天`, en: `Blind review, ${c.noticeDays}-day notice` } : { zh: `公开评审，公示 ${c.noticeDays} 天`, en: `Open review, ${c.noticeDays}-day notice` }) },
            { key: 'organiser', label: <Bi zh="发榜单位" en="Organiser" />, children: c.organiserNameZh ?? '—' },
            { key: 'published', label: <Bi zh="发布时间" en="Published" />, children: dateTime(c.publishedAt) },
            ...(c.needId ? [{ key: 'need', label: <Bi zh="来源需求" en="From the need" />, children: <Link to={`/challenges/needs/${c.needId}`}>{bi(lang, { zh: '查看目录需求', en: 'Open the catalog need' })}</Link> }] : []),
          ]} />
        </Card>
        <Card className="panel section" title={<Bi zh="评分细则" en="Scoring rubric" />}>
          <RubricTable rubric={c.rubric} />
        </Card>
      </Col>
    </Row>
  );
}

export function RubricTable({ rubric }: { rubric: RubricCriterion[] }) {
  const lang = useLang();
  return (
    <Table size="small" rowKey="key" pagination={false} dataSource={rubric} columns={[
      { title: <Bi zh="评分项" en="Criterion" />, key: 'name', render: (_, r) => (lang === 'zh' ? r.nameZh : r.nameEn || r.nameZh) },
      { title: <Bi zh="权重" en="Weight" />, dataIndex: 'weight', width: 80, align: 'right' },
      { title: <Bi zh="满分" en="Max" />, dataIndex: 'max', width: 80, align: 'right' },
    ]} />
  );
}
