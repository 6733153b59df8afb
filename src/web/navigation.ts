import { can, type Permission, type Role } from '../core/policy.ts';

export interface NavItem {
  key: string;
  text: string;
  path: (slug: string) => string;
  permission: Permission;
}

/**
 * The partnership navigation. A capability adds its entry here when it works, so the menu never
 * offers a page that does not exist.
 */
export const NAVIGATION: readonly NavItem[] = [
  { key: 'home', text: 'Home', path: (s) => `/p/${s}`, permission: 'partnership:read' },
  { key: 'plans', text: 'Plans', path: (s) => `/p/${s}/plans`, permission: 'partnership:read' },
  { key: 'tracker', text: 'Promise tracker', path: (s) => `/p/${s}/tracker`, permission: 'partnership:read' },
  { key: 'scorecards', text: 'Scorecards', path: (s) => `/p/${s}/scorecards`, permission: 'partnership:read' },
  { key: 'packs', text: 'Board packs', path: (s) => `/p/${s}/packs`, permission: 'partnership:read' },
  { key: 'indicators', text: 'Indicators', path: (s) => `/p/${s}/indicators`, permission: 'partnership:read' },
  { key: 'figures', text: 'Enter figures', path: (s) => `/p/${s}/figures`, permission: 'data:enter' },
  { key: 'imports', text: 'Import figures', path: (s) => `/p/${s}/imports`, permission: 'indicators:manage' },
  { key: 'areas', text: 'Areas', path: (s) => `/p/${s}/areas`, permission: 'indicators:manage' },
  { key: 'people', text: 'People', path: (s) => `/p/${s}/admin/people`, permission: 'users:manage' },
  { key: 'agencies', text: 'Agencies', path: (s) => `/p/${s}/admin/agencies`, permission: 'agencies:manage' },
  { key: 'boards', text: 'Boards', path: (s) => `/p/${s}/admin/boards`, permission: 'boards:manage' },
  { key: 'audit', text: 'Audit log', path: (s) => `/p/${s}/admin/audit`, permission: 'audit:read' },
  { key: 'tokens', text: 'API tokens', path: (s) => `/p/${s}/account/tokens`, permission: 'tokens:own' },
];

/** The navigation items a role may see, with the current one marked. */
export function navigationFor(slug: string, role: Role, currentKey: string | undefined) {
  return NAVIGATION.filter((item) => can(role, item.permission)).map((item) => ({
    href: item.path(slug),
    text: item.text,
    active: item.key === currentKey,
    current: item.key === currentKey,
  }));
}
