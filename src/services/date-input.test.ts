import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ValidationError } from './errors.ts';
import {
  dateOfText,
  datePartsInError,
  dateValueOf,
  optionalDate,
  parseInput,
  readDate,
  readDateInput,
  requiredDate,
  withDateInputs,
} from './validation.ts';

const LABEL = 'the date of the meeting';
const parts = (day: string, month: string, year: string) => ({ day, month, year });

describe('readDate: dates people type', () => {
  it.each([
    { value: parts('26', '11', '2013'), date: '2013-11-26' },
    { value: parts('1', '4', '2013'), date: '2013-04-01' },
    { value: parts('01', '04', '2013'), date: '2013-04-01' },
    { value: parts(' 26 ', ' 11 ', ' 2013 '), date: '2013-11-26' },
    { value: parts('26', 'Nov', '2013'), date: '2013-11-26' },
    { value: parts('26', 'november', '2013'), date: '2013-11-26' },
    { value: parts('26', 'NOVEMBER', '2013'), date: '2013-11-26' },
    { value: parts('30', 'Sept', '2013'), date: '2013-09-30' },
    { value: parts('30', 'sep.', '2013'), date: '2013-09-30' },
    { value: parts('1st', 'Jan', '2014'), date: '2014-01-01' },
    { value: parts('29', '2', '2016'), date: '2016-02-29' },
    { value: '2013-12-31', date: '2013-12-31' },
    { value: ' 2013-12-31 ', date: '2013-12-31' },
  ])('reads $value as $date', ({ value, date }) => {
    expect(readDate(value, LABEL)).toEqual({ date });
  });
});

describe('readDate: a whole date typed or pasted into the day box', () => {
  it.each([
    { day: '26/11/2013', date: '2013-11-26' },
    { day: '26-11-2013', date: '2013-11-26' },
    { day: '26.11.2013', date: '2013-11-26' },
    { day: '26 11 2013', date: '2013-11-26' },
    { day: '2013-11-26', date: '2013-11-26' },
    { day: '26 November 2013', date: '2013-11-26' },
    { day: '26th Nov 2013', date: '2013-11-26' },
    { day: '1/4/2013', date: '2013-04-01' },
    { day: ' 26/11/2013 ', date: '2013-11-26' },
  ])('reads "$day" as $date', ({ day, date }) => {
    expect(readDate(parts(day, '', ''), LABEL)).toEqual({ date });
  });

  it.each([
    { day: '31/02/2013', error: 'Date of the meeting must be a real date' },
    { day: '26/11/13', error: 'Date of the meeting must be a real date' },
    { day: '26/13/2013', error: 'Date of the meeting must be a real date' },
  ])('refuses "$day": $error', ({ day, error }) => {
    expect(readDate(parts(day, '', ''), LABEL)).toEqual({ error, parts: ['day', 'month', 'year'] });
  });
});

