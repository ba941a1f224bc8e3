import { type CategoryRow, type CategoryTranslations, CategoryTree, categoriesFromRows } from './category';
import rows from './isic-rev4.data.json' with { type: 'json' };
import translations from './isic-rev4.translations.json' with { type: 'json' };

/** ISIC Rev.4 with its titles in every language Parkbridge speaks (see translation-note.ts). */
export const localizedCategories = new CategoryTree(
  categoriesFromRows(rows as unknown as CategoryRow[], translations as CategoryTranslations),
);
