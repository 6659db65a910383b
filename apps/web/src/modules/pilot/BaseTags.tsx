import { Space, Tag, Tooltip } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { useLang, type Lang } from '../../app/i18n';
import { one } from '../supervision/shared';
import type { HourlyPrices } from './api.bases';
import {
  BASE_TIERS, BOOKING_STATES, BSL_COLORS, EQUIPMENT_STATUSES, ORGANISMS, PROCESSES, QUALITY_GRADES, USER_CATEGORIES, USER_CATEGORY_CODES,
  type BaseTier, type BookingState, type EquipmentStatus, type Label, type Organism, type QualityGrade, type UserCategory,
} from './labels.bases';

/** Tags and small texts the base, atlas, equipment and booking pages share. */

/** One label as a tag in the reader's language, the other language on hover. */
export function LabelTag({ label, color, testId, className }: { label: Label; color?: string; testId?: string; className?: string }) {
  const lang = useLang();
  return (
    <Tooltip title={lang === 'zh' ? label.en : label.zh}>
      <Tag color={color ?? label.color} data-testid={testId} className={className}>{one(lang, label)}</Tag>
    </Tooltip>
  );
}

export const TierTag = ({ tier }: { tier: BaseTier }) => <span data-tier={tier}><LabelTag label={BASE_TIERS[tier]} /></span>;

export function AllianceTag({ member }: { member: boolean }) {
  if (!member) return null;
  return <span data-alliance="true"><Tag color="gold" icon={<TeamOutlined />}><Bil zh="中试联盟" en="Alliance" /></Tag></span>;
}

/** A short bilingual text inside a tag: the reader's language only, the other on hover of the whole. */
function Bil({ zh, en }: { zh: string; en: string }) {
  const lang = useLang();
  return <Tooltip title={lang === 'zh' ? en : zh}><span>{lang === 'zh' ? zh : en}</span></Tooltip>;
}

export function ProcessTags({ processes }: { processes: string[] }) {
  if (!processes.length) return <span className="cell-sub">—</span>;
  return <Space size={[0, 4]} wrap className="tag-list">{processes.map((p) => <LabelTag key={p} label={PROCESSES[p] ?? { zh: p, en: p }} color="blue" />)}</Space>;
}

export function OrganismTags({ organisms }: { organisms: Organism[] }) {
  if (!organisms.length) return <span className="cell-sub">—</span>;
  return <Space size={[0, 4]} wrap className="tag-list">{organisms.map((o) => <LabelTag key={o} label={ORGANISMS[o] ?? { zh: o, en: o }} color="green" />)}</Space>;
}

export const GradeTag = ({ grade }: { grade: QualityGrade }) => <LabelTag label={QUALITY_GRADES[grade] ?? { zh: grade, en: grade }} />;
export const BslTag = ({ level }: { level: number }) => <Tag color={BSL_COLORS[level]} className="mono">BSL-{level}</Tag>;
export const EquipmentStatusTag = ({ status }: { status: EquipmentStatus }) => (
  <span data-status={status}><LabelTag label={EQUIPMENT_STATUSES[status] ?? { zh: status, en: status }} /></span>
);
export const BookingStateTag = ({ state }: { state: BookingState }) => <span data-state={state}><LabelTag label={BOOKING_STATES[state] ?? { zh: state, en: state }} /></span>;
export const CategoryTag = ({ category }: { category: UserCategory }) => <LabelTag label={USER_CATEGORIES[category]} color="default" />;

const money = (lang: Lang, v: number) => v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 });

/** 4,000 元 / 4,000 yuan; a price not set is agreed with the base: 面议 / on request. */
export function yuanText(lang: Lang, v: number | null | undefined, unit?: string | null): string {
  if (v === null || v === undefined) return lang === 'zh' ? '面议' : 'On request';
  return lang === 'zh' ? `${money(lang, v)} 元${unit ? `/${unit.replace(/^元\//, '')}` : ''}` : `${money(lang, v)} yuan${unit ? ` / ${unit.replace(/^元\//, '')}` : ''}`;
}

/** An item's hourly prices, one line per user category. */
export function HourlyPriceList({ prices }: { prices: HourlyPrices }) {
  const lang = useLang();
  return (
    <div className="pb-hourly-prices">
      {USER_CATEGORY_CODES.map((c) => (
        <div key={c} data-category={c}>
          <span className="cell-sub">{one(lang, USER_CATEGORIES[c])}</span>{' '}
          {prices[USER_CATEGORIES[c].priceField] == null ? <span className="cell-sub">{yuanText(lang, null)}</span> : <b>{yuanText(lang, prices[USER_CATEGORIES[c].priceField])}</b>}
          {prices[USER_CATEGORIES[c].priceField] != null && <span className="cell-sub">{lang === 'zh' ? '/小时' : ' / h'}</span>}
        </div>
      ))}
    </div>
  );
}
