import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUser } from '../src/data/db.ts';
import { issueApiToken } from '../src/features/auth/service.ts';
import { createTestApp, DIALECTS, type Client, type TestApp } from './support/app.ts';
import { routeFixtures } from './support/route-fixtures.ts';
import { API_ROUTES, HTML_ROUTES, PLACEHOLDERS, type Ids, type Route } from './support/routes.ts';

/**
 * Every route × every role × both partnerships. Each route (support/routes.ts) names,
 * independently of the policy module, the roles allowed to use it and what an allowed request answers.
 */
const PEOPLE = [
  { email: 'admin@walsall.example', home: 'walsall', role: 'admin' },
  { email: 'analyst@walsall.example', home: 'walsall', role: 'analyst' },
  { email: 'sponsor@walsall.example', home: 'walsall', role: 'sponsor' },
  { email: 'contributor@walsall.example', home: 'walsall', role: 'contributor' },
  { email: 'member@walsall.example', home: 'walsall', role: 'member' },
  { email: 'viewer@walsall.example', home: 'walsall', role: 'viewer' },
  { email: 'admin@birmingham.example', home: 'birmingham', role: 'admin' },
] as const;
const PARTNERSHIPS = ['walsall', 'birmingham'] as const;

function expected(route: Route, person: (typeof PEOPLE)[number], slug: string): number {
  if (person.home !== slug) return 404;
  const allowed =
    route.allowed === 'everyone' || person.role === 'admin' || (Array.isArray(route.allowed) && route.allowed.includes(person.role));
  return allowed ? route.ok : 403;
}

const cases = (routes: Route[]) =>
  routes.flatMap((route) =>
    PARTNERSHIPS.flatMap((slug) =>
      PEOPLE.map((person) => ({
        name: `${route.method} ${route.path(slug, PLACEHOLDERS)} as ${person.role} of ${person.home}`,
        route,
        person,
        slug,
        status: expected(route, person, slug),
      })),
    ),
  );

describe.each(DIALECTS)('access to every route (%s)', (dialect) => {
  let t: TestApp;
  const ids: Record<string, Ids> = {};
  const clients = new Map<string, Client>();
  const tokens = new Map<string, { token: string; id: string }>();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const { db } = t.database;
    for (const slug of PARTNERSHIPS) ids[slug] = { ...(await routeFixtures(t, slug)), token: '' };
    for (const person of PEOPLE) {
      clients.set(person.email, await t.signedIn(person.email));
      const member = await findUserId(t, person.email);
      tokens.set(person.email, await withUser(db, member, async (trx) => issueApiToken(trx, member, `matrix ${person.email}`)));
      tokens.set(`${person.email}#revocable`, await withUser(db, member, async (trx) => issueApiToken(trx, member, 'to revoke')));
    }
  });
  afterAll(() => t.close());

  const idsFor = (slug: string, email: string): Ids => ({ ...ids[slug]!, token: tokens.get(`${email}#revocable`)!.id });

  it.each(cases(HTML_ROUTES))('$name → $status', async ({ route, person, slug, status }) => {
    const client = clients.get(person.email)!;
    const url = route.path(slug, idsFor(slug, person.email));
    const res = route.method === 'GET' ? await client.get(url) : await client.post(url, {});
    expect(res.statusCode).toBe(status);
  });

  it.each(cases(API_ROUTES))('$name → $status', async ({ route, person, slug, status }) => {
    const url = route.path(slug, idsFor(slug, person.email));
    const res = await t.app.inject({
      method: route.method,
      url,
      headers: { authorization: `Bearer ${tokens.get(person.email)!.token}` },
      ...(route.method === 'GET' ? {} : { payload: {} }),
    });
    expect(res.statusCode).toBe(status);
    if (status >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it.each(HTML_ROUTES.filter((r) => r.method === 'GET'))('signed out, $method $path is sent to sign in', async (route) => {
    const res = await t.client().get(route.path('walsall', ids.walsall!));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/sign-in\?next=/);
  });

  it.each(API_ROUTES)('without a token, $method $path answers 401', async (route) => {
    const res = await t.app.inject({ method: route.method, url: route.path('walsall', ids.walsall!) });
    expect(res.statusCode).toBe(401);
  });

  it('a revoked token is refused', async () => {
    const userId = await findUserId(t, 'member@walsall.example');
    const actor = { userId, label: 'member' };
    const issued = await t.app.services.account.createToken(actor, { name: 'short-lived' });
    await t.app.services.account.revokeToken(actor, issued.id);
    const token = issued.token;
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(401);
  });
});

async function findUserId(t: TestApp, email: string): Promise<string> {
  const row = await t.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return row.id;
}
