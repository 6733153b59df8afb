import { describe, expect, it } from 'vitest';
import { parsePeriodPhrase, PERIOD_PHRASE_EXAMPLES } from './period-phrases.ts';
import {
  describePeriod,
  forPeriod,
  multiYearPeriod,
  parseDfePeriod,
  parsePeriod,
  periodOf,
  previousPeriod,
  reportingQuarterCode,
  samePeriodLastYear,
  type Period,
  type PeriodType,
} from './periods.ts';
import { addDays, quarterOf } from './promises.ts';

/** Test data: the 1st, 15th and last day of every month from 2011 to 2017, and three leap days. */
const DATES = Array.from({ length: 7 * 12 }, (_, i) => new Date(Date.UTC(2011, i + 1, 0)).toISOString().slice(0, 10))
  .flatMap((lastDay) => [`${lastDay.slice(0, 8)}01`, `${lastDay.slice(0, 8)}15`, lastDay])
  .concat(['2000-02-29', '2012-02-29', '2016-02-29']);

const SINGLE_TYPES: Exclude<PeriodType, 'multi-year'>[] = [
  'month',
  'calendar-quarter',
  'financial-quarter',
  'financial-year',
  'academic-year',
  'calendar-year',
  'rolling-12-months',
  'point',
];
const BAD_DATES = ['', '2013-02-30', '2015-02-29', '2013-13-01', '26/11/2013', '2013-11-26T00:00', '0999-12-31'];
/** Types whose periods follow one another with no gap or overlap. */
const BACK_TO_BACK: Exclude<PeriodType, 'multi-year'>[] = [
  'month',
  'calendar-quarter',
  'financial-quarter',
  'financial-year',
  'academic-year',
  'calendar-year',
];

const byCode = (code: string): Period => {
  const period = parsePeriod(code);
  if (!period) throw new Error(`test data: ${code} is not a period`);
  return period;
};
/** Test data: a period and the 29 before it, oldest first. */
const history = (code: string): string[] =>
  Array.from({ length: 29 })
    .reduce<Period[]>((list) => [previousPeriod(list[0]!), ...list], [byCode(code)])
    .map((p) => p.code);

