import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/data/db.ts';
import { findMembershipBySlug } from '../src/data/repositories/memberships.ts';
import { createTestApp, DIALECTS, type TestApp } from './support/app.ts';

/** Row-level security is the second wall: it holds even when a query forgets to filter. */
describe.each(DIALECTS)('row-level security (%s)', (dialect) => {
  let t: TestApp;
  let walsall: string;
  let birmingham: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    walsall = (await t.app.services.partnerships.findBySlug('walsall'))!.id;
    birmingham = (await t.app.services.partnerships.findBySlug('birmingham'))!.id;
  });
  afterAll(() => t.close());

  it('puts forced row-level security with a policy on every table that has a partnership_id', async () => {
    const { rows } = await sql<{ table: string; forced: boolean; policies: number }>`
      SELECT c.relname AS table, c.relforcerowsecurity AS forced,
             (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'partnership_id' AND NOT a.attisdropped)
      ORDER BY 1`.execute(t.database.db);
    expect(rows.length).toBeGreaterThanOrEqual(13);
    expect(rows.filter((r) => !r.forced || r.policies === 0)).toEqual([]);
  });

  it('shows no partnership-owned rows outside a partnership transaction', async () => {
    const rows = await t.database.db.selectFrom('agencies').select('id').execute();
    expect(rows).toEqual([]);
  });

  it('finds a membership by slug in one statement and leaves no tenant setting behind', async () => {
    const admin = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'admin@walsall.example')
      .executeTakeFirstOrThrow();
    await t.database.db.connection().execute(async (conn) => {
      const found = await findMembershipBySlug(conn, 'walsall', admin.id);
      expect(found?.partnership.id).toBe(walsall);
      expect(found?.member.role).toBe('admin');
      expect(await findMembershipBySlug(conn, 'birmingham', admin.id)).toBeUndefined();
      expect(await findMembershipBySlug(conn, 'no-such-partnership', admin.id)).toBeUndefined();
      const after = await sql<{ p: string | null }>`SELECT current_setting('baton.partnership_id', true) AS p`.execute(conn);
      expect(after.rows[0]?.p ?? '').toBe('');
      expect(await conn.selectFrom('agencies').select('id').execute()).toEqual([]);
    });
  });

  it('shows only the bound partnership’s agencies to an unfiltered query', async () => {
    const owners = await withTenant(t.database.db, { partnershipId: walsall }, (trx) =>
      trx.selectFrom('agencies').select('partnership_id').distinct().execute(),
    );
    expect(owners).toEqual([{ partnership_id: walsall }]);
  });

  it('refuses to write a row into another partnership', async () => {
    const attempt = withTenant(t.database.db, { partnershipId: walsall }, (trx) =>
      trx.insertInto('boards').values({ partnership_id: birmingham, name: 'Smuggled board', kind: 'committee', purpose: '' }).execute(),
    );
    await expect(attempt).rejects.toThrow(/row-level security/);
  });

  it('cannot update another partnership’s rows', async () => {
    const result = await withTenant(t.database.db, { partnershipId: walsall }, (trx) =>
      trx.updateTable('boards').set({ name: 'Renamed' }).where('partnership_id', '=', birmingham).executeTakeFirst(),
    );
    expect(result.numUpdatedRows).toBe(0n);
  });

  it('runs the application as a role that row-level security applies to', async () => {
    const { rows } = await sql<{ role: string; bypass: boolean }>`
      SELECT current_user AS role, rolbypassrls OR rolsuper AS bypass FROM pg_roles WHERE rolname = current_user`.execute(t.database.db);
    expect(rows).toEqual([{ role: 'baton_app', bypass: false }]);
  });
});
