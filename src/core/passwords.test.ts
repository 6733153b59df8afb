import { describe, expect, it } from 'vitest';
import { passwordProblem } from './passwords.ts';

describe('passwordProblem', () => {
  it.each([
    { password: '', problem: 'Password must be at least 12 characters' },
    { password: 'elevenchars', problem: 'Password must be at least 12 characters' },
    { password: 'twelve chars', problem: undefined },
    { password: 'x'.repeat(256), problem: undefined },
    { password: 'x'.repeat(257), problem: 'Password must be 256 characters or fewer' },
  ])('"$password" → $problem', ({ password, problem }) => {
    expect(passwordProblem(password)).toBe(problem);
  });
});
