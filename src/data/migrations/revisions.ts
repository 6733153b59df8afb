import { sql, type Kysely } from 'kysely';

/**
 * A per-partnership revision number of one kind ('plans' or 'data'): the column
 * `partnerships.{kind}_revision`, and statement triggers on each table that raise it in the same
 * transaction as any change to the table. A change made with no partnership in hand raises every
 * partnership's. A web server may keep what it worked out from those tables for as long as the
 * revision stands (see services/revision-cache.ts).
 */
export async function createRevision(db: Kysely<unknown>, kind: 'plans' | 'data', tables: readonly string[]): Promise<void> {
  const column = sql.id(`${kind}_revision`);
  const bump = sql.id(`baton_bump_${kind}_revision`);
  await sql`ALTER TABLE partnerships ADD COLUMN ${column} bigint NOT NULL DEFAULT 0`.execute(db);
  await sql`
    CREATE FUNCTION ${bump}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE partnerships SET ${column} = ${column} + 1
      WHERE id = baton_current_partnership() OR baton_current_partnership() IS NULL;
      RETURN NULL;
    END
    $$`.execute(db);
  for (const table of tables) {
    await sql`
      CREATE TRIGGER ${sql.id(`${table}_${kind}_revision`)} AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(table)}
        FOR EACH STATEMENT EXECUTE FUNCTION ${bump}()`.execute(db);
  }
}

export async function dropRevision(db: Kysely<unknown>, kind: 'plans' | 'data', tables: readonly string[]): Promise<void> {
  for (const table of tables) await sql`DROP TRIGGER IF EXISTS ${sql.id(`${table}_${kind}_revision`)} ON ${sql.table(table)}`.execute(db);
  await sql`DROP FUNCTION IF EXISTS ${sql.id(`baton_bump_${kind}_revision`)}()`.execute(db);
  await sql`ALTER TABLE partnerships DROP COLUMN ${sql.id(`${kind}_revision`)}`.execute(db);
}
