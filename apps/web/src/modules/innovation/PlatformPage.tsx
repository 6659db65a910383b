import { useState } from 'react';
import { App as AntApp, Button, Card, Col, Descriptions, Empty, Popconfirm, Row, Space, Statistic, Table, Tag } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api, errorMessage } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { DomainTags } from '../plan/DomainTags';
import { LabelTag } from '../pilot/BaseTags';
import { IP_KINDS, statusLabel } from '../ip/labels';
import { bi } from '../supervision/shared';
import type { Instrument, PlatformDetail } from './api';
import { InstrumentModal } from './InstrumentModal';
import { PLATFORM_KINDS, PLATFORM_LEVELS, PLATFORM_STATUSES } from './labels';
import { PlatformFormModal } from './PlatformFormModal';

/** One platform: recognition, hosts, shared instruments (kept by its hosts) and its results from 0 to 1 (rights in force linked to it). */
export default function PlatformPage() {
  const { id } = useParams();
  const lang = useLang();
  const { message } = AntApp.useApp();
  const p = useApi<PlatformDetail>(`/api/innovation/platforms/${id}`);
  const [editing, setEditing] = useState(false);
  const [instrument, setInstrument] = useState<Instrument | 'new' | null>(null);
  const d = p.data;

  const remove = async (i: Instrument) => {
    try {
      await api.del(`/api/innovation/platforms/${id}/instruments/${i.id}`);
      message.success(bi(lang, { zh: '已删除', en: 'Removed' }));
      p.reload();
    } catch (e) { message.error(errorMessage(e)); }
  };

  return (
    <LoadState loading={p.loading && !d} error={p.error} reload={p.reload}>
      {d && (
        <>
          <PageHeader title={{ zh: d.nameZh, en: d.nameEn ?? d.nameZh }}
            tags={<Space size={4}><Tag className="mono">{d.code}</Tag><LabelTag label={PLATFORM_KINDS[d.kind]} /><LabelTag label={PLATFORM_LEVELS[d.level]} /><LabelTag label={PLATFORM_STATUSES[d.status]} />
              {d.countsTowardTarget && <Tag color="green"><Bi zh="计入高能级平台目标" en="Counts toward the target" /></Tag>}</Space>}
            description={d.summaryZh}
            extra={d.may.edit && <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="innovation-platform-edit"><Bi zh="修改" en="Edit" /></Button>} />
          <Row gutter={16}>
            <Col xs={24} lg={16}>
              <Card className="panel" title={<Bi zh="基本信息" en="Profile" />}>
                <Descriptions column={1} size="small" bordered>
                  <Descriptions.Item label={<Bi zh="依托单位" en="Hosts" />}>
                    {d.hosts.length ? <Space wrap>{d.hosts.map((h) => <Link key={h.id} to={`/ip?holder=${h.id}`}>{h.nameZh}</Link>)}</Space>
                      : bi(lang, { zh: '待工作专班补录', en: 'To be recorded by the task force' })}
                  </Descriptions.Item>
                  <Descriptions.Item label={<Bi zh="认定" en="Recognition" />}>{d.recognisedOn ? `${d.recognisedOn} · ${d.recognisedByZh ?? ''}` : '—'}</Descriptions.Item>
                  <Descriptions.Item label={<Bi zh="技术方向" en="Fields" />}>{d.fields.join('、') || '—'}</Descriptions.Item>
                  <Descriptions.Item label={<Bi zh="产业领域" en="Domains" />}>{d.domains.length ? <DomainTags domains={d.domains} /> : '—'}</Descriptions.Item>
                  <Descriptions.Item label={<Bi zh="区县" en="District" />}>{d.districtNameZh ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={<Bi zh="联系方式" en="Contact" />}>{d.contactZh ?? '—'}</Descriptions.Item>
                  {d.sourceZh && <Descriptions.Item label={<Bi zh="来源" en="Source" />}>{d.sourceZh}</Descriptions.Item>}
                </Descriptions>
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card className="panel" title={<Bi zh="“从0到1”成果" en="Results from 0 to 1" />}>
                <Statistic value={d.zeroToOne.total} data-testid="innovation-platform-results" />
                <div className="cell-sub">{bi(lang, { zh: `已授权/发布/登记的知识产权 ${d.zeroToOne.ip} 项 · 揭榜挂帅成果 ${d.zeroToOne.outputs} 项`, en: `${d.zeroToOne.ip} rights in force · ${d.zeroToOne.outputs} challenge outputs` })}</div>
                <Button type="link" style={{ paddingLeft: 0 }}><Link to={`/ip?platformId=${d.id}`}><Bi zh="查看关联知识产权" en="See the linked IP" /></Link></Button>
              </Card>
            </Col>
          </Row>
          <Card className="panel" title={<Bi zh="共享仪器" en="Shared instruments" />}
            extra={d.may.edit && <Button icon={<PlusOutlined />} onClick={() => setInstrument('new')} data-testid="innovation-instrument-add"><Bi zh="新增仪器" en="Add" /></Button>}>
            <Table<Instrument> rowKey="id" size="small" dataSource={d.instruments} pagination={false} data-testid="innovation-instruments"
              locale={{ emptyText: <Empty description={d.may.edit ? bi(lang, { zh: '尚未登记共享仪器 — 点击“新增仪器”', en: 'No instruments yet: add one' }) : bi(lang, { zh: '平台尚未登记共享仪器', en: 'No shared instruments recorded' })} /> }}
              columns={[
                { title: <Bi zh="名称" en="Name" />, dataIndex: 'nameZh' },
                { title: <Bi zh="型号" en="Model" />, dataIndex: 'model', render: (m) => m ?? '—' },
                { title: <Bi zh="原值（万元）" en="Value (10k yuan)" />, dataIndex: 'valueWan', align: 'right', render: (v) => v ?? '—' },
                { title: <Bi zh="对外共享" en="Shared" />, dataIndex: 'openToShare', render: (o: boolean) => (o ? <Tag color="green">{bi(lang, { zh: '开放', en: 'Open' })}</Tag> : <Tag>{bi(lang, { zh: '不开放', en: 'Not open' })}</Tag>) },
                { title: <Bi zh="预约联系" en="Booking" />, dataIndex: 'bookingContactZh', render: (c) => c ?? '—' },
                ...(d.may.edit ? [{ title: '', key: 'act', width: 140, render: (_: unknown, i: Instrument) => (
                  <Space>
                    <Button size="small" type="link" onClick={() => setInstrument(i)}><Bi zh="修改" en="Edit" /></Button>
                    <Popconfirm title={bi(lang, { zh: '删除此仪器？', en: 'Remove this instrument?' })} onConfirm={() => remove(i)}>
                      <Button size="small" type="link" danger><Bi zh="删除" en="Remove" /></Button>
                    </Popconfirm>
                  </Space>
                ) }] : []),
              ]} />
          </Card>
          <Card className="panel" title={<Bi zh="关联的知识产权（已授权、已发布、已登记）" en="Linked IP rights in force" />}>
            <Table<PlatformDetail['results']['rights'][number]> rowKey="id" size="small" dataSource={d.results.rights} pagination={false} data-testid="innovation-platform-rights"
              locale={{ emptyText: <Empty description={bi(lang, { zh: '尚无关联的知识产权；权利人可在知识产权页面把权利关联到本平台', en: 'No linked rights yet; a holder links a right to this platform on its IP page' })} /> }}
              columns={[
                { title: <Bi zh="类型" en="Kind" />, dataIndex: 'kind', render: (k: string) => <LabelTag label={IP_KINDS[k]} /> },
                { title: <Bi zh="编号" en="Number" />, dataIndex: 'number', render: (n: string, r) => <Link to={`/ip/${r.id}`} className="mono">{n}</Link> },
                { title: <Bi zh="名称" en="Title" />, dataIndex: 'titleZh' },
                { title: <Bi zh="状态" en="Status" />, key: 'status', render: (_: unknown, r) => <LabelTag label={statusLabel(r.kind, r.status)} /> },
                { title: <Bi zh="授权/发布日" en="In force since" />, dataIndex: 'grantedOn' },
              ]} />
          </Card>
          {editing && <PlatformFormModal platform={d} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); p.reload(); }} />}
          {instrument && <InstrumentModal platformId={d.id} instrument={instrument === 'new' ? undefined : instrument} onClose={() => setInstrument(null)} onSaved={() => { setInstrument(null); p.reload(); }} />}
        </>
      )}
    </LoadState>
  );
}
