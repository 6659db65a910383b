import { Tag, Tooltip } from 'antd';
import { useLang } from '../../app/i18n';
import type { Reason, RollupColour } from './api';

/** The supervision colours, named in both languages; the reasons appear on hover. */
export const COLOURS: Record<RollupColour, { zh: string; en: string; color: string; hex: string }> = {
  red: { zh: '逾期', en: 'Overdue', color: 'red', hex: '#cf1322' },
  yellow: { zh: '滞后', en: 'Behind', color: 'gold', hex: '#d48806' },
  blue: { zh: '临期', en: 'Due soon', color: 'blue', hex: '#1677ff' },
  green: { zh: '正常', en: 'On track', color: 'green', hex: '#389e0d' },
  closed: { zh: '已销号', en: 'Closed out', color: 'default', hex: '#8c8c8c' },
  none: { zh: '未部署', en: 'No work points', color: 'default', hex: '#bfbfbf' },
};

export function ColourTag({ colour, reasons }: { colour: RollupColour; reasons?: Reason[] }) {
  const lang = useLang();
  const c = COLOURS[colour];
  const tag = <Tag color={c.color} data-colour={colour}>{lang === 'zh' ? c.zh : c.en}</Tag>;
  if (!reasons?.length) return tag;
  return (
    <Tooltip title={<div>{reasons.map((r, i) => <div key={i}>{lang === 'zh' ? r.zh : r.en}<div style={{ opacity: 0.75, fontSize: 12 }}>{lang === 'zh' ? r.en : r.zh}</div></div>)}</div>}>
      <span className="colour-tag" tabIndex={0}>{tag}</span>
    </Tooltip>
  );
}
