import { describe, expect, it } from 'vitest';
import { assertNoRecoverableCell, assertNotNarrowed, assertRulesHold } from '../../tests/support/suppression-checks.ts';
import {
  DEFAULT_SUPPRESSION,
  suppress,
  type Cell,
  type PublishedCell,
  type SuppressedTable,
  type SuppressionReason,
  type SuppressionRule,
  type SuppressionTable,
} from './suppression.ts';

// Test data builders.
const count = (id: string, value: number | null): Cell => ({ id, kind: 'count', value });
/** A count a reader knows exists but the page leaves off (a category or locality not listed, or what a total holds beyond its parts). */
const offPage = (id: string, value: number | null): Cell => ({ id, kind: 'count', value, unpublished: true });
const derived = (id: string, value: number | null, from: string[]): Cell => ({ id, kind: 'derived', value, from });
const group = (total: string, ...parts: string[]) => ({ total, parts });

/** Each cell as a page shows it: the figure, the marker, or null when there is none. */
const texts = (output: SuppressedTable) => Object.fromEntries([...output.cells.keys()].map((id) => [id, output.text(id)]));
const reasons = (output: SuppressedTable) => Object.fromEntries([...output.cells].map(([id, cell]) => [id, cell.reason]));

interface Case {
  name: string;
  table: SuppressionTable;
  rule?: Partial<SuppressionRule>;
  shows: Record<string, string | null>;
  because?: Record<string, SuppressionReason | null>;
}

