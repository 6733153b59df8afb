import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type Client, type Dialect, type TestApp } from './app.ts';
import { bodySchema, everyField, fieldPaths, plausible, withValueAt } from './api-bodies.ts';
import { releaseOwner } from './checksums.ts';
import { postForms, type PageForm } from './forms.ts';
import type { Hostile } from './hostile.ts';
import { routeFixtures } from './route-fixtures.ts';
import { API_ROUTES, HTML_ROUTES, PLACEHOLDERS, type Ids, type Route } from './routes.ts';

/** Who the route fuzz test sends requests as. */
export const PEOPLE = ['admin', 'analyst', 'anonymous'] as const;
export type Person = (typeof PEOPLE)[number];
type Answer = Promise<LightMyRequestResponse>;

export const isApi = (route: Route) => route.path('walsall', PLACEHOLDERS).startsWith('/api/');

/** Pages whose forms appear only when asked for: rating a row by hand, a sponsor report, a period's figures. */
const extraPages = (ids: Ids) => [
  `/p/walsall/scorecards/${ids.scorecard}?override=${ids.scorecardRow}`,
  `/p/walsall/priorities/${ids.priority}/report`,
  '/p/walsall/figures?period=2013-11',
];

/**
 * A test app with Walsall's route fixtures, signed-in clients and API tokens for each person, the
 * forms its pages offer (with the values they are filled with) and the API's OpenAPI document,
 * for sending hostile requests (tests/route-fuzz.test.ts). `FUZZ_LOG=1` logs each 5xx's stack.
 */
export async function openFuzzSession(dialect: Dialect) {
  const t: TestApp = await createTestApp(dialect, process.env.FUZZ_LOG ? { LOG_LEVEL: 'error' } : {});
  const ids: Ids = { ...(await routeFixtures(t, 'walsall')), token: '' };
  const clients = new Map<Person, { client: Client; csrf: string; token?: string }>();
  for (const person of PEOPLE) {
    const client = person === 'anonymous' ? t.client() : await t.signedIn(`${person}@walsall.example`);
    const user = await t.database.db.selectFrom('users').select('id').where('email', '=', `${person}@walsall.example`).executeTakeFirst();
    const issue = (name: string) => t.app.services.account.createToken({ userId: user!.id, label: 'fuzz' }, { name });
    const token = user && (await issue(`fuzz ${person}`)).token;
    if (person === 'admin') ids.token = (await issue('to revoke')).id;
    clients.set(person, { client, csrf: await client.csrfToken(), ...(token ? { token } : {}) });
  }
  let sent = 0;

  /** Sends one request as `person`: pages and forms with the person's cookies, the API with their token and JSON. */
  function send(person: Person, route: Route, url: string, body?: Record<string, unknown> | unknown): Answer {
    sent++;
    const { client, csrf, token } = clients.get(person)!;
    if (!isApi(route)) {
      if (route.method === 'GET') return client.get(url);
      return client.post(url, (body ?? {}) as Record<string, string | string[]>, { csrf });
    }
    return t.app.inject({
      method: route.method,
      url,
      // Each request from its own address, so a per-address rate limit is not what answers.
      remoteAddress: `10.${(sent >> 16) & 255}.${(sent >> 8) & 255}.${sent & 255}`,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  }

  const forms = new Map<string, PageForm>();
  const pages = [...HTML_ROUTES.filter((r) => r.method === 'GET').map((r) => r.path('walsall', ids)), ...extraPages(ids)];
  const admin = clients.get('admin')!.client;
  for (const page of pages) for (const [action, form] of postForms((await admin.get(page)).body)) forms.set(action, form);
  const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
  /** What the API answers for each record a PUT changes: the body a client would send back. */
  const records = new Map<string, object>();
  for (const route of API_ROUTES.filter((r) => r.method === 'PUT')) {
    const url = route.path('walsall', ids);
    records.set(url, (await send('admin', { ...route, method: 'GET' }, url)).json());
  }

  /** The form a page offers for a URL, or (`offered: false`) every field seen on any form when no page offers it. */
  function formFor(url: string): PageForm & { offered: boolean } {
    const found = forms.get(url.split('?')[0]!);
    if (found) return { ...found, offered: true };
    const fields = Object.fromEntries([...forms.values()].flatMap((f) => Object.keys(f.fields)).map((name) => [name, '']));
    return { action: url, fields, offered: false };
  }

  /** A body with `h` in every field the route takes (its form's and one it does not, or its API body's); undefined when `h` cannot be sent there. */
  function everyFieldOf(route: Route, url: string, h: Hostile): unknown {
    if (!isApi(route)) {
      const names = [...Object.keys(formFor(url).fields), 'unexpected'];
      return h.form === undefined ? undefined : Object.fromEntries(names.map((n) => [n, h.form!]));
    }
    const schema = bodySchema(doc, route.method, url);
    return h.json === undefined ? undefined : schema ? everyField(doc, schema, h.json) : { name: h.json };
  }

  /**
   * Requests carrying `h` in one field each, the rest as the page fills the form or as the API reads
   * the record (every field at once when no page offers the form), named by the field.
   */
  function oneFieldEach(person: Person, route: Route, url: string, h: Hostile): [string, () => Answer][] {
    if (isApi(route)) {
      const schema = bodySchema(doc, route.method, url);
      if (h.json === undefined || !schema) return [];
      const base = { ...(plausible(doc, schema) as object), ...records.get(url) };
      return fieldPaths(doc, schema).map((path) => [path.join('.'), () => send(person, route, url, withValueAt(base, path, h.json))]);
    }
    const form = formFor(url);
    if (h.form === undefined) return [];
    if (!form.offered) return [['every field', () => send(person, route, url, everyFieldOf(route, url, h))]];
    return Object.keys(form.fields).map((name) => [name, () => send(person, route, form.action, { ...form.fields, [name]: h.form! })]);
  }

  return {
    t,
    ids,
    send,
    everyFieldOf,
    oneFieldEach,
    sent: () => sent,
    async close() {
      await releaseOwner(t);
      await t.close();
    },
  };
}
