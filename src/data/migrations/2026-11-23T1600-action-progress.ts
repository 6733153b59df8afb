import { sql, type Kysely } from 'kysely';

/**
 * Each action carries a summary of its progress updates (the quarters reported on, the latest
 * RAG and when), kept by a trigger in the same transaction as every insert of updates, whoever
 * inserts them. The promise tracker reads hundreds of actions at once; working these out from
 * thousands of updates on every page was most of its time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE actions
      ADD COLUMN reported_periods text[] NOT NULL DEFAULT '{}',
      ADD COLUMN latest_rag text CHECK (latest_rag IN ('red','amber','green')),
      ADD COLUMN latest_update_at timestamptz`.execute(db);

  await sql`
    CREATE FUNCTION baton_action_progress() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE actions a SET
        reported_periods = (SELECT coalesce(array_agg(DISTINCT p ORDER BY p), '{}') FROM unnest(a.reported_periods || n.periods) AS p),
        latest_rag = CASE WHEN a.latest_update_at IS NULL OR n.latest_at >= a.latest_update_at THEN n.latest_rag ELSE a.latest_rag END,
        latest_update_at = greatest(a.latest_update_at, n.latest_at)
      FROM (
        SELECT action_id, array_agg(DISTINCT period) AS periods, max(created_at) AS latest_at,
               (array_agg(rag ORDER BY created_at DESC))[1] AS latest_rag
        FROM new_rows GROUP BY action_id
      ) n
      WHERE a.id = n.action_id;
      RETURN NULL;
    END
    $$`.execute(db);
  await sql`
    CREATE TRIGGER action_updates_progress AFTER INSERT ON action_updates
      REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION baton_action_progress()`.execute(db);

  // Actions that already have updates.
  await sql`
    UPDATE actions a SET
      reported_periods = n.periods, latest_rag = n.latest_rag, latest_update_at = n.latest_at
    FROM (
      SELECT action_id, array_agg(DISTINCT period ORDER BY period) AS periods, max(created_at) AS latest_at,
             (array_agg(rag ORDER BY created_at DESC))[1] AS latest_rag
      FROM action_updates GROUP BY action_id
    ) n
    WHERE a.id = n.action_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS action_updates_progress ON action_updates`.execute(db);
  await sql`DROP FUNCTION IF EXISTS baton_action_progress()`.execute(db);
  await sql`ALTER TABLE actions DROP COLUMN reported_periods, DROP COLUMN latest_rag, DROP COLUMN latest_update_at`.execute(db);
}
