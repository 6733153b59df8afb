import { describe, expect, it } from 'vitest';
import { passwordProblem } from './passwords.ts';

const TOO_SHORT = 'Password must be at least 12 characters';
const COMMON = 'This is one of the passwords most often used and tried by attackers. Choose another, such as three random words.';
const PATTERN =
  'This password is a simple pattern (a repeated character or a run like abcdef or 123456). Choose another, such as three random words.';
const OWNER = 'This password is mostly the person’s name or e-mail address. Choose another, such as three random words.';
const JO = { name: 'Jo Bloggs', email: 'jo.bloggs@walsall.gov.uk' };

describe('passwordProblem', () => {
  it.each([
    { password: '', problem: TOO_SHORT },
    { password: 'elevenchars', problem: TOO_SHORT },
    { password: 'twelve chars', problem: undefined },
    { password: 'purple tractor umbrella', problem: undefined },
    { password: 'x7Rq!m2Lp#9Zs', problem: undefined },
    { password: 'purple tractor umbrella kettle '.repeat(9).slice(0, 256), problem: undefined },
    { password: 'tk'.repeat(128) + 'z', problem: 'Password must be 256 characters or fewer' },
    { password: 'password1234', problem: COMMON },
    { password: 'Password1234!', problem: COMMON },
    { password: 'qwertyuiop12', problem: COMMON },
    { password: '!!Liverpool2024', problem: COMMON },
    { password: 'trustno1trustno1', problem: PATTERN },
    { password: 'aaaaaaaaaaaa', problem: PATTERN },
    { password: 'abcabcabcabc', problem: PATTERN },
    { password: '121212121212', problem: PATTERN },
    { password: 'abcdefghijklm', problem: PATTERN },
    { password: '987654321098', problem: PATTERN },
    { password: 'asdfghjklasd', problem: PATTERN },
  ])('"$password" → $problem', ({ password, problem }) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it.each([
    { password: 'JoBloggs2024!', problem: OWNER },
    { password: 'jo.bloggs@walsall', problem: OWNER },
    { password: 'bloggs bloggs bloggs', problem: PATTERN },
    { password: 'Jo Bloggs of Walsall', problem: OWNER },
    { password: 'Bloggs19871987', problem: OWNER },
    { password: 'walsall123456', problem: COMMON },
    { password: 'bloggs purple tractor', problem: undefined },
    { password: 'purple tractor umbrella', problem: undefined },
  ])('for Jo Bloggs, "$password" → $problem', ({ password, problem }) => {
    expect(passwordProblem(password, JO)).toBe(problem);
  });
});
