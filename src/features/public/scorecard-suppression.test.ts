import { describe, expect, it } from 'vitest';
import type { Unit } from '../../core/indicators.ts';
import { publicScorecard, type FigureBasis, type ReadRow, type ScorecardBasis } from './scorecard-suppression.ts';
import { suppressionTable } from './scorecard-table.ts';

/** Test data: a row of one indicator for one area, its figures by period oldest first. */
interface RowSpec {
  id: string;
  unit?: Unit;
  code?: string;
  area?: string;
  breakdown?: string;
  values: (number | null)[];
  basis?: Partial<FigureBasis>[];
  rag?: 'red' | 'amber' | 'green' | null;
}

const PERIODS = ['FY2011-12', 'FY2012-13', 'FY2013-14'];

function testRow({ id, unit = 'count', code = 'test-count', breakdown = '', values, rag = 'red' }: RowSpec): ReadRow {
  const periods = PERIODS.slice(-values.length).map((p) => ({ code: p, label: p }));
  const figures = values.map((value) => ({ value, text: value === null ? 'x' : String(value), local: true }));
  const last = figures.at(-1);
  return {
    id,
    indicator: { code, title: `Test ${code}`, unit, decimals: 0, polarity: 'smaller', bandLow: null, bandHigh: null, lag: '' },
    areaName: 'Testshire',
    breakdown,
    note: 'A standing note',
    chart: false,
    englandTrend: [],
    periods,
    figures,
    current: last ? { ...last, periodCode: periods.at(-1)!.code, periodLabel: periods.at(-1)!.label, status: 'provisional' } : null,
    benchmarks: {
      england: { value: 1234567, text: '1,234,567' },
      region: { value: null, text: '–' },
      neighbours: { value: null, text: '–' },
      band: 'B',
      significance: 'worse',
    },
    target: { value: 2, text: '2' },
    direction: { direction: 'deteriorated', symbol: '▼', label: 'Deteriorated', change: 999 },
    rag: rag ? { rag, reason: `${String(values.at(-1))} is above the target of 2` } : { rag: null, reason: 'Not rated' },
    qualityNotes: ['Provisional'],
  };
}

/** Test data: stored figures beside the page's (other breakdowns, localities), and each council's localities. */
interface Beside {
  data?: Omit<RowSpec, 'id'>[];
  localities?: Record<string, string[]>;
}

/** The stored figures behind the rows and beside them, as the public service reads them. */
function basisOf(specs: RowSpec[], { data = [], localities = {} }: Beside = {}): ScorecardBasis {
  const figures = [...specs, ...data].flatMap(({ code = 'test-count', area = 'area-1', breakdown = '', values, basis }) => {
    const periods = PERIODS.slice(-values.length);
    return values.map((value, i) => ({
      indicatorCode: code,
      areaId: area,
      breakdown,
      period: periods[i]!,
      ...{ value, numerator: null, denominator: null, ...basis?.[i] },
    }));
  });
  return {
    rowAreas: new Map(specs.map((s) => [s.id, s.area ?? 'area-1'])),
    figures,
    localities: new Map(Object.entries(localities)),
  };
}

function publish(specs: RowSpec[], rule = {}, beside: Beside = {}) {
  const read = {
    scorecard: { id: 'sc', title: 'Test scorecard', description: '', boardName: null, columns: ['previous', 'direction', 'rag'] },
    asAt: '2014-03-31',
    sections: [{ title: 'Test section', rows: specs.map(testRow) }],
  };
  const view = publicScorecard(read, basisOf(specs, beside), rule);
  return Object.fromEntries(view.sections[0]!.rows.map((r) => [r.id, r]));
}

/** What a row publishes of its figures, oldest first. */
const texts = (specs: RowSpec[], rule = {}, beside: Beside = {}) =>
  Object.fromEntries(Object.entries(publish(specs, rule, beside)).map(([id, r]) => [id, r.figures.map((f) => f.text)]));

/** A council and three localities (issue 11's finding 1). */
const LOCALITIES = { council: ['north', 'south', 'east'] };

