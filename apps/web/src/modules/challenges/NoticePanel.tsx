import { useState } from 'react';
import { Alert, App as AntApp, Button, Descriptions, Empty, Form, Input, Modal, Popconfirm, Radio, Select, Space, Table, Typography } from 'antd';
import { CheckOutlined, MessageOutlined } from '@ant-design/icons';
import { api, ApiError, errorMessage } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi, dateTime } from '../supervision/shared';
import { useChallengeRoles } from './access';
import type { ChallengeDetail, Notice, Objection, Page } from './api';
import { OBJECTION_STATUSES } from './labels';
import { NameTag, wan } from './Tags';

/**
 * 立项公示: the proposed awardees with their shares, rank and score, the period and how to object;
 * anyone signed in objects while it runs; the runners answer each objection (upheld withdraws the
 * proposal) and, after the period with nothing pending, confirm the awards.
 */
export function NoticePanel({ c, runs, onChanged }: { c: ChallengeDetail; runs: boolean; onChanged: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const { signedIn } = useChallengeRoles();
  const notice = useApi<Notice>(`/api/challenges/${c.id}/notice`);
  const objections = useApi<Page<Objection>>(signedIn ? `/api/challenges/${c.id}/objections` : null);
  const [objecting, setObjecting] = useState(false);
  const [deciding, setDeciding] = useState<Objection | null>(null);
  const [busy, setBusy] = useState(false);
  const n = notice.data;
  const reload = () => { notice.reload(); objections.reload(); onChanged(); };

  if (notice.error instanceof ApiError && notice.error.status === 404) {
    return <Empty description={bi(lang, { zh: '尚未公示。评审结束后，组织单位按排名提出拟立项并公示。', en: 'No notice yet. After the review the organisers propose awardees from the ranking and publish the notice.' })} />;
  }
  const pending = n?.objections.pending ?? 0;
  const confirm = async () => {
    setBusy(true);
    try {
      await api.post(`/api/challenges/${c.id}/notice/confirm`);
      message.success(bi(lang, { zh: '已确认立项', en: 'Awards confirmed' }));
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <LoadState loading={notice.loading && !n} error={notice.error} reload={notice.reload}>
      {n && (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
            { key: 'period', label: <Bi zh="公示期" en="Period" />, children: `${dateTime(n.notice.startsAt)} — ${dateTime(n.notice.endsAt)}` },
            { key: 'state', label: <Bi zh="状态" en="State" />, children: n.notice.status === 'confirmed' ? bi(lang, { zh: '已确认立项', en: 'Confirmed' }) : n.notice.open ? bi(lang, { zh: '公示中', en: 'Running' }) : bi(lang, { zh: '公示期已满', en: 'Period ended' }) },
            { key: 'objections', label: <Bi zh="异议" en="Objections" />, children: Object.entries(n.objections).map(([k, v]) => `${bi(lang, OBJECTION_STATUSES[k] ?? { zh: k, en: k })} ${v}`).join('；') || '0' },
          ]} />
          <Table size="middle" rowKey="applicationId" pagination={false} dataSource={n.proposals} data-testid="notice-proposals" columns={[
            { title: <Bi zh="排名" en="Rank" />, dataIndex: 'rank', width: 70 },
            { title: <Bi zh="拟立项单位" en="Proposed awardee" />, key: 'lead', render: (_, p) => <div><div className="cell-main">{p.leadNameZh}</div><div className="cell-sub">{p.memberNamesZh.join('、')}</div></div> },
            { title: <Bi zh="项目" en="Project" />, key: 'title', render: (_, p) => <div>{p.titleZh}<div className="cell-sub mono">{p.code}</div></div> },
            { title: <Bi zh="得分" en="Score" />, dataIndex: 'score', width: 90 },
            { title: <Bi zh="资助额度" en="Share" />, dataIndex: 'shareWan', width: 130, render: wan },
            { title: <Bi zh="状态" en="Status" />, dataIndex: 'status', width: 120, render: (s) => (s === 'withdrawn' ? bi(lang, { zh: '已撤回', en: 'Withdrawn' }) : bi(lang, { zh: '拟立项', en: 'Proposed' })) },
          ]} />
          <Alert type="info" showIcon className="panel-alert" title={bi(lang, { zh: '如何提出异议', en: 'How to object' })} description={lang === 'zh' ? n.howToObject.zh : n.howToObject.en} />
          <Space wrap className="cq-filters">
            {signedIn && n.notice.open && <Button icon={<MessageOutlined />} onClick={() => setObjecting(true)} data-testid="notice-object"><Bi zh="提出异议" en="Object" /></Button>}
            {runs && n.notice.status === 'running' && (
              <Popconfirm title={bi(lang, { zh: '确认立项？未入选的申报将收到评审意见。', en: 'Confirm the awards? The others receive their feedback.' })} onConfirm={confirm}
                disabled={n.notice.open || pending > 0}>
                <Button type="primary" icon={<CheckOutlined />} loading={busy} disabled={n.notice.open || pending > 0} data-testid="notice-confirm"><Bi zh="确认立项" en="Confirm awards" /></Button>
              </Popconfirm>
            )}
            {runs && n.notice.status === 'running' && (n.notice.open || pending > 0) && (
              <Typography.Text type="secondary">{bi(lang, { zh: '公示期满且无待处理异议后可确认立项', en: 'Confirm once the period has ended with no objection pending' })}</Typography.Text>
            )}
          </Space>
          {signedIn && (
            <Table<Objection> size="small" rowKey="id" pagination={false} dataSource={objections.data?.items ?? []} data-testid="notice-objections"
              locale={{ emptyText: bi(lang, { zh: '没有异议', en: 'No objection' }) }}
              columns={[
                { title: <Bi zh="提出时间" en="Lodged" />, dataIndex: 'lodgedAt', width: 150, render: dateTime },
                { title: <Bi zh="针对" en="Against" />, dataIndex: 'applicationCode', width: 140, render: (x) => x ?? bi(lang, { zh: '公示整体', en: 'The notice' }) },
                { title: <Bi zh="理由" en="Reason" />, dataIndex: 'reasonZh' },
                ...(runs ? [{ title: <Bi zh="提出人" en="By" />, key: 'by', render: (_: unknown, o: Objection) => [o.lodgedByName, o.organisationNameZh].filter(Boolean).join(' · ') }] : []),
                { title: <Bi zh="处理" en="Answer" />, key: 'status', render: (_, o) => <div><NameTag names={OBJECTION_STATUSES} code={o.status} />{o.responseZh && <div className="cell-sub">{o.responseZh}</div>}</div> },
                { title: '', key: 'act', width: 90, render: (_, o) => runs && o.status === 'pending' && <Button size="small" onClick={() => setDeciding(o)}><Bi zh="答复" en="Answer" /></Button> },
              ]} />
          )}
          {objecting && <ObjectModal c={c} notice={n} onClose={() => setObjecting(false)} onDone={() => { setObjecting(false); reload(); }} />}
          {deciding && <DecideModal o={deciding} onClose={() => setDeciding(null)} onDone={() => { setDeciding(null); reload(); }} />}
        </>
      )}
    </LoadState>
  );
}

