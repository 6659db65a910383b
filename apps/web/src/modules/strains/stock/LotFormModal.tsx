import { useState } from 'react';
import { App as AntApp, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Segmented, Select } from 'antd';
import { api, qs } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { useLang } from '../../../app/i18n';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { bi } from '../../supervision/shared';
import type { Lot, LotDetail, Page, StorageLocation } from './api';
import { dateProps, notAfterToday, optionsOf, requiredValue } from './forms';
import { LOT_METHODS } from './labels';

interface Values {
  subject?: string; method: string; passage?: number | null; preparedOn: string; vialsPrepared: number; alertLevel?: number;
  viabilityIntervalMonths?: number | null; locationId?: string | null; rack?: string; box?: string; position?: string; noteZh?: string;
}
type Kind = 'strain' | 'germplasm';
interface Found { id: string; accession?: string | null; genus?: string; species?: string | null; strainDesignation?: string | null; code?: string; nameZh?: string | null }

/** A strain or germplasm record picked by typing its number or name (the records part's lists). */
function SubjectSelect({ kind, value, onChange }: { kind: Kind; value?: string; onChange?: (v: string) => void }) {
  const lang = useLang();
  const [q, setQ] = useState('');
  const path = kind === 'strain' ? `/api/strains${qs({ q: q || undefined, status: 'accessioned', limit: 20 })}` : `/api/germplasm${qs({ q: q || undefined, status: 'kept', limit: 20 })}`;
  const found = useApi<Page<Found>>(path);
  const label = (x: Found) => (kind === 'strain' ? [x.accession, x.genus, x.species, x.strainDesignation].filter(Boolean).join(' ') : `${x.code} ${x.nameZh ?? ''}`);
  return (
    <Select showSearch={{ filterOption: false, onSearch: setQ }} value={value} onChange={onChange} loading={found.loading} data-testid="strains-lot-subject"
      placeholder={bi(lang, kind === 'strain' ? { zh: '输入保藏编号或菌名', en: 'Type an accession or a name' } : { zh: '输入种质编号或名称', en: 'Type a code or a name' })}
      options={(found.data?.items ?? []).map((x) => ({ value: x.id, label: label(x) }))} />
  );
}

/**
 * 制备保藏批次, or (with `lot`) 修改 its settings and place: the method, vials, alert level and
 * test interval; freezer / rack / box / position. The server refuses a taken position (409 on
 * the position) and a strain not yet accessioned, and names the field.
 */
