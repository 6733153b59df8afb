import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type TestApp } from './support/app.ts';

describe.each(DIALECTS)('the JSON API (%s)', (dialect) => {
  let t: TestApp;
  let auth: { authorization: string };
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const user = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'admin@walsall.example')
      .executeTakeFirstOrThrow();
    const { token } = await t.app.services.account.createToken({ userId: user.id, label: 'test' }, { name: 'api test' });
    auth = { authorization: `Bearer ${token}` };
  });
  afterAll(() => t.close());

  it('describes itself in OpenAPI', async () => {
    const res = await t.app.inject({ url: '/api/v1/openapi.json' });
    expect(res.json()).toMatchObject({ openapi: '3.1.0', info: { title: 'Baton API' } });
  });

  it('says who the token belongs to', async () => {
    const res = await t.app.inject({ url: '/api/v1/me', headers: auth });
    expect(res.json()).toMatchObject({ email: 'admin@walsall.example', partnerships: [{ slug: 'walsall', role: 'admin' }] });
  });

  it('creates an agency and changes it with the version it read', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/p/walsall/agencies',
      headers: auth,
      payload: { name: 'Walsall Youth Justice Service', sector: 'probation' },
    });
    expect(created.statusCode).toBe(201);
    const { id, version } = created.json();
    const changed = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/p/walsall/agencies/${id}`,
      headers: auth,
      payload: { name: 'Walsall Youth Justice', sector: 'probation', version },
    });
    expect(changed.json()).toMatchObject({ name: 'Walsall Youth Justice', version: version + 1 });
  });

  it('answers 409 problem+json to a stale version', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/p/walsall/boards',
      headers: auth,
      payload: { name: 'Health and Wellbeing Board', kind: 'partnership' },
    });
    const { id } = created.json();
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/p/walsall/boards/${id}`,
      headers: auth,
      payload: { name: 'HWB', kind: 'partnership', version: 1 },
    });
    const stale = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/p/walsall/boards/${id}`,
      headers: auth,
      payload: { name: 'HWB 2', kind: 'partnership', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
  });

  it('names each invalid field in a 400 problem+json', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/p/walsall/agencies',
      headers: auth,
      payload: { name: '', sector: 'pirates' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ status: 400, errors: { name: 'Enter the agency’s name', sector: 'Choose a sector' } });
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/p/walsall/agencies',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('answers an unknown API path with 404 problem+json', async () => {
    const res = await t.app.inject({ url: '/api/v1/nothing-here', headers: auth });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ status: 404 });
  });
});
