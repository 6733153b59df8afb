import { sql } from 'kysely';
import nunjucks from 'nunjucks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sha256 } from '../src/core/secrets.ts';
import { withTenant } from '../src/data/db.ts';
import { findSignedIn } from '../src/data/repositories/sessions.ts';
import { insertMembership, updateMembership } from '../src/data/repositories/memberships.ts';
import { insertUser } from '../src/data/repositories/users.ts';
import { hashPassword } from '../src/services/passwords.ts';
import { createTestApp, DIALECTS, type Client, type TestApp } from './support/app.ts';
import { TEST_PASSWORD } from './support/constants.ts';

/** A second viewer, whose name needs escaping, to share the first viewer's kept pages. */
const OTHER_VIEWER = { email: 'second.viewer@walsall.example', name: 'Siân O’Brien <QA> & "Co"' };
const OTHER_VIEWER_HTML = 'Siân O’Brien &lt;QA&gt; &amp; &quot;Co&quot;';
const FIRST_VIEWER_NAME = 'Tom Baker';

const TRACKER = '/p/walsall/tracker';
const TRACKER_ALL = '/p/walsall/tracker?show=all';

const csrfOf = (html: string) => html.match(/name="_csrf" value="([^"]+)"/)?.[1];
const scriptNonceOf = (html: string) => html.match(/<script nonce="([^"]+)"/)?.[1];

