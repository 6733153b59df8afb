import { sql, type Kysely } from 'kysely';
import * as membershipLookup from './2026-11-23T1200-membership-lookup.ts';
import { dropTables, protectTenantTables } from './tenant-tables.ts';

/**
 * Indicators and data. Areas, indicators, observations and their history hold both national rows
 * (partnership_id null: DfE's published statistics, read by everyone, written only by the
 * national loader) and a partnership's own rows (its localities, indicators and figures).
 */
const SHARED = ['areas', 'indicators', 'observations', 'observation_history'] as const;
const TENANT = ['targets', 'period_signoffs', 'comparator_groups', 'comparator_group_areas', 'dfe_mappings', 'imports'] as const;
const NATIONAL = ['area_neighbours'] as const;
const NIL = `'00000000-0000-0000-0000-000000000000'::uuid`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // Set only by the national loader, inside its own transaction: web requests never set it.
  await sql`
    CREATE FUNCTION baton_national_load() RETURNS boolean LANGUAGE sql STABLE AS
    $$ SELECT coalesce(current_setting('baton.national', true), '') = 'load' $$`.execute(db);

  await sql`
    CREATE TABLE areas (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid REFERENCES partnerships(id) ON DELETE CASCADE,
      code text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9-]{0,39}$'),
      old_code text,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      level text NOT NULL CHECK (level IN ('national','regional','la','locality')),
      region_code text,
      la_type text NOT NULL DEFAULT '',
      last_year integer,
      parent_code text,
      version integer NOT NULL DEFAULT 1,
      CHECK ((partnership_id IS NULL) = (level <> 'locality'))
    )`.execute(db);
  await sql.raw(`CREATE UNIQUE INDEX areas_code_key ON areas (coalesce(partnership_id, ${NIL}), code)`).execute(db);
  await sql`CREATE UNIQUE INDEX areas_old_code_key ON areas (old_code) WHERE partnership_id IS NULL AND old_code IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE area_neighbours (
      set_code text NOT NULL CHECK (set_code IN ('sn2021','sn2025')),
      area_id uuid NOT NULL REFERENCES areas(id) ON DELETE CASCADE,
      neighbour_id uuid NOT NULL REFERENCES areas(id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position BETWEEN 1 AND 10),
      closeness text NOT NULL DEFAULT '',
      PRIMARY KEY (set_code, area_id, position)
    )`.execute(db);

  await sql`ALTER TABLE partnerships ADD COLUMN home_area_id uuid REFERENCES areas(id)`.execute(db);
  await sql`ALTER TABLE partnerships ADD COLUMN comparator text NOT NULL DEFAULT 'sn2025'`.execute(db);
  await replaceMembershipLookup(db);

  await sql`
    CREATE TABLE indicators (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid REFERENCES partnerships(id) ON DELETE CASCADE,
      code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,59}$'),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      definition text NOT NULL DEFAULT '',
      numerator_definition text NOT NULL DEFAULT '',
      denominator_definition text NOT NULL DEFAULT '',
      unit text NOT NULL,
      decimals integer NOT NULL DEFAULT 1 CHECK (decimals BETWEEN 0 AND 4),
      polarity text NOT NULL CHECK (polarity IN ('bigger','smaller','band','none')),
      band_low double precision,
      band_high double precision,
      frequency text NOT NULL,
      period_type text NOT NULL,
      lag text NOT NULL DEFAULT '',
      source text NOT NULL DEFAULT '',
      agency_id uuid,
      oba_category text NOT NULL,
      themes jsonb NOT NULL DEFAULT '[]',
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (partnership_id, agency_id) REFERENCES agencies (partnership_id, id),
      CHECK (polarity <> 'band' OR (band_low IS NOT NULL AND band_high IS NOT NULL AND band_low <= band_high))
    )`.execute(db);
  await sql.raw(`CREATE UNIQUE INDEX indicators_code_key ON indicators (coalesce(partnership_id, ${NIL}), code)`).execute(db);

  await sql`
    CREATE TABLE observations (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      partnership_id uuid REFERENCES partnerships(id) ON DELETE CASCADE,
      indicator_id uuid NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
      area_id uuid NOT NULL REFERENCES areas(id) ON DELETE CASCADE,
      period_code text NOT NULL,
      period_type text NOT NULL,
      period_start date NOT NULL,
      period_end date NOT NULL,
      breakdown text NOT NULL DEFAULT '',
      value double precision,
      numerator double precision,
      denominator double precision,
      marker text CHECK (marker IN ('c','x','z',':','low','u')),
      status text NOT NULL DEFAULT 'final' CHECK (status IN ('provisional','final','revised','estimated')),
      quality_note text NOT NULL DEFAULT '',
      source text NOT NULL DEFAULT '',
      version integer NOT NULL DEFAULT 1,
      updated_by uuid,
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((value IS NULL) <> (marker IS NULL))
    )`.execute(db);
  // The key serves an indicator's figures for some areas and an owner's figures for some
  // indicators; a second index serves a period's figures for every area (benchmarks, scorecards).
  await sql
    .raw(
      `CREATE UNIQUE INDEX observations_key ON observations (indicator_id, area_id, coalesce(partnership_id, ${NIL}), period_code, breakdown)`,
    )
    .execute(db);
  await sql`CREATE INDEX observations_period_idx ON observations (indicator_id, period_code)`.execute(db);

  await sql`
    CREATE TABLE observation_history (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      partnership_id uuid REFERENCES partnerships(id) ON DELETE CASCADE,
      observation_id bigint NOT NULL,
      indicator_id uuid NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
      area_id uuid NOT NULL REFERENCES areas(id) ON DELETE CASCADE,
      period_code text NOT NULL,
      breakdown text NOT NULL DEFAULT '',
      change text NOT NULL CHECK (change IN ('changed','deleted')),
      before jsonb NOT NULL,
      after jsonb,
      changed_by uuid,
      changed_by_label text NOT NULL,
      reason text NOT NULL DEFAULT '',
      changed_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX observation_history_indicator_idx ON observation_history (indicator_id, changed_at DESC)`.execute(db);

  await sql`
    CREATE TABLE targets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      indicator_id uuid NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
      area_id uuid NOT NULL REFERENCES areas(id),
      period_code text NOT NULL,
      period_start date NOT NULL,
      period_end date NOT NULL,
      value double precision NOT NULL,
      tolerance double precision NOT NULL DEFAULT 0 CHECK (tolerance >= 0),
      note text NOT NULL DEFAULT '',
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (partnership_id, indicator_id, area_id, period_code)
    )`.execute(db);

  await sql`
    CREATE TABLE period_signoffs (
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      period_code text NOT NULL,
      signed_by uuid REFERENCES users(id),
      signed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (partnership_id, period_code)
    )`.execute(db);

  await sql`
    CREATE TABLE comparator_groups (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (partnership_id, id),
      UNIQUE (partnership_id, name)
    )`.execute(db);
  await sql`
    CREATE TABLE comparator_group_areas (
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      group_id uuid NOT NULL,
      area_id uuid NOT NULL REFERENCES areas(id),
      PRIMARY KEY (group_id, area_id),
      FOREIGN KEY (partnership_id, group_id) REFERENCES comparator_groups (partnership_id, id) ON DELETE CASCADE
    )`.execute(db);

  await sql`
    CREATE TABLE dfe_mappings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      mapping jsonb NOT NULL,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (partnership_id, name)
    )`.execute(db);

  await sql`
    CREATE TABLE imports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('template','dfe')),
      -- A saved mapping's id, or 'bundled:N' for the mapping a bundled national file ships with.
      mapping_ref text,
      filename text NOT NULL,
      byte_size integer NOT NULL,
      sha256 text NOT NULL,
      content bytea,
      status text NOT NULL CHECK (status IN ('ready','refused','imported')),
      row_count integer NOT NULL DEFAULT 0,
      issues jsonb NOT NULL DEFAULT '[]',
      summary jsonb NOT NULL DEFAULT '{}',
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      imported_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX imports_partnership_idx ON imports (partnership_id, created_at DESC)`.execute(db);

  await protectTenantTables(db, [...SHARED, ...TENANT]);
  for (const table of SHARED) {
    await sql`CREATE POLICY national_read ON ${sql.table(table)} FOR SELECT USING (partnership_id IS NULL)`.execute(db);
    await sql`
      CREATE POLICY national_load ON ${sql.table(table)}
        USING (partnership_id IS NULL AND baton_national_load())
        WITH CHECK (partnership_id IS NULL AND baton_national_load())`.execute(db);
  }
  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON area_neighbours TO baton_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropTables(db, [...TENANT]);
  await sql`DROP FUNCTION baton_membership(text, uuid)`.execute(db);
  await membershipLookup.up(db);
  await sql`ALTER TABLE partnerships DROP COLUMN comparator, DROP COLUMN home_area_id`.execute(db);
  await dropTables(db, ['areas', ...NATIONAL, 'indicators', 'observations', 'observation_history']);
  await sql`DROP FUNCTION IF EXISTS baton_national_load()`.execute(db);
}