describe('parsePeriod', () => {
  it.each([
    // type, code, label, longLabel, start, end
    ['month', '2013-11', 'November 2013', 'November 2013', '2013-11-01', '2013-11-30'],
    ['month', '2013-12', 'December 2013', 'December 2013', '2013-12-01', '2013-12-31'],
    ['month', '2014-01', 'January 2014', 'January 2014', '2014-01-01', '2014-01-31'],
    ['month', '2015-02', 'February 2015', 'February 2015', '2015-02-01', '2015-02-28'],
    ['month', '2016-02', 'February 2016', 'February 2016', '2016-02-01', '2016-02-29'],
    ['month', '2000-02', 'February 2000', 'February 2000', '2000-02-01', '2000-02-29'],
    ['month', '1900-02', 'February 1900', 'February 1900', '1900-02-01', '1900-02-28'],
    ['calendar-quarter', '2013-Q1', 'January to March 2013', 'January to March 2013', '2013-01-01', '2013-03-31'],
    ['calendar-quarter', '2013-Q4', 'October to December 2013', 'October to December 2013', '2013-10-01', '2013-12-31'],
    ['financial-quarter', '2013-14-Q1', '2013-14 Q1 (April to June 2013)', 'April to June 2013', '2013-04-01', '2013-06-30'],
    ['financial-quarter', '2013-14-Q2', '2013-14 Q2 (July to September 2013)', 'July to September 2013', '2013-07-01', '2013-09-30'],
    ['financial-quarter', '2013-14-Q3', '2013-14 Q3 (October to December 2013)', 'October to December 2013', '2013-10-01', '2013-12-31'],
    ['financial-quarter', '2013-14-Q4', '2013-14 Q4 (January to March 2014)', 'January to March 2014', '2014-01-01', '2014-03-31'],
    ['financial-quarter', '1999-00-Q4', '1999-00 Q4 (January to March 2000)', 'January to March 2000', '2000-01-01', '2000-03-31'],
    ['financial-year', 'FY2013-14', '2013-14', 'April 2013 to March 2014', '2013-04-01', '2014-03-31'],
    ['financial-year', 'FY1999-00', '1999-00', 'April 1999 to March 2000', '1999-04-01', '2000-03-31'],
    ['financial-year', 'FY2099-00', '2099-00', 'April 2099 to March 2100', '2099-04-01', '2100-03-31'],
    ['academic-year', 'AY2013-14', 'Academic year 2013/14', 'September 2013 to August 2014', '2013-09-01', '2014-08-31'],
    ['academic-year', 'AY1999-00', 'Academic year 1999/00', 'September 1999 to August 2000', '1999-09-01', '2000-08-31'],
    ['calendar-year', 'CY2013', '2013', 'January to December 2013', '2013-01-01', '2013-12-31'],
    ['rolling-12-months', 'R12-2014-03', '12 months to March 2014', 'April 2013 to March 2014', '2013-04-01', '2014-03-31'],
    ['rolling-12-months', 'R12-2013-12', '12 months to December 2013', 'January to December 2013', '2013-01-01', '2013-12-31'],
    ['rolling-12-months', 'R12-2016-02', '12 months to February 2016', 'March 2015 to February 2016', '2015-03-01', '2016-02-29'],
    ['multi-year', 'FY2014-15_FY2016-17', '2014-15 to 2016-17', 'April 2014 to March 2017', '2014-04-01', '2017-03-31'],
    ['multi-year', 'FY2014-15_FY2015-16', '2014-15 to 2015-16', 'April 2014 to March 2016', '2014-04-01', '2016-03-31'],
    ['multi-year', 'AY2013-14_AY2015-16', 'Academic years 2013/14 to 2015/16', 'September 2013 to August 2016', '2013-09-01', '2016-08-31'],
    ['multi-year', 'CY2014_CY2016', '2014 to 2016', 'January 2014 to December 2016', '2014-01-01', '2016-12-31'],
    ['point', 'AT2013-03-31', 'At 31 March 2013', '31 March 2013', '2013-03-31', '2013-03-31'],
    ['point', 'AT2016-02-29', 'At 29 February 2016', '29 February 2016', '2016-02-29', '2016-02-29'],
    ['point', 'AT2014-01-01', 'At 1 January 2014', '1 January 2014', '2014-01-01', '2014-01-01'],
  ])('reads a %s, %s', (type, code, label, longLabel, start, end) => {
    expect(parsePeriod(code)).toEqual({ type, code, label, longLabel, start, end });
  });

  it.each([
    ['2013-14 Q3', '2013-14-Q3'],
    [' 2013-14 q4 ', '2013-14-Q4'],
    ['fy2013-14', 'FY2013-14'],
    ['ay2013-14', 'AY2013-14'],
    ['cy2013', 'CY2013'],
    ['r12-2014-03', 'R12-2014-03'],
    ['fy2014-15_fy2016-17', 'FY2014-15_FY2016-17'],
    ['at2013-03-31', 'AT2013-03-31'],
    ['2013-q4', '2013-Q4'],
  ])('reads %j as %s', (input, code) => {
    expect(parsePeriod(input)?.code).toBe(code);
  });

  it.each([
    '',
    ' ',
    'November 2013',
    '2013-13',
    '2013-00',
    '2013-1',
    '13-11',
    '2013-11-01',
    '2013-Q0',
    '2013-Q5',
    '2013-14-Q5',
    '2013-15-Q1',
    '2013/14 Q1',
    'FY2013-15',
    'FY2013-13',
    'FY2013/14',
    'FY2013-2014',
    'FY13-14',
    'AY2013/14',
    'AY2013-15',
    'CY13',
    'CY20133',
    'R12-2014-13',
    'R12-2014-00',
    'R12-2014',
    'AT2013-02-30',
    'AT2015-02-29',
    'AT2013-13-01',
    'AT31-03-2013',
    'FY2015-16_FY2014-15',
    'FY2014-15_FY2014-15',
    'FY2014-15_AY2015-16',
    'FY2014-15_CY2016',
    'FY2014-15_FY2015-16_FY2016-17',
    '2013-11_2013-12',
    'AT2013-03-31_AT2014-03-31',
    'R12-2014-03_R12-2015-03',
    'FY2014-15_',
    '_FY2014-15',
    'MY2014-2016',
    'CY0999',
    '0999-12',
    'AT0999-12-31',
    'FY9999-00',
  ])('refuses %j', (code) => {
    expect(parsePeriod(code)).toBeUndefined();
  });
});

