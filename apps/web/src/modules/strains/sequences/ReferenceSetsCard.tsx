import { useState } from 'react';
import { App as AntApp, Button, Card, Empty, Form, Input, Modal, Popconfirm, Progress, Select, Table, Tag, Typography, Upload } from 'antd';
import { DeleteOutlined, InboxOutlined, PlusOutlined } from '@ant-design/icons';
import { api, errorMessage, qs } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { ImportProblems, importFailure, type ImportFailure } from '../../../app/components/ImportProblems';
import { useLang } from '../../../app/i18n';
import { percentOf, streamImport, type ImportProgress } from '../../../app/importStream';
import { useApi } from '../../../app/useApi';
import { bi, dateOnly } from '../../supervision/shared';
import type { Page, ReferenceSet } from './api';
import { MARKER_NAMES, MARKERS, type Marker } from './labels';

interface Meta { nameZh: string; marker: Marker; source: string; licence: string; description?: string }

/** Loading a reference FASTA as a named set: its source and licence, the file, the progress, the records' problems. */
function LoadSetModal({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Meta>();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [failure, setFailure] = useState<ImportFailure | null>(null);

  const load = async () => {
    let m: Meta;
    try {
      m = await form.validateFields();
    } catch {
      return;
    }
    if (!file) { message.warning(bi(lang, { zh: '请选择 FASTA 文件', en: 'Choose a FASTA file' })); return; }
    setFailure(null);
    setProgress({ phase: 'upload', done: 0, total: 0 });
    try {
      const r = await streamImport<{ created: number }>(`/api/reference-sets${qs({ ...m, fileName: file.name })}`, file, setProgress);
      message.success(bi(lang, { zh: `已载入 ${r.created} 条参考序列`, en: `${r.created} reference records loaded` }));
      onDone();
    } catch (e) {
      setFailure(importFailure(e, file.name));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Modal open width={760} title={<Bi zh="载入参考序列集" en="Load a reference set" />} onCancel={progress ? undefined : onClose} closable={!progress}
      onOk={load} confirmLoading={!!progress} okText={<Bi zh="载入" en="Load" />} destroyOnHidden okButtonProps={{ 'data-testid': 'refset-load-ok' } as never}>
      <Typography.Paragraph type="secondary">
        {bi(lang, { zh: '支持 SINTAX（;tax=…g:属,s:种;）、NCBI 式（>登录号 属 种 …）或仅序列名的标题；每条记录的分类从标题读取。全部校验通过才写入。', en: 'SINTAX (;tax=…g:Genus,s:Species;), NCBI-style (>accession Genus species …) or bare headers; taxonomy is read from each header. Nothing is written unless every record is valid.' })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ marker: '16S' }}>
        <Form.Item name="nameZh" label={<Bi zh="名称" en="Name" />} rules={[{ required: true }]}><Input maxLength={200} data-testid="refset-name" /></Form.Item>
        <Form.Item name="marker" label={<Bi zh="标记" en="Marker" />} rules={[{ required: true }]}>
          <Select options={MARKERS.map((k) => ({ value: k, label: bi(lang, MARKER_NAMES[k]) }))} />
        </Form.Item>
        <Form.Item name="source" label={<Bi zh="来源" en="Source" />} rules={[{ required: true }]}><Input maxLength={500} placeholder="NCBI 16S RefSeq …" data-testid="refset-source" /></Form.Item>
        <Form.Item name="licence" label={<Bi zh="许可" en="Licence" />} rules={[{ required: true }]}><Input maxLength={200} placeholder="CC0, LGPL-2 …" data-testid="refset-licence" /></Form.Item>
        <Form.Item name="description" label={<Bi zh="说明" en="Description" />}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      </Form>
      <Upload.Dragger accept=".fa,.fasta,.fna,.fas,.txt,.gz" maxCount={1} multiple={false} beforeUpload={(f) => { setFile(f); return false; }}
        onRemove={() => setFile(null)} fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []} data-testid="refset-file">
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p className="ant-upload-text"><Bi zh="点击或拖入 FASTA 文件（可 .gz，≤ 10 MB）" en="Click or drop a FASTA file (.gz too, ≤ 10 MB)" /></p>
      </Upload.Dragger>
      {progress && <Progress percent={percentOf(progress)} status="active" style={{ marginTop: 12 }} data-testid="refset-progress" />}
      {failure?.kind === 'problems' && <ImportProblems name={failure.name} message={failure.message} rows={failure.rows} again={null} testId="refset" />}
      {failure?.kind === 'failed' && <Typography.Text type="danger">{failure.message}</Typography.Text>}
    </Modal>
  );
}

