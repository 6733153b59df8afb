import { sql, type Kysely } from 'kysely';
import { createRevisionTriggers, dropRevisionTriggers } from './revisions.ts';
import { dropTables, protectTenantTables } from './tenant-tables.ts';

/**
 * Re-baselining (issue 14, decision 0014): an action's and a milestone's original due date — the
 * date promised when the plan was approved — kept beside the current one, and every agreed change
 * of a promised date or target kept with its reason and who agreed it.
 */
const TABLES = ['rebaselines'];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['actions', 'milestones']) {
    await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN original_due_date date`.execute(db);
    await sql`UPDATE ${sql.table(table)} SET original_due_date = due_date`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} ALTER COLUMN original_due_date SET NOT NULL`.execute(db);
  }
  // Whoever adds an action or a milestone (a form, the API, the demo's bulk load), its first due date is the promise.
  await sql`
    CREATE FUNCTION baton_original_due_date() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.original_due_date := coalesce(NEW.original_due_date, NEW.due_date);
      RETURN NEW;
    END
    $$`.execute(db);
  for (const table of ['actions', 'milestones']) {
    await sql`
      CREATE TRIGGER ${sql.id(`${table}_original_due_date`)} BEFORE INSERT ON ${sql.table(table)}
        FOR EACH ROW EXECUTE FUNCTION baton_original_due_date()`.execute(db);
  }
  await sql`
    CREATE TABLE rebaselines (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      entity_type text NOT NULL CHECK (entity_type IN ('action', 'milestone', 'measure')),
      entity_id uuid NOT NULL,
      field text NOT NULL CHECK (field IN ('due_date', 'target', 'target_date')),
      before text NOT NULL,
      after text NOT NULL,
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
      agreed_by text NOT NULL CHECK (agreed_by IN ('sponsor', 'board')),
      board_id uuid,
      meeting_on date,
      recorded_by uuid REFERENCES users(id),
      recorded_by_label text NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((agreed_by = 'board') = (board_id IS NOT NULL AND meeting_on IS NOT NULL)),
      FOREIGN KEY (partnership_id, board_id) REFERENCES boards (partnership_id, id)
    )`.execute(db);
  await sql`CREATE INDEX rebaselines_entity_idx ON rebaselines (partnership_id, entity_id, recorded_at)`.execute(db);
  await protectTenantTables(db, TABLES);
  await createRevisionTriggers(db, 'plans', TABLES, 'BEFORE');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropRevisionTriggers(db, 'plans', TABLES);
  await dropTables(db, TABLES);
  for (const table of ['actions', 'milestones']) {
    await sql`DROP TRIGGER IF EXISTS ${sql.id(`${table}_original_due_date`)} ON ${sql.table(table)}`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} DROP COLUMN original_due_date`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS baton_original_due_date()`.execute(db);
}
