import { useState } from 'react';
import { Alert, Button, Drawer, Empty, Form, Input, InputNumber, Select, Space, Steps, Table, Typography } from 'antd';
import { api, errorMessage, qs } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { useLang } from '../../../app/i18n';
import { useApi } from '../../../app/useApi';
import { bi, dateTime } from '../../supervision/shared';
import type { Batch, GoldenPreview, GoldenProfile, Page } from './api';
import { GoldenBands } from './GoldenBands';

/**
 * Making a golden profile in three steps: pick a recipe, tick its good completed batches (at least
 * three), preview the band aligned by phase, then save (it replaces the recipe's active profile).
 */
export function GoldenCreate({ onClose, onSaved }: { onClose: () => void; onSaved: (p: GoldenProfile) => void }) {
  const lang = useLang();
  const L = (zh: string, en: string) => bi(lang, { zh, en });
  const good = useApi<Page<Batch>>(`/api/factory/batches${qs({ outcome: 'good', state: 'completed', limit: 500 })}`);
  const recipes = [...new Set((good.data?.items ?? []).map((b) => b.recipe))];
  const [recipe, setRecipe] = useState<string>();
  const [picked, setPicked] = useState<string[]>([]);
  const [k, setK] = useState(3);
  const [nameZh, setNameZh] = useState('');
  const [preview, setPreview] = useState<GoldenPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const batches = (good.data?.items ?? []).filter((b) => b.recipe === recipe);
  const body = () => ({ batchIds: picked, k, nameZh: nameZh || null });
  const run = async (work: () => Promise<void>) => { setBusy(true); setError(null); try { await work(); } catch (e) { setError(errorMessage(e)); } finally { setBusy(false); } };
  const step = preview ? 2 : recipe ? 1 : 0;

  return (
    <Drawer open width={960} title={L('建立黄金批次', 'Create a golden profile')} onClose={onClose} destroyOnHidden
      extra={<Space>
        <Button disabled={picked.length < 3} loading={busy && !preview} onClick={() => run(async () => setPreview(await api.post<GoldenPreview>('/api/factory/golden/preview', body())))} data-testid="golden-preview"><Bi zh="预览带宽" en="Preview" /></Button>
        <Button type="primary" disabled={!preview} loading={busy && !!preview} onClick={() => run(async () => onSaved(await api.post<GoldenProfile>('/api/factory/golden', body())))} data-testid="golden-save"><Bi zh="保存" en="Save" /></Button>
      </Space>}>
      <Steps size="small" current={step} style={{ marginBottom: 16 }} items={[{ title: L('选择配方', 'Recipe') }, { title: L('选择合格批次', 'Good batches') }, { title: L('预览并保存', 'Preview and save') }]} />
      <LoadState loading={good.loading && !good.data} error={good.error} reload={good.reload}>
        {recipes.length === 0
          ? <Empty description={L('尚无已完成且判定合格的批次：先在批次页完成批次并判定“合格”', 'No completed good batches yet: complete batches and judge them good first')} />
          : <>
            <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
              <Form.Item label={L('配方', 'Recipe')}>
                <Select style={{ width: 220 }} value={recipe} data-testid="golden-recipe" onChange={(r) => { setRecipe(r); setPreview(null); setPicked((good.data?.items ?? []).filter((b) => b.recipe === r).map((b) => b.id)); }} options={recipes.map((r) => ({ value: r, label: r }))} />
              </Form.Item>
              <Form.Item label="k（均值 ± kσ）"><InputNumber min={0.5} max={6} step={0.5} value={k} onChange={(v) => { setK(v ?? 3); setPreview(null); }} /></Form.Item>
              <Form.Item label={L('名称', 'Name')}><Input style={{ width: 220 }} value={nameZh} onChange={(e) => setNameZh(e.target.value)} placeholder={L('默认：配方 黄金批次', 'Default: recipe golden profile')} /></Form.Item>
            </Form>
            {recipe && <Table<Batch> rowKey="id" size="small" pagination={false} dataSource={batches} data-testid="golden-batches"
              rowSelection={{ selectedRowKeys: picked, onChange: (keys) => { setPicked(keys as string[]); setPreview(null); } }}
              columns={[
                { title: <Bi zh="批次" en="Batch" />, dataIndex: 'code', render: (c: string, b) => <span className="mono">{c} · {b.externalId}</span> },
                { title: <Bi zh="设备" en="Equipment" />, dataIndex: 'equipment' },
                { title: <Bi zh="开始" en="Started" />, dataIndex: 'startedAt', render: (t: string) => dateTime(t) },
                { title: <Bi zh="结束" en="Ended" />, dataIndex: 'endedAt', render: (t: string) => dateTime(t) },
              ]} />}
            {recipe && picked.length < 3 && <Typography.Text type="warning">{L('至少选择 3 个批次', 'Choose at least 3 batches')}</Typography.Text>}
          </>}
      </LoadState>
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} />}
      {preview && <div style={{ marginTop: 16 }} data-testid="golden-preview-charts">
        <Alert style={{ marginBottom: 12 }} type="info" showIcon title={L(`${preview.batchIds.length} 个批次按阶段对齐，网格步长 ${Math.round(preview.stepMs / 60000)} 分钟；阴影为均值 ± ${preview.k}σ`, `${preview.batchIds.length} batches aligned by phase, a point every ${Math.round(preview.stepMs / 60000)} min; shaded: mean ± ${preview.k}σ`)} />
        <GoldenBands grid={preview.grid} bands={preview.bands} variables={preview.variables} testPrefix="preview" />
      </div>}
    </Drawer>
  );
}
