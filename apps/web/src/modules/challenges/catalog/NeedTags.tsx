import { Tag } from 'antd';
import { useLang } from '../../../app/i18n';
import { one } from '../../supervision/shared';
import { NEED_FIELDS, NEED_STATUSES } from './labels';
import { fieldText } from './NeedModel';

/** A need's status as a coloured tag. */
export function NeedStatusTag({ status }: { status?: string }) {
  const lang = useLang();
  if (!status || !NEED_STATUSES[status]) return null;
  return <Tag color={NEED_STATUSES[status].color} data-testid="need-status" data-status={status}>{one(lang, NEED_STATUSES[status])}</Tag>;
}

/** A need's technology field as a tag; "other" with the field the raiser named. */
export function NeedFieldTag({ field, other }: { field: string; other?: string | null }) {
  const lang = useLang();
  return <Tag color={NEED_FIELDS[field]?.color}>{fieldText(lang, field, other)}</Tag>;
}
