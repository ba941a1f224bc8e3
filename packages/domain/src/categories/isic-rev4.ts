import { type CategoryRow, CategoryTree, categoriesFromRows } from './category';
import rows from './isic-rev4.data.json' with { type: 'json' };

/**
 * ISIC Rev.4 with English titles: what the domain checks codes against and names things with. Its
 * translations live apart (isic-rev4-localized.ts), so only the category routes carry them. The
 * data is not parsed at load, which cost a cold start tens of milliseconds: the generator writes it
 * through the Category schema, and category.test.ts parses it again and compares it with the
 * reference CSV.
 */
export const categories = new CategoryTree(categoriesFromRows(rows as unknown as CategoryRow[]));
