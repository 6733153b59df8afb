import { describe, expect, it } from 'vitest';
import { can, isRole, type Permission, type Role } from './policy.ts';

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
