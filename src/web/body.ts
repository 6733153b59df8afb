import { z } from 'zod';
import { parseInput } from '../services/validation.ts';

/**
 * A posted field a route reads for itself (the date a page is read at, which button was pressed):
 * its text, or undefined when it is missing or is not text. Never refuses the request.
 */
export const bodyText = z.preprocess((v) => (typeof v === 'string' ? v : undefined), z.string().optional());

/** Any posted body as an object of its fields: one that is missing or not an object has none. */
const asFields = (body: unknown) => (body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {});

/**
 * The fields of a posted form a route reads before (or instead of) its service parsing the whole
 * body, parsed by `shape` (fields like `bodyText` that never refuse); the other fields are kept.
 *
 * @example const { asAt } = formFields({ asAt: bodyText }, request.body);
 */
export function formFields<S extends z.ZodRawShape>(shape: S, body: unknown) {
  return parseInput(z.preprocess(asFields, z.looseObject(shape)), body);
}
