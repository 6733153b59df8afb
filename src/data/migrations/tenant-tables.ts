import { sql, type Kysely } from 'kysely';

/**
 * Puts partnership-owned tables behind row-level security: forced (so even the owner is bound),
 * one policy on `partnership_id`, and the application role's grants. Migrations call it for the
 * tables they create; change it only by adding a new helper, as applied migrations never rerun.
 */
export async function protectTenantTables(db: Kysely<unknown>, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    await sql`ALTER TABLE ${sql.table(table)} ENABLE ROW LEVEL SECURITY`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} FORCE ROW LEVEL SECURITY`.execute(db);
    await sql`CREATE POLICY tenant ON ${sql.table(table)} USING (partnership_id = baton_current_partnership())`.execute(db);
    await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ${sql.table(table)} TO baton_app`.execute(db);
  }
}

/** Drops tables in the reverse of the order they were created. */
export async function dropTables(db: Kysely<unknown>, tables: readonly string[]): Promise<void> {
  for (const table of [...tables].reverse()) await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
}
