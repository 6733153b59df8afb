/** Pieces every part of the OpenAPI document shares. */

const problem = { description: 'Problem', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
export const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 413: problem, 429: problem };
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (name: string) => ({ 'application/json': { schema: ref(name) } });
export const listOf = (name: string) => ({
  'application/json': { schema: { type: 'object', properties: { items: { type: 'array', items: ref(name) } } } },
});
export const slug = { name: 'slug', in: 'path', required: true, schema: { type: 'string' }, description: 'Partnership slug, e.g. walsall' };
export const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };

/** An input schema with the `version` a change must send (409 when it is no longer the saved one). */
export const withVersion = (input: string) => ({
  allOf: [ref(input), { type: 'object', required: ['version'], properties: { version: { type: 'integer' } } }],
});
