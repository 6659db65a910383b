import dayjs, { type Dayjs } from 'dayjs';
import type { Lang } from '../../../app/i18n';
import { bi, one, type Named } from '../../supervision/shared';

/** What the stock forms share: dates kept as YYYY-MM-DD, required-field rules, vocabulary options. */
export const dateProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

export const notAfterToday = (d: Dayjs) => d.isAfter(dayjs().endOf('day'));

export const required = (lang: Lang, zh: string, en: string) => [{ required: true, whitespace: true, message: bi(lang, { zh, en }) }];
export const requiredValue = (lang: Lang, zh: string, en: string) => [{ required: true, message: bi(lang, { zh, en }) }];

export const optionsOf = (lang: Lang, o: Record<string, Named>, only?: readonly string[]) =>
  (only ?? Object.keys(o)).map((value) => ({ value, label: bi(lang, o[value]) }));

export const oneOf = (lang: Lang, o: Record<string, Named>, code: string) => (o[code] ? one(lang, o[code]) : code);
