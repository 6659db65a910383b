import { useState } from 'react';
import { Button, Card, Col, Empty, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi, one } from '../supervision/shared';
import { useTalentRoles } from './access';
import type { Committee, Consultation, MemberTerm, Page, Roster } from './api';
import { ConsultationModal, MemberModal, RenewModal } from './CommitteeModals';
import { COMMITTEE_ROLES, CONSULTATION_KINDS, options, ROLE_ORDER, TERM_STATUSES } from './labels';

interface Member { role: string; nameZh: string; titleZh: string | null; organisationZh: string; fields: string[]; termStart?: string; termEnd?: string }

/** The current members grouped by role, chair first; terms shown where the reader may see them. */
function RosterCards({ members }: { members: Member[] }) {
  const lang = useLang();
  if (!members.length) return <Empty description={bi(lang, { zh: '暂无在任委员', en: 'No current member' })} />;
  return (
    <>
      {ROLE_ORDER.map((role) => {
        const ms = members.filter((m) => m.role === role);
        if (!ms.length) return null;
        return (
          <div key={role} style={{ marginBottom: 16 }}>
            <Typography.Title level={5}><Bi zh={COMMITTEE_ROLES[role].zh} en={COMMITTEE_ROLES[role].en} /> <Typography.Text type="secondary">{ms.length}</Typography.Text></Typography.Title>
            <Row gutter={[12, 12]}>
              {ms.map((m, i) => (
                <Col key={`${m.nameZh}-${i}`} xs={24} sm={12} lg={8}>
                  <Card size="small" data-testid="committee-member">
                    <Typography.Text strong>{m.nameZh}</Typography.Text> <Typography.Text type="secondary">{m.titleZh}</Typography.Text>
                    <div>{m.organisationZh}</div>
                    <div>{m.fields.slice(0, 4).map((f) => <Tag key={f}>{f}</Tag>)}</div>
                    {m.termStart && <Typography.Text type="secondary">{one(lang, { zh: '任期', en: 'Term' })} {m.termStart} — {m.termEnd}</Typography.Text>}
                  </Card>
                </Col>
              ))}
            </Row>
          </div>
        );
      })}
    </>
  );
}

function Consultations({ canRecord }: { canRecord: boolean }) {
  const lang = useLang();
  const [kind, setKind] = useState<string>();
  const [recording, setRecording] = useState(false);
  const list = useApi<Page<Consultation>>(`/api/talent/committee/consultations${qs({ kind, limit: 200 })}`);
  return (
    <Card className="panel" title={<Bi zh="咨询记录" en="Consultation records" />}
      extra={<Space>
        <Select allowClear value={kind} onChange={setKind} style={{ width: 180 }} placeholder={bi(lang, { zh: '咨询类型', en: 'Kind' })} options={options(CONSULTATION_KINDS, (l) => bi(lang, l))} />
        {canRecord && <Button icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="consultation-new"><Bi zh="记录咨询" en="Record" /></Button>}
      </Space>}>
      <LoadState loading={list.loading && !list.data} error={list.error} reload={list.reload}>
        <Table<Consultation> rowKey="id" size="small" dataSource={list.data?.items ?? []} pagination={false} data-testid="consultation-table"
          locale={{ emptyText: <Empty description={bi(lang, canRecord ? { zh: '暂无咨询记录。专家委员会提供决策或项目咨询后，请在此记录。', en: 'No record yet. Record each piece of decision or project advice here.' } : { zh: '暂无咨询记录', en: 'No record yet' })} /> }}
          expandable={{ expandedRowRender: (c) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.adviceZh}</Typography.Paragraph> }}
          columns={[
            { title: <Bi zh="编号" en="Code" />, dataIndex: 'code', width: 130 },
            { title: <Bi zh="日期" en="Date" />, dataIndex: 'heldOn', width: 110 },
            { title: <Bi zh="类型" en="Kind" />, dataIndex: 'kind', width: 120, render: (k) => <Tag color={CONSULTATION_KINDS[k].color}>{bi(lang, CONSULTATION_KINDS[k])}</Tag> },
            { title: <Bi zh="咨询事项" en="Subject" />, dataIndex: 'subjectZh' },
            { title: <Bi zh="参加专家" en="Experts" />, dataIndex: 'experts', render: (es: Consultation['experts']) => es.map((e) => e.nameZh).join('、') },
            { title: <Bi zh="任务" en="Task" />, dataIndex: 'taskNo', width: 70, render: (n) => n ?? '—' },
          ]} />
      </LoadState>
      {recording && <ConsultationModal onClose={() => setRecording(false)} onSaved={() => { setRecording(false); list.reload(); }} />}
    </Card>
  );
}