export function LotFormModal({ strainId, lot, onClose, onDone }: { strainId?: string; lot?: Lot; onClose: () => void; onDone: (lot: LotDetail) => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [kind, setKind] = useState<Kind>('strain');
  const locations = useApi<Page<StorageLocation>>('/api/storage-locations?status=inUse');
  const editing = !!lot;
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const place = { locationId: v.locationId ?? null, rack: v.rack?.trim() || null, box: v.box?.trim() || null, position: v.position?.trim() || null };
    const settings = { alertLevel: v.alertLevel ?? 0, viabilityIntervalMonths: v.viabilityIntervalMonths ?? null, passage: v.passage ?? null, noteZh: v.noteZh?.trim() || null };
    const saved = editing
      ? await api.patch<LotDetail>(`/api/strain-lots/${lot.id}`, { ...settings, ...place })
      : await api.post<LotDetail>('/api/strain-lots', {
        ...(strainId ? { strainId } : kind === 'strain' ? { strainId: v.subject } : { germplasmId: v.subject }),
        method: v.method, preparedOn: v.preparedOn, vialsPrepared: v.vialsPrepared, ...settings, ...place,
      });
    message.success(bi(lang, editing ? { zh: `已保存批次 ${saved.code}`, en: `Saved ${saved.code}` } : { zh: `已制备批次 ${saved.code}`, en: `Prepared ${saved.code}` }));
    onDone(saved);
  });
  const initial: Partial<Values> = lot
    ? { alertLevel: lot.alertLevel, viabilityIntervalMonths: lot.viabilityIntervalMonths, passage: lot.passage, locationId: lot.locationId, rack: lot.rack ?? undefined, box: lot.box ?? undefined, position: lot.position ?? undefined, noteZh: lot.noteZh ?? undefined }
    : { method: 'glycerol80', alertLevel: 5, viabilityIntervalMonths: 12 };

  return (
    <Modal open width={720} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh={editing ? `修改批次 ${lot.code}` : '制备保藏批次'} en={editing ? `Edit lot ${lot.code}` : 'Prepare a lot'} />}
      okText={bi(lang, editing ? { zh: '保存', en: 'Save' } : { zh: '制备入库', en: 'Prepare' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ 'data-testid': 'strains-lot-form-ok' } as never}>
      <Form form={form} layout="vertical" className="modal-form" initialValues={initial}>
        {!editing && !strainId && (
          <>
            <Segmented<Kind> value={kind} onChange={(k) => { setKind(k); form.setFieldValue('subject', undefined); }} style={{ marginBottom: 12 }}
              options={[{ value: 'strain', label: bi(lang, { zh: '菌种', en: 'Strain' }) }, { value: 'germplasm', label: bi(lang, { zh: '种质资源', en: 'Germplasm' }) }]} />
            <Form.Item name="subject" label={<Bi zh={kind === 'strain' ? '菌种（须已入库保藏）' : '种质资源'} en={kind === 'strain' ? 'Strain (accessioned)' : 'Germplasm record'} />}
              rules={requiredValue(lang, '请选择', 'Choose one')}>
              <SubjectSelect kind={kind} />
            </Form.Item>
          </>
        )}
        {!editing && (
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="method" label={<Bi zh="保藏方式" en="Method" />} rules={requiredValue(lang, '请选择保藏方式', 'Choose the method')}>
                <Select options={optionsOf(lang, LOT_METHODS)} data-testid="strains-lot-method" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="preparedOn" label={<Bi zh="制备日期" en="Prepared on" />} rules={requiredValue(lang, '请选择日期', 'Pick the date')} {...dateProps}>
                <DatePicker className="full-width" disabledDate={notAfterToday} data-testid="strains-lot-prepared-on" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="vialsPrepared" label={<Bi zh="制备数量（支）" en="Vials prepared" />} rules={requiredValue(lang, '请填写数量', 'How many vials')}>
                <InputNumber min={1} precision={0} className="full-width" data-testid="strains-lot-vials" />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={12}>
          <Col span={8}><Form.Item name="alertLevel" label={<Bi zh="预警数量" en="Alert level" />} tooltip={bi(lang, { zh: '现存不高于此数时预警并通知管理员', en: 'Alert and tell the curators at or below this' })}><InputNumber min={0} precision={0} className="full-width" /></Form.Item></Col>
          <Col span={8}><Form.Item name="viabilityIntervalMonths" label={<Bi zh="活力检测周期（月）" en="Test every (months)" />}><InputNumber min={1} max={120} precision={0} className="full-width" /></Form.Item></Col>
          <Col span={8}><Form.Item name="passage" label={<Bi zh="传代次数" en="Passage" />}><InputNumber min={0} precision={0} className="full-width" /></Form.Item></Col>
        </Row>
        <Row gutter={12}>
          <Col span={9}>
            <Form.Item name="locationId" label={<Bi zh="保藏设备" en="Freezer" />}>
              <Select allowClear loading={locations.loading} data-testid="strains-lot-location"
                options={(locations.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.code} ${l.nameZh}` }))} />
            </Form.Item>
          </Col>
          <Col span={5}><Form.Item name="rack" label={<Bi zh="架" en="Rack" />}><Input maxLength={20} placeholder="R3" data-testid="strains-lot-rack" /></Form.Item></Col>
          <Col span={5}><Form.Item name="box" label={<Bi zh="盒" en="Box" />}><Input maxLength={20} placeholder="B12" data-testid="strains-lot-box" /></Form.Item></Col>
          <Col span={5}><Form.Item name="position" label={<Bi zh="位置" en="Position" />}><Input maxLength={5} placeholder="A7" data-testid="strains-lot-position" /></Form.Item></Col>
        </Row>
        <Form.Item name="noteZh" label={<Bi zh="备注" en="Note" />}><Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} /></Form.Item>
      </Form>
    </Modal>
  );
}
