import { useEffect } from 'react';
import { App as AntApp, Form, Input, InputNumber, Modal, Select } from 'antd';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi } from '../supervision/shared';
import type { Capability, Platform, PilotService } from './api.bases';
import { BIOSAFETY_LEVELS, ORGANISM_CODES, ORGANISMS, PROCESS_NAMES, PROCESSES, QUALITY_GRADE_CODES, QUALITY_GRADES, type Organism, type QualityGrade } from './labels.bases';

/**
 * The forms a base's keepers fill in for what the base offers: a platform, a capability of a
 * platform, a service. Each adds (POST) or edits (PATCH); the server's problems show on their fields.
 */

const orNull = (s: string | undefined | null) => (s?.trim() ? s.trim() : null);

function RecordModal({ title, editing, saving, onOk, onClose, testId, children, width }: {
  title: { zh: string; en: string }; editing: boolean; saving: boolean; onOk: () => void; onClose: () => void; testId: string; children: React.ReactNode; width?: number;
}) {
  const lang = useLang();
  return (
    <Modal open onCancel={onClose} onOk={onOk} confirmLoading={saving} destroyOnHidden mask={{ closable: false }} width={width}
      title={<Bi zh={title.zh} en={title.en} />} okText={editing ? bi(lang, { zh: '保存', en: 'Save' }) : bi(lang, { zh: '添加', en: 'Add' })}
      cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} okButtonProps={{ 'data-testid': `${testId}-ok` } as never}>
      {children}
    </Modal>
  );
}

interface PlatformValues { nameZh: string; nameEn?: string; summaryZh?: string }

export function PlatformModal({ baseId, platform, onClose, onSaved }: { baseId: string; platform?: Platform; onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PlatformValues>();
  useEffect(() => {
    if (platform) form.setFieldsValue({ nameZh: platform.nameZh, nameEn: platform.nameEn ?? undefined, summaryZh: platform.summaryZh ?? undefined });
  }, [platform, form]);
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const body = { nameZh: v.nameZh.trim(), nameEn: orNull(v.nameEn), summaryZh: orNull(v.summaryZh) };
    if (platform) await api.patch(`/api/pilot/platforms/${platform.id}`, body);
    else await api.post(`/api/pilot/bases/${baseId}/platforms`, body);
    message.success(bi(lang, platform ? { zh: '平台已保存', en: 'Platform saved' } : { zh: `已添加平台 ${body.nameZh}`, en: 'Platform added' }));
    onSaved();
  });
  return (
    <RecordModal title={platform ? { zh: `编辑平台 ${platform.code}`, en: `Edit platform ${platform.code}` } : { zh: '新增中试平台', en: 'Add a platform' }}
      editing={!!platform} saving={saving} onOk={submit} onClose={onClose} testId="pilot-platform-form">
      <Form form={form} layout="vertical" className="modal-form" data-testid="pilot-platform-form">
        <Form.Item name="nameZh" label={<Bi zh="平台名称" en="Name" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请填写平台名称', en: 'Name the platform' }) }]}>
          <Input maxLength={200} placeholder="如 微生物发酵放大平台" data-testid="pilot-platform-name" />
        </Form.Item>
        <Form.Item name="nameEn" label={<Bi zh="英文名称" en="English name" />}><Input maxLength={200} /></Form.Item>
        <Form.Item name="summaryZh" label={<Bi zh="简介" en="Summary" />}><Input.TextArea maxLength={4000} showCount autoSize={{ minRows: 3, maxRows: 8 }} /></Form.Item>
      </Form>
    </RecordModal>
  );
}

interface CapabilityValues {
  nameZh: string; processes?: string[]; organisms?: Organism[]; volumeMinL: number; volumeMaxL: number; qualityGrade: QualityGrade; biosafetyLevel: number; descriptionZh?: string;
}

/**
 * A capability: unit operations, organisms, working volume (litres), grade and containment. That
 * the smallest volume does not exceed the largest is the server's rule; its 422 shows on the field.
 */
