import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Client, type TestApp } from './support/app.ts';
import { TEST_PASSWORD } from './support/constants.ts';

describe.each(DIALECTS)('signing in and out (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('signs in with the right password and lands on the partnership home', async () => {
    const client = t.client();
    const res = await client.signIn('admin@walsall.example', TEST_PASSWORD);
    expect(res.statusCode).toBe(303);
    const home = await client.get('/p/walsall');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Walsall Children and Young People’s Partnership');
  });

  it('sets the session cookie HttpOnly and SameSite=Lax', async () => {
    const res = await t.client().signIn('viewer@walsall.example', TEST_PASSWORD);
    const session = res.cookies.find((c) => c.name === 'baton_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  it('marks the session cookie Secure when COOKIE_SECURE is set', async () => {
    const secure = await createTestApp(dialect, { COOKIE_SECURE: 'true' });
    const res = await secure.client().signIn('viewer@walsall.example', TEST_PASSWORD);
    await secure.close();
    expect(res.cookies.find((c) => c.name === 'baton_session')?.secure).toBe(true);
  });

  it('gives the same message for a wrong password and an unknown e-mail', async () => {
    const wrongPassword = await t.client().signIn('member@walsall.example', 'not the password at all');
    const unknownEmail = await t.client().signIn('nobody@walsall.example', 'not the password at all');
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.body).toContain('Enter a correct e-mail address and password');
    expect(unknownEmail.body).toContain('Enter a correct e-mail address and password');
    expect(wrongPassword.cookies.some((c) => c.name === 'baton_session')).toBe(false);
  });

  it('shows an error summary linked to the field when the e-mail is missing', async () => {
    const res = await t.client().post('/sign-in', { email: '', password: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('There is a problem');
    expect(res.body).toContain('href="#email"');
  });

  it('refuses a sign-in without a CSRF token with 403', async () => {
    const client = t.client();
    await client.get('/sign-in');
    const res = await client.post('/sign-in', { email: 'admin@walsall.example', password: TEST_PASSWORD }, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(client.cookies.has('baton_session')).toBe(false);
  });

  it('slows the next try from the same place after five failures, even with the right password', async () => {
    const client = t.client();
    for (let i = 0; i < 5; i++) await client.signIn('contributor@walsall.example', `wrong password ${i}!!`);
    const res = await client.signIn('contributor@walsall.example', TEST_PASSWORD);
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.body).toContain('Too many failed attempts to sign in from here. Wait 1 second, then try again.');
  });

  it('keeps a session alive to the minute: active every 20 seconds with a 1-minute idle limit', async () => {
    const strict = await createTestApp(dialect, { BATON_SESSION_IDLE_MINUTES: '1' });
    const client = await strict.signedIn('viewer@walsall.example');
    const twentySecondsLater = async () => {
      await strict.database.db
        .updateTable('sessions')
        .set({ last_seen_at: sql`last_seen_at - interval '20 seconds'` })
        .execute();
      return (await client.get('/p/walsall')).statusCode;
    };
    const statuses = [await twentySecondsLater(), await twentySecondsLater(), await twentySecondsLater(), await twentySecondsLater()];
    await strict.close();
    expect(statuses).toEqual([200, 200, 200, 200]);
  });

  it('gives a new session id at each sign-in and ends the old one', async () => {
    const client = await t.signedIn('analyst@walsall.example');
    const first = client.cookies.get('baton_session');
    await client.signIn('analyst@walsall.example', TEST_PASSWORD);
    const second = client.cookies.get('baton_session');
    expect(second).not.toBe(first);
    const stale = t.client();
    stale.cookies.set('baton_session', first!);
    expect((await stale.get('/p/walsall')).statusCode).toBe(303);
  });

  it('signs out and the session no longer works', async () => {
    const client = await t.signedIn('sponsor@walsall.example');
    const session = client.cookies.get('baton_session')!;
    const res = await client.post('/sign-out', {});
    expect(res.statusCode).toBe(303);
    const replay = t.client();
    replay.cookies.set('baton_session', session);
    const after = await replay.get('/p/walsall');
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toBe('/sign-in?next=%2Fp%2Fwalsall');
  });

  it('ends a session that has been idle longer than the idle timeout', async () => {
    const idle = await createTestApp(dialect, { BATON_SESSION_IDLE_MINUTES: '0' });
    const client = await idle.signedIn('viewer@walsall.example');
    const res = await client.get('/p/walsall');
    await idle.close();
    expect(res.statusCode).toBe(303);
  });

  it('does not redirect to another site after sign-in', async () => {
    const res = await t.client().post('/sign-in', { email: 'viewer@walsall.example', password: TEST_PASSWORD, next: '//evil.example/' });
    expect(res.headers.location).toBe('/');
  });
});

