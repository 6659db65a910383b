import { Tag, Tooltip } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useLang } from '../../../app/i18n';
import { bi, one } from '../../supervision/shared';
import type { StrainSummary } from './api';
import { HAZARD_CLASSES, STRAIN_STATUSES } from './labels';

/** The scientific name in italics as collections write it, the designation upright. */
export function StrainName({ s }: { s: Pick<StrainSummary, 'genus' | 'species' | 'subspecies' | 'strainDesignation'> }) {
  return (
    <span className="records-name">
      <i>{s.genus}{s.species ? ` ${s.species}` : ' sp.'}</i>
      {s.subspecies && <> subsp. <i>{s.subspecies}</i></>}
      {s.strainDesignation && <> {s.strainDesignation}</>}
    </span>
  );
}

export function StatusTag({ status }: { status: string }) {
  const lang = useLang();
  const n = STRAIN_STATUSES[status];
  return <Tag color={n?.color} data-testid="records-status">{n ? one(lang, n) : status}</Tag>;
}

/** Hazard class and level: 第二类 · BSL-3. */
export function HazardTag({ hazardClass, level }: { hazardClass: number | null; level: number }) {
  const lang = useLang();
  const color = hazardClass !== null && hazardClass <= 2 ? 'red' : hazardClass === 3 ? 'orange' : undefined;
  return <Tag color={color}>{one(lang, HAZARD_CLASSES[hazardClass ?? 'none'])} · BSL-{level}</Tag>;
}

/** Why the strain is restricted, and the sharing conditions (GMO, Nagoya/ABS) that do not hide it. */
export function RestrictionTags({ s }: { s: Pick<StrainSummary, 'restricted' | 'restrictionReasons' | 'gmo' | 'nagoyaAbs' | 'typeStrain'> }) {
  const lang = useLang();
  return (
    <span>
      {s.typeStrain && <Tag color="purple">{bi(lang, { zh: '模式菌株', en: 'Type strain' })}</Tag>}
      {s.restricted && (
        <Tooltip title={s.restrictionReasons.map((r) => bi(lang, r)).join('；')}>
          <Tag color="volcano" icon={<LockOutlined />} data-testid="records-restricted-tag">{bi(lang, { zh: '受限', en: 'Restricted' })}</Tag>
        </Tooltip>
      )}
      {s.gmo && <Tag>GMO</Tag>}
      {s.nagoyaAbs && <Tag>{bi(lang, { zh: '名古屋议定书', en: 'Nagoya/ABS' })}</Tag>}
    </span>
  );
}
