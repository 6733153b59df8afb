import type { z } from 'zod';
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
