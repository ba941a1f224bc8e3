import type { Lang } from '../shared/locale';

/** Only the English ISIC titles are official (UNSD); the others were written for Parkbridge. */
export const TRANSLATIONS_ARE_UNOFFICIAL = true as const;

type TranslatedLang = Exclude<Lang, 'en'>;

/**
 * Where each language's titles come from. `official` stays false until someone compares the titles
 * with the published national text: recalling a national wording is not the same as checking it.
 * isic-rev4.translations.md says the same for readers of the data file.
 */
export const translationSources: Readonly<
  Record<TranslatedLang, { readonly official: false; readonly basis: string }>
> = {
  fa: {
    official: false,
    basis:
      "Parkbridge's translation. It follows the terms Iranian statistics use for economic activities " +
      '(ساخت for manufacture, طبقه‌بندی‌نشده در جای دیگر for n.e.c.), but was not checked against the ' +
      "Statistical Centre of Iran's Persian ISIC Rev.4.",
  },
  mn: {
    official: false,
    basis:
      "Parkbridge's translation, not checked against the NSO of Mongolia's ISIC Rev.4-based " +
      'classification of economic activities.',
  },
  vi: {
    official: false,
    basis:
      "Parkbridge's translation. Where a VSIC 2018 class covers the same activity the wording follows " +
      'VSIC 2018 as recalled by the translator, not checked against Decision 27/2018/QĐ-TTg; VSIC ' +
      'codes differ from ISIC codes in places, so the codes here are always ISIC.',
  },
  zh: {
    official: false,
    basis:
      "Parkbridge's translation in Simplified Chinese, using GB/T 4754-2017 terms for the same " +
      'activities where they exist (e.g. 焙烤食品, 有色金属), not checked against the published standard; ' +
      'GB/T 4754 groups activities differently from ISIC.',
  },
};

export const translationNote =
  'ISIC Rev.4 titles in English are the official UN Statistics Division wording. ' +
  'Persian, Mongolian, Vietnamese and Chinese titles are unofficial translations made for Parkbridge; ' +
  'they cover every section, division, group and class. ' +
  'National classifications (e.g. VSIC 2018, GB/T 4754-2017) may word the same activities differently.';
