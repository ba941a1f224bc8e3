import { z } from 'zod';
import { Category, CategoryTree } from './category';
import data from './isic-rev4.data.json' with { type: 'json' };

/**
 * ISIC Rev.4 as Parkbridge carries it, validated once at load. Kept apart from category.ts so the
 * generator and tests can use the schema and tree without this file's data.
 */
export const categories = new CategoryTree(z.array(Category).parse(data));
