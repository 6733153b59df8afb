import { sql, type Kysely } from 'kysely';
import { dropTables, protectTenantTables } from './tenant-tables.ts';

/**
 * Issue 4: the owner's commentary on exception rows (outcome-based accountability: the story behind
 * the curve, what works, what we will do, who, by when), kept per period and never overwritten;
 * board packs, frozen as presented to a meeting; and which scorecards are published.
 */
const TABLES = ['scorecard_commentary', 'scorecard_rag_overrides', 'board_packs'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE scorecards ADD COLUMN published boolean NOT NULL DEFAULT false`.execute(db);

  await sql`
    CREATE TABLE scorecard_commentary (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      row_id uuid NOT NULL,
      period_code text NOT NULL,
      story text NOT NULL DEFAULT '',
      what_works text NOT NULL DEFAULT '',
      next_steps text NOT NULL DEFAULT '',
      who text NOT NULL DEFAULT '',
      by_when date,
      author_id uuid REFERENCES users(id),
      author_label text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (partnership_id, row_id) REFERENCES scorecard_rows (partnership_id, id) ON DELETE CASCADE
    )`.execute(db);
  await sql`CREATE INDEX scorecard_commentary_row_idx ON scorecard_commentary (row_id, period_code, created_at DESC)`.execute(db);

  // A manual RAG rating for a row's period, with the reason; the latest stands, every one is kept.
  await sql`
    CREATE TABLE scorecard_rag_overrides (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      row_id uuid NOT NULL,
      period_code text NOT NULL,
      rag text CHECK (rag IN ('green','amber','red')),
      reason text NOT NULL CHECK (length(reason) BETWEEN 5 AND 1000),
      author_id uuid REFERENCES users(id),
      author_label text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (partnership_id, row_id) REFERENCES scorecard_rows (partnership_id, id) ON DELETE CASCADE
    )`.execute(db);
  await sql`CREATE INDEX scorecard_rag_overrides_row_idx ON scorecard_rag_overrides (row_id, period_code, created_at DESC)`.execute(db);

  await sql`
    CREATE TABLE board_packs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      scorecard_id uuid,
      board_id uuid,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      meeting text NOT NULL CHECK (length(meeting) BETWEEN 1 AND 200),
      presented_on date NOT NULL,
      as_at date NOT NULL,
      snapshot jsonb NOT NULL,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (partnership_id, scorecard_id) REFERENCES scorecards (partnership_id, id) ON DELETE SET NULL (scorecard_id),
      FOREIGN KEY (partnership_id, board_id) REFERENCES boards (partnership_id, id)
    )`.execute(db);
  // A frozen pack is the record of what a board was shown: the database refuses to change it.
  await sql`
    CREATE FUNCTION baton_refuse_pack_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.snapshot IS DISTINCT FROM OLD.snapshot OR NEW.title IS DISTINCT FROM OLD.title
         OR NEW.meeting IS DISTINCT FROM OLD.meeting OR NEW.presented_on IS DISTINCT FROM OLD.presented_on
         OR NEW.as_at IS DISTINCT FROM OLD.as_at THEN
        RAISE EXCEPTION 'A board pack is frozen and cannot be changed' USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END
    $$`.execute(db);
  await sql`CREATE TRIGGER board_packs_frozen BEFORE UPDATE ON board_packs FOR EACH ROW EXECUTE FUNCTION baton_refuse_pack_change()`.execute(
    db,
  );

  await protectTenantTables(db, TABLES);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropTables(db, TABLES);
  await sql`DROP FUNCTION IF EXISTS baton_refuse_pack_change()`.execute(db);
  await sql`ALTER TABLE scorecards DROP COLUMN published`.execute(db);
}
