import { useState } from 'react';
import { App as AntApp, Button, Card, Empty, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { ApiError, api, errorMessage } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { useLang } from '../../../app/i18n';
import { useApi } from '../../../app/useApi';
import { bi, dateOnly, useDownload } from '../../supervision/shared';
import type { SequenceItem, StrainSequences } from './api';
import { AddSequencesModal } from './AddSequencesModal';
import { MARKER_NAMES, MARKERS } from './labels';
import { bp } from './model';

/**
 * A strain's sequences on its page, by marker with their lengths; FASTA downloads (all, or one);
 * curators add FASTA and delete. A restricted strain's sequences are not shown to those who
 * see only its public summary (the server answers 404), and the panel says so.
 */
export default function StrainSequencesPanel({ strainId }: { strainId: string }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const dl = useDownload();
  const data = useApi<StrainSequences>(`/api/strains/${strainId}/sequences`);
  const [adding, setAdding] = useState(false);
  const d = data.data;
  const hidden = data.error instanceof ApiError && data.error.status === 404;
  const file = `${(d?.strain.accession ?? 'strain').replace(/\s+/g, '_')}.fasta`;

  const remove = async (q: SequenceItem) => {
    try {
      await api.del(`/api/strain-sequences/${q.id}`);
      message.success(bi(lang, { zh: '已删除序列', en: 'Sequence deleted' }));
      data.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const items = [...(d?.items ?? [])].sort((a, b) => MARKERS.indexOf(a.marker) - MARKERS.indexOf(b.marker) || a.createdAt.localeCompare(b.createdAt));
  return (
    <Card className="panel" size="small" data-testid="strains-sequences-panel"
      title={<span><Bi zh="序列" en="Sequences" />{d && <span className="cell-sub">{lang === 'zh' ? ` 共 ${d.total} 条` : ` ${d.total} in all`}</span>}</span>}
      extra={d && <Space>
        {d.total > 0 && <Button size="small" icon={<DownloadOutlined />} loading={dl.busy} onClick={() => dl.run(`/api/strains/${strainId}/sequences.fasta`, file)} data-testid="seq-download-all"><Bi zh="下载 FASTA" en="FASTA" /></Button>}
        {d.may.add && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="seq-add"><Bi zh="添加序列" en="Add sequences" /></Button>}
      </Space>}>
      {hidden ? (
        <Typography.Text type="secondary" data-testid="seq-hidden">
          <Bi zh="受限菌种的序列仅对有权查看其完整记录者开放。" en="A restricted strain's sequences are open only to those who see its full record." />
        </Typography.Text>
      ) : (
        <Table<SequenceItem> rowKey="id" size="small" loading={data.loading} dataSource={items} pagination={items.length > 10 ? { pageSize: 10 } : false}
          locale={{ emptyText: <Empty description={data.error ? errorMessage(data.error) : d?.may.add
            ? bi(lang, { zh: '尚无序列 — 点击“添加序列”粘贴或上传 FASTA', en: 'No sequences yet: add them as FASTA (paste or upload)' })
            : bi(lang, { zh: '尚无序列', en: 'No sequences yet' })} /> }}
          columns={[
            { title: <Bi zh="标记" en="Marker" />, dataIndex: 'marker', width: 150, render: (_, q) => <Tag color={MARKER_NAMES[q.marker].color}>{q.marker === 'gene' ? q.geneName : lang === 'zh' ? q.markerZh : q.markerEn}</Tag> },
            { title: <Bi zh="序列" en="Sequence" />, key: 'id', render: (_, q) => <div><span className="mono">{q.fastaId}</span>{q.description && <div className="cell-sub">{q.description}</div>}</div> },
            { title: <Bi zh="长度" en="Length" />, dataIndex: 'length', width: 110, align: 'right', render: (n: number) => bp(n) },
            { title: <Bi zh="来源文件 / 添加" en="File / added" />, key: 'src', width: 170, render: (_, q) => <div><div>{q.sourceFileName ?? '—'}</div><div className="cell-sub">{[dateOnly(q.createdAt), q.createdByName].filter(Boolean).join(' · ')}</div></div> },
            {
              title: '', key: 'actions', width: 90, align: 'right',
              render: (_, q) => <Space size={0}>
                <Tooltip title={bi(lang, { zh: '下载此条', en: 'Download this one' })}>
                  <Button type="text" size="small" icon={<DownloadOutlined />} onClick={() => dl.run(`/api/strains/${strainId}/sequences.fasta?sequenceId=${q.id}`, `${q.fastaId}.fasta`)} />
                </Tooltip>
                {d?.may.delete && (
                  <Popconfirm title={bi(lang, { zh: '删除这条序列？', en: 'Delete this sequence?' })} onConfirm={() => remove(q)}>
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} data-testid="seq-delete" />
                  </Popconfirm>
                )}
              </Space>,
            },
          ]} />
      )}
      {adding && <AddSequencesModal strainId={strainId} onClose={() => setAdding(false)} onDone={() => { setAdding(false); data.reload(); }} />}
    </Card>
  );
}
