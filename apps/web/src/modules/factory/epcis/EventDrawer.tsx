import { Descriptions, Drawer, Space, Tag, Typography } from 'antd';
import { Bi } from '../../../app/components/Bi';
import { useLang } from '../../../app/i18n';
import { bi, dateTime, one } from '../../supervision/shared';
import type { EpcisEvent, Vocabularies } from './api';
import { EVENT_TYPE_COLOURS } from './labels';

type Q = { epcClass: string; quantity?: number; uom?: string };
const ids = (v: unknown) => (Array.isArray(v) ? v as string[] : []);
const quantities = (v: unknown) => (Array.isArray(v) ? v as Q[] : []);
const idOf = (v: unknown) => (v && typeof v === 'object' ? (v as { id?: string }).id : undefined);

/** A CBV value in words when the vocabulary knows it, else as written. */
export function cbvText(lang: 'zh' | 'en', vocab: Vocabularies | null, kind: 'bizSteps' | 'dispositions' | 'eventTypes' | 'actions' | 'errorReasons', code: string | undefined) {
  if (!code) return '—';
  const bare = code.replace(/^.*[:/](BizStep-|Disp-|ER-)?/, '');
  const v = vocab?.[kind].find((x) => x.code === code || x.code === bare);
  return v ? one(lang, v) : code;
}

function EpcList({ list }: { list: string[] }) {
  if (!list.length) return null;
  return <Space size={[4, 4]} wrap>{list.map((e) => <Tag key={e} className="mono">{e}</Tag>)}</Space>;
}
function QuantityList({ list }: { list: Q[] }) {
  if (!list.length) return null;
  return <Space size={[4, 4]} wrap>{list.map((q, i) => <Tag key={`${q.epcClass}${i}`} className="mono">{q.epcClass}{q.quantity !== undefined ? ` × ${q.quantity}${q.uom ? ` ${q.uom}` : ''}` : ''}</Tag>)}</Space>;
}

/** One event in words — what, when, where, why — and as the standard's JSON. */
export function EventDrawer({ event, vocab, onClose }: { event: EpcisEvent | null; vocab: Vocabularies | null; onClose: () => void }) {
  const lang = useLang();
  const e = event;
  const rows: [React.ReactNode, React.ReactNode][] = [];
  if (e) {
    const add = (zh: string, en: string, v: React.ReactNode) => { if (v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && !v.length)) rows.push([<Bi zh={zh} en={en} />, v]); };
    add('事件类型', 'Event type', <Tag color={EVENT_TYPE_COLOURS[e.type]}>{cbvText(lang, vocab, 'eventTypes', e.type)}</Tag>);
    add('动作', 'Action', e.action ? cbvText(lang, vocab, 'actions', e.action) : null);
    add('发生时间', 'Event time', `${dateTime(e.eventTime)} (${String(e.eventTimeZoneOffset ?? '')})`);
    add('入库时间', 'Record time', dateTime(e.recordTime));
    add('业务步骤', 'Business step', e.bizStep ? cbvText(lang, vocab, 'bizSteps', e.bizStep) : null);
    add('处置状态', 'Disposition', e.disposition ? cbvText(lang, vocab, 'dispositions', e.disposition) : null);
    add('读取点', 'Read point', idOf(e.readPoint) && <span className="mono">{idOf(e.readPoint)}</span>);
    add('业务位置', 'Business location', idOf(e.bizLocation) && <span className="mono">{idOf(e.bizLocation)}</span>);
    add('父标识', 'Parent', e.parentID ? <span className="mono">{String(e.parentID)}</span> : null);
    add('EPC', 'EPCs', ids(e.epcList).length ? <EpcList list={ids(e.epcList)} /> : null);
    add('子 EPC', 'Child EPCs', ids(e.childEPCs).length ? <EpcList list={ids(e.childEPCs)} /> : null);
    add('数量', 'Quantities', quantities(e.quantityList).length ? <QuantityList list={quantities(e.quantityList)} /> : null);
    add('子数量', 'Child quantities', quantities(e.childQuantityList).length ? <QuantityList list={quantities(e.childQuantityList)} /> : null);
    add('投入', 'Inputs', ids(e.inputEPCList).length || quantities(e.inputQuantityList).length ? <><EpcList list={ids(e.inputEPCList)} /><QuantityList list={quantities(e.inputQuantityList)} /></> : null);
    add('产出', 'Outputs', ids(e.outputEPCList).length || quantities(e.outputQuantityList).length ? <><EpcList list={ids(e.outputEPCList)} /><QuantityList list={quantities(e.outputQuantityList)} /></> : null);
    const txs = Array.isArray(e.bizTransactionList) ? e.bizTransactionList as { type?: string; bizTransaction: string }[] : [];
    add('业务单据', 'Business transactions', txs.length ? <Space direction="vertical" size={2}>{txs.map((t) => <span key={t.bizTransaction} className="mono">{t.type ? `${t.type}: ` : ''}{t.bizTransaction}</span>)}</Space> : null);
    const sd = [...(Array.isArray(e.sourceList) ? e.sourceList as { type: string; source: string }[] : []).map((s) => `⇠ ${s.type}: ${s.source}`), ...(Array.isArray(e.destinationList) ? e.destinationList as { type: string; destination: string }[] : []).map((d) => `⇢ ${d.type}: ${d.destination}`)];
    add('来源 / 去向', 'Source / destination', sd.length ? <Space direction="vertical" size={2}>{sd.map((x) => <span key={x} className="mono">{x}</span>)}</Space> : null);
    add('批次属性 (ILMD)', 'Lot master data (ILMD)', e.ilmd ? <span className="mono">{Object.entries(e.ilmd as object).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join('; ')}</span> : null);
    add('传感器数据', 'Sensor data', Array.isArray(e.sensorElementList) ? bi(lang, { zh: `${e.sensorElementList.length} 组传感器报告`, en: `${e.sensorElementList.length} sensor element(s)` }) : null);
    const err = e.errorDeclaration as { declarationTime?: string; reason?: string } | undefined;
    add('错误声明', 'Error declaration', err ? <Typography.Text type="danger">{dateTime(err.declarationTime)} · {err.reason ? cbvText(lang, vocab, 'errorReasons', err.reason) : ''}</Typography.Text> : null);
  }
  return (
    <Drawer open={!!e} onClose={onClose} size="large" title={<span className="mono" style={{ fontSize: 13 }}>{e?.eventID}</span>} data-testid="epcis-event-drawer">
      {e && (
        <>
          <Descriptions column={1} size="small" bordered items={rows.map(([label, children], i) => ({ key: String(i), label, children }))} />
          <Typography.Title level={5} style={{ marginTop: 16 }}><Bi zh="标准 JSON" en="Standard JSON" /></Typography.Title>
          <Typography.Paragraph copyable={{ text: JSON.stringify(e, null, 2) }}>
            <pre className="mono" style={{ maxHeight: 420, overflow: 'auto', background: '#fafafa', padding: 12, fontSize: 12 }} data-testid="epcis-event-json">{JSON.stringify(e, null, 2)}</pre>
          </Typography.Paragraph>
        </>
      )}
    </Drawer>
  );
}
