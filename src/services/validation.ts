import { z } from 'zod';
import { isFormulaText } from '../core/text.ts';
import { ValidationError } from './errors.ts';

/**
 * Parses input with a zod schema, or throws a ValidationError whose fields name the inputs
 * that were wrong (the first message per field, as a GOV.UK error summary shows them).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.') || 'form';
    fields[key] ??= issue.message;
  }
  throw new ValidationError(fields);
}

/**
 * A number as a form sends it (text) or as JSON does, parsed by `schema` (a `z.coerce.number()`):
 * anything else is refused with the schema's message rather than coerced (`true` would be 1).
 */
export function numberInput<S extends z.ZodType>(schema: S) {
  return z.preprocess((v) => (v === undefined || typeof v === 'number' || typeof v === 'string' ? v : Number.NaN), schema);
}

/**
 * The version of a record a change was made from (optimistic locking; see decision 0005), as a
 * form or JSON sends it: a whole number a PostgreSQL integer holds, or the change is refused.
 */
export function versionInput(message = 'The form is out of date: reload the page', least = 1) {
  return numberInput(z.coerce.number({ error: message }).int(message).min(least, message).max(2_147_483_647, message));
}

const capitalised = (label: string) => `${label[0]!.toUpperCase()}${label.slice(1)}`;

/**
 * Text a person must give, trimmed: "Enter <label>" when blank, at most `max` characters.
 * @example requiredText('a title', 200) // "Enter a title", "A title must be 200 characters or fewer"
 */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${capitalised(label)} must be ${max} characters or fewer`);
}

/** Text a person may leave out ('' then), trimmed, at most `max` characters; `label` begins its message. */
export function optionalText(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${capitalised(label)} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => v ?? '');
}

/** Optional text that is also refused when a spreadsheet would run it as a formula (core/text.ts). */
export function optionalPlainText(label: string, max: number) {
  return optionalText(label, max).refine((v) => !isFormulaText(v), `${capitalised(label)} must not start with = + - or @`);
}