const cases: Case[] = [
  {
    name: 'nothing to suppress leaves every figure as it was',
    table: {
      cells: [count('council', 42), count('north', 12), count('south', 30), derived('north share', 28.6, ['north', 'council'])],
      groups: [group('council', 'north', 'south')],
    },
    shows: { council: '42', north: '12', south: '30', 'north share': '28.6' },
  },
  {
    name: 'large counts and a count of exactly the minimum are untouched',
    table: { cells: [count('england', 1_234_567), count('at minimum', 5), count('one below', 4), count('one', 1)] },
    shows: { england: '1234567', 'at minimum': '5', 'one below': 'c', one: 'c' },
  },
  {
    name: 'a single small part with a shown total hides the smallest other part too',
    table: {
      cells: [count('council', 20), count('north', 3), count('south', 8), count('east', 9)],
      groups: [group('council', 'north', 'south', 'east')],
    },
    shows: { council: '20', north: 'c', south: 'c', east: '9' },
    because: { council: null, north: 'small', south: 'secondary', east: null },
  },
  {
    name: 'a small total is hidden with its small parts',
    table: { cells: [count('council', 4), count('north', 4), count('south', 0)], groups: [group('council', 'north', 'south')] },
    shows: { council: 'c', north: 'c', south: '0' },
  },
  {
    name: 'zero parts are shown by default',
    table: { cells: [count('council', 10), count('north', 0), count('south', 10)], groups: [group('council', 'north', 'south')] },
    shows: { council: '10', north: '0', south: '10' },
  },
  {
    name: 'zero parts are hidden when zeros are not shown, and so is another part',
    table: { cells: [count('council', 10), count('north', 0), count('south', 10)], groups: [group('council', 'north', 'south')] },
    rule: { showZero: false },
    shows: { council: '10', north: 'c', south: 'c' },
  },
  {
    name: 'a shown zero is not chosen to hide a small part: a hidden zero is easily guessed',
    table: {
      cells: [count('council', 12), count('north', 2), count('south', 0), count('east', 10)],
      groups: [group('council', 'north', 'south', 'east')],
    },
    shows: { council: '12', north: 'c', south: '0', east: 'c' },
  },
  {
    name: 'when only zeros are left to hide, the total is hidden instead',
    table: {
      cells: [count('council', 9), count('north', 2), count('south', 0), count('east', null)],
      groups: [group('council', 'north', 'south', 'east')],
    },
    shows: { council: 'c', north: 'c', south: '0', east: null },
  },
  {
    name: 'a percentage of a suppressed numerator is suppressed',
    table: { cells: [count('excluded', 3), count('pupils', 40), derived('excluded %', 7.5, ['excluded', 'pupils'])] },
    shows: { excluded: 'c', pupils: '40', 'excluded %': 'c' },
    because: { excluded: 'small', pupils: null, 'excluded %': 'derived' },
  },
  {
    name: 'a rate whose denominator is suppressed is suppressed',
    table: { cells: [count('visits', 12), count('children', 4), derived('visits per child', 3, ['visits', 'children'])] },
    shows: { visits: '12', children: 'c', 'visits per child': 'c' },
  },
  {
    name: 'a percentage of a part hidden by secondary suppression is hidden, and so is one derived from it',
    table: {
      cells: [
        count('council', 20),
        count('boys', 3),
        count('girls', 17),
        derived('girls %', 85, ['girls', 'council']),
        derived('girls % change', -2.5, ['girls %']),
      ],
      groups: [group('council', 'boys', 'girls')],
    },
    shows: { council: '20', boys: 'c', girls: 'c', 'girls %': 'c', 'girls % change': 'c' },
  },
  {
    name: 'two groups sharing a locality: hiding it in the council row hides a breakdown of it in turn',
    table: {
      cells: [
        count('council', 60),
        count('north', 3),
        count('south', 20),
        count('east', 37),
        count('south boys', 12),
        count('south girls', 8),
      ],
      groups: [group('council', 'north', 'south', 'east'), group('south', 'south boys', 'south girls')],
    },
    shows: { council: '60', north: 'c', south: 'c', east: '37', 'south boys': '12', 'south girls': 'c' },
  },
  {
    name: 'a table with row and column totals hides a rectangle of cells',
    table: {
      cells: [
        ...[count('a', 2), count('b', 10), count('c', 6), count('d', 20)],
        ...[count('row 1', 12), count('row 2', 26), count('column 1', 8), count('column 2', 30), count('all', 38)],
      ],
      groups: [
        ...[group('row 1', 'a', 'b'), group('row 2', 'c', 'd'), group('column 1', 'a', 'c'), group('column 2', 'b', 'd')],
        ...[group('all', 'row 1', 'row 2'), group('all', 'column 1', 'column 2')],
      ],
    },
    shows: { a: 'c', b: 'c', c: 'c', d: 'c', 'row 1': '12', 'row 2': '26', 'column 1': '8', 'column 2': '30', all: '38' },
  },
  {
    name: 'three overlapping totals that pin a cell down together (a = (T1 − T2 + T3) / 2) lose a total',
    table: {
      cells: [count('a', 3), count('b', 10), count('c', 7), count('a+b', 13), count('b+c', 17), count('a+c', 10)],
      groups: [group('a+b', 'a', 'b'), group('b+c', 'b', 'c'), group('a+c', 'a', 'c')],
    },
    shows: { a: 'c', b: 'c', c: 'c', 'a+b': '13', 'b+c': '17', 'a+c': 'c' },
  },
  {
    name: 'no combination of shown parts reveals a hidden one',
    table: {
      cells: [count('council', 50), count('p1', 2), count('p2', 6), count('p3', 7), count('p4', 8), count('p5', 27)],
      groups: [group('council', 'p1', 'p2', 'p3', 'p4', 'p5')],
    },
    shows: { council: '50', p1: 'c', p2: 'c', p3: '7', p4: '8', p5: '27' },
  },
  {
    name: 'a tie for the smallest part goes to the first by id',
    table: { cells: [count('T', 20), count('a', 2), count('c', 9), count('b', 9)], groups: [group('T', 'a', 'c', 'b')] },
    shows: { T: '20', a: 'c', c: '9', b: 'c' },
  },
  {
    name: 'the tie goes the same way whatever order the parts are listed in',
    table: { cells: [count('T', 20), count('a', 2), count('b', 9), count('c', 9)], groups: [group('T', 'b', 'c', 'a')] },
    shows: { T: '20', a: 'c', b: 'c', c: '9' },
  },
  {
    name: 'a minimum of 3 hides only 1 and 2',
    table: { cells: [count('one', 1), count('two', 2), count('three', 3), count('four', 4)] },
    rule: { minimum: 3 },
    shows: { one: 'c', two: 'c', three: '3', four: '4' },
  },
  {
    name: 'a minimum of 10 hides 1 to 9',
    table: { cells: [count('five', 5), count('nine', 9), count('ten', 10)] },
    rule: { minimum: 10 },
    shows: { five: 'c', nine: 'c', ten: '10' },
  },
  {
    name: 'the marker can be changed',
    table: { cells: [count('small', 2), count('large', 200)] },
    rule: { marker: '[c]' },
    shows: { small: '[c]', large: '200' },
  },
  {
    name: 'negative, fractional and non-finite counts are invalid, so hidden; a missing one stays missing',
    table: {
      cells: [
        ...[count('negative', -5), count('fraction', 12.5), count('nan', Number.NaN), count('infinite', Number.POSITIVE_INFINITY)],
        count('null', null),
      ],
    },
    shows: { negative: 'c', fraction: 'c', nan: 'c', infinite: 'c', null: null },
    because: { negative: 'invalid', fraction: 'invalid', nan: 'invalid', infinite: 'invalid', null: null },
  },
  {
    name: 'a derived figure that is not finite is invalid, so hidden',
    table: { cells: [count('pupils', 40), derived('share', Number.POSITIVE_INFINITY, ['pupils'])] },
    shows: { pupils: '40', share: 'c' },
    because: { pupils: null, share: 'invalid' },
  },
  {
    name: 'an invalid count cannot be worked out from its total either',
    table: { cells: [count('council', 10), count('north', 15), count('south', -5)], groups: [group('council', 'north', 'south')] },
    shows: { council: '10', north: 'c', south: 'c' },
    because: { council: null, north: 'secondary', south: 'invalid' },
  },
  {
    name: 'a small category left off the page is protected: total 48 and Male 46 would give Female = 2',
    table: { cells: [count('total', 48), count('male', 46), offPage('female', 2)], groups: [group('total', 'male', 'female')] },
    shows: { total: '48', male: 'c', female: 'c' },
    because: { total: null, male: 'secondary', female: 'small' },
  },
  {
    name: 'a large category left off the page is never published, but nothing is hidden to protect it',
    table: { cells: [count('total', 1000), count('male', 600), offPage('female', 400)], groups: [group('total', 'male', 'female')] },
    shows: { total: '1000', male: '600', female: 'c' },
    because: { total: null, male: null, female: 'unpublished' },
  },
  {
    name: 'a large category left off the page covers a small one, as a reader cannot see it',
    table: { cells: [count('total', 48), count('male', 3), offPage('female', 45)], groups: [group('total', 'male', 'female')] },
    shows: { total: '48', male: 'c', female: 'c' },
  },
  {
    name: 'localities not on the page but in the data are parts of the council',
    table: {
      cells: [count('council', 50), count('north', 20), offPage('south', 27), offPage('east', 3)],
      groups: [group('council', 'north', 'south', 'east')],
    },
    shows: { council: '50', north: '20', south: 'c', east: 'c' },
  },
  {
    name: 'what a total holds beyond its recorded parts is protected when small (council 50, North 20, South 27 recorded)',
    table: {
      cells: [count('council', 50), count('north', 20), count('south', 27), offPage('rest', 3)],
      groups: [group('council', 'north', 'south', 'rest')],
    },
    shows: { council: '50', north: 'c', south: '27', rest: 'c' },
  },
  {
    name: 'two small categories left off the page cannot be shown small together: 48 − Male 46 = Female + Not known = 2',
    table: {
      cells: [count('total', 48), count('male', 46), offPage('female', 1), offPage('not known', 1)],
      groups: [group('total', 'male', 'female', 'not known')],
    },
    shows: { total: '48', male: 'c', female: 'c', 'not known': 'c' },
  },
  {
    name: 'a small count a reader could narrow to 2–4 by sums and differences (though not pin) loses another cell',
    table: {
      cells: [
        ...[count('a', 12), count('b', 1), count('c', 1), count('d', 3), count('zero', 0)],
        ...[count('a+c', 13), count('a+c+b+d', 17), count('big', 28)],
      ],
      groups: [group('a+c', 'c', 'a'), group('a+c+b+d', 'a+c', 'b', 'd'), group('big', 'd', 'a', 'a+c', 'zero')],
    },
    shows: { a: 'c', b: 'c', c: 'c', d: 'c', zero: '0', 'a+c': '13', 'a+c+b+d': 'c', big: '28' },
  },
  {
    name: 'a small count a reader could pin because counts are whole and 0 or more loses another cell',
    table: {
      cells: [
        ...[count('zero', 0), count('x', 3), count('y', 1), count('z', 1)],
        ...[count('x+zero', 3), count('y+x+(x+zero)', 7), count('z+y+(y+x+(x+zero))', 9)],
      ],
      groups: [
        group('x+zero', 'zero', 'x'),
        group('y+x+(x+zero)', 'y', 'x+zero', 'x'),
        group('z+y+(y+x+(x+zero))', 'z', 'y+x+(x+zero)', 'y'),
      ],
    },
    shows: { zero: '0', x: 'c', y: 'c', z: 'c', 'x+zero': 'c', 'y+x+(x+zero)': 'c', 'z+y+(y+x+(x+zero))': 'c' },
  },
  {
    name: 'a derived figure may be negative, and a missing derived figure stays missing',
    table: { cells: [count('small', 2), derived('change', -4.5, []), derived('share of small', null, ['small'])] },
    shows: { small: 'c', change: '-4.5', 'share of small': null },
  },
  {
    name: 'a missing part does not excuse hiding another: it may be known elsewhere',
    table: {
      cells: [count('council', 20), count('north', 3), count('south', null), count('east', 17)],
      groups: [group('council', 'north', 'south', 'east')],
    },
    shows: { council: '20', north: 'c', south: null, east: 'c' },
  },
  {
    name: 'a hidden part with nothing else shown in its group stays the only one hidden',
    table: { cells: [count('council', null), count('north', 3), count('south', null)], groups: [group('council', 'north', 'south')] },
    shows: { council: null, north: 'c', south: null },
  },
];

