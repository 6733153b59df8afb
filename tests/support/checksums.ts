import pg from 'pg';
import { inject } from 'vitest';
import { sql } from 'kysely';
import type { RawQuery } from '../../src/data/db.ts';
import { checksumDifferences, tableChecksums, type TableChecksum } from '../../src/data/checksums.ts';
import { withDatabase } from './global-setup.ts';
import type { TestApp } from './app.ts';

/** Tables a read changes on purpose (a session's last sight, a token's last use): compared by row count only. */
const TOUCHED_BY_READS = new Set(['sessions', 'api_tokens']);

const owners = new WeakMap<TestApp, Promise<pg.Client>>();

/** A connection of the server's owner to the test app's database, opened once (see releaseOwner). */
function ownerClient(t: TestApp): Promise<pg.Client> {
  let client = owners.get(t);
  if (!client) {
    client = (async () => {
      const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(t.database.db);
      const c = new pg.Client({ connectionString: withDatabase(inject('postgresUrl'), rows[0]!.name) });
      c.on('error', () => {}); // the database is dropped with the app; releaseOwner ends this first
      await c.connect();
      return c;
    })();
    owners.set(t, client);
  }
  return client;
}

/**
 * Runs raw queries in one transaction as a role that sees every partnership's rows: PGlite's
 * exclusive section, or the server's owner (rolled back afterwards).
 */
async function asOwner<T>(t: TestApp, work: (query: RawQuery) => Promise<T>): Promise<T> {
  if (t.database.exclusive) return t.database.exclusive(work);
  const client = await ownerClient(t);
  await client.query('BEGIN');
  try {
    return await work(async (text, params) => (await client.query(text, params)).rows);
  } finally {
    await client.query('ROLLBACK');
  }
}

/** Ends the owner's connection, if one was opened: call before closing the test app. */
export async function releaseOwner(t: TestApp): Promise<void> {
  const client = owners.get(t);
  owners.delete(t);
  if (client) await (await client).end();
}

/** Every table's rows and checksum (see src/data/checksums.ts). */
export async function databaseChecksums(t: TestApp): Promise<TableChecksum[]> {
  const sums = await asOwner(t, (query) => tableChecksums(query));
  return sums.map((c) => (TOUCHED_BY_READS.has(c.table) ? { ...c, md5: '' } : c));
}

/** How many events the audit log holds, across partnerships. */
export async function auditEvents(t: TestApp): Promise<number> {
  return asOwner(t, async (query) => Number((await query('SELECT count(*)::int AS n FROM audit_events'))[0]!.n));
}

/** The tables that differ between two readings: none when nothing was written. */
export const writtenTables = checksumDifferences;
