import type { Lang } from '../shared/locale';

/**
 * Terms the ISIC translations use the same way at every level (isic-rev4.translations.md). The
 * translation tests check each title against them, and the search tests search by them.
 */
export const GLOSSARY = {
  steel: { en: 'steel', fa: 'فولاد', mn: 'ган', vi: 'thép', zh: '钢' },
  nec: {
    en: 'n.e.c.',
    fa: 'طبقه‌بندی‌نشده در جای دیگر',
    mn: 'өөр ангилалд ороогүй',
    vi: 'chưa được phân vào đâu',
    zh: '未另分类的',
  },
} as const satisfies Record<string, Record<Lang, string>>;

/** [lang, term] for each of the five languages, in LANGS order. */
export const termIn = (term: keyof typeof GLOSSARY) => Object.entries(GLOSSARY[term]) as [Lang, string][];
