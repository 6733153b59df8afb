import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/app.ts';
import { auditEvents, databaseChecksums, writtenTables } from './support/checksums.ts';
import { isApi, openFuzzSession, PEOPLE, type Person } from './support/fuzz-session.ts';
import { HOSTILE_PATHS, hostileQuery, NOT_OBJECTS, REFUSED_EVERYWHERE, WRONG_FOR_SOME, withQueryString } from './support/hostile.ts';
import { API_ROUTES, HTML_ROUTES, PLACEHOLDERS, PUBLIC_ROUTES, type Ids, type Route } from './support/routes.ts';

/**
 * Issue 11: every route of the access matrix (and the public ones), as an admin, an analyst and
 * someone signed out, with hostile values in every path parameter, query parameter and body field.
 * Nothing answers 5xx; what the input layer refuses everywhere is refused and writes nothing; a
 * refused request adds nothing to the audit log (decision 0010).
 */
const ROUTES = [...HTML_ROUTES, ...API_ROUTES, ...PUBLIC_ROUTES].map((route) => ({
  name: `${route.method} ${route.path('walsall', PLACEHOLDERS)}`,
  route,
}));
type Fuzz = Awaited<ReturnType<typeof openFuzzSession>>;
/** One hostile request: who sends it, what it carries, and how to send it. */
type Probe = { what: string; send: () => Promise<LightMyRequestResponse> };

/** A request turned away: an error, or (signed out) the way to the sign-in page. */
const refused = (res: LightMyRequestResponse) =>
  res.statusCode >= 400 || (res.statusCode === 303 && String(res.headers.location).startsWith('/sign-in'));
/** A route that acts on an empty request (remove, revoke, move): its only input is its path. */
const actsWithoutBody = (route: Route) => route.method !== 'GET' && route.ok < 400;
const withIds = (ids: Ids, value: string) => Object.fromEntries(Object.keys(ids).map((k) => [k, value])) as Ids;

/** Values the input layer refuses wherever they are: in the path, every query parameter, every body field. */
function refusedProbes(fuzz: Fuzz, route: Route, person: Person): Probe[] {
  const url = route.path('walsall', fuzz.ids);
  const probe = (what: string, to: string, body?: unknown): Probe => ({
    what: `${person}, ${what}`,
    send: () => fuzz.send(person, route, to, body),
  });
  // A path meets the same checks whoever asks: the admin sends every value, the others those the slug gets.
  const paths = HOSTILE_PATHS.filter((h) => person === 'admin' || (h.slug && h.path!.length < 50));
  return [
    ...paths
      .filter(() => route.path('walsall', withIds(fuzz.ids, 'x')) !== url)
      .map((h) => probe(`ids ${h.name}`, route.path('walsall', withIds(fuzz.ids, h.path!)))),
    ...paths.filter((h) => h.slug && route.path('x', fuzz.ids) !== url).map((h) => probe(`slug ${h.name}`, route.path(h.path!, fuzz.ids))),
    ...REFUSED_EVERYWHERE.filter((h) => h.query).map((h) => probe(`query ${h.name}`, withQueryString(url, hostileQuery(h.query!)))),
    ...REFUSED_EVERYWHERE.filter(() => route.method !== 'GET')
      .map((h) => [h, fuzz.everyFieldOf(route, url, h)] as const)
      .filter(([, body]) => body !== undefined)
      .map(([h, body]) => probe(`body ${h.name}`, url, body)),
  ];
}

/** Values wrong for some fields only: in the query string, and in each body field in turn (the admin) or all at once. */
function wrongProbes(fuzz: Fuzz, route: Route, person: Person): Probe[] {
  const url = route.path('walsall', fuzz.ids);
  const probe = (what: string, to: string, body?: unknown): Probe => ({
    what: `${person}, ${what}`,
    send: () => fuzz.send(person, route, to, body),
  });
  // A query string is parsed alike for every member: the admin's requests stand for the analyst's.
  const queries =
    person === 'analyst'
      ? []
      : WRONG_FOR_SOME.filter((h) => h.query).map((h) => probe(`query ${h.name}`, withQueryString(url, hostileQuery(h.query!))));
  if (route.method === 'GET') return queries;
  const fields = WRONG_FOR_SOME.flatMap((h) =>
    person === 'admin'
      ? fuzz.oneFieldEach(person, route, url, h).map(([field, send]) => ({ what: `${person}, ${field} ${h.name}`, send }))
      : [fuzz.everyFieldOf(route, url, h)].filter((body) => body !== undefined).map((body) => probe(`every field ${h.name}`, url, body)),
  );
  const bodies = isApi(route) ? NOT_OBJECTS.map((json) => probe(`body ${JSON.stringify(json)}`, url, json)) : [];
  return [...queries, ...fields, ...bodies];
}

/** PGlite only unless asked: the same engine, and twice the time with PostgreSQL as well (decision 0010). */
const FUZZ_DIALECTS = process.env.FUZZ_ALL_DIALECTS ? DIALECTS : DIALECTS.filter((d) => d === 'pglite');

describe.each(FUZZ_DIALECTS)('every route with hostile input (%s)', (dialect) => {
  let fuzz: Fuzz;
  beforeAll(async () => {
    fuzz = await openFuzzSession(dialect);
  });
  afterAll(() => fuzz.close());

  describe('values refused wherever they are sent', () => {
    let before: Awaited<ReturnType<typeof databaseChecksums>>;
    beforeAll(async () => {
      before = await databaseChecksums(fuzz.t);
    });

    it.each(ROUTES)('$name', async ({ route }) => {
      const notRefused: string[] = [];
      for (const { what, send } of PEOPLE.flatMap((person) => refusedProbes(fuzz, route, person))) {
        const res = await send();
        if (!refused(res) || res.statusCode >= 500) notRefused.push(`${what} → ${res.statusCode}`);
      }
      expect(notRefused).toEqual([]);
    });

    it('wrote nothing', async () => {
      expect(writtenTables(before, await databaseChecksums(fuzz.t))).toEqual([]);
    });
  });

  describe('values wrong for some fields', () => {
    it.each(ROUTES.filter(({ route }) => !actsWithoutBody(route)))('$name', async ({ route }) => {
      const crashed: string[] = [];
      const refusedButAudited: string[] = [];
      for (const { what, send } of PEOPLE.flatMap((person) => wrongProbes(fuzz, route, person))) {
        const events = route.method === 'GET' ? 0 : await auditEvents(fuzz.t);
        const res = await send();
        if (res.statusCode >= 500) crashed.push(`${what} → ${res.statusCode}`);
        else if (route.method !== 'GET' && refused(res) && (await auditEvents(fuzz.t)) !== events) refusedButAudited.push(what);
      }
      expect({ crashed, refusedButAudited }).toEqual({ crashed: [], refusedButAudited: [] });
    });
  });

  it('sent the requests it meant to', () => {
    expect(fuzz.sent()).toBeGreaterThan(ROUTES.length * PEOPLE.length * 10);
  });
});
