import { sql, type Kysely } from 'kysely';

/**
 * `baton_signed_in(session, idle since, created since, slug)`: the person behind a live session
 * and, on a partnership's page, the partnership, its plans and data revisions and the person's
 * membership of it, in one call (issue 13). Every signed-in page asks this first. A plain
 * statement joining the same tables through `baton_membership` cost three times as much on the
 * embedded database as this function, whose statements PostgreSQL plans once per connection.
 *
 * One row when the session is live; the partnership's and member's columns are null unless the
 * person belongs to the partnership with that slug. As `baton_membership` does, it sets the
 * transaction-local tenant settings before reading memberships, so row-level security still
 * decides what it can see; it grants nothing the caller lacks.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION baton_signed_in(p_id_hash text, p_idle_since timestamptz, p_created_since timestamptz, p_slug text)
    RETURNS TABLE (
      user_id uuid, user_email text, user_name text, last_seen_at timestamptz,
      id uuid, slug text, name text, public_summary text, home_area_id uuid, comparator text, created_at timestamptz,
      plans_revision text, data_revision text,
      member_user_id uuid, member_email text, member_name text, member_role text,
      member_agency_id uuid, member_agency_name text, member_version integer
    )
    LANGUAGE plpgsql VOLATILE AS $$
    #variable_conflict use_column
    DECLARE
      person record;
      found_id uuid;
    BEGIN
      SELECT u.id, u.email, u.name, s.last_seen_at INTO person
      FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id_hash = p_id_hash AND s.last_seen_at > p_idle_since AND s.created_at > p_created_since
        AND u.disabled_at IS NULL;
      IF NOT FOUND THEN
        RETURN;
      END IF;
      IF p_slug IS NOT NULL THEN
        SELECT p.id INTO found_id FROM partnerships p WHERE p.slug = p_slug;
      END IF;
      IF found_id IS NOT NULL THEN
        PERFORM set_config('baton.partnership_id', found_id::text, true),
                set_config('baton.user_id', person.id::text, true);
      END IF;
      RETURN QUERY
        SELECT person.id, person.email, person.name, person.last_seen_at,
               p.id, p.slug, p.name, p.public_summary, p.home_area_id, p.comparator, p.created_at,
               p.plans_revision::text, p.data_revision::text,
               m.user_id, person.email, person.name, m.role, m.agency_id, a.name, m.version
        FROM (SELECT 1) AS one
        LEFT JOIN (partnerships p JOIN memberships m ON m.partnership_id = p.id AND m.user_id = person.id)
          ON p.id = found_id
        LEFT JOIN agencies a ON a.id = m.agency_id;
    END
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP FUNCTION IF EXISTS baton_signed_in(text, timestamptz, timestamptz, text)`.execute(db);
}