describe.each(DIALECTS)('pages kept per revision and role (%s)', (dialect) => {
  let t: TestApp;
  let walsallId: string;
  let otherViewerId: string;
  let scorecardPath: string;
  let pages: string[];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const { db } = t.database;
    walsallId = (await t.app.services.partnerships.findBySlug('walsall'))!.id;
    const user = await insertUser(db, { ...OTHER_VIEWER, password_hash: await hashPassword(TEST_PASSWORD) });
    otherViewerId = user.id;
    await withTenant(db, { partnershipId: walsallId }, (trx) =>
      insertMembership(trx, { partnership_id: walsallId, user_id: user.id, role: 'viewer', agency_id: null }),
    );
    const scorecard = await withTenant(db, { partnershipId: walsallId }, (trx) =>
      trx.selectFrom('scorecards').select('id').orderBy('title').executeTakeFirstOrThrow(),
    );
    scorecardPath = `/p/walsall/scorecards/${scorecard.id}`;
    pages = ['/p/walsall', TRACKER_ALL, scorecardPath];
  });
  afterAll(() => t.close());

  it('shows each of two people with the same role their own name and CSRF token on the same kept page', async () => {
    const first = await t.signedIn('viewer@walsall.example');
    const second = await t.signedIn(OTHER_VIEWER.email);
    for (const path of pages) {
      const a = await first.get(path);
      const b = await second.get(path);
      const again = await first.get(path);
      expect([a.statusCode, b.statusCode, again.statusCode]).toEqual([200, 200, 200]);
      expect(a.body).toContain(FIRST_VIEWER_NAME);
      expect(a.body).not.toContain('Siân');
      expect(b.body).toContain(OTHER_VIEWER_HTML);
      expect(b.body).not.toContain(FIRST_VIEWER_NAME);
      expect(csrfOf(a.body)).toBe(csrfOf(again.body));
      expect(csrfOf(a.body)).not.toBe(csrfOf(b.body));
      expect(again.body).not.toMatch(/bph[0-9a-f]{32}/);
    }
  });

  it('renders each page once, then sends it kept, for the same and for another person with the same role', async () => {
    const first = await t.signedIn('viewer@walsall.example');
    const second = await t.signedIn(OTHER_VIEWER.email);
    for (const path of pages) await first.get(path);
    const render = vi.spyOn(nunjucks.Environment.prototype, 'render');
    try {
      for (const path of pages) {
        expect((await first.get(path)).statusCode).toBe(200);
        expect((await second.get(path)).statusCode).toBe(200);
      }
      expect(render).not.toHaveBeenCalled();
    } finally {
      render.mockRestore();
    }
  });

  it('puts this response’s CSP nonce in the kept page', async () => {
    const viewer = await t.signedIn('viewer@walsall.example');
    const one = await viewer.get(TRACKER);
    const two = await viewer.get(TRACKER);
    expect(scriptNonceOf(one.body)).not.toBe(scriptNonceOf(two.body));
    expect(String(two.headers['content-security-policy'])).toContain(`'nonce-${scriptNonceOf(two.body)}'`);
  });

  it('accepts a form posted with the token from a kept page, and refuses another person’s', async () => {
    const first = await t.signedIn('viewer@walsall.example');
    const second = await t.signedIn(OTHER_VIEWER.email);
    await first.get(TRACKER);
    const secondsPage = await second.get(TRACKER);
    const firstsPage = await first.get(TRACKER);
    const refused = await first.post('/sign-out', {}, { csrf: csrfOf(secondsPage.body)! });
    expect(refused.statusCode).toBe(403);
    const signedOut = await first.post('/sign-out', {}, { csrf: csrfOf(firstsPage.body)! });
    expect(signedOut.statusCode).toBe(303);
    expect((await first.get(TRACKER)).statusCode).toBe(303);
  });

  it('sends a signed-out person to sign in at once, though their page was kept', async () => {
    const viewer = await t.signedIn('viewer@walsall.example');
    for (const path of pages) expect((await viewer.get(path)).statusCode).toBe(200);
    // As another server would: the session's row goes.
    await t.database.db.deleteFrom('sessions').execute();
    for (const path of pages) expect((await viewer.get(path)).statusCode).toBe(303);
  });

  it('shows a role change at once, and a removal as not found', async () => {
    const person = await t.signedIn(OTHER_VIEWER.email);
    expect((await person.get(TRACKER)).body).toContain('app-account__role">Viewer<');
    await setRole(otherViewerId, 'analyst');
    const promoted = await person.get(TRACKER);
    expect(promoted.body).toContain('app-account__role">Performance analyst<');
    expect(promoted.body).toContain(OTHER_VIEWER_HTML);
    await setRole(otherViewerId, 'viewer');
    expect((await person.get(TRACKER)).body).toContain('app-account__role">Viewer<');
    await withTenant(t.database.db, { partnershipId: walsallId }, (trx) =>
      trx.deleteFrom('memberships').where('user_id', '=', otherViewerId).execute(),
    );
    expect((await person.get(TRACKER)).statusCode).toBe(404);
    await withTenant(t.database.db, { partnershipId: walsallId }, (trx) =>
      insertMembership(trx, { partnership_id: walsallId, user_id: otherViewerId, role: 'viewer', agency_id: null }),
    );
    expect((await person.get(TRACKER)).statusCode).toBe(200);
  });

  it('shows a change to the data at once on every kept page', async () => {
    const viewer = await t.signedIn('viewer@walsall.example');
    const tracker = (await viewer.get(TRACKER_ALL)).body;
    const actionId = tracker.match(/\/p\/walsall\/actions\/([0-9a-f-]{36})/)![1]!;
    const scorecardId = scorecardPath.split('/').pop()!;
    await viewer.get(scorecardPath);
    await viewer.get('/p/walsall');
    await withTenant(t.database.db, { partnershipId: walsallId }, async (trx) => {
      await trx.updateTable('actions').set({ title: 'An action renamed while its page was kept' }).where('id', '=', actionId).execute();
      await trx
        .updateTable('scorecards')
        .set({ title: 'A scorecard renamed while its page was kept' })
        .where('id', '=', scorecardId)
        .execute();
      const board = await trx.selectFrom('boards').select('id').where('partnership_id', '=', walsallId).executeTakeFirstOrThrow();
      await trx.updateTable('boards').set({ name: 'A board renamed while its page was kept' }).where('id', '=', board.id).execute();
    });
    expect((await viewer.get(TRACKER_ALL)).body).toContain('An action renamed while its page was kept');
    expect((await viewer.get(scorecardPath)).body).toContain('A scorecard renamed while its page was kept');
    expect((await viewer.get('/p/walsall')).body).toContain('A board renamed while its page was kept');
  });

  it('keeps what a person owes to themselves on their home page', async () => {
    const contributor = await t.signedIn('contributor@walsall.example');
    const sponsor = await t.signedIn('sponsor@walsall.example');
    const owedBy = async (client: Client) => {
      const body = (await client.get('/p/walsall')).body;
      return body.includes('data-qa="owed"') ? body.split('data-qa="owed"')[1]!.split('</table>')[0]! : '';
    };
    const contributorOwes = await owedBy(contributor);
    const sponsorOwes = await owedBy(sponsor);
    expect(contributorOwes).not.toBe('');
    expect(contributorOwes).not.toBe(sponsorOwes);
    expect(await owedBy(contributor)).toBe(contributorOwes);
  });

  async function setRole(userId: string, role: 'viewer' | 'analyst') {
    await withTenant(t.database.db, { partnershipId: walsallId }, async (trx) => {
      const { version } = await trx
        .selectFrom('memberships')
        .select('version')
        .where('user_id', '=', userId)
        .where('partnership_id', '=', walsallId)
        .executeTakeFirstOrThrow();
      expect(await updateMembership(trx, walsallId, userId, version, { role, agency_id: null })).toBe(true);
    });
  }
});

