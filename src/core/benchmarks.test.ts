import { describe, expect, it } from 'vitest';
import {
  byar,
  neighbourMean,
  quantile,
  quartileBand,
  quartiles,
  rank,
  rateInterval,
  ratePer,
  significance,
  wilson,
  type Polarity,
} from './benchmarks.ts';

describe('quantile (R type 7)', () => {
  it.each([
    [[1, 2, 3, 5, 7, 9], 0.25, 2.25],
    [[1, 2, 3, 5, 7, 9], 0.5, 4],
    [[1, 2, 3, 5, 7, 9], 0.75, 6.5],
    [[7, 1, 3, 9, 5, 2], 0.25, 2.25],
    [[10], 0.75, 10],
    [[1, 2], 0.5, 1.5],
    [[1, 2, 3, 4], 0, 1],
    [[1, 2, 3, 4], 1, 4],
    [[5, 5, 5, 5], 0.25, 5],
  ])('%j at %d is %d', (values, p, expected) => {
    expect(quantile(values, p)).toBeCloseTo(expected, 10);
  });

  it('skips missing values and has none for nothing', () => {
    expect(quantile([null, 1, null, 3], 0.5)).toBe(2);
    expect(quantile([null, null], 0.5)).toBeNull();
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([1, 2], 1.5)).toBeNull();
  });

  it('gives the quartiles with their count', () => {
    expect(quartiles([1, 2, 3, 5, 7, 9, null])).toEqual({ q1: 2.25, median: 4, q3: 6.5, n: 6 });
    expect(quartiles([])).toBeNull();
  });
});

describe('quartileBand', () => {
  const councils = [1, 2, 3, 5, 7, 9]; // Q1 2.25, median 4, Q3 6.5
  it.each<[number, Polarity, string | null]>([
    [1, 'smaller', 'A'],
    [2.25, 'smaller', 'A'], // on Q1: the better band
    [3, 'smaller', 'B'],
    [4, 'smaller', 'B'],
    [6.5, 'smaller', 'C'],
    [9, 'smaller', 'D'],
    [1, 'bigger', 'D'],
    [2.25, 'bigger', 'D'],
    [4, 'bigger', 'C'],
    [6.5, 'bigger', 'B'],
    [6.6, 'bigger', 'A'],
    [4, 'band', null],
    [4, 'none', null],
  ])('%d with %s is better → %s', (value, polarity, band) => {
    expect(quartileBand(value, councils, polarity)).toBe(band);
  });

  it('has no band for a missing value or no councils', () => {
    expect(quartileBand(null, councils, 'bigger')).toBeNull();
    expect(quartileBand(3, [null], 'bigger')).toBeNull();
  });
});

describe('rank', () => {
  const councils = [10, 20, 20, 30, null];
  it.each<[number, Polarity, { rank: number; of: number } | null]>([
    [30, 'bigger', { rank: 1, of: 4 }],
    [20, 'bigger', { rank: 2, of: 4 }], // ties share the best rank: 1, 2, 2, 4
    [10, 'bigger', { rank: 4, of: 4 }],
    [10, 'smaller', { rank: 1, of: 4 }],
    [20, 'smaller', { rank: 2, of: 4 }],
    [30, 'smaller', { rank: 4, of: 4 }],
    [20, 'none', null],
  ])('%d when %s is better', (value, polarity, expected) => {
    expect(rank(value, councils, polarity)).toEqual(expected);
  });
});

describe('neighbourMean', () => {
  it.each([
    [[10, 20, 30], 20, 3],
    [[10, null, 30, null], 20, 2],
    [[null, null], null, 0],
    [[], null, 0],
  ])('%j → %s from %d', (values, mean, count) => {
    expect(neighbourMean(values)).toEqual({ mean, count });
  });
});

describe('ratePer', () => {
  it('agrees with the seed 003 scorecard: Walsall child protection plans at 31 March 2013', () => {
    expect(Number(ratePer(251, 63386, 10000)!.toFixed(1))).toBe(39.6);
  });

  it.each([
    [1, 0],
    [1, -5],
    [Number.NaN, 10],
  ])('has no rate for %d / %d', (n, d) => {
    expect(ratePer(n, d, 10000)).toBeNull();
  });
});

describe('wilson (Newcombe 1998, table I)', () => {
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    [20, 20, 0.8389, 1],
  ])('%d/%d → %d to %d', (x, n, lower, upper) => {
    const ci = wilson(x, n)!;
    expect(ci.lower).toBeCloseTo(lower, 4);
    expect(ci.upper).toBeCloseTo(upper, 4);
  });

  it.each([
    [1, 0],
    [5, 4],
    [-1, 4],
  ])('refuses %d/%d', (x, n) => {
    expect(wilson(x, n)).toBeNull();
  });
});

describe('byar', () => {
  it('is within 0.01 of the exact Poisson limits for 10 events (4.7954 to 18.3904)', () => {
    const ci = byar(10)!;
    expect(Math.abs(ci.lower - 4.7954)).toBeLessThan(0.01);
    expect(Math.abs(ci.upper - 18.3904)).toBeLessThan(0.01);
  });

  it('starts at zero for no events, with the exact upper limit near 3.689', () => {
    const ci = byar(0)!;
    expect(ci.lower).toBe(0);
    expect(Math.abs(ci.upper - 3.689)).toBeLessThan(0.03);
  });

  it('scales to a rate: Walsall’s 39.6 per 10,000 lies inside its own interval', () => {
    const ci = rateInterval(251, 63386, 10000)!;
    expect(ci.lower).toBeLessThan(39.6);
    expect(ci.upper).toBeGreaterThan(39.6);
    expect(ci.lower).toBeCloseTo(34.85, 1);
    expect(ci.upper).toBeCloseTo(44.81, 1);
  });
});

describe('significance', () => {
  const interval = { lower: 35, upper: 45 };
  it.each<[number, Polarity, string]>([
    [40, 'bigger', 'similar'],
    [35, 'smaller', 'similar'],
    [30, 'bigger', 'better'],
    [30, 'smaller', 'worse'],
    [50, 'bigger', 'worse'],
    [50, 'smaller', 'better'],
    [30, 'none', 'higher'],
    [50, 'band', 'lower'],
  ])('England %d, %s is better → %s', (england, polarity, expected) => {
    expect(significance(interval, england, polarity)).toBe(expected);
  });

  it('says nothing without an interval or England', () => {
    expect(significance(null, 40, 'bigger')).toBeNull();
    expect(significance(interval, null, 'bigger')).toBeNull();
  });
});
