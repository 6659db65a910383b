import { useEffect, useState } from 'react';
import { App as AntApp, Button, Card, Descriptions, Popconfirm, Progress, Table, Tag } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { useLang } from '../../../app/i18n';
import { percentOf, type ImportProgress } from '../../../app/importStream';
import { useApi } from '../../../app/useApi';
import { bi, dateTime } from '../../supervision/shared';
import { streamPost, type IndexSegment, type IndexStatus } from './api';
import { bp, mb } from './model';

/** The identification index for the curators: its segments, what it holds, memory, when built and loaded; a rebuild with its progress. */
export function IndexStatusCard({ version }: { version: number }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const status = useApi<IndexStatus>('/api/strains/index');
  const { reload } = status;
  // A reference set loaded or deleted beside this card changes the index.
  useEffect(() => { if (version) reload(); }, [version, reload]);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const s = status.data;

  const rebuild = async () => {
    setProgress({ phase: 'read', done: 0, total: 0 });
    try {
      const r = await streamPost<{ segments: number; sequences: number }>('/api/strains/index/rebuild', setProgress);
      message.success(bi(lang, { zh: `索引已重建：${r.sequences} 条序列，${r.segments} 个分段`, en: `Index rebuilt: ${r.sequences} sequences in ${r.segments} segments` }));
      status.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Card className="panel" size="small" title={<Bi zh="鉴定索引" en="Identification index" />} loading={status.loading && !s} data-testid="identify-index"
      extra={<Popconfirm title={bi(lang, { zh: '从全部序列重建索引？鉴定在重建期间照常可用。', en: 'Rebuild the index from every sequence? Identification keeps working meanwhile.' })} onConfirm={rebuild}>
        <Button size="small" icon={<ReloadOutlined />} loading={!!progress} data-testid="identify-rebuild"><Bi zh="重建索引" en="Rebuild" /></Button>
      </Popconfirm>}>
      {progress && <Progress percent={percentOf(progress)} status="active" data-testid="identify-rebuild-progress" />}
      {s && (
        <>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={[
            { key: 'n', label: <Bi zh="菌种序列" en="Strain sequences" />, children: s.sequences },
            { key: 'r', label: <Bi zh="参考序列" en="Reference records" />, children: s.references },
            { key: 'm', label: <Bi zh="内存" en="Memory" />, children: mb(s.memoryBytes) },
            { key: 'b', label: <Bi zh="最近构建" en="Last built" />, children: dateTime(s.builtAt) },
            { key: 'l', label: <Bi zh="启动载入" en="Loaded at start" />, children: lang === 'zh' ? `${s.loaded.segments} 个分段，补入 ${s.loaded.caughtUp} 条` : `${s.loaded.segments} segments, ${s.loaded.caughtUp} caught up` },
            { key: 'x', label: <Bi zh="不参与比对（长于）" en="Not searched (longer than)" />, children: `> ${bp(s.indexedBases)}` },
          ]} />
          {s.unsaved && <Tag color="warning"><Bi zh="有分段尚未写入数据库，将在下次变更时重试" en="Some segments are not yet saved; retried at the next change" /></Tag>}
          <Table<IndexSegment> rowKey="no" size="small" dataSource={s.segments} pagination={false} style={{ marginTop: 8 }}
            columns={[
              { title: <Bi zh="分段" en="Segment" />, dataIndex: 'no', width: 70 },
              { title: <Bi zh="菌种序列" en="Sequences" />, dataIndex: 'sequences', align: 'right' },
              { title: <Bi zh="参考序列" en="References" />, dataIndex: 'references', align: 'right' },
              { title: <Bi zh="碱基" en="Bases" />, dataIndex: 'residues', align: 'right', render: (n: number) => bp(n) },
              { title: <Bi zh="内存" en="Memory" />, dataIndex: 'memoryBytes', align: 'right', render: (n: number) => mb(n) },
              { title: <Bi zh="构建于" en="Built" />, dataIndex: 'builtAt', render: (t: string) => dateTime(t) },
            ]} />
        </>
      )}
    </Card>
  );
}
