import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText, parseCsv } from './csv-read.ts';
import { isFormulaText, issuesToCsv, readDfeTidy, readTemplate, TEMPLATE_COLUMNS } from './imports.ts';
import type { DfeMapping, ImportContext, ImportIssue, ObservationInput } from './indicators.ts';

// ---- Test data ----------------------------------------------------------------------------------

const testIndicators: ImportContext['indicators'] = new Map([
  ['cp-plans', { code: 'cp-plans', unit: 'count', decimals: 0, periodType: 'point' }],
  ['cp-plan-rate', { code: 'cp-plan-rate', unit: 'rate-10000', decimals: 1, periodType: 'point' }],
  ['cp-3-months-pct', { code: 'cp-3-months-pct', unit: 'percentage', decimals: 1, periodType: 'point' }],
  ['cp-per-child', { code: 'cp-per-child', unit: 'ratio', decimals: 3, periodType: 'point' }],
  ['cla-rate', { code: 'cla-rate', unit: 'rate-10000', decimals: 0, periodType: 'point' }],
  ['rereferral-pct', { code: 'rereferral-pct', unit: 'percentage', decimals: 1, periodType: 'financial-quarter' }],
  ['referrals-fy', { code: 'referrals-fy', unit: 'count', decimals: 0, periodType: 'financial-year' }],
]);

const testAreas = new Map([
  ['E92000001', 'E92000001'],
  ['E12000005', 'E12000005'],
  ['E08000030', 'E08000030'],
  ['335', 'E08000030'],
  ['E08000028', 'E08000028'],
  ['333', 'E08000028'],
  ['E09000012', 'E09000012'],
  ['E06000053', 'E06000053'],
  ['WAL-N', 'WAL-N'],
  ['wal-n', 'WAL-N'],
]);

/** ONS mid-year estimates of children aged 0-17 (ons_mid-year_population_estimates_2012_to_2024.csv). */
const testPopulations = new Map([
  ['E92000001 2012', 11_403_970],
  ['E12000005 2012', 1_243_801],
  ['E08000028 2012', 76_103],
  ['E08000030 2012', 63_386],
  ['E08000030 2013', 63_744],
]);

const testContext: ImportContext = {
  indicators: testIndicators,
  areaCode: (code) => testAreas.get(code),
  population: (area, year) => testPopulations.get(`${area} ${year}`),
};
const contextWithoutPopulations: ImportContext = { indicators: testIndicators, areaCode: testContext.areaCode };

const fixture = (name: string) =>
  parseCsv(decodeText(fs.readFileSync(new URL(`../../tests/fixtures/imports/${name}`, import.meta.url))).text);

const find = (rows: ObservationInput[], indicator: string, area: string, period: string) =>
  rows.find((row) => row.indicatorCode === indicator && row.areaCode === area && row.period.code === period);

const issue = (row: number, column: string, value: string, reason: RegExp): ImportIssue => ({
  row,
  column,
  value,
  reason: expect.stringMatching(reason) as unknown as string,
});

// ---- Baton's template -----------------------------------------------------------------------------

const goodTemplateRow = {
  indicator_code: 'cp-plan-rate',
  area_code: 'E08000030',
  period: 'AT2013-03-31',
  breakdown: '',
  value: '39.6',
  numerator: '251',
  denominator: '63386',
  status: '',
  quality_note: '',
};
type TemplateRow = Partial<typeof goodTemplateRow>;
const templateHeader = Object.keys(goodTemplateRow);
const templateTable = (...rows: TemplateRow[]) => [templateHeader, ...rows.map((row) => Object.values({ ...goodTemplateRow, ...row }))];

const formula = '=HYPERLINK("http://evil","x")';
const longText = (length: number) => 'a'.repeat(length);
const manyBadRows = templateTable(
  ...Array.from({ length: 1_500 }, (_, i) => ({
    period: `AT2013-03-${String((i % 28) + 1).padStart(2, '0')}`,
    value: 'n/a',
    breakdown: String(i),
  })),
);

describe('TEMPLATE_COLUMNS', () => {
  it('lists the required columns first among the key ones, each with a description', () => {
    expect(TEMPLATE_COLUMNS.filter((column) => column.required).map((column) => column.name)).toEqual([
      'indicator_code',
      'area_code',
      'period',
      'value',
    ]);
    expect(TEMPLATE_COLUMNS.every((column) => column.description.length > 10)).toBe(true);
  });

  it('names every optional column', () => {
    expect(TEMPLATE_COLUMNS.filter((column) => !column.required).map((column) => column.name)).toEqual([
      'breakdown',
      'numerator',
      'denominator',
      'status',
      'quality_note',
    ]);
  });
});

