import { sql, type Kysely } from 'kysely';
import { dropTables, protectTenantTables } from './tenant-tables.ts';

/**
 * Scorecards (issue 4): a board's scorecard of sections and rows, each row an indicator for an
 * area with the columns the board reads and the rule its RAG rating follows.
 */
const TABLES = ['scorecards', 'scorecard_sections', 'scorecard_rows'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE scorecards (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      board_id uuid,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      description text NOT NULL DEFAULT '',
      columns jsonb NOT NULL,
      previous_periods integer NOT NULL DEFAULT 2 CHECK (previous_periods BETWEEN 0 AND 5),
      as_at date,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (partnership_id, id),
      FOREIGN KEY (partnership_id, board_id) REFERENCES boards (partnership_id, id)
    )`.execute(db);

  await sql`
    CREATE TABLE scorecard_sections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      scorecard_id uuid NOT NULL,
      position integer NOT NULL,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      UNIQUE (partnership_id, id),
      FOREIGN KEY (partnership_id, scorecard_id) REFERENCES scorecards (partnership_id, id) ON DELETE CASCADE
    )`.execute(db);

  await sql`
    CREATE TABLE scorecard_rows (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      section_id uuid NOT NULL,
      position integer NOT NULL,
      indicator_id uuid NOT NULL REFERENCES indicators(id),
      area_id uuid REFERENCES areas(id),
      breakdown text NOT NULL DEFAULT '',
      rag_rule text NOT NULL DEFAULT 'target' CHECK (rag_rule IN ('target','england','neighbours','band','none')),
      tolerance double precision NOT NULL DEFAULT 0 CHECK (tolerance >= 0),
      maintained_band double precision NOT NULL DEFAULT 0 CHECK (maintained_band >= 0),
      note text NOT NULL DEFAULT '',
      UNIQUE (partnership_id, id),
      FOREIGN KEY (partnership_id, section_id) REFERENCES scorecard_sections (partnership_id, id) ON DELETE CASCADE
    )`.execute(db);
  await sql`CREATE INDEX scorecard_rows_section_idx ON scorecard_rows (section_id, position)`.execute(db);

  await protectTenantTables(db, TABLES);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropTables(db, TABLES);
}
