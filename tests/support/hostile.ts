/**
 * Hostile values for the route fuzz test (issue 11), each as it can be sent in a URL path, a
 * query string, a form and a JSON body (a value a place cannot carry is left out there).
 */
export interface Hostile {
  name: string;
  path?: string;
  query?: string | string[];
  form?: string | string[];
  json?: unknown;
  /** Also sent as a partnership's slug (every route reads the slug the same way, so a few suffice). */
  slug?: boolean;
}

const LONG = 'x'.repeat(10_000);

/** Values the input layer refuses wherever they are sent (decision 0010): nothing may get past it. */
export const REFUSED_EVERYWHERE: Hostile[] = [
  { name: 'a NUL', path: 'a%00b', query: 'a\u0000b', form: 'a\u0000b', json: 'a\u0000b' },
  { name: 'half a surrogate pair', json: 'a\ud800b' },
  { name: 'a repeated query parameter', query: ['a', 'b'] },
];

/** Values a path parameter (a partnership's slug, a record's id or code) never takes. */
export const HOSTILE_PATHS: Hostile[] = [
  ...REFUSED_EVERYWHERE.filter((h) => h.path).map((h) => ({ ...h, slug: h.name === 'a NUL' })),
  { name: 'bytes that are not UTF-8', path: 'a%ED%A0%80b', slug: true },
  { name: 'a control character', path: 'a%1Bb' },
  { name: 'a very long string', path: LONG.slice(0, 500), slug: true },
  { name: 'a negative number', path: '-1' },
  { name: 'an impossible date', path: '9999-99-99' },
  { name: 'a dot-dot', path: '..%2F..' },
];

/** Values of the wrong kind for some fields and fine for others: refused or kept, never a crash. */
export const WRONG_FOR_SOME: Hostile[] = [
  { name: 'control characters', query: 'a\u0007\u001bb', form: 'a\u0007\u001bb', json: 'a\u0007\u001bb' },
  { name: 'a very long string', query: LONG, form: LONG, json: LONG },
  { name: 'a negative number', query: '-1', form: '-1', json: -1 },
  { name: 'an impossible date', query: '9999-99-99', form: '9999-99-99', json: '9999-99-99' },
  { name: 'a number too big', query: '1e308', form: '1e308', json: 1e308 },
  { name: 'a list where one value is expected', form: ['a', 'b'], json: ['a', 'b'] },
  { name: 'an object', json: { a: 'b' } },
  { name: 'true', json: true },
];

/** JSON bodies that are not an object at all. */
export const NOT_OBJECTS: unknown[] = [['a', 'b'], 'text', null, 5];

/** Every query parameter a Baton route reads (see each route's `withQuery`). */
export const QUERY_PARAMETERS = [
  'notice',
  'asAt',
  'override',
  'chart',
  'plan',
  'board',
  'agency',
  'show',
  'page',
  'period',
  'q',
  'area',
  'comparator',
  'a',
  'b',
  'person',
  'type',
  'from',
  'to',
];

/** A query string with `value` in every parameter (a list repeats the parameter). */
export function hostileQuery(value: string | string[]): string {
  const params = new URLSearchParams();
  for (const name of QUERY_PARAMETERS) for (const item of [value].flat()) params.append(name, item);
  return params.toString();
}

/** Adds a query string to a path that may already have one. */
export const withQueryString = (path: string, query: string) => `${path}${path.includes('?') ? '&' : '?'}${query}`;
