import { Tag, Tooltip } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { useLang } from '../../app/i18n';
import { LabelTag } from '../industry/tags';
import { bi, dateTime, one } from '../supervision/shared';
import { REQUEST_CLOCKS, REQUEST_STATES, SERVICE_KINDS, timeLeftText, type RequestClock, type RequestState, type ServiceKind } from './labels.deals';

export const RequestStateTag = ({ state }: { state: RequestState }) => <span data-state={state}><LabelTag label={REQUEST_STATES[state] ?? { zh: state, en: state }} /></span>;

export const ServiceKindTag = ({ kind }: { kind: ServiceKind | string | null }) => (kind && kind in SERVICE_KINDS ? <LabelTag label={SERVICE_KINDS[kind as ServiceKind]} /> : null);

/**
 * A request's clock as a coloured tag: green on time, orange due within a day, red overdue;
 * once answered, met or missed. Open ones say how long is left; the due time is on hover.
 */
export function RequestClockTag({ clock, dueAt, now = new Date() }: { clock: RequestClock | null; dueAt: string; now?: Date }) {
  const lang = useLang();
  if (!clock) return <Tag data-clock="none">—</Tag>;
  const c = REQUEST_CLOCKS[clock];
  const open = clock === 'ok' || clock === 'due' || clock === 'overdue';
  const text = open ? `${one(lang, c)} · ${timeLeftText(lang, dueAt, now)}` : one(lang, c);
  return (
    <Tooltip title={`${bi(lang, { zh: '办理时限', en: 'Due' })} ${dateTime(dueAt)}`}>
      <Tag color={c.color} data-clock={clock}>{text}</Tag>
    </Tooltip>
  );
}

export function GreenChannelTag() {
  const lang = useLang();
  return (
    <Tooltip title={bi(lang, { zh: '绿色通道：办理时限减半', en: 'Green channel: half the days' })}>
      <Tag color="green" icon={<ThunderboltOutlined />} data-testid="pilot-green-channel">{one(lang, { zh: '绿色通道', en: 'Green channel' })}</Tag>
    </Tooltip>
  );
}
