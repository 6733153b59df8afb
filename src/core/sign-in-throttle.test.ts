import { describe, expect, it } from 'vitest';
import { secondsToWait, throttleKeys } from './sign-in-throttle.ts';

const NOW = new Date('2026-12-03T12:00:00Z');
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);

describe('secondsToWait', () => {
  it.each([
    { case: 'no failures', failures: undefined, free: 5, wait: 0 },
    { case: 'fewer than the free ones', failures: { count: 4, last: NOW }, free: 5, wait: 0 },
    { case: 'the fifth failure just now: 1 s', failures: { count: 5, last: NOW }, free: 5, wait: 1 },
    { case: 'the seventh just now: 4 s', failures: { count: 7, last: NOW }, free: 5, wait: 4 },
    { case: 'the seventh 3 s ago: 1 s left', failures: { count: 7, last: ago(3) }, free: 5, wait: 1 },
    { case: 'the seventh 4 s ago: go ahead', failures: { count: 7, last: ago(4) }, free: 5, wait: 0 },
    { case: 'many: capped at five minutes', failures: { count: 40, last: NOW }, free: 5, wait: 300 },
    { case: 'an address under its 30', failures: { count: 29, last: NOW }, free: 30, wait: 0 },
    { case: 'an address at 32: 4 s', failures: { count: 32, last: NOW }, free: 30, wait: 4 },
  ])('$case', ({ failures, free, wait }) => {
    expect(secondsToWait(failures, free, NOW)).toBe(wait);
  });
});

describe('throttleKeys', () => {
  it('counts an account and an address together, whatever the e-mail’s case and spaces', () => {
    expect(throttleKeys(' Admin@Walsall.example ', '203.0.113.9')).toEqual({
      pair: 'pair:admin@walsall.example|203.0.113.9',
      address: 'address:203.0.113.9',
    });
  });
});