/** Issue 11, findings 1 and 2: figures a reader could work out from the sums they know, across every period shown. */
const LEAKS: { name: string; rows: RowSpec[]; beside?: Beside; expected: Record<string, string[]> }[] = [
  {
    name: 'a council and its localities: 50 = 20 + 27 + East, so East (3) needs another locality hidden',
    rows: [
      { id: 'council', area: 'council', values: [50] },
      { id: 'north', area: 'north', values: [20] },
      { id: 'south', area: 'south', values: [27] },
      { id: 'east', area: 'east', values: [3] },
    ],
    beside: { localities: LOCALITIES },
    expected: { council: ['50'], north: ['c'], south: ['27'], east: ['c'] },
  },
  {
    name: 'a locality left off the page but in the data is still a part of its council',
    rows: [
      { id: 'council', area: 'council', values: [50] },
      { id: 'north', area: 'north', values: [20] },
      { id: 'south', area: 'south', values: [27] },
    ],
    beside: { localities: LOCALITIES, data: [{ area: 'east', values: [3] }] },
    expected: { council: ['50'], north: ['c'], south: ['27'] },
  },
  {
    name: 'a locality with no figure at all is what the council holds beyond the others',
    rows: [
      { id: 'council', area: 'council', values: [50] },
      { id: 'north', area: 'north', values: [20] },
      { id: 'south', area: 'south', values: [27] },
    ],
    beside: { localities: LOCALITIES },
    expected: { council: ['50'], north: ['c'], south: ['27'] },
  },
  {
    name: 'a locality’s council and sister localities are in its sums: 50 − East 47 leaves 3 for North (1) and South',
    rows: [
      { id: 'council', area: 'council', values: [50] },
      { id: 'east', area: 'east', values: [47] },
    ],
    beside: { localities: LOCALITIES, data: [{ area: 'north', values: [1] }] },
    expected: { council: ['50'], east: ['c'] },
  },
  {
    name: 'a total and all but one category: 48 and Male 46 would give Female = 2 from the data',
    rows: [
      { id: 't', values: [48] },
      { id: 'm', breakdown: 'Sex: Male', values: [46] },
    ],
    beside: { data: [{ breakdown: 'Sex: Female', values: [2] }] },
    expected: { t: ['48'], m: ['c'] },
  },
  {
    name: 'a total and all but one category, the other not recorded: what the total holds beyond Male is 2',
    rows: [
      { id: 't', values: [48] },
      { id: 'm', breakdown: 'Sex: Male', values: [46] },
    ],
    expected: { t: ['48'], m: ['c'] },
  },
  {
    name: 'a large category left off the page hides nothing',
    rows: [
      { id: 't', values: [1000] },
      { id: 'm', breakdown: 'Sex: Male', values: [600] },
    ],
    beside: { data: [{ breakdown: 'Sex: Female', values: [400] }] },
    expected: { t: ['1000'], m: ['600'] },
  },
  {
    name: 'each period its own sums: a leak in the earlier period is closed there, the later left alone',
    rows: [
      { id: 'council', area: 'council', values: [50, 60] },
      { id: 'north', area: 'north', values: [20, 20] },
      { id: 'south', area: 'south', values: [27, 30] },
    ],
    beside: { localities: LOCALITIES, data: [{ area: 'east', values: [3, 10] }] },
    expected: { council: ['50', '60'], north: ['c', '20'], south: ['27', '30'] },
  },
  {
    name: 'a locality’s breakdown adds up to the council’s: Male 30 = North 27 + South 3',
    rows: [
      { id: 'council', area: 'council', breakdown: 'Sex: Male', values: [30] },
      { id: 'north', area: 'north', breakdown: 'Sex: Male', values: [27] },
    ],
    beside: { localities: { council: ['north', 'south'] }, data: [{ area: 'south', breakdown: 'Sex: Male', values: [3] }] },
    expected: { council: ['30'], north: ['c'] },
  },
  {
    name: 'percentages whose numerators add up to the council’s: East’s small numerator hides North’s percentage too',
    rows: [
      { id: 'council', area: 'council', unit: 'percentage', code: 'pct', values: [50], basis: [{ numerator: 50, denominator: 100 }] },
      { id: 'north', area: 'north', unit: 'percentage', code: 'pct', values: [50], basis: [{ numerator: 20, denominator: 40 }] },
      { id: 'south', area: 'south', unit: 'percentage', code: 'pct', values: [54], basis: [{ numerator: 27, denominator: 50 }] },
      { id: 'east', area: 'east', unit: 'percentage', code: 'pct', values: [30], basis: [{ numerator: 3, denominator: 10 }] },
    ],
    beside: { localities: LOCALITIES },
    expected: { council: ['50'], north: ['c'], south: ['54'], east: ['c'] },
  },
];

