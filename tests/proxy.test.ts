import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import type { DatabaseHandle } from '../src/data/db.ts';
import { countSignInFailures } from '../src/data/repositories/sign-in-failures.ts';
import { buildApp } from '../src/app/app.ts';
import { Client, DIALECTS, openTestDatabase, type Dialect } from './support/app.ts';
import { TEST_PASSWORD } from './support/constants.ts';

/** What a TLS-terminating reverse proxy sends on: the client's address, appended to any the client wrote itself, and https. */
const viaProxy = (forwardedFor: string) => ({ 'x-forwarded-proto': 'https', 'x-forwarded-for': forwardedFor });

interface SeeingApp {
  app: FastifyInstance;
  database: DatabaseHandle;
}

/** Baton as the server builds it, plus a test route that shows how it sees a request (no page prints its protocol or address). */
async function buildSeeingApp(dialect: Dialect, env: Record<string, string>): Promise<SeeingApp> {
  const database = await openTestDatabase(dialect);
  const config = loadConfig({ NODE_ENV: 'test', BATON_DATA_DIR: '/nonexistent', ...env });
  const app = await buildApp({ config, database, secret: 'test secret '.repeat(4) });
  app.get('/test/seen', async (request) => ({ protocol: request.protocol, ip: request.ip }));
  await app.ready();
  return { app, database };
}

/** The failed sign-ins counted against an address, as the throttle counts them. */
async function failuresFrom({ database }: SeeingApp, address: string) {
  const counts = await countSignInFailures(database.db, [`address:${address}`], new Date(0));
  return counts.get(`address:${address}`) ?? 0;
}

const failSignIn = (t: SeeingApp, forwardedFor: string) =>
  new Client(t.app).post(
    '/sign-in',
    { email: 'nobody@walsall.example', password: 'not the password at all' },
    { headers: viaProxy(forwardedFor) },
  );

describe.each(DIALECTS)('behind a TLS reverse proxy with TRUST_PROXY=true (%s)', (dialect) => {
  let t: SeeingApp;
  beforeAll(async () => {
    t = await buildSeeingApp(dialect, { TRUST_PROXY: 'true', COOKIE_SECURE: 'true' });
  });
  afterAll(() => t.app.close());

  it('sees a forwarded request as https from the client’s address', async () => {
    const res = await t.app.inject({ url: '/test/seen', headers: viaProxy('203.0.113.7') });
    expect(res.json()).toEqual({ protocol: 'https', ip: '203.0.113.7' });
  });

  it('takes the address the proxy added, not one the client wrote into X-Forwarded-For itself', async () => {
    const res = await t.app.inject({ url: '/test/seen', headers: viaProxy('192.0.2.66, 203.0.113.8') });
    expect(res.json()).toEqual({ protocol: 'https', ip: '203.0.113.8' });
  });

  it('counts failed sign-ins and the sign-in rate limit against each client’s own address', async () => {
    const first = await failSignIn(t, '198.51.100.1');
    const second = await failSignIn(t, '198.51.100.2');
    expect(first.statusCode).toBe(401);
    expect(second.statusCode).toBe(401);
    expect(first.headers['x-ratelimit-remaining']).toBe('29');
    expect(second.headers['x-ratelimit-remaining']).toBe('29');
    expect(await failuresFrom(t, '198.51.100.1')).toBe(1);
    expect(await failuresFrom(t, '198.51.100.2')).toBe(1);
    expect(await failuresFrom(t, '127.0.0.1')).toBe(0);
  });

  it('sets the session cookie Secure, HttpOnly and SameSite=Lax, and tells browsers to keep to HTTPS', async () => {
    const client = new Client(t.app);
    const res = await client.post(
      '/sign-in',
      { email: 'viewer@walsall.example', password: TEST_PASSWORD },
      { headers: viaProxy('203.0.113.9') },
    );
    expect(res.statusCode).toBe(303);
    expect(res.cookies.find((c) => c.name === 'baton_session')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.headers['strict-transport-security']).toContain('max-age=');
  });
});

describe.each(DIALECTS)('reached directly with TRUST_PROXY=false (%s)', (dialect) => {
  let t: SeeingApp;
  beforeAll(async () => {
    t = await buildSeeingApp(dialect, { TRUST_PROXY: 'false', COOKIE_SECURE: 'true' });
  });
  afterAll(() => t.app.close());

  it('ignores X-Forwarded-Proto and X-Forwarded-For, which anyone could send', async () => {
    const res = await t.app.inject({ url: '/test/seen', headers: viaProxy('203.0.113.7') });
    expect(res.json()).toEqual({ protocol: 'http', ip: '127.0.0.1' });
  });

  it('counts failed sign-ins and the sign-in rate limit against the connecting address, whatever the headers say', async () => {
    const first = await failSignIn(t, '198.51.100.1');
    const second = await failSignIn(t, '198.51.100.2');
    expect(first.headers['x-ratelimit-remaining']).toBe('29');
    expect(second.headers['x-ratelimit-remaining']).toBe('28');
    expect(await failuresFrom(t, '198.51.100.1')).toBe(0);
    expect(await failuresFrom(t, '127.0.0.1')).toBe(2);
  });
});
