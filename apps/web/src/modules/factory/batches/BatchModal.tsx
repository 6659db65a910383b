import { Form, Input, Modal, Select } from 'antd';
import { api, qs } from '../../../app/api';
import { useSession } from '../../../app/session';
import { useLang } from '../../../app/i18n';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { bi } from '../../supervision/shared';
import type { Batch, Page } from './api';
import { PHASES } from './labels';

interface Values { factory: string; externalId: string; equipment: string; recipe: string; productZh?: string; strainAccession?: string; phase?: string }

/** Registering a batch of one of the operator's factories (its systems may do the same with a token). */
export function BatchModal({ onClose, onSaved }: { onClose: () => void; onSaved: (b: Batch) => void }) {
  const lang = useLang();
  const [form] = Form.useForm<Values>();
  const { user } = useSession();
  // The operator's own factories: the list is public, the batch is registered for one's own organisation only.
  const factories = useApi<Page<{ id: string; code: string; nameZh: string }>>(`/api/factory/factories${qs({ limit: 200, organisationId: user?.organisationId ?? undefined })}`);
  const { submit, saving } = useFormSubmit(form, async (v) => onSaved(await api.post<Batch>('/api/factory/batches', { ...v, productZh: v.productZh || null, strainAccession: v.strainAccession || null })));
  const L = (zh: string, en: string) => bi(lang, { zh, en });
  return (
    <Modal open title={L('登记批次', 'Register a batch')} onCancel={onClose} onOk={submit} confirmLoading={saving} okText={L('开始批次', 'Start the batch')} okButtonProps={{ 'data-testid': 'batch-save' } as never} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ phase: 'batch' }}>
        <Form.Item name="factory" label={L('工厂', 'Factory')} rules={[{ required: true }]}>
          <Select data-testid="batch-factory" options={(factories.data?.items ?? []).map((f) => ({ value: f.code, label: `${f.nameZh}（${f.code}）` }))} loading={factories.loading} />
        </Form.Item>
        <Form.Item name="externalId" label={L('工厂批次号（MQTT 主题中使用）', 'Factory batch number (used in MQTT topics)')} rules={[{ required: true, pattern: /^[^/+#\s]{1,60}$/, message: L('不含空格和 / + #', 'no spaces or / + #') }]}>
          <Input data-testid="batch-external-id" placeholder="GLU-2611-03" />
        </Form.Item>
        <Form.Item name="equipment" label={L('设备', 'Equipment')} rules={[{ required: true }]}><Input data-testid="batch-equipment" placeholder="50m³ 发酵罐 F-301" /></Form.Item>
        <Form.Item name="recipe" label={L('工艺配方', 'Recipe')} rules={[{ required: true }]}><Input data-testid="batch-recipe" placeholder="谷氨酸发酵 v3" /></Form.Item>
        <Form.Item name="productZh" label={L('产品', 'Product')}><Input placeholder="L-谷氨酸" /></Form.Item>
        <Form.Item name="strainAccession" label={L('菌种保藏号（菌种库）', 'Strain accession (strain bank)')}><Input placeholder="CQMCC 10001" /></Form.Item>
        <Form.Item name="phase" label={L('首个阶段', 'First phase')}>
          <Select options={Object.entries(PHASES).map(([value, n]) => ({ value, label: bi(lang, n) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
