import { useState } from 'react';
import { Button, Card, Empty, Space, Table, Tag } from 'antd';
import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { Bi } from '../../../app/components/Bi';
import { useLang } from '../../../app/i18n';
import { useApi } from '../../../app/useApi';
import { bi } from '../../supervision/shared';
import { useStockRoles } from './access';
import type { Lot, Move, StrainLots } from './api';
import { oneOf } from './forms';
import { MOVE_KINDS } from './labels';
import { LotFormModal } from './LotFormModal';
import { RequestStrainModal } from './RequestStrainModal';
import { FlagTags, LotStatusTag, MethodTag } from './StockTags';

/** Curators: the strain's lots (each opening on the stock page) and its latest moves, and a lot to prepare. */
function CuratorPanel({ strainId }: { strainId: string }) {
  const lang = useLang();
  const data = useApi<StrainLots>(`/api/strains/${strainId}/lots`);
  const [preparing, setPreparing] = useState(false);
  const d = data.data;
  return (
    <Card className="panel" size="small" data-testid="strains-stock-panel"
      title={<span><Bi zh="保藏库存" en="Preservation stock" />{d && <span className="cell-sub">{lang === 'zh' ? ` 在库 ${d.vialsOnHand} 支` : ` ${d.vialsOnHand} vials in stock`}</span>}</span>}
      extra={<Button size="small" icon={<PlusOutlined />} onClick={() => setPreparing(true)} data-testid="strains-panel-prepare"><Bi zh="制备批次" en="Prepare a lot" /></Button>}>
      <Table<Lot> rowKey="id" size="small" pagination={false} dataSource={d?.lots ?? []} loading={data.loading}
        locale={{ emptyText: <Empty description={bi(lang, { zh: '尚无保藏批次 — 点击“制备批次”入库', en: 'No lots yet: prepare one' })} /> }}
        columns={[
          { title: <Bi zh="批次" en="Lot" />, dataIndex: 'code', width: 140, render: (c: string, l) => <Link className="mono" to={`/strains/stock?lot=${l.id}`}>{c}</Link> },
          { title: <Bi zh="方式" en="Method" />, dataIndex: 'method', width: 130, render: (m: string) => <MethodTag method={m} /> },
          { title: <Bi zh="现存" en="On hand" />, dataIndex: 'vialsOnHand', width: 80, align: 'right' },
          { title: <Bi zh="位置" en="Place" />, dataIndex: 'place', render: (p: string | null) => <span className="mono">{p ?? '—'}</span> },
          { title: <Bi zh="状态" en="Status" />, key: 's', width: 180, render: (_, l) => <Space size={2} wrap><LotStatusTag status={l.status} /><FlagTags flags={l.flags} /></Space> },
        ]} />
      {(d?.moves.length ?? 0) > 0 && (
        <Table<Move> rowKey="id" size="small" style={{ marginTop: 12 }} pagination={{ pageSize: 5, hideOnSinglePage: true }} dataSource={d!.moves}
          columns={[
            { title: <Bi zh="日期" en="Date" />, dataIndex: 'movedOn', width: 110 },
            { title: <Bi zh="批次" en="Lot" />, dataIndex: 'lotCode', width: 140, render: (c: string) => <span className="mono">{c}</span> },
            { title: <Bi zh="类型" en="Kind" />, dataIndex: 'kind', width: 140, render: (k: string) => <Tag color={MOVE_KINDS[k]?.color}>{oneOf(lang, MOVE_KINDS, k)}</Tag> },
            { title: <Bi zh="变动 / 结存" en="Change / balance" />, key: 'd', width: 120, render: (_, m) => `${m.delta > 0 ? '+' : ''}${m.delta} → ${m.balanceAfter}` },
            { title: <Bi zh="说明" en="Note" />, key: 'n', render: (_, m) => (m.sharingRequestId ? <Link to={`/strains/requests/${m.sharingRequestId}`}>{m.sharingRequestCode}</Link> : m.reasonZh) },
          ]} />
      )}
      {preparing && <LotFormModal strainId={strainId} onClose={() => setPreparing(false)} onDone={() => { setPreparing(false); data.reload(); }} />}
    </Card>
  );
}

/**
 * A strain's stock and sharing on its page: the lots and moves for curators; for requesters a
 * "request this strain" button with the MTA; nothing for visitors and other roles.
 */
export default function StrainStockPanel({ strainId }: { strainId: string }) {
  const navigate = useNavigate();
  const { curator, requester } = useStockRoles();
  const [asking, setAsking] = useState(false);
  if (curator) return <CuratorPanel strainId={strainId} />;
  if (!requester) return null;
  return (
    <>
      <Button type="primary" icon={<SendOutlined />} onClick={() => setAsking(true)} data-testid="strains-request-this"><Bi zh="申请此菌种" en="Request this strain" /></Button>
      {asking && <RequestStrainModal strainId={strainId} onClose={() => setAsking(false)} onDone={(r) => navigate(`/strains/requests/${r.id}`)} />}
    </>
  );
}
