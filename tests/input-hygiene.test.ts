import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/data/db.ts';
import { createTestApp, DIALECTS, type Client, type TestApp } from './support/app.ts';
import { databaseChecksums, writtenTables } from './support/checksums.ts';

/**
 * Issue 11, finding 4: input that once answered 500 (a NUL byte, half a surrogate pair, a repeated
 * query parameter, an impossible date) is refused with 400 naming the field, and nothing is written.
 */
const NATIONAL = '/api/v1/national/indicators/cp-plan-rate';
const NUL = '\u0000';
const OWN_INDICATOR = {
  code: 'hygiene-test',
  title: 'Hygiene test indicator',
  unit: 'count',
  decimals: '0',
  polarity: 'smaller',
  frequency: 'quarterly',
  periodType: 'financial-quarter',
  obaCategory: 'how-much',
};
const UPDATE = {
  period: '2015-16 Q4',
  actionTaken: `Ran joint return interviews${NUL}`,
  rag: 'amber',
  status: 'at_risk',
};
const OBSERVATION = { area: 'E08000030', period: '2013-14-Q3', value: 12 };

describe.each(DIALECTS)('input no route can store (%s)', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let api: (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => Promise<LightMyRequestResponse>;
  let scorecard: string;
  let action: { id: string; version: number };
  let agency: string;
  let before: Awaited<ReturnType<typeof databaseChecksums>>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.signedIn('admin@walsall.example');
    const walsall = (await t.app.services.partnerships.findBySlug('walsall'))!.id;
    const user = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'admin@walsall.example')
      .executeTakeFirstOrThrow();
    const actor = { userId: user.id, label: 'test' };
    await t.app.services.indicators.create(walsall, actor, OWN_INDICATOR);
    const { token } = await t.app.services.account.createToken(actor, { name: 'hygiene test' });
    api = (method, url, payload) =>
      t.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}`, ...(typeof payload === 'string' ? { 'content-type': 'application/json' } : {}) },
        ...(payload === undefined ? {} : { payload: payload as string }),
      });
    const list = await admin.get('/p/walsall/scorecards');
    scorecard = /href="\/p\/walsall\/scorecards\/([0-9a-f-]{36})"/.exec(list.body)![1]!;
    action = await withTenant(t.database.db, { partnershipId: walsall }, (trx) =>
      trx.selectFrom('actions').select(['id', 'version']).where('status', 'not in', ['complete', 'dropped']).executeTakeFirstOrThrow(),
    );
    agency = (await t.app.services.admin.listAgencies(walsall, actor))[0]!.id;
    before = await databaseChecksums(t);
  });
  afterAll(() => t.close());

  it.each([
    { name: 'a NUL in ?area= of the national observations', url: `${NATIONAL}/observations?area=%00`, field: 'area' },
    { name: 'a NUL in ?area= of the national benchmark', url: `${NATIONAL}/benchmark?area=%00&period=AT2013-03-31`, field: 'area' },
  ])('refuses $name, signed out, with problem+json', async ({ url, field }) => {
    const res = await t.app.inject({ url });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual({ [field]: expect.stringContaining('NUL character') });
  });

  it.each([
    {
      name: 'an agency name with a NUL',
      method: 'POST',
      url: '/agencies',
      body: { name: `Youth${NUL}Justice`, sector: 'probation' },
      field: 'name',
    },
    {
      name: 'an agency name with half a surrogate pair',
      method: 'POST',
      url: '/agencies',
      body: '{"name":"\\ud800","sector":"probation"}',
      field: 'name',
    },
    {
      name: 'an indicator title with a NUL',
      method: 'PUT',
      url: '/indicators/hygiene-test',
      body: { ...OWN_INDICATOR, title: `T${NUL}`, version: 1 },
      field: 'title',
    },
    {
      name: 'a quality note with a NUL',
      method: 'POST',
      url: '/indicators/hygiene-test/observations',
      body: { observations: [{ ...OBSERVATION, qualityNote: `Estimated${NUL}` }] },
      field: 'observations[0].qualityNote',
    },
    { name: 'a progress update with a NUL', method: 'POST', url: '/actions/:action/updates', body: UPDATE, field: 'actionTaken' },
    { name: 'a repeated ?area=', method: 'GET', url: '/indicators/cp-plan-rate/observations?area=335&area=E08000030', field: 'area' },
  ] as const)('refuses $name through the API with problem+json naming the field', async ({ method, url, body, field }) => {
    const withVersion = url.includes(':action') && typeof body === 'object' ? { ...body, version: action.version } : body;
    const res = await api(method, `/api/v1/p/walsall${url.replace(':action', action.id)}`, withVersion);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual({ [field]: expect.any(String) });
  });

  it.each([
    { name: 'a NUL in the audit log’s ?type=', url: '/p/walsall/admin/audit?type=%00', says: '‘type’ contains a NUL character' },
    { name: 'a NUL in the audit CSV’s ?type=', url: '/p/walsall/admin/audit.csv?type=%00', says: '‘type’ contains a NUL character' },
    { name: 'a repeated ?q= on the indicator library', url: '/p/walsall/indicators?q=a&q=b', says: 'Send ‘q’ once (it was sent 2 times)' },
    {
      name: 'a repeated ?area= on an indicator',
      url: '/p/walsall/indicators/cp-plan-rate?area=335&area=E08000030',
      says: 'Send ‘area’ once',
    },
    { name: 'a repeated ?period= on the figures page', url: '/p/walsall/figures?period=a&period=b', says: 'Send ‘period’ once' },
    {
      name: 'an impossible ?asAt= on the exception report',
      url: '/p/walsall/scorecards/:id/exceptions?asAt=9999-99-99',
      says: 'a real date',
    },
    { name: 'an impossible ?asAt= on the scorecard CSV', url: '/p/walsall/scorecards/:id/export.csv?asAt=9999-99-99', says: 'a real date' },
  ])('refuses $name with an error summary', async ({ url, says }) => {
    const res = await admin.get(url.replace(':id', scorecard));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain(says);
  });

  it.each<{ name: string; url: string; form: Record<string, string> }>([
    { name: 'an agency name with a NUL', url: '/p/walsall/admin/agencies', form: { name: `Youth${NUL}Justice`, sector: 'probation' } },
    {
      name: 'an indicator title with a NUL',
      url: '/p/walsall/indicators/hygiene-test',
      form: { ...OWN_INDICATOR, title: `T${NUL}`, version: '1' },
    },
    { name: 'a progress update with a NUL', url: '/p/walsall/actions/:action/updates', form: UPDATE },
  ])('refuses $name sent from a form', async ({ url, form }) => {
    const res = await admin.post(url.replace(':action', action.id), { ...form, version: String(action.version) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('contains a NUL character');
  });

  it.each([
    {
      name: 'a version too big for the database',
      method: 'PUT',
      url: '/indicators/hygiene-test',
      body: { ...OWN_INDICATOR, version: 1e308 },
    },
    { name: 'a version of true', method: 'PUT', url: '/agencies/:agency', body: { name: 'Renamed', sector: 'health', version: true } },
    {
      name: 'a list as the number of decimal places',
      method: 'PUT',
      url: '/indicators/hygiene-test',
      body: { ...OWN_INDICATOR, decimals: ['2'], version: 1 },
    },
    { name: 'a target with no body at all', method: 'POST', url: '/indicators/hygiene-test/targets' },
  ] as const)('refuses $name through the API (found by the route fuzz test)', async ({ method, url, ...rest }) => {
    const body = 'body' in rest ? rest.body : undefined;
    const res = await api(method, `/api/v1/p/walsall${url.replace(':agency', agency)}`, body);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it.each(['abc', '1e308', '99999999999'])(
    'refuses a scorecard’s settings sent with version %s (found by the route fuzz test)',
    async (version) => {
      const res = await admin.post(`/p/walsall/scorecards/${scorecard}`, { title: 'Renamed', previousPeriods: '2', version });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('The form is out of date: reload the page');
    },
  );

  it('wrote nothing for any of them', async () => {
    expect(writtenTables(before, await databaseChecksums(t))).toEqual([]);
  });
});
