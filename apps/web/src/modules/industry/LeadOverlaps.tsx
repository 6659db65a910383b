import { useState } from 'react';
import { App as AntApp, Alert, Button, Card, Form, Input, List, Modal, Radio, Space, Tag, Typography } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import type { ApiState } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi, dateOnly } from '../supervision/shared';
import type { Overlap } from './api';
import { LeadStageTag } from './tags';

interface Decision { primaryLeadId: string; mode: 'joint' | 'withdraw'; noteZh?: string }

/** 市级协调: the task force picks the lead that leads; the others join it (联合协同) or withdraw (让渡). */
function DecideModal({ overlap, onClose, onDone }: { overlap: Overlap; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Decision>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post('/api/industry/leads/overlaps/decide', { targetKey: overlap.targetKey, primaryLeadId: v.primaryLeadId, mode: v.mode, noteZh: v.noteZh?.trim() || null });
    message.success(bi(lang, { zh: '已协调：主办线索已确定', en: 'Coordinated: the primary lead is set' }));
    onDone();
  });
  return (
    <Modal open width={640} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh={`联合协同招商 · ${overlap.targetNameZh}`} en={`Coordinate · ${overlap.targetNameZh}`} />}
      okText={bi(lang, { zh: '确定', en: 'Decide' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} okButtonProps={{ 'data-testid': 'overlap-decide-ok' } as never}>
      <Form form={form} layout="vertical" className="modal-form" initialValues={{ primaryLeadId: overlap.leads[0]?.id, mode: 'joint' }}>
        <Form.Item name="primaryLeadId" label={<Bi zh="主办线索" en="Primary lead" />} rules={[{ required: true }]}>
          <Radio.Group className="full-width">
            <Space orientation="vertical">
              {overlap.leads.map((l) => (
                <Radio key={l.id} value={l.id} data-testid={`overlap-primary-${l.code}`}>
                  <Space size={6}><b>{l.districtNameZh}</b><span className="mono">{l.code}</span><LeadStageTag stage={l.stage} /><span className="cell-sub">{dateOnly(l.createdAt)}</span></Space>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="mode" label={<Bi zh="其他区县" en="The other districts" />}>
          <Radio.Group options={[
            { value: 'joint', label: bi(lang, { zh: '联合协同（计入主办线索）', en: 'Join (counted under the primary)' }) },
            { value: 'withdraw', label: bi(lang, { zh: '让渡（停止跟进）', en: 'Withdraw' }) },
          ]} />
        </Form.Item>
        <Form.Item name="noteZh" label={<Bi zh="协调说明" en="Note" />}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} placeholder={bi(lang, { zh: '例如：由璧山区主办，长寿区提供化工园区用地配套', en: 'e.g. Bishan leads; Changshou provides land in its chemical park' })} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Companies chased by more than one district, awaiting the task force's decision. */
export function LeadOverlaps({ overlaps, canDecide, onDecided }: { overlaps: ApiState<Overlap[]>; canDecide: boolean; onDecided: () => void }) {
  const lang = useLang();
  const [deciding, setDeciding] = useState<Overlap | null>(null);
  const list = overlaps.data ?? [];
  if (overlaps.error) return <Alert type="error" showIcon title={overlaps.error.message} className="panel-alert" />;
  if (!list.length) return null;
  return (
    <Card className="panel overlap-card" data-testid="lead-overlaps"
      title={<Space><TeamOutlined /><Bi zh={`多区县同时跟进的企业（${list.length}）`} en={`Companies chased by several districts (${list.length})`} /></Space>}>
      <Typography.Paragraph type="secondary">
        {canDecide
          ? bi(lang, { zh: '请确定主办线索：其他区县联合协同或让渡，签约项目只计一次。', en: 'Choose the lead that leads: the others join or withdraw; a signed project counts once.' })
          : bi(lang, { zh: '以下企业另有区县在跟进，待工作专班协调确定主办区县。', en: 'Another district also chases these companies; the task force will decide who leads.' })}
      </Typography.Paragraph>
      <List dataSource={list} renderItem={(o) => (
        <List.Item data-testid="overlap-item" actions={canDecide ? [<Button key="d" type="primary" onClick={() => setDeciding(o)} data-testid="overlap-decide"><Bi zh="协调" en="Decide" /></Button>] : []}>
          <List.Item.Meta title={<Space wrap>{o.targetNameZh}{o.districts.map((d) => <Tag key={d} color="warning">{d}</Tag>)}</Space>}
            description={<Space size={[12, 4]} wrap>{o.leads.map((l) => (
              <Link key={l.id} to={`/industry/leads/${l.id}`}><span className="mono">{l.code}</span> · {l.districtNameZh} · <LeadStageTag stage={l.stage} /></Link>
            ))}</Space>} />
        </List.Item>
      )} />
      {deciding && <DecideModal overlap={deciding} onClose={() => setDeciding(null)} onDone={() => { setDeciding(null); onDecided(); }} />}
    </Card>
  );
}
