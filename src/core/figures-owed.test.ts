import { describe, expect, it } from 'vitest';
import type { Frequency } from './indicators.ts';
import { figuresOwed, frequencyFits, periodAfter, type CollectionSchedule } from './figures-owed.ts';
import { parsePeriod, PERIOD_TYPES, type PeriodType } from './periods.ts';

const schedule = (periodType: PeriodType, frequency: Frequency, dueDays: number | null = 30): CollectionSchedule => ({
  periodType,
  frequency,
  dueDays,
});
const owedCodes = (s: CollectionSchedule, held: string[], today: string, addedOn = '2000-01-01') =>
  figuresOwed(s, held, today, addedOn).map((o) => `${o.period.code} due ${o.dueOn}, ${o.daysOverdue} days`);

describe('figuresOwed', () => {
  it.each([
    ['a year held, the next not yet due', schedule('financial-year', 'annual', 90), ['FY2012-13'], '2014-06-28', []],
    [
      'a year held, the next due today',
      schedule('financial-year', 'annual', 90),
      ['FY2012-13'],
      '2014-06-29',
      ['FY2013-14 due 2014-06-29, 0 days'],
    ],
    [
      'the police figure for 2013-14 and 2014-15, most overdue first',
      schedule('financial-year', 'annual', 90),
      ['FY2012-13', 'FY2011-12'],
      '2015-07-01',
      ['FY2013-14 due 2014-06-29, 367 days', 'FY2014-15 due 2015-06-29, 2 days'],
    ],
    [
      'a gap between figures held',
      schedule('month', 'monthly', 20),
      ['2013-09', '2013-11'],
      '2013-12-20',
      ['2013-10 due 2013-11-20, 30 days'],
    ],
    ['every figure held', schedule('month', 'monthly', 20), ['2013-09', '2013-10', '2013-11'], '2013-12-20', []],
    [
      'quarters',
      schedule('financial-quarter', 'quarterly', 30),
      ['2013-14-Q1'],
      '2014-01-31',
      ['2013-14-Q2 due 2013-10-30, 93 days', '2013-14-Q3 due 2014-01-30, 1 days'],
    ],
    ['month-end days, monthly', schedule('point', 'monthly', 10), ['AT2013-10-31'], '2013-12-10', ['AT2013-11-30 due 2013-12-10, 0 days']],
    [
      '31 March each year',
      schedule('point', 'annual', 60),
      ['AT2012-03-31'],
      '2014-06-01',
      ['AT2013-03-31 due 2013-05-30, 367 days', 'AT2014-03-31 due 2014-05-30, 2 days'],
    ],
    [
      'a rolling year each quarter',
      schedule('rolling-12-months', 'quarterly', 30),
      ['R12-2013-03'],
      '2013-11-01',
      ['R12-2013-06 due 2013-07-30, 94 days', 'R12-2013-09 due 2013-10-30, 2 days'],
    ],
    [
      'none held: from the first period after it was added',
      schedule('financial-year', 'annual', 30),
      [],
      '2015-05-01',
      ['FY2013-14 due 2014-04-30, 366 days', 'FY2014-15 due 2015-04-30, 1 days'],
    ],
    [
      'figures of another kind are not this indicator’s',
      schedule('financial-year', 'annual', 30),
      ['2013-11'],
      '2014-05-01',
      ['FY2013-14 due 2014-04-30, 1 days'],
    ],
    ['no due days: no schedule', schedule('financial-year', 'annual', null), ['FY2012-13'], '2020-01-01', []],
    ['irregular: nothing owed', schedule('month', 'irregular'), ['2013-01'], '2020-01-01', []],
    ['termly: no fixed step', schedule('point', 'termly'), ['AT2013-01-17'], '2020-01-01', []],
    ['a frequency that does not fit: nothing owed', schedule('financial-year', 'monthly'), ['FY2012-13'], '2020-01-01', []],
  ] as [string, CollectionSchedule, string[], string, string[]][])('%s', (_name, s, held, today, expected) => {
    expect(owedCodes(s, held, today, '2013-06-01')).toEqual(expected);
  });

  it('stops after a century of monthly periods', () => {
    expect(figuresOwed(schedule('month', 'monthly', 0), ['1000-01'], '9999-01-01', '1000-01-01')).toHaveLength(1_199);
  });
});

describe('frequencyFits', () => {
  it.each([
    ['financial-year', 'annual', true],
    ['financial-year', 'monthly', false],
    ['academic-year', 'quarterly', false],
    ['month', 'monthly', true],
    ['month', 'annual', false],
    ['financial-quarter', 'quarterly', true],
    ['financial-quarter', 'monthly', false],
    ['point', 'monthly', true],
    ['point', 'termly', true],
    ['rolling-12-months', 'monthly', true],
    ['calendar-year', 'termly', false],
  ] as [PeriodType, Frequency, boolean][])('a %s reported %s: %s', (type, frequency, fits) => {
    expect(frequencyFits(type, frequency)).toBe(fits);
  });

  it.each(PERIOD_TYPES.map((t) => [t]))('irregular fits a %s', (type) => {
    expect(frequencyFits(type, 'irregular')).toBe(true);
  });
});

describe('periodAfter', () => {
  it.each([
    ['2013-11', 1, '2013-12'],
    ['2013-12', 1, '2014-01'],
    ['2013-14-Q4', 3, '2014-15-Q1'],
    ['FY2013-14', 12, 'FY2014-15'],
    ['AY2013-14', 12, 'AY2014-15'],
    ['CY2013', 12, 'CY2014'],
    ['R12-2013-09', 3, 'R12-2013-12'],
    ['AT2013-11-30', 1, 'AT2013-12-31'],
    ['AT2014-01-31', 1, 'AT2014-02-28'],
    ['AT2013-06-30', 12, 'AT2014-06-30'],
    ['AT2014-01-15', 1, 'AT2014-02-15'],
    ['FY2014-15_FY2016-17', 12, 'FY2015-16_FY2017-18'],
  ])('%s, %i months on: %s', (code, months, next) => {
    expect(periodAfter(parsePeriod(code)!, months)?.code).toBe(next);
  });
});
