import { sql, type Kysely } from 'kysely';
import { dropTables, protectTenantTables } from './tenant-tables.ts';

/** Plans and promises: plans, their versions, priorities, measures, actions and progress updates. */
const TABLES = [
  'plans',
  'plan_versions',
  'priorities',
  'priority_agencies',
  'measures',
  'actions',
  'action_agencies',
  'milestones',
  'action_updates',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  // Lets a plan name its board with a key that cannot cross partnerships.
  await sql`ALTER TABLE boards ADD CONSTRAINT boards_partnership_id_id_key UNIQUE (partnership_id, id)`.execute(db);

  await sql`
    CREATE TABLE plans (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      board_id uuid,
      kind text NOT NULL CHECK (kind IN ('cypp','improvement','safeguarding','strategy')),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      period_start date NOT NULL,
      period_end date NOT NULL,
      vision text NOT NULL DEFAULT '',
      plan_values jsonb NOT NULL DEFAULT '[]',
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','consultation','approved','published','closed')),
      approved_version integer NOT NULL DEFAULT 0,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (period_end >= period_start),
      UNIQUE (partnership_id, id),
      FOREIGN KEY (partnership_id, board_id) REFERENCES boards (partnership_id, id)
    )`.execute(db);

  await sql`
    CREATE TABLE plan_versions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      plan_id uuid NOT NULL,
      number integer NOT NULL,
      summary text NOT NULL,
      snapshot jsonb NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (plan_id, number),
      FOREIGN KEY (partnership_id, plan_id) REFERENCES plans (partnership_id, id) ON DELETE CASCADE
    )`.execute(db);

  await sql`
    CREATE TABLE priorities (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      plan_id uuid NOT NULL,
      number integer NOT NULL CHECK (number BETWEEN 1 AND 99),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      description text NOT NULL DEFAULT '',
      sponsor_user_id uuid REFERENCES users(id),
      sponsor_role text NOT NULL DEFAULT '',
      lead_agency_id uuid,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','achieved','withdrawn')),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (plan_id, number),
      UNIQUE (partnership_id, id),
      FOREIGN KEY (partnership_id, plan_id) REFERENCES plans (partnership_id, id) ON DELETE CASCADE,
      FOREIGN KEY (partnership_id, lead_agency_id) REFERENCES agencies (partnership_id, id)
    )`.execute(db);

  await sql`
    CREATE TABLE priority_agencies (
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      priority_id uuid NOT NULL,
      agency_id uuid NOT NULL,
      PRIMARY KEY (priority_id, agency_id),
      FOREIGN KEY (partnership_id, priority_id) REFERENCES priorities (partnership_id, id) ON DELETE CASCADE,
      FOREIGN KEY (partnership_id, agency_id) REFERENCES agencies (partnership_id, id) ON DELETE CASCADE
    )`.execute(db);

  await sql`
    CREATE TABLE measures (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      priority_id uuid NOT NULL,
      position integer NOT NULL,
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
      baseline text NOT NULL DEFAULT '',
      target text NOT NULL DEFAULT '',
      target_date date,
      FOREIGN KEY (partnership_id, priority_id) REFERENCES priorities (partnership_id, id) ON DELETE CASCADE
    )`.execute(db);

  await sql`
    CREATE TABLE actions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      priority_id uuid NOT NULL,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      description text NOT NULL DEFAULT '',
      lead_agency_id uuid NOT NULL,
      owner_user_id uuid REFERENCES users(id),
      owner_name text NOT NULL DEFAULT '',
      start_date date,
      due_date date NOT NULL,
      status text NOT NULL DEFAULT 'not_started'
        CHECK (status IN ('not_started','on_track','at_risk','off_track','complete','dropped')),
      completed_on date,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (start_date IS NULL OR due_date >= start_date),
      CHECK ((status = 'complete') = (completed_on IS NOT NULL)),
      UNIQUE (partnership_id, id),
      FOREIGN KEY (partnership_id, priority_id) REFERENCES priorities (partnership_id, id) ON DELETE CASCADE,
      FOREIGN KEY (partnership_id, lead_agency_id) REFERENCES agencies (partnership_id, id)
    )`.execute(db);
  await sql`CREATE INDEX actions_priority_idx ON actions (priority_id)`.execute(db);
  await sql`CREATE INDEX actions_partnership_due_idx ON actions (partnership_id, due_date)`.execute(db);

  await sql`
    CREATE TABLE action_agencies (
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      action_id uuid NOT NULL,
      agency_id uuid NOT NULL,
      PRIMARY KEY (action_id, agency_id),
      FOREIGN KEY (partnership_id, action_id) REFERENCES actions (partnership_id, id) ON DELETE CASCADE,
      FOREIGN KEY (partnership_id, agency_id) REFERENCES agencies (partnership_id, id) ON DELETE CASCADE
    )`.execute(db);

  await sql`
    CREATE TABLE milestones (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      action_id uuid NOT NULL,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      due_date date NOT NULL,
      done_on date,
      FOREIGN KEY (partnership_id, action_id) REFERENCES actions (partnership_id, id) ON DELETE CASCADE
    )`.execute(db);

  await sql`
    CREATE TABLE action_updates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      action_id uuid NOT NULL,
      period text NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2} Q[1-4]$'),
      action_taken text NOT NULL CHECK (length(action_taken) BETWEEN 1 AND 5000),
      evidence_of_impact text NOT NULL DEFAULT '',
      still_to_do text NOT NULL DEFAULT '',
      rag text NOT NULL CHECK (rag IN ('red','amber','green')),
      author_user_id uuid REFERENCES users(id),
      author text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (partnership_id, action_id) REFERENCES actions (partnership_id, id) ON DELETE CASCADE
    )`.execute(db);
  await sql`CREATE INDEX action_updates_action_idx ON action_updates (action_id, created_at)`.execute(db);

  await protectTenantTables(db, TABLES);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropTables(db, TABLES);
  await sql`ALTER TABLE boards DROP CONSTRAINT IF EXISTS boards_partnership_id_id_key`.execute(db);
}
