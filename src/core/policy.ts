/** The roles a person can hold in a partnership, most powerful first. */
export const ROLES = ['admin', 'analyst', 'sponsor', 'contributor', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Partnership admin',
  analyst: 'Performance analyst',
  sponsor: 'Priority sponsor',
  contributor: 'Agency contributor',
  member: 'Board member',
  viewer: 'Viewer',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Manages people, agencies, boards and reads the audit log.',
  analyst: 'Maintains indicators, loads data and builds scorecards.',
  sponsor: 'Owns a priority: its measures, delivery plan and progress.',
  contributor: 'Updates the actions and figures their agency promised.',
  member: 'Reads everything the board sees and records challenge.',
  viewer: 'Reads the partnership’s pages.',
};

/** Everything a person can be allowed to do inside a partnership. */
export type Permission = 'partnership:read' | 'users:manage' | 'agencies:manage' | 'boards:manage' | 'audit:read' | 'tokens:own';

const GRANTS: Record<Permission, readonly Role[]> = {
  'partnership:read': ROLES,
  'tokens:own': ROLES,
  'users:manage': ['admin'],
  'agencies:manage': ['admin'],
  'boards:manage': ['admin'],
  'audit:read': ['admin'],
};

/**
 * The one place that decides whether a role may do something.
 * @example can('analyst', 'users:manage') // false
 */
export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && GRANTS[permission].includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