describe('suppress', () => {
  it.each(cases)('$name', ({ table, rule, shows }) => {
    expect(texts(suppress(table, rule))).toEqual(shows);
  });

  it.each(cases.filter((c) => c.because))('$name: the reasons', ({ table, rule, because }) => {
    expect(reasons(suppress(table, rule))).toEqual(because);
  });

  it.each(cases)('$name: no hidden cell can be worked out', ({ table, rule }) => {
    assertNoRecoverableCell(table, suppress(table, rule));
  });

  it.each(cases)('$name: the primary and derived rules hold', ({ table, rule }) => {
    assertRulesHold(table, suppress(table, rule), rule);
  });

  it.each(cases)('$name: no hidden cell can be pinned, nor a small one bounded below the minimum', ({ table, rule }) => {
    assertNotNarrowed(table, suppress(table, rule), rule);
  });
});

describe('what a page or export gets back', () => {
  const table = { cells: [count('small', 3), count('large', 1234), count('missing', null)] };
  const output = suppress(table);

  it.each<[string, ((value: number) => string) | undefined, string | null]>([
    ['small', undefined, 'c'],
    ['large', undefined, '1234'],
    ['large', (value) => value.toLocaleString('en-GB'), '1,234'],
    ['missing', undefined, null],
  ])('text of %s', (id, format, expected) => {
    expect(output.text(id, format)).toBe(expected);
  });

  it.each<[string, PublishedCell]>([
    ['small', { value: null, suppressed: true, reason: 'small' }],
    ['large', { value: 1234, suppressed: false, reason: null }],
    ['missing', { value: null, suppressed: false, reason: null }],
  ])('cell %s', (id, expected) => {
    expect(output.cells.get(id)).toEqual(expected);
  });

  it('keeps no hidden figure anywhere in what it returns', () => {
    expect(JSON.stringify({ ...output, cells: [...output.cells] })).not.toMatch(/\b3\b/);
    expect(Object.keys(output)).toEqual(['cells', 'marker', 'text']);
  });

  it('is told of an unknown cell', () => {
    expect(() => output.text('nowhere')).toThrow('There is no cell nowhere.');
  });

  it('leaves the default rule as DfE publishes it', () => {
    expect(DEFAULT_SUPPRESSION).toEqual({ minimum: 5, showZero: true, marker: 'c' });
  });
});

