import { describe, expect, it } from 'vitest';
import { can, isRole, mayEditPriority, mayUpdateAction, type Permission, type Person, type Role } from './policy.ts';

const table: [Role, Permission, boolean][] = [
  ['admin', 'users:manage', true],
  ['admin', 'agencies:manage', true],
  ['admin', 'boards:manage', true],
  ['admin', 'audit:read', true],
  ['analyst', 'users:manage', false],
  ['analyst', 'audit:read', false],
  ['sponsor', 'boards:manage', false],
  ['contributor', 'agencies:manage', false],
  ['member', 'audit:read', false],
  ['viewer', 'partnership:read', true],
  ['viewer', 'tokens:own', true],
  ['viewer', 'users:manage', false],
  ['admin', 'plans:manage', true],
  ['sponsor', 'plans:manage', false],
  ['analyst', 'plans:manage', false],
  ['member', 'priorities:propose', true],
  ['sponsor', 'priorities:propose', true],
  ['contributor', 'priorities:propose', false],
  ['viewer', 'priorities:propose', false],
  ['analyst', 'indicators:manage', true],
  ['contributor', 'indicators:manage', false],
  ['sponsor', 'indicators:manage', false],
  ['analyst', 'data:sign-off', true],
  ['contributor', 'data:sign-off', false],
  ['contributor', 'data:enter', true],
  ['member', 'data:enter', false],
  ['viewer', 'data:enter', false],
];

describe('can', () => {
  it.each(table)('%s may %s: %s', (role, permission, allowed) => {
    expect(can(role, permission)).toBe(allowed);
  });

  it('allows nothing without a role', () => {
    expect(can(undefined, 'partnership:read')).toBe(false);
  });
});

describe('isRole', () => {
  it.each([
    ['admin', true],
    ['viewer', true],
    ['Admin', false],
    ['root', false],
    [undefined, false],
  ])('%s → %s', (value, expected) => {
    expect(isRole(value)).toBe(expected);
  });
});

const person = (role: Role, over: Partial<Person> = {}): Person => ({ userId: 'me', role, agencyId: 'police', ...over });

describe('mayEditPriority', () => {
  it.each<[string, Person, string | null, boolean]>([
    ['an admin, any priority', person('admin'), 'someone', true],
    ['its sponsor', person('sponsor'), 'me', true],
    ['another priority’s sponsor', person('sponsor'), 'someone', false],
    ['a sponsor, priority without sponsor', person('sponsor'), null, false],
    ['a member named as sponsor but not in the sponsor role', person('member'), 'me', false],
    ['a contributor', person('contributor'), 'me', false],
  ])('%s: %s', (_name, who, sponsorUserId, allowed) => {
    expect(mayEditPriority(who, { sponsorUserId })).toBe(allowed);
  });
});

describe('mayUpdateAction', () => {
  const action = { sponsorUserId: 'sponsor-1', ownerUserId: 'owner-1', leadAgencyId: 'police' };
  it.each<[string, Person, boolean]>([
    ['an admin', person('admin'), true],
    ['the priority’s sponsor', person('sponsor', { userId: 'sponsor-1' }), true],
    ['another sponsor', person('sponsor'), false],
    ['the action’s owner', person('member', { userId: 'owner-1', agencyId: null }), true],
    ['a contributor from the lead agency', person('contributor'), true],
    ['a contributor from another agency', person('contributor', { agencyId: 'health' }), false],
    ['a contributor with no agency', person('contributor', { agencyId: null }), false],
    ['a member of the lead agency', person('member'), false],
    ['an analyst', person('analyst'), false],
    ['a viewer who owns it', person('viewer', { userId: 'owner-1' }), false],
  ])('%s: %s', (_name, who, allowed) => {
    expect(mayUpdateAction(who, action)).toBe(allowed);
  });
});