describe('periodOf', () => {
  it.each([
    ['month', '2013-11-26', '2013-11'],
    ['month', '2016-02-29', '2016-02'],
    ['calendar-quarter', '2013-11-26', '2013-Q4'],
    ['calendar-quarter', '2014-01-01', '2014-Q1'],
    ['calendar-quarter', '2014-03-31', '2014-Q1'],
    ['financial-quarter', '2013-11-26', '2013-14-Q3'],
    ['financial-quarter', '2014-03-31', '2013-14-Q4'],
    ['financial-quarter', '2014-04-01', '2014-15-Q1'],
    ['financial-year', '2014-03-31', 'FY2013-14'],
    ['financial-year', '2014-04-01', 'FY2014-15'],
    ['financial-year', '2014-01-01', 'FY2013-14'],
    ['academic-year', '2013-08-31', 'AY2012-13'],
    ['academic-year', '2013-09-01', 'AY2013-14'],
    ['academic-year', '2014-01-01', 'AY2013-14'],
    ['calendar-year', '2013-12-31', 'CY2013'],
    ['calendar-year', '2014-01-01', 'CY2014'],
    ['rolling-12-months', '2014-03-15', 'R12-2014-03'],
    ['rolling-12-months', '2014-01-01', 'R12-2014-01'],
    ['point', '2013-03-31', 'AT2013-03-31'],
  ] as const)('a %s containing %s is %s', (type, date, code) => {
    expect(periodOf(type, date)?.code).toBe(code);
  });

  it.each(SINGLE_TYPES.flatMap((type) => BAD_DATES.map((date) => ({ type, date }))))(
    'a $type containing $date is undefined',
    ({ type, date }) => {
      expect(periodOf(type, date)).toBeUndefined();
    },
  );

  describe.each(SINGLE_TYPES)('every %s', (type) => {
    it.each(DATES)('containing %s holds it and reads back from its code', (date) => {
      const period = periodOf(type, date)!;
      expect(period.start <= date && date <= period.end).toBe(true);
      expect(parsePeriod(period.code)).toEqual(period);
    });
  });

  it.each(DATES)('agrees with the reporting quarter of %s in promises.ts', (date) => {
    const period = periodOf('financial-quarter', date)!;
    expect({ code: reportingQuarterCode(period), label: period.longLabel, start: period.start, end: period.end }).toEqual(quarterOf(date));
  });
});

