import { Alert, App as AntApp, Checkbox, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { api, qs } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { useLang } from '../../../app/i18n';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { bi } from '../../supervision/shared';
import { useStockRoles } from './access';
import type { SharingRequest, Terms } from './api';
import { required, requiredValue } from './forms';
import { LevelCompare, OfficerReasons } from './StockTags';

/** The MTA as the requester accepts it: the body, then the strain's own conditions. */
export function MtaText({ terms }: { terms: Terms['mta'] }) {
  const lang = useLang();
  return (
    <div className="strains-mta" data-testid="strains-mta">
      <Typography.Text strong>{lang === 'zh' ? terms.titleZh : terms.titleEn}</Typography.Text> <span className="cell-sub mono">{terms.version}</span>
      {terms.clauses.map((c, i) => <p key={i} className={c.zh.startsWith('附加条件') ? 'strains-mta-condition' : undefined}>{lang === 'zh' ? c.zh : c.en}<span className="cell-sub"> {lang === 'zh' ? c.en : c.zh}</span></p>)}
    </div>
  );
}

/**
 * 申请此菌种: the strain's summary, the organisation's labs with the level each works at today
 * against the strain's (a lab below it cannot be chosen), whether the biosafety officer will have
 * to approve and why, the MTA with the strain's conditions to read and accept, purpose and vials.
 * Curators file for an organisation they name.
 */
export function RequestStrainModal({ strainId, onClose, onDone }: { strainId: string; onClose: () => void; onDone: (r: SharingRequest) => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const { curator } = useStockRoles();
  const [form] = Form.useForm<{ organisationId?: string; labId: string; purposeZh: string; vials: number; mtaAccepted: boolean }>();
  const organisationId = Form.useWatch('organisationId', form);
  const terms = useApi<Terms>(`/api/sharing-requests/terms${qs({ strainId, organisationId: curator ? organisationId : undefined })}`);
  const t = terms.data;
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const made = await api.post<SharingRequest>('/api/sharing-requests', {
      strainId, labId: v.labId, purposeZh: v.purposeZh.trim(), vials: v.vials, mtaVersion: t!.mta.version, mtaAccepted: v.mtaAccepted === true, ...(curator ? { organisationId: v.organisationId } : {}),
    });
    message.success(bi(lang, { zh: `已提交共享申请 ${made.code}`, en: `Submitted request ${made.code}` }));
    onDone(made);
  });
  const name = t ? [t.strain.accession, t.strain.genus, t.strain.species, t.strain.strainDesignation].filter(Boolean).join(' ') : '';

  return (
    <Modal open width={760} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh="申请菌种" en="Request a strain" />} okText={bi(lang, { zh: '接受协议并提交', en: 'Accept and submit' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ disabled: !t, 'data-testid': 'strains-request-ok' } as never}>
      <LoadState loading={terms.loading && !t} error={terms.error} reload={terms.reload}>
        {t && (
          <>
            <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
              <Descriptions.Item label={<Bi zh="菌种" en="Strain" />} span={2}><span data-testid="strains-request-strain">{name}</span> <span className="cell-sub">{t.strain.nameZh}</span></Descriptions.Item>
              <Descriptions.Item label={<Bi zh="所需等级" en="Needs" />}>BSL-{t.strain.biosafetyLevel}{t.strain.hazardClass ? ` · ${lang === 'zh' ? `第${'一二三四'[t.strain.hazardClass - 1]}类` : `class ${t.strain.hazardClass}`}` : ''}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="生物安全审批" en="Officer" />}><OfficerReasons reasons={t.officerReasons} /></Descriptions.Item>
            </Descriptions>
            <Form form={form} layout="vertical" className="modal-form" initialValues={{ vials: 1, mtaAccepted: false }}>
              {curator && (
                <Form.Item name="organisationId" label={<Bi zh="代为申请的单位" en="Filing for" />} rules={requiredValue(lang, '请选择申请单位', 'Choose the organisation')}>
                  <Select showSearch={{ optionFilterProp: 'label' }} data-testid="strains-request-org" onChange={() => form.setFieldValue('labId', undefined)}
                    options={t.requesters.map((o) => ({ value: o.id, label: o.nameZh }))} />
                </Form.Item>
              )}
              <Form.Item name="labId" label={<Bi zh="接收实验室" en="Receiving lab" />} rules={requiredValue(lang, '请选择实验室', 'Choose the lab')}
                extra={t.labs.length > 0 && t.labs.every((l) => !l.sufficient) ? bi(lang, { zh: '本单位没有达到该菌种生物安全等级的实验室（证书须在有效期内）', en: 'None of the labs reaches the level the strain needs (with a certificate in date)' }) : undefined}>
                <Select data-testid="strains-request-lab" notFoundContent={bi(lang, { zh: '本单位尚未登记实验室 — 请先在“实验室”登记', en: 'No labs on record: register one under Labs first' })}
                  options={t.labs.map((l) => ({
                    value: l.id, disabled: !l.sufficient,
                    label: <Space size={4}><span className="mono">{l.code}</span>{l.nameZh}<LevelCompare lab={l.effectiveLevel} strain={t.strain.biosafetyLevel} registered={l.biosafetyLevel} /></Space>,
                  }))} />
              </Form.Item>
              <Form.Item name="purposeZh" label={<Bi zh="用途" en="Purpose" />} rules={required(lang, '请说明用途', 'Say what it is for')}>
                <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} data-testid="strains-request-purpose" />
              </Form.Item>
              <Form.Item name="vials" label={<Bi zh="数量（支）" en="Vials" />} rules={requiredValue(lang, '请填写数量', 'How many')}>
                <InputNumber min={1} max={20} precision={0} data-testid="strains-request-vials" />
              </Form.Item>
              <MtaText terms={t.mta} />
              <Form.Item name="mtaAccepted" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(bi(lang, { zh: '须接受材料转移协议', en: 'Accept the MTA' })))) }]}>
                <Checkbox data-testid="strains-request-accept"><Bi zh={`我已阅读并接受材料转移协议（${t.mta.version}）`} en={`I have read and accept the MTA (${t.mta.version})`} /></Checkbox>
              </Form.Item>
              {t.needsOfficer && <Alert type="warning" showIcon title={bi(lang, { zh: '此申请在管理员审核后还须经生物安全负责人审批', en: 'After the curator, the biosafety officer must approve this request' })} />}
            </Form>
          </>
        )}
      </LoadState>
    </Modal>
  );
}
