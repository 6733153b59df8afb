import { z } from 'zod';
import { dateValueOf, readDate, type DateRules, type DateValue } from '../services/validation.ts';
import { errorList } from './forms.ts';

/** An empty parameter (`?asAt=`, a select left on "All") means the parameter was not sent. */
const optional = <T extends z.ZodType>(inner: T) => z.preprocess((v) => (v === '' ? undefined : v), inner.optional());

/** Words in a query string (a search, a notice's key), trimmed, at most `max` characters. */
export const queryText = (max = 200) => optional(z.string().trim().max(max, `Send at most ${max} characters`));

/**
 * A calendar date that exists (not 2016-02-30, not 9999-99-99), sent as `asAt=YYYY-MM-DD` (a link,
 * the API) or by a GOV.UK date input as `asAt-day`, `asAt-month` and `asAt-year` (a GET form), read
 * as services/validation.ts `readDate` reads them; anything else refuses the request (400).
 */
export const queryDate = optional(
  z.unknown().transform((value, ctx) => {
    const reading = readDate(value, 'the date', { optional: true });
    if (reading.error === undefined) return reading.date ?? undefined;
    ctx.addIssue({ code: 'custom', message: 'Send the date as YYYY-MM-DD, a real date', input: value });
    return z.NEVER;
  }),
);

/** A GET form's date (see `queryDateInput`): the date asked for, or the error its page shows and what was typed. */
export interface QueryDate {
  /** The date asked for (ISO), or undefined when none was, or it was not a real date. */
  date: string | undefined;
  /** The GOV.UK message for the page's error summary and the date input, when the date is wrong. */
  error: string | undefined;
  /** What was sent, for the date input to show again (`appDateInput`'s `value`). */
  value: DateValue;
}

/**
 * A date a GET form's date input filters by, as `queryDate` reads it, that never refuses the
 * request: a wrong date comes back as an `error` for the page to show in its error summary
 * (`queryErrors`), beside the date input with what was typed.
 *
 * @example const q = { asAt: queryDateInput('the date') }; // ?asAt-day=31&asAt-month=2&asAt-year=2014
 * // request.query.asAt: { date: undefined, error: 'Date must be a real date', value: { day: '31', … } }
 */
export const queryDateInput = (label: string, rules: Omit<DateRules, 'optional'> = {}) =>
  z
    .unknown()
    .optional()
    .transform((value): QueryDate => {
      const sent = typeof value === 'string' || (value !== null && typeof value === 'object') ? (value as DateValue) : undefined;
      const reading = readDate(sent, label, { ...rules, optional: true });
      return reading.error === undefined
        ? { date: reading.date ?? undefined, error: undefined, value: sent }
        : { date: undefined, error: reading.error, value: sent };
    });

/**
 * The errors a GET page shows for its wrong dates (`queryDateInput`), by field, and as the list
 * its error summary shows; both empty when every date is right.
 *
 * @example const { errors, errorList } = queryErrors({ asAt: request.query.asAt });
 */
export function queryErrors(dates: Record<string, QueryDate | undefined>) {
  const errors = Object.fromEntries(
    Object.entries(dates).flatMap(([name, d]) => (d?.error === undefined ? [] : [[name, d.error] as const])),
  );
  return { errors, errorList: errorList(errors) };
}

/** The id of a record chosen from a list. */
export const queryId = optional(z.uuid({ error: 'Choose from the list' }));

/** One of a page's fixed choices (`?show=overdue`). */
export const queryChoice = <const T extends readonly [string, ...string[]]>(choices: T) =>
  optional(z.enum(choices, { error: `Choose one of: ${choices.join(', ')}` }));

/** A page number, 1 or more. */
export const queryPage = optional(
  z.coerce.number({ error: 'Send a page number' }).int('Send a whole page number').min(1, 'Pages start at 1'),
);

/** The key of the notice a page shows after a redirect (`?notice=saved`). */
export const queryNotice = queryText(40);

/** A query string with each GOV.UK date input's boxes (`asAt-day`, `-month`, `-year`) as one value, `asAt`. */
function withDateBoxes(query: unknown, names: readonly string[]): unknown {
  if (query === null || typeof query !== 'object') return query;
  const fields = query as Record<string, unknown>;
  const boxed = names.filter((name) => ['day', 'month', 'year'].some((part) => `${name}-${part}` in fields));
  return boxed.length === 0 ? query : { ...fields, ...Object.fromEntries(boxed.map((name) => [name, dateValueOf(fields, name)])) };
}

/**
 * Route options that parse a route's query string into a zod object (see plugins/input.ts): the
 * handler's `request.query` is the parsed value, or the request is refused with 400 naming the field.
 * A date input's boxes (`asAt-day`, `-month`, `-year`) reach the field `asAt` as one value.
 */
export function withQuery<S extends z.ZodRawShape>(shape: S) {
  const names = Object.keys(shape);
  return { schema: { querystring: z.preprocess((query) => withDateBoxes(query, names), z.object(shape)) } };
}

/** What a route's `request.query` holds once parsed by `withQuery(shape)`. */
export type QueryOf<S extends z.ZodRawShape> = z.output<z.ZodObject<S>>;

/** Route options for a page whose only query parameter is the notice it shows after a redirect. */
export const noticeQuery = withQuery({ notice: queryNotice });
export type NoticeQuery = QueryOf<{ notice: typeof queryNotice }>;
