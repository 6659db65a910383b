import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { zh } from './locales/zh';
import { en } from './locales/en';

export type Lang = 'zh' | 'en';
const STORAGE_KEY = 'cqb.lang';

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

const htmlLang = (l: Lang) => (l === 'zh' ? 'zh-CN' : 'en');

i18n.use(initReactI18next).init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: storedLang(),
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = htmlLang(i18n.language as Lang);

/** Switches the language and remembers the choice for the next visit. */
export function setLang(l: Lang) {
  try {
    localStorage.setItem(STORAGE_KEY, l);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  document.documentElement.lang = htmlLang(l);
  void i18n.changeLanguage(l);
}

export function useLang(): Lang {
  const { i18n: inst } = useTranslation();
  return inst.language === 'en' ? 'en' : 'zh';
}

/**
 * Picks the current language's field of a record that has both (titleZh / titleEn), falling
 * back to Chinese, the plan's own language.
 */
export function pick<T extends object>(lang: Lang, record: T, field: string): string {
  const r = record as Record<string, unknown>;
  const zhValue = r[`${field}Zh`];
  const enValue = r[`${field}En`];
  const value = lang === 'en' ? enValue || zhValue : zhValue || enValue;
  return typeof value === 'string' ? value : '';
}

/** The other language's field, shown beside the first in a quieter colour. */
export function other<T extends object>(lang: Lang, record: T, field: string): string {
  return pick(lang === 'zh' ? 'en' : 'zh', record, field);
}

export default i18n;
