import { sql, type Kysely } from 'kysely';

/** Tables every partnership-owned row lives under; each gets row-level security. */
export const TENANT_TABLES = ['memberships', 'agencies', 'boards', 'audit_events'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'baton_app') THEN
        CREATE ROLE baton_app NOLOGIN;
      END IF;
    END $$`.execute(db);
  await sql`GRANT baton_app TO CURRENT_USER`.execute(db);

  await sql`
    CREATE FUNCTION baton_current_partnership() RETURNS uuid LANGUAGE sql STABLE AS
    $$ SELECT nullif(current_setting('baton.partnership_id', true), '')::uuid $$`.execute(db);
  await sql`
    CREATE FUNCTION baton_current_user() RETURNS uuid LANGUAGE sql STABLE AS
    $$ SELECT nullif(current_setting('baton.user_id', true), '')::uuid $$`.execute(db);

  await sql`
    CREATE TABLE partnerships (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
      name text NOT NULL,
      public_summary text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL,
      name text NOT NULL,
      password_hash text NOT NULL,
      disabled_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`.execute(db);

  await sql`
    CREATE TABLE agencies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      name text NOT NULL,
      sector text NOT NULL,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (partnership_id, name),
      UNIQUE (partnership_id, id)
    )`.execute(db);

  await sql`
    CREATE TABLE memberships (
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('admin','analyst','sponsor','contributor','member','viewer')),
      agency_id uuid,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (partnership_id, user_id),
      FOREIGN KEY (partnership_id, agency_id) REFERENCES agencies (partnership_id, id)
    )`.execute(db);
  await sql`CREATE INDEX memberships_user_idx ON memberships (user_id)`.execute(db);

  await sql`
    CREATE TABLE boards (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      name text NOT NULL,
      kind text NOT NULL,
      purpose text NOT NULL DEFAULT '',
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (partnership_id, name)
    )`.execute(db);

  await sql`
    CREATE TABLE sessions (
      id_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX sessions_user_idx ON sessions (user_id)`.execute(db);

  await sql`
    CREATE TABLE api_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      name text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      prefix text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);

  await sql`
    CREATE TABLE sign_in_failures (
      key text NOT NULL,
      failed_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX sign_in_failures_key_idx ON sign_in_failures (key, failed_at)`.execute(db);

  await sql`
    CREATE TABLE audit_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      partnership_id uuid REFERENCES partnerships(id) ON DELETE CASCADE,
      actor_user_id uuid,
      actor text NOT NULL,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      summary text NOT NULL,
      before jsonb,
      after jsonb,
      at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX audit_events_partnership_at_idx ON audit_events (partnership_id, at DESC)`.execute(db);

  for (const table of TENANT_TABLES) {
    await sql`ALTER TABLE ${sql.table(table)} ENABLE ROW LEVEL SECURITY`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} FORCE ROW LEVEL SECURITY`.execute(db);
  }
  await sql`CREATE POLICY tenant ON agencies USING (partnership_id = baton_current_partnership())`.execute(db);
  await sql`CREATE POLICY tenant ON boards USING (partnership_id = baton_current_partnership())`.execute(db);
  await sql`CREATE POLICY tenant ON audit_events USING (partnership_id = baton_current_partnership())`.execute(db);
  // A person's own actions outside any partnership (an API token issued or revoked).
  await sql`
    CREATE POLICY personal ON audit_events FOR INSERT
      WITH CHECK (partnership_id IS NULL AND actor_user_id = baton_current_user())`.execute(db);
  // A signed-in person may list their own memberships across partnerships (to find their home).
  await sql`
    CREATE POLICY tenant ON memberships
      USING (partnership_id = baton_current_partnership() OR user_id = baton_current_user())
      WITH CHECK (partnership_id = baton_current_partnership())`.execute(db);

  await sql`GRANT USAGE ON SCHEMA public TO baton_app`.execute(db);
  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO baton_app`.execute(db);
  await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO baton_app`.execute(db);
  await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO baton_app`.execute(db);
  await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO baton_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'audit_events',
    'sign_in_failures',
    'api_tokens',
    'sessions',
    'boards',
    'memberships',
    'agencies',
    'users',
    'partnerships',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS baton_current_partnership()`.execute(db);
  await sql`DROP FUNCTION IF EXISTS baton_current_user()`.execute(db);
}
