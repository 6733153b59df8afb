import { sql, type Kysely } from 'kysely';

/** Every table whose rows the promise tracker shows. */
const WATCHED = [
  'plans',
  'priorities',
  'priority_agencies',
  'measures',
  'actions',
  'action_agencies',
  'milestones',
  'action_updates',
  'agencies',
  'boards',
] as const;

/**
 * A per-partnership revision number, raised in the same transaction as any change to its plans,
 * actions, updates, agencies or boards. A web server may keep what it worked out from those rows
 * for as long as the revision stands: any instance's write raises it, so no instance serves
 * stale figures.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE partnerships ADD COLUMN plans_revision bigint NOT NULL DEFAULT 0`.execute(db);
  await sql`
    CREATE FUNCTION baton_bump_plans_revision() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE partnerships SET plans_revision = plans_revision + 1
      WHERE id = baton_current_partnership() OR baton_current_partnership() IS NULL;
      RETURN NULL;
    END
    $$`.execute(db);
  for (const table of WATCHED) {
    await sql`
      CREATE TRIGGER ${sql.id(`${table}_plans_revision`)} AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(table)}
        FOR EACH STATEMENT EXECUTE FUNCTION baton_bump_plans_revision()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of WATCHED) await sql`DROP TRIGGER IF EXISTS ${sql.id(`${table}_plans_revision`)} ON ${sql.table(table)}`.execute(db);
  await sql`DROP FUNCTION IF EXISTS baton_bump_plans_revision()`.execute(db);
  await sql`ALTER TABLE partnerships DROP COLUMN plans_revision`.execute(db);
}
