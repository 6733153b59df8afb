/**
 * Benchmarks for a council's figure among all councils (issue 3): statistical-neighbour mean,
 * quartile band and rank as DfE's LA Interactive Tool computes them, and significance against
 * England from 95% confidence intervals. Pure functions; missing values are null.
 */

/** Which way is better: bigger, smaller, within a target band, or no judgement. */
export type Polarity = 'bigger' | 'smaller' | 'band' | 'none';

/** The normal deviate for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

const present = (values: readonly (number | null | undefined)[]): number[] =>
  values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));

/**
 * The p-th quantile by linear interpolation between order statistics: R's default (type 7),
 * which DfE's LA Interactive Tool uses.
 * @example quantile([1, 2, 3, 5, 7, 9], 0.25) // 2.25
 */
export function quantile(values: readonly (number | null)[], p: number): number | null {
  const xs = present(values).sort((a, b) => a - b);
  if (xs.length === 0 || p < 0 || p > 1) return null;
  const h = (xs.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, xs.length - 1);
  return xs[lo]! + (h - lo) * (xs[hi]! - xs[lo]!);
}

export interface Quartiles {
  q1: number;
  median: number;
  q3: number;
  /** How many values they were worked out from. */
  n: number;
}

export function quartiles(values: readonly (number | null)[]): Quartiles | null {
  const xs = present(values);
  if (xs.length === 0) return null;
  return { q1: quantile(xs, 0.25)!, median: quantile(xs, 0.5)!, q3: quantile(xs, 0.75)!, n: xs.length };
}

export type QuartileBand = 'A' | 'B' | 'C' | 'D';

/**
 * The quartile band of a value among all councils' values (England and regions excluded by the
 * caller), A best. Smaller is better: A if ≤ Q1, B if ≤ median, C if ≤ Q3, else D; bigger is
 * better: D if ≤ Q1, C if ≤ median, B if ≤ Q3, else A. No band without a direction.
 */
export function quartileBand(value: number | null, councils: readonly (number | null)[], polarity: Polarity): QuartileBand | null {
  if (value === null || !Number.isFinite(value) || (polarity !== 'bigger' && polarity !== 'smaller')) return null;
  const q = quartiles(councils);
  return q && bandOf(value, q, polarity);
}

/** The quartile band of a value given the councils' quartiles already worked out (see quartileBand). */
export function bandOf(value: number | null, q: Quartiles | null, polarity: Polarity): QuartileBand | null {
  if (value === null || !Number.isFinite(value) || !q || (polarity !== 'bigger' && polarity !== 'smaller')) return null;
  const position = value <= q.q1 ? 0 : value <= q.median ? 1 : value <= q.q3 ? 2 : 3;
  const smallerBands: QuartileBand[] = ['A', 'B', 'C', 'D'];
  return polarity === 'smaller' ? smallerBands[position]! : smallerBands[3 - position]!;
}

/**
 * The rank of a value among councils' values, 1 = best; ties share the lowest (best) rank, so
 * 1, 2, 2, 4. Null without a direction or a value.
 */
export function rank(value: number | null, councils: readonly (number | null)[], polarity: Polarity): { rank: number; of: number } | null {
  if (value === null || !Number.isFinite(value) || (polarity !== 'bigger' && polarity !== 'smaller')) return null;
  const xs = present(councils);
  const better = xs.filter((x) => (polarity === 'bigger' ? x > value : x < value)).length;
  return { rank: better + 1, of: xs.length };
}

/** The arithmetic mean of the neighbours' values that exist, with how many were used. */
export function neighbourMean(values: readonly (number | null)[]): { mean: number | null; count: number } {
  const xs = present(values);
  return { mean: xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null, count: xs.length };
}

/** A rate per `per` (e.g. 10,000 children) from a count and a population. */
export function ratePer(numerator: number, denominator: number, per: number): number | null {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator <= 0) return null;
  return (numerator / denominator) * per;
}

export interface Interval {
  lower: number;
  upper: number;
}

/**
 * The 95% Wilson score interval for a proportion x / n (Newcombe 1998, method 3), as a
 * proportion between 0 and 1.
 * @example wilson(81, 263) // { lower: 0.2553…, upper: 0.3662… }
 */
export function wilson(x: number, n: number, z = Z95): Interval | null {
  if (!(n > 0) || x < 0 || x > n) return null;
  const p = x / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

/**
 * The 95% interval for a count of events by Byar's approximation to the Poisson distribution,
 * as counts; divide by the population and multiply as for the rate.
 */
export function byar(observed: number, z = Z95): Interval | null {
  if (!Number.isFinite(observed) || observed < 0) return null;
  const lower = observed === 0 ? 0 : observed * (1 - 1 / (9 * observed) - z / (3 * Math.sqrt(observed))) ** 3;
  const o1 = observed + 1;
  const upper = o1 * (1 - 1 / (9 * o1) + z / (3 * Math.sqrt(o1))) ** 3;
  return { lower, upper };
}

/** A rate's 95% interval per `per`, from its count and population (Byar's method). */
export function rateInterval(numerator: number, denominator: number, per: number): Interval | null {
  const counts = byar(numerator);
  if (!counts || !(denominator > 0)) return null;
  return { lower: (counts.lower / denominator) * per, upper: (counts.upper / denominator) * per };
}

export type Significance = 'better' | 'similar' | 'worse' | 'higher' | 'lower';

/**
 * A council's figure against England's: similar when England lies inside the council's 95%
 * interval; otherwise better or worse by the polarity, or just higher or lower without one.
 */
export function significance(interval: Interval | null, england: number | null, polarity: Polarity): Significance | null {
  if (!interval || england === null || !Number.isFinite(england)) return null;
  if (england >= interval.lower && england <= interval.upper) return 'similar';
  const higher = interval.lower > england;
  if (polarity === 'bigger') return higher ? 'better' : 'worse';
  if (polarity === 'smaller') return higher ? 'worse' : 'better';
  return higher ? 'higher' : 'lower';
}
