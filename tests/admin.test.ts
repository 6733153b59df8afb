import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/data/db.ts';
import { createTestApp, DIALECTS, type Client, type TestApp } from './support/app.ts';
import { TEST_PASSWORD } from './support/constants.ts';

describe.each(DIALECTS)('a partnership admin (%s)', (dialect) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.signedIn('admin@walsall.example');
  });
  afterAll(() => t.close());

  const auditCount = async () => {
    const walsall = (await t.app.services.partnerships.findBySlug('walsall'))!;
    return withTenant(
      t.database.db,
      { partnershipId: walsall.id },
      async (trx) => (await trx.selectFrom('audit_events').select('id').execute()).length,
    );
  };

  it('adds a person who can then sign in with their role', async () => {
    const res = await admin.post('/p/walsall/admin/people', {
      name: 'Priya Patel',
      email: 'Priya.Patel@walsall.example',
      role: 'analyst',
      agencyId: '',
      password: 'a long enough password',
    });
    expect(res.statusCode).toBe(303);
    const priya = t.client();
    expect((await priya.signIn('priya.patel@walsall.example', 'a long enough password')).statusCode).toBe(303);
    expect((await priya.get('/p/walsall')).body).toContain('Performance analyst');
  });

  it.each([
    ['/p/walsall/admin/people?notice=added', 'Person added'],
    ['/p/walsall/admin/agencies?notice=added', 'Agency added'],
    ['/p/walsall/admin/boards?notice=changed', 'Board changed'],
    ['/p/walsall/account/tokens?notice=revoked', 'Token revoked'],
  ])('shows the success banner on %s', async (url, text) => {
    const res = await admin.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('govuk-notification-banner--success');
    expect(res.body).toContain(text);
  });

  it('ignores a notice key it does not know', async () => {
    const res = await admin.get('/p/walsall/admin/agencies?notice=%3Cscript%3E');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('govuk-notification-banner');
  });

  it('shows every field error in a GOV.UK error summary and writes nothing', async () => {
    const before = await auditCount();
    const res = await admin.post('/p/walsall/admin/people', { name: '', email: 'not-an-email', role: 'emperor', password: 'short' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain('href="#name"');
    expect(res.body).toContain('href="#email"');
    expect(res.body).toContain('href="#role"');
    expect(res.body).toContain('Password must be at least 12 characters');
    expect(await auditCount()).toBe(before);
  });

  it.each([
    ['password1234', 'one of the passwords most often used and tried by attackers'],
    ['aaaaaaaaaaaa', 'a simple pattern'],
    ['Jo Bloggs 2024!', 'mostly the person’s name or e-mail address'],
  ])('refuses the password %s, saying why, and writes nothing', async (password, why) => {
    const before = await auditCount();
    const person = { name: 'Jo Bloggs', email: 'jo.bloggs@walsall.example', role: 'viewer', agencyId: '', password };
    const res = await admin.post('/p/walsall/admin/people', person);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#password"');
    expect(res.body).toContain(why);
    expect(await auditCount()).toBe(before);
  });

  it('refuses an agency from another partnership', async () => {
    const birmingham = (await t.app.services.partnerships.findBySlug('birmingham'))!;
    const [agency] = await t.app.services.admin.listAgencies(birmingham.id, { userId: null, label: 'test' });
    const res = await admin.post('/p/walsall/admin/people', {
      name: 'Cross Border',
      email: 'cross@walsall.example',
      role: 'viewer',
      agencyId: agency!.id,
      password: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Choose an agency from the list');
  });

  it('will not leave the partnership without an admin', async () => {
    const me = await t.database.db.selectFrom('users').select('id').where('email', '=', 'admin@walsall.example').executeTakeFirstOrThrow();
    const res = await admin.post(`/p/walsall/admin/people/${me.id}`, { role: 'viewer', agencyId: '', version: '1' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('A partnership needs at least one admin');
  });

  it('refuses a stale edit of an agency and keeps the first save', async () => {
    const [agency] = await t.app.services.admin.listAgencies((await t.app.services.partnerships.findBySlug('walsall'))!.id, {
      userId: null,
      label: 'test',
    });
    const first = await admin.post(`/p/walsall/admin/agencies/${agency!.id}`, { name: 'First name', sector: 'council', version: '1' });
    const second = await admin.post(`/p/walsall/admin/agencies/${agency!.id}`, { name: 'Second name', sector: 'council', version: '1' });
    expect(first.statusCode).toBe(303);
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('Someone else changed this');
    expect((await admin.get('/p/walsall/admin/agencies')).body).toContain('First name');
  });

  it('records who changed what, from what to what', async () => {
    await admin.post('/p/walsall/admin/boards', { name: 'Early Help Sub-group', kind: 'committee', purpose: 'Early help' });
    const walsall = (await t.app.services.partnerships.findBySlug('walsall'))!;
    const [event] = await withTenant(t.database.db, { partnershipId: walsall.id }, (trx) =>
      trx.selectFrom('audit_events').selectAll().where('entity_type', '=', 'board').orderBy('at', 'desc').limit(1).execute(),
    );
    expect(event).toMatchObject({
      action: 'create',
      actor: 'Amara Okafor <admin@walsall.example>',
      summary: 'Added board Early Help Sub-group',
    });
    expect(event!.after).toEqual({ name: 'Early Help Sub-group', kind: 'committee', purpose: 'Early help' });
  });

  it('filters the audit log by type and downloads it as CSV', async () => {
    const page = await admin.get('/p/walsall/admin/audit?type=board');
    expect(page.body).toContain('Added board Early Help Sub-group');
    expect(page.body).not.toContain('Changed agency');
    const csv = await admin.get('/p/walsall/admin/audit.csv?type=board');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n')[0]).toBe('when,who,action,type,id,summary,before,after');
    expect(csv.body).toContain('Added board Early Help Sub-group');
  });

  it('explains a bad audit date range instead of failing', async () => {
    const res = await admin.get('/p/walsall/admin/audit?from=2026-12-01&to=2026-01-01');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('The ‘to’ date must be the same as or after the ‘from’ date');
  });

  it('filters the audit log by dates typed in day, month and year boxes, as a link’s ISO dates do', async () => {
    const boxes = await admin.get('/p/walsall/admin/audit?type=board&from-day=1&from-month=Jan&from-year=2000&to-day=&to-month=&to-year=');
    expect(boxes.statusCode).toBe(200);
    expect(boxes.body).toContain('Added board Early Help Sub-group');
    expect(boxes.body).toMatch(/name="from-month" type="text" value="Jan"/);
    const link = await admin.get('/p/walsall/admin/audit?type=board&from=2000-01-01');
    expect(link.body).toContain('Added board Early Help Sub-group');
    expect(link.body).toMatch(/name="from-year" type="text" value="2000"/);
    const future = await admin.get('/p/walsall/admin/audit?type=board&to-day=1&to-month=1&to-year=2000');
    expect(future.body).not.toContain('Added board Early Help Sub-group');
  });

  it.each([
    { query: 'from-day=31&from-month=2&from-year=2014', message: 'Date from must be a real date' },
    { query: 'from-day=1&from-month=&from-year=2014', message: 'Date from must include a month' },
    { query: 'to-day=1&to-month=2&to-year=14', message: 'Date to must include a year with 4 numbers' },
    { query: 'from=2014-02-31', message: 'Date from must be a real date' },
  ])('shows the audit page with its error summary for $query', async ({ query, message }) => {
    const res = await admin.get(`/p/walsall/admin/audit?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain(message);
    expect(res.body).toContain('<h1 class="govuk-heading-l">Audit log</h1>');
  });

  it('escapes what people type wherever it is shown', async () => {
    await admin.post('/p/walsall/admin/agencies', { name: '<script>alert(1)</script> Trust', sector: 'health' });
    const page = await admin.get('/p/walsall/admin/agencies');
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Trust');
  });

  it('neutralises formulas in the audit CSV', async () => {
    await admin.post('/p/walsall/admin/boards', { name: '=HYPERLINK("http://x")', kind: 'committee', purpose: '' });
    const csv = await admin.get('/p/walsall/admin/audit.csv?type=board');
    expect(csv.body).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('answers 404, not an error, for an id that is not a UUID', async () => {
    expect((await admin.get('/p/walsall/admin/boards/not-a-uuid')).statusCode).toBe(404);
  });

  it('refuses an oversized form with 413 and no stack trace', async () => {
    const res = await admin.post('/p/walsall/admin/boards', { name: 'x', kind: 'committee', purpose: 'y'.repeat(2 * 1024 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });
});