describe.each(DIALECTS)('sign-in throttling that cannot be turned against a person (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { TRUST_PROXY: 'true' });
  });
  afterAll(() => t.close());

  const from = (address: string) => ({ headers: { 'x-forwarded-for': address, 'x-forwarded-proto': 'https' } });
  const signInFrom = (client: Client, address: string, email: string, password: string) =>
    client.post('/sign-in', { email, password }, from(address));
  const failuresAlreadyRecorded = (key: string, count: number, secondsAgo: number) =>
    t.database.db
      .insertInto('sign_in_failures')
      .values(Array.from({ length: count }, () => ({ key, failed_at: new Date(Date.now() - secondsAgo * 1000) })))
      .execute();

  it('lets the owner sign in from elsewhere while wrong passwords flood in from one address', async () => {
    const attacker = t.client();
    const attempts = Array.from({ length: 8 }, (_, i) =>
      signInFrom(attacker, '203.0.113.66', 'admin@walsall.example', `guess number ${i}`),
    );
    const answers = await Promise.all(attempts);
    const owner = await signInFrom(t.client(), '198.51.100.20', 'admin@walsall.example', TEST_PASSWORD);
    expect(answers.map((r) => r.statusCode)).not.toContain(303);
    expect(owner.statusCode).toBe(303);
  });

  it('brakes a spray of many accounts from one address, and only that address', async () => {
    await failuresAlreadyRecorded('address:203.0.113.77', 30, 0);
    const sprayer = await signInFrom(t.client(), '203.0.113.77', 'member@walsall.example', TEST_PASSWORD);
    const neighbour = await signInFrom(t.client(), '198.51.100.21', 'member@walsall.example', TEST_PASSWORD);
    expect(sprayer.statusCode).toBe(429);
    expect(neighbour.statusCode).toBe(303);
  });

  it('makes the wait grow with each failure and ends it when the time has passed', async () => {
    await failuresAlreadyRecorded('pair:sponsor@walsall.example|203.0.113.88', 7, 0);
    await failuresAlreadyRecorded('pair:analyst@walsall.example|203.0.113.88', 7, 5);
    const stillWaiting = await signInFrom(t.client(), '203.0.113.88', 'sponsor@walsall.example', TEST_PASSWORD);
    const waitedEnough = await signInFrom(t.client(), '203.0.113.88', 'analyst@walsall.example', TEST_PASSWORD);
    expect(stillWaiting.statusCode).toBe(429);
    expect(stillWaiting.headers['retry-after']).toBe('4');
    expect(waitedEnough.statusCode).toBe(303);
  });
});

describe('housekeeping', () => {
  it('purges sessions that can no longer be used', async () => {
    const t = await createTestApp('pglite', { BATON_SESSION_IDLE_MINUTES: '0' });
    await t.client().signIn('viewer@walsall.example', TEST_PASSWORD);
    await t.app.services.auth.purgeExpired();
    const left = await t.database.db.selectFrom('sessions').select('id_hash').execute();
    await t.close();
    expect(left).toEqual([]);
  });
});
