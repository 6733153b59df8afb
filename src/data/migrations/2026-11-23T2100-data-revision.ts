import { sql, type Kysely } from 'kysely';
import { createRevision, dropRevision } from './revisions.ts';

/** Every table whose rows an indicator page or a scorecard shows. */
const WATCHED = [
  'indicators',
  'observations',
  'observation_history',
  'targets',
  'period_signoffs',
  'areas',
  'area_neighbours',
  'comparator_groups',
  'comparator_group_areas',
  'scorecards',
  'scorecard_sections',
  'scorecard_rows',
  'scorecard_rag_overrides',
  'scorecard_commentary',
  'boards',
] as const;

/**
 * A per-partnership data revision, raised in the same transaction as any change to what its
 * indicator pages and scorecards are worked out from: figures, targets, areas, comparators,
 * scorecards and their ratings, and the partnership's own council, comparator or name. A change
 * made with no partnership in hand (the national load) raises every partnership's. As with the
 * plans revision, a web server may keep what it worked out for as long as the revision stands.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // The national load (baton.national = 'load', src/intake/national-load.ts) raises every partnership's
  // revision once, as its last statement, rather than holding every partnership's row for the
  // whole load.
  await createRevision(db, 'data', WATCHED, { timing: 'BEFORE', unless: sql`current_setting('baton.national', true) = 'load'` });
  // Only these columns: the bump itself updates the row, which must not fire the trigger again.
  await sql`
    CREATE TRIGGER partnerships_data_revision AFTER UPDATE OF home_area_id, comparator, name ON partnerships
      FOR EACH STATEMENT EXECUTE FUNCTION baton_bump_data_revision()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS partnerships_data_revision ON partnerships`.execute(db);
  await dropRevision(db, 'data', WATCHED);
}
