import { Alert, App as AntApp, Breadcrumb, Button, Card, Descriptions, Drawer, Empty, List, Result, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api, ApiError, errorMessage } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { PageHeader } from '../../../app/PageHeader';
import { useLang } from '../../../app/i18n';
import { useApi } from '../../../app/useApi';
import { DomainTags } from '../../plan/DomainTags';
import { bi, dateOnly, dateTime, one } from '../../supervision/shared';
import { useCatalogRoles } from './access';
import { NEEDS, type Indicator, type Need, type NeedDetail } from './api';
import { CHALLENGE_STATUSES, MODES } from './labels';
import { NeedForm } from './NeedForm';
import { NeedFieldTag, NeedStatusTag } from './NeedTags';
import { NeedDecisions } from './ReviewActions';

/**
 * 技术需求详情: the need as the caller may read it (the raiser and organisers: everything with
 * the contact and the review; anyone else: as the last published edition shows it), its target
 * indicators, the editions holding it and the challenges posted from it; the actions its `may` opens.
 */
export default function NeedPage() {
  const { id } = useParams<{ id: string }>();
  const lang = useLang();
  const { message } = AntApp.useApp();
  const { user, taskForce } = useCatalogRoles();
  const [params, setParams] = useSearchParams();
  const need = useApi<NeedDetail>(`${NEEDS}/${id}`);
  const n = need.data;
  const editing = params.get('edit') === '1' && !!n?.may.edit;
  const raiser = !!n && (taskForce || (!!user?.organisationId && user.organisationId === n.organisationId));

  if (need.error instanceof ApiError && (need.error.status === 404 || need.error.status === 400)) {
    return <Result status="404" title={bi(lang, { zh: '技术需求不存在或尚未发布', en: 'Need not found or not yet published' })} subTitle={need.error.message}
      extra={<Link to="/challenges/needs"><Button type="primary"><Bi zh="返回需求目录" en="Back to the catalog" /></Button></Link>} />;
  }

  const submit = async () => {
    try {
      await api.post<Need>(`${NEEDS}/${id}/submit`);
      message.success(bi(lang, { zh: '已提交审核', en: 'Submitted for review' }));
      need.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[
        { title: <Link to="/challenges"><Bi zh="揭榜挂帅" en="Challenges" /></Link> },
        { title: <Link to="/challenges/needs"><Bi zh="技术需求目录" en="Need catalog" /></Link> },
        { title: n?.code ?? '…' },
      ]} />
      <LoadState loading={need.loading && !n} error={need.error} reload={need.reload} rows={10}>
        {n && (
          <>
            <PageHeader title={{ zh: n.titleZh, en: n.code }}
              tags={<Space size={[6, 6]} wrap><span className="mono">{n.code}</span><NeedStatusTag status={n.status} /><NeedFieldTag field={n.field} other={n.fieldOtherZh} /><DomainTags domains={[n.domain]} /></Space>}
              extra={(
                <Space wrap>
                  {n.may.edit && <Button icon={<EditOutlined />} onClick={() => setParams({ edit: '1' })} data-testid="need-edit"><Bi zh={n.status === 'accepted' ? '修订' : '修改'} en={n.status === 'accepted' ? 'Revise' : 'Edit'} /></Button>}
                  {n.may.submit && <Button type="primary" icon={<SendOutlined />} onClick={submit} data-testid="need-submit"><Bi zh="提交审核" en="Submit" /></Button>}
                  <NeedDecisions need={n} raiser={raiser} onDone={need.reload} />
                </Space>
              )} />
            {n.status === 'returned' && n.reviewNoteZh && (
              <Alert type="error" showIcon className="panel-alert" data-testid="need-returned-note"
                title={<>{bi(lang, { zh: '退回理由', en: 'Returned' })}：{n.reviewNoteZh}</>} description={bi(lang, { zh: '修改后可重新提交审核', en: 'Edit it and submit again' })} />
            )}
            {n.status === 'withdrawn' && n.withdrawnNoteZh && <Alert type="info" showIcon className="panel-alert" title={<>{bi(lang, { zh: '撤回说明', en: 'Withdrawn' })}：{n.withdrawnNoteZh}</>} />}
            {n.status === undefined && (
              <Alert type="info" showIcon className="panel-alert" title={bi(lang, { zh: '以下为该需求在最新发布的需求目录中的内容', en: 'As the latest published edition of the catalog shows it' })} />
            )}
            <Card className="panel" title={<Bi zh="需求内容" en="The need" />}>
              <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
                <Descriptions.Item label={<Bi zh="提出单位" en="Raised by" />}>{n.organisationNameZh}</Descriptions.Item>
                <Descriptions.Item label={<Bi zh="建议组织方式" en="Suggested mode" />}>{n.suggestedMode ? one(lang, MODES[n.suggestedMode]) : '—'}</Descriptions.Item>
                <Descriptions.Item label={<Bi zh="建议经费" en="Suggested funding" />}>{n.fundingWan == null ? '—' : `${n.fundingWan} ${lang === 'zh' ? '万元' : '× 10k yuan'}`}</Descriptions.Item>
                {n.acceptedAt && <Descriptions.Item label={<Bi zh="入库时间" en="Accepted" />}>{dateOnly(n.acceptedAt)}</Descriptions.Item>}
                <Descriptions.Item label={<Bi zh="「卡脖子」问题" en="The problem" />} span={2}><Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-line' }}>{n.problemZh}</Typography.Paragraph></Descriptions.Item>
                <Descriptions.Item label={<Bi zh="国内外现状" en="Current level" />} span={2}><Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-line' }}>{n.currentLevelZh}</Typography.Paragraph></Descriptions.Item>
                <Descriptions.Item label={<Bi zh="预期成果" en="Expected outcome" />} span={2}><Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-line' }}>{n.expectedOutcomeZh}</Typography.Paragraph></Descriptions.Item>
              </Descriptions>
              <Typography.Title level={5} style={{ marginTop: 20 }}><Bi zh="目标指标" en="Target indicators" /></Typography.Title>
              <Table<Indicator> size="small" rowKey="nameZh" pagination={false} dataSource={n.indicators} data-testid="need-indicators" columns={[
                { title: <Bi zh="指标" en="Indicator" />, dataIndex: 'nameZh' },
                { title: <Bi zh="目标值" en="Target" />, dataIndex: 'targetValue', width: 140, align: 'right' },
                { title: <Bi zh="单位" en="Unit" />, dataIndex: 'unit', width: 140, render: (u: string) => u || '—' },
              ]} />
            </Card>
            {n.contactNameZh !== undefined && (
              <Card className="panel section" size="small" title={<Bi zh="联系人（不公开）与审核" en="Contact (not public) and review" />} data-testid="need-contact">
                <Descriptions column={{ xs: 1, md: 3 }} size="small">
                  <Descriptions.Item label={<Bi zh="联系人" en="Contact" />}>{n.contactNameZh}</Descriptions.Item>
                  <Descriptions.Item label={<Bi zh="电话" en="Phone" />}>{n.contactPhone ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={<Bi zh="邮箱" en="E-mail" />}>{n.contactEmail ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={<Bi zh="提交时间" en="Submitted" />}>{dateTime(n.submittedAt)}</Descriptions.Item>
                  <Descriptions.Item label={<Bi zh="审核时间" en="Reviewed" />}>{dateTime(n.reviewedAt)}</Descriptions.Item>
                  <Descriptions.Item label={<Bi zh="审核意见" en="Review note" />}>{n.reviewNoteZh ?? '—'}</Descriptions.Item>
                </Descriptions>
              </Card>
            )}
            <Card className="panel section" size="small" title={<Bi zh="据此发布的榜单" en="Challenges posted from this need" />}>
              {n.challenges.length ? (
                <List size="small" dataSource={n.challenges} data-testid="need-challenges" renderItem={(c) => (
                  <List.Item extra={<Tag>{CHALLENGE_STATUSES[c.status] ? one(lang, CHALLENGE_STATUSES[c.status]) : c.status}</Tag>}>
                    <Link to={`/challenges/${c.id}`}><span className="mono">{c.code}</span> {c.titleZh}</Link>
                    <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{MODES[c.mode] ? one(lang, MODES[c.mode]) : c.mode} · {c.fundingWan} {lang === 'zh' ? '万元' : '× 10k yuan'}</Typography.Text>
                  </List.Item>
                )} />
              ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '尚未据此需求发布榜单；主管部门可在「揭榜挂帅」中从该需求新建榜单', en: 'No challenge yet; organisers can post one from this need under Challenges' })} />}
            </Card>
            <Card className="panel section" size="small" title={<Bi zh="收录版次" en="In editions" />}>
              {n.editions.length ? (
                <Space wrap>{n.editions.map((e) => <Link key={e.id} to={`/challenges/needs?edition=${e.id}`}><Tag color={e.status === 'draft' ? 'warning' : 'blue'}>{e.titleZh}</Tag></Link>)}</Space>
              ) : <Typography.Text type="secondary">{bi(lang, { zh: '尚未收录于任何版次', en: 'In no edition yet' })}</Typography.Text>}
            </Card>
            <Drawer open={editing} width={880} destroyOnHidden onClose={() => setParams({})} title={<Bi zh={`修改 ${n.code}`} en={`Edit ${n.code}`} />}>
              <NeedForm need={n} onDone={() => { setParams({}); need.reload(); }} onCancel={() => setParams({})} />
            </Drawer>
          </>
        )}
      </LoadState>
    </>
  );
}