describe('publicScorecard', () => {
  it.each<{ name: string; rows: RowSpec[]; beside?: Beside; expected: Record<string, string[]> }>([
    { name: 'a count of 3 becomes c', rows: [{ id: 'a', values: [3] }], expected: { a: ['c'] } },
    { name: 'counts of 1 and 4 become c, 5 is shown', rows: [{ id: 'a', values: [1, 4, 5] }], expected: { a: ['c', 'c', '5'] } },
    { name: 'a count of 0 is shown', rows: [{ id: 'a', values: [0] }], expected: { a: ['0'] } },
    { name: 'a missing figure keeps its marker', rows: [{ id: 'a', values: [null, 7] }], expected: { a: ['x', '7'] } },
    { name: 'a fractional small count is still small', rows: [{ id: 'a', values: [4.9] }], expected: { a: ['c'] } },
    {
      name: 'a percentage with a small numerator',
      rows: [{ id: 'p', unit: 'percentage', values: [37.5], basis: [{ numerator: 3, denominator: 8 }] }],
      expected: { p: ['c'] },
    },
    {
      name: 'a percentage of a small denominator',
      rows: [{ id: 'p', unit: 'percentage', values: [100], basis: [{ numerator: null, denominator: 4 }] }],
      expected: { p: ['c'] },
    },
    {
      name: 'a percentage whose numerator, implied by its denominator, is small',
      rows: [{ id: 'p', unit: 'percentage', values: [5], basis: [{ denominator: 60 }] }],
      expected: { p: ['c'] },
    },
    {
      name: 'a percentage of large counts is shown',
      rows: [{ id: 'p', unit: 'percentage', values: [37.5], basis: [{ numerator: 30, denominator: 80 }] }],
      expected: { p: ['37.5'] },
    },
    {
      name: 'a rate with no numerator or denominator recorded cannot be checked and is shown',
      rows: [{ id: 'p', unit: 'rate-10000', values: [2] }],
      expected: { p: ['2'] },
    },
    {
      name: 'an average of a small cohort',
      rows: [{ id: 'd', unit: 'days', values: [533], basis: [{ numerator: 1599, denominator: 3 }] }],
      expected: { d: ['c'] },
    },
    {
      name: 'a rate that changed since its numerator was read',
      rows: [{ id: 'p', unit: 'percentage', values: [37.5], basis: [{ value: 80, numerator: 40, denominator: 50 }] }],
      expected: { p: ['c'] },
    },
    {
      name: 'a breakdown with one small part hides another part (secondary)',
      rows: [
        { id: 't', values: [1237] },
        { id: 'm', breakdown: 'Sex: Male', values: [3] },
        { id: 'f', breakdown: 'Sex: Female', values: [1234] },
      ],
      expected: { t: ['1237'], m: ['c'], f: ['c'] },
    },
    {
      name: 'a single recorded part of a total is covered by the rest, which a reader cannot see',
      rows: [
        { id: 't', values: [20] },
        { id: 'm', breakdown: 'Male', values: [3] },
      ],
      expected: { t: ['20'], m: ['c'] },
    },
    {
      name: 'two dimensions are protected separately, so neither gives the small cell away',
      rows: [
        { id: 't', values: [20] },
        { id: 'm', breakdown: 'Sex: Male', values: [3] },
        { id: 'f', breakdown: 'Sex: Female', values: [17] },
        { id: 'u', breakdown: 'Age: Under 5', values: [8] },
        { id: 'o', breakdown: 'Age: 5 and over', values: [12] },
      ],
      expected: { t: ['20'], m: ['c'], f: ['c'], u: ['8'], o: ['12'] },
    },
    {
      name: 'breakdowns of another area are not parts of this total',
      rows: [
        { id: 't', values: [20] },
        { id: 'm', breakdown: 'Male', area: 'area-2', values: [3] },
      ],
      expected: { t: ['20'], m: ['c'] },
    },
    {
      name: 'numerators of breakdown percentages add up to the total’s',
      rows: [
        { id: 't', unit: 'percentage', code: 'pct', values: [50], basis: [{ numerator: 40, denominator: 80 }] },
        { id: 'm', unit: 'percentage', code: 'pct', breakdown: 'Male', values: [10], basis: [{ numerator: 3, denominator: 30 }] },
        { id: 'f', unit: 'percentage', code: 'pct', breakdown: 'Female', values: [74], basis: [{ numerator: 37, denominator: 50 }] },
      ],
      expected: { t: ['50'], m: ['c'], f: ['c'] },
    },
    {
      name: 'the same figure on two rows is hidden on both',
      rows: [
        { id: 'a', values: [9, 3] },
        { id: 'b', values: [3] },
      ],
      expected: { a: ['9', 'c'], b: ['c'] },
    },
    ...LEAKS,
  ])('$name', ({ rows, beside, expected }) => {
    expect(texts(rows, {}, beside)).toEqual(expected);
  });

  it('applies a stricter rule when given one', () => {
    expect(texts([{ id: 'a', values: [9, 10] }], { minimum: 10, marker: '*' })).toEqual({ a: ['*', '10'] });
  });

  it('keeps no trace of a hidden figure: no value, no reason quoting it, no judgement of it', () => {
    const row = publish([{ id: 'a', values: [12, 3] }]).a!;
    expect(row.current).toMatchObject({ text: 'c', value: null, suppressed: true });
    expect(row).toMatchObject({ withheld: ['direction', 'rating', 'band', 'significance'], direction: null, rag: null, ragReason: '' });
    expect(row).toMatchObject({ band: null, significance: null });
    expect(JSON.stringify(row)).not.toMatch(/\b3\b/);
  });

  it('withholds the direction of travel, but not the rating, when only the previous figure is hidden', () => {
    const row = publish([{ id: 'a', values: [3, 12] }]).a!;
    expect(row).toMatchObject({ withheld: ['direction'], direction: null, rag: 'red' });
  });

  it('withholds only the judgements a row has, so an unrated row stays “Not rated”', () => {
    const row = publish([{ id: 'a', values: [3], rag: null }]).a!;
    expect(row).toMatchObject({ withheld: ['direction', 'band', 'significance'], rag: null, ragReason: 'Not rated' });
  });

  it('publishes judgements of shown figures, without the change behind a direction', () => {
    const row = publish([{ id: 'a', values: [12, 15] }]).a!;
    expect(row.direction).toEqual({ direction: 'deteriorated', symbol: '▼', label: 'Deteriorated' });
    expect(row).toMatchObject({ rag: 'red', ragReason: '15 is above the target of 2', band: 'B', significance: 'worse' });
    expect(JSON.stringify(row)).not.toContain('999');
  });

  it('carries over nothing of the read it does not name, such as the indicator’s owner', () => {
    const spec: RowSpec = { id: 'a', values: [12] };
    const row = testRow(spec);
    const read = {
      scorecard: { id: 'sc', title: 'T', description: '', boardName: null, columns: [], version: 7, updated_by: 'someone' },
      asAt: '2014-03-31',
      sections: [{ title: 'S', rows: [{ ...row, indicator: { ...row.indicator, agencyId: 'agency-1', source: 'Case system' } }] }],
    };
    const view = publicScorecard(read, basisOf([spec]));
    expect(JSON.stringify(view)).not.toMatch(/agency-1|Case system|someone|"version"|"change"|"local"/);
  });

  it('keeps the standing note, data-quality notes and benchmarks', () => {
    const row = publish([{ id: 'a', values: [3] }]).a!;
    expect(row).toMatchObject({ note: 'A standing note', qualityNotes: ['Provisional'], england: { text: '1,234,567' } });
  });

  it('refuses a rule that hides nothing sensible', () => {
    expect(() => texts([{ id: 'a', values: [3] }], { minimum: 0 })).toThrow(RangeError);
  });
});

