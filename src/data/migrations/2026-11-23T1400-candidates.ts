import { sql, type Kysely } from 'kysely';
import { dropTables, protectTenantTables } from './tenant-tables.ts';

/** Choosing priorities: the board's criteria for a plan, candidate priorities and members' scores. */
const TABLES = ['plan_criteria', 'candidates', 'candidate_scores'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE plan_criteria (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      plan_id uuid NOT NULL,
      position integer NOT NULL,
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 300),
      UNIQUE (plan_id, position),
      UNIQUE (partnership_id, id),
      FOREIGN KEY (partnership_id, plan_id) REFERENCES plans (partnership_id, id) ON DELETE CASCADE
    )`.execute(db);

  await sql`
    CREATE TABLE candidates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      plan_id uuid NOT NULL,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      description text NOT NULL DEFAULT '',
      answers jsonb NOT NULL DEFAULT '[]',
      proposed_by_user_id uuid REFERENCES users(id),
      proposed_by text NOT NULL,
      status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed','agreed','not_agreed')),
      priority_id uuid,
      decision_note text NOT NULL DEFAULT '',
      decided_by text,
      decided_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (partnership_id, id),
      FOREIGN KEY (partnership_id, plan_id) REFERENCES plans (partnership_id, id) ON DELETE CASCADE,
      FOREIGN KEY (partnership_id, priority_id) REFERENCES priorities (partnership_id, id)
    )`.execute(db);

  await sql`
    CREATE TABLE candidate_scores (
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      candidate_id uuid NOT NULL,
      criterion_id uuid NOT NULL,
      user_id uuid NOT NULL REFERENCES users(id),
      score integer NOT NULL CHECK (score BETWEEN 1 AND 5),
      scored_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (candidate_id, criterion_id, user_id),
      FOREIGN KEY (partnership_id, candidate_id) REFERENCES candidates (partnership_id, id) ON DELETE CASCADE,
      FOREIGN KEY (partnership_id, criterion_id) REFERENCES plan_criteria (partnership_id, id) ON DELETE CASCADE
    )`.execute(db);

  await protectTenantTables(db, TABLES);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropTables(db, TABLES);
}
