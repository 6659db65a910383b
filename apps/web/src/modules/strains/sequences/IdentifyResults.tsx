import { Card, Empty, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { Bi } from '../../../app/components/Bi';
import { useLang } from '../../../app/i18n';
import { bi, one } from '../../supervision/shared';
import type { Call, Hit, IdentifyResult, QueryResult } from './api';
import { CALL_LEVELS } from './labels';
import './Sequences.css';
import { bp, identityStatus, subjectOf } from './model';

export function CallTag({ call }: { call: Call }) {
  const lang = useLang();
  return (
    <Tooltip title={lang === 'zh' ? call.en : call.zh}>
      <Tag color={CALL_LEVELS[call.level].color} data-testid="identify-call" data-level={call.level}>{one(lang, CALL_LEVELS[call.level])}</Tag>
    </Tooltip>
  );
}

function Subject({ hit }: { hit: Hit }) {
  const s = subjectOf(hit);
  return (
    <div>
      {hit.kind === 'strain'
        ? <Link to={`/strains/${hit.strain.id}`} className="cell-main mono" data-testid="identify-strain-link">{s.title}</Link>
        : <span className="cell-main mono">{s.title}</span>}
      {s.italic && <i style={{ marginLeft: 6 }}>{s.italic}</i>}
      {hit.kind === 'strain' && hit.strain.typeStrain && <Tag style={{ marginLeft: 6 }}>T</Tag>}
      <div className="cell-sub">{hit.kind === 'reference' ? <Tag color="default"><Bi zh="参考" en="Reference" /></Tag> : <Tag color="blue"><Bi zh="本库" en="Bank" /></Tag>}{s.sub}</div>
    </div>
  );
}

function QueryCard({ q, thresholds }: { q: QueryResult; thresholds: IdentifyResult['thresholds'] }) {
  const lang = useLang();
  const best = q.hits[0];
  return (
    <Card className="panel" size="small" data-testid="identify-query"
      title={<Space wrap><span className="mono">{q.id}</span><span className="cell-sub">{bp(q.length)}</span><CallTag call={q.call} /></Space>}>
      <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="identify-call-words">{lang === 'zh' ? q.call.zh : q.call.en}
        <span className="cell-sub" style={{ marginLeft: 8 }}>{lang === 'zh' ? q.call.en : q.call.zh}</span></Typography.Paragraph>
      <Table<Hit> rowKey={(h) => `${h.kind}:${h.kind === 'strain' ? h.sequenceId : h.reference.id}`} size="small" dataSource={q.hits} pagination={false}
        rowClassName={(h) => (h === best ? 'seq-best-hit' : '')}
        locale={{ emptyText: <Empty description={bi(lang, { zh: '没有足够相似的序列', en: 'No sequence is similar enough' })} /> }}
        columns={[
          { title: '#', dataIndex: 'rank', width: 44, align: 'center' },
          { title: <Bi zh="菌种 / 参考序列" en="Strain / reference" />, key: 's', render: (_, h) => <Subject hit={h} /> },
          {
            title: <Bi zh="一致性" en="Identity" />, dataIndex: 'identity', width: 170,
            render: (v: number, h) => <Progress percent={v} size="small" status={identityStatus(h.call.level)} format={(p) => `${(p ?? 0).toFixed(2)}%`} />,
          },
          { title: <Bi zh="覆盖度" en="Coverage" />, dataIndex: 'queryCoverage', width: 150, render: (v: number) => <Progress percent={v} size="small" status={v >= thresholds.minCoverage ? 'normal' : 'exception'} format={(p) => `${Math.round(p ?? 0)}%`} /> },
          {
            title: <Bi zh="比对长度 / 错配 / 空位" en="Aligned / mism. / gaps" />, key: 'a', width: 150,
            render: (_, h) => <Tooltip title={`query ${h.queryStart}–${h.queryEnd} · subject ${h.subjectStart}–${h.subjectEnd}`}>{h.alignedLength} / {h.mismatches} / {h.gaps}</Tooltip>,
          },
          { title: <Bi zh="结论" en="Call" />, key: 'c', width: 100, render: (_, h) => <CallTag call={h.call} /> },
        ]} />
    </Card>
  );
}

/** Each query's ranked hits with identity and coverage bars and the call in words; what was searched. */
export function IdentifyResults({ result }: { result: IdentifyResult }) {
  const lang = useLang();
  const { searched, thresholds } = result;
  return (
    <div data-testid="identify-results">
      <Typography.Paragraph type="secondary">
        {lang === 'zh'
          ? `比对了 ${searched.sequences} 条菌种序列与 ${searched.references} 条参考序列。${result.note.zh}`
          : `Searched ${searched.sequences} strain sequences and ${searched.references} reference records. ${result.note.en}`}
      </Typography.Paragraph>
      {result.queries.map((q) => <QueryCard key={q.id} q={q} thresholds={thresholds} />)}
    </div>
  );
}