describe('readTemplate: good rows', () => {
  it.each<[string, TemplateRow, Partial<ObservationInput>]>([
    [
      'a rate with its counts',
      {},
      {
        indicatorCode: 'cp-plan-rate',
        areaCode: 'E08000030',
        breakdown: '',
        value: 39.6,
        numerator: 251,
        denominator: 63386,
        marker: null,
        status: 'final',
        qualityNote: '',
        row: 2,
      },
    ],
    ['an old DfE council code, stored as the ONS code', { area_code: '335' }, { areaCode: 'E08000030' }],
    ['a locality code, stored as its canonical spelling', { area_code: 'wal-n' }, { areaCode: 'WAL-N' }],
    ['an indicator code in capitals', { indicator_code: 'CP-PLAN-RATE' }, { indicatorCode: 'cp-plan-rate' }],
    ['a point in time', { period: 'AT2013-03-31' }, { period: expect.objectContaining({ type: 'point', code: 'AT2013-03-31' }) }],
    [
      'a financial quarter',
      { indicator_code: 'rereferral-pct', period: '2013-14-q3' },
      { period: expect.objectContaining({ type: 'financial-quarter', code: '2013-14-Q3' }) },
    ],
    [
      'a financial year',
      { indicator_code: 'referrals-fy', period: 'FY2013-14', value: '3540' },
      { period: expect.objectContaining({ code: 'FY2013-14' }) },
    ],
    ['thousands separators', { value: '1,234.5', denominator: '63,386' }, { value: 1234.5, denominator: 63386 }],
    ['a negative value', { value: '-2.5' }, { value: -2.5 }],
    ['zero', { value: '0', numerator: '0' }, { value: 0, numerator: 0 }],
    ['a count of 0, a whole number', { indicator_code: 'cp-plans', value: '0', numerator: '', denominator: '' }, { value: 0 }],
    ['marker c (suppressed)', { value: 'c' }, { value: null, marker: 'c' }],
    ['marker X in capitals', { value: 'X' }, { value: null, marker: 'x' }],
    ['marker low', { value: 'low' }, { value: null, marker: 'low' }],
    ['blank numerator and denominator', { numerator: '', denominator: ' ' }, { numerator: null, denominator: null }],
    ['status in any case', { status: 'Provisional' }, { status: 'provisional' }],
    ['status revised', { status: 'revised' }, { status: 'revised' }],
    ['a breakdown, trimmed', { breakdown: '  Free school meals ' }, { breakdown: 'Free school meals' }],
    ['a quality note', { quality_note: 'Matches the Q3 scorecard' }, { qualityNote: 'Matches the Q3 scorecard' }],
    ['text with = later on', { quality_note: 'Rate = plans / population' }, { qualityNote: 'Rate = plans / population' }],
    ['a breakdown of exactly 100 characters', { breakdown: longText(100) }, { breakdown: longText(100) }],
    ['a quality note of exactly 1,000 characters', { quality_note: longText(1000) }, { qualityNote: longText(1000) }],
  ])('reads %s', (_name, row, expected) => {
    const result = readTemplate(templateTable(row), testContext);
    expect(result.issues).toEqual([]);
    expect(result.rows).toEqual([expect.objectContaining(expected)]);
  });

  it('reads headings in any order, case and spacing, without the optional columns', () => {
    const result = readTemplate(
      [
        [' VALUE ', 'Period', 'Area_Code', 'indicator_code'],
        ['12', 'AT2013-03-31', '333', 'cp-plans'],
      ],
      testContext,
    );
    expect(result).toEqual({
      rows: [
        expect.objectContaining({
          indicatorCode: 'cp-plans',
          areaCode: 'E08000028',
          value: 12,
          numerator: null,
          denominator: null,
          status: 'final',
        }),
      ],
      issues: [],
    });
  });

  it('skips blank lines', () => {
    expect(readTemplate([...templateTable({}), ['', '', ''], []], testContext).rows).toHaveLength(1);
  });

  it('keeps rows that differ only in breakdown', () => {
    expect(readTemplate(templateTable({}, { breakdown: 'Boys' }, { breakdown: 'Girls' }), testContext).issues).toEqual([]);
  });
});