describe.each(DIALECTS)('the session, membership and revisions in one statement (%s)', (dialect) => {
  let t: TestApp;
  let idHash: string;
  const live = () => ({ idleSince: new Date(Date.now() - 60 * 60_000), createdSince: new Date(Date.now() - 24 * 60 * 60_000) });
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const client = await t.signedIn('viewer@walsall.example');
    idHash = sha256(client.cookies.get('baton_session')!);
  });
  afterAll(() => t.close());

  it('finds the person, their membership and the partnership’s revisions, and leaves no tenant setting behind', async () => {
    await t.database.db.connection().execute(async (conn) => {
      const found = await findSignedIn(conn, idHash, live(), 'walsall');
      expect(found?.user.name).toBe(FIRST_VIEWER_NAME);
      expect(found?.membership?.partnership.slug).toBe('walsall');
      expect(found?.membership?.member).toMatchObject({ name: FIRST_VIEWER_NAME, role: 'viewer', agencyId: null });
      expect(found?.revisions).toEqual({ plans: expect.stringMatching(/^\d+$/), data: expect.stringMatching(/^\d+$/) });
      const after = await sql<{ p: string | null }>`SELECT current_setting('baton.partnership_id', true) AS p`.execute(conn);
      expect(after.rows[0]?.p ?? '').toBe('');
    });
  });

  it.each([
    { slug: 'birmingham', what: 'a partnership they are not in' },
    { slug: 'no-such-partnership', what: 'no partnership' },
    { slug: undefined, what: 'a page outside any partnership' },
  ])('finds the person and no membership for $what', async ({ slug }) => {
    const found = await findSignedIn(t.database.db, idHash, live(), slug);
    expect(found?.user.name).toBe(FIRST_VIEWER_NAME);
    expect(found?.membership).toBeUndefined();
    expect(found?.revisions).toBeUndefined();
  });

  it('finds nothing for an unknown, idle or suspended session', async () => {
    expect(await findSignedIn(t.database.db, sha256('not a session'), live(), 'walsall')).toBeUndefined();
    expect(await findSignedIn(t.database.db, idHash, { ...live(), idleSince: new Date(Date.now() + 60_000) }, 'walsall')).toBeUndefined();
    await t.database.db.updateTable('users').set({ disabled_at: new Date() }).where('email', '=', 'viewer@walsall.example').execute();
    expect(await findSignedIn(t.database.db, idHash, live(), 'walsall')).toBeUndefined();
  });
});
