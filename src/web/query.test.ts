import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { queryDate, queryDateInput, queryErrors, withQuery } from './query.ts';

/** A route's query string as plugins/input.ts parses it with `withQuery(shape)`. */
const parsed = <S extends z.ZodRawShape>(shape: S, search: string) =>
  (withQuery(shape).schema.querystring as z.ZodType).safeParse(Object.fromEntries(new URLSearchParams(search)));

describe('queryDate: a link’s ?asAt=YYYY-MM-DD or a GET form’s date input', () => {
  it.each([
    { search: 'asAt=2013-12-31', asAt: '2013-12-31' },
    { search: 'asAt-day=31&asAt-month=12&asAt-year=2013', asAt: '2013-12-31' },
    { search: 'asAt-day=31&asAt-month=Dec&asAt-year=2013', asAt: '2013-12-31' },
    { search: 'asAt-day=31/12/2013&asAt-month=&asAt-year=', asAt: '2013-12-31' },
    { search: 'asAt=', asAt: undefined },
    { search: 'asAt-day=&asAt-month=&asAt-year=', asAt: undefined },
    { search: '', asAt: undefined },
  ])('reads ?$search', ({ search, asAt }) => {
    expect(parsed({ asAt: queryDate }, search)).toEqual({ success: true, data: { asAt } });
  });

  it.each(['asAt=2013-02-30', 'asAt=9999-99-99', 'asAt-day=31&asAt-month=2&asAt-year=2014', 'asAt-day=1&asAt-month=&asAt-year=2014'])(
    'refuses ?%s',
    (search) => {
      expect(parsed({ asAt: queryDate }, search).success).toBe(false);
    },
  );
});

describe('queryDateInput: a GET form’s date, wrong dates shown on the page', () => {
  it.each([
    { search: 'asAt=2013-12-31', asAt: { date: '2013-12-31', error: undefined, value: '2013-12-31' } },
    {
      search: 'asAt-day=31&asAt-month=12&asAt-year=2013',
      asAt: { date: '2013-12-31', error: undefined, value: { day: '31', month: '12', year: '2013' } },
    },
    { search: '', asAt: { date: undefined, error: undefined, value: undefined } },
    {
      search: 'asAt-day=31&asAt-month=2&asAt-year=2014',
      asAt: { date: undefined, error: 'Date must be a real date', value: { day: '31', month: '2', year: '2014' } },
    },
    { search: 'asAt=soon', asAt: { date: undefined, error: 'Date must be a real date', value: 'soon' } },
  ])('reads ?$search', ({ search, asAt }) => {
    expect(parsed({ asAt: queryDateInput('the date') }, search)).toEqual({ success: true, data: { asAt } });
  });
});

describe('queryErrors', () => {
  it('lists the wrong dates for the error summary, linked to their day boxes', () => {
    const wrong = { date: undefined, error: 'Date must be a real date', value: 'soon' };
    const right = { date: '2013-12-31', error: undefined, value: '2013-12-31' };
    expect(queryErrors({ asAt: wrong, from: right, to: undefined })).toEqual({
      errors: { asAt: 'Date must be a real date' },
      errorList: [{ text: 'Date must be a real date', href: '#asAt' }],
    });
  });
});
