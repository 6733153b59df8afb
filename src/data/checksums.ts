import type { RawQuery } from './db.ts';

/** One table's fingerprint: how many rows and an md5 over every row's text, in a fixed order. */
export interface TableChecksum {
  table: string;
  rows: number;
  md5: string;
}

/** Kysely's own bookkeeping: it records when each migration ran, which differs between two databases by design. */
const MIGRATOR_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

/**
 * Settings that make a row's text the same on any PostgreSQL (embedded or a server, any time zone):
 * the checksums of a copy and its original can then be compared.
 */
const CANONICAL_SETTINGS = [
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL DateStyle = 'ISO, YMD'",
  'SET LOCAL extra_float_digits = 1',
  "SET LOCAL IntervalStyle = 'postgres'",
];

/** Baton's tables in the public schema, by name (migrator bookkeeping excluded). */
export async function listTables(query: RawQuery): Promise<string[]> {
  const rows = await query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
  );
  return rows.map((r) => String(r.name)).filter((name) => !MIGRATOR_TABLES.has(name));
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Row count and checksum of each table. Rows are hashed one by one and the hashes sorted, so the
 * result does not depend on physical order or on keys. Run inside a transaction (it sets
 * transaction-local settings) by a role that sees every partnership's rows.
 */
export async function tableChecksums(query: RawQuery, tables?: readonly string[]): Promise<TableChecksum[]> {
  for (const setting of CANONICAL_SETTINGS) await query(setting);
  const result: TableChecksum[] = [];
  for (const table of tables ?? (await listTables(query))) {
    const [row] = await query(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(h, '' ORDER BY h), '')) AS md5
       FROM (SELECT md5(t::text) AS h FROM ${ident(table)} t) hashed`,
    );
    result.push({ table, rows: Number(row!.rows), md5: String(row!.md5) });
  }
  return result;
}

/** Tables whose count or checksum differ between two sets (or that one side lacks). */
export function checksumDifferences(expected: readonly TableChecksum[], actual: readonly TableChecksum[]): string[] {
  const found = new Map(actual.map((c) => [c.table, c]));
  const problems: string[] = [];
  for (const want of expected) {
    const got = found.get(want.table);
    if (!got) problems.push(`${want.table}: missing`);
    else if (got.rows !== want.rows) problems.push(`${want.table}: ${got.rows} rows, expected ${want.rows}`);
    else if (got.md5 !== want.md5) problems.push(`${want.table}: same ${got.rows} rows but different contents`);
    found.delete(want.table);
  }
  for (const extra of found.keys()) problems.push(`${extra}: not expected`);
  return problems;
}

export { ident as quoteIdent };