describe('readDate: what is wrong, and which boxes to mark', () => {
  it.each([
    { value: parts('', '', ''), error: 'Enter the date of the meeting', marked: ['day', 'month', 'year'] },
    { value: undefined, error: 'Enter the date of the meeting', marked: ['day', 'month', 'year'] },
    { value: '', error: 'Enter the date of the meeting', marked: ['day', 'month', 'year'] },
    { value: parts('26', '', '2013'), error: 'Date of the meeting must include a month', marked: ['month'] },
    { value: parts('', '11', '2013'), error: 'Date of the meeting must include a day', marked: ['day'] },
    { value: parts('26', '11', ''), error: 'Date of the meeting must include a year', marked: ['year'] },
    { value: parts('', '', '2013'), error: 'Date of the meeting must include a day and month', marked: ['day', 'month'] },
    { value: parts('26', '', ''), error: 'Date of the meeting must include a month and year', marked: ['month', 'year'] },
    { value: parts('', '11', ''), error: 'Date of the meeting must include a day and year', marked: ['day', 'year'] },
    { value: parts('32', '11', '2013'), error: 'Date of the meeting must be a real date', marked: ['day'] },
    { value: parts('0', '11', '2013'), error: 'Date of the meeting must be a real date', marked: ['day'] },
    { value: parts('26', '13', '2013'), error: 'Date of the meeting must be a real date', marked: ['month'] },
    { value: parts('26', 'no', '2013'), error: 'Date of the meeting must be a real date', marked: ['month'] },
    { value: parts('26', 'Nox', '2013'), error: 'Date of the meeting must be a real date', marked: ['month'] },
    { value: parts('x', 'y', '2013'), error: 'Date of the meeting must be a real date', marked: ['day', 'month'] },
    { value: parts('26', '11', '20l3'), error: 'Date of the meeting must be a real date', marked: ['year'] },
    { value: parts('26', '11', '13'), error: 'Date of the meeting must include a year with 4 numbers', marked: ['year'] },
    { value: parts('26', '11', '02013'), error: 'Date of the meeting must include a year with 4 numbers', marked: ['year'] },
    { value: parts('30', '2', '2013'), error: 'Date of the meeting must be a real date', marked: ['day', 'month', 'year'] },
    { value: parts('29', '2', '2015'), error: 'Date of the meeting must be a real date', marked: ['day', 'month', 'year'] },
    { value: parts('1', '1', '0999'), error: 'Date of the meeting must be a real date', marked: ['day', 'month', 'year'] },
    { value: '2013-02-30', error: 'Date of the meeting must be a real date', marked: ['day', 'month', 'year'] },
    { value: '9999-99-99', error: 'Date of the meeting must be a real date', marked: ['day', 'month', 'year'] },
    { value: 'next Tuesday', error: 'Date of the meeting must be a real date', marked: ['day', 'month', 'year'] },
    { value: 20131126, error: 'Date of the meeting must be a real date', marked: ['day', 'month', 'year'] },
    { value: ['2013-11-26'], error: 'Date of the meeting must be a real date', marked: ['day', 'month', 'year'] },
  ])('$value: $error', ({ value, error, marked }) => {
    expect(readDate(value, LABEL)).toEqual({ error, parts: marked });
  });
});

describe('readDate: optional dates and the days allowed', () => {
  it.each([
    { value: parts('', '', ''), rules: { optional: true }, out: { date: null } },
    { value: undefined, rules: { optional: true }, out: { date: null } },
    {
      value: parts('26', '', ''),
      rules: { optional: true },
      out: { error: 'Date of the meeting must include a month and year', parts: ['month', 'year'] },
    },
    {
      value: parts('31', '3', '2013'),
      rules: { min: '2013-04-01' },
      out: { error: 'Date of the meeting must be the same as or after 1 April 2013', parts: ['day', 'month', 'year'] },
    },
    { value: parts('1', '4', '2013'), rules: { min: '2013-04-01' }, out: { date: '2013-04-01' } },
    {
      value: parts('1', '4', '2016'),
      rules: { max: '2016-03-31' },
      out: { error: 'Date of the meeting must be the same as or before 31 March 2016', parts: ['day', 'month', 'year'] },
    },
    { value: '2016-03-31', rules: { max: '2016-03-31' }, out: { date: '2016-03-31' } },
  ])('$value with $rules', ({ value, rules, out }) => {
    expect(readDate(value, LABEL, rules)).toEqual(out);
  });
});

describe('dateOfText', () => {
  it.each([
    ['2013-11-26', '2013-11-26'],
    ['26/11/2013', '2013-11-26'],
    ['26 Nov 2013', '2013-11-26'],
    ['26/11', undefined],
    ['11/26/2013', undefined],
    ['26/11/13', undefined],
    ['', undefined],
  ])('%s is %s', (text, date) => {
    expect(dateOfText(text)).toBe(date);
  });
});

