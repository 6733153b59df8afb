import { sql, type Kysely } from 'kysely';

/**
 * `baton_membership(slug, user)`: the partnership with that slug and the person's membership of
 * it, in one statement. Every internal page asks this first; done as a transaction of five
 * statements it was the largest part of a page's time on the embedded database.
 *
 * It sets the same transaction-local tenant settings `withTenant` does before it reads, so
 * row-level security still decides what it can see; it grants nothing the caller lacks.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION baton_membership(p_slug text, p_user uuid)
    RETURNS TABLE (
      id uuid, slug text, name text, public_summary text, created_at timestamptz,
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
        SELECT p.id, p.slug, p.name, p.public_summary, p.created_at,
               m.user_id, u.email, u.name, m.role, m.agency_id, a.name, m.version
        FROM partnerships p
        JOIN memberships m ON m.partnership_id = p.id AND m.user_id = p_user
        JOIN users u ON u.id = m.user_id
        LEFT JOIN agencies a ON a.id = m.agency_id
        WHERE p.id = found_id;
    END
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP FUNCTION IF EXISTS baton_membership(text, uuid)`.execute(db);
}