describe('readTemplate: refused rows', () => {
  it.each<[string, TemplateRow, ImportIssue]>([
    ['a blank indicator', { indicator_code: '' }, issue(2, 'indicator_code', '', /Give the indicator’s code/)],
    [
      'an unknown indicator',
      { indicator_code: 'cp-plan-rat' },
      issue(2, 'indicator_code', 'cp-plan-rat', /no indicator with the code cp-plan-rat/),
    ],
    ['a blank area', { area_code: ' ' }, issue(2, 'area_code', ' ', /Give the area’s code/)],
    ['an unknown area', { area_code: '999' }, issue(2, 'area_code', '999', /does not know the area code 999/)],
    ['a blank period', { period: '' }, issue(2, 'period', '', /Give the period; write it like 2013-14-Q3/)],
    [
      'a period Baton cannot read',
      { period: 'Q3 2013' },
      issue(2, 'period', 'Q3 2013', /not a period .*2013-14-Q3 .*FY2013-14 .*AT2013-03-31 .*2013-11/),
    ],
    ['an impossible date', { period: 'AT2013-02-30' }, issue(2, 'period', 'AT2013-02-30', /not a period/)],
    [
      'a period of the wrong kind for the indicator',
      { period: 'FY2012-13' },
      issue(2, 'period', 'FY2012-13', /cp-plan-rate is counted by day \(e\.g\. AT2013-03-31\); this period is a financial year$/),
    ],
    ['a blank value', { value: '' }, issue(2, 'value', '', /value is blank; give a value, or a marker such as c or x/)],
    [
      'text in the value column',
      { value: 'about 40' },
      issue(2, 'value', 'about 40', /not a number; give a number, or a marker such as c/),
    ],
    ['NaN', { value: 'NaN' }, issue(2, 'value', 'NaN', /not a number/)],
    ['Infinity', { value: 'Infinity' }, issue(2, 'value', 'Infinity', /not a number/)],
    ['a number too big to hold', { value: '9'.repeat(400) }, issue(2, 'value', `${'9'.repeat(79)}…`, /too big/)],
    ['a percentage sign', { value: '40%' }, issue(2, 'value', '40%', /not a number/)],
    [
      'a negative count (issue 11: it was saved and published)',
      { indicator_code: 'cp-plans', value: '-5', numerator: '', denominator: '' },
      issue(2, 'value', '-5', /^A count cannot be less than 0; give the number, 0 or more, or a marker such as c or x$/),
    ],
    [
      'a count with a fraction',
      { indicator_code: 'cp-plans', value: '12.5', numerator: '', denominator: '' },
      issue(2, 'value', '12.5', /^A count is a whole number; give it without a fraction/),
    ],
    [
      'a marker as the numerator',
      { numerator: 'c' },
      issue(2, 'numerator', 'c', /Markers such as c belong in the value column; leave the numerator blank/),
    ],
    ['text as the numerator', { numerator: 'many' }, issue(2, 'numerator', 'many', /give the numerator as a number, or leave it blank/)],
    ['a negative numerator', { numerator: '-1' }, issue(2, 'numerator', '-1', /numerator cannot be less than 0/)],
    ['a zero denominator', { denominator: '0' }, issue(2, 'denominator', '0', /denominator must be more than 0/)],
    ['a negative denominator', { denominator: '-5' }, issue(2, 'denominator', '-5', /denominator cannot be less than 0/)],
    [
      'an unknown status',
      { status: 'draft' },
      issue(2, 'status', 'draft', /use provisional, final, revised, estimated, or leave it blank/),
    ],
    [
      'a formula in the quality note',
      { quality_note: formula },
      issue(2, 'quality_note', formula, /looks like a spreadsheet formula; remove the leading =$/),
    ],
    ['a formula after spaces', { quality_note: '  =1+1' }, issue(2, 'quality_note', '  =1+1', /remove the leading =/)],
    ['a breakdown starting +', { breakdown: '+SUM(A1)' }, issue(2, 'breakdown', '+SUM(A1)', /remove the leading \+/)],
    ['a breakdown starting -', { breakdown: '-2+3' }, issue(2, 'breakdown', '-2+3', /remove the leading -/)],
    ['a breakdown starting @', { breakdown: '@SUM(A1)' }, issue(2, 'breakdown', '@SUM(A1)', /remove the leading @/)],
    ['a quality note starting with a tab', { quality_note: '\t=1' }, issue(2, 'quality_note', '\t=1', /starts with a tab or line break/)],
    [
      'a quality note starting with a carriage return',
      { quality_note: '\rnote' },
      issue(2, 'quality_note', '\rnote', /starts with a tab or line break/),
    ],
    [
      'a breakdown of 101 characters',
      { breakdown: longText(101) },
      issue(2, 'breakdown', `${longText(79)}…`, /101 characters long; the most Baton keeps is 100/),
    ],
    [
      'a quality note of 1,001 characters',
      { quality_note: longText(1001) },
      issue(2, 'quality_note', `${longText(79)}…`, /1,001 characters long; the most Baton keeps is 1,000/),
    ],
  ])('refuses %s', (_name, row, expected) => {
    expect(readTemplate(templateTable(row), testContext)).toEqual({ rows: [], issues: [expected] });
  });

  it('reports every problem in a row, not just the first', () => {
    expect(readTemplate(templateTable({ area_code: 'nowhere', value: 'lots', status: 'done' }), testContext).issues).toEqual([
      issue(2, 'area_code', 'nowhere', /area code/),
      issue(2, 'value', 'lots', /not a number/),
      issue(2, 'status', 'done', /status/),
    ]);
  });

  it('refuses a repeated row, naming the first, and keeps the first', () => {
    const result = readTemplate(templateTable({}, { breakdown: 'Boys' }, { area_code: '335', value: '40' }), testContext);
    expect(result.issues).toEqual([
      issue(4, '', 'cp-plan-rate, E08000030, AT2013-03-31', /repeats row 2: the same indicator, area, period and breakdown/),
    ]);
    expect(result.rows.map((row) => row.row)).toEqual([2, 3]);
  });

  it('gives the row numbers as a spreadsheet shows them, counting blank lines', () => {
    expect(
      readTemplate([...templateTable({}), [], ...templateTable({ breakdown: 'Girls', value: 'oops' }).slice(1)], testContext).issues,
    ).toEqual([issue(4, 'value', 'oops', /not a number/)]);
  });

  it('names a column as its heading is written in the file', () => {
    expect(
      readTemplate(
        [
          ['Indicator_Code', 'AREA_CODE', 'Period', 'Value'],
          ['cp-plans', 'E08000030', 'AT2013-03-31', 'x y'],
        ],
        testContext,
      ).issues,
    ).toEqual([issue(2, 'Value', 'x y', /not a number/)]);
  });

  it('stops at 1,000 problems and says how many more there were', () => {
    const { issues } = readTemplate(manyBadRows, testContext);
    expect(issues).toHaveLength(1_001);
    expect(issues[999]).toEqual(issue(1_001, 'value', 'n/a', /not a number/));
    expect(issues[1_000]).toEqual(issue(0, '', '', /^500 more problems were found/));
  });
});