describe('dateValueOf: the boxes, or the date written whole', () => {
  it.each([
    { source: { 'asAt-day': '31', 'asAt-month': '12', 'asAt-year': '2013' }, value: parts('31', '12', '2013') },
    { source: { 'asAt-day': '31', 'asAt-month': '', 'asAt-year': '' }, value: parts('31', '', '') },
    { source: { 'asAt-day': '31' }, value: parts('31', '', '') },
    { source: { asAt: '2013-12-31' }, value: '2013-12-31' },
    { source: { asAt: '2013-12-31', 'asAt-day': '', 'asAt-month': '', 'asAt-year': '' }, value: '2013-12-31' },
    { source: { asAt: '2013-12-31', 'asAt-day': '1', 'asAt-month': '1', 'asAt-year': '2014' }, value: parts('1', '1', '2014') },
    { source: { 'asAt-day': '', 'asAt-month': '', 'asAt-year': '' }, value: undefined },
    { source: {}, value: undefined },
    { source: undefined, value: undefined },
    { source: { asAt: 7 }, value: undefined },
  ])('$source', ({ source, value }) => {
    expect(dateValueOf(source, 'asAt')).toEqual(value);
  });

  it('reads a query string or a body the same way', () => {
    const query = Object.fromEntries(new URLSearchParams('asAt-day=31&asAt-month=12&asAt-year=2013'));
    expect(readDateInput(query, 'asAt', 'the date')).toEqual(readDateInput({ asAt: '2013-12-31' }, 'asAt', 'the date'));
  });
});

describe('datePartsInError', () => {
  it.each([
    { value: parts('26', '', '2013'), marked: ['month'] },
    { value: parts('26', '11', '13'), marked: ['year'] },
    { value: parts('26', '11', '2013'), marked: ['day', 'month', 'year'] },
    { value: '2013-11-26', marked: ['day', 'month', 'year'] },
  ])('$value: marks $marked', ({ value, marked }) => {
    expect(datePartsInError(value)).toEqual(marked);
  });
});

describe('a form with date inputs', () => {
  const schema = withDateInputs(
    ['presentedOn', 'asAt'],
    z.object({ meeting: z.string(), presentedOn: requiredDate(LABEL), asAt: optionalDate('the figures’ date') }),
  );
  const errorsOf = (body: unknown) => {
    try {
      parseInput(schema, body);
      return {};
    } catch (error) {
      return (error as ValidationError).fields;
    }
  };

  it.each([
    {
      body: {
        meeting: 'Board',
        'presentedOn-day': '26',
        'presentedOn-month': '11',
        'presentedOn-year': '2013',
        'asAt-day': '',
        'asAt-month': '',
        'asAt-year': '',
      },
      out: { meeting: 'Board', presentedOn: '2013-11-26', asAt: null },
    },
    {
      body: {
        meeting: 'Board',
        'presentedOn-day': '26/11/2013',
        'presentedOn-month': '',
        'presentedOn-year': '',
        'asAt-day': '30',
        'asAt-month': 'Sep',
        'asAt-year': '2013',
      },
      out: { meeting: 'Board', presentedOn: '2013-11-26', asAt: '2013-09-30' },
    },
    { body: { meeting: 'Board', presentedOn: '2013-11-26' }, out: { meeting: 'Board', presentedOn: '2013-11-26', asAt: null } },
  ])('reads $body', ({ body, out }) => {
    expect(parseInput(schema, body)).toEqual(out);
  });

  it.each([
    { body: { meeting: 'Board' }, fields: { presentedOn: 'Enter the date of the meeting' } },
    {
      body: {
        meeting: 'Board',
        'presentedOn-day': '26',
        'presentedOn-month': '',
        'presentedOn-year': '2013',
        'asAt-day': '31',
        'asAt-month': '2',
        'asAt-year': '2013',
      },
      fields: { presentedOn: 'Date of the meeting must include a month', asAt: 'Figures’ date must be a real date' },
    },
    { body: { meeting: 'Board', presentedOn: '26/11/13' }, fields: { presentedOn: 'Date of the meeting must be a real date' } },
  ])('refuses $body', ({ body, fields }) => {
    expect(errorsOf(body)).toEqual(fields);
  });
});

describe('a date field missing from the body', () => {
  it.each([
    { schema: z.object({ on: requiredDate('the date') }), fields: { on: 'Enter the date' } },
    { schema: z.object({ on: optionalDate('the date') }), fields: {} },
  ])('is read as empty', ({ schema, fields }) => {
    const refused = (() => {
      try {
        parseInput(schema, {});
        return {};
      } catch (error) {
        return (error as ValidationError).fields;
      }
    })();
    expect(refused).toEqual(fields);
  });
});
