import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { unstorableText } from '../../core/text.ts';
import { NotFoundError, ValidationError } from '../../services/errors.ts';
import { parseInput } from '../../services/validation.ts';

/** Where a value sits in a body, as the API names fields: `observations[0].qualityNote`. */
const pathOf = (parent: string, key: string | number) =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/** Every string in a parsed body or query (keys included) that cannot be kept, by its field. */
function unstorable(value: unknown, at: string, found: Record<string, string>): void {
  if (typeof value === 'string') {
    const reason = unstorableText(value);
    if (reason) found[at || 'form'] ??= `‘${at || 'The form'}’ ${reason}: remove it and send it again`;
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => unstorable(item, pathOf(at, i), found));
  } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (unstorableText(key)) found[at || 'form'] ??= `A field name ${unstorableText(key)}`;
      else unstorable(item, pathOf(at, key), found);
    }
  }
}

/** A query parameter sent more than once, where every route expects it at most once. */
function repeated(query: Record<string, unknown>): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [key, value] of Object.entries(query))
    if (Array.isArray(value)) found[key] = `Send ‘${key}’ once (it was sent ${value.length} times)`;
  return found;
}

/**
 * Baton's one input-hygiene layer (decision 0010), met by every request before its route:
 * a path that holds a character no text can keep is a page that does not exist (404); a query
 * parameter sent twice, or any query or body string (JSON strings and keys included) holding a
 * NUL or half a surrogate pair, is refused (400) naming the field; and a route's
 * `schema.querystring` is a zod schema the query is parsed into before the handler sees it.
 */
export function registerInputHygiene(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema }) => (data: unknown) => {
    try {
      return { value: parseInput(schema as z.ZodType, data) };
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      // A page's error summary has no field to point at for a query parameter: the message names it.
      return { error: new ValidationError(Object.fromEntries(Object.entries(error.fields).map(([k, m]) => [k, `‘${k}’: ${m}`]))) };
    }
  });

  app.addHook('preValidation', async (request: FastifyRequest) => {
    const params: Record<string, string> = {};
    unstorable(request.params, '', params);
    if (Object.keys(params).length > 0) throw new NotFoundError('Page not found');
    const query = (request.query ?? {}) as Record<string, unknown>;
    const fields = repeated(query);
    unstorable(query, '', fields);
    unstorable(request.body, '', fields);
    if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  });
}
