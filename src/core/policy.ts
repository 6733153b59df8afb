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
export type Permission =
  | 'partnership:read'
  | 'users:manage'
  | 'agencies:manage'
  | 'boards:manage'
  | 'audit:read'
  | 'tokens:own'
  | 'plans:manage'
  | 'priorities:propose'
  | 'indicators:manage'
  | 'data:enter'
  | 'data:sign-off';

const GRANTS: Record<Permission, readonly Role[]> = {
  'partnership:read': ROLES,
  'tokens:own': ROLES,
  'users:manage': ['admin'],
  'agencies:manage': ['admin'],
  'boards:manage': ['admin'],
  'audit:read': ['admin'],
  'plans:manage': ['admin'],
  // Board members propose candidate priorities and score them (seed 000).
  'priorities:propose': ['admin', 'sponsor', 'member'],
  // Analysts keep the indicator library, import data and sign periods off; the admin may stand in.
  'indicators:manage': ['admin', 'analyst'],
  'data:sign-off': ['admin', 'analyst'],
  // Contributors enter the figures their agency owes.
  'data:enter': ['admin', 'analyst', 'contributor'],
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

/** A person in a partnership, for decisions about particular records. */
export interface Person {
  userId: string;
  role: Role;
  agencyId: string | null;
}

/** Whoever does something, as the audit log names them (a person, or the command line with no user). */
export interface Actor {
  userId: string | null;
  label: string;
}

/** A member of the partnership acting in it: named for the audit log, with their role and agency for per-record permissions. */
export type MemberActor = Actor & Person;

/**
 * Whether a person may change a priority, its measures and its delivery plan: a partnership admin,
 * or the priority's own sponsor.
 */
export function mayEditPriority(person: Person, priority: { sponsorUserId: string | null }): boolean {
  return person.role === 'admin' || (person.role === 'sponsor' && priority.sponsorUserId === person.userId);
}

/**
 * Whether a person may report progress on an action and change its status: whoever may edit its
 * priority, the action's owner, or a contributor from the agency that leads it.
 */
export function mayUpdateAction(
  person: Person,
  action: { sponsorUserId: string | null; ownerUserId: string | null; leadAgencyId: string },
): boolean {
  if (person.role === 'viewer') return false;
  if (mayEditPriority(person, action)) return true;
  if (action.ownerUserId === person.userId) return true;
  return person.role === 'contributor' && person.agencyId !== null && person.agencyId === action.leadAgencyId;
}