/**
 * 重庆市生物制造产业专家委员会: visitors see the current roster (name, title, organisation,
 * fields); the directory's readers see every term and the consultation records; the task force
 * appoints, renews and records.
 */
export default function CommitteePage() {
  const lang = useLang();
  const roles = useTalentRoles();
  const roster = useApi<Roster>(roles.directory ? null : '/api/talent/committee/roster');
  const committee = useApi<Committee>(roles.directory ? '/api/talent/committee' : null);
  const [modal, setModal] = useState<{ kind: 'member' } | { kind: 'renew'; term: MemberTerm } | null>(null);
  const data = committee.data ?? roster.data;
  const saved = () => { setModal(null); committee.reload(); };

  return (
    <>
      <PageHeader title={{ zh: '专家委员会', en: 'Expert committee' }}
        description={data ? `${data.nameZh} · ${data.mandateZh ?? ''}` : undefined}
        extra={roles.taskForce && <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ kind: 'member' })} data-testid="member-new"><Bi zh="聘任委员" en="Appoint" /></Button>} />
      <section className="section">
        <Card className="panel" title={<Bi zh={`在任委员（${data?.asOf ?? ''}）`} en="Current members" />}>
          <LoadState loading={(committee.loading || roster.loading) && !data} error={committee.error ?? roster.error}>
            <RosterCards members={committee.data?.current ?? roster.data?.members ?? []} />
          </LoadState>
        </Card>
      </section>
      {committee.data && (
        <section className="section">
          <Card className="panel" title={<Bi zh="全部任期" en="All terms" />}>
            <Table<MemberTerm> rowKey="id" size="small" dataSource={committee.data.terms} pagination={{ pageSize: 20 }} data-testid="term-table"
              columns={[
                { title: <Bi zh="姓名" en="Name" />, dataIndex: 'nameZh' },
                { title: <Bi zh="职务" en="Role" />, dataIndex: 'role', render: (r) => <Tag color={COMMITTEE_ROLES[r].color}>{bi(lang, COMMITTEE_ROLES[r])}</Tag> },
                { title: <Bi zh="任期" en="Term" />, render: (_, t) => `${t.termStart} — ${t.termEnd}` },
                { title: <Bi zh="状态" en="Status" />, dataIndex: 'status', render: (s) => <Tag color={TERM_STATUSES[s].color}>{bi(lang, TERM_STATUSES[s])}</Tag> },
                ...(roles.taskForce ? [{
                  title: '', key: 'renew', width: 100,
                  render: (_: unknown, t: MemberTerm) => (committee.data!.terms.some((o) => o.expertId === t.expertId && o.termStart > t.termStart)
                    ? null : <Button size="small" onClick={() => setModal({ kind: 'renew', term: t })}><Bi zh="续聘" en="Renew" /></Button>),
                }] : []),
              ]} />
          </Card>
        </section>
      )}
      {roles.directory && <section className="section"><Consultations canRecord={roles.taskForce} /></section>}
      {modal?.kind === 'member' && <MemberModal onClose={() => setModal(null)} onSaved={saved} />}
      {modal?.kind === 'renew' && <RenewModal term={modal.term} onClose={() => setModal(null)} onSaved={saved} />}
    </>
  );
}
