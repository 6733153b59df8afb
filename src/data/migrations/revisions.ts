import { sql, type Kysely, type RawBuilder } from 'kysely';

type Kind = 'plans' | 'data';

export interface RevisionOptions {
  /**
   * When the triggers fire. BEFORE STATEMENT takes the partnership's row lock before the
   * statement locks any row of its own, so every writer locks in the same order (no deadlocks).
   */
  timing: 'BEFORE' | 'AFTER';
  /** A condition under which the bump is left to the writer (the national load raises the data revision once, at its end). */
  unless?: RawBuilder<unknown>;
}

/**
 * A per-partnership revision number of one kind: the column `partnerships.{kind}_revision`, a
 * function that raises it, and statement triggers that call it on each table, in the same
 * transaction as any change to the table. A change made with no partnership in hand raises every
 * partnership's. A web server may keep what it worked out from those tables for as long as the
 * revision stands (services/revision-cache.ts).
 */
export async function createRevision(db: Kysely<unknown>, kind: Kind, tables: readonly string[], options: RevisionOptions): Promise<void> {
  const column = sql.id(`${kind}_revision`);
  await sql`ALTER TABLE partnerships ADD COLUMN ${column} bigint NOT NULL DEFAULT 0`.execute(db);
  await sql`
    CREATE FUNCTION ${sql.id(`baton_bump_${kind}_revision`)}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${options.unless ? sql`IF ${options.unless} THEN RETURN NULL; END IF;` : sql``}
      UPDATE partnerships SET ${column} = ${column} + 1
      WHERE id = baton_current_partnership() OR baton_current_partnership() IS NULL;
      RETURN NULL;
    END
    $$`.execute(db);
  await createRevisionTriggers(db, kind, tables, options.timing);
}

/** The statement triggers that raise a revision, on each table. */
export async function createRevisionTriggers(db: Kysely<unknown>, kind: Kind, tables: readonly string[], timing: 'BEFORE' | 'AFTER') {
  for (const table of tables) {
    await sql`
      CREATE TRIGGER ${sql.id(`${table}_${kind}_revision`)} ${sql.raw(timing)} INSERT OR UPDATE OR DELETE ON ${sql.table(table)}
        FOR EACH STATEMENT EXECUTE FUNCTION ${sql.id(`baton_bump_${kind}_revision`)}()`.execute(db);
  }
}

export async function dropRevisionTriggers(db: Kysely<unknown>, kind: Kind, tables: readonly string[]) {
  for (const table of tables) await sql`DROP TRIGGER IF EXISTS ${sql.id(`${table}_${kind}_revision`)} ON ${sql.table(table)}`.execute(db);
}

export async function dropRevision(db: Kysely<unknown>, kind: Kind, tables: readonly string[]): Promise<void> {
  await dropRevisionTriggers(db, kind, tables);
  await sql`DROP FUNCTION IF EXISTS ${sql.id(`baton_bump_${kind}_revision`)}()`.execute(db);
  await sql`ALTER TABLE partnerships DROP COLUMN ${sql.id(`${kind}_revision`)}`.execute(db);
}
