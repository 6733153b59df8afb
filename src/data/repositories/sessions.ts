import type { DbOrTrx } from '../db.ts';

export async function insertSession(db: DbOrTrx, idHash: string, userId: string): Promise<void> {
  await db.insertInto('sessions').values({ id_hash: idHash, user_id: userId }).execute();
}

/** A live session and its person, or undefined when unknown, idle too long or too old. */
export function findLiveSession(db: DbOrTrx, idHash: string, idleSince: Date, createdSince: Date) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id_hash', 's.last_seen_at', 'u.id as userId', 'u.email', 'u.name'])
    .where('s.id_hash', '=', idHash)
    .where('s.last_seen_at', '>', idleSince)
    .where('s.created_at', '>', createdSince)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
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