function ObjectModal({ c, notice, onClose, onDone }: { c: ChallengeDetail; notice: Notice; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const [form] = Form.useForm<{ applicationId?: string; reasonZh: string }>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/challenges/${c.id}/objections`, { applicationId: v.applicationId ?? null, reasonZh: v.reasonZh });
    onDone();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden title={<Bi zh="提出异议" en="Object to the notice" />}>
      <Form form={form} layout="vertical">
        <Form.Item name="applicationId" label={<Bi zh="针对（留空为公示整体）" en="Against (empty: the notice as a whole)" />}>
          <Select allowClear options={notice.proposals.filter((p) => p.status === 'proposed').map((p) => ({ value: p.applicationId, label: `${p.code} ${p.leadNameZh}` }))} />
        </Form.Item>
        <Form.Item name="reasonZh" label={<Bi zh="理由" en="Reason" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '须写明理由', en: 'Give the reason' }) }]}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DecideModal({ o, onClose, onDone }: { o: Objection; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const [form] = Form.useForm<{ decision: 'upheld' | 'dismissed'; responseZh: string }>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/challenges/objections/${o.id}/decide`, v);
    onDone();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden title={<Bi zh="答复异议" en="Answer the objection" />}>
      <Typography.Paragraph>{o.reasonZh}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ decision: 'dismissed' }}>
        <Form.Item name="decision" label={<Bi zh="结论" en="Decision" />}>
          <Radio.Group options={[{ value: 'dismissed', label: bi(lang, OBJECTION_STATUSES.dismissed) }, { value: 'upheld', label: bi(lang, OBJECTION_STATUSES.upheld) }]} />
        </Form.Item>
        <Form.Item name="responseZh" label={<Bi zh="答复（异议人可见）" en="Response (the objector reads it)" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '须填写答复', en: 'Write the response' }) }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
