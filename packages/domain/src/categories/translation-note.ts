/** Only the English ISIC titles are official (UNSD); the others were written for Parkbridge. */
export const TRANSLATIONS_ARE_UNOFFICIAL = true as const;

export const translationNote =
  'ISIC Rev.4 titles in English are the official UN Statistics Division wording. ' +
  'Persian, Mongolian, Vietnamese and Chinese titles are unofficial translations made for Parkbridge; ' +
  'they cover all sections and divisions, and groups and classes fall back to English. ' +
  'National classifications (e.g. VSIC 2018, GB/T 4754-2017) may word the same activities differently.';
