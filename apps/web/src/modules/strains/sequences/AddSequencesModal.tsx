import { useState } from 'react';
import { App as AntApp, Form, Input, Modal, Select, Tabs, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { api, qs } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { useLang } from '../../../app/i18n';
import { bi } from '../../supervision/shared';
import { uploadFasta } from './api';
import { FastaProblems } from './FastaProblems';
import { MARKER_NAMES, MARKERS, type Marker } from './labels';

interface Values { marker: Marker; geneName?: string; description?: string; fasta?: string }

/**
 * A curator adds sequences to a strain: FASTA pasted or a file (.fa, .fasta, .gz), one or many
 * records. The server checks every record first; what it refuses is listed by record with its
 * line and position (not as a toast), and nothing is saved.
 */
export function AddSequencesModal({ strainId, onClose, onDone }: { strainId: string; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const marker = Form.useWatch('marker', form);
  const [tab, setTab] = useState<'paste' | 'file'>('paste');
  const [file, setFile] = useState<File | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    if (tab === 'file' && !file) { message.warning(bi(lang, { zh: '请选择 FASTA 文件', en: 'Choose a FASTA file' })); return; }
    setSaving(true);
    setError(null);
    try {
      const fields = { marker: v.marker, geneName: v.marker === 'gene' ? v.geneName : undefined, description: v.description };
      const r = tab === 'file'
        ? await uploadFasta<{ created: number }>(`/api/strains/${strainId}/sequences${qs(fields)}`, file!)
        : await api.post<{ created: number }>(`/api/strains/${strainId}/sequences`, { ...fields, fasta: v.fasta });
      message.success(bi(lang, { zh: `已添加 ${r.created} 条序列`, en: `${r.created} sequence(s) added` }));
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open width={760} title={<Bi zh="添加序列" en="Add sequences" />} onCancel={onClose} onOk={submit} confirmLoading={saving}
      okText={<Bi zh="保存" en="Save" />} destroyOnHidden okButtonProps={{ 'data-testid': 'seq-add-save' } as never}>
      <Form form={form} layout="vertical" initialValues={{ marker: '16S' }}>
        <Form.Item name="marker" label={<Bi zh="标记" en="Marker" />} rules={[{ required: true }]}>
          <Select data-testid="seq-add-marker" options={MARKERS.map((m) => ({ value: m, label: bi(lang, MARKER_NAMES[m]) }))} />
        </Form.Item>
        {marker === 'gene' && (
          <Form.Item name="geneName" label={<Bi zh="基因名" en="Gene name" />} rules={[{ required: true, message: bi(lang, { zh: '请填写基因名，如 rpoB', en: 'Name the gene, e.g. rpoB' }) }]}>
            <Input maxLength={40} placeholder="rpoB, gyrB, recA …" />
          </Form.Item>
        )}
        <Form.Item name="description" label={<Bi zh="说明（可选；不填则取 FASTA 标题）" en="Description (optional; the FASTA header's otherwise)" />}>
          <Input maxLength={1000} />
        </Form.Item>
        <Tabs activeKey={tab} onChange={(k) => setTab(k as 'paste' | 'file')} items={[
          {
            key: 'paste', label: <Bi zh="粘贴" en="Paste" />,
            children: (
              <Form.Item name="fasta" rules={[{ required: tab === 'paste', message: bi(lang, { zh: '请粘贴 FASTA', en: 'Paste FASTA' }) }]}
                extra={bi(lang, { zh: '以“>”标题行开始；可多条；大小写、U、IUPAC 简并碱基与比对间隔符（- .）均可识别', en: 'Starts with a ">" header; many records allowed; any case, U, IUPAC codes and alignment gaps (- .) are read' })}>
                <Input.TextArea rows={8} className="mono" placeholder={'>my16S Bacillus subtilis CQ-1\nAGAGTTTGATCCTGGCTCAG…'} data-testid="seq-add-fasta" />
              </Form.Item>
            ),
          },
          {
            key: 'file', label: <Bi zh="上传文件" en="Upload a file" />,
            children: (
              <Upload.Dragger accept=".fa,.fasta,.fna,.fas,.txt,.gz" maxCount={1} multiple={false} beforeUpload={(f) => { setFile(f); return false; }}
                onRemove={() => setFile(null)} fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []} data-testid="seq-add-file">
                <p className="ant-upload-drag-icon"><InboxOutlined /></p>
                <p className="ant-upload-text"><Bi zh="点击或拖入 FASTA 文件（可 .gz）" en="Click or drop a FASTA file (.gz too)" /></p>
              </Upload.Dragger>
            ),
          },
        ]} />
      </Form>
      {error !== null && <FastaProblems error={error} testId="seq-add-problems" />}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        <Bi zh="同一菌种不能重复添加相同的序列；每条不超过 15 Mbp。" en="A strain cannot take the same sequence twice; at most 15 Mbp per record." />
      </Typography.Paragraph>
    </Modal>
  );
}
