import { useState } from 'react';
import { Button, Descriptions, Drawer, Space, Table, Tabs, Tag } from 'antd';
import { EditOutlined, ExperimentOutlined, SwapOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { useLang } from '../../../app/i18n';
import { useApi } from '../../../app/useApi';
import { bi, dateTime } from '../../supervision/shared';
import type { LotDetail, Move, ViabilityTest } from './api';
import { oneOf } from './forms';
import { MOVE_KINDS, VIABILITY_METHODS } from './labels';
import { LotFormModal } from './LotFormModal';
import { MoveModal, ViabilityModal } from './LotModals';
import { FlagTags, LotStatusTag, MethodTag } from './StockTags';

type Dialog = 'edit' | 'move' | 'test' | null;

/** A lot: what it holds and where, its ledger with the balance after each move, its viability tests, and the curator's actions. */
export function LotDrawer({ lotId, onClose, onChanged }: { lotId: string; onClose: () => void; onChanged: () => void }) {
  const lang = useLang();
  const lot = useApi<LotDetail>(`/api/strain-lots/${lotId}`);
  const [dialog, setDialog] = useState<Dialog>(null);
  const l = lot.data;
  const done = () => { setDialog(null); lot.reload(); onChanged(); };
  const active = l?.status === 'active';

  return (
    <Drawer open width={760} onClose={onClose} destroyOnHidden data-testid="strains-lot-drawer"
      title={l ? <span><span className="mono">{l.code}</span> · {l.subjectZh}</span> : <Bi zh="保藏批次" en="Lot" />}
      extra={l && (
        <Space>
          <Button icon={<SwapOutlined />} disabled={!active} onClick={() => setDialog('move')} data-testid="strains-lot-move"><Bi zh="出入库" en="Move" /></Button>
          <Button icon={<ExperimentOutlined />} disabled={!active} onClick={() => setDialog('test')} data-testid="strains-lot-test"><Bi zh="活力检测" en="Test" /></Button>
          <Button icon={<EditOutlined />} disabled={!active} onClick={() => setDialog('edit')} data-testid="strains-lot-edit"><Bi zh="修改" en="Edit" /></Button>
        </Space>
      )}>
      <LoadState loading={lot.loading && !l} error={lot.error} reload={lot.reload}>
        {l && (
          <>
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label={<Bi zh="菌种/种质" en="Holds" />} span={2}>
                {l.strainId ? <Link to={`/strains/${l.strainId}`}>{l.subjectZh}</Link> : l.subjectZh}
                {l.restricted && <Tag color="red" style={{ marginLeft: 8 }}>{bi(lang, { zh: '受限', en: 'Restricted' })}</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label={<Bi zh="状态" en="Status" />}><Space size={4}><LotStatusTag status={l.status} /><FlagTags flags={l.flags} /></Space></Descriptions.Item>
              <Descriptions.Item label={<Bi zh="保藏方式" en="Method" />}><MethodTag method={l.method} /></Descriptions.Item>
              <Descriptions.Item label={<Bi zh="现存 / 制备" en="On hand / prepared" />}><b data-testid="strains-lot-on-hand">{l.vialsOnHand}</b> / {l.vialsPrepared}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="预警数量" en="Alert level" />}>{l.alertLevel}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="位置" en="Place" />}><span className="mono">{l.place ?? '—'}</span></Descriptions.Item>
              <Descriptions.Item label={<Bi zh="制备日期 / 传代" en="Prepared / passage" />}>{l.preparedOn} · P{l.passage ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="下次活力检测" en="Next test" />}>{l.nextTestDue ?? '—'}{l.viabilityIntervalMonths ? <span className="cell-sub">（{lang === 'zh' ? `每 ${l.viabilityIntervalMonths} 个月` : `every ${l.viabilityIntervalMonths} months`}）</span> : null}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="备注" en="Note" />}>{l.noteZh ?? '—'}</Descriptions.Item>
            </Descriptions>
            <Tabs style={{ marginTop: 12 }} items={[
              {
                key: 'moves', label: <Bi zh={`出入库台账（${l.moves.length}）`} en={`Ledger (${l.moves.length})`} />,
                children: (
                  <Table<Move> rowKey="id" size="small" pagination={{ pageSize: 10, hideOnSinglePage: true }} dataSource={l.moves} data-testid="strains-lot-ledger"
                    columns={[
                      { title: <Bi zh="日期" en="Date" />, dataIndex: 'movedOn', width: 110 },
                      { title: <Bi zh="类型" en="Kind" />, dataIndex: 'kind', width: 150, render: (k: string) => <Tag color={MOVE_KINDS[k]?.color}>{oneOf(lang, MOVE_KINDS, k)}</Tag> },
                      { title: <Bi zh="变动" en="Change" />, dataIndex: 'delta', width: 80, align: 'right', render: (d: number) => <span className={d < 0 ? 'delta-out' : 'delta-in'}>{d > 0 ? `+${d}` : d}</span> },
                      { title: <Bi zh="结存" en="Balance" />, dataIndex: 'balanceAfter', width: 80, align: 'right' },
                      {
                        title: <Bi zh="说明" en="Note" />, key: 'note',
                        render: (_, m) => <div>{m.sharingRequestId ? <Link to={`/strains/requests/${m.sharingRequestId}`}>{m.sharingRequestCode}</Link> : m.reasonZh}<div className="cell-sub">{m.movedByName ?? ''} · {dateTime(m.createdAt)}</div></div>,
                      },
                    ]} />
                ),
              },
              {
                key: 'tests', label: <Bi zh={`活力检测（${l.viabilityTests.length}）`} en={`Viability tests (${l.viabilityTests.length})`} />,
                children: (
                  <Table<ViabilityTest> rowKey="id" size="small" pagination={false} dataSource={l.viabilityTests}
                    locale={{ emptyText: bi(lang, { zh: '尚无检测记录 — 点击“活力检测”记录一次复苏结果', en: 'No tests yet: record a revival with “Test”' }) }}
                    columns={[
                      { title: <Bi zh="日期" en="Date" />, dataIndex: 'testedOn', width: 110 },
                      { title: <Bi zh="方法" en="Method" />, dataIndex: 'method', width: 120, render: (m: string) => oneOf(lang, VIABILITY_METHODS, m) },
                      { title: <Bi zh="结果" en="Result" />, key: 'r', render: (_, t) => (t.resultValue != null ? `${t.resultValue} ${t.resultUnit ?? ''}` : '—') },
                      { title: <Bi zh="结论" en="Verdict" />, dataIndex: 'passed', width: 100, render: (p: boolean) => <Tag color={p ? 'green' : 'red'}>{bi(lang, p ? { zh: '合格', en: 'Passed' } : { zh: '不合格', en: 'Failed' })}</Tag> },
                      { title: <Bi zh="检测人" en="By" />, dataIndex: 'testedByName', width: 120 },
                    ]} />
                ),
              },
            ]} />
            {dialog === 'edit' && <LotFormModal lot={l} onClose={() => setDialog(null)} onDone={done} />}
            {dialog === 'move' && <MoveModal lot={l} onClose={() => setDialog(null)} onDone={done} />}
            {dialog === 'test' && <ViabilityModal lot={l} onClose={() => setDialog(null)} onDone={done} />}
          </>
        )}
      </LoadState>
    </Drawer>
  );
}
