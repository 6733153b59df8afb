import { sql } from 'kysely';
import type { DbOrTrx } from '../db.ts';
import { membershipOfRow, type Membership, type MembershipLookupRow } from './memberships.ts';

export async function insertSession(db: DbOrTrx, idHash: string, userId: string): Promise<void> {
  await db.insertInto('sessions').values({ id_hash: idHash, user_id: userId }).execute();
}

interface SignedInRow extends Partial<MembershipLookupRow> {
  user_id: string;
  user_email: string;
  user_name: string;
  last_seen_at: Date;
  plans_revision: string | null;
  data_revision: string | null;
}

/** A signed-in person, when their session was last marked seen, and the membership asked for. */
export interface SignedIn {
  user: { id: string; email: string; name: string };
  lastSeenAt: Date;
  membership: Membership | undefined;
  /** The partnership's revisions, read in the same statement, when there is a membership. */
  revisions: { plans: string; data: string } | undefined;
}

/**
 * The person behind a session that is neither idle since `idleSince` nor older than
 * `createdSince` and, given a partnership's slug, that partnership, their membership of it
 * (undefined when either is missing) and its revisions, in one statement: a signed-in page reads no more than this
 * before its own data. Nothing is kept between requests, so a sign-out, a suspension or a role
 * change made on any server holds from the next request. Call it outside a transaction: with a
 * slug it sets the tenant settings for the rest of the transaction it runs in (see the
 * `baton_membership` migration).
 */
export async function findSignedIn(
  db: DbOrTrx,
  idHash: string,
  live: { idleSince: Date; createdSince: Date },
  slug: string | undefined,
): Promise<SignedIn | undefined> {
  const membership =
    slug === undefined
      ? { columns: sql``, joins: sql`` }
      : {
          columns: sql`, m.*, r.plans_revision::text AS plans_revision, r.data_revision::text AS data_revision`,
          joins: sql`LEFT JOIN LATERAL baton_membership(${slug}, u.id) m ON true LEFT JOIN partnerships r ON r.id = m.id`,
        };
  const { rows } = await sql<SignedInRow>`
    SELECT u.id AS user_id, u.email AS user_email, u.name AS user_name, s.last_seen_at${membership.columns}
    FROM sessions s
    JOIN users u ON u.id = s.user_id
    ${membership.joins}
    WHERE s.id_hash = ${idHash} AND s.last_seen_at > ${live.idleSince} AND s.created_at > ${live.createdSince}
      AND u.disabled_at IS NULL`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  return {
    user: { id: row.user_id, email: row.user_email, name: row.user_name },
    lastSeenAt: row.last_seen_at,
    membership: row.id ? membershipOfRow(row as SignedInRow & MembershipLookupRow) : undefined,
    revisions: row.plans_revision && row.data_revision ? { plans: row.plans_revision, data: row.data_revision } : undefined,
  };
}

export async function touchSession(db: DbOrTrx, idHash: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: new Date() }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: DbOrTrx, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteSessionsOfUser(db: DbOrTrx, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Removes sessions that can no longer be used. */
export async function deleteExpiredSessions(db: DbOrTrx, idleSince: Date, createdSince: Date): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('last_seen_at', '<=', idleSince), eb('created_at', '<=', createdSince)]))
    .execute();
}