describe('readTemplate: the file as a whole', () => {
  it.each<[string, string[][], ImportIssue[]]>([
    ['an empty file', [], [issue(0, '', '', /^The file has no rows of data$/)]],
    ['a header with no rows', [templateHeader], [issue(0, '', '', /no rows of data/)]],
    ['a header and blank lines', [templateHeader, [''], ['', '', '']], [issue(0, '', '', /no rows of data/)]],
    [
      'missing required columns',
      [
        ['indicator_code', 'area_code'],
        ['cp-plans', '335'],
      ],
      [issue(1, 'period', '', /no period column, which every row needs/), issue(1, 'value', '', /no value column/)],
    ],
    [
      'a repeated column',
      [
        [...templateHeader, 'Value'],
        [...Object.values(goodTemplateRow), '40'],
      ],
      [issue(1, 'Value', 'Value', /two value columns; keep one/)],
    ],
  ])('refuses %s', (_name, table, issues) => {
    expect(readTemplate(table, testContext)).toEqual({ rows: [], issues });
  });

  it('refuses a column the template does not have, naming it, and still checks every row', () => {
    const result = readTemplate(
      [
        [...templateHeader, 'comments'],
        [...Object.values(goodTemplateRow), 'fine'],
        [...Object.values({ ...goodTemplateRow, breakdown: 'Boys', value: '?' }), ''],
      ],
      testContext,
    );
    expect(result.issues).toEqual([
      issue(1, 'comments', 'comments', /no column called comments; remove it, or rename it to one of indicator_code, area_code/),
      issue(3, 'value', '?', /not a number/),
    ]);
  });

  it.each<[string, string[][], ImportIssue[]]>([
    [
      'an unnamed empty column (a trailing comma)',
      [
        [...templateHeader, ''],
        [...Object.values(goodTemplateRow), ''],
      ],
      [],
    ],
    [
      'an unnamed column with data',
      [
        [...templateHeader, ''],
        [...Object.values(goodTemplateRow), 'x'],
      ],
      [issue(1, '', '', /Column 10 has data but no heading/)],
    ],
  ])('with %s', (_name, table, issues) => {
    expect(readTemplate(table, testContext).issues).toEqual(issues);
  });

  it('reads the example file, refusing text in the value column and a formula in a quality note', () => {
    const result = readTemplate(fixture('template_example.csv'), testContext);
    expect(result.issues).toEqual([
      issue(5, 'Value', 'about 20', /not a number/),
      issue(6, 'Quality_Note', formula, /spreadsheet formula/),
    ]);
    expect(
      result.rows.map((row) => [row.areaCode, row.period.code, row.breakdown, row.value, row.marker, row.denominator, row.status]),
    ).toEqual([
      ['E08000030', 'AT2013-03-31', '', 39.6, null, 63386, 'final'],
      ['E08000028', 'AT2013-03-31', '', 42.6, null, 76103, 'final'],
      ['E08000030', '2013-14-Q3', 'Free school meals', null, 'c', null, 'provisional'],
    ]);
  });
});

