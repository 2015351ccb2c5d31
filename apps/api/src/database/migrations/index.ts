import { Keyring1763700000000 } from './1763700000000-keyring.js';

/** In order. Generated with `npm run migration:generate`, read, committed, never edited. */
export const MIGRATIONS = [Keyring1763700000000];
