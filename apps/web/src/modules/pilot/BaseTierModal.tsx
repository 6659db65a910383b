import { useState } from 'react';
import { App as AntApp, DatePicker, Form, Input, Modal, Popconfirm, Radio, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, errorMessage } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi, one } from '../supervision/shared';
import type { BaseCore } from './api.bases';
import { BASE_TIER_ORDER, BASE_TIERS, type BaseTier } from './labels.bases';

type TierFacts = Pick<BaseCore, 'id' | 'code' | 'nameZh' | 'tier' | 'recognisedOn' | 'recognisedByZh'>;
interface Values { tier: BaseTier; recognisedOn?: Dayjs | null; recognisedByZh?: string }

/** 储备 → 重点 → 国家级 (or back): the task force records the tier with the day and the body that recognised it. */
export function BaseTierModal({ base, onClose, onDone }: { base: TierFacts; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const tier = Form.useWatch('tier', form) ?? base.tier;
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.put(`/api/pilot/bases/${base.id}/tier`, v.tier === 'reserve'
      ? { tier: v.tier }
      : { tier: v.tier, recognisedOn: v.recognisedOn ? v.recognisedOn.format('YYYY-MM-DD') : null, recognisedByZh: v.recognisedByZh?.trim() || null });
    message.success(bi(lang, { zh: `${base.code} 等级已设为${BASE_TIERS[v.tier].zh}`, en: `${base.code} is now ${BASE_TIERS[v.tier].en.toLowerCase()}` }));
    onDone();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh={`认定等级：${base.nameZh}`} en={`Set the tier of ${base.code}`} />}
      okText={bi(lang, { zh: '确定', en: 'Save' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} okButtonProps={{ 'data-testid': 'pilot-tier-ok' } as never}>
      <Form form={form} layout="vertical" className="modal-form" data-testid="pilot-tier-form"
        initialValues={{ tier: base.tier, recognisedOn: base.recognisedOn ? dayjs(base.recognisedOn) : null, recognisedByZh: base.recognisedByZh ?? undefined }}>
        <Form.Item name="tier" label={<Bi zh="等级" en="Tier" />}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="pilot-tier-choice"
            options={[...BASE_TIER_ORDER].reverse().map((t) => ({ value: t, label: one(lang, BASE_TIERS[t]) }))} />
        </Form.Item>
        {tier !== 'reserve' && (
          <>
            <Form.Item name="recognisedOn" label={<Bi zh="认定日期" en="Recognised on" />} rules={[{ required: true, message: bi(lang, { zh: '请填写认定日期', en: 'Give the date' }) }]}>
              <DatePicker className="full-width" disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="pilot-tier-date" />
            </Form.Item>
            <Form.Item name="recognisedByZh" label={<Bi zh="认定机构" en="Recognised by" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请填写认定机构', en: 'Name the body' }) }]}>
              <Input maxLength={200} placeholder="如 重庆市科学技术局" data-testid="pilot-tier-body" />
            </Form.Item>
          </>
        )}
        {tier === 'reserve' && base.tier !== 'reserve' && (
          <div className="cell-sub">{bi(lang, { zh: '降为储备基地将清除认定日期与机构。', en: 'A reserve base keeps no recognition: the date and body are cleared.' })}</div>
        )}
      </Form>
    </Modal>
  );
}

/** The task force's switch for pilot-alliance membership, confirmed before it changes. */
export function AllianceSwitch({ base, onDone, size }: { base: Pick<BaseCore, 'id' | 'code' | 'allianceMember'>; onDone: () => void; size?: 'small' | 'default' }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const next = !base.allianceMember;
  const run = async () => {
    setBusy(true);
    try {
      await api.put(`/api/pilot/bases/${base.id}/alliance`, { allianceMember: next });
      message.success(next ? bi(lang, { zh: `${base.code} 已加入中试联盟`, en: `${base.code} joined the alliance` }) : bi(lang, { zh: `${base.code} 已退出中试联盟`, en: `${base.code} left the alliance` }));
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  // The outer span keeps clicks (the confirmation's too, which bubble through React's tree) from reaching a table row.
  return (
    <span onClick={(e) => e.stopPropagation()}>
      <Popconfirm onConfirm={run} okText={bi(lang, { zh: '确定', en: 'Yes' })} cancelText={bi(lang, { zh: '取消', en: 'No' })}
        title={next ? bi(lang, { zh: '加入中试联盟？成员机构预约设备按联盟价计费。', en: 'Join the pilot alliance? Its organisation then books equipment at member prices.' })
          : bi(lang, { zh: '退出中试联盟？', en: 'Leave the pilot alliance?' })}>
        <span title={bi(lang, { zh: '中试联盟成员资格', en: 'Pilot alliance membership' })}>
          <Switch size={size} checked={base.allianceMember} loading={busy} data-testid="pilot-base-alliance-switch"
            checkedChildren={lang === 'zh' ? '联盟' : 'Member'} unCheckedChildren={lang === 'zh' ? '非联盟' : 'No'} />
        </span>
      </Popconfirm>
    </span>
  );
}
