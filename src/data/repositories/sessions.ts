import { sql } from 'kysely';
import type { DbOrTrx } from '../db.ts';
import { membershipOfRow, type Membership, type MembershipLookupRow } from './memberships.ts';

export async function insertSession(db: DbOrTrx, idHash: string, userId: string): Promise<void> {
  await db.insertInto('sessions').values({ id_hash: idHash, user_id: userId }).execute();
}

/** A row of `baton_signed_in`: the person, then (null unless they are a member) the partnership's and member's columns. */
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
 * (undefined when either is missing) and its revisions, in one statement (the
 * `baton_signed_in` migration): a signed-in page reads no more than this before its own data.
 * Nothing is kept between requests, so a sign-out, a suspension or a role change made on any
 * server holds from the next request. Call it outside a transaction: with a slug it sets the
 * tenant settings for the rest of the transaction it runs in.
 */
export async function findSignedIn(
  db: DbOrTrx,
  idHash: string,
  live: { idleSince: Date; createdSince: Date },
  slug: string | undefined,
): Promise<SignedIn | undefined> {
  const { rows } = await sql<SignedInRow>`
    SELECT * FROM baton_signed_in(${idHash}, ${live.idleSince}, ${live.createdSince}, ${slug ?? null})`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  const member = row.member_user_id ? membershipOfRow(row as MembershipLookupRow) : undefined;
  return {
    user: { id: row.user_id, email: row.user_email, name: row.user_name },
    lastSeenAt: row.last_seen_at,
    membership: member,
    revisions: member && row.plans_revision && row.data_revision ? { plans: row.plans_revision, data: row.data_revision } : undefined,
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
