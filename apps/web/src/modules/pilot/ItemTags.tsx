import { Tag, Tooltip } from 'antd';
import { useLang } from '../../app/i18n';
import type { ItemState } from './api.lists';
import { ITEM_STATES, ORGANISMS, PROCESSES, type Label } from './labels.lists';

/** A label in the reader's language, the other language on hover. */
function LabelTag({ label, color, testId, state }: { label: Label; color?: string; testId?: string; state?: string }) {
  const lang = useLang();
  return (
    <Tooltip title={lang === 'zh' ? label.en : label.zh}>
      <Tag color={color ?? label.color} data-testid={testId} data-state={state}>{label[lang]}</Tag>
    </Tooltip>
  );
}

export function ItemStateTag({ state, testId }: { state: ItemState; testId?: string }) {
  return <LabelTag label={ITEM_STATES[state] ?? { zh: state, en: state }} testId={testId} state={state} />;
}

/** Unit operations as quiet tags (their names are Chinese codes; English on hover or in English). */
export function ProcessTags({ processes, max }: { processes: string[]; max?: number }) {
  const lang = useLang();
  if (!processes.length) return <>—</>;
  const shown = max ? processes.slice(0, max) : processes;
  return (
    <span className="tag-list">
      {shown.map((p) => <LabelTag key={p} label={PROCESSES[p] ?? { zh: p, en: p }} color="geekblue" />)}
      {shown.length < processes.length && <Tag>{lang === 'zh' ? `等 ${processes.length} 项` : `+${processes.length - shown.length}`}</Tag>}
    </span>
  );
}

export function OrganismTags({ organisms }: { organisms: string[] }) {
  const list = organisms.filter((o) => o !== 'none');
  if (!list.length) return <LabelTag label={ORGANISMS.none} />;
  return <span className="tag-list">{list.map((o) => <LabelTag key={o} label={ORGANISMS[o] ?? { zh: o, en: o }} color="cyan" />)}</span>;
}
