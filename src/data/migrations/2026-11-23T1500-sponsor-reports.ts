import { sql, type Kysely } from 'kysely';
import { dropTables, protectTenantTables } from './tenant-tables.ts';

/** Sponsors' reports to the board: one per priority and quarter, drafted by Baton and edited by the sponsor. */
const TABLES = ['sponsor_reports'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE sponsor_reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      priority_id uuid NOT NULL,
      period text NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2} Q[1-4]$'),
      summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 10000),
      exceptions text NOT NULL DEFAULT '' CHECK (length(exceptions) <= 10000),
      measures text NOT NULL DEFAULT '' CHECK (length(measures) <= 10000),
      next_steps text NOT NULL DEFAULT '' CHECK (length(next_steps) <= 10000),
      rag text CHECK (rag IN ('red','amber','green')),
      version integer NOT NULL DEFAULT 1,
      updated_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (priority_id, period),
      FOREIGN KEY (partnership_id, priority_id) REFERENCES priorities (partnership_id, id) ON DELETE CASCADE
    )`.execute(db);

  await protectTenantTables(db, TABLES);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropTables(db, TABLES);
}