describe('suppressionTable', () => {
  it('makes only count and helper cells counts, groups by dimension, and adds what each total holds beyond its parts', () => {
    const rows: RowSpec[] = [
      { id: 't', values: [20] },
      { id: 'm', breakdown: 'Sex: Male', values: [3] },
      { id: 'u', breakdown: 'Age: Under 5', values: [8] },
      { id: 'p', unit: 'percentage', code: 'pct', values: [50], basis: [{ numerator: 4, denominator: 8 }] },
    ];
    const table = suppressionTable(rows.map(testRow), basisOf(rows));
    expect(table.cells.map((c) => [c.kind, c.value, c.unpublished ?? false])).toEqual([
      ...[
        ['count', 20, false],
        ['count', 3, false],
        ['count', 8, false],
      ],
      ...[
        ['count', 4, false],
        ['count', 8, false],
        ['derived', 50, false],
      ],
      ...[
        ['count', 17, true],
        ['count', 12, true],
      ],
    ]);
    expect(table.groups.map((g) => g.parts.length)).toEqual([2, 2]);
  });

  it('adds the breakdowns and localities in the data that the page leaves off, as unpublished', () => {
    const rows: RowSpec[] = [{ id: 'council', area: 'council', values: [50] }];
    const beside = {
      localities: { council: ['north', 'south'] },
      data: [
        { area: 'north', values: [20] },
        { area: 'north', breakdown: 'Sex: Male', values: [9] },
      ],
    };
    const table = suppressionTable(rows.map(testRow), basisOf(rows, beside));
    expect(table.cells.filter((c) => c.unpublished).map((c) => c.value)).toEqual([20, 9, 11, 30]);
  });
});
