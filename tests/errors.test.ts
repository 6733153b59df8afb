import { describe, expect, inject, it } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import { createTestApp, DIALECTS } from './support/app.ts';

describe('when the database is unavailable', () => {
  it('pages apologise without a stack trace and /readyz answers 503', async () => {
    const t = await createTestApp('pglite');
    await t.database.close();
    const page = await t.app.inject({ url: '/' });
    const ready = await t.app.inject({ url: '/readyz' });
    const api = await t.app.inject({ url: '/api/v1/me', headers: { authorization: 'Bearer baton_x' } });
    await t.app.close();
    expect(page.statusCode).toBe(500);
    expect(page.body).toContain('Sorry, there is a problem with Baton');
    expect(page.body).not.toMatch(/\s+at .+:\d+:\d+/);
    expect(ready.statusCode).toBe(503);
    expect(api.statusCode).toBe(500);
    expect(api.json()).toMatchObject({ status: 500, detail: 'Something went wrong on our side. Try again later.' });
  });
});

describe.runIf(DIALECTS.includes('postgres'))('when PostgreSQL closes idle connections (a restart or an administrator)', () => {
  it('keeps serving: the pool opens new connections, and nothing is left uncaught', async () => {
    const t = await createTestApp('postgres');
    try {
      const client = await t.signedIn('viewer@walsall.example');
      expect((await client.get('/p/walsall/tracker')).statusCode).toBe(200);
      const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(t.database.db);
      const admin = new pg.Client({ connectionString: inject('postgresUrl') });
      await admin.connect();
      const killed = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [rows[0]!.name]);
      await admin.end();
      expect(killed.rowCount).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await client.get('/p/walsall/tracker')).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('any page', () => {
  it('sends a Content-Security-Policy with a per-request script nonce', async () => {
    const t = await createTestApp('pglite');
    const first = await t.app.inject({ url: '/sign-in' });
    const second = await t.app.inject({ url: '/sign-in' });
    await t.close();
    const nonce = (res: typeof first) => String(res.headers['content-security-policy']).match(/'nonce-([^']+)'/)?.[1];
    expect(nonce(first)).toBeDefined();
    expect(nonce(first)).not.toBe(nonce(second));
    expect(first.body).toContain(`nonce="${nonce(first)}"`);
    expect(first.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers an unknown page with a 404 page', async () => {
    const t = await createTestApp('pglite');
    const res = await t.app.inject({ url: '/no/such/page' });
    await t.close();
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Page not found');
  });
});
