import { foundersBecomeAdmins } from './founders-become-admins';
import type { Migration } from './migration';

export * from './migration';

/** Every migration, oldest first. */
export const MIGRATIONS: readonly Migration[] = [foundersBecomeAdmins];