describe('previousPeriod', () => {
  it.each([
    ['2013-11', '2013-10'],
    ['2014-01', '2013-12'],
    ['2016-03', '2016-02'],
    ['2014-Q1', '2013-Q4'],
    ['2013-Q4', '2013-Q3'],
    ['2013-14-Q1', '2012-13-Q4'],
    ['2013-14-Q4', '2013-14-Q3'],
    ['2000-01-Q1', '1999-00-Q4'],
    ['FY2013-14', 'FY2012-13'],
    ['FY2000-01', 'FY1999-00'],
    ['AY2013-14', 'AY2012-13'],
    ['CY2013', 'CY2012'],
    ['R12-2014-03', 'R12-2013-03'],
    ['R12-2016-02', 'R12-2015-02'],
    ['FY2014-15_FY2016-17', 'FY2013-14_FY2015-16'],
    ['AY2013-14_AY2015-16', 'AY2012-13_AY2014-15'],
    ['CY2014_CY2016', 'CY2013_CY2015'],
    ['AT2013-03-31', 'AT2012-03-31'],
    ['AT2016-02-29', 'AT2015-02-28'],
    ['AT2016-03-01', 'AT2015-03-01'],
    ['AT2013-01-01', 'AT2012-01-01'],
  ])('before %s comes %s', (code, previous) => {
    expect(previousPeriod(byCode(code)).code).toBe(previous);
  });

  describe.each(BACK_TO_BACK)('every %s', (type) => {
    it.each(DATES)('containing %s follows on the day after its previous period ends', (date) => {
      const period = periodOf(type, date)!;
      expect(addDays(previousPeriod(period).end, 1)).toBe(period.start);
    });
  });

  it.each(['rolling-12-months', 'point'] as const)('goes back a year for a %s', (type) => {
    const period = periodOf(type, '2014-03-31')!;
    expect(previousPeriod(period)).toEqual(samePeriodLastYear(period));
  });

  it.each([
    { type: 'month', code: 'November 2013', label: '', longLabel: '', start: '2013-11-01', end: '2013-11-30' },
    { type: 'month', code: 'FY2013-14', label: '', longLabel: '', start: '2013-04-01', end: '2014-03-31' },
  ] as const)('refuses a period it did not make: $code as a $type', (period) => {
    expect(() => previousPeriod(period)).toThrow(RangeError);
  });

  it.each(['1000-01', 'CY1000', 'AT1000-06-30'])('has nothing before %s', (code) => {
    expect(() => previousPeriod(byCode(code))).toThrow(RangeError);
  });
});

describe('samePeriodLastYear', () => {
  it.each([
    ['2013-11', '2012-11'],
    ['2014-Q1', '2013-Q1'],
    ['2013-14-Q3', '2012-13-Q3'],
    ['FY2013-14', 'FY2012-13'],
    ['AY2013-14', 'AY2012-13'],
    ['CY2013', 'CY2012'],
    ['R12-2014-03', 'R12-2013-03'],
    ['FY2014-15_FY2016-17', 'FY2013-14_FY2015-16'],
    ['AT2016-02-29', 'AT2015-02-28'],
  ])('for %s is %s', (code, lastYear) => {
    expect(samePeriodLastYear(byCode(code)).code).toBe(lastYear);
  });
});

describe('codes', () => {
  it.each(['2013-11', '2013-Q4', '2013-14-Q3', 'FY2013-14', 'AY2013-14', 'CY2013', 'R12-2014-03', 'FY2014-15_FY2016-17', 'AT2013-03-31'])(
    'sort in time order, as %s and the 29 periods before it',
    (code) => {
      const codes = history(code);
      expect([...codes].sort()).toEqual(codes);
    },
  );

  it.each(['2013-11', '2013-Q4', '2013-14-Q3', 'FY2013-14', 'AY2013-14', 'CY2013', 'R12-2014-03', 'FY2014-15_FY2016-17', 'AT2013-03-31'])(
    '%s is safe in a URL',
    (code) => {
      expect(encodeURIComponent(code)).toBe(code);
    },
  );
});

describe('multiYearPeriod', () => {
  it.each([
    ['FY2014-15', 'FY2016-17', 'FY2014-15_FY2016-17'],
    ['AY2013-14', 'AY2014-15', 'AY2013-14_AY2014-15'],
    ['CY2014', 'CY2016', 'CY2014_CY2016'],
  ])('from %s to %s is %s', (first, last, code) => {
    expect(multiYearPeriod(byCode(first), byCode(last))?.code).toBe(code);
  });

  it.each([
    ['FY2014-15', 'FY2014-15'],
    ['FY2016-17', 'FY2014-15'],
    ['FY2014-15', 'AY2016-17'],
    ['2014-01', '2016-01'],
    ['AT2014-03-31', 'AT2016-03-31'],
    ['FY2014-15_FY2015-16', 'FY2016-17_FY2017-18'],
  ])('refuses %s to %s', (first, last) => {
    expect(multiYearPeriod(byCode(first), byCode(last))).toBeUndefined();
  });
});

