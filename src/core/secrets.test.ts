import { describe, expect, it } from 'vitest';
import { hmac, randomToken, safeEqual, sha256 } from './secrets.ts';

describe('secrets', () => {
  it('makes URL-safe random tokens of the requested entropy', () => {
    expect(randomToken(32)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('never repeats a token', () => {
    expect(randomToken()).not.toBe(randomToken());
  });

  it('hashes the same input the same way', () => {
    expect(sha256('abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
  });

  it('keys HMACs by their key', () => {
    expect(hmac('k1', 'v')).not.toBe(hmac('k2', 'v'));
  });

  it.each([
    ['same', 'same', true],
    ['same', 'other', false],
    ['short', 'longer value', false],
  ])('safeEqual(%s, %s) → %s', (a, b, expected) => {
    expect(safeEqual(a, b)).toBe(expected);
  });
});
