import { useState } from 'react';
import { App as AntApp, Button, Card, Col, Descriptions, Empty, Popconfirm, Row, Space, Table, Tag } from 'antd';
import { AlertOutlined, EditOutlined, LinkOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, errorMessage } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { LabelTag } from '../pilot/BaseTags';
import { bi, one } from '../supervision/shared';
import { useIpRoles } from './access';
import type { IpLink, IpRightDetail } from './api';
import { IpFormModal } from './IpFormModal';
import { GRANTED_ON, IP_KINDS, IP_SUBTYPES, LINK_KINDS, REPORT_STATUSES, statusLabel } from './labels';
import { LinkModal } from './LinkModal';
import { ReportFormModal } from './ReportFormModal';

/** Where a link leads in the web app, when the target has a page. */
const linkPath = (l: IpLink) => ({
  organisation: `/ip?holder=${l.targetId}`, enterprise: `/industry/enterprises/${l.targetId}`, achievement: `/pilot/achievements/${l.targetId}`,
  platform: `/innovation/platforms/${l.targetId}`, challenge: `/challenges/${l.targetId}`, award: null,
} as Record<string, string | null>)[l.targetKind];

/** One right: holders, dates, links; its holders edit and link it; anyone signed in reports an infringement of it. */
export default function IpRightPage() {
  const { id } = useParams();
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const { signedIn, taskForce } = useIpRoles();
  const r = useApi<IpRightDetail>(`/api/ip/${id}`);
  const [modal, setModal] = useState<'edit' | 'link' | 'report' | null>(null);
  const d = r.data;

  const unlink = async (l: IpLink) => {
    try {
      await api.del(`/api/ip/${id}/links/${l.targetKind}/${l.targetId}`);
      r.reload();
    } catch (e) { message.error(errorMessage(e)); }
  };

  return (
    <LoadState loading={r.loading && !d} error={r.error} reload={r.reload}>
      {d && (
        <>
          <PageHeader title={{ zh: d.titleZh, en: d.titleEn ?? d.titleZh }}
            tags={<Space size={4}><LabelTag label={IP_KINDS[d.kind]} />{d.subtype && <Tag>{one(lang, IP_SUBTYPES[d.kind]?.[d.subtype] ?? { zh: d.subtype, en: d.subtype })}</Tag>}<LabelTag label={statusLabel(d.kind, d.status)} /><Tag className="mono">{d.number}</Tag></Space>}
            description={d.abstractZh}
            extra={
              <Space wrap>
                {d.may.edit && <Button icon={<EditOutlined />} onClick={() => setModal('edit')} data-testid="ip-right-edit"><Bi zh="修改" en="Edit" /></Button>}
                {d.may.link && <Button icon={<LinkOutlined />} onClick={() => setModal('link')} data-testid="ip-right-link-add"><Bi zh="添加关联" en="Link" /></Button>}
                {signedIn && <Button danger icon={<AlertOutlined />} onClick={() => setModal('report')} data-testid="ip-right-report"><Bi zh="举报侵权" en="Report an infringement" /></Button>}
              </Space>
            } />
          <Row gutter={16}>
            <Col xs={24} lg={d.reports ? 16 : 24}>
              <Card className="panel" title={<Bi zh="基本信息" en="Details" />}>
                <Descriptions column={1} size="small" bordered>
                  <Descriptions.Item label={<Bi zh="权利人" en="Holders" />}>
                    <Space wrap>{d.holders.map((h) => <Link key={h.id} to={`/ip?holder=${h.id}`}>{h.nameZh}</Link>)}</Space>
                  </Descriptions.Item>
                  <Descriptions.Item label={<Bi zh="发明人/作者" en="Inventors / authors" />}>{d.inventors.join('、') || '—'}</Descriptions.Item>
                  <Descriptions.Item label={<Bi zh="申请日" en="Filed on" />}>{d.filedOn ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={<Bi zh={GRANTED_ON[d.kind].zh} en={GRANTED_ON[d.kind].en} />}>{d.grantedOn ?? '—'}</Descriptions.Item>
                </Descriptions>
              </Card>
            </Col>
            {d.reports && (
              <Col xs={24} lg={8}>
                <Card className="panel" title={<Bi zh="侵权举报" en="Infringement reports" />}>
                  {d.reports.length
                    ? <Space direction="vertical">{d.reports.map((x) => <span key={x.status}><LabelTag label={REPORT_STATUSES[x.status]} /> {x.n}</span>)}
                        <Button type="link" style={{ paddingLeft: 0 }} onClick={() => navigate(`/ip/reports?ipRightId=${d.id}`)}><Bi zh="查看举报" en="See the reports" /></Button></Space>
                    : <Empty description={bi(lang, { zh: '没有涉及此权利的举报', en: 'No reports about this right' })} />}
                </Card>
              </Col>
            )}
          </Row>
          <Card className="panel" title={<Bi zh="关联" en="Links" />}>
            <Table<IpLink> rowKey={(l) => `${l.targetKind}:${l.targetId}`} size="small" dataSource={d.links} pagination={false} data-testid="ip-right-links"
              locale={{ emptyText: <Empty description={d.may.link ? bi(lang, { zh: '尚无关联 — 可关联本机构的企业、科技成果或依托的创新平台', en: 'No links yet: link your enterprise, achievements or a platform you host' }) : bi(lang, { zh: '尚无关联', en: 'No links' })} /> }}
              columns={[
                { title: <Bi zh="类型" en="Kind" />, dataIndex: 'targetKind', width: 140, render: (k: string) => one(lang, LINK_KINDS[k]) },
                { title: <Bi zh="对象" en="Target" />, key: 'name', render: (_, l) => {
                  const text = l.nameZh ? `${l.code ? `${l.code} ` : ''}${l.nameZh}` : bi(lang, { zh: '（未公开）', en: '(not public)' });
                  const to = linkPath(l);
                  return to && l.nameZh ? <Link to={to}>{text}</Link> : text;
                } },
                ...(d.may.link ? [{ title: '', key: 'act', width: 100, render: (_: unknown, l: IpLink) => ((taskForce || !['challenge', 'award'].includes(l.targetKind)) && (
                  <Popconfirm title={bi(lang, { zh: '取消此关联？', en: 'Remove this link?' })} onConfirm={() => unlink(l)}>
                    <Button size="small" type="link" danger><Bi zh="取消关联" en="Unlink" /></Button>
                  </Popconfirm>
                )) }] : []),
              ]} />
          </Card>
          {modal === 'edit' && <IpFormModal right={d} onClose={() => setModal(null)} onSaved={() => { setModal(null); r.reload(); }} />}
          {modal === 'link' && <LinkModal rightId={d.id} onClose={() => setModal(null)} onDone={() => { setModal(null); r.reload(); }} />}
          {modal === 'report' && <ReportFormModal right={d} onClose={() => setModal(null)} onDone={(x) => { setModal(null); navigate(`/ip/reports/${x.id}`); }} />}
        </>
      )}
    </LoadState>
  );
}
