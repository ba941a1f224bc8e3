import { normalizeText } from '@parkbridge/domain/text';

/**
 * The supplier directory: one item per approved supplier, in its organisation's partition, listed
 * in one index partition by name (the directory reads pages of it with filters on the stored
 * category keys, park ids, certificate kinds and search text).
 *
 * - `ORG#<orgId>` / `DIRECTORY`
 * - gsi1 `SUPPLIERS` / `<normalised name>#<orgId>`
 */
export const SUPPLIERS = 'SUPPLIERS';
export const directoryKey = (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'DIRECTORY' });
export const directoryIndexKeys = (orgId: string, name: string) => ({
  gsi1pk: SUPPLIERS,
  gsi1sk: `${normalizeText(name).slice(0, 200)}#${orgId}`,
});
export const DIRECTORY_TYPE = 'supplier-directory';
