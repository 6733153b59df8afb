import { describe, expect, it } from 'vitest';
import type { Polarity } from './benchmarks.ts';
import {
  DIRECTION_LABELS,
  DIRECTION_LEGEND,
  DIRECTION_SYMBOLS,
  RAG_LABELS,
  RAG_RULE_LABELS,
  directionOfTravel,
  overrideRag,
  ragFor,
  type Direction,
  type DirectionOptions,
  type RagJudgement,
  type RagOverride,
  type RagRule,
  type RatedRow,
  type ReasonFormat,
} from './judgements.ts';
import type { Rag } from './plans.ts';

/** [case, previous, current, polarity, direction, change, options] */
type DirectionRow = [string, number | null, number | null, Polarity, Direction | null, number | null, DirectionOptions?];

describe('directionOfTravel', () => {
  const band10to15: DirectionOptions = { bandLow: 10, bandHigh: 15 };
  const half: DirectionOptions = { maintainedBand: 0.5 };
  const twoPercent: DirectionOptions = { maintainedBand: 0.02, relative: true };

  describe.each<[string, DirectionRow[]]>([
    [
      // Walsall Children's Scrutiny Board, Q3 2013 scorecard (November), appendix 4.
      'the Walsall Q3 2013 scorecard',
      [
        ['initial assessments within 10 days, bigger is better', 64.9, 46.0, 'bigger', 'deteriorated', -18.9],
        ['core assessments within 35 days, bigger is better', 64.7, 82.6, 'bigger', 'improved', 17.9],
        ['repeat child protection plans, both inside the 10–15 band', 10.5, 10.4, 'band', 'maintained', -0.1, band10to15],
        ['first-time offenders per 100,000, smaller is better', 425, 222, 'smaller', 'improved', -203],
        ['social worker vacancy rate, smaller is better', 22.5, 18.6, 'smaller', 'improved', -3.9],
        ['referrals received, no judgement', 4454, 4192, 'none', 'down', -262],
      ],
    ],
    [
      'by default only equal is maintained',
      [
        ['bigger: equal', 50, 50, 'bigger', 'maintained', 0],
        ['bigger: the smallest rise', 50, 50.1, 'bigger', 'improved', 0.1],
        ['bigger: the smallest fall', 50, 49.9, 'bigger', 'deteriorated', -0.1],
        ['smaller: equal', 50, 50, 'smaller', 'maintained', 0],
        ['smaller: a rise', 50, 50.1, 'smaller', 'deteriorated', 0.1],
        ['smaller: a fall', 50, 49.9, 'smaller', 'improved', -0.1],
        ['bigger: a negative score rising', -0.3, -0.1, 'bigger', 'improved', 0.2],
        ['smaller: a negative figure falling', -2, -5, 'smaller', 'improved', -3],
        ['bigger: up from zero', 0, 1, 'bigger', 'improved', 1],
      ],
    ],
    [
      'an absolute maintained band of 0.5',
      [
        ['bigger: a fall of exactly the band', 64.9, 64.4, 'bigger', 'maintained', -0.5, half],
        ['bigger: a rise of exactly the band', 64.9, 65.4, 'bigger', 'maintained', 0.5, half],
        ['bigger: a fall past the band', 64.9, 64.3, 'bigger', 'deteriorated', -0.6, half],
        ['smaller: a rise within the band', 10, 10.5, 'smaller', 'maintained', 0.5, half],
        ['smaller: a rise past the band', 10, 10.6, 'smaller', 'deteriorated', 0.6, half],
        ['a negative band is read as its size', 10, 10.4, 'bigger', 'maintained', 0.4, { maintainedBand: -0.5 }],
        ['a band that is not a number is no band', 10, 10.4, 'bigger', 'improved', 0.4, { maintainedBand: Number.NaN }],
      ],
    ],
    [
      'a relative maintained band of 2%',
      [
        ['bigger: a rise of exactly 2%', 50, 51, 'bigger', 'maintained', 1, twoPercent],
        ['bigger: a rise past 2%', 50, 51.1, 'bigger', 'improved', 1.1, twoPercent],
        ['smaller: a fall of exactly 2%', 200, 196, 'smaller', 'maintained', -4, twoPercent],
        ['smaller: a fall past 2%', 200, 195.9, 'smaller', 'improved', -4.1, twoPercent],
        ['from zero, where 2% is nothing', 0, 0.1, 'bigger', 'improved', 0.1, twoPercent],
        ['within 2% of a negative figure', -0.5, -0.49, 'bigger', 'maintained', 0.01, twoPercent],
        ['past 2% of a negative figure', -0.5, -0.48, 'bigger', 'improved', 0.02, twoPercent],
      ],
    ],
    [
      'a band indicator moves closer to its band or further away',
      [
        ['below, moving closer', 5, 8, 'band', 'improved', 3, band10to15],
        ['below, moving away', 8, 5, 'band', 'deteriorated', -3, band10to15],
        ['above, moving closer', 20, 16, 'band', 'improved', -4, band10to15],
        ['entering the band', 17, 12, 'band', 'improved', -5, band10to15],
        ['leaving the band', 12, 9, 'band', 'deteriorated', -3, band10to15],
        ['onto the edge from outside', 15.5, 15, 'band', 'improved', -0.5, band10to15],
        ['across the band, ending further off', 9, 17, 'band', 'deteriorated', 8, band10to15],
        ['across the band, ending closer', 18, 9, 'band', 'improved', -9, band10to15],
        ['across the band, ending as far off', 9, 16, 'band', 'maintained', 7, band10to15],
        ['closer by no more than the maintained band', 8, 8.4, 'band', 'maintained', 0.4, { ...band10to15, ...half }],
        ['closer by more than the maintained band', 8, 8.6, 'band', 'improved', 0.6, { ...band10to15, ...half }],
        ['further by no more than the maintained band', 8, 8.4, 'band', 'maintained', 0.4, { bandLow: 0, bandHigh: 5, ...half }],
        ['closer by exactly 2% of the previous figure', 9.5, 9.69, 'band', 'maintained', 0.19, { ...band10to15, ...twoPercent }],
        ['closer by more than 2% of the previous figure', 9.5, 9.7, 'band', 'improved', 0.2, { ...band10to15, ...twoPercent }],
        ['only a lower edge: both above it', 20, 30, 'band', 'maintained', 10, { bandLow: 10, bandHigh: null }],
        ['only a lower edge: rising towards it', 5, 8, 'band', 'improved', 3, { bandLow: 10 }],
        ['only an upper edge: rising past it', 14, 17, 'band', 'deteriorated', 3, { bandHigh: 15 }],
        ['edges given the wrong way round', 5, 8, 'band', 'improved', 3, { bandLow: 15, bandHigh: 10 }],
        ['no band set: just the movement', 5, 8, 'band', 'up', 3],
      ],
    ],
    [
      'no better direction shows only the movement',
      [
        ['a rise', 10, 12, 'none', 'up', 2],
        ['a fall', 12, 10, 'none', 'down', -2],
        ['equal', 10, 10, 'none', 'same', 0],
        ['within the maintained band', 10, 10.4, 'none', 'same', 0.4, half],
        ['within a relative band', 100, 101, 'none', 'same', 1, { maintainedBand: 0.01, relative: true }],
      ],
    ],
    [
      'a missing figure gives no direction',
      [
        ['no current figure', 10, null, 'bigger', null, null],
        ['no previous figure', null, 10, 'smaller', null, null],
        ['neither figure', null, null, 'none', null, null],
        ['a figure that is not a number', 10, Number.NaN, 'band', null, null, band10to15],
      ],
    ],
  ])('%s', (_group, rows) => {
    it.each(rows)('%s: %s → %s (%s) is %s', (_case, previous, current, polarity, direction, change, options) => {
      expect(directionOfTravel(current, previous, polarity, options)).toEqual({ direction, change });
    });
  });
});

