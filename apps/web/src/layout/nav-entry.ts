import type { Permission } from '../auth/use-permissions';

/** A navigation link, shown to people whose role holds `permission`. */
export interface NavEntry {
  to: string;
  label: string;
  permission: Permission;
}