export function CapabilityModal({ platform, capability, onClose, onSaved }: { platform: Platform; capability?: Capability; onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<CapabilityValues>();
  useEffect(() => {
    if (capability) form.setFieldsValue({ ...capability, descriptionZh: capability.descriptionZh ?? undefined });
  }, [capability, form]);
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const body = {
      nameZh: v.nameZh.trim(), processes: v.processes ?? [], organisms: v.organisms ?? [], volumeMinL: v.volumeMinL, volumeMaxL: v.volumeMaxL,
      qualityGrade: v.qualityGrade, biosafetyLevel: v.biosafetyLevel, descriptionZh: orNull(v.descriptionZh),
    };
    if (capability) await api.patch(`/api/pilot/capabilities/${capability.id}`, body);
    else await api.post(`/api/pilot/platforms/${platform.id}/capabilities`, body);
    message.success(bi(lang, capability ? { zh: '能力已保存', en: 'Capability saved' } : { zh: `已为 ${platform.nameZh} 添加能力`, en: 'Capability added' }));
    onSaved();
  });
  const litres = { min: 0, max: 1e7, style: { width: '100%' }, suffix: 'L' } as const;
  return (
    <RecordModal title={capability ? { zh: `编辑能力：${capability.nameZh}`, en: 'Edit capability' } : { zh: `新增能力：${platform.nameZh}`, en: `Add a capability to ${platform.code}` }}
      editing={!!capability} saving={saving} onOk={submit} onClose={onClose} testId="pilot-capability-form" width={680}>
      <Form form={form} layout="vertical" className="modal-form" data-testid="pilot-capability-form"
        initialValues={{ qualityGrade: 'none', biosafetyLevel: 1, processes: [], organisms: [] }}>
        <Form.Item name="nameZh" label={<Bi zh="能力名称" en="Name" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请填写能力名称', en: 'Name the capability' }) }]}>
          <Input maxLength={200} placeholder="如 5–500 L 细菌发酵放大" data-testid="pilot-capability-name" />
        </Form.Item>
        <div className="pb-form-grid">
          <Form.Item name="processes" label={<Bi zh="单元操作" en="Unit operations" />}>
            <Select mode="multiple" data-testid="pilot-capability-processes"
              options={PROCESS_NAMES.map((p) => ({ value: p, label: lang === 'zh' ? p : PROCESSES[p].en }))} />
          </Form.Item>
          <Form.Item name="organisms" label={<Bi zh="生物体" en="Organisms" />}>
            <Select mode="multiple" data-testid="pilot-capability-organisms" options={ORGANISM_CODES.map((o) => ({ value: o, label: bi(lang, ORGANISMS[o]) }))} />
          </Form.Item>
          <Form.Item name="volumeMinL" label={<Bi zh="最小工作体积" en="Smallest working volume" />} rules={[{ required: true, message: bi(lang, { zh: '请填写最小工作体积', en: 'Give the smallest volume' }) }]}>
            <InputNumber<number> {...litres} data-testid="pilot-capability-min" />
          </Form.Item>
          <Form.Item name="volumeMaxL" label={<Bi zh="最大工作体积" en="Largest working volume" />} rules={[{ required: true, message: bi(lang, { zh: '请填写最大工作体积', en: 'Give the largest volume' }) }]}>
            <InputNumber<number> {...litres} data-testid="pilot-capability-max" />
          </Form.Item>
          <Form.Item name="qualityGrade" label={<Bi zh="质量等级" en="Quality grade" />}>
            <Select data-testid="pilot-capability-grade" options={QUALITY_GRADE_CODES.map((g) => ({ value: g, label: bi(lang, QUALITY_GRADES[g]) }))} />
          </Form.Item>
          <Form.Item name="biosafetyLevel" label={<Bi zh="生物安全等级" en="Biosafety level" />}>
            <Select data-testid="pilot-capability-bsl" options={BIOSAFETY_LEVELS.map((l) => ({ value: l, label: `BSL-${l}` }))} />
          </Form.Item>
        </div>
        <Form.Item name="descriptionZh" label={<Bi zh="说明" en="Description" />}>
          <Input.TextArea maxLength={4000} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </RecordModal>
  );
}

interface ServiceValues { nameZh: string; descriptionZh?: string; priceYuan?: number | null; priceUnitZh?: string; leadTimeDays?: number | null }

export function ServiceModal({ baseId, service, onClose, onSaved }: { baseId: string; service?: PilotService; onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ServiceValues>();
  useEffect(() => {
    if (service) form.setFieldsValue({ ...service, descriptionZh: service.descriptionZh ?? undefined, priceUnitZh: service.priceUnitZh ?? undefined });
  }, [service, form]);
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const body = { nameZh: v.nameZh.trim(), descriptionZh: orNull(v.descriptionZh), priceYuan: v.priceYuan ?? null, priceUnitZh: orNull(v.priceUnitZh), leadTimeDays: v.leadTimeDays ?? null };
    if (service) await api.patch(`/api/pilot/base-services/${service.id}`, body);
    else await api.post(`/api/pilot/bases/${baseId}/services`, body);
    message.success(bi(lang, service ? { zh: '服务已保存', en: 'Service saved' } : { zh: `已添加服务 ${body.nameZh}`, en: 'Service added' }));
    onSaved();
  });
  return (
    <RecordModal title={service ? { zh: `编辑服务：${service.nameZh}`, en: 'Edit service' } : { zh: '新增基地服务', en: 'Add a service' }}
      editing={!!service} saving={saving} onOk={submit} onClose={onClose} testId="pilot-service-form">
      <Form form={form} layout="vertical" className="modal-form" data-testid="pilot-service-form">
        <Form.Item name="nameZh" label={<Bi zh="服务名称" en="Name" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请填写服务名称', en: 'Name the service' }) }]}>
          <Input maxLength={200} placeholder="如 发酵工艺放大验证" data-testid="pilot-service-name" />
        </Form.Item>
        <div className="pb-form-grid">
          <Form.Item name="priceYuan" label={<Bi zh="价格（元）" en="Price (yuan)" />} extra={bi(lang, { zh: '不填为面议', en: 'Empty: on request' })}>
            <InputNumber<number> min={0} max={1e9} style={{ width: '100%' }} data-testid="pilot-service-price" />
          </Form.Item>
          <Form.Item name="priceUnitZh" label={<Bi zh="计价单位" en="Per" />}>
            <Input maxLength={50} placeholder="如 批次、天、样品" />
          </Form.Item>
          <Form.Item name="leadTimeDays" label={<Bi zh="周期（天）" en="Lead time (days)" />}>
            <InputNumber<number> min={0} max={3650} precision={0} style={{ width: '100%' }} data-testid="pilot-service-lead-time" />
          </Form.Item>
        </div>
        <Form.Item name="descriptionZh" label={<Bi zh="服务内容" en="What it covers" />}>
          <Input.TextArea maxLength={4000} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </RecordModal>
  );
}