describe('the direction legend', () => {
  it('has words for every direction', () => {
    expect(DIRECTION_LABELS).toEqual({
      improved: 'Improved',
      maintained: 'Maintained',
      deteriorated: 'Deteriorated',
      up: 'Went up',
      down: 'Went down',
      same: 'No change',
    });
  });

  it('gives a symbol by judgement, not by which way the number moved', () => {
    expect(DIRECTION_SYMBOLS).toEqual({ improved: '▲', maintained: '►', deteriorated: '▼', up: '↑', down: '↓', same: '→' });
  });

  it('lists every direction with its symbol, words and meaning', () => {
    expect(DIRECTION_LEGEND).toEqual([
      { direction: 'improved', symbol: '▲', label: 'Improved', meaning: 'Better than the previous comparable period' },
      {
        direction: 'maintained',
        symbol: '►',
        label: 'Maintained',
        meaning: 'Within the maintained band of the previous comparable period',
      },
      { direction: 'deteriorated', symbol: '▼', label: 'Deteriorated', meaning: 'Worse than the previous comparable period' },
      {
        direction: 'up',
        symbol: '↑',
        label: 'Went up',
        meaning: 'Higher than the previous comparable period; neither higher nor lower is better',
      },
      {
        direction: 'down',
        symbol: '↓',
        label: 'Went down',
        meaning: 'Lower than the previous comparable period; neither higher nor lower is better',
      },
      {
        direction: 'same',
        symbol: '→',
        label: 'No change',
        meaning: 'The same as the previous comparable period; neither higher nor lower is better',
      },
    ]);
  });
});

