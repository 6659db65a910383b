import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Col, Descriptions, Empty, Form, InputNumber, Modal, Row, Select, Spin, Table, Typography } from 'antd';
import { api, errorMessage, qs } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { useLang } from '../../../app/i18n';
import { useApi } from '../../../app/useApi';
import { bi, dateTime } from '../../supervision/shared';
import type { Page } from '../epcis/api';
import type { BatchItem, ModelDetail, ModelPreview } from './api';
import { fmt, pct } from './labels';
import { VarianceChart } from './VarianceChart';

interface Options { components?: number | null; confidence: number; consecutive: number }

/**
 * Fitting a model: choose a recipe, then its completed good batches (all by default), preview the
 * components and limits the fit gives, and keep it. The new model replaces the recipe's active one
 * and scores the recipe's running batches at once.
 */
export function FitModelModal({ onClose, onSaved }: { onClose: () => void; onSaved: (m: ModelDetail) => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const good = useApi<Page<BatchItem>>(`/api/factory/batches${qs({ state: 'completed', outcome: 'good', limit: 500 })}`);
  const recipes = useMemo(() => [...new Set((good.data?.items ?? []).map((b) => b.recipe))].sort(), [good.data]);
  const [recipe, setRecipe] = useState<string>();
  const batches = useMemo(() => (good.data?.items ?? []).filter((b) => b.recipe === recipe), [good.data, recipe]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [form] = Form.useForm<Options>();
  const [preview, setPreview] = useState<ModelPreview | null>(null);
  const [busy, setBusy] = useState<'preview' | 'save' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const body = () => {
    const o = form.getFieldsValue();
    return { batchIds: chosen, confidence: o.confidence, consecutive: o.consecutive, ...(o.components ? { components: o.components } : {}) };
  };
  const run = async (what: 'preview' | 'save') => {
    setBusy(what);
    setProblem(null);
    try {
      if (what === 'preview') setPreview(await api.post<ModelPreview>('/api/factory/models/preview', body()));
      else {
        const m = await api.post<ModelDetail>('/api/factory/models', body());
        message.success(bi(lang, { zh: `已建立监控模型 ${m.code}`, en: `Model ${m.code} fitted` }));
        onSaved(m);
      }
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal open width={900} onCancel={onClose} destroyOnHidden mask={{ closable: false }} title={<Bi zh="建立监控模型" en="Fit a monitoring model" />}
      footer={[
        <Button key="c" onClick={onClose}><Bi zh="取消" en="Cancel" /></Button>,
        <Button key="p" disabled={chosen.length < 3} loading={busy === 'preview'} onClick={() => run('preview')} data-testid="model-preview"><Bi zh="预览" en="Preview" /></Button>,
        <Button key="s" type="primary" disabled={chosen.length < 3 || !preview} loading={busy === 'save'} onClick={() => run('save')} data-testid="model-save"><Bi zh="建立并启用" en="Fit and activate" /></Button>,
      ]}>
      <Form form={form} layout="vertical" initialValues={{ confidence: 0.99, consecutive: 3 }} onValuesChange={() => setPreview(null)}>
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item label={<Bi zh="工艺配方" en="Recipe" />} required>
              <Select showSearch value={recipe} loading={good.loading} data-testid="model-recipe" placeholder={bi(lang, { zh: '选择有合格批次的配方', en: 'A recipe with good batches' })}
                onChange={(r: string) => { setRecipe(r); setChosen((good.data?.items ?? []).filter((b) => b.recipe === r).map((b) => b.id)); setPreview(null); }}
                options={recipes.map((r) => ({ value: r, label: `${r}（${(good.data?.items ?? []).filter((b) => b.recipe === r).length}）` }))}
                notFoundContent={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '尚无已完成且判定合格的批次', en: 'No completed batches judged good yet' })} />} />
            </Form.Item>
          </Col>
          <Col xs={8} md={5}><Form.Item name="confidence" label={<Bi zh="置信水平" en="Confidence" />}><Select options={[0.95, 0.99, 0.995, 0.999].map((v) => ({ value: v, label: pct(v) }))} /></Form.Item></Col>
          <Col xs={8} md={4}><Form.Item name="consecutive" label={<Bi zh="连续超限点" en="Points in a row" />}><InputNumber min={1} max={20} style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={8} md={5}><Form.Item name="components" label={<Bi zh="主成分数" en="Components" />} extra={bi(lang, { zh: '空：按规则', en: 'empty: by the rule' })}><InputNumber min={1} max={20} style={{ width: '100%' }} placeholder={bi(lang, { zh: '自动', en: 'auto' })} /></Form.Item></Col>
        </Row>
      </Form>
      {recipe && (
        <Table<BatchItem> rowKey="id" size="small" dataSource={batches} pagination={false} scroll={{ y: 200 }} data-testid="model-batches"
          rowSelection={{ selectedRowKeys: chosen, onChange: (keys) => { setChosen(keys as string[]); setPreview(null); } }}
          columns={[
            { title: <Bi zh="批次" en="Batch" />, dataIndex: 'code', render: (c: string, b) => <span><span className="mono">{c}</span> <span className="cell-sub">{b.externalId}</span></span> },
            { title: <Bi zh="设备" en="Equipment" />, dataIndex: 'equipment' },
            { title: <Bi zh="开始" en="Started" />, dataIndex: 'startedAt', render: (t: string | null) => dateTime(t) },
            { title: <Bi zh="结束" en="Ended" />, dataIndex: 'endedAt', render: (t: string | null) => dateTime(t) },
          ]} />
      )}
      {recipe && chosen.length < 3 && <Alert style={{ marginTop: 8 }} type="info" showIcon message={bi(lang, { zh: '至少选择 3 个合格批次', en: 'Choose at least 3 good batches' })} />}
      {problem && <Alert style={{ marginTop: 8 }} type="error" showIcon message={problem} data-testid="model-problem" />}
      {busy === 'preview' && <div style={{ textAlign: 'center', padding: 24 }}><Spin /><div className="cell-sub">{bi(lang, { zh: '正在按阶段对齐批次并拟合主成分模型…', en: 'Aligning the batches by phase and fitting the PCA model…' })}</div></div>}
      {preview && (
        <div data-testid="model-preview-result" style={{ marginTop: 12 }}>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
            <Descriptions.Item label={<Bi zh="主成分" en="Components" />}><b data-testid="preview-components">{preview.components}</b> / {preview.variables.length}（{pct(preview.cumulative[preview.components - 1])}）</Descriptions.Item>
            <Descriptions.Item label={<Bi zh="T² 控制限" en="T² limit" />}>{fmt(preview.limits.t2)}</Descriptions.Item>
            <Descriptions.Item label={<Bi zh="SPE 控制限" en="SPE limit" />}>{fmt(preview.limits.spe)}</Descriptions.Item>
            <Descriptions.Item label={<Bi zh="建模观测点" en="Observations" />}>{preview.observations.toLocaleString()}</Descriptions.Item>
            <Descriptions.Item label={<Bi zh="阶段" en="Phases" />}>{preview.phases.map((p) => `${lang === 'zh' ? p.zh : p.en} ${p.hours} h`).join(' → ')}</Descriptions.Item>
            <Descriptions.Item label={<Bi zh="合格批次自身超限比例" en="Good batches above the limits" />}>T² {pct(preview.trainingExceedance.t2)} · SPE {pct(preview.trainingExceedance.spe)}</Descriptions.Item>
          </Descriptions>
          <VarianceChart explained={preview.explained} cumulative={preview.cumulative} components={preview.components} height={200} testId="preview-variance" />
          <Typography.Paragraph type="secondary">{bi(lang, { zh: '保留特征值大于平均值的主成分；T² 控制限取自 F 分布，SPE 控制限取自 Jackson–Mudholkar 近似（合格批次自身超限过多时提高至其分位数）。', en: 'Components with eigenvalues above their mean are kept; the T² limit comes from the F distribution, the SPE limit from Jackson–Mudholkar (raised to the good batches’ own quantile where they exceed it too often).' })}</Typography.Paragraph>
        </div>
      )}
    </Modal>
  );
}
