import { z } from 'zod';

/** An empty parameter (`?asAt=`, a select left on "All") means the parameter was not sent. */
const optional = <T extends z.ZodType>(inner: T) => z.preprocess((v) => (v === '' ? undefined : v), inner.optional());

/** Words in a query string (a search, a notice's key), trimmed, at most `max` characters. */
export const queryText = (max = 200) => optional(z.string().trim().max(max, `Send at most ${max} characters`));

/** A calendar date written YYYY-MM-DD that exists (not 2016-02-30, not 9999-99-99). */
export const queryDate = optional(z.iso.date({ error: 'Send the date as YYYY-MM-DD, a real date' }));

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

/**
 * Route options that parse a route's query string into a zod object (see plugins/input.ts): the
 * handler's `request.query` is the parsed value, or the request is refused with 400 naming the field.
 */
export function withQuery<S extends z.ZodRawShape>(shape: S) {
  return { schema: { querystring: z.object(shape) } };
}

/** What a route's `request.query` holds once parsed by `withQuery(shape)`. */
export type QueryOf<S extends z.ZodRawShape> = z.output<z.ZodObject<S>>;

/** Route options for a page whose only query parameter is the notice it shows after a redirect. */
export const noticeQuery = withQuery({ notice: queryNotice });
export type NoticeQuery = QueryOf<{ notice: typeof queryNotice }>;