/** [value, polarity, rule, rag, reason, format] */
type RagRow = [number | null, Polarity, RagRule, Rag | null, string, ReasonFormat?];

describe('ragFor', () => {
  const target60: RagRule = { kind: 'target', target: 60, tolerance: 5 };
  const target60exact: RagRule = { kind: 'target', target: 60, tolerance: 0 };
  const target18: RagRule = { kind: 'target', target: 18, tolerance: 2 };
  const target0: RagRule = { kind: 'target', target: 0, tolerance: 0.2 };
  const england: RagRule = { kind: 'england', england: 75.5 };
  const neighbours: RagRule = { kind: 'neighbours', mean: 70, tolerance: 1 };
  const band: RagRule = { kind: 'band', low: 10, high: 15, tolerance: 2 };
  const bandExact: RagRule = { kind: 'band', low: 10, high: 15 };

  describe.each<[string, RagRow[]]>([
    [
      'against a target, bigger is better',
      [
        [62, 'bigger', target60, 'green', '62.0 is above the target of 60.0'],
        [60, 'bigger', target60, 'green', '60.0 equals the target of 60.0'],
        [57.5, 'bigger', target60, 'amber', '57.5 is below the target of 60.0, within the tolerance of 5.0'],
        [55, 'bigger', target60, 'amber', '55.0 is below the target of 60.0, within the tolerance of 5.0'],
        [54.9, 'bigger', target60, 'red', '54.9 is below the target of 60.0 by more than 5.0'],
        [46.0, 'bigger', target60, 'red', '46.0 is below the target of 60.0 by more than 5.0'], // Walsall initial assessments
        [59.9, 'bigger', target60exact, 'red', '59.9 is below the target of 60.0'],
        [58, 'bigger', { kind: 'target', target: 60, tolerance: -5 }, 'red', '58.0 is below the target of 60.0'],
        [
          0.9,
          'bigger',
          { kind: 'target', target: 1.1, tolerance: 0.2 },
          'amber',
          '0.9 is below the target of 1.1, within the tolerance of 0.2',
        ],
        [-0.1, 'bigger', target0, 'amber', '-0.1 is below the target of 0.0, within the tolerance of 0.2'],
        [-0.2, 'bigger', target0, 'amber', '-0.2 is below the target of 0.0, within the tolerance of 0.2'],
        [-0.3, 'bigger', target0, 'red', '-0.3 is below the target of 0.0 by more than 0.2'],
      ],
    ],
    [
      'against a target, smaller is better',
      [
        [14.4, 'smaller', target18, 'green', '14.4 is below the target of 18.0'],
        [18, 'smaller', target18, 'green', '18.0 equals the target of 18.0'],
        [18.6, 'smaller', target18, 'amber', '18.6 is above the target of 18.0, within the tolerance of 2.0'], // Walsall vacancy rate
        [20, 'smaller', target18, 'amber', '20.0 is above the target of 18.0, within the tolerance of 2.0'],
        [22.5, 'smaller', target18, 'red', '22.5 is above the target of 18.0 by more than 2.0'],
        [-2.5, 'smaller', { kind: 'target', target: -2, tolerance: 0 }, 'green', '-2.5 is below the target of -2.0'],
        [-1.5, 'smaller', { kind: 'target', target: -2, tolerance: 0 }, 'red', '-1.5 is above the target of -2.0'],
      ],
    ],
    [
      'against a target that cannot be rated',
      [
        [null, 'bigger', target60, null, 'No figure'],
        [Number.NaN, 'bigger', target60, null, 'No figure'],
        [46, 'bigger', { kind: 'target', target: null, tolerance: 5 }, null, 'No target set'],
        [46, 'bigger', { kind: 'target', target: Number.NaN, tolerance: 5 }, null, 'No target set'],
        [46, 'none', target60, null, 'No better direction to rate against the target'],
        [46, 'band', target60, null, 'Rate an indicator that is best within a band with the target band rule'],
      ],
    ],
    [
      'against England',
      [
        [64.9, 'bigger', england, 'red', '64.9 is below the England figure of 75.5'], // Walsall initial assessments
        [75.5, 'bigger', england, 'green', '75.5 equals the England figure of 75.5'],
        [73, 'bigger', { ...england, tolerance: 3 }, 'amber', '73.0 is below the England figure of 75.5, within the tolerance of 3.0'],
        [5.7, 'smaller', { kind: 'england', england: 4.9 }, 'red', '5.7 is above the England figure of 4.9'], // Walsall persistent absence
        [
          533,
          'smaller',
          { kind: 'england', england: 647 },
          'green',
          '533 is below the England figure of 647',
          { unit: 'days', decimals: 0 },
        ],
        [64.9, 'bigger', { kind: 'england', england: null }, null, 'No England figure'],
        [4192, 'none', { kind: 'england', england: 593500 }, null, 'No better direction to rate against the England figure'],
        [14.8, 'band', { kind: 'england', england: 24.9 }, null, 'Rate an indicator that is best within a band with the target band rule'],
        [null, 'bigger', england, null, 'No figure'],
      ],
    ],
    [
      'against the neighbour mean',
      [
        [72, 'bigger', { kind: 'neighbours', mean: 70 }, 'green', '72.0 is above the neighbour mean of 70.0'],
        [70, 'smaller', neighbours, 'green', '70.0 equals the neighbour mean of 70.0'],
        [70.5, 'smaller', neighbours, 'amber', '70.5 is above the neighbour mean of 70.0, within the tolerance of 1.0'],
        [71.5, 'smaller', neighbours, 'red', '71.5 is above the neighbour mean of 70.0 by more than 1.0'],
        [72, 'bigger', { kind: 'neighbours', mean: null }, null, 'No neighbour mean'],
        [72, 'none', neighbours, null, 'No better direction to rate against the neighbour mean'],
        [72, 'band', neighbours, null, 'Rate an indicator that is best within a band with the target band rule'],
      ],
    ],
    [
      'within a target band, whatever the polarity',
      [
        [10.4, 'band', bandExact, 'green', '10.4 is within the band of 10.0 to 15.0'], // Walsall repeat child protection plans
        [10, 'band', band, 'green', '10.0 is within the band of 10.0 to 15.0'],
        [15, 'band', band, 'green', '15.0 is within the band of 10.0 to 15.0'],
        [16.5, 'band', band, 'amber', '16.5 is above the band of 10.0 to 15.0, within the tolerance of 2.0'],
        [17, 'band', band, 'amber', '17.0 is above the band of 10.0 to 15.0, within the tolerance of 2.0'],
        [17.1, 'band', band, 'red', '17.1 is above the band of 10.0 to 15.0 by more than 2.0'],
        [8, 'band', band, 'amber', '8.0 is below the band of 10.0 to 15.0, within the tolerance of 2.0'],
        [7.9, 'band', band, 'red', '7.9 is below the band of 10.0 to 15.0 by more than 2.0'],
        [9, 'band', bandExact, 'red', '9.0 is below the band of 10.0 to 15.0'],
        [-3, 'band', { kind: 'band', low: -2, high: 2, tolerance: 0.5 }, 'red', '-3.0 is below the band of -2.0 to 2.0 by more than 0.5'],
        [12, 'none', band, 'green', '12.0 is within the band of 10.0 to 15.0'],
        [18, 'bigger', band, 'red', '18.0 is above the band of 10.0 to 15.0 by more than 2.0'],
        [8, 'smaller', band, 'amber', '8.0 is below the band of 10.0 to 15.0, within the tolerance of 2.0'],
        [12, 'band', { kind: 'band', low: 15, high: 10 }, 'green', '12.0 is within the band of 10.0 to 15.0'],
        [null, 'band', band, null, 'No figure'],
        [12, 'band', { kind: 'band', low: Number.NaN, high: 15 }, null, 'No target band set'],
      ],
    ],
    [
      "in the indicator's units",
      [
        [
          46,
          'bigger',
          target60,
          'red',
          '46.0% is below the target of 60.0% by more than 5.0 percentage points',
          { unit: 'percentage', decimals: 1 },
        ],
        [
          4192,
          'bigger',
          { kind: 'target', target: 4500, tolerance: 100 },
          'red',
          '4,192 is below the target of 4,500 by more than 100',
          { unit: 'count', decimals: 0 },
        ],
        [
          44.5,
          'smaller',
          { kind: 'england', england: 37.9, tolerance: 10 },
          'amber',
          '44.50 is above the England figure of 37.90, within the tolerance of 10.00',
          { unit: 'rate-10000', decimals: 2 },
        ],
        [
          1250,
          'smaller',
          { kind: 'target', target: 1000, tolerance: 0 },
          'red',
          '£1,250.00 is above the target of £1,000.00',
          { unit: 'currency', decimals: 2 },
        ],
      ],
    ],
  ])('%s', (_group, rows) => {
    it.each(rows)('%s, %s is better, %j → %s: %s', (value, polarity, rule, rag, reason, format) => {
      expect(ragFor(value, polarity, rule, format)).toEqual({ rag, reason });
    });
  });

  it('names each rating in words', () => {
    expect(RAG_LABELS).toEqual({ green: 'Green – on track', amber: 'Amber – close', red: 'Red – off track', unrated: 'Not rated' });
  });

  it('names each rule', () => {
    expect(RAG_RULE_LABELS).toEqual({
      target: 'Against the target, with a tolerance',
      england: 'Against England',
      neighbours: 'Against the statistical neighbour mean',
      band: 'Within a target band',
    });
  });
});