describe('reportingQuarterCode', () => {
  it.each([
    ['2013-14-Q3', '2013-14 Q3'],
    ['1999-00-Q4', '1999-00 Q4'],
    ['2013-Q3', undefined],
    ['FY2013-14', undefined],
  ])('for %s is %s', (code, reporting) => {
    expect(reportingQuarterCode(byCode(code))).toBe(reporting);
  });
});

describe('parseDfePeriod', () => {
  it.each([
    // time_period, time_identifier, options, code
    ['2013', 'Reporting year', {}, 'FY2012-13'],
    ['2013', 'Reporting year', { asPoint: true }, 'AT2013-03-31'],
    ['2013', 'reporting  YEAR ', {}, 'FY2012-13'],
    ['2013', undefined, {}, 'FY2012-13'],
    ['2013', undefined, { asPoint: true }, 'AT2013-03-31'],
    [' 2013 ', '', {}, 'FY2012-13'],
    ['201516', 'Financial year', {}, 'FY2015-16'],
    ['201516', 'Financial year', { asPoint: true }, 'AT2016-03-31'],
    ['201516', 'Academic year', {}, 'AY2015-16'],
    ['201516', 'Academic year', { asPoint: true }, 'AT2016-08-31'],
    ['201516', 'Reporting year', {}, 'FY2015-16'],
    ['201516', undefined, {}, 'FY2015-16'],
    ['199900', 'Financial year', {}, 'FY1999-00'],
    ['2015/16', undefined, {}, 'AY2015-16'],
    ['2015/16', 'Academic year', {}, 'AY2015-16'],
    ['2015/16', 'Financial year', {}, 'FY2015-16'],
    ['2015-16', undefined, {}, 'FY2015-16'],
    ['2015-16', 'Academic year', {}, 'AY2015-16'],
    ['2016', 'Financial year', {}, 'FY2015-16'],
    ['2016', 'Academic year', {}, 'AY2015-16'],
    ['2013', 'Calendar year', {}, 'CY2013'],
    ['2013', 'Calendar year', { asPoint: true }, 'AT2013-12-31'],
    // "2014-16": from the year beginning in 2014 to the year ending in 2016 (DfE adoption scorecards: "2010 to 2013" is 1 April 2010 to 31 March 2013).
    ['2014-16', undefined, {}, 'FY2014-15_FY2015-16'],
    ['2014-16', 'Reporting year', {}, 'FY2014-15_FY2015-16'],
    ['2014-16', 'Reporting year', { asPoint: true }, 'FY2014-15_FY2015-16'],
    ['2013-16', 'Financial year', {}, 'FY2013-14_FY2015-16'],
    ['2014-16', 'Academic year', {}, 'AY2014-15_AY2015-16'],
    ['2014-16', 'Calendar year', {}, 'CY2014_CY2016'],
    ['1998-01', 'Calendar year', {}, 'CY1998_CY2001'],
    ['2010-20', 'Reporting year', {}, 'FY2010-11_FY2019-20'],
    ['2016', 'Calendar year Q1', {}, '2016-Q1'],
    ['2016', 'Calendar year Q4', {}, '2016-Q4'],
    ['201516', 'Financial year Q1', {}, '2015-16-Q1'],
    ['201516', 'Financial year Q4', {}, '2015-16-Q4'],
    ['2016', 'Financial year Q4', {}, '2015-16-Q4'],
    ['2016', 'January', {}, '2016-01'],
    ['2016', 'December', {}, '2016-12'],
    ['2016', 'Annual', {}, 'FY2015-16'],
    ['2016', 'Annual', { asPoint: true }, 'AT2016-03-31'],
    ['2016', 'Annual (end of Sept)', {}, 'R12-2016-09'],
    ['2016', 'Annual (end of Sept)', { asPoint: true }, 'AT2016-09-30'],
    ['2016', 'Annual - January', {}, '2016-01'],
  ])('reads %j, %j, %j as %s', (timePeriod, timeIdentifier, options, code) => {
    expect(parseDfePeriod(timePeriod, timeIdentifier, options)?.code).toBe(code);
  });

  it('reads "2013", "Reporting year" as the year ending 31 March 2013', () => {
    expect(parseDfePeriod('2013', 'Reporting year')).toEqual({
      type: 'financial-year',
      code: 'FY2012-13',
      label: '2012-13',
      longLabel: 'April 2012 to March 2013',
      start: '2012-04-01',
      end: '2013-03-31',
    });
  });

  // Every time_period and time_identifier in /work/shared/data/benchmarks' DfE tidy CSVs: b1, c1, c4, d3 and d5
  // (2013-2025), cla_number_and_rate_per_10k_children and la_cla_placement_stability (2021-2025), and
  // ons_mid-year_population_estimates (2012-2024).
  it.each([
    ['2012', 'Reporting year', 'FY2011-12', 'AT2012-03-31'],
    ['2013', 'Reporting year', 'FY2012-13', 'AT2013-03-31'],
    ['2014', 'Reporting year', 'FY2013-14', 'AT2014-03-31'],
    ['2015', 'Reporting year', 'FY2014-15', 'AT2015-03-31'],
    ['2016', 'Reporting year', 'FY2015-16', 'AT2016-03-31'],
    ['2017', 'Reporting year', 'FY2016-17', 'AT2017-03-31'],
    ['2018', 'Reporting year', 'FY2017-18', 'AT2018-03-31'],
    ['2019', 'Reporting year', 'FY2018-19', 'AT2019-03-31'],
    ['2020', 'Reporting year', 'FY2019-20', 'AT2020-03-31'],
    ['2021', 'Reporting year', 'FY2020-21', 'AT2021-03-31'],
    ['2022', 'Reporting year', 'FY2021-22', 'AT2022-03-31'],
    ['2023', 'Reporting year', 'FY2022-23', 'AT2023-03-31'],
    ['2024', 'Reporting year', 'FY2023-24', 'AT2024-03-31'],
    ['2025', 'Reporting year', 'FY2024-25', 'AT2025-03-31'],
  ])("reads the benchmark files' %s, %s as %s, or %s at its end", (timePeriod, timeIdentifier, flow, point) => {
    expect([parseDfePeriod(timePeriod, timeIdentifier)?.code, parseDfePeriod(timePeriod, timeIdentifier, { asPoint: true })?.code]).toEqual(
      [flow, point],
    );
  });

  // Every year and Year_Type in lait_scorecard_subset_2016_2025.csv with lait_measures.csv.
  it.each([
    ...['2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025'].flatMap((year) =>
      ['Financial Year', 'Academic Year', 'Annual', 'Annual (end of Sept)'].map((yearType) => [year, yearType]),
    ),
    ...['2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024'].map((year) => [year, 'Calendar Year']),
    ...['2015/16', '2016/17', '2017/18', '2018/19', '2019/20', '2020/21', '2021/22', '2022/23', '2023/24'].map((year) => [
      year,
      'Academic Year',
    ]),
  ])("reads LAIT's %s, %s", (year, yearType) => {
    expect(parseDfePeriod(year!, yearType)).toBeDefined();
  });

  it.each([
    ['2016', 'Financial Year', 'FY2015-16'],
    ['2016', 'Academic Year', 'AY2015-16'],
    ['2015/16', 'Academic Year', 'AY2015-16'],
    ['2016', 'Calendar Year', 'CY2016'],
  ])("reads LAIT's %s, %s as %s", (year, yearType, code) => {
    expect(parseDfePeriod(year, yearType)?.code).toBe(code);
  });

  it.each([
    ['', undefined],
    ['', 'Reporting year'],
    ['2015/17', undefined],
    ['2015/17', 'Academic year'],
    ['2013-13', undefined],
    ['2013-13', 'Calendar year'],
    ['2015-14', undefined],
    ['20151', undefined],
    ['201517', 'Financial year'],
    ['2015/2016', undefined],
    ['2014-26', undefined],
    ['2014/16', undefined],
    ['201416', undefined],
    ['15/16', undefined],
    ['abcd', undefined],
    ['0999', 'Reporting year'],
    ['2015/16', 'Calendar year'],
    ['201516', 'Calendar year'],
    ['2015-16', 'Calendar year'],
    ['2015', 'Tax year'],
    ['2015', 'Spring term'],
    ['2015', 'Week 1'],
    ['2015', 'Academic year Q1'],
    ['2015', 'Calendar year Q5'],
    ['201516', 'Calendar year Q1'],
    ['201516', 'January'],
    ['201516', 'Annual (end of Sept)'],
    ['2014-16', 'January'],
    ['2014-16', 'Financial year Q1'],
    ['2015', 'constructor'],
    ['2015', 'Not a year'],
  ])('refuses %j, %j', (timePeriod, timeIdentifier) => {
    expect(parseDfePeriod(timePeriod, timeIdentifier)).toBeUndefined();
  });
});

