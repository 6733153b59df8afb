import type { DbOrTrx } from '../db.ts';

export function insertApiToken(db: DbOrTrx, values: { user_id: string; name: string; token_hash: string; prefix: string }) {
  return db.insertInto('api_tokens').values(values).returning(['id', 'name', 'prefix', 'created_at']).executeTakeFirstOrThrow();
}

/** A person's tokens, newest first (hashes are never read back). */
export function listApiTokens(db: DbOrTrx, userId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** The person behind an unrevoked token. */
export function findUserByTokenHash(db: DbOrTrx, tokenHash: string) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id as tokenId', 'u.id as userId', 'u.email', 'u.name'])
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function markTokenUsed(db: DbOrTrx, tokenId: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', tokenId).execute();
}

/** Revokes one of a person's own tokens; false when there is no such live token. */
export async function revokeApiToken(db: DbOrTrx, userId: string, tokenId: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