// ---- DfE tidy CSVs --------------------------------------------------------------------------------

const d5 = fixture('d5_cpps_at31march_extract.csv');
const cla = fixture('cla_number_and_rate_extract.csv');
const d5Header = d5[0]!;
const d5Walsall2013 = d5[4]!;
/** A d5 row with some columns replaced, by heading. */
const d5Row = (changes: Record<string, string>) => d5Header.map((heading, i) => changes[heading] ?? d5Walsall2013[i]!);

const cpMapping: DfeMapping = {
  filters: [{ column: 'category', equals: 'Child Protection Plans by length of time' }],
  periodAsPoint: true,
  measures: [
    { indicatorCode: 'cp-plans', valueColumn: 'CPP_At31' },
    { indicatorCode: 'cp-plan-rate', numeratorColumn: 'CPP_At31', perPopulation: 10_000 },
    { indicatorCode: 'cp-3-months-pct', numeratorColumn: '3_months_or_less', denominatorColumn: 'CPP_At31' },
  ],
};
const cpPlansOnly: DfeMapping = { filters: [], periodAsPoint: true, measures: [{ indicatorCode: 'cp-plans', valueColumn: 'CPP_At31' }] };
const cpRateOnly: DfeMapping = {
  filters: [],
  periodAsPoint: true,
  measures: [{ indicatorCode: 'cp-plan-rate', numeratorColumn: 'CPP_At31', perPopulation: 10_000 }],
};
const claMapping = (filter: string): DfeMapping => ({
  filters: [{ column: 'population_type', equals: filter }],
  periodAsPoint: true,
  measures: [
    {
      indicatorCode: 'cla-rate',
      valueColumn: 'rate_per_10000',
      numeratorColumn: 'children_count',
      denominatorColumn: 'population_estimate',
    },
  ],
});
const d5Rows = readDfeTidy(d5, cpMapping, testContext).rows;

/** 30,000 council rows (3,000 areas × 10 years) for the timing test. */
const manyAreas = new Map(Array.from({ length: 3_000 }, (_, i) => [`E0${9_000_000 + i}`, `E0${9_000_000 + i}`]));
const bigTable = [
  d5Header,
  ...Array.from({ length: 30_000 }, (_, i) =>
    d5Row({
      time_period: String(2013 + (i % 10)),
      new_la_code: `E0${9_000_000 + Math.floor(i / 10)}`,
      old_la_code: '',
      CPP_At31: String(i % 500),
      '3_months_or_less': '7',
    }),
  ),
];
const bigContext: ImportContext = { indicators: testIndicators, areaCode: (code) => manyAreas.get(code), population: () => 60_000 };

