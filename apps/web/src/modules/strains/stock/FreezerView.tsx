import { Card, Empty, Tooltip, Typography } from 'antd';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { useLang } from '../../../app/i18n';
import { useApi } from '../../../app/useApi';
import { bi, one } from '../../supervision/shared';
import type { LocationView } from './api';
import { boxGrid } from './boxGrid';
import { LOCATION_KINDS } from './labels';

type Held = LocationView['racks'][number]['boxes'][number]['lots'][number];

const heldName = (l: Held) => (l.accession ? `${l.accession} ${l.genus ?? ''} ${l.species ?? ''}` : `${l.germplasmCode ?? ''} ${l.germplasmNameZh ?? ''}`).trim();

/** One box as a grid of positions (A1 …), each taken one showing its lot; lots without a position listed below. */
function Box({ box, lots, onOpen }: { box: string | null; lots: Held[]; onOpen: (id: string) => void }) {
  const lang = useLang();
  const grid = boxGrid(lots);
  const loose = lots.filter((l) => !l.position);
  return (
    <div className="strains-box" data-testid={`strains-box-${box ?? 'none'}`}>
      <div className="strains-box-title">{box ?? bi(lang, { zh: '未分盒', en: 'No box' })}</div>
      {grid.rows.length > 0 && (
        <table className="strains-box-grid">
          <tbody>
            {grid.rows.map((row) => (
              <tr key={row}>
                <th>{row}</th>
                {grid.cols.map((col) => {
                  const lot = grid.at(`${row}${col}`);
                  return (
                    <td key={col} className={lot ? (lot.vialsOnHand <= lot.alertLevel || lot.viabilityFailed ? 'taken warn' : 'taken') : ''}>
                      {lot ? (
                        <Tooltip title={`${lot.code} · ${heldName(lot)} · ${lang === 'zh' ? `${lot.vialsOnHand} 支` : `${lot.vialsOnHand} vials`}`}>
                          <button type="button" onClick={() => onOpen(lot.id)} data-testid={`strains-position-${row}${col}`}>{row}{col}</button>
                        </Tooltip>
                      ) : <span className="free">{row}{col}</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {loose.map((l) => (
        <div key={l.id}><Typography.Link onClick={() => onOpen(l.id)}>{l.code}</Typography.Link> <span className="cell-sub">{heldName(l)} · {l.vialsOnHand}</span></div>
      ))}
    </div>
  );
}

/** 设备 → 架 → 盒 → 位置: what a freezer holds, a taken position opening its lot. */
export function FreezerView({ locationId, onOpen }: { locationId: string; onOpen: (lotId: string) => void }) {
  const lang = useLang();
  const view = useApi<LocationView>(`/api/storage-locations/${locationId}`);
  const v = view.data;
  return (
    <Card className="panel" size="small" style={{ marginTop: 16 }} data-testid="strains-freezer-view"
      title={v ? <span><span className="mono">{v.code}</span> {v.nameZh} <span className="cell-sub">{LOCATION_KINDS[v.kind] ? one(lang, LOCATION_KINDS[v.kind]) : v.kind}{v.roomZh ? ` · ${v.roomZh}` : ''}</span></span> : <Bi zh="设备" en="Freezer" />}>
      <LoadState loading={view.loading && !v} error={view.error} reload={view.reload}>
        {v && (v.racks.length === 0
          ? <Empty description={bi(lang, { zh: '此设备暂无在库批次 — 制备批次时选择此设备即可放入', en: 'Nothing kept here yet: choose this freezer when preparing a lot' })} />
          : v.racks.map((r) => (
            <div key={r.rack ?? '-'} className="strains-rack">
              <div className="strains-rack-title"><Bi zh={`架 ${r.rack ?? '（未分架）'}`} en={`Rack ${r.rack ?? '(none)'}`} /></div>
              <div className="strains-boxes">{r.boxes.map((b) => <Box key={b.box ?? '-'} box={b.box} lots={b.lots} onOpen={onOpen} />)}</div>
            </div>
          )))}
      </LoadState>
    </Card>
  );
}
