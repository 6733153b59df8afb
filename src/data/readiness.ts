import { sql } from 'kysely';
import { DEFAULT_MIGRATION_TABLE } from 'kysely/migration';
import type { DbOrTrx } from './db.ts';
import { migrations } from './migrations/index.ts';

/** How the database's migrations compare with this code's: both lists empty means they match. */
export interface MigrationState {
  /** Migrations this code has that the database has not had applied (the code is newer). */
  pending: string[];
  /** Migrations the database has had applied that this code does not know (the database is newer). */
  unknown: string[];
}

/** The migrations the database records as applied; none when it has never been migrated. */
async function recordedMigrations(db: DbOrTrx): Promise<string[]> {
  const table = DEFAULT_MIGRATION_TABLE;
  const { rows } = await sql<{ present: boolean }>`SELECT to_regclass(${table}) IS NOT NULL AS present`.execute(db);
  if (!rows[0]?.present) return [];
  const recorded = await sql<{ name: string }>`SELECT name FROM ${sql.table(table)} ORDER BY name`.execute(db);
  return recorded.rows.map((r) => r.name);
}

/**
 * Compares the migrations the database records with those this code knows; throws when the
 * database cannot be reached (what /readyz reports).
 * @example const { pending, unknown } = await migrationState(db);
 */
export async function migrationState(db: DbOrTrx, known: readonly string[] = Object.keys(migrations)): Promise<MigrationState> {
  const applied = await recordedMigrations(db);
  return { pending: known.filter((name) => !applied.includes(name)), unknown: applied.filter((name) => !known.includes(name)) };
}
