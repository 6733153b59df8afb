import { sql, type Kysely } from 'kysely';

/**
 * Success measures linked to indicators (issue 14): a measure may point at an indicator (national
 * or the partnership's own), an area (none = the partnership's council) and a breakdown, with a
 * baseline figure and period, a target figure and interim targets by period (the trajectory, a JSON
 * list of { "period": code, "value": number }). The text baseline and target stay for measures that
 * have no figure. Measures can now be changed one at a time, so they carry a version.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE measures
      ADD COLUMN indicator_id uuid REFERENCES indicators(id) ON DELETE SET NULL,
      ADD COLUMN area_id uuid REFERENCES areas(id) ON DELETE SET NULL,
      ADD COLUMN breakdown text NOT NULL DEFAULT '' CHECK (length(breakdown) <= 200),
      ADD COLUMN baseline_value double precision,
      ADD COLUMN baseline_period text CHECK (length(baseline_period) <= 40),
      ADD COLUMN target_value double precision,
      ADD COLUMN tolerance double precision NOT NULL DEFAULT 0 CHECK (tolerance >= 0),
      ADD COLUMN trajectory jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(trajectory) = 'array'),
      ADD COLUMN version integer NOT NULL DEFAULT 1,
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`.execute(db);
  await sql`CREATE INDEX measures_indicator ON measures (indicator_id) WHERE indicator_id IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX measures_indicator`.execute(db);
  await sql`
    ALTER TABLE measures
      DROP COLUMN indicator_id, DROP COLUMN area_id, DROP COLUMN breakdown, DROP COLUMN baseline_value,
      DROP COLUMN baseline_period, DROP COLUMN target_value, DROP COLUMN tolerance, DROP COLUMN trajectory,
      DROP COLUMN version, DROP COLUMN updated_at`.execute(db);
}