describe('overrideRag', () => {
  const computed: RagJudgement = { rag: 'red', reason: '46.0 is below the target of 60.0 by more than 5.0' };
  const unrated: RagJudgement = { rag: null, reason: 'No target set' };

  it.each<[string, RagJudgement, RagOverride | null, RatedRow]>([
    ['no override keeps the computed rating', computed, null, { ...computed, overridden: false }],
    ['no override keeps an unrated row unrated', unrated, null, { ...unrated, overridden: false }],
    [
      'a manual rating keeps its reason, trimmed',
      computed,
      { rag: 'amber', reason: '  September cohort not yet counted  ' },
      { rag: 'amber', reason: 'September cohort not yet counted', overridden: true },
    ],
    [
      'a reason of exactly five characters will do',
      computed,
      { rag: 'green', reason: ' Audit ' },
      { rag: 'green', reason: 'Audit', overridden: true },
    ],
    [
      'a row that could not be rated can be rated by hand',
      unrated,
      { rag: 'green', reason: 'Target agreed at board' },
      { rag: 'green', reason: 'Target agreed at board', overridden: true },
    ],
    [
      'confirming the computed rating is still a manual rating',
      computed,
      { rag: 'red', reason: 'Confirmed at board' },
      { rag: 'red', reason: 'Confirmed at board', overridden: true },
    ],
  ])('%s', (_case, from, override, expected) => {
    expect(overrideRag(from, override)).toEqual(expected);
  });

  it.each([
    ['an empty reason', ''],
    ['only spaces', '     '],
    ['four characters', 'abcd'],
    ['four characters padded with spaces', '   abcd   '],
  ])('refuses a manual rating with %s', (_case, reason) => {
    expect(() => overrideRag(computed, { rag: 'green', reason })).toThrow('A manual rating needs a reason');
  });
});
