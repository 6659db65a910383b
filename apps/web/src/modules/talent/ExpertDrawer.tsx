import { useState } from 'react';
import { App as AntApp, Button, Descriptions, Drawer, Empty, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { domainName } from '../plan/format';
import { bi, dateOnly, one } from '../supervision/shared';
import { useTalentRoles } from './access';
import type { ExpertDetail } from './api';
import { ExpertFormModal } from './ExpertFormModal';
import { COLLABORATION_KINDS, COMMITTEE_ROLES, TERM_STATUSES } from './labels';
import { AccountModal, CollaborationModal, ConflictModal } from './ExpertRecordModals';

/**
 * One expert: what the directory shows everyone, and for overseers and the expert itself the
 * contact, committee terms, declared conflicts and joint work, with the actions the caller may take.
 */
export function ExpertDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const roles = useTalentRoles();
  const detail = useApi<ExpertDetail>(`/api/talent/experts/${id}`);
  const [modal, setModal] = useState<'edit' | 'conflict' | 'collaboration' | 'account' | null>(null);
  const e = detail.data;
  const full = e?.full ? e : undefined;
  const own = !!full && roles.expert && !roles.overseer;
  const canDeclare = roles.taskForce || own;
  const canRecord = roles.editor || own;
  const saved = () => { setModal(null); detail.reload(); onChanged(); };
  const remove = async (path: string) => {
    try { await api.del(path); detail.reload(); } catch (err) { message.error(errorMessage(err)); }
  };

  return (
    <Drawer open width={720} onClose={onClose} destroyOnHidden data-testid="expert-drawer"
      title={e ? <Space>{e.nameZh}<Typography.Text type="secondary">{e.code}</Typography.Text>{e.committeeRole && <Tag color={COMMITTEE_ROLES[e.committeeRole].color}>{bi(lang, COMMITTEE_ROLES[e.committeeRole])}</Tag>}</Space> : <Bi zh="专家" en="Expert" />}
      extra={full && (
        <Space>
          {roles.taskForce && <Button icon={<LinkOutlined />} onClick={() => setModal('account')}><Bi zh="关联账号" en="Account" /></Button>}
          {roles.editor && <Button icon={<EditOutlined />} onClick={() => setModal('edit')} data-testid="expert-edit"><Bi zh="修改" en="Edit" /></Button>}
        </Space>
      )}>
      <LoadState loading={detail.loading && !e} error={detail.error} reload={detail.reload}>
        {e && (
          <>
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label={<Bi zh="职称/职务" en="Title" />}>{e.titleZh ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="所在机构" en="Organisation" />}>{e.organisationZh}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="领域关键词" en="Fields" />} span={2}>{e.fields.map((f) => <Tag key={f}>{f}</Tag>)}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="重点领域" en="Domains" />} span={2}>{e.domains.length ? e.domains.map((d) => domainName(lang, d)).join('、') : '—'}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="可参加评审" en="Available" />}>{e.available ? bi(lang, { zh: '是', en: 'Yes' }) : bi(lang, { zh: '否', en: 'No' })}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="最大评审量" en="Max load" />}>{e.maxLoad ?? '—'}</Descriptions.Item>
              {full && <Descriptions.Item label={<Bi zh="联系方式" en="Contact" />}>{full.contactZh ?? '—'}</Descriptions.Item>}
              {full && <Descriptions.Item label={<Bi zh="登录账号" en="Account" />}>{full.username ?? bi(lang, { zh: '未关联', en: 'Not linked' })}</Descriptions.Item>}
              {full?.profileZh && <Descriptions.Item label={<Bi zh="简介" en="Profile" />} span={2}>{full.profileZh}</Descriptions.Item>}
            </Descriptions>
            {!full && <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{one(lang, { zh: '联系方式、利益冲突与合作成果仅工作专班、责任单位、区县和专家本人可见。', en: 'Contact, conflicts and joint work are shown to overseers and the expert only.' })}</Typography.Paragraph>}
            {full && (
              <>
                <Typography.Title level={5} style={{ marginTop: 20 }}><Bi zh="专家委员会任期" en="Committee terms" /></Typography.Title>
                {full.memberships.length ? (
                  <List size="small" dataSource={full.memberships} renderItem={(m) => (
                    <List.Item><Space><Tag color={COMMITTEE_ROLES[m.role].color}>{bi(lang, COMMITTEE_ROLES[m.role])}</Tag>{m.termStart} — {m.termEnd}<Tag color={TERM_STATUSES[m.status].color}>{bi(lang, TERM_STATUSES[m.status])}</Tag></Space></List.Item>
                  )} />
                ) : <Typography.Text type="secondary">{one(lang, { zh: '不是专家委员会委员', en: 'Not on the committee' })}</Typography.Text>}

                <Space style={{ marginTop: 20, justifyContent: 'space-between', width: '100%' }}>
                  <Typography.Title level={5} style={{ margin: 0 }}><Bi zh="利益冲突申报" en="Declared conflicts" /></Typography.Title>
                  {canDeclare && <Button size="small" icon={<PlusOutlined />} onClick={() => setModal('conflict')} data-testid="expert-declare"><Bi zh="申报" en="Declare" /></Button>}
                </Space>
                {full.conflicts.length ? (
                  <List size="small" dataSource={full.conflicts} renderItem={(c) => (
                    <List.Item actions={canDeclare ? [<Popconfirm key="x" title={bi(lang, { zh: '撤回该申报？', en: 'Withdraw it?' })} onConfirm={() => remove(`/api/talent/experts/${id}/conflicts/${c.id}`)}><Button size="small" type="text" icon={<DeleteOutlined />} /></Popconfirm>] : []}>
                      <List.Item.Meta title={c.organisationNameZh ?? c.personNameZh} description={`${c.noteZh ?? ''} ${dateOnly(c.declaredAt)}`} />
                    </List.Item>
                  )} />
                ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '暂无申报。与申报单位同机构、合作者等回避由系统自动判断；其他关系请在此申报。', en: 'None declared. Same organisation and recorded joint work are checked automatically; declare anything else here.' })} />}

                <Space style={{ marginTop: 20, justifyContent: 'space-between', width: '100%' }}>
                  <Typography.Title level={5} style={{ margin: 0 }}><Bi zh="合作发表与合作项目" en="Joint publications and projects" /></Typography.Title>
                  {canRecord && <Button size="small" icon={<PlusOutlined />} onClick={() => setModal('collaboration')} data-testid="expert-collaboration"><Bi zh="登记" en="Record" /></Button>}
                </Space>
                {full.collaborations.length ? (
                  <List size="small" dataSource={full.collaborations} renderItem={(c) => (
                    <List.Item actions={canRecord ? [<Popconfirm key="x" title={bi(lang, { zh: '删除该记录？', en: 'Remove it?' })} onConfirm={() => remove(`/api/talent/experts/${id}/collaborations/${c.id}`)}><Button size="small" type="text" icon={<DeleteOutlined />} /></Popconfirm>] : []}>
                      <List.Item.Meta title={<Space><Tag>{bi(lang, COLLABORATION_KINDS[c.kind])}</Tag>{c.titleZh}</Space>} description={`${c.organisationNameZh ?? c.personNameZh ?? ''} ${c.year ?? ''} ${c.ref ?? ''}`} />
                    </List.Item>
                  )} />
                ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '暂无记录', en: 'None recorded' })} />}
              </>
            )}
          </>
        )}
      </LoadState>
      {modal === 'edit' && full && <ExpertFormModal expert={full} onClose={() => setModal(null)} onSaved={saved} />}
      {modal === 'conflict' && <ConflictModal expertId={id} onClose={() => setModal(null)} onSaved={saved} />}
      {modal === 'collaboration' && <CollaborationModal expertId={id} onClose={() => setModal(null)} onSaved={saved} />}
      {modal === 'account' && full && <AccountModal expert={full} onClose={() => setModal(null)} onSaved={saved} />}
    </Drawer>
  );
}
