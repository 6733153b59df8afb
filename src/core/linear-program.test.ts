import { describe, expect, it } from 'vitest';
import { countRanges, type Equation, type Range } from './linear-program.ts';

// Test data builders: an equation written as its terms and constant.
const equation = (terms: Record<string, number>, equals: number): Equation => ({ terms, equals });
const range = (min: number, max: number): Range => ({ min, max });

const cases: { name: string; equations: Equation[]; ranges: Record<string, Range | null> }[] = [
  {
    name: 'a total and one of two parts pin the other',
    equations: [equation({ a: 1, b: 1 }, 5), equation({ b: 1 }, 2)],
    ranges: { a: range(3, 3), b: range(2, 2) },
  },
  { name: 'a total alone bounds its parts by it', equations: [equation({ a: 1, b: 1 }, 5)], ranges: { a: range(0, 5), b: range(0, 5) } },
  {
    name: 'counts being 0 or more pin a cell no single equation does (a ≤ 10 and a ≥ 10)',
    equations: [equation({ a: 1, b: 1 }, 10), equation({ a: 1, c: -1 }, 10)],
    ranges: { a: range(10, 10), b: range(0, 0), c: range(0, 0) },
  },
  {
    name: 'a difference alone leaves a cell unbounded above',
    equations: [equation({ a: 1, b: -1 }, 2)],
    ranges: { a: range(2, Infinity) },
  },
  {
    name: 'three overlapping totals pin a cell (a = (13 − 17 + 10) / 2)',
    equations: [equation({ a: 1, b: 1 }, 13), equation({ b: 1, c: 1 }, 17), equation({ a: 1, c: 1 }, 10)],
    ranges: { a: range(3, 3), b: range(10, 10), c: range(7, 7) },
  },
  {
    name: 'a table with row and column totals bounds a corner by its smaller margin',
    equations: [
      ...[equation({ a: 1, b: 1 }, 12), equation({ c: 1, d: 1 }, 26)],
      ...[equation({ a: 1, c: 1 }, 8), equation({ b: 1, d: 1 }, 30)],
    ],
    ranges: { a: range(0, 8), d: range(18, 26) },
  },
  {
    name: 'differences of totals can bound a cell inside 1 to 4 without pinning it',
    equations: [equation({ a: 1, b: 1 }, 9), equation({ b: 1, c: -1 }, 5), equation({ a: 1, d: -1 }, 1)],
    ranges: { a: range(1, 4) },
  },
  {
    name: 'bounds are rounded inward to whole counts',
    equations: [equation({ a: 2, b: 1 }, 7)],
    ranges: { a: range(0, 3), b: range(0, 7) },
  },
  { name: 'a cell with no whole value has no range', equations: [equation({ a: 2 }, 7)], ranges: { a: null } },
  { name: 'totals that cannot both hold give no range', equations: [equation({ a: 1, b: 1 }, -3)], ranges: { a: null } },
  {
    name: 'a repeated or implied equation changes nothing',
    equations: [equation({ a: 1, b: 1 }, 5), equation({ a: 1, b: 1 }, 5), equation({ a: 2, b: 2 }, 10), equation({ b: 1 }, 2)],
    ranges: { a: range(3, 3) },
  },
  {
    name: 'parts of the table sharing no unknown are solved apart, so a contradiction in one leaves the other',
    equations: [equation({ a: 1, b: 1 }, 5), equation({ c: 1, d: 1 }, -1)],
    ranges: { a: range(0, 5), c: null },
  },
  {
    name: 'an unknown in no equation ranges from 0 upwards, and a zero coefficient is no link',
    equations: [equation({ a: 1, z: 0 }, 4)],
    ranges: { a: range(4, 4), z: range(0, Infinity), nowhere: range(0, Infinity) },
  },
  {
    name: 'a degenerate start (a total of 0) still finds the bounds: c = a, so b = 0',
    equations: [equation({ a: 1, b: 1, c: -1 }, 0), equation({ c: 1, d: 1 }, 6), equation({ a: 1, d: 1 }, 6)],
    ranges: { a: range(0, 6), b: range(0, 0), c: range(0, 6) },
  },
];

describe('countRanges', () => {
  it.each(cases)('$name', ({ equations, ranges }) => {
    expect(Object.fromEntries(countRanges(equations, Object.keys(ranges)))).toEqual(ranges);
  });

  it('refuses a constant that is not a whole number', () => {
    expect(() => countRanges([equation({ a: 1 }, 2.5)], ['a'])).toThrow(RangeError);
  });

  it('is exact where floating point is not, with counts near 2^53', () => {
    const big = 2 ** 53 - 1;
    expect(countRanges([equation({ a: 1, b: 1 }, big), equation({ b: 1 }, big - 3)], ['a']).get('a')).toEqual(range(3, 3));
  });
});

/** mulberry32: a small seeded generator, so the random systems are the same on every run. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Equations with coefficients −1, 0 or 1 over four unknowns, holding for a true solution of counts 0 to 4. */
function randomSystem(random: () => number) {
  const names = ['a', 'b', 'c', 'd'];
  const truth = Object.fromEntries(names.map((n) => [n, Math.floor(random() * 5)]));
  const equations = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
    const terms = Object.fromEntries(names.map((n) => [n, Math.floor(random() * 3) - 1]));
    return equation(
      terms,
      names.reduce((sum, n) => sum + terms[n]! * truth[n]!, 0),
    );
  });
  return { names, truth, equations };
}

/** Every assignment of 0 to 6 to the unknowns that satisfies the equations. */
function solutionsUpTo6(names: string[], equations: Equation[]): Record<string, number>[] {
  const all = names.reduce<Record<string, number>[]>(
    (partial, n) => partial.flatMap((p) => [0, 1, 2, 3, 4, 5, 6].map((v) => ({ ...p, [n]: v }))),
    [{}],
  );
  return all.filter((x) => equations.every((e) => Object.entries(e.terms).reduce((sum, [n, k]) => sum + k * x[n]!, 0) === e.equals));
}

describe('100 random systems (seeded): every whole solution lies within the ranges', () => {
  const random = generator(20_261_124);
  const systems = Array.from({ length: 100 }, (_, i) => ({ i, ...randomSystem(random) }));

  it.each(systems)('system $i', ({ names, truth, equations }) => {
    const ranges = countRanges(equations, names);
    const outside = solutionsUpTo6(names, equations).filter((x) =>
      names.some((n) => x[n]! < ranges.get(n)!.min || x[n]! > ranges.get(n)!.max),
    );
    expect(outside).toEqual([]);
    expect(names.filter((n) => truth[n]! < ranges.get(n)!.min || truth[n]! > ranges.get(n)!.max)).toEqual([]);
  });
});
