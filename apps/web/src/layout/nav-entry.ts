import type { Permission } from '../auth/use-permissions';
import type en from '../i18n/locales/en.json';

/** A key of the catalogue's `nav` words. */
export type NavLabel = keyof typeof en.nav;

/** A navigation link, shown to people whose role holds `permission`. */
export interface NavEntry {
  to: string;
  /** The link's words: a key of the catalogue's `nav`. */
  label: NavLabel;
  permission: Permission;
}
