import type { Insertable, Selectable } from 'kysely';
import type { DbOrTrx } from '../db.ts';
import type { ScorecardCommentaryTable } from '../schema.ts';

export type CommentaryRow = Selectable<ScorecardCommentaryTable>;

/** Commentary as it is saved: everything but its owner, id and time. */
export type NewCommentary = Omit<Insertable<ScorecardCommentaryTable>, 'id' | 'partnership_id' | 'created_at'>;

/** Every commentary saved on these rows, newest first. */
export function listCommentary(db: DbOrTrx, partnershipId: string, rowIds: readonly string[]): Promise<CommentaryRow[]> {
  if (rowIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('scorecard_commentary')
    .selectAll()
    .where('partnership_id', '=', partnershipId)
    .where('row_id', 'in', rowIds)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Saves commentary on a row for a period (never overwriting earlier commentary); its id. */
export async function insertCommentary(db: DbOrTrx, partnershipId: string, commentary: NewCommentary): Promise<string> {
  const { id } = await db
    .insertInto('scorecard_commentary')
    .values({ partnership_id: partnershipId, ...commentary })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