describe('readDfeTidy: child protection plans at 31 March (d5)', () => {
  it.each<[string, string, string, string, Partial<ObservationInput>]>([
    [
      'Walsall’s rate per 10,000 from its mid-2012 population (the Q3 2013 scorecard’s 39.6)',
      'cp-plan-rate',
      'E08000030',
      'AT2013-03-31',
      {
        value: expect.closeTo(39.5986495, 6) as unknown as number,
        numerator: 251,
        denominator: 63_386,
        marker: null,
        qualityNote: '',
        row: 5,
      },
    ],
    [
      'the next year from mid-2013',
      'cp-plan-rate',
      'E08000030',
      'AT2014-03-31',
      { value: expect.closeTo((326 / 63_744) * 10_000, 9) as unknown as number, denominator: 63_744 },
    ],
    [
      'a published count',
      'cp-plans',
      'E08000030',
      'AT2013-03-31',
      { value: 251, numerator: null, denominator: null, marker: null, status: 'final', breakdown: '' },
    ],
    [
      'a percentage worked out from counts',
      'cp-3-months-pct',
      'E08000030',
      'AT2013-03-31',
      { value: expect.closeTo(21.912, 3) as unknown as number, numerator: 55, denominator: 251 },
    ],
    ['England (national)', 'cp-plans', 'E92000001', 'AT2013-03-31', { value: 43_140, row: 2 }],
    [
      'England’s rate',
      'cp-plan-rate',
      'E92000001',
      'AT2013-03-31',
      { value: expect.closeTo(37.829, 3) as unknown as number, denominator: 11_403_970 },
    ],
    ['the West Midlands (regional)', 'cp-plans', 'E12000005', 'AT2013-03-31', { value: 5_240, row: 3 }],
    ['a count not available (x)', 'cp-plans', 'E09000012', 'AT2022-03-31', { value: null, marker: 'x' }],
    [
      'a rate with no population estimate, noted',
      'cp-plan-rate',
      'E09000012',
      'AT2022-03-31',
      { value: null, marker: 'x', denominator: null, qualityNote: 'No ONS population estimate for mid-2021' },
    ],
    ['a suppressed count (c)', 'cp-plans', 'E06000053', 'AT2025-03-31', { value: null, marker: 'c' }],
    [
      'a rate from a suppressed count, which keeps its marker',
      'cp-plan-rate',
      'E06000053',
      'AT2025-03-31',
      { value: null, marker: 'c', numerator: null },
    ],
    [
      'a percentage from a suppressed denominator',
      'cp-3-months-pct',
      'E06000053',
      'AT2025-03-31',
      { value: null, marker: 'c', numerator: 0, denominator: null },
    ],
  ])('reads %s', (_name, indicator, area, period, expected) => {
    expect(find(d5Rows, indicator, area, period)).toMatchObject(expected);
  });

  it('reads every row of the extract, three measures each, without issues', () => {
    const result = readDfeTidy(d5, cpMapping, testContext);
    expect(result.issues).toEqual([]);
    expect(result.rows).toHaveLength(21);
  });

  it('reads a reporting year as the year ending 31 March without periodAsPoint', () => {
    expect(readDfeTidy(d5, { ...cpPlansOnly, periodAsPoint: false }, testContext).rows[0]?.period).toMatchObject({
      code: 'FY2012-13',
      end: '2013-03-31',
    });
  });

  it('marks a rate x when the context has no populations at all', () => {
    expect(find(readDfeTidy(d5, cpRateOnly, contextWithoutPopulations).rows, 'cp-plan-rate', 'E08000030', 'AT2013-03-31')).toMatchObject({
      value: null,
      marker: 'x',
      qualityNote: 'No ONS population estimate for mid-2012',
    });
  });

  // Its speed is measured by `npm run bench` (the national load parses 99,000 figures), not asserted here.
  it('reads 30,000 rows of three measures', () => {
    const result = readDfeTidy(bigTable, cpMapping, bigContext);
    expect(result.issues).toEqual([]);
    expect(result.rows).toHaveLength(90_000);
  });
});

