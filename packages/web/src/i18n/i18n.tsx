import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useState,
} from 'react';
import { createFormat, type Format } from '../format/format';
import { interpolate, type Params } from './interpolate';
import { LANGUAGES, type Lang, rememberLang } from './languages';
import type { MessageKey, Messages } from './messages/en';

/** Each catalogue is its own chunk: a visitor downloads only the language it reads. */
const LOADERS: Record<Lang, () => Promise<Messages>> = {
  en: () => import('./messages/en').then((m) => m.en),
  fa: () => import('./messages/fa').then((m) => m.fa),
  mn: () => import('./messages/mn').then((m) => m.mn),
  vi: () => import('./messages/vi').then((m) => m.vi),
  zh: () => import('./messages/zh').then((m) => m.zh),
};

export const loadMessages = (lang: Lang): Promise<Messages> => LOADERS[lang]();

export type Translate = (key: MessageKey, params?: Params) => string;

export interface I18n {
  lang: Lang;
  dir: 'ltr' | 'rtl';
  t: Translate;
  /** A key that may not exist (a notification kind, a problem code): null when it does not. */
  tMaybe: (key: string, params?: Params) => string | null;
  fmt: Format;
  setLang: (lang: Lang) => Promise<void>;
}

const I18nContext = createContext<I18n | null>(null);

export function applyDocumentLanguage(lang: Lang) {
  document.documentElement.lang = lang;
  document.documentElement.dir = LANGUAGES[lang].dir;
}

export function I18nProvider(props: { lang: Lang; messages: Messages; children: ReactNode }) {
  const [state, setState] = useState({ lang: props.lang, messages: props.messages });
  const setLang = useCallback(async (lang: Lang) => {
    const messages = await loadMessages(lang);
    rememberLang(lang);
    setState({ lang, messages });
  }, []);
  useLayoutEffect(() => applyDocumentLanguage(state.lang), [state.lang]);
  const value = useMemo<I18n>(() => {
    const { lang, messages } = state;
    return {
      lang,
      dir: LANGUAGES[lang].dir,
      t: (key, params) => interpolate(messages[key] ?? key, params),
      tMaybe: (key, params) => {
        const m = (messages as Record<string, string>)[key];
        return m === undefined ? null : interpolate(m, params);
      },
      fmt: createFormat(lang),
      setLang,
    };
  }, [state, setLang]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
