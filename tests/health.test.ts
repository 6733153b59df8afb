import { sql, type RawBuilder } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../src/data/migrations/index.ts';
import { createTestApp, DIALECTS, type TestApp } from './support/app.ts';

const NEWEST_MIGRATION = Object.keys(migrations).at(-1)!;
const FROM_A_NEWER_BATON = '2999-01-01T0000-from-a-newer-baton';

/** Changes the database's record of migrations as its owner would (the app's own role only needs to read it). */
async function asOwner(t: TestApp, statement: RawBuilder<unknown>) {
  await t.database.db.transaction().execute(async (trx) => {
    await sql`SET LOCAL ROLE NONE`.execute(trx);
    await statement.execute(trx);
  });
}

describe.each(DIALECTS)('the load balancer’s probes (%s)', (dialect) => {
  it('/healthz and /readyz answer 200 on a migrated database', async () => {
    const t = await createTestApp(dialect);
    const health = await t.app.inject({ url: '/healthz' });
    const ready = await t.app.inject({ url: '/readyz' });
    await t.close();
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('/readyz answers 503 naming a migration the database lacks; /healthz stays 200', async () => {
    const t = await createTestApp(dialect);
    await asOwner(t, sql`DELETE FROM kysely_migration WHERE name = ${NEWEST_MIGRATION}`);
    const ready = await t.app.inject({ url: '/readyz' });
    const health = await t.app.inject({ url: '/healthz' });
    await t.close();
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({
      status: 'unavailable',
      reason: 'migrations pending',
      detail: expect.stringContaining('restart Baton'),
      migrations: [NEWEST_MIGRATION],
    });
    expect(health.statusCode).toBe(200);
  });

  it('/readyz answers 503 when a newer version of Baton has migrated the database', async () => {
    const t = await createTestApp(dialect);
    await asOwner(t, sql`INSERT INTO kysely_migration (name, timestamp) VALUES (${FROM_A_NEWER_BATON}, ${new Date().toISOString()})`);
    const ready = await t.app.inject({ url: '/readyz' });
    await t.close();
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({
      status: 'unavailable',
      reason: 'database newer than code',
      detail: expect.stringContaining('This database was last used by a newer version of Baton'),
      migrations: [FROM_A_NEWER_BATON],
    });
  });

  it('/healthz answers 200 without the database, and /readyz 503 saying it is unreachable', async () => {
    const t = await createTestApp(dialect);
    await t.database.close();
    const health = await t.app.inject({ url: '/healthz' });
    const ready = await t.app.inject({ url: '/readyz' });
    await t.close();
    expect(health.statusCode).toBe(200);
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'unavailable', reason: 'database unreachable', detail: 'Baton cannot reach its database.' });
  });
});
