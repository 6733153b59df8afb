import { describe, expect, it } from 'vitest';
import { addMonths, asKnownLine, knownAt, knownFrom, type PublicationFacts } from './publication.ts';

describe('publication-aware as at: knownFrom', () => {
  const TODAY = '2026-12-04';
  it.each<[string, PublicationFacts, string]>([
    [
      'a release with its own date is known from that date',
      { periodEnd: '2013-03-31', published: '2013-09-26', lagMonths: 7, entered: TODAY },
      '2013-09-26',
    ],
    ['CIN year to 31 March 2014, published that autumn', { periodEnd: '2014-03-31', lagMonths: 7, entered: TODAY }, '2014-10-31'],
    ['each year of a multi-year file by its own period', { periodEnd: '2013-03-31', lagMonths: 7, entered: TODAY }, '2013-10-31'],
    ['workforce year to 30 September, published in February', { periodEnd: '2015-09-30', lagMonths: 5, entered: TODAY }, '2016-02-29'],
    ['academic year to 31 August, published in November', { periodEnd: '2014-08-31', lagMonths: 3, entered: TODAY }, '2014-11-30'],
    ['no later than the day it reached Baton', { periodEnd: '2026-03-31', lagMonths: 7, entered: '2026-09-15' }, '2026-09-15'],
    ['a lag of none is the period end', { periodEnd: '2014-03-31', lagMonths: 0, entered: TODAY }, '2014-03-31'],
    ["the partnership's own figure: the day it was entered", { periodEnd: '2013-11-30', entered: '2013-12-02' }, '2013-12-02'],
    ['no lag known: the day it was entered', { periodEnd: '2013-11-30', lagMonths: null, entered: '2014-01-06' }, '2014-01-06'],
  ])('%s', (_case, facts, expected) => {
    expect(knownFrom(facts)).toBe(expected);
  });
});

describe('publication-aware as at: knownAt', () => {
  it.each([
    ['2014-10-31', '2013-12-31', false],
    ['2014-10-31', '2014-10-30', false],
    ['2014-10-31', '2014-10-31', true],
    ['2014-10-31', '2014-12-31', true],
  ])('a figure known from %s is known at %s: %s', (from, date, expected) => {
    expect(knownAt(from, date)).toBe(expected);
  });
});

describe('addMonths', () => {
  it.each([
    ['2013-03-31', 7, '2013-10-31'],
    ['2013-03-31', 13, '2014-04-30'],
    ['2015-09-30', 5, '2016-02-29'],
    ['2014-09-30', 5, '2015-02-28'],
    ['2013-08-31', 11, '2014-07-31'],
    ['2012-06-30', 13, '2013-07-31'],
    ['2013-01-15', 1, '2013-02-15'],
    ['2013-01-30', 1, '2013-02-28'],
    ['2013-12-31', 0, '2013-12-31'],
  ])('%s + %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('asKnownLine', () => {
  it('says the date in words and that later figures are left out', () => {
    expect(asKnownLine('2013-12-31')).toBe('Figures as known at 31 December 2013: figures published later are left out.');
  });
});