/** The reference sets (anyone reads which there are); curators load and delete them. */
export function ReferenceSetsCard({ curator, onChange }: { curator: boolean; onChange: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const sets = useApi<Page<ReferenceSet>>('/api/reference-sets');
  const [loading, setLoading] = useState(false);
  const changed = () => { sets.reload(); onChange(); };

  const remove = async (s: ReferenceSet) => {
    try {
      await api.del(`/api/reference-sets/${s.id}`);
      message.success(bi(lang, { zh: `已删除「${s.nameZh}」`, en: `Deleted ${s.nameZh}` }));
      changed();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Card className="panel" size="small" title={<Bi zh="参考序列集" en="Reference sets" />} data-testid="identify-refsets"
      extra={curator && <Button size="small" icon={<PlusOutlined />} onClick={() => setLoading(true)} data-testid="refset-load"><Bi zh="载入" en="Load" /></Button>}>
      <Table<ReferenceSet> rowKey="id" size="small" loading={sets.loading} dataSource={sets.data?.items ?? []} pagination={false}
        locale={{ emptyText: <Empty description={curator
          ? bi(lang, { zh: '尚无参考序列集 — 点击“载入”上传公开的参考 FASTA（如 16S 模式菌株序列），注明来源与许可', en: 'No reference sets yet: load a public reference FASTA (16S type strains, say) with its source and licence' })
          : bi(lang, { zh: '尚无参考序列集；鉴定只比对本库菌种的序列', en: 'No reference sets yet; identification searches the bank\'s own sequences' })} /> }}
        columns={[
          { title: <Bi zh="名称" en="Name" />, key: 'n', render: (_, s) => <div><span className="cell-main">{s.nameZh}</span><div className="cell-sub">{s.description}</div></div> },
          { title: <Bi zh="标记" en="Marker" />, dataIndex: 'marker', width: 110, render: (m: Marker) => <Tag color={MARKER_NAMES[m].color}>{m}</Tag> },
          { title: <Bi zh="记录" en="Records" />, dataIndex: 'recordCount', width: 80, align: 'right' },
          { title: <Bi zh="来源 / 许可" en="Source / licence" />, key: 'src', render: (_, s) => <div><div>{s.source}</div><div className="cell-sub">{s.licence}</div></div> },
          { title: <Bi zh="载入" en="Loaded" />, key: 'at', width: 130, render: (_, s) => <div>{dateOnly(s.loadedAt)}<div className="cell-sub">{s.loadedByName}</div></div> },
          ...(curator ? [{
            title: '', key: 'd', width: 50,
            render: (_: unknown, s: ReferenceSet) => (
              <Popconfirm title={bi(lang, { zh: `删除「${s.nameZh}」及其 ${s.recordCount} 条记录？`, en: `Delete ${s.nameZh} and its ${s.recordCount} records?` })} onConfirm={() => remove(s)}>
                <Button type="text" size="small" danger icon={<DeleteOutlined />} data-testid="refset-delete" />
              </Popconfirm>
            ),
          }] : []),
        ]} />
      {loading && <LoadSetModal onClose={() => setLoading(false)} onDone={() => { setLoading(false); changed(); }} />}
    </Card>
  );
}