describe('tables and rules it refuses', () => {
  it.each<[string, SuppressionTable, Partial<SuppressionRule>, string]>([
    ['a repeated cell', { cells: [count('a', 1), count('a', 2)] }, {}, 'Cell a appears twice.'],
    ['a derived cell from nowhere', { cells: [derived('rate', 1, ['nowhere'])] }, {}, 'Cell rate names nowhere, which is not a cell.'],
    ['a group with an unknown part', { cells: [count('T', 9)], groups: [group('T', 'x')] }, {}, 'The group totalling T names x'],
    ['a minimum of 0', { cells: [] }, { minimum: 0 }, 'must be 1 or more, not 0'],
    ['a minimum that is not a number', { cells: [] }, { minimum: Number.NaN }, 'must be 1 or more, not NaN'],
  ])('%s', (_, table, rule, message) => {
    expect(() => suppress(table, rule)).toThrow(message);
  });
});

describe('assertNoRecoverableCell catches an unsafe table', () => {
  const published = (value: number | null, suppressed = false): PublishedCell => ({
    value,
    suppressed,
    reason: suppressed ? 'small' : null,
  });
  const unsafe = (cells: Record<string, PublishedCell>): SuppressedTable => ({
    cells: new Map(Object.entries(cells)),
    marker: 'c',
    text: () => null,
  });
  const triangle = cases.find((c) => c.name.startsWith('three overlapping'))!.table;

  it.each<[string, SuppressionTable, SuppressedTable]>([
    [
      'one hidden part beside a shown total',
      { cells: [], groups: [group('T', 'a', 'b')] },
      unsafe({ T: published(9), a: published(null, true), b: published(6) }),
    ],
    [
      'overlapping totals that each hide two cells',
      triangle,
      unsafe({
        a: published(null, true),
        b: published(null, true),
        c: published(null, true),
        'a+b': published(13),
        'b+c': published(17),
        'a+c': published(10),
      }),
    ],
  ])('%s', (_, table, output) => {
    expect(() => assertNoRecoverableCell(table, output)).toThrow();
  });
});