describe('forPeriod', () => {
  it.each([
    ['At 31 December 2013', 'at 31 December 2013'],
    ['2013-14', 'for 2013-14'],
    ['November 2013', 'for November 2013'],
    ['Attendance year 2013', 'for Attendance year 2013'],
  ])('%s → %s', (label, phrase) => {
    expect(forPeriod(label)).toBe(phrase);
  });
});

describe('parsePeriodPhrase: periods as people write them', () => {
  /** Test data: one period of every kind, at every month from 2000 to 2016 where it applies. */
  const SAMPLES: Period[] = Array.from({ length: 17 * 12 }, (_, i) => new Date(Date.UTC(2000, i + 1, 0)).toISOString().slice(0, 10))
    .flatMap((date) => SINGLE_TYPES.map((type) => periodOf(type, date)!))
    .concat(['FY2014-15_FY2016-17', 'AY2013-14_AY2015-16', 'CY2013_CY2015', 'FY2000-01_FY2001-02'].map((c) => parsePeriod(c)!));
  const unique = SAMPLES.filter((p, i) => SAMPLES.findIndex((q) => q.code === p.code) === i);

  it.each(unique.map((p) => [p.code, p.label, p.type] as const))('reads back %s from its label "%s" for a %s', (code, label, type) => {
    expect(parsePeriodPhrase(label, [type])?.code).toBe(code);
  });

  it.each(unique.map((p) => [p.code, p.longLabel, p.type] as const))('reads back %s from its long label "%s"', (code, longLabel, type) => {
    expect(parsePeriodPhrase(longLabel, [type])?.code).toBe(code);
  });

  it.each(unique.map((p) => [p.code, describePeriod(p), p.type] as const))(
    'reads back %s as the figures page describes it, "%s"',
    (code, text, type) => {
      expect(parsePeriodPhrase(text, [type])?.code).toBe(code);
    },
  );

  it.each(unique.map((p) => [p.code]))('still reads the code %s, whatever kind is expected', (code) => {
    expect(parsePeriodPhrase(code)?.code).toBe(code);
    expect(parsePeriodPhrase(code.toLowerCase(), ['point'])?.code).toBe(code);
  });

  it.each([
    ['2014-15', [], 'FY2014-15'],
    ['2014-15', ['financial-year'], 'FY2014-15'],
    ['2014-15', ['academic-year'], 'AY2014-15'],
    ['2014-15', ['month', 'academic-year'], 'AY2014-15'],
    ['2013/14', [], 'AY2013-14'],
    ['2013/14', ['financial-year'], 'FY2013-14'],
    ['2014-2015', [], 'FY2014-15'],
    ['FY2014-15', ['academic-year'], 'FY2014-15'],
    ['fy 2014-15', [], 'FY2014-15'],
    ['Financial year 2014-15', [], 'FY2014-15'],
    ['Academic year 2013/14', [], 'AY2013-14'],
    ['2011-12', [], '2011-12'],
    ['2011-12', ['financial-year'], 'FY2011-12'],
    ['Q3 2013-14', [], '2013-14-Q3'],
    ['2013-14 Q3', [], '2013-14-Q3'],
    ['q3 2013/14', [], '2013-14-Q3'],
    ['Q4 2013', [], '2013-Q4'],
    ['2013 Q4', [], '2013-Q4'],
    ['October to December 2013', [], '2013-Q4'],
    ['October to December 2013', ['financial-quarter'], '2013-14-Q3'],
    ['January to March 2014', ['financial-quarter'], '2013-14-Q4'],
    ['November 2013', [], '2013-11'],
    ['Nov 2013', [], '2013-11'],
    ['  november   2013 ', [], '2013-11'],
    ['Sept 2013', [], '2013-09'],
    ['at 31 March 2014', [], 'AT2014-03-31'],
    ['31 March 2014', [], 'AT2014-03-31'],
    ['31 Mar 2014', [], 'AT2014-03-31'],
    ['31/03/2014', [], 'AT2014-03-31'],
    ['1/4/2014', [], 'AT2014-04-01'],
    ['2014-03-31', [], 'AT2014-03-31'],
    ['2013', [], 'CY2013'],
    ['April 2013 to March 2014', [], 'FY2013-14'],
    ['April 2013 to March 2014', ['rolling-12-months'], 'R12-2014-03'],
    ['12 months to September 2013', [], 'R12-2013-09'],
    ['2014-15 to 2016-17', [], 'FY2014-15_FY2016-17'],
    ['2013/14 to 2015/16', [], 'AY2013-14_AY2015-16'],
    ['2013 to 2015', [], 'CY2013_CY2015'],
    ['April 2014 to March 2017', [], 'FY2014-15_FY2016-17'],
  ] as [string, PeriodType[], string][])('reads "%s" (expecting %j) as %s', (phrase, expected, code) => {
    expect(parsePeriodPhrase(phrase, expected)?.code).toBe(code);
  });

  it.each([
    '',
    '   ',
    '2014-16',
    '2014-14',
    'Q5 2013-14',
    'Smarch 2013',
    '31/02/2014',
    '31 February 2014',
    'at 2014',
    'November to March 2014',
    'May to July 2013',
    '2013-14 Q3 (January to March 2014)',
    'Academic years 2014-15 to 2014-15',
    'next year',
  ])('reads "%s" as no period', (phrase) => {
    expect(parsePeriodPhrase(phrase)).toBeUndefined();
  });

  it('names examples when it cannot read a phrase', () => {
    expect(PERIOD_PHRASE_EXAMPLES).toMatch(/2014-15.*Q3 2013-14.*November 2013.*31 March 2014/);
  });
});

describe('describePeriod: a label with its months, never twice', () => {
  it.each([
    ['2013-11', 'November 2013'],
    ['2013-Q4', 'October to December 2013'],
    ['2013-14-Q3', '2013-14 Q3 (October to December 2013)'],
    ['FY2013-14', '2013-14 (April 2013 to March 2014)'],
    ['AY2013-14', 'Academic year 2013/14 (September 2013 to August 2014)'],
    ['R12-2014-03', '12 months to March 2014 (April 2013 to March 2014)'],
    ['AT2014-03-31', 'At 31 March 2014'],
  ])('describes %s as "%s"', (code, text) => {
    expect(describePeriod(parsePeriod(code)!)).toBe(text);
  });
});