describe('readDfeTidy: rows', () => {
  it.each<[string, Record<string, string>, DfeMapping, Partial<ObservationInput>]>([
    ['old_la_code when new_la_code is blank', { new_la_code: '' }, cpPlansOnly, { areaCode: 'E08000030' }],
    ['old_la_code when new_la_code is unknown', { new_la_code: 'E08999999' }, cpPlansOnly, { areaCode: 'E08000030' }],
    ['a blank measure as x (not available)', { CPP_At31: '' }, cpPlansOnly, { value: null, marker: 'x' }],
    ['thousands separators', { CPP_At31: '1,251' }, cpPlansOnly, { value: 1251 }],
    ['markers low, u and :', { CPP_At31: 'low' }, cpPlansOnly, { value: null, marker: 'low' }],
    ['a level in any case', { geographic_level: 'local authority' }, cpPlansOnly, { areaCode: 'E08000030' }],
    ['a breakdown from a column', { category: 'Boys' }, { ...cpPlansOnly, breakdownColumn: 'category' }, { breakdown: 'Boys' }],
    [
      'a ratio worked out from counts (no rate)',
      {},
      {
        filters: [],
        periodAsPoint: true,
        measures: [{ indicatorCode: 'cp-per-child', numeratorColumn: '3_months_or_less', denominatorColumn: 'CPP_At31' }],
      },
      { value: expect.closeTo(55 / 251, 12) as unknown as number },
    ],
    [
      'a zero denominator as z (not applicable)',
      { CPP_At31: '0', '3_months_or_less': '0' },
      {
        filters: [],
        periodAsPoint: true,
        measures: [{ indicatorCode: 'cp-3-months-pct', numeratorColumn: '3_months_or_less', denominatorColumn: 'CPP_At31' }],
      },
      { value: null, marker: 'z', numerator: 0, denominator: 0 },
    ],
    [
      'the published value over one worked out from counts',
      {},
      {
        filters: [],
        periodAsPoint: true,
        measures: [
          {
            indicatorCode: 'cp-3-months-pct',
            valueColumn: '3_months_or_less_percent',
            numeratorColumn: '3_months_or_less',
            denominatorColumn: 'CPP_At31',
          },
        ],
      },
      { value: 21.9, numerator: 55, denominator: 251 },
    ],
  ])('reads %s', (_name, changes, mapping, expected) => {
    expect(readDfeTidy([d5Header, d5Row(changes)], mapping, testContext)).toEqual({
      rows: [expect.objectContaining(expected)],
      issues: [],
    });
  });

  it.each<[string, Record<string, string>]>([
    ['a local authority district', { geographic_level: 'Local authority district' }],
    ['a parliamentary constituency', { geographic_level: 'Parliamentary constituency' }],
    ['a row another filter leaves out', { category: 'Child Protection Plans by reason' }],
  ])('skips %s silently', (_name, changes) => {
    expect(readDfeTidy([d5Header, d5Row(changes)], cpMapping, testContext)).toEqual({ rows: [], issues: [] });
  });

  it.each<[string, Record<string, string>, DfeMapping, ImportIssue[]]>([
    [
      'an unknown area, naming the council',
      { new_la_code: 'E06999999', old_la_code: '999' },
      cpPlansOnly,
      [issue(2, 'new_la_code', 'E06999999', /does not know the area code E06999999 \(Walsall\)/)],
    ],
    [
      'an unknown old code with no new one',
      { new_la_code: '', old_la_code: '999' },
      cpPlansOnly,
      [issue(2, 'old_la_code', '999', /area code 999/)],
    ],
    [
      'a council row with no code',
      { new_la_code: '', old_la_code: '' },
      cpPlansOnly,
      [issue(2, 'new_la_code', '', /no new_la_code or old_la_code/)],
    ],
    [
      'an unknown region',
      { geographic_level: 'Regional', region_code: 'E12000099' },
      cpPlansOnly,
      [issue(2, 'region_code', 'E12000099', /area code E12000099/)],
    ],
    ['a blank level', { geographic_level: '' }, cpPlansOnly, [issue(2, 'geographic_level', '', /no geographic_level/)]],
    [
      'a period Baton cannot read',
      { time_period: '2013', time_identifier: 'Week 3' },
      cpPlansOnly,
      [issue(2, 'time_period', '2013', /time_period 2013 with time_identifier Week 3/)],
    ],
    [
      'text in a measure',
      { CPP_At31: 'about 250' },
      cpPlansOnly,
      [issue(2, 'CPP_At31', 'about 250', /not a number or one of DfE’s markers/)],
    ],
    ['text in a numerator', { CPP_At31: 'many' }, cpRateOnly, [issue(2, 'CPP_At31', 'many', /not a number/)]],
    ['a negative count', { CPP_At31: '-5' }, cpPlansOnly, [issue(2, 'CPP_At31', '-5', /^A count cannot be less than 0/)]],
    ['a count with a fraction', { CPP_At31: '250.5' }, cpPlansOnly, [issue(2, 'CPP_At31', '250.5', /^A count is a whole number/)]],
    [
      'a formula as the breakdown',
      { category: formula },
      { ...cpPlansOnly, breakdownColumn: 'category' },
      [issue(2, 'category', formula, /spreadsheet formula; remove the leading =/)],
    ],
  ])('refuses %s', (_name, changes, mapping, issues) => {
    expect(readDfeTidy([d5Header, d5Row(changes)], mapping, testContext)).toEqual({ rows: [], issues });
  });

  it('reads the other measures of a row when one has text in it', () => {
    expect(
      readDfeTidy([d5Header, d5Row({ '3_months_or_less': 'n/a' })], cpMapping, testContext).rows.map((row) => row.indicatorCode),
    ).toEqual(['cp-plans', 'cp-plan-rate']);
  });

  it('refuses a second row for the same area, period and breakdown, naming both rows', () => {
    const result = readDfeTidy([d5Header, d5Walsall2013, d5Row({ new_la_code: '', CPP_At31: '252' })], cpPlansOnly, testContext);
    expect(result.issues).toEqual([issue(3, '', 'E08000030, AT2013-03-31', /Rows 2 and 3 are for the same area, period and breakdown/)]);
    expect(result.rows.map((row) => row.value)).toEqual([251]);
  });

  it.each<[string, string, [string, number][]]>([
    [
      'children looked after at 31 March',
      'Children looked after on 31 March each year',
      [
        ['E92000001', 67],
        ['E08000030', 81],
      ],
    ],
    [
      'children starting to be looked after',
      'Children starting to be looked after each year',
      [
        ['E92000001', 26],
        ['E08000030', 16],
      ],
    ],
  ])('keeps only the rows a filter names (%s), in a file with a byte-order mark', (_name, filter, values) => {
    const result = readDfeTidy(cla, claMapping(filter), testContext);
    expect(result.issues).toEqual([]);
    expect(result.rows.map((row) => [row.areaCode, row.value])).toEqual(values);
  });

  it('stores the counts behind a published rate', () => {
    expect(readDfeTidy(cla, claMapping('Children looked after on 31 March each year'), testContext).rows[1]).toMatchObject({
      numerator: 578,
      denominator: 71_799,
      value: 81,
    });
  });

  it('refuses rows a missing filter leaves repeated', () => {
    const { issues } = readDfeTidy(cla, { ...claMapping(''), filters: [] }, testContext);
    expect(issues.map((i) => i.reason)).toEqual([
      expect.stringMatching(/^Rows 2 and 3 /),
      expect.stringMatching(/^Rows 2 and 4 /),
      expect.stringMatching(/^Rows 5 and 6 /),
      expect.stringMatching(/^Rows 5 and 7 /),
    ]);
  });
});

