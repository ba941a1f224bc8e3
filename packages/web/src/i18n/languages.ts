/**
 * The interface languages. Autonyms are how each language names itself, so they are the same in
 * every catalogue. Persian dates use the Solar Hijri calendar and Persian digits.
 */
export const LANGUAGES = {
  en: { autonym: 'English', locale: 'en', dir: 'ltr' },
  fa: { autonym: 'فارسی', locale: 'fa-IR-u-ca-persian-nu-arabext', dir: 'rtl' },
  mn: { autonym: 'Монгол', locale: 'mn-MN', dir: 'ltr' },
  vi: { autonym: 'Tiếng Việt', locale: 'vi-VN', dir: 'ltr' },
  zh: { autonym: '中文', locale: 'zh-CN', dir: 'ltr' },
} as const;

export type Lang = keyof typeof LANGUAGES;
export const LANGS = Object.keys(LANGUAGES) as Lang[];
export const isLang = (v: unknown): v is Lang => typeof v === 'string' && v in LANGUAGES;

const STORAGE_KEY = 'parkbridge.lang';

/** The remembered choice, else the browser's first language we speak, else English. */
export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLang(saved)) return saved;
  } catch {}
  for (const tag of navigator.languages ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}

export function rememberLang(lang: Lang) {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {}
}