/** The membership lookup every page makes, now also giving the partnership's home area and comparator. */
async function replaceMembershipLookup(db: Kysely<unknown>): Promise<void> {
  await sql`DROP FUNCTION baton_membership(text, uuid)`.execute(db);
  await sql`
    CREATE FUNCTION baton_membership(p_slug text, p_user uuid)
    RETURNS TABLE (
      id uuid, slug text, name text, public_summary text, home_area_id uuid, comparator text, created_at timestamptz,
      member_user_id uuid, member_email text, member_name text, member_role text,
      member_agency_id uuid, member_agency_name text, member_version integer
    )
    LANGUAGE plpgsql VOLATILE AS $$
    #variable_conflict use_column
    DECLARE
      found_id uuid;
    BEGIN
      SELECT p.id INTO found_id FROM partnerships p WHERE p.slug = p_slug;
      IF found_id IS NULL OR p_user IS NULL THEN
        RETURN;
      END IF;
      PERFORM set_config('baton.partnership_id', found_id::text, true),
              set_config('baton.user_id', p_user::text, true);
      RETURN QUERY
        SELECT p.id, p.slug, p.name, p.public_summary, p.home_area_id, p.comparator, p.created_at,
               m.user_id, u.email, u.name, m.role, m.agency_id, a.name, m.version
        FROM partnerships p
        JOIN memberships m ON m.partnership_id = p.id AND m.user_id = p_user
        JOIN users u ON u.id = m.user_id
        LEFT JOIN agencies a ON a.id = m.agency_id
        WHERE p.id = found_id;
    END
    $$`.execute(db);
}