describe('readDfeTidy: the file and the mapping', () => {
  it.each<[string, string[][], DfeMapping, ImportIssue[]]>([
    ['an empty file', [], cpMapping, [issue(0, '', '', /no rows of data/)]],
    ['a header with no rows', [d5Header], cpMapping, [issue(0, '', '', /no rows of data/)]],
    [
      'a mapping naming a column the file lacks',
      d5,
      { ...cpPlansOnly, measures: [{ indicatorCode: 'cp-plans', valueColumn: 'CPP_at_31' }] },
      [issue(1, 'CPP_at_31', '', /^The mapping names column CPP_at_31, which is not in this file$/)],
    ],
    [
      'a filter on a missing column',
      d5,
      { ...cpPlansOnly, filters: [{ column: 'population_type', equals: 'x' }] },
      [issue(1, 'population_type', '', /mapping names column population_type/)],
    ],
    [
      'a breakdown from a missing column',
      d5,
      { ...cpPlansOnly, breakdownColumn: 'sex' },
      [issue(1, 'sex', '', /mapping names column sex/)],
    ],
    [
      'a file without time_identifier',
      d5.map((row) => row.filter((_, i) => i !== 1)),
      cpPlansOnly,
      [issue(1, 'time_identifier', '', /DfE tidy file has a time_identifier column, but this file does not/)],
    ],
    [
      'an unknown indicator',
      d5,
      { ...cpPlansOnly, measures: [{ indicatorCode: 'cp-plans-typo', valueColumn: 'CPP_At31' }] },
      [issue(1, '', 'cp-plans-typo', /names indicator cp-plans-typo, which Baton does not have/)],
    ],
    [
      'a measure with no way to a value',
      d5,
      { ...cpPlansOnly, measures: [{ indicatorCode: 'cp-plans', numeratorColumn: 'CPP_At31' }] },
      [issue(1, '', 'cp-plans', /needs a value column, a numerator column with perPopulation, or numerator and denominator columns/)],
    ],
    [
      'an indicator given twice',
      d5,
      { ...cpPlansOnly, measures: [...cpPlansOnly.measures, { indicatorCode: 'cp-plans', valueColumn: '3_months_or_less' }] },
      [issue(1, '', 'cp-plans', /gives indicator cp-plans more than once/)],
    ],
    ['no measures', d5, { ...cpPlansOnly, measures: [] }, [issue(1, '', '', /no measures/)]],
  ])('refuses %s', (_name, table, mapping, issues) => {
    expect(readDfeTidy(table, mapping, testContext)).toEqual({ rows: [], issues });
  });
});

// ---- Helpers ------------------------------------------------------------------------------------------

describe('isFormulaText', () => {
  it.each<[string, boolean]>([
    [formula, true],
    ['+1', true],
    ['-1', true],
    ['@SUM(A1)', true],
    ['\tx', true],
    ['\rx', true],
    ['  =1', true],
    ['Free school meals', false],
    ['a = b', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(isFormulaText(text)).toBe(expected);
  });
});

describe('issuesToCsv', () => {
  it('writes a row per issue, neutralising formulas', () => {
    expect(
      issuesToCsv([
        { row: 2, column: 'quality_note', value: formula, reason: 'This looks like a spreadsheet formula; remove the leading =' },
      ]),
    ).toBe(
      'row,column,value,reason\r\n2,quality_note,"\'=HYPERLINK(""http://evil"",""x"")",This looks like a spreadsheet formula; remove the leading =\r\n',
    );
  });

  it('writes just the header when there are no issues', () => {
    expect(issuesToCsv([])).toBe('row,column,value,reason\r\n');
  });
});
