import { describe, expect, it } from 'vitest';
import { dateInWords, todayInEngland } from './dates.ts';

describe('todayInEngland', () => {
  it.each([
    ['2026-06-30T23:30:00Z', '2026-07-01', 'British Summer Time is an hour ahead of UTC'],
    ['2026-12-31T23:30:00Z', '2026-12-31', 'Greenwich Mean Time is UTC'],
    ['2026-03-29T00:59:59Z', '2026-03-29', 'the night the clocks go forward'],
    ['2026-10-24T23:00:00Z', '2026-10-25', 'the night the clocks go back'],
  ])('%s is %s in England (%s)', (now, expected) => {
    expect(todayInEngland(new Date(now))).toBe(expected);
  });
});

describe('dateInWords', () => {
  it.each([
    ['2014-03-31', '31 March 2014'],
    ['2014-11-04', '4 November 2014'],
    ['2014-03-31T23:59:59.000Z', '31 March 2014'],
    ['2000-02-29', '29 February 2000'],
  ])('%s reads %s', (iso, words) => {
    expect(dateInWords(iso)).toBe(words);
  });
  it('reads a Date for its UTC calendar date', () => {
    expect(dateInWords(new Date('2014-01-05T00:00:00Z'))).toBe('5 January 2014');
  });
});
